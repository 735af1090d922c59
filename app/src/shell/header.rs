use leptos::prelude::*;
use leptos_router::components::A;

use super::portal::province_name;

/// The top bar: the portal's name and the main ways around it.
#[component]
pub fn Header() -> impl IntoView {
    let province = province_name();

    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"★"</span>
                <span class="brand-text">
                    <span class="brand-title">"Cổng Dịch vụ công"</span>
                    <Suspense fallback=|| ()>
                        <span class="brand-province">{province}</span>
                    </Suspense>
                </span>
            </A>
            <nav class="site-nav" aria-label="Điều hướng chính">
                <A href="/thu-tuc">"Thủ tục hành chính"</A>
                <A href="/tra-cuu">"Tra cứu hồ sơ"</A>
                <crate::account::view::AccountMenu />
            </nav>
        </header>
    }
}
