//! The applicant's answers to an e-form. Every answer is text under a path:
//! a field's id, `group.row.field` for a row of a repeatable group, and
//! `field.part` for the parts of an address.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::schema::{Condition, FieldKind, Form, Group, Item};

/// The longest answer kept, so that a pasted book cannot fill the database.
pub const MAX_ANSWER_CHARS: usize = 4000;

/// The parts of an address answer.
pub const ADDRESS_PARTS: [&str; 3] = ["tinh", "xa", "chi_tiet"];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Answers {
    pub values: BTreeMap<String, String>,
    /// How many rows each repeatable group has.
    #[serde(default)]
    pub rows: BTreeMap<String, u32>,
}

impl Answers {
    pub fn get(&self, path: &str) -> &str {
        self.values.get(path).map(String::as_str).unwrap_or("")
    }

    pub fn set(&mut self, path: impl Into<String>, value: impl Into<String>) {
        let value: String = value.into();
        let path = path.into();
        if value.is_empty() {
            self.values.remove(&path);
        } else {
            self.values.insert(path, value);
        }
    }

    /// The number of rows shown for a group: what the applicant made, and
    /// never fewer than the group needs.
    pub fn rows_of(&self, group: &Group) -> u32 {
        self.rows.get(&group.id).copied().unwrap_or(group.min_rows).clamp(group.min_rows, group.max_rows)
    }

    pub fn add_row(&mut self, group: &Group) {
        let rows = (self.rows_of(group) + 1).min(group.max_rows);
        self.rows.insert(group.id.clone(), rows);
    }

    /// Removes one row and moves the rows after it up, so that the answers
    /// stay with the row they were typed in.
    pub fn remove_row(&mut self, group: &Group, row: u32) {
        let rows = self.rows_of(group);
        if row >= rows || rows <= group.min_rows {
            return;
        }

        for field in &group.fields {
            for index in row..rows {
                let next = self.get(&row_path(&group.id, index + 1, &field.id)).to_string();
                self.set(row_path(&group.id, index, &field.id), next);
            }
        }
        self.rows.insert(group.id.clone(), rows - 1);
    }

    /// Whether a condition of the form holds for these answers.
    pub fn holds(&self, condition: Option<&Condition>) -> bool {
        let Some(condition) = condition else { return true };
        let value = self.get(&condition.field);
        match &condition.equals {
            Some(expected) => value == expected,
            None => !value.is_empty(),
        }
    }

    /// Keeps only answers the form asks for, each cut to a sane length:
    /// whatever else a request carries is dropped, not stored.
    pub fn keep_known(&mut self, form: &Form) {
        let known = known_paths(form, self);
        self.values.retain(|path, _| known.contains(path));
        for value in self.values.values_mut() {
            if value.chars().count() > MAX_ANSWER_CHARS {
                *value = value.chars().take(MAX_ANSWER_CHARS).collect();
            }
        }
        self.rows.retain(|group, _| form.group(group).is_some());
    }
}

impl Answers {
    /// Drops the answers to questions the form does not show for these
    /// answers (a father's name after "no father known"), and returns the
    /// documents it does not show, so that what is submitted is only what
    /// applies.
    pub fn keep_shown(&mut self, form: &Form) -> Vec<String> {
        let mut hidden_paths = Vec::new();
        let mut hidden_documents = Vec::new();

        for section in &form.sections {
            let section_shown = self.holds(section.show_when.as_ref());
            for item in &section.items {
                match item {
                    Item::Field(field) if !section_shown || !self.holds(field.show_when.as_ref()) => {
                        hidden_paths.push(field.id.clone());
                    }
                    Item::Group(group) if !section_shown || !self.holds(group.show_when.as_ref()) => {
                        for row in 0..self.rows_of(group) {
                            hidden_paths
                                .extend(group.fields.iter().map(|field| row_path(&group.id, row, &field.id)));
                        }
                    }
                    Item::Document(document)
                        if !section_shown || !self.holds(document.show_when.as_ref()) =>
                    {
                        hidden_documents.push(document.id.clone());
                    }
                    _ => {}
                }
            }
        }

        for path in hidden_paths {
            self.values.remove(&path);
            for part in ADDRESS_PARTS {
                self.values.remove(&part_path(&path, part));
            }
        }
        hidden_documents
    }
}

pub fn row_path(group: &str, row: u32, field: &str) -> String {
    format!("{group}.{row}.{field}")
}

pub fn part_path(field: &str, part: &str) -> String {
    format!("{field}.{part}")
}

/// Every path a value may be stored under, for the rows the answers have.
fn known_paths(form: &Form, answers: &Answers) -> std::collections::BTreeSet<String> {
    let mut paths = std::collections::BTreeSet::new();
    let mut add = |path: String, kind: &FieldKind| {
        if matches!(kind, FieldKind::Address) {
            for part in ADDRESS_PARTS {
                paths.insert(part_path(&path, part));
            }
        } else {
            paths.insert(path);
        }
    };

    for field in form.fields() {
        add(field.id.clone(), &field.kind);
    }
    for group in form.groups() {
        for row in 0..answers.rows_of(group) {
            for field in &group.fields {
                add(row_path(&group.id, row, &field.id), &field.kind);
            }
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eform::schema::{Document, Field, FormOrigin, Section};

    fn field(id: &str, show_when: Option<Condition>) -> Item {
        Item::Field(Field {
            id: id.into(),
            label: id.into(),
            kind: FieldKind::ShortText { max_length: None },
            required: true,
            help: None,
            show_when,
            prefill: None,
        })
    }

    #[test]
    fn answers_and_documents_that_do_not_apply_are_dropped() {
        let when_father = Some(Condition { field: "co_cha".into(), equals: Some("co".into()) });
        let form = Form {
            procedure: "x".into(),
            title: "x".into(),
            origin: FormOrigin::Curated,
            sections: vec![Section {
                id: "s".into(),
                title: "s".into(),
                help: None,
                show_when: None,
                items: vec![
                    field("co_cha", None),
                    field("cha_ho_ten", when_father.clone()),
                    Item::Document(Document {
                        id: "giay_cha".into(),
                        label: "Giấy".into(),
                        component: "K".into(),
                        required: true,
                        help: None,
                        show_when: when_father,
                    }),
                ],
            }],
        };
        let mut answers = Answers::default();
        answers.set("co_cha", "khong");
        answers.set("cha_ho_ten", "Bí Mật");

        let hidden = answers.keep_shown(&form);

        assert_eq!(answers.get("cha_ho_ten"), "");
        assert_eq!(answers.get("co_cha"), "khong");
        assert_eq!(hidden, vec!["giay_cha".to_string()]);
    }
}
