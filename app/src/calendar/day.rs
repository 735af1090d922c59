//! Days as the calendar sees them: the special days an administrator enters,
//! and what a given day turns out to be.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::wording;

/// What an entry in the holiday list does to its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SpecialDayKind {
    /// Ngày nghỉ: a public holiday or an official compensatory day off.
    DayOff,
    /// Ngày làm bù: a Saturday (or Sunday) worked to make up for a day off.
    WorkingDay,
}

/// One entry of the holiday list, maintained by the administrator each year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecialDay {
    pub date: NaiveDate,
    pub kind: SpecialDayKind,
    /// The reason in Vietnamese, shown to citizens as is: "Tết Nguyên Đán",
    /// "Làm bù cho ngày 02/01/2026".
    pub name: String,
}

/// Why a day does not count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayOffReason {
    Saturday,
    Sunday,
    /// A day marked [`SpecialDayKind::DayOff`], with its name. It wins over
    /// the weekend, so a holiday falling on a Sunday is shown by its name.
    Holiday(String),
}

impl DayOffReason {
    /// The reason as the applicant reads it.
    pub fn text(&self) -> &str {
        match self {
            DayOffReason::Saturday => wording::SATURDAY,
            DayOffReason::Sunday => wording::SUNDAY,
            DayOffReason::Holiday(name) => name,
        }
    }
}

/// What a day is for the public servants' calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayStatus {
    /// An ordinary weekday.
    Working,
    /// A day marked [`SpecialDayKind::WorkingDay`]: it counts, and is named
    /// in explanations because an applicant would not expect it to.
    MadeUp {
        name: String,
    },
    Off(DayOffReason),
}

impl DayStatus {
    pub fn is_working(&self) -> bool {
        !matches!(self, DayStatus::Off(_))
    }
}

/// A day stepped over while counting, with the reason it did not count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedDay {
    pub date: NaiveDate,
    pub reason: DayOffReason,
}

/// A make-up working day that was counted, with its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MadeUpDay {
    pub date: NaiveDate,
    pub name: String,
}
