//! Answers as a reader sees them: each answered field with its label,
//! choices by their label, dates as Vietnamese write them, and addresses
//! with the names of their units.

use std::collections::BTreeMap;

use super::Answers;
use super::answers::{part_path, row_path};
use super::schema::{Field, FieldKind, Form, Item};

/// `unit_names` maps the province and commune codes the answers use to
/// their names.
pub fn answer_lines(
    form: &Form,
    answers: &Answers,
    unit_names: &BTreeMap<String, String>,
) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    for item in form.items() {
        match item {
            Item::Field(field) => {
                let value = shown(field, &field.id, answers, unit_names);
                if !value.is_empty() {
                    lines.push((field.label.clone(), value));
                }
            }
            Item::Group(group) => {
                for row in 0..answers.rows_of(group) {
                    for field in &group.fields {
                        let value = shown(field, &row_path(&group.id, row, &field.id), answers, unit_names);
                        if !value.is_empty() {
                            lines.push((format!("{} {}: {}", group.label, row + 1, field.label), value));
                        }
                    }
                }
            }
            Item::Document(_) | Item::Guidance { .. } => {}
        }
    }
    lines
}

fn shown(field: &Field, path: &str, answers: &Answers, unit_names: &BTreeMap<String, String>) -> String {
    let value = answers.get(path);
    match &field.kind {
        FieldKind::Address => {
            let name = |part: &str| {
                let code = answers.get(&part_path(path, part));
                unit_names.get(code).cloned().unwrap_or_else(|| code.to_string())
            };
            [answers.get(&part_path(path, "chi_tiet")).to_string(), name("xa"), name("tinh")]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }
        FieldKind::Select { choices } | FieldKind::Radio { choices } => choices
            .iter()
            .find(|choice| choice.value == value)
            .map(|choice| choice.label.clone())
            .unwrap_or_default(),
        FieldKind::Checkbox if value == "on" => "Có".to_string(),
        FieldKind::Checkbox => String::new(),
        FieldKind::Date { .. } => crate::text::date(value),
        _ => value.to_string(),
    }
}

/// The unit codes an answer set names, for looking up their names.
pub fn unit_codes(answers: &Answers) -> Vec<String> {
    answers
        .values
        .iter()
        .filter(|(path, value)| (path.ends_with(".tinh") || path.ends_with(".xa")) && !value.is_empty())
        .map(|(_, value)| value.clone())
        .collect()
}
