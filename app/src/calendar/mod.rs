//! The working-day calendar (lịch làm việc) that turns a dossier's submission
//! time and its procedure's processing time into an appointment date (hẹn trả
//! kết quả), and says why: which days were skipped, which make-up Saturdays
//! were counted, and why reception moved to a later day.
//!
//! Pure logic, shared by the server and the browser: no database, no clock.
//! Every time is a parameter in Vietnam's local wall-clock time (UTC+7, no
//! daylight saving), so callers convert from UTC before asking.

mod appointment;
mod day;
mod error;
mod hourly;
mod hours;
mod reception;
#[cfg(feature = "ssr")]
pub mod stored;
mod wording;
mod working_calendar;

#[cfg(test)]
mod tests;

pub use appointment::Appointment;
pub use day::{DayOffReason, DayStatus, MadeUpDay, SkippedDay, SpecialDay, SpecialDayKind};
pub use error::CalendarError;
pub use hourly::HourAppointment;
pub use hours::{Session, WorkingHours};
pub use reception::{Reception, ReceptionMove};
pub use working_calendar::WorkingCalendar;

/// The longest processing time accepted in working days; no procedure comes
/// near it, so anything longer is a data-entry mistake.
pub const MAX_WORKING_DAYS: u32 = 365;

/// The longest processing time accepted in working hours: a year of 8-hour days.
pub const MAX_WORKING_HOURS: u32 = 365 * 8;

/// How far past the submission date the calendar looks for working days,
/// about three years. A holiday list that leaves no working day in that span
/// is wrong, and the search stops with an error instead of running on.
pub const SEARCH_HORIZON_DAYS: u64 = 3 * 365 + 1;
