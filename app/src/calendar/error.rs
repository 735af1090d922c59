//! What can go wrong when computing a deadline: a limit passed, or a
//! calendar or working-hours setting that cannot be right.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{MAX_WORKING_DAYS, MAX_WORKING_HOURS, wording};

/// Every variant is the caller's input or the administrator's data, never a
/// fault of the server: a server function maps them to HTTP 400 with
/// [`CalendarError::message`] as the sentence shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum CalendarError {
    /// The processing time is over [`MAX_WORKING_DAYS`].
    #[error("{0} working days is over the limit of {MAX_WORKING_DAYS}")]
    TooManyWorkingDays(u32),

    /// The processing time is over [`MAX_WORKING_HOURS`].
    #[error("{0} working hours is over the limit of {MAX_WORKING_HOURS}")]
    TooManyWorkingHours(u32),

    /// No working day was found before the search horizon: the holiday list
    /// most likely marks far too many days off.
    #[error("no working day between {from} and {until}")]
    NoWorkingDay { from: NaiveDate, until: NaiveDate },

    /// Working hours were given without any session.
    #[error("working hours have no session")]
    NoSessions,

    /// A session ends before it starts, or starts before the previous one ends.
    #[error("invalid working session {start}-{end}")]
    InvalidSession { start: NaiveTime, end: NaiveTime },

    /// The holiday list has two entries for one date.
    #[error("{0} appears more than once in the holiday list")]
    DuplicateDate(NaiveDate),
}

impl CalendarError {
    /// What the user reads, in Vietnamese.
    pub fn message(&self) -> String {
        match self {
            CalendarError::TooManyWorkingDays(asked) => wording::too_many_working_days(*asked),
            CalendarError::TooManyWorkingHours(asked) => wording::too_many_working_hours(*asked),
            CalendarError::NoWorkingDay { from, until } => wording::no_working_day(*from, *until),
            CalendarError::NoSessions => wording::NO_SESSIONS.to_string(),
            CalendarError::InvalidSession { start, end } => wording::invalid_session(*start, *end),
            CalendarError::DuplicateDate(date) => wording::duplicate_date(*date),
        }
    }
}
