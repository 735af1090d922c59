use leptos::prelude::*;
use leptos_router::components::A;

use super::navigate::search_on_submit;

use crate::procedure::api::CatalogueOverview;
use crate::procedure::model::{Audience, OnlineLevel, level_label};
use crate::procedure::query::SearchQuery;

/// The filters as a GET form that keeps the search text; each applied
/// filter also shows as a chip that removes it.
#[component]
pub fn Filters(query: SearchQuery, overview: CatalogueOverview) -> impl IntoView {
    let chips = active_filters(&query);
    let open = query.is_filtered();
    let text = query.text.clone();
    let field = query.field.clone();
    let level = query.level.clone();
    let audience = query.audience.map(|audience| audience.slug().to_string());
    let online = query.online.map(|level| level.slug().to_string());
    let field_options = overview
        .fields
        .iter()
        .map(|facet| (facet.value.clone(), format!("{} ({})", facet.value, facet.count)))
        .collect::<Vec<_>>();
    let level_options = overview
        .levels
        .iter()
        .map(|facet| (facet.value.clone(), level_label(&facet.value).to_string()))
        .collect::<Vec<_>>();
    let audience_options = Audience::ALL
        .iter()
        .map(|audience| (audience.slug().to_string(), audience.label().to_string()))
        .collect::<Vec<_>>();
    let online_options = OnlineLevel::ALL
        .iter()
        .map(|level| (level.slug().to_string(), level.label().to_string()))
        .collect::<Vec<_>>();

    view! {
        <details class="filters" open=open>
            <summary>"Bộ lọc"</summary>
            <form method="get" action="/thu-tuc" class="filter-form" on:submit=search_on_submit()>
                <input type="hidden" name="q" value=text />
                <Choice
                    name="linh-vuc"
                    label="Lĩnh vực"
                    options=field_options
                    selected=field
                />
                <Choice
                    name="doi-tuong"
                    label="Đối tượng"
                    options=audience_options
                    selected=audience
                />
                <Choice name="cap" label="Cấp thực hiện" options=level_options selected=level />
                <Choice
                    name="muc-do"
                    label="Mức độ trực tuyến"
                    options=online_options
                    selected=online
                />
                <button type="submit">"Áp dụng bộ lọc"</button>
            </form>
        </details>
        {(!chips.is_empty()).then(|| {
            view! {
                <ul class="chips active-filters" aria-label="Bộ lọc đang áp dụng">
                    {chips
                        .into_iter()
                        .map(|(label, href)| {
                            view! {
                                <li>
                                    <A href=href attr:title="Bỏ bộ lọc này">{label}" ✕"</A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })}
    }
}

/// A labelled select whose first option means "any".
#[component]
fn Choice(
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    selected: Option<String>,
) -> impl IntoView {
    let id = format!("loc-{name}");

    view! {
        <label for=id.clone()>{label}</label>
        <select id=id name=name>
            <option value="" selected=selected.is_none()>"Tất cả"</option>
            {options
                .into_iter()
                .map(|(value, text)| {
                    let is_selected = selected.as_deref() == Some(value.as_str());
                    view! { <option value=value selected=is_selected>{text}</option> }
                })
                .collect_view()}
        </select>
    }
}

/// Each applied filter with the URL of the same search without it.
fn active_filters(query: &SearchQuery) -> Vec<(String, String)> {
    let base = query.with_page(1);
    let mut chips = Vec::new();
    if let Some(field) = &query.field {
        chips.push((field.clone(), SearchQuery { field: None, ..base.clone() }.to_url()));
    }
    if let Some(audience) = query.audience {
        chips.push((audience.label().to_string(), SearchQuery { audience: None, ..base.clone() }.to_url()));
    }
    if let Some(level) = &query.level {
        chips.push((level_label(level).to_string(), SearchQuery { level: None, ..base.clone() }.to_url()));
    }
    if let Some(online) = query.online {
        chips.push((online.label().to_string(), SearchQuery { online: None, ..base }.to_url()));
    }
    chips
}
