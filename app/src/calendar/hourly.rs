//! Appointments for processing times in working hours (giờ làm việc), such
//! as feedback entered within 8 working hours (Điều 21): counted only inside
//! the sessions of working days.

use chrono::{NaiveDateTime, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use super::day::{MadeUpDay, SkippedDay};
use super::working_calendar::{Horizon, span};
use super::{CalendarError, MAX_WORKING_HOURS, Reception, WorkingCalendar};

/// An appointment time with its explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HourAppointment {
    pub reception: Reception,
    pub working_hours: u32,
    /// Where counting started: the submission time if it fell inside a
    /// session, otherwise the start of the next session.
    pub counted_from: NaiveDateTime,
    pub due_at: NaiveDateTime,
    /// The days off between `counted_from` and `due_at`.
    pub skipped: Vec<SkippedDay>,
    /// The make-up working days whose hours were counted.
    pub made_up: Vec<MadeUpDay>,
}

impl WorkingCalendar {
    /// The appointment for a processing time of `working_hours`. A count that
    /// ends exactly at a session's end is due then (11:30), not when the next
    /// session opens.
    pub fn appointment_in_hours(
        &self,
        submitted_at: NaiveDateTime,
        working_hours: u32,
    ) -> Result<HourAppointment, CalendarError> {
        if working_hours > MAX_WORKING_HOURS {
            return Err(CalendarError::TooManyWorkingHours(working_hours));
        }

        let horizon = Horizon::starting(submitted_at.date());

        let reception = self.receive(submitted_at, &horizon)?;
        let counted_from = self.count_start(&reception);
        let due_at = self.add_working_time(counted_from, TimeDelta::hours(working_hours.into()), &horizon)?;

        let (skipped, made_up) = self.explain(span(counted_from.date(), due_at.date()));

        Ok(HourAppointment { reception, working_hours, counted_from, due_at, skipped, made_up })
    }

    /// The first working instant at or after reception.
    fn count_start(&self, reception: &Reception) -> NaiveDateTime {
        let opening = reception.received_on.and_time(self.hours().day_start());
        if reception.moved.is_some() {
            return opening;
        }

        // Not moved: submitted on the reception day before the day's end, so
        // some session is still to end.
        let submitted = reception.submitted_at.time();
        self.hours()
            .sessions()
            .iter()
            .find(|session| session.end > submitted)
            .map_or(opening, |session| reception.received_on.and_time(submitted.max(session.start)))
    }

    /// `from` plus `amount` of working time, `from` being a working instant.
    fn add_working_time(
        &self,
        from: NaiveDateTime,
        amount: TimeDelta,
        horizon: &Horizon,
    ) -> Result<NaiveDateTime, CalendarError> {
        let mut remaining = amount;
        let mut day = from.date();
        let mut time = from.time();

        // Each pass consumes one working day; `next_working_day` stops at the
        // horizon, so the loop ends.
        loop {
            for session in self.hours().sessions().iter().filter(|session| session.end > time) {
                let start = time.max(session.start);
                let available = session.end - start;
                if remaining <= available {
                    return Ok(day.and_time(start + remaining));
                }
                remaining -= available;
            }
            day = self.next_working_day(day, horizon)?;
            time = NaiveTime::MIN;
        }
    }
}
