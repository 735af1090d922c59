use leptos::prelude::*;

use super::portal::province_name;

/// The bottom of every page: who runs the portal and where the data comes from.
#[component]
pub fn Footer() -> impl IntoView {
    let province = province_name();

    view! {
        <footer class="site-footer">
            <p>
                "Hệ thống thông tin giải quyết thủ tục hành chính "
                <Suspense fallback=|| ()>{province}</Suspense>
            </p>
            <p class="muted">
                "Dữ liệu thủ tục hành chính theo Cơ sở dữ liệu quốc gia về thủ tục hành chính."
            </p>
        </footer>
    }
}
