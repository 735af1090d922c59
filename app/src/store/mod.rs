//! The personal data store (Kho dữ liệu): documents an account uploaded,
//! offered again whenever a dossier asks for the same kind of document. A
//! business's documents belong to the business, for all its
//! representatives.

pub mod api;
#[cfg(feature = "ssr")]
pub mod file;
#[cfg(feature = "ssr")]
pub mod serve;
#[cfg(feature = "ssr")]
pub mod stored;
pub mod view;

use serde::{Deserialize, Serialize};

/// A document in a data store, as its owner sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDocument {
    pub id: String,
    /// The national code of the dossier component it was uploaded for.
    pub kind: String,
    pub title: String,
    /// `yyyy-mm-dd`, when the owner gave them.
    pub issued_on: Option<String>,
    pub expires_on: Option<String>,
    pub size: u64,
    /// `pdf`, `jpeg` or `png`.
    pub media_type: String,
    pub uploaded_at: String,
    pub uploaded_by: String,
    /// Codes of the submitted dossiers that use it.
    pub used_in: Vec<String>,
}

impl StoredDocument {
    /// Where its file is served, to those allowed to see it.
    pub fn href(&self) -> String {
        format!("/kho-du-lieu/tep/{}", self.id)
    }

    pub fn size_label(&self) -> String {
        if self.size >= 1024 * 1024 {
            format!("{} MB", crate::text::decimal((self.size as f64 / 1048576.0 * 10.0).round() / 10.0))
        } else {
            format!("{} KB", self.size.div_ceil(1024))
        }
    }

    pub fn type_label(&self) -> &'static str {
        match self.media_type.as_str() {
            "pdf" => "PDF",
            "jpeg" => "JPEG",
            "png" => "PNG",
            _ => "Tệp",
        }
    }
}

/// Whose store a document is in: a person (`person`) or the business a
/// representative acts for (`organisation`, keyed by tax code). Kept as
/// table and key, never parsed from `table:key` text, because a tax code
/// would read as a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub table: String,
    pub key: String,
}

/// The kind of a dossier's result document: not a national component code.
pub const RESULT_KIND: &str = "ket-qua";

/// Record keys are what SurrealDB generates: letters and digits only.
pub fn is_plausible_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 40 && key.bytes().all(|byte| byte.is_ascii_alphanumeric())
}
