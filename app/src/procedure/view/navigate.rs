//! With JavaScript, the search and filter forms navigate in place to the
//! canonical address of the search they describe: no empty parameters, the
//! same order every time, so the address bar shows a link worth sharing.
//! Without JavaScript the browser submits them as plain GET forms to
//! `/thu-tuc`, which reads the same parameters.

use leptos::ev::SubmitEvent;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{FormData, HtmlFormElement};
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::procedure::query::{FORM_PARAMETERS, SearchQuery};

/// The submit handler of a catalogue search form. Should the form's data be
/// unreadable, it lets the browser submit the form as it would without
/// JavaScript.
pub fn search_on_submit() -> impl Fn(SubmitEvent) + Clone + 'static {
    let navigate = use_navigate();

    move |event: SubmitEvent| {
        let Some(form) = event.target().and_then(|target| target.dyn_into::<HtmlFormElement>().ok()) else {
            return;
        };
        let Ok(data) = FormData::new_with_form(&form) else {
            return;
        };
        event.prevent_default();

        let values: Vec<(&str, String)> =
            FORM_PARAMETERS.iter().filter_map(|name| Some((*name, data.get(name).as_string()?))).collect();
        let (query, _) = SearchQuery::from_params(values.iter().map(|(name, value)| (*name, value.as_str())));
        navigate(&query.to_url(), NavigateOptions::default());
    }
}
