use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Why the last sign-in did not complete, by the code the sign-in routes
/// put in `?loi=`; unknown codes say nothing.
pub fn sign_in_problem(code: &str) -> Option<&'static str> {
    Some(match code {
        "phien" => "Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.",
        "tu-choi" => "Bạn đã hủy đăng nhập hoặc nhà cung cấp định danh từ chối yêu cầu.",
        "xac-thuc" => "Không xác thực được thông tin đăng nhập. Vui lòng thử lại.",
        "thong-tin" => "Tài khoản định danh không cung cấp đủ thông tin cần thiết (họ tên, số định danh).",
        "chua-cap" => "Tài khoản cán bộ này chưa được quản trị viên cấp quyền sử dụng hệ thống.",
        "thu-hoi" => "Tài khoản cán bộ này đã bị thu hồi.",
        "nhieu-lan" => "Bạn đã thử đăng nhập quá nhiều lần. Vui lòng chờ vài phút rồi thử lại.",
        "chua-cau-hinh" => "Hình thức đăng nhập này chưa được cấu hình trên hệ thống.",
        "ket-noi" => "Không kết nối được với nhà cung cấp định danh. Vui lòng thử lại sau.",
        _ => return None,
    })
}

/// `/dang-nhap`: two doors, one for people (the national e-ID), one for
/// officers (the province's central sign-in).
#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let problem = move || query.with(|query| query.get("loi").and_then(|code| sign_in_problem(&code)));

    view! {
        <Title text="Đăng nhập" />
        <section class="sign-in">
            <h1>"Đăng nhập"</h1>
            {move || problem().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
            <div class="sign-in-door">
                <h2>"Công dân, doanh nghiệp, tổ chức"</h2>
                <p>"Đăng nhập bằng tài khoản định danh điện tử (VNeID) để nộp và theo dõi hồ sơ."</p>
                <a class="button" href="/dang-nhap/cong-dan" rel="external">
                    "Đăng nhập bằng VNeID"
                </a>
            </div>
            <div class="sign-in-door">
                <h2>"Cán bộ, công chức"</h2>
                <p>"Đăng nhập bằng tài khoản của hệ thống đăng nhập tập trung của tỉnh."</p>
                <a class="button secondary" href="/dang-nhap/can-bo" rel="external">
                    "Cán bộ đăng nhập"
                </a>
            </div>
        </section>
    }
}
