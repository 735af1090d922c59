use leptos::prelude::*;

use crate::procedure::detail::{Component, ComponentGroup};

/// What to prepare: each group of the dossier with its documents; notes
/// that only explain are set apart as guidance, never as a document.
#[component]
pub fn DossierList(groups: Vec<ComponentGroup>) -> impl IntoView {
    if groups.iter().all(|group| group.components.is_empty()) {
        return view! { <p class="muted">"Dữ liệu quốc gia chưa công bố thành phần hồ sơ của thủ tục này."</p> }
            .into_any();
    }

    view! {
        <div class="dossier">
            {groups
                .into_iter()
                .map(|group| {
                    view! {
                        <div class="dossier-group">
                            {group.title.map(|title| view! { <h3>{tidy_heading(&title)}</h3> })}
                            <ul>
                                {group
                                    .components
                                    .into_iter()
                                    .map(|component| view! { <ComponentItem component /> })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
    .into_any()
}

#[component]
fn ComponentItem(component: Component) -> impl IntoView {
    if component.is_guidance() {
        return view! {
            <li class="guidance">
                <span class="guidance-label">"Lưu ý: "</span>
                {component.name}
            </li>
        }
        .into_any();
    }

    let counts = copies_phrase(component.originals, component.copies);
    view! {
        <li class="component">
            <p class="component-name">{component.name}</p>
            <p class="component-meta">
                <span>{counts}</span>
                {component.required.then(|| view! { <span class="required">"Bắt buộc"</span> })}
            </p>
            {(!component.forms.is_empty()).then(|| {
                view! {
                    <p class="component-forms">
                        "Mẫu đơn, tờ khai: "
                        {component.forms.into_iter().map(|form| form.file_name).collect::<Vec<_>>().join(", ")}
                    </p>
                }
            })}
        </li>
    }
    .into_any()
}

/// "1 bản chính, 2 bản sao" from the published counts.
fn copies_phrase(originals: u32, copies: u32) -> String {
    let mut parts = Vec::new();
    if originals > 0 {
        parts.push(format!("{originals} bản chính"));
    }
    if copies > 0 {
        parts.push(format!("{copies} bản sao"));
    }
    parts.join(", ")
}

/// Headings arrive as "* Giấy tờ phải nộp:"; the page shows "Giấy tờ phải nộp".
fn tidy_heading(title: &str) -> String {
    title.trim().trim_start_matches(['*', '-', '+', ' ']).trim_end_matches(':').trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_counted_in_words() {
        assert_eq!(copies_phrase(1, 0), "1 bản chính");
        assert_eq!(copies_phrase(1, 2), "1 bản chính, 2 bản sao");
        assert_eq!(copies_phrase(0, 1), "1 bản sao");
    }

    #[test]
    fn headings_lose_their_bullets_and_colons() {
        assert_eq!(tidy_heading("* Giấy tờ phải nộp:"), "Giấy tờ phải nộp");
        assert_eq!(tidy_heading("Hồ sơ gồm"), "Hồ sơ gồm");
    }
}
