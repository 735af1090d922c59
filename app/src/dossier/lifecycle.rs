//! A dossier's life as one type: its states, what can be done in each, and
//! where that leads. Every change of state goes through [`DossierStatus::after`],
//! so an illegal step (receiving twice, refusing a draft) is an error before
//! anything is written; the database update is then made only from the state
//! this check started from, so two officers acting at once cannot both win.

use serde::{Deserialize, Serialize};

/// Where a dossier is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DossierStatus {
    /// Being filled by the applicant; nobody else sees it.
    Draft,
    /// Submitted and waiting for the one-stop desk to check it.
    Submitted,
    /// The desk asked for missing or corrected documents; the applicant
    /// edits and sends it again.
    SupplementRequested,
    /// The desk refused it, with a reason.
    Refused,
    /// Received with an appointment date; in the agency's hands, at one
    /// step of its workflow.
    Received,
    /// Approved by the leader; the desk returns the result.
    ResultReady,
    /// The result was returned to the applicant; the outcome is fixed.
    Returned,
}

/// What someone does to a dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// The applicant submits the draft.
    Submit,
    /// The desk finds it complete (Mẫu 01).
    Receive,
    /// The desk lists what is missing (Mẫu 02).
    RequestSupplement,
    /// The desk refuses it (Mẫu 03).
    Refuse,
    /// The applicant sends it again with the supplement.
    Resubmit,
    /// An officer passes it to the next step of the workflow.
    HandOver,
    /// An officer sends it back a step, with a reason.
    SendBack,
    /// The leader approves the result; it goes to the desk for return.
    Approve,
    /// The desk returns the result (online, at the desk or by post).
    Return,
    /// An officer apologises for a delay and sets a new date (Mẫu 04).
    Apologise,
}

/// An action the dossier's state does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{action:?} is not allowed on a dossier that is {from:?}")]
pub struct IllegalTransition {
    pub from: DossierStatus,
    pub action: Action,
}

impl DossierStatus {
    pub const ALL: [DossierStatus; 7] = [
        DossierStatus::Draft,
        DossierStatus::Submitted,
        DossierStatus::SupplementRequested,
        DossierStatus::Refused,
        DossierStatus::Received,
        DossierStatus::ResultReady,
        DossierStatus::Returned,
    ];

    /// The state an action leads to, or why it cannot be done.
    pub fn after(self, action: Action) -> Result<DossierStatus, IllegalTransition> {
        use Action::*;
        use DossierStatus::*;

        match (self, action) {
            (Draft, Submit) => Ok(Submitted),
            (Submitted, Receive) => Ok(Received),
            (Submitted, RequestSupplement) => Ok(SupplementRequested),
            (Submitted, Refuse) => Ok(Refused),
            (SupplementRequested, Resubmit) => Ok(Submitted),
            (Received, HandOver) => Ok(Received),
            (Received, Approve) => Ok(ResultReady),
            (Received | ResultReady, SendBack) => Ok(Received),
            (ResultReady, Return) => Ok(Returned),
            (Received, Apologise) => Ok(Received),
            (ResultReady, Apologise) => Ok(ResultReady),
            (from, action) => Err(IllegalTransition { from, action }),
        }
    }

    /// Whether the applicant may still change the answers and documents.
    pub fn editable_by_applicant(self) -> bool {
        matches!(self, DossierStatus::Draft | DossierStatus::SupplementRequested)
    }

    pub fn stored(self) -> &'static str {
        match self {
            DossierStatus::Draft => "draft",
            DossierStatus::Submitted => "submitted",
            DossierStatus::SupplementRequested => "supplement_requested",
            DossierStatus::Refused => "refused",
            DossierStatus::Received => "received",
            DossierStatus::ResultReady => "result_ready",
            DossierStatus::Returned => "returned",
        }
    }

    pub fn from_stored(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.stored() == value)
    }

    pub fn label(self) -> &'static str {
        match self {
            DossierStatus::Draft => "Bản nháp",
            DossierStatus::Submitted => "Đã nộp, chờ tiếp nhận",
            DossierStatus::SupplementRequested => "Cần bổ sung hồ sơ",
            DossierStatus::Refused => "Từ chối tiếp nhận",
            DossierStatus::Received => "Đã tiếp nhận, đang giải quyết",
            DossierStatus::ResultReady => "Đã có kết quả, chờ trả",
            DossierStatus::Returned => "Đã trả kết quả",
        }
    }

    /// Whether the agency is working on it: received and not yet returned.
    pub fn in_processing(self) -> bool {
        matches!(self, DossierStatus::Received | DossierStatus::ResultReady)
    }
}

#[cfg(test)]
mod tests {
    use super::Action::*;
    use super::DossierStatus::*;
    use super::*;

    const ACTIONS: [Action; 10] = [
        Submit,
        Receive,
        RequestSupplement,
        Refuse,
        Resubmit,
        HandOver,
        SendBack,
        Approve,
        Return,
        Apologise,
    ];

    #[test]
    fn the_allowed_steps_lead_where_the_regulation_says() {
        assert_eq!(Draft.after(Submit), Ok(Submitted));
        assert_eq!(Submitted.after(Receive), Ok(Received));
        assert_eq!(Submitted.after(RequestSupplement), Ok(SupplementRequested));
        assert_eq!(Submitted.after(Refuse), Ok(Refused));
        assert_eq!(SupplementRequested.after(Resubmit), Ok(Submitted));
        assert_eq!(Received.after(HandOver), Ok(Received));
        assert_eq!(Received.after(Approve), Ok(ResultReady));
        assert_eq!(ResultReady.after(SendBack), Ok(Received));
        assert_eq!(ResultReady.after(Return), Ok(Returned));
        assert_eq!(ResultReady.after(Apologise), Ok(ResultReady));
    }

    #[test]
    fn everything_else_is_illegal() {
        let allowed = [
            (Draft, Submit),
            (Submitted, Receive),
            (Submitted, RequestSupplement),
            (Submitted, Refuse),
            (SupplementRequested, Resubmit),
            (Received, HandOver),
            (Received, Approve),
            (Received, SendBack),
            (ResultReady, SendBack),
            (ResultReady, Return),
            (Received, Apologise),
            (ResultReady, Apologise),
        ];

        for status in DossierStatus::ALL {
            for action in ACTIONS {
                let result = status.after(action);
                assert_eq!(result.is_ok(), allowed.contains(&(status, action)), "{status:?} {action:?}");
            }
        }
        assert_eq!(Received.after(Receive), Err(IllegalTransition { from: Received, action: Receive }));
        assert!(Draft.after(Receive).is_err(), "an unsubmitted dossier cannot be received");
        assert!(Refused.after(Resubmit).is_err());
        assert!(Submitted.after(Return).is_err(), "an unreceived dossier cannot be returned");
        assert!(Received.after(Return).is_err(), "a result goes through the leader before it is returned");
        assert!(Returned.after(Return).is_err(), "a result is returned once");
        assert!(Returned.after(Apologise).is_err());
    }

    #[test]
    fn stored_names_round_trip_and_only_drafts_and_supplements_are_editable() {
        for status in DossierStatus::ALL {
            assert_eq!(DossierStatus::from_stored(status.stored()), Some(status));
        }
        let editable: Vec<_> =
            DossierStatus::ALL.into_iter().filter(|status| status.editable_by_applicant()).collect();
        assert_eq!(editable, vec![Draft, SupplementRequested]);
    }
}
