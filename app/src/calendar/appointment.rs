//! Appointments for processing times in working days, the common case: the
//! date printed on the receipt (giấy tiếp nhận và hẹn trả kết quả).

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::day::{MadeUpDay, SkippedDay};
use super::working_calendar::{Horizon, span};
use super::{CalendarError, MAX_WORKING_DAYS, Reception, WorkingCalendar};

/// An appointment date (ngày hẹn trả kết quả) with its explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointment {
    pub reception: Reception,
    pub working_days: u32,
    /// The appointment date: the last of the `working_days` counted.
    pub due_on: NaiveDate,
    /// The days off between the reception day and the appointment date.
    pub skipped: Vec<SkippedDay>,
    /// The make-up working days counted among the `working_days`.
    pub made_up: Vec<MadeUpDay>,
}

impl WorkingCalendar {
    /// The appointment for a processing time of `working_days`, counted from
    /// the working day after reception: received on a Monday with 3 working
    /// days, the result is due on Thursday. With 0 days it is due on the
    /// reception day itself.
    pub fn appointment_in_days(
        &self,
        submitted_at: NaiveDateTime,
        working_days: u32,
    ) -> Result<Appointment, CalendarError> {
        if working_days > MAX_WORKING_DAYS {
            return Err(CalendarError::TooManyWorkingDays(working_days));
        }

        let horizon = Horizon::starting(submitted_at.date());

        let reception = self.receive(submitted_at, &horizon)?;
        let mut due_on = reception.received_on;
        for _ in 0..working_days {
            due_on = self.next_working_day(due_on, &horizon)?;
        }

        let (skipped, made_up) = self.explain(span(reception.received_on, due_on).skip(1));

        Ok(Appointment { reception, working_days, due_on, skipped, made_up })
    }
}
