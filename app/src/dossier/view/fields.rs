//! One input per field type. Names are `f:<path>` for the server; ids come
//! from [`input_id`] for labels and the problem list.

use leptos::prelude::*;

use super::state::{input_id, use_form_state};
use crate::eform::answers::part_path;
use crate::eform::schema::Choice;
use crate::eform::{Field, FieldKind};

/// A field with its label, help, input and problem.
#[component]
pub fn FieldRow(field: Field, path: String, #[prop(optional)] readonly: bool) -> impl IntoView {
    let state = use_form_state();
    let id = input_id(&path);
    let problem_id = format!("{id}-loi");
    let problem = {
        let path = path.clone();
        move || state.problem(&path)
    };
    let required = field.required.then(|| view! { <span class="required" aria-label="bắt buộc">" *"</span> });
    let help = field.help.clone().map(|help| view! { <p class="help">{help}</p> });
    let note =
        readonly.then(|| view! { <p class="help">"Lấy từ tài khoản định danh điện tử, không cần nhập."</p> });

    let input = match &field.kind {
        FieldKind::Radio { choices } => {
            return view! {
                <fieldset class="field" id=id.clone()>
                    <legend>{field.label.clone()} {required}</legend>
                    {help}
                    <RadioInput field=field.clone() path=path.clone() choices=choices.clone() />
                    <Problem id=problem_id problem />
                </fieldset>
            }
            .into_any();
        }
        FieldKind::Address => {
            return view! {
                <fieldset class="field" id=id.clone()>
                    <legend>{field.label.clone()} {required}</legend>
                    {help}
                    <AddressInput field=field.clone() path=path.clone() />
                    <Problem id=problem_id problem />
                </fieldset>
            }
            .into_any();
        }
        FieldKind::Checkbox => {
            return view! {
                <div class="field field-check">
                    <CheckboxInput field=field.clone() path=path.clone() id=id.clone() />
                    <label for=id.clone()>{field.label.clone()} {required}</label>
                    {help}
                    <Problem id=problem_id problem />
                </div>
            }
            .into_any();
        }
        FieldKind::Select { .. } => {
            view! { <SelectInput field=field.clone() path=path.clone() /> }.into_any()
        }
        _ => view! { <TextInput field=field.clone() path=path.clone() id=id.clone() readonly /> }.into_any(),
    };

    view! {
        <div class="field">
            <label for=id>{field.label.clone()} {required}</label>
            {help}
            {note}
            {input}
            <Problem id=problem_id problem />
        </div>
    }
    .into_any()
}

#[component]
fn Problem(id: String, problem: impl Fn() -> Option<String> + Send + Sync + 'static) -> impl IntoView {
    view! {
        <p class="field-error" id=id aria-live="polite">
            {problem}
        </p>
    }
}

/// Text-like inputs: the type that brings the right phone keyboard, never
/// the browser's own checks (the form is `novalidate`; ours speak
/// Vietnamese).
#[component]
fn TextInput(field: Field, path: String, id: String, readonly: bool) -> impl IntoView {
    let state = use_form_state();
    let value = state.value(&path);
    let invalid = {
        let path = path.clone();
        move || state.problem(&path).is_some().then_some("true")
    };
    let described = format!("{id}-loi");
    let name = format!("f:{path}");
    let (kind, mode, limit) = match &field.kind {
        FieldKind::ShortText { max_length } => ("text", None, *max_length),
        FieldKind::Number { integer, .. } => {
            ("text", Some(if *integer { "numeric" } else { "decimal" }), None)
        }
        FieldKind::Date { .. } => ("date", None, None),
        FieldKind::IdNumber => ("text", Some("numeric"), Some(12)),
        FieldKind::Phone => ("tel", None, Some(20)),
        FieldKind::Email => ("email", None, Some(254)),
        _ => ("text", None, None),
    };
    let autocomplete = match &field.kind {
        FieldKind::Phone => Some("tel"),
        FieldKind::Email => Some("email"),
        _ => None,
    };

    let on_input = {
        let (field, path) = (field.clone(), path.clone());
        move |event: leptos::ev::Event| state.typed(&field, &path, event_target_value(&event))
    };
    let on_change = {
        let (field, path) = (field.clone(), path.clone());
        move |event: leptos::ev::Event| state.check(&field, &path, &event_target_value(&event))
    };

    if let FieldKind::LongText { max_length } = &field.kind {
        return view! {
            <textarea
                id=id
                name=name
                rows="4"
                maxlength=max_length.map(|limit| limit.to_string())
                aria-invalid=invalid
                aria-describedby=described
                on:input=on_input
                on:change=on_change
            >
                {value}
            </textarea>
        }
        .into_any();
    }

    view! {
        <input
            type=kind
            id=id
            name=name
            value=value
            inputmode=mode
            autocomplete=autocomplete
            maxlength=limit.map(|limit| limit.to_string())
            readonly=readonly
            aria-invalid=invalid
            aria-describedby=described
            on:input=on_input
            on:change=on_change
        />
    }
    .into_any()
}

#[component]
fn CheckboxInput(field: Field, path: String, id: String) -> impl IntoView {
    let state = use_form_state();
    let checked = state.value(&path) == "on";
    let name = format!("f:{path}");
    let on_change = move |event: leptos::ev::Event| {
        let value = if event_target_checked(&event) { "on".to_string() } else { String::new() };
        state.typed(&field, &path, value.clone());
        state.check(&field, &path, &value);
    };

    view! { <input type="checkbox" id=id name=name value="on" checked=checked on:change=on_change /> }
}

