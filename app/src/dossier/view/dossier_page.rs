use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::form::DossierForm;
use super::history::{AnswerList, History};
use crate::dossier::api::load_dossier;
use crate::dossier::{DossierPage, DossierStatus};
use crate::procedure::view::EstimateNote;
use crate::shell::ErrorNotice;
use crate::slip::view::SlipLinks;
use crate::store::view::DocumentLink;

/// `/ho-so/<key>`: a draft's form, or a submitted dossier with its code.
#[component]
pub fn DossierRoute() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || params.with(|params| params.get("key").unwrap_or_default());
    let checked = move || query.with(|query| query.get("kiem-tra").is_some());
    let saved = move || query.with(|query| query.get("da-luu").is_some());
    let page = Resource::new(key, load_dossier);

    view! {
        <Suspense fallback=|| view! { <p class="loading">"Đang tải hồ sơ…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) if page.status.editable_by_applicant() => {
                        let supplement = (page.status == DossierStatus::SupplementRequested).then(|| {
                            view! {
                                <div class="supplement-request" role="alert">
                                    <h2>"Hồ sơ " {page.code.clone()} " cần bổ sung"</h2>
                                    <p>"Bộ phận Một cửa yêu cầu bổ sung, sửa đổi các nội dung sau:"</p>
                                    <p class="desk-note">{page.desk_note.clone()}</p>
                                    <p class="help">"Sửa các mục dưới đây rồi bấm “Nộp bổ sung”. Hồ sơ giữ nguyên mã."</p>
                                </div>
                            }
                        });
                        let resubmission = supplement.is_some();
                        view! {
                            <Title text=format!("Khai hồ sơ: {}", page.procedure_name) />
                            <section class="dossier">
                                <nav class="breadcrumb" aria-label="Vị trí">
                                    <A href="/ho-so-cua-toi">"Hồ sơ của tôi"</A>
                                    {if resubmission { " › Bổ sung hồ sơ" } else { " › Bản nháp" }}
                                </nav>
                                <h1>{page.procedure_name.clone()}</h1>
                                {supplement}
                                <p class="help">"Các mục có dấu * là bắt buộc. Bạn có thể lưu nháp và quay lại bất cứ lúc nào."</p>
                                <DossierForm page checked=checked() saved=saved() resubmission />
                            </section>
                        }
                        .into_any()
                    }
                    Ok(page) => view! { <Submitted page /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A submitted dossier as its applicant sees it.
#[component]
fn Submitted(page: DossierPage) -> impl IntoView {
    let code = page.code.clone().unwrap_or_default();
    let answers = crate::eform::display::answer_lines(&page.form, &page.answers, &page.unit_names);
    let documents: Vec<_> = page.slots.iter().filter_map(|slot| slot.attached.clone()).collect();

    view! {
        <Title text=format!("Hồ sơ {code}") />
        <section class="dossier">
            <nav class="breadcrumb" aria-label="Vị trí">
                <A href="/ho-so-cua-toi">"Hồ sơ của tôi"</A>" › " {code.clone()}
            </nav>
            <h1>{page.procedure_name.clone()}</h1>
            <div class="dossier-code" role="status">
                <p>"Mã hồ sơ"</p>
                <p class="code">{code.clone()}</p>
                <p>"Mã tra cứu: " <strong class="secret">{page.tracking_secret.clone()}</strong></p>
                <p class="help">
                    "Dùng mã hồ sơ và mã tra cứu để theo dõi hồ sơ tại trang "
                    <a href="/tra-cuu">"Tra cứu hồ sơ"</a>
                    " mà không cần đăng nhập."
                </p>
            </div>
            <dl class="facts">
                <dt>"Trạng thái"</dt>
                <dd class="status">{page.status.label()}</dd>
                <dt>"Cơ quan tiếp nhận"</dt>
                <dd>{page.agency_name.clone()}</dd>
                <dt>"Hình thức nộp"</dt>
                <dd>{page.channel.label()}</dd>
                <dt>"Thời gian nộp"</dt>
                <dd>{page.submitted_at.clone()}</dd>
                {page.received_at.clone().map(|at| view! { <dt>"Thời gian tiếp nhận"</dt><dd>{at}</dd> })}
                {page.due_on.clone().map(|due| view! { <dt>"Ngày hẹn trả kết quả"</dt><dd class="due">{crate::text::date(&due)}</dd> })}
                {page.new_due_on.clone().map(|due| view! {
                    <dt>"Ngày hẹn mới"</dt>
                    <dd class="new-due">{crate::text::date(&due)}</dd>
                    <dt>"Lý do chậm"</dt>
                    <dd>{page.apology_reason.clone()}</dd>
                })}
                {page.returned_at.clone().map(|at| view! { <dt>"Đã trả kết quả lúc"</dt><dd>{at}</dd> })}
                {page.delivery.map(|delivery| view! { <dt>"Hình thức nhận kết quả"</dt><dd>{delivery.label()}</dd> })}
                {page.outcome.map(|outcome| view! { <dt>"Thời hạn"</dt><dd class="outcome">{outcome.label()}</dd> })}
                {(page.status == DossierStatus::Refused).then(|| view! {
                    <dt>"Lý do từ chối"</dt>
                    <dd class="desk-note">{page.desk_note.clone()}</dd>
                })}
            </dl>
            {page.result.clone().map(|document| view! {
                <div class="result" role="status">
                    <h2>"Kết quả giải quyết"</h2>
                    <p><DocumentLink document /></p>
                    <p class="help">"Kết quả đã được lưu vào " <a href="/kho-du-lieu">"Kho dữ liệu"</a> " của bạn."</p>
                </div>
            })}
            {page.reckoning.clone().map(|due| view! { <EstimateNote due received=true /> })}
            <SlipLinks key=page.id.clone() kinds=page.slips.clone() />
            <h2>"Quá trình xử lý"</h2>
            <History entries=page.history.clone() />
            <h2>"Giấy tờ đã nộp"</h2>
            <ul class="documents">
                {documents
                    .into_iter()
                    .map(|document| {
                        view! {
                            <li>
                                <DocumentLink document />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h2>"Nội dung tờ khai"</h2>
            <AnswerList answers />
        </section>
    }
}
