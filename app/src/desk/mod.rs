//! The one-stop desk (Bộ phận Một cửa): the agency's queue of dossiers
//! waiting for reception, and the three decisions that end a check of
//! completeness: receive, ask for a supplement, refuse.

pub mod api;
#[cfg(feature = "ssr")]
pub mod stored;
pub mod view;
pub mod walk_in;
pub mod walk_in_page;

use serde::{Deserialize, Serialize};

use crate::dossier::{Channel, DossierStatus, HistoryEntry};
use crate::store::StoredDocument;

/// A line of the desk's queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueItem {
    pub key: String,
    pub code: String,
    pub procedure_name: String,
    pub channel: Channel,
    pub submitted_at: String,
}

/// A dossier as the desk checks it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeskDossier {
    pub key: String,
    pub code: String,
    pub procedure: String,
    pub procedure_name: String,
    pub status: DossierStatus,
    pub channel: Channel,
    pub applicant_name: String,
    pub submitted_at: Option<String>,
    pub due_on: Option<String>,
    pub desk_note: Option<String>,
    pub answers: Vec<(String, String)>,
    pub documents: Vec<(String, StoredDocument)>,
    pub history: Vec<HistoryEntry>,
    /// Where it is in its workflow and what the caller may do, once received.
    pub progress: Option<crate::processing::Progress>,
    /// Every move between steps: the control slip's lines.
    pub handovers: Vec<crate::processing::Handover>,
    /// How the appointment date was counted.
    pub reckoning: Option<crate::procedure::estimate::EstimatedDue>,
    /// The slips the officer can print.
    pub slips: Vec<crate::slip::SlipKind>,
}

/// The longest note a decision may carry.
pub const MAX_NOTE_CHARS: usize = 4000;
