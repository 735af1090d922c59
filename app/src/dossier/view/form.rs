//! The e-form of a draft: one plain multipart form that works without
//! JavaScript, checked as the applicant types and saved in the background
//! when JavaScript runs.

use leptos::prelude::*;

use super::documents::DocumentSlot;
use super::fields::{DefaultProvince, FieldRow};
use super::state::{FormState, input_id, use_form_state};
use crate::dossier::{Channel, DossierPage, ReceivingAgency};
use crate::eform::answers::row_path;
use crate::eform::{Field, Group, Item, Section};

#[component]
pub fn DossierForm(page: DossierPage, checked: bool, saved: bool, resubmission: bool) -> impl IntoView {
    let state = FormState::new(
        page.id.clone(),
        page.answers.clone(),
        page.problems.clone(),
        page.communes.clone(),
        page.agency.clone(),
        &page.today,
    );
    provide_context(state);
    provide_context(StoredValue::new(page.provinces.clone()));
    provide_context(DefaultProvince(page.communes.first().map(|(code, _)| code.clone()).unwrap_or_default()));
    provide_context(StoredValue::new(page.slots.clone()));
    provide_context(UploadLimit(page.upload_limit_mb));
    autosave(state);

    let action = format!("/ho-so/{}/luu", page.id);
    let prefilled: Vec<String> =
        page.form.fields().filter(|field| field.prefill.is_some()).map(|field| field.id.clone()).collect();
    let prefilled = StoredValue::new(prefilled);
    let sections = page.form.sections.clone();

    view! {
        <form class="eform" method="post" action=action enctype="multipart/form-data" novalidate>
            // The form's default button: Enter in a text box saves, it does
            // not remove a row or a file.
            <button type="submit" name="intent" value="luu" class="visually-hidden" tabindex="-1" aria-hidden="true">
                "Lưu nháp"
            </button>
            <DeskNotice channel=page.channel />
            <ProblemSummary form=page.form.clone() checked saved />
            <AgencyChoice agencies=page.agencies.clone() chosen=page.agency.clone() />
            {sections
                .into_iter()
                .map(|section| view! { <SectionBlock section prefilled /> })
                .collect_view()}
            <div class="form-actions">
                <button type="submit" name="intent" value="luu" class="button secondary">"Lưu nháp"</button>
                <button type="submit" name="intent" value="nop" class="button">
                    {if resubmission { "Nộp bổ sung" } else { "Nộp hồ sơ" }}
                </button>
            </div>
            <AutosaveNote />
        </form>
    }
    .into_any()
}

/// On a dossier the desk registered: that the desk fills it for the
/// applicant, and, right after the registration, whether the papers it
/// scans reach an account of theirs.
#[component]
fn DeskNotice(channel: Channel) -> impl IntoView {
    use crate::desk::walk_in::{HAD_ACCOUNT, NO_ACCOUNT, REGISTERED_PARAM};

    let query = leptos_router::hooks::use_query_map();
    let registered = query.with_untracked(|query| query.get(REGISTERED_PARAM));
    let account = match registered.as_deref() {
        Some(HAD_ACCOUNT) => Some("Người nộp đã có tài khoản: giấy tờ số hóa sẽ vào kho dữ liệu của họ."),
        Some(NO_ACCOUNT) => Some(
            "Người nộp chưa có tài khoản trên Cổng: hồ sơ được đăng ký theo số định danh cá nhân đã nhập.",
        ),
        _ => None,
    };

    let came = match channel {
        Channel::Online => return None,
        Channel::Desk => "Hồ sơ nộp trực tiếp tại Bộ phận Một cửa",
        Channel::Postal => "Hồ sơ gửi qua bưu chính công ích",
    };
    Some(view! {
        <div class="desk-registration" role="status">
            <p>
                {came}
                ". Bộ phận Một cửa khai thay người nộp; mọi thông tin đều được nhập và kiểm tra như tờ khai trực tuyến."
            </p>
            {account.map(|text| view! { <p class="notice-saved">{text}</p> })}
        </div>
    })
}

/// The per-file limit, for the upload hints.
#[derive(Clone, Copy)]
pub struct UploadLimit(pub u64);

