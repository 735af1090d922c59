//! Dossiers (hồ sơ): what an applicant fills and submits for a procedure,
//! from the first draft to the code they follow it by.

#[cfg(feature = "ssr")]
pub mod access;
pub mod api;
pub mod code;
pub mod lifecycle;
#[cfg(feature = "ssr")]
pub mod page;
#[cfg(feature = "ssr")]
pub mod receiving;
#[cfg(feature = "ssr")]
pub mod save;
#[cfg(feature = "ssr")]
pub mod stored;
pub mod view;

use serde::{Deserialize, Serialize};

use crate::eform::{Answers, Form, Problems};
use crate::store::StoredDocument;

pub use lifecycle::{Action, DossierStatus, IllegalTransition};

/// How a dossier reached the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Channel {
    Online,
    Desk,
    Postal,
}

impl Channel {
    pub fn stored(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Desk => "desk",
            Channel::Postal => "postal",
        }
    }

    pub fn from_stored(value: &str) -> Option<Self> {
        [Channel::Online, Channel::Desk, Channel::Postal]
            .into_iter()
            .find(|channel| channel.stored() == value)
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::Online => "Trực tuyến",
            Channel::Desk => "Trực tiếp tại Bộ phận Một cửa",
            Channel::Postal => "Qua bưu chính công ích",
        }
    }
}

/// A line of "Hồ sơ của tôi".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierSummary {
    pub id: String,
    pub code: Option<String>,
    pub procedure: String,
    pub procedure_name: String,
    pub status: DossierStatus,
    pub agency_name: Option<String>,
    /// When it was last saved (drafts) or submitted, `dd/mm/yyyy hh:mm`.
    pub when: String,
}

/// An agency that can receive a procedure's dossiers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivingAgency {
    pub code: String,
    pub name: String,
}

/// A unit for the address pickers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub code: String,
    pub name: String,
}

/// A document field's state in a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slot {
    /// The form's document id.
    pub id: String,
    pub attached: Option<StoredDocument>,
    /// Documents of the same kind in the applicant's data store.
    pub offers: Vec<StoredDocument>,
}

/// What the dossier page needs: the dossier, and for a draft its form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierPage {
    pub id: String,
    pub procedure: String,
    pub procedure_name: String,
    pub status: DossierStatus,
    pub channel: Channel,
    pub code: Option<String>,
    pub tracking_secret: Option<String>,
    pub agency: Option<String>,
    pub agency_name: Option<String>,
    pub submitted_at: Option<String>,
    pub received_at: Option<String>,
    /// The appointment date, `yyyy-mm-dd`, once received.
    pub due_on: Option<String>,
    /// What the desk asked to supplement, or why it refused.
    pub desk_note: Option<String>,
    pub form: Form,
    pub answers: Answers,
    /// Problems to show next to the fields: the server's checks after a
    /// submission attempt, and failed uploads.
    pub problems: Problems,
    pub slots: Vec<Slot>,
    pub agencies: Vec<ReceivingAgency>,
    pub provinces: Vec<Unit>,
    /// Communes of each province an address of the draft names (and of the
    /// portal's own province), keyed by province code.
    pub communes: Vec<(String, Vec<Unit>)>,
    /// Today in Vietnam, `yyyy-mm-dd`, for date checks in the browser.
    pub today: String,
    pub history: Vec<HistoryEntry>,
    /// Names of the units the answers name, by code.
    pub unit_names: std::collections::BTreeMap<String, String>,
    /// The per-file upload limit, in MB.
    pub upload_limit_mb: u64,
    /// The date promised in an apology for a delay, and why.
    pub new_due_on: Option<String>,
    pub apology_reason: Option<String>,
    pub returned_at: Option<String>,
    pub delivery: Option<crate::processing::Delivery>,
    pub outcome: Option<crate::processing::Outcome>,
    /// The result document, once returned online.
    pub result: Option<StoredDocument>,
    /// How the appointment date was counted.
    pub reckoning: Option<crate::procedure::estimate::EstimatedDue>,
    /// The slips the applicant can print.
    pub slips: Vec<crate::slip::SlipKind>,
}

/// A public step of a dossier's life.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: String,
    pub status: DossierStatus,
    pub note: Option<String>,
    /// The workflow step the dossier moved to, when it moved.
    #[serde(default)]
    pub step: Option<String>,
}

/// What anyone holding a dossier's code and tracking secret may see: never
/// a name, a number or an answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tracking {
    pub code: String,
    pub procedure_name: String,
    pub agency_name: Option<String>,
    pub channel: Channel,
    pub status: DossierStatus,
    pub submitted_at: Option<String>,
    pub due_on: Option<String>,
    pub history: Vec<HistoryEntry>,
}
