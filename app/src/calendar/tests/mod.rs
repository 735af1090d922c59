//! The calendar against the real 2026 public servants' calendar, copied from
//! the 2026 entries of data/holidays.json. Expected dates are worked out by
//! hand from that calendar; each case says how.

mod explanation;
mod limits;
mod reception;
mod working_days;
mod working_hours;

use std::error::Error;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

// The children reach the calendar through these, not through a crate path,
// so the tests do not depend on where the module is mounted.
use super::{
    CalendarError, DayOffReason, MAX_WORKING_DAYS, MAX_WORKING_HOURS, ReceptionMove, Session, SkippedDay,
    SpecialDay, SpecialDayKind, WorkingCalendar, WorkingHours,
};

type TestResult<T = ()> = Result<T, Box<dyn Error>>;

/// The 2026 `days_off`, with their names as written in holidays.json.
/// 2026-11-24 is marked UNCONFIRMED there; it is kept, and no case here
/// reaches November.
const DAYS_OFF_2026: [(&str, &str); 15] = [
    ("2026-01-01", "Tết Dương lịch"),
    ("2026-01-02", "Ngày nghỉ (hoán đổi, làm bù thứ Bảy 10/01/2026)"),
    ("2026-02-16", "Giao thừa Tết Nguyên Đán"),
    ("2026-02-17", "Tết Nguyên Đán"),
    ("2026-02-18", "Mùng hai Tết Nguyên Đán"),
    ("2026-02-19", "Mùng ba Tết Nguyên Đán"),
    ("2026-02-20", "Mùng bốn Tết Nguyên Đán"),
    ("2026-04-26", "Ngày Giỗ Tổ Hùng Vương"),
    ("2026-04-27", "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"),
    ("2026-04-30", "Ngày Chiến thắng"),
    ("2026-05-01", "Ngày Quốc tế Lao động"),
    ("2026-08-31", "Ngày nghỉ (thay cho ngày 22/08/2026)"),
    ("2026-09-01", "Quốc khánh"),
    ("2026-09-02", "Quốc khánh"),
    ("2026-11-24", "Ngày Văn hóa Việt Nam"),
];

/// The 2026 `makeup_saturdays`. holidays.json gives them no name; each is
/// named after the day off it makes up for, as that day's entry states.
const WORKING_DAYS_2026: [(&str, &str); 2] =
    [("2026-01-10", "Làm bù cho ngày 02/01/2026"), ("2026-08-22", "Làm bù cho ngày 31/08/2026")];

fn calendar_2026() -> TestResult<WorkingCalendar> {
    let days_off = DAYS_OFF_2026.iter().map(|(date, name)| special(date, SpecialDayKind::DayOff, name));
    let working =
        WORKING_DAYS_2026.iter().map(|(date, name)| special(date, SpecialDayKind::WorkingDay, name));

    let special_days = days_off.chain(working).collect::<TestResult<Vec<_>>>()?;

    Ok(WorkingCalendar::new(special_days, WorkingHours::default())?)
}

fn special(date: &str, kind: SpecialDayKind, name: &str) -> TestResult<SpecialDay> {
    Ok(SpecialDay { date: day(date)?, kind, name: name.to_string() })
}

/// `2026-02-13`.
fn day(text: &str) -> TestResult<NaiveDate> {
    Ok(text.parse()?)
}

/// `2026-02-13 10:00`, Vietnam local time.
fn at(text: &str) -> TestResult<NaiveDateTime> {
    Ok(NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")?)
}

/// `17:00`.
fn clock(text: &str) -> TestResult<NaiveTime> {
    Ok(NaiveTime::parse_from_str(text, "%H:%M")?)
}
