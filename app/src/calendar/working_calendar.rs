//! The calendar itself: the holiday list plus working hours, and the day-by-
//! day questions every deadline is built from.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::day::{DayOffReason, DayStatus, MadeUpDay, SkippedDay, SpecialDay, SpecialDayKind};
use super::{CalendarError, SEARCH_HORIZON_DAYS, WorkingHours};

/// The public servants' calendar (lịch làm việc của cán bộ, công chức):
/// weekends and the listed days off are not worked, the listed make-up days
/// are. It is data, rebuilt whenever the administrator edits the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingCalendar {
    special_days: BTreeMap<NaiveDate, SpecialDay>,
    hours: WorkingHours,
}

impl WorkingCalendar {
    /// Builds the calendar, refusing a list with two entries for one date:
    /// which of them should win is the administrator's call, not ours.
    pub fn new(
        special_days: impl IntoIterator<Item = SpecialDay>,
        hours: WorkingHours,
    ) -> Result<Self, CalendarError> {
        let mut by_date = BTreeMap::new();

        for day in special_days {
            let date = day.date;
            if by_date.insert(date, day).is_some() {
                return Err(CalendarError::DuplicateDate(date));
            }
        }

        Ok(WorkingCalendar { special_days: by_date, hours })
    }

    pub fn hours(&self) -> &WorkingHours {
        &self.hours
    }

    /// What `date` is: a working day, a make-up working day, or a day off and why.
    pub fn status(&self, date: NaiveDate) -> DayStatus {
        match self.special_days.get(&date) {
            Some(SpecialDay { kind: SpecialDayKind::DayOff, name, .. }) => {
                DayStatus::Off(DayOffReason::Holiday(name.clone()))
            }
            Some(SpecialDay { kind: SpecialDayKind::WorkingDay, name, .. }) => {
                DayStatus::MadeUp { name: name.clone() }
            }
            None => match date.weekday() {
                Weekday::Sat => DayStatus::Off(DayOffReason::Saturday),
                Weekday::Sun => DayStatus::Off(DayOffReason::Sunday),
                _ => DayStatus::Working,
            },
        }
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.status(date).is_working()
    }

    /// The first working day after `date`, looking no further than `horizon`.
    pub(super) fn next_working_day(
        &self,
        date: NaiveDate,
        horizon: &Horizon,
    ) -> Result<NaiveDate, CalendarError> {
        date.iter_days()
            .skip(1)
            .take_while(|day| *day <= horizon.until)
            .find(|day| self.is_working_day(*day))
            .ok_or(CalendarError::NoWorkingDay { from: horizon.from, until: horizon.until })
    }

    /// The days off among `days`, and the make-up days among them.
    pub(super) fn explain(&self, days: impl Iterator<Item = NaiveDate>) -> (Vec<SkippedDay>, Vec<MadeUpDay>) {
        let mut skipped = Vec::new();
        let mut made_up = Vec::new();

        for date in days {
            match self.status(date) {
                DayStatus::Off(reason) => skipped.push(SkippedDay { date, reason }),
                DayStatus::MadeUp { name } => made_up.push(MadeUpDay { date, name }),
                DayStatus::Working => {}
            }
        }

        (skipped, made_up)
    }
}

/// The last day one computation may look at, so that a calendar without
/// working days ends in an error instead of a loop.
pub(super) struct Horizon {
    from: NaiveDate,
    until: NaiveDate,
}

impl Horizon {
    /// [`SEARCH_HORIZON_DAYS`] past `from`, or the end of time if that is nearer.
    pub(super) fn starting(from: NaiveDate) -> Self {
        let until = from.checked_add_days(Days::new(SEARCH_HORIZON_DAYS)).unwrap_or(NaiveDate::MAX);
        Horizon { from, until }
    }
}

/// Every day from `first` to `last`, both included; none if `last` is earlier.
pub(super) fn span(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    first.iter_days().take_while(move |day| *day <= last)
}
