//! The shape of an e-form (tờ khai điện tử). Forms are data: each
//! procedure's form is stored in the database as this schema, and the
//! same schema drives the page, the browser's checks and the server's.

use serde::{Deserialize, Serialize};

/// One procedure's e-form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// The national code of the procedure the form belongs to.
    pub procedure: String,
    pub title: String,
    /// `curated` for a form written for the procedure, `generated` for one
    /// made from the national data's dossier components.
    pub origin: FormOrigin,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormOrigin {
    Curated,
    Generated,
}

/// A titled part of the form, shown as one block on the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_when: Option<Condition>,
    pub items: Vec<Item>,
}

/// What a section holds, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "item", rename_all = "snake_case")]
pub enum Item {
    Field(Field),
    /// Rows of the same fields, e.g. several children or co-owners.
    Group(Group),
    /// A document of the dossier: uploaded, or picked from the data store.
    Document(Document),
    /// Explanatory text from the national data; nothing to fill.
    Guidance {
        text: String,
    },
}

/// A question with one answer. Unknown keys cannot be refused here, as
/// serde does not combine that with the flattened kind; the curated forms'
/// tests check instead that every key of a form file is read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub id: String,
    pub label: String,
    #[serde(flatten)]
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_when: Option<Condition>,
    /// Filled from the signed-in account and not typed by the applicant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefill: Option<Prefill>,
}

/// The type of an answer, with the limits that type takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    ShortText {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<usize>,
    },
    LongText {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<usize>,
    },
    Number {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        #[serde(default)]
        integer: bool,
    },
    Date {
        /// A date of birth or of an event that happened: never after today.
        #[serde(default)]
        past_only: bool,
    },
    Select {
        choices: Vec<Choice>,
    },
    Radio {
        choices: Vec<Choice>,
    },
    /// A single box: a declaration or a yes.
    Checkbox,
    /// Số định danh cá nhân: the 12-digit personal identification number.
    IdNumber,
    Phone,
    Email,
    /// Province, commune (from the real administrative units) and the
    /// house number and street.
    Address,
}

/// One option of a select or radio field: the stored value and its label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// Repeated rows of fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_when: Option<Condition>,
    pub fields: Vec<Field>,
    #[serde(default = "one")]
    pub min_rows: u32,
    #[serde(default = "ten")]
    pub max_rows: u32,
}

fn one() -> u32 {
    1
}

fn ten() -> u32 {
    10
}

/// A document the dossier needs, bound to a component of the procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    pub label: String,
    /// The national code of the dossier component (thành phần hồ sơ). Data
    /// store documents of the same kind are offered for it.
    pub component: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_when: Option<Condition>,
}

/// Shows a field, group, document or section only when another answer of
/// the form has a value, or has exactly `equals`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub field: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<String>,
}

/// Which fact of the signed-in account fills a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Prefill {
    FullName,
    IdNumber,
    BirthDate,
    OrganisationName,
    TaxCode,
}

impl Form {
    /// Every field outside groups, in order.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.items().filter_map(|item| match item {
            Item::Field(field) => Some(field),
            _ => None,
        })
    }

    pub fn groups(&self) -> impl Iterator<Item = &Group> {
        self.items().filter_map(|item| match item {
            Item::Group(group) => Some(group),
            _ => None,
        })
    }

    pub fn documents(&self) -> impl Iterator<Item = &Document> {
        self.items().filter_map(|item| match item {
            Item::Document(document) => Some(document),
            _ => None,
        })
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|section| section.items.iter())
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups().find(|group| group.id == id)
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents().find(|document| document.id == id)
    }

    /// The field counted as the applicant's phone number, for tracking.
    pub fn phone_field(&self) -> Option<&Field> {
        self.fields().find(|field| matches!(field.kind, FieldKind::Phone))
    }

    /// Checks that the form itself is sound: ids are unique and plain,
    /// conditions name fields that exist, choices are not empty. A form
    /// written by hand is checked before it is stored.
    pub fn check(&self) -> Result<(), String> {
        let mut seen = std::collections::BTreeSet::new();
        let mut ids: Vec<&str> = Vec::new();
        for section in &self.sections {
            ids.push(&section.id);
            for item in &section.items {
                match item {
                    Item::Field(field) => ids.push(&field.id),
                    Item::Group(group) => {
                        ids.push(&group.id);
                        if group.min_rows > group.max_rows || group.max_rows == 0 {
                            return Err(format!("group {}: min_rows above max_rows", group.id));
                        }
                        for field in &group.fields {
                            if field.prefill.is_some() {
                                return Err(format!("group {}: a row field cannot be prefilled", group.id));
                            }
                        }
                    }
                    Item::Document(document) => ids.push(&document.id),
                    Item::Guidance { .. } => {}
                }
            }
        }
        for id in ids {
            if !is_plain_id(id) {
                return Err(format!("id {id:?} must be lowercase letters, digits and underscores"));
            }
            if !seen.insert(id) {
                return Err(format!("id {id} is used twice"));
            }
        }

        let conditions = self.sections.iter().flat_map(|section| {
            section.show_when.iter().chain(section.items.iter().filter_map(|item| match item {
                Item::Field(field) => field.show_when.as_ref(),
                Item::Group(group) => group.show_when.as_ref(),
                Item::Document(document) => document.show_when.as_ref(),
                Item::Guidance { .. } => None,
            }))
        });
        for condition in conditions {
            if !self.fields().any(|field| field.id == condition.field) {
                return Err(format!(
                    "a condition names {}, which is not a field of the form",
                    condition.field
                ));
            }
        }

        for field in self.fields().chain(self.groups().flat_map(|group| group.fields.iter())) {
            if let FieldKind::Select { choices } | FieldKind::Radio { choices } = &field.kind
                && choices.is_empty()
            {
                return Err(format!("field {} has no choices", field.id));
            }
        }
        Ok(())
    }
}

fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 60
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}
