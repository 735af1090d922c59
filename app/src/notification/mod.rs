//! In-app notifications (thông báo): what the agency did to an applicant's
//! dossier, told to the person, or to the business for all its
//! representatives. They are written in the same transaction as the move
//! they tell of, so none is lost and none is told twice.

pub mod api;
pub mod view;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub key: String,
    pub dossier: String,
    pub code: Option<String>,
    pub text: String,
    pub at: String,
    pub read: bool,
}
