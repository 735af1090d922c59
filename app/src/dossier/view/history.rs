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
                            {entry.step.map(|step| view! { <span class="step">" · " {step}</span> })}
                            {entry.note.map(|note| view! { <p>{note}</p> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// A form's answers as label and value, for the applicant and the desk.
#[component]
pub fn AnswerList(answers: Vec<(String, String)>) -> impl IntoView {
    view! {
        <dl class="answers">
            {answers.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
        </dl>
    }
}
