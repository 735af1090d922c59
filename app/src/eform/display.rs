//! Answers as a reader sees them: each answered field with its label, and
//! choices by their label rather than their stored value.

use super::Answers;
use super::schema::{FieldKind, Form, Item};

pub fn answer_lines(form: &Form, answers: &Answers) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    for item in form.items() {
        let Item::Field(field) = item else { continue };
        let value = match &field.kind {
            FieldKind::Address => {
                let part = |name: &str| answers.get(&format!("{}.{name}", field.id)).to_string();
                let (street, commune) = (part("chi_tiet"), part("xa"));
                if street.is_empty() && commune.is_empty() {
                    String::new()
                } else {
                    [street, commune].join(", ")
                }
            }
            FieldKind::Select { choices } | FieldKind::Radio { choices } => {
                let value = answers.get(&field.id);
                choices
                    .iter()
                    .find(|choice| choice.value == value)
                    .map(|choice| choice.label.clone())
                    .unwrap_or_default()
            }
            FieldKind::Checkbox => {
                if answers.get(&field.id) == "on" {
                    "Có".into()
                } else {
                    String::new()
                }
            }
            _ => answers.get(&field.id).to_string(),
        };
        if !value.is_empty() {
            lines.push((field.label.clone(), value));
        }
    }
    lines
}
