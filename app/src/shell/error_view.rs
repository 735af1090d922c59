use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::error::AppError;

/// A failed page: the user's sentence, and the matching HTTP status when the
/// page is rendered on the server.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(error.status())
    {
        response.set_status(status);
    }

    let title = match error {
        AppError::NotFound => "Không tìm thấy",
        AppError::InvalidInput(_) => "Yêu cầu chưa hợp lệ",
        AppError::SignInRequired => "Cần đăng nhập",
        AppError::Forbidden => "Không có quyền truy cập",
        AppError::Conflict(_) => "Hồ sơ đã được xử lý",
        AppError::Internal | AppError::Transport(_) => "Đã có lỗi xảy ra",
    };
    let sign_in = matches!(error, AppError::SignInRequired).then(|| {
        view! {
            <p>
                <a class="button" href="/dang-nhap">"Đăng nhập"</a>
            </p>
        }
    });

    view! {
        <Title text=title />
        <section class="notice-page" role="alert">
            <h1>{title}</h1>
            <p>{error.message()}</p>
            {sign_in}
            <p>
                <A href="/">"Về trang chủ"</A>
            </p>
        </section>
    }
}
