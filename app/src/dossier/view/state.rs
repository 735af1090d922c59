//! What the form's parts share while the applicant fills it: the answers as
//! typed, the problems shown, and the communes loaded for the address
//! pickers. The server rendered the same state, so hydration matches.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::dossier::Unit;
use crate::eform::validate::parse_date;
use crate::eform::{Answers, Field, Problems, Today, check_field};

#[derive(Clone, Copy)]
pub struct FormState {
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    pub key: StoredValue<String>,
    pub answers: RwSignal<Answers>,
    pub problems: RwSignal<Problems>,
    pub communes: RwSignal<Vec<(String, Vec<Unit>)>>,
    pub today: Today,
    /// The receiving agency chosen.
    pub agency: RwSignal<Option<String>>,
    /// Set when an answer changed since the last autosave.
    pub dirty: RwSignal<bool>,
}

impl FormState {
    pub fn new(
        key: String,
        answers: Answers,
        problems: Problems,
        communes: Vec<(String, Vec<Unit>)>,
        agency: Option<String>,
        today: &str,
    ) -> Self {
        let today = parse_date(today).unwrap_or(NaiveDate::MIN);
        FormState {
            key: StoredValue::new(key),
            answers: RwSignal::new(answers),
            problems: RwSignal::new(problems),
            communes: RwSignal::new(communes),
            today: Today(today),
            agency: RwSignal::new(agency),
            dirty: RwSignal::new(false),
        }
    }

    pub fn value(&self, path: &str) -> String {
        self.answers.with_untracked(|answers| answers.get(path).to_string())
    }

    /// Records what the applicant typed. A field already showing a problem
    /// is checked again at once, so the message goes as soon as it is fixed.
    pub fn typed(&self, field: &Field, path: &str, value: String) {
        self.answers.update(|answers| answers.set(path.to_string(), value.clone()));
        self.dirty.set(true);
        if self.problems.with_untracked(|problems| problems.contains_key(path)) {
            self.check(field, path, &value);
        }
    }

    /// Checks an answer when the applicant leaves the field.
    pub fn check(&self, field: &Field, path: &str, value: &str) {
        let result = check_field(field, value, self.today);
        self.problems.update(|problems| match result {
            Ok(()) => {
                problems.remove(path);
            }
            Err(message) => {
                problems.insert(path.to_string(), message);
            }
        });
    }

    pub fn problem(&self, path: &str) -> Option<String> {
        self.problems.with(|problems| problems.get(path).cloned())
    }
}

pub fn use_form_state() -> FormState {
    expect_context::<FormState>()
}

/// The id of an answer's input, for labels and the problem list's links.
pub fn input_id(path: &str) -> String {
    format!("f-{}", path.replace('.', "-"))
}
