use leptos::prelude::*;
use leptos_router::components::A;

use super::badge::OnlineBadge;
use crate::procedure::model::{ProcedureSummary, level_label};

/// One search result: the name with matched words marked, and what the
/// visitor needs to choose (level, field, online level).
#[component]
pub fn ResultCard(summary: ProcedureSummary) -> impl IntoView {
    let href = format!("/thu-tuc/{}", summary.code);
    let levels = summary.levels.iter().map(|code| level_label(code).to_string()).collect::<Vec<_>>();
    let name =
        summary
            .name_parts
            .into_iter()
            .map(|part| {
                if part.matched {
                    view! { <mark>{part.text}</mark> }.into_any()
                } else {
                    part.text.into_any()
                }
            })
            .collect_view();

    view! {
        <li class="result">
            <A href=href attr:class="result-name">{name}</A>
            <div class="result-meta">
                <span class="code">{summary.code}</span>
                <OnlineBadge level=summary.online_level />
                {(!levels.is_empty()).then(|| view! { <span>{levels.join(", ")}</span> })}
                {summary.fields.first().cloned().map(|field| view! { <span>{field}</span> })}
            </div>
        </li>
    }
}