/// At the top: what was saved, and every problem at once, each a link to
/// its field.
#[component]
fn ProblemSummary(form: crate::eform::Form, checked: bool, saved: bool) -> impl IntoView {
    let state = use_form_state();
    let labels = StoredValue::new(labels_of(&form));
    let initial = state.problems.with_untracked(|problems| !problems.is_empty());

    let list = move || {
        let mut problems: Vec<(String, String)> = state.problems.get().into_iter().collect();
        problems.sort_by_key(|(path, _)| labels.with_value(|labels| position_of(labels, path)));
        (!problems.is_empty()).then(|| {
            let items = problems
                .into_iter()
                .map(|(path, message)| {
                    let label = labels.with_value(|labels| label_for(labels, &path));
                    view! {
                        <li>
                            <a href=format!("#{}", input_id(&path))>{label}</a>": "{message}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="problem-summary" id="loi" role="alert" tabindex="-1">
                    <h2>
                        {if checked { "Hồ sơ chưa nộp được, vui lòng sửa các mục sau:" } else { "Vui lòng xem lại các mục sau:" }}
                    </h2>
                    <ul>{items}</ul>
                </div>
            }
        })
    };

    view! {
        {(saved && !initial).then(|| view! { <p class="notice-saved" role="status">"Đã lưu bản nháp."</p> })}
        {(checked && !initial).then(|| view! { <p class="notice-saved" role="status">"Đã lưu. Các mục đã đủ, bạn có thể nộp hồ sơ."</p> })}
        {list}
    }
}

/// Labels by path, for the problem list: `con.1.ho_ten` reads "Họ và tên
/// (dòng 2)".
fn labels_of(form: &crate::eform::Form) -> Vec<(String, String)> {
    let mut labels = vec![
        ("co_quan".to_string(), "Cơ quan tiếp nhận".to_string()),
        ("yeu_cau".to_string(), "Tệp gửi lên".to_string()),
    ];
    for item in form.items() {
        match item {
            Item::Field(field) => labels.push((field.id.clone(), field.label.clone())),
            Item::Group(group) => {
                for field in &group.fields {
                    labels.push((
                        format!("{}.{}", group.id, field.id),
                        format!("{}: {}", group.label, field.label),
                    ));
                }
            }
            Item::Document(document) => labels.push((document.id.clone(), document.label.clone())),
            Item::Guidance { .. } => {}
        }
    }
    labels
}

/// Where a path comes in the form, so problems are listed top to bottom;
/// a row's answer sorts with its field, then by row.
fn position_of(labels: &[(String, String)], path: &str) -> (usize, u32) {
    let parts: Vec<&str> = path.split('.').collect();
    let (key, row) = match parts.as_slice() {
        [group, row, field] => (format!("{group}.{field}"), row.parse().unwrap_or(0)),
        [field, _part] => (field.to_string(), 0),
        _ => (path.to_string(), 0),
    };
    let index = labels.iter().position(|(known, _)| known == &key).unwrap_or(usize::MAX);
    (index, row)
}

fn label_for(labels: &[(String, String)], path: &str) -> String {
    if let Some((_, label)) = labels.iter().find(|(known, _)| known == path) {
        return label.clone();
    }

    let parts: Vec<&str> = path.split('.').collect();
    if let [group, row, field] = parts.as_slice()
        && let Some((_, label)) = labels.iter().find(|(known, _)| known == &format!("{group}.{field}"))
    {
        let row: u32 = row.parse().unwrap_or(0);
        return format!("{label} (mục {})", row + 1);
    }
    path.to_string()
}

#[component]
fn AgencyChoice(agencies: Vec<ReceivingAgency>, chosen: Option<String>) -> impl IntoView {
    let state = use_form_state();
    let problem = move || state.problem("co_quan");
    let chosen = chosen.unwrap_or_default();

    view! {
        <fieldset class="form-section">
            <legend>"Nơi nộp hồ sơ"</legend>
            <div class="field">
                <label for="f-co_quan">"Cơ quan tiếp nhận" <span class="required">" *"</span></label>
                <select
                    id="f-co_quan"
                    name="co_quan"
                    on:change=move |event| {
                        let agency = event_target_value(&event);
                        state.agency.set(Some(agency).filter(|agency| !agency.is_empty()));
                        state.dirty.set(true);
                    }
                >
                    <option value="">"— Chọn —"</option>
                    {agencies
                        .into_iter()
                        .map(|agency| {
                            let selected = agency.code == chosen;
                            view! { <option value=agency.code selected=selected>{agency.name}</option> }
                        })
                        .collect_view()}
                </select>
                <p class="field-error" aria-live="polite">{problem}</p>
            </div>
        </fieldset>
    }
}

#[component]
fn SectionBlock(section: Section, prefilled: StoredValue<Vec<String>>) -> impl IntoView {
    let state = use_form_state();
    let condition = section.show_when.clone();
    let shown = Memo::new(move |_| state.answers.with(|answers| answers.holds(condition.as_ref())));
    let items = section.items.clone();

    view! {
        <fieldset class="form-section" id=format!("phan-{}", section.id) hidden=move || !shown.get()>
            <legend>{section.title.clone()}</legend>
            {section.help.clone().map(|help| view! { <p class="help">{help}</p> })}
            {move || {
                shown
                    .get()
                    .then(|| {
                        items
                            .clone()
                            .into_iter()
                            .map(|item| view! { <ItemBlock item prefilled /> })
                            .collect_view()
                    })
            }}
        </fieldset>
    }
}

#[component]
fn ItemBlock(item: Item, prefilled: StoredValue<Vec<String>>) -> impl IntoView {
    let state = use_form_state();
    match item {
        Item::Field(field) => {
            let condition = field.show_when.clone();
            let shown = move || state.answers.with(|answers| answers.holds(condition.as_ref()));
            let readonly =
                prefilled.with_value(|ids| ids.contains(&field.id)) && !state.value(&field.id).is_empty();
            view! {
                <Show when=shown>
                    <FieldRow field=field.clone() path=field.id.clone() readonly />
                </Show>
            }
            .into_any()
        }
        Item::Group(group) => view! { <GroupBlock group /> }.into_any(),
        Item::Document(document) => {
            let condition = document.show_when.clone();
            let shown = move || state.answers.with(|answers| answers.holds(condition.as_ref()));
            view! {
                <Show when=shown>
                    <DocumentSlot document=document.clone() />
                </Show>
            }
            .into_any()
        }
        Item::Guidance { text } => view! { <p class="form-guidance">{text}</p> }.into_any(),
    }
}

/// Rows of a repeatable group, each with a button that removes it, and a
/// button that adds one. Both save the form and come back to the group.
#[component]
fn GroupBlock(group: Group) -> impl IntoView {
    let state = use_form_state();
    let condition = group.show_when.clone();
    let shown = Memo::new(move |_| state.answers.with(|answers| answers.holds(condition.as_ref())));
    let add_label = format!("Thêm {}", group.label.to_lowercase());
    let rows = state.answers.with_untracked(|answers| answers.rows_of(&group));
    let removable = rows > group.min_rows;
    let addable = rows < group.max_rows;
    let id = format!("nhom-{}", group.id);

    let row_views = (0..rows)
        .map(|row| {
            let fields: Vec<Field> = group.fields.clone();
            let group_id = group.id.clone();
            view! {
                <fieldset class="group-row">
                    <legend>{format!("{} {}", group.label, row + 1)}</legend>
                    {fields
                        .into_iter()
                        .map(|field| {
                            let path = row_path(&group_id, row, &field.id);
                            view! { <FieldRow field path /> }
                        })
                        .collect_view()}
                    {removable.then(|| view! {
                        <button type="submit" name="intent" value=format!("xoa:{}:{row}", group_id) class="link-button">
                            "Xóa mục này"
                        </button>
                    })}
                </fieldset>
            }
        })
        .collect_view();

    view! {
        <Show when=move || shown.get()>
            <div class="group" id=id.clone()>
                <p class="group-label">{group.label.clone()}</p>
                {group.help.clone().map(|help| view! { <p class="help">{help}</p> })}
                {rows.eq(&0).then(|| view! { <p class="help">"Chưa có mục nào."</p> })}
            </div>
        </Show>
        <div class="group-rows" hidden=move || !shown.get()>
            {row_views}
            {addable.then(|| view! {
                <button type="submit" name="intent" value=format!("them:{}", group.id) class="button secondary">
                    {add_label.clone()}
                </button>
            })}
        </div>
    }
}

#[component]
fn AutosaveNote() -> impl IntoView {
    let note = use_context::<AutosaveStatus>().map(|status| status.0);
    view! { <p class="autosave" aria-live="polite">{move || note.map(|note| note.get())}</p> }
}

#[derive(Clone, Copy)]
struct AutosaveStatus(RwSignal<String>);

/// With JavaScript, answers are saved a moment after the applicant stops
/// typing, so closing the page loses nothing. Files still go with a button.
fn autosave(state: FormState) {
    let status = RwSignal::new(String::new());
    provide_context(AutosaveStatus(status));

    #[cfg(feature = "hydrate")]
    {
        let pending = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
        Effect::new(move |_| {
            if !state.dirty.get() {
                return;
            }
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let handle = set_timeout_with_handle(
                move || {
                    state.dirty.set(false);
                    let values = state.answers.get_untracked().values;
                    let key = state.key.get_value();
                    let agency = state.agency.get_untracked();
                    leptos::task::spawn_local(async move {
                        status.set("Đang lưu…".into());
                        match crate::dossier::api::autosave_draft(key, values, agency).await {
                            Ok(()) => status.set("Đã tự động lưu bản nháp.".into()),
                            Err(error) => status.set(format!("Chưa lưu được: {}", error.message())),
                        }
                    });
                },
                std::time::Duration::from_millis(1500),
            );
            pending.set_value(handle.ok());
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = state;
}
