use leptos::prelude::*;

use crate::procedure::model::OnlineLevel;

/// The online level as a coloured label.
#[component]
pub fn OnlineBadge(level: Option<OnlineLevel>) -> impl IntoView {
    level.map(|level| {
        let class = format!("badge badge-{}", level.slug());
        view! { <span class=class>{level.label()}</span> }
    })
}
