use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// Shown for any address the portal does not know, with HTTP status 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }

    view! {
        <Title text="Không tìm thấy trang" />
        <section class="notice-page">
            <h1>"Không tìm thấy trang"</h1>
            <p>"Địa chỉ bạn mở không có trên Cổng Dịch vụ công. Có thể đường dẫn đã sai hoặc đã cũ."</p>
            <p>
                <A href="/">"Về trang chủ"</A>
                " · "
                <A href="/thu-tuc">"Tìm thủ tục hành chính"</A>
            </p>
        </section>
    }
}
