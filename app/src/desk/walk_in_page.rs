use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::walk_in::RegisterWalkIn;
use crate::account::Role;
use crate::account::view::admitted;
use crate::shell::ErrorNotice;

/// `/can-bo/dang-ky-ho-so`: a desk officer registers a dossier brought to
/// the desk or sent by post, then fills its e-form for the applicant.
#[component]
pub fn WalkInPage() -> impl IntoView {
    let action = ServerAction::<RegisterWalkIn>::new();
    let page = move || {
        admitted(|viewer| viewer.roles.contains(&Role::DeskOfficer)).map(|viewer| match viewer {
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
            Ok(_) => view! { <WalkInForm action /> }.into_any(),
        })
    };

    view! {
        <Title text="Đăng ký hồ sơ nộp trực tiếp" />
        <section class="walk-in">
            <nav class="breadcrumb" aria-label="Vị trí">
                <A href="/can-bo">"Hồ sơ cần xử lý"</A>" › Đăng ký hồ sơ"
            </nav>
            <h1>"Đăng ký hồ sơ nộp trực tiếp hoặc qua bưu chính"</h1>
            <Suspense fallback=|| ()>{page}</Suspense>
        </section>
    }
}

/// The procedure, the channel and the applicant as their identity paper
/// reads. The e-form comes next, on its own page.
#[component]
fn WalkInForm(action: ServerAction<RegisterWalkIn>) -> impl IntoView {
    let problem = move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <p class="form-error" role="alert">{error.message()}</p> })
    };

    view! {
        <ActionForm action attr:class="eform walk-in-form">
            {problem}
            <fieldset class="form-section">
                <legend>"Thủ tục"</legend>
                <div class="field">
                    <label for="dk-thu-tuc">"Mã thủ tục" <span class="required">" *"</span></label>
                    <p class="help">"Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001193."</p>
                    <input type="text" id="dk-thu-tuc" name="procedure" required autocomplete="off" maxlength="40" />
                </div>
                <fieldset class="field">
                    <legend>"Hình thức nộp"</legend>
                    <div class="choice">
                        <input type="radio" id="dk-truc-tiep" name="channel" value="desk" checked />
                        <label for="dk-truc-tiep">"Trực tiếp tại Bộ phận Một cửa"</label>
                    </div>
                    <div class="choice">
                        <input type="radio" id="dk-buu-chinh" name="channel" value="postal" />
                        <label for="dk-buu-chinh">"Qua bưu chính công ích"</label>
                    </div>
                </fieldset>
            </fieldset>
            <fieldset class="form-section">
                <legend>"Người nộp hồ sơ"</legend>
                <p class="help">
                    "Nhập đúng theo giấy tờ tùy thân của người nộp. Nếu người nộp đã có tài khoản trên Cổng, hồ sơ và giấy tờ số hóa sẽ vào tài khoản đó."
                </p>
                <div class="field">
                    <label for="dk-so-dinh-danh">"Số định danh cá nhân" <span class="required">" *"</span></label>
                    <input
                        type="text"
                        id="dk-so-dinh-danh"
                        name="id_number"
                        inputmode="numeric"
                        maxlength="12"
                        autocomplete="off"
                        required
                    />
                </div>
                <div class="field">
                    <label for="dk-ho-ten">"Họ và tên" <span class="required">" *"</span></label>
                    <input type="text" id="dk-ho-ten" name="full_name" maxlength="100" autocomplete="off" required />
                </div>
                <div class="field">
                    <label for="dk-ngay-sinh">"Ngày sinh" <span class="required">" *"</span></label>
                    <input type="date" id="dk-ngay-sinh" name="birth_date" required />
                </div>
                <div class="field">
                    <label for="dk-dien-thoai">"Số điện thoại (không bắt buộc)"</label>
                    <input type="tel" id="dk-dien-thoai" name="phone" autocomplete="off" />
                </div>
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="button">"Đăng ký và khai hồ sơ"</button>
            </div>
        </ActionForm>
    }
}
