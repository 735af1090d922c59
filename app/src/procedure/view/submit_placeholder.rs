use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// `/thu-tuc/<code>/nop-ho-so`: where online submission will start. Until
/// sign-in with the national e-ID is connected, the page says so plainly and
/// points back to the procedure, so the button on it never leads nowhere.
#[component]
pub fn SubmitPlaceholderPage() -> impl IntoView {
    let params = use_params_map();
    let code = params.with_untracked(|params| params.get("code").unwrap_or_default());
    let back = format!("/thu-tuc/{code}");

    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::SERVICE_UNAVAILABLE);
    }

    view! {
        <Title text="Nộp hồ sơ trực tuyến" />
        <section class="notice-page">
            <h1>"Nộp hồ sơ trực tuyến"</h1>
            <p>
                "Chức năng nộp hồ sơ trực tuyến đang được kết nối với tài khoản định danh điện tử (VNeID) và chưa mở. "
                "Trong thời gian này, bạn có thể chuẩn bị hồ sơ theo hướng dẫn và nộp trực tiếp tại Bộ phận Một cửa."
            </p>
            <p><A href=back>"Quay lại thủ tục"</A></p>
        </section>
    }
}
