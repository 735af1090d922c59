//! How the catalogue sits in the database. The importer writes these rows;
//! the queries read them back and turn them into the page types.

use serde::{Deserialize, Serialize};

use super::detail::ProcedureKind;

/// A row of the `procedure` table: every procedure of the national index,
/// with the summary fields search and filters need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueRow {
    #[serde(flatten)]
    pub entry: IndexFields,
    #[serde(flatten)]
    pub summary: DetailSummary,
}

/// The fields the national index gives every procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexFields {
    pub code: String,
    pub name: String,
    /// `standard`, `local` or `internal` (see [`kind_of`]).
    pub kind: String,
    pub state: String,
    pub fields: Vec<String>,
    #[serde(default)]
    pub departments: Vec<String>,
    pub promulgating_agency: String,
    pub subject_types: Vec<String>,
    /// `citizen` and/or `organisation`.
    pub audiences: Vec<String>,
    /// For a local procedure, the code of the province that made it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_province: Option<String>,
    pub source_id: String,
}

/// What the detail adds to a procedure's row, once imported.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DetailSummary {
    #[serde(default)]
    pub levels: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_level: Option<String>,
    #[serde(default)]
    pub has_detail: bool,
}

/// The stored kind for the national data's procedure type.
pub fn kind_of(national_type: &str) -> Option<ProcedureKind> {
    match national_type {
        "STANDARD" => Some(ProcedureKind::Standard),
        "SPECIFIC" => Some(ProcedureKind::Local),
        "STANDARD_INTERNAL" => Some(ProcedureKind::Internal),
        _ => None,
    }
}

pub fn stored_kind(kind: ProcedureKind) -> &'static str {
    match kind {
        ProcedureKind::Standard => "standard",
        ProcedureKind::Local => "local",
        ProcedureKind::Internal => "internal",
    }
}

pub fn kind_from_stored(value: &str) -> ProcedureKind {
    match value {
        "local" => ProcedureKind::Local,
        "internal" => ProcedureKind::Internal,
        _ => ProcedureKind::Standard,
    }
}

/// The public page of a procedure on the National Public Service Portal.
pub fn national_portal_url(source_id: &str) -> Option<String> {
    (!source_id.is_empty()).then(|| format!("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{source_id}"))
}
