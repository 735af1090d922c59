use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::account::view::use_viewer;
use crate::dossier::api::{StartDossier, my_dossiers};
use crate::dossier::{DossierStatus, DossierSummary};
use crate::procedure::api::load_procedure;
use crate::procedure::detail::ProcedurePage;
use crate::shell::ErrorNotice;

/// `/thu-tuc/<code>/nop-ho-so`: where an online submission starts. A
/// signed-in applicant starts a draft (or goes back to one); anyone else is
/// told how to sign in first.
#[component]
pub fn StartPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.with(|params| params.get("code").unwrap_or_default());
    // The procedure and the applicant's drafts load together, so the page
    // has no second resource that hydration would have to find in order.
    let procedure = Resource::new(code, |code| async move {
        let page = load_procedure(code).await?;
        let drafts: Vec<DossierSummary> = my_dossiers()
            .await
            .unwrap_or_default()
            .into_iter()
            .filter(|dossier| dossier.procedure == page.entry.code && dossier.status == DossierStatus::Draft)
            .collect();
        Ok::<_, crate::error::AppError>((page, drafts))
    });

    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match procedure.await {
                    Ok((page, drafts)) => view! { <Start page drafts /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Start(page: ProcedurePage, drafts: Vec<DossierSummary>) -> impl IntoView {
    let entry = page.entry;
    let back = format!("/thu-tuc/{}", entry.code);
    let online = entry.online_level.is_some_and(|level| level.accepts_online_submission());
    let viewer = use_viewer();
    let who = move || viewer.and_then(|viewer| viewer.get()).and_then(Result::ok).flatten();
    let code = entry.code.clone();

    let body = move || {
        if !online {
            return view! {
                <p>"Thủ tục này không nhận hồ sơ trực tuyến. Vui lòng nộp trực tiếp tại Bộ phận Một cửa hoặc qua bưu chính công ích."</p>
            }
            .into_any();
        }
        match who() {
            None => view! {
                <p>"Để nộp hồ sơ trực tuyến, vui lòng đăng nhập bằng tài khoản định danh điện tử (VNeID). Thông tin của bạn sẽ được điền sẵn vào tờ khai."</p>
                <p><a class="button" href="/dang-nhap">"Đăng nhập"</a></p>
            }
            .into_any(),
            Some(viewer) if viewer.is_officer() => view! {
                <p>"Tài khoản cán bộ không nộp hồ sơ trực tuyến. Hồ sơ nộp trực tiếp được tiếp nhận tại trang của Bộ phận Một cửa."</p>
            }
            .into_any(),
            Some(_) => view! { <Begin procedure=code.clone() drafts=drafts.clone() /> }.into_any(),
        }
    };

    view! {
        <Title text=format!("Nộp hồ sơ: {}", entry.name) />
        <section class="start-dossier">
            <nav class="breadcrumb" aria-label="Vị trí">
                <A href=back.clone()>"Thủ tục"</A>" › Nộp hồ sơ trực tuyến"
            </nav>
            <h1>"Nộp hồ sơ trực tuyến"</h1>
            <p class="start-procedure">{entry.name.clone()}</p>
            <Suspense fallback=|| ()>{body}</Suspense>
            <p><A href=back>"Quay lại thủ tục"</A></p>
        </section>
    }
}

/// The drafts already started for the procedure, and the button that
/// starts a new one.
#[component]
fn Begin(procedure: String, drafts: Vec<DossierSummary>) -> impl IntoView {
    let action = ServerAction::<StartDossier>::new();
    let drafts = (!drafts.is_empty()).then(|| {
        view! {
            <div class="drafts">
                <p>"Bạn đã có bản nháp của thủ tục này:"</p>
                <ul>
                    {drafts
                        .into_iter()
                        .map(|draft| {
                            view! {
                                <li>
                                    <a href=format!("/ho-so/{}", draft.id)>"Tiếp tục bản nháp lưu lúc " {draft.when}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    });

    view! {
        {drafts}
        <ActionForm action>
            <input type="hidden" name="procedure" value=procedure />
            <button type="submit" class="button">"Bắt đầu khai hồ sơ mới"</button>
        </ActionForm>
        {move || action.value().get().and_then(Result::err).map(|error| view! { <p class="form-error" role="alert">{error.message()}</p> })}
    }
}
