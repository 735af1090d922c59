//! Limits and bad settings: errors instead of hangs or wrong deadlines.

use chrono::NaiveDate;

use super::{
    CalendarError, MAX_WORKING_DAYS, MAX_WORKING_HOURS, Session, SpecialDay, SpecialDayKind, TestResult,
    WorkingCalendar, WorkingHours, at, calendar_2026, clock, day,
};

/// A calendar where every day from `first` to `last` is marked off, as a
/// mistaken administrator entry would.
fn all_off(first: &str, last: &str) -> TestResult<WorkingCalendar> {
    let last = day(last)?;
    let days = day(first)?.iter_days().take_while(|date| *date <= last).map(|date| SpecialDay {
        date,
        kind: SpecialDayKind::DayOff,
        name: "Nhập nhầm".to_string(),
    });

    Ok(WorkingCalendar::new(days, WorkingHours::default())?)
}

#[test]
fn a_whole_year_marked_off_pushes_the_deadline_into_the_next_year_without_hanging() -> TestResult {
    // Only 2026 is in this calendar: Friday 1 January 2027 is the next working
    // day, and one working day later (after the weekend) is Monday 4 January.
    let calendar = all_off("2026-01-01", "2026-12-31")?;

    let appointment = calendar.appointment_in_days(at("2026-03-02 10:00")?, 1)?;

    assert_eq!(appointment.reception.received_on, day("2027-01-01")?);
    assert_eq!(appointment.due_on, day("2027-01-04")?);
    Ok(())
}

#[test]
fn a_calendar_without_a_working_day_for_three_years_is_an_error_not_a_hang() -> TestResult {
    // The search stops 1 096 days after Monday 2 March 2026: on 2 March 2029.
    let calendar = all_off("2026-01-01", "2029-12-31")?;
    let expected = CalendarError::NoWorkingDay { from: day("2026-03-02")?, until: day("2029-03-02")? };

    let by_days = calendar.appointment_in_days(at("2026-03-02 10:00")?, 1);
    let by_hours = calendar.appointment_in_hours(at("2026-03-02 10:00")?, 8);
    let reception = calendar.reception(at("2026-03-02 10:00")?);

    assert_eq!(by_days, Err(expected.clone()));
    assert_eq!(by_hours, Err(expected.clone()));
    assert_eq!(reception, Err(expected.clone()));
    assert!(expected.message().contains("02/03/2026"));
    Ok(())
}

#[test]
fn processing_times_over_the_limits_are_refused() -> TestResult {
    let calendar = calendar_2026()?;

    let days = calendar.appointment_in_days(at("2026-03-02 10:00")?, MAX_WORKING_DAYS + 1);
    let hours = calendar.appointment_in_hours(at("2026-03-02 10:00")?, MAX_WORKING_HOURS + 1);

    assert_eq!(days, Err(CalendarError::TooManyWorkingDays(366)));
    assert_eq!(hours, Err(CalendarError::TooManyWorkingHours(2_921)));
    Ok(())
}

#[test]
fn the_longest_processing_times_still_find_their_date() -> TestResult {
    let calendar = calendar_2026()?;

    let days = calendar.appointment_in_days(at("2026-03-02 10:00")?, MAX_WORKING_DAYS)?;
    let hours = calendar.appointment_in_hours(at("2026-03-02 10:00")?, MAX_WORKING_HOURS)?;

    assert!(days.due_on > day("2027-01-01")?);
    assert!(hours.due_at.date() > day("2027-01-01")?);
    Ok(())
}

#[test]
fn the_end_of_time_is_an_error_too() -> TestResult {
    let calendar = calendar_2026()?;

    let appointment = calendar.appointment_in_days(NaiveDate::MAX.and_time(clock("10:00")?), 1);

    assert!(matches!(appointment, Err(CalendarError::NoWorkingDay { .. })));
    Ok(())
}

#[test]
fn two_entries_for_one_date_are_refused() -> TestResult {
    let days = [
        SpecialDay { date: day("2026-01-02")?, kind: SpecialDayKind::DayOff, name: "Nghỉ".to_string() },
        SpecialDay { date: day("2026-01-02")?, kind: SpecialDayKind::WorkingDay, name: "Làm".to_string() },
    ];

    let calendar = WorkingCalendar::new(days, WorkingHours::default());

    assert_eq!(calendar, Err(CalendarError::DuplicateDate(day("2026-01-02")?)));
    Ok(())
}

#[test]
fn working_hours_need_ordered_non_overlapping_sessions() -> TestResult {
    let backwards = Session { start: clock("11:30")?, end: clock("07:30")? };
    let morning = Session { start: clock("07:30")?, end: clock("11:30")? };
    let overlapping = Session { start: clock("11:00")?, end: clock("17:00")? };

    assert_eq!(WorkingHours::new(Vec::new()), Err(CalendarError::NoSessions));
    assert_eq!(
        WorkingHours::new(vec![backwards]),
        Err(CalendarError::InvalidSession { start: backwards.start, end: backwards.end })
    );
    assert_eq!(
        WorkingHours::try_from(vec![morning, overlapping]),
        Err(CalendarError::InvalidSession { start: overlapping.start, end: overlapping.end })
    );
    Ok(())
}

#[test]
fn the_default_day_ends_at_17_00() -> TestResult {
    let hours = WorkingHours::default();

    assert_eq!(hours.day_start(), clock("07:30")?);
    assert_eq!(hours.day_end(), clock("17:00")?);
    assert_eq!(WorkingHours::new(hours.sessions().to_vec()), Ok(hours));
    Ok(())
}

#[test]
fn every_error_has_a_vietnamese_message() -> TestResult {
    let errors = [
        CalendarError::TooManyWorkingDays(400),
        CalendarError::TooManyWorkingHours(4_000),
        CalendarError::NoWorkingDay { from: day("2026-01-01")?, until: day("2029-01-01")? },
        CalendarError::NoSessions,
        CalendarError::InvalidSession { start: clock("11:30")?, end: clock("07:30")? },
        CalendarError::DuplicateDate(day("2026-01-02")?),
    ];

    for error in errors {
        assert!(!error.message().is_empty(), "{error}");
    }
    Ok(())
}
