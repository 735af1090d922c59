use leptos::prelude::*;

use crate::dossier::HistoryEntry;

/// A dossier's public steps, oldest first.
#[component]
pub fn History(entries: Vec<HistoryEntry>) -> impl IntoView {
    view! {
        <ol class="history">
            {entries
                .into_iter()
                .map(|entry| {
                    view! {
                        <li>
                            <span class="when">{entry.at}</span>
                            " — "
                            <span class="status">{entry.status.label()}</span>
                            {entry.note.map(|note| view! { <p>{note}</p> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
