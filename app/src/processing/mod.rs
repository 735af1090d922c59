//! Processing (giải quyết): what happens to a dossier between the desk's
//! reception and the return of its result. It moves through its
//! procedure's workflow, one step at a time; each move is recorded with who,
//! when, from and to (the control slip), and the return fixes whether the
//! agency was early, on time or late.

pub mod api;
#[cfg(feature = "ssr")]
pub mod result;
#[cfg(feature = "ssr")]
pub mod stored;
pub mod view;
pub mod workflow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dossier::DossierStatus;
pub use workflow::{Step, Workflow, WorkflowError};

/// How the result reaches the applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delivery {
    /// Into the applicant's data store, on the portal.
    Online,
    /// Handed over at the one-stop desk.
    Desk,
    /// Sent by the public postal service.
    Post,
}

impl Delivery {
    pub const ALL: [Delivery; 3] = [Delivery::Online, Delivery::Desk, Delivery::Post];

    pub fn stored(self) -> &'static str {
        match self {
            Delivery::Online => "online",
            Delivery::Desk => "desk",
            Delivery::Post => "post",
        }
    }

    pub fn from_stored(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|delivery| delivery.stored() == value)
    }

    pub fn label(self) -> &'static str {
        match self {
            Delivery::Online => "Trực tuyến, vào kho dữ liệu của người nộp",
            Delivery::Desk => "Trực tiếp tại Bộ phận Một cửa",
            Delivery::Post => "Qua dịch vụ bưu chính công ích",
        }
    }
}

/// Whether a result came before, on or after its appointment date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Early,
    OnTime,
    Late,
}

impl Outcome {
    /// The outcome of a result returned on `returned_on` for an appointment
    /// on `due_on`. A new date promised in an apology does not change it: a
    /// dossier that needed one is still late.
    pub fn of(returned_on: NaiveDate, due_on: NaiveDate) -> Outcome {
        match returned_on.cmp(&due_on) {
            std::cmp::Ordering::Less => Outcome::Early,
            std::cmp::Ordering::Equal => Outcome::OnTime,
            std::cmp::Ordering::Greater => Outcome::Late,
        }
    }

    pub fn stored(self) -> &'static str {
        match self {
            Outcome::Early => "early",
            Outcome::OnTime => "on_time",
            Outcome::Late => "late",
        }
    }

    pub fn from_stored(value: &str) -> Option<Self> {
        [Outcome::Early, Outcome::OnTime, Outcome::Late].into_iter().find(|outcome| outcome.stored() == value)
    }

    /// The words of the control slip.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Early => "Trước hạn",
            Outcome::OnTime => "Đúng hạn",
            Outcome::Late => "Trễ hạn",
        }
    }
}

/// A line of an officer's work queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItem {
    pub key: String,
    pub code: String,
    pub procedure_name: String,
    pub status: DossierStatus,
    pub step_name: String,
    /// The date the applicant was promised, `yyyy-mm-dd`: the new one after
    /// an apology, else the appointment.
    pub due_on: Option<String>,
    pub overdue: bool,
    pub assigned_to_me: bool,
}

/// An officer's work: their queue by risk, and the agency's counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkQueue {
    pub items: Vec<WorkItem>,
    /// The agency's dossiers in each state, for the counts on the home page.
    pub counts: Vec<(DossierStatus, u64)>,
    pub overdue: u64,
}

/// Where a dossier is in its workflow, and what the officer looking at it
/// may do there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub workflow: Workflow,
    pub step: usize,
    pub assignee_name: Option<String>,
    pub result: Option<ResultRecord>,
    pub new_due_on: Option<String>,
    pub apology_reason: Option<String>,
    pub delivery: Option<Delivery>,
    pub outcome: Option<Outcome>,
    pub returned_at: Option<String>,
    /// What the caller may do now.
    pub may_forward: bool,
    pub may_send_back: bool,
    pub may_record_result: bool,
    pub may_apologise: bool,
    /// Officers who may take the next step, to assign it to one of them.
    pub next_officers: Vec<(String, String)>,
}

/// The result of a dossier: a document, or a note that it is on paper.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultRecord {
    pub document: Option<crate::store::StoredDocument>,
    pub paper: bool,
    pub note: Option<String>,
}

/// A recorded move of a dossier between steps: a line of the control slip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Handover {
    pub at: String,
    pub from: String,
    pub to: String,
    pub officer: String,
    pub note: Option<String>,
}

/// The longest note a hand-over, send-back or apology may carry.
pub const MAX_NOTE_CHARS: usize = 4000;

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn returning_before_on_or_after_the_appointment_fixes_the_outcome() {
        let due = day("2026-12-10");

        assert_eq!(Outcome::of(day("2026-12-09"), due), Outcome::Early);
        assert_eq!(Outcome::of(day("2026-12-10"), due), Outcome::OnTime);
        assert_eq!(Outcome::of(day("2026-12-11"), due), Outcome::Late);
    }

    #[test]
    fn stored_names_round_trip() {
        for delivery in Delivery::ALL {
            assert_eq!(Delivery::from_stored(delivery.stored()), Some(delivery));
        }
        for outcome in [Outcome::Early, Outcome::OnTime, Outcome::Late] {
            assert_eq!(Outcome::from_stored(outcome.stored()), Some(outcome));
        }
    }
}