#[component]
fn RadioInput(field: Field, path: String, choices: Vec<Choice>) -> impl IntoView {
    let state = use_form_state();
    let current = state.value(&path);
    let name = format!("f:{path}");

    choices
        .into_iter()
        .enumerate()
        .map(|(index, choice)| {
            let id = format!("{}-{index}", input_id(&path));
            let checked = choice.value == current;
            let on_change = {
                let (field, path, value) = (field.clone(), path.clone(), choice.value.clone());
                move |_| {
                    state.typed(&field, &path, value.clone());
                    state.check(&field, &path, &value);
                }
            };
            view! {
                <div class="choice">
                    <input type="radio" id=id.clone() name=name.clone() value=choice.value checked=checked on:change=on_change />
                    <label for=id>{choice.label}</label>
                </div>
            }
        })
        .collect_view()
}

/// A select of choices, with an empty first option.
#[component]
pub fn SelectInput(field: Field, path: String) -> impl IntoView {
    let state = use_form_state();
    let id = input_id(&path);
    let choices = match &field.kind {
        FieldKind::Select { choices } => choices.clone(),
        _ => Vec::new(),
    };
    let current = state.value(&path);
    let name = format!("f:{path}");
    let on_change = {
        let (field, path) = (field.clone(), path.clone());
        move |event: leptos::ev::Event| {
            let value = event_target_value(&event);
            state.typed(&field, &path, value.clone());
            state.check(&field, &path, &value);
        }
    };

    view! {
        <select id=id name=name on:change=on_change>
            <option value="">"— Chọn —"</option>
            {choices
                .into_iter()
                .map(|choice| {
                    let selected = choice.value == current;
                    view! { <option value=choice.value selected=selected>{choice.label}</option> }
                })
                .collect_view()}
        </select>
    }
}

/// Province, then commune of that province, then house number and street.
/// Without JavaScript the communes are those of the saved province (the
/// portal's own province at first); with it, they follow the choice.
#[component]
fn AddressInput(field: Field, path: String) -> impl IntoView {
    let state = use_form_state();
    let provinces = use_context::<StoredValue<Vec<crate::dossier::Unit>>>()
        .map(|provinces| provinces.get_value())
        .unwrap_or_default();
    let default_province = use_context::<DefaultProvince>().map(|province| province.0).unwrap_or_default();

    let province_path = part_path(&path, "tinh");
    let commune_path = part_path(&path, "xa");
    let street_path = part_path(&path, "chi_tiet");
    let saved_province =
        Some(state.value(&province_path)).filter(|value| !value.is_empty()).unwrap_or(default_province);
    let saved_commune = state.value(&commune_path);
    let street = state.value(&street_path);

    let chosen_province = RwSignal::new(saved_province.clone());
    let communes = move || {
        let province = chosen_province.get();
        state.communes.with(|loaded| {
            loaded
                .iter()
                .find(|(code, _)| code == &province)
                .map(|(_, list)| list.clone())
                .unwrap_or_default()
        })
    };

    let on_province = {
        let (field, province_path) = (field.clone(), province_path.clone());
        move |event: leptos::ev::Event| {
            let province = event_target_value(&event);
            state.typed(&field, &province_path, province.clone());
            chosen_province.set(province.clone());
            let loaded =
                state.communes.with_untracked(|loaded| loaded.iter().any(|(code, _)| code == &province));
            if !loaded && !province.is_empty() {
                leptos::task::spawn_local(async move {
                    if let Ok(list) = crate::dossier::api::list_communes(province.clone()).await {
                        state.communes.update(|loaded| loaded.push((province, list)));
                    }
                });
            }
        }
    };
    let on_commune = {
        let (field, commune_path) = (field.clone(), commune_path.clone());
        move |event: leptos::ev::Event| state.typed(&field, &commune_path, event_target_value(&event))
    };
    let on_street = {
        let (field, street_path) = (field.clone(), street_path.clone());
        move |event: leptos::ev::Event| state.typed(&field, &street_path, event_target_value(&event))
    };

    let province_id = input_id(&province_path);
    let commune_id = input_id(&commune_path);
    let street_id = input_id(&street_path);

    view! {
        <div class="address">
            <label for=province_id.clone()>"Tỉnh, thành phố"</label>
            <select id=province_id name=format!("f:{province_path}") on:change=on_province>
                <option value="">"— Chọn —"</option>
                {provinces
                    .into_iter()
                    .map(|province| {
                        let selected = province.code == saved_province;
                        view! { <option value=province.code selected=selected>{province.name}</option> }
                    })
                    .collect_view()}
            </select>
            <noscript>
                <p class="help">"Đổi tỉnh, thành phố rồi bấm “Lưu nháp” để chọn xã, phường của tỉnh đó."</p>
            </noscript>
            <label for=commune_id.clone()>"Xã, phường, đặc khu"</label>
            <select id=commune_id name=format!("f:{commune_path}") on:change=on_commune>
                <option value="">"— Chọn —"</option>
                {move || {
                    communes()
                        .into_iter()
                        .map(|commune| {
                            let selected = commune.code == saved_commune;
                            view! { <option value=commune.code selected=selected>{commune.name}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <label for=street_id.clone()>"Số nhà, đường, thôn, tổ dân phố"</label>
            <input type="text" id=street_id name=format!("f:{street_path}") value=street maxlength="200" on:input=on_street />
        </div>
    }
}

/// The portal's own province, chosen first in empty addresses.
#[derive(Clone)]
pub struct DefaultProvince(pub String);
