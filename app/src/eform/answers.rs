//! The applicant's answers to an e-form. Every answer is text under a path:
//! a field's id, `group.row.field` for a row of a repeatable group, and
//! `field.part` for the parts of an address.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::schema::{Condition, FieldKind, Form, Group};

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
