//! When a dossier counts as received (ngày tiếp nhận): the day it was
//! submitted, or the next working day if it came in after hours or on a
//! day off (DOMAIN.md, "Deadlines").

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::day::{DayOffReason, DayStatus, SkippedDay};
use super::working_calendar::{Horizon, span};
use super::{CalendarError, WorkingCalendar, wording};

/// The effective reception of a dossier, and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reception {
    /// When the dossier was submitted, Vietnam local time.
    pub submitted_at: NaiveDateTime,
    /// The working day it counts as received on.
    pub received_on: NaiveDate,
    /// Why reception is later than the submission day; `None` when it is not.
    pub moved: Option<ReceptionMove>,
    /// The days off stepped over to reach `received_on`, the submission day
    /// included when it was one.
    pub skipped: Vec<SkippedDay>,
}

/// Why a dossier counts as received on a later day than it was submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReceptionMove {
    /// Submitted on a working day at or after the day's end.
    AfterHours { day_end: NaiveTime },
    /// Submitted on a day off.
    OnDayOff(DayOffReason),
}

impl ReceptionMove {
    /// The reason as the applicant reads it: "Nộp sau 17:00".
    pub fn text(&self) -> String {
        match self {
            ReceptionMove::AfterHours { day_end } => wording::submitted_after_hours(*day_end),
            ReceptionMove::OnDayOff(reason) => wording::submitted_on_day_off(reason.text()),
        }
    }
}

impl WorkingCalendar {
    /// The day a dossier submitted at `submitted_at` counts as received. On a
    /// working day anything before the day's end counts, even before the first
    /// session opens: an online dossier sent at 06:00 is that day's.
    pub fn reception(&self, submitted_at: NaiveDateTime) -> Result<Reception, CalendarError> {
        self.receive(submitted_at, &Horizon::starting(submitted_at.date()))
    }

    pub(super) fn receive(
        &self,
        submitted_at: NaiveDateTime,
        horizon: &Horizon,
    ) -> Result<Reception, CalendarError> {
        let submitted_on = submitted_at.date();
        let day_end = self.hours().day_end();

        let moved = match self.status(submitted_on) {
            DayStatus::Off(reason) => Some(ReceptionMove::OnDayOff(reason)),
            _ if submitted_at.time() >= day_end => Some(ReceptionMove::AfterHours { day_end }),
            _ => None,
        };
        if moved.is_none() {
            return Ok(Reception { submitted_at, received_on: submitted_on, moved, skipped: Vec::new() });
        }

        let received_on = self.next_working_day(submitted_on, horizon)?;
        let (skipped, _) = self.explain(span(submitted_on, received_on));

        Ok(Reception { submitted_at, received_on, moved, skipped })
    }
}
