use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::form::DossierForm;
use super::history::History;
use crate::dossier::api::load_dossier;
use crate::dossier::{DossierPage, DossierStatus};
use crate::eform::{FieldKind, Item};
use crate::shell::ErrorNotice;

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
                    Ok(page) if page.status == DossierStatus::Draft => {
                        view! {
                            <Title text=format!("Khai hồ sơ: {}", page.procedure_name) />
                            <section class="dossier">
                                <nav class="breadcrumb" aria-label="Vị trí">
                                    <A href="/ho-so-cua-toi">"Hồ sơ của tôi"</A>" › Bản nháp"
                                </nav>
                                <h1>{page.procedure_name.clone()}</h1>
                                <p class="help">"Các mục có dấu * là bắt buộc. Bạn có thể lưu nháp và quay lại bất cứ lúc nào."</p>
                                <DossierForm page checked=checked() saved=saved() />
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
    let answers = answer_lines(&page);
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
            </dl>
            <h2>"Quá trình xử lý"</h2>
            <History entries=page.history.clone() />
            <h2>"Giấy tờ đã nộp"</h2>
            <ul class="documents">
                {documents
                    .into_iter()
                    .map(|document| {
                        view! {
                            <li>
                                <a href=document.href() download>{document.title.clone()}</a>
                                " (" {document.type_label()} ", " {document.size_label()} ")"
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h2>"Nội dung tờ khai"</h2>
            <dl class="answers">
                {answers
                    .into_iter()
                    .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
                    .collect_view()}
            </dl>
        </section>
    }
}

/// The answered fields, labelled, with choices shown by their labels.
fn answer_lines(page: &DossierPage) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    for item in page.form.items() {
        let Item::Field(field) = item else { continue };
        let value = match &field.kind {
            FieldKind::Address => {
                let part = |name: &str| page.answers.get(&format!("{}.{name}", field.id)).to_string();
                let street = part("chi_tiet");
                let commune = part("xa");
                if street.is_empty() && commune.is_empty() {
                    String::new()
                } else {
                    [street, commune].join(", ")
                }
            }
            FieldKind::Select { choices } | FieldKind::Radio { choices } => {
                let value = page.answers.get(&field.id);
                choices
                    .iter()
                    .find(|choice| choice.value == value)
                    .map(|choice| choice.label.clone())
                    .unwrap_or_default()
            }
            FieldKind::Checkbox => {
                if page.answers.get(&field.id) == "on" {
                    "Có".into()
                } else {
                    String::new()
                }
            }
            _ => page.answers.get(&field.id).to_string(),
        };
        if !value.is_empty() {
            lines.push((field.label.clone(), value));
        }
    }
    lines
}
