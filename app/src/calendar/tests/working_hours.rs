//! Appointment times for processing times in working hours.

use super::{Session, TestResult, WorkingCalendar, WorkingHours, at, calendar_2026, clock};

struct Case {
    submitted: &'static str,
    working_hours: u32,
    due_at: &'static str,
    why: &'static str,
}

const CASES: &[Case] = &[
    Case {
        submitted: "2026-03-02 10:00",
        working_hours: 4,
        due_at: "2026-03-02 16:00",
        why: "1h30 until 11:30, lunch, 2h30 from 13:30",
    },
    Case {
        submitted: "2026-03-02 09:30",
        working_hours: 2,
        due_at: "2026-03-02 11:30",
        why: "ends exactly at the morning's end, not when the afternoon opens",
    },
    Case {
        submitted: "2026-03-02 12:00",
        working_hours: 1,
        due_at: "2026-03-02 14:30",
        why: "submitted at lunch: counted from 13:30",
    },
    Case {
        submitted: "2026-03-02 06:00",
        working_hours: 1,
        due_at: "2026-03-02 08:30",
        why: "submitted before opening: counted from 07:30",
    },
    Case {
        submitted: "2026-03-02 16:59",
        working_hours: 1,
        due_at: "2026-03-03 08:29",
        why: "one minute on Monday, 59 minutes from 07:30 on Tuesday",
    },
    Case {
        submitted: "2026-03-06 15:00",
        working_hours: 8,
        due_at: "2026-03-09 15:30",
        why: "Friday 2h until 17:00, weekend skipped, Monday 4h morning and 2h from 13:30",
    },
    Case {
        submitted: "2026-03-06 18:00",
        working_hours: 8,
        due_at: "2026-03-10 08:00",
        why: "Friday after hours: from Monday 07:30, Monday gives 7h30, 30 minutes on Tuesday",
    },
    Case {
        submitted: "2026-03-08 10:00",
        working_hours: 0,
        due_at: "2026-03-09 07:30",
        why: "Sunday with 0 hours: Monday's opening",
    },
    Case {
        submitted: "2026-02-13 16:00",
        working_hours: 2,
        due_at: "2026-02-23 08:30",
        why: "1h on Friday before Tết, 1h on Monday 23 after the break",
    },
    Case {
        submitted: "2026-01-09 16:00",
        working_hours: 8,
        due_at: "2026-01-10 16:30",
        why: "1h on Friday, then make-up Saturday 10: 4h morning and 3h from 13:30",
    },
];

#[test]
fn appointments_in_working_hours_count_only_sessions_of_working_days() -> TestResult {
    let calendar = calendar_2026()?;

    for case in CASES {
        let appointment = calendar.appointment_in_hours(at(case.submitted)?, case.working_hours)?;

        assert_eq!(appointment.due_at, at(case.due_at)?, "{}: {}", case.submitted, case.why);
    }

    Ok(())
}

#[test]
fn hours_across_a_weekend_start_at_reception_and_skip_saturday_and_sunday() -> TestResult {
    let calendar = calendar_2026()?;

    let appointment = calendar.appointment_in_hours(at("2026-03-06 15:00")?, 8)?;

    assert_eq!(appointment.counted_from, at("2026-03-06 15:00")?);
    let skipped: Vec<&str> = appointment.skipped.iter().map(|skipped| skipped.reason.text()).collect();
    assert_eq!(skipped, ["Thứ Bảy", "Chủ nhật"]);
    Ok(())
}

#[test]
fn hours_on_a_make_up_saturday_are_counted_and_named() -> TestResult {
    let calendar = calendar_2026()?;

    let appointment = calendar.appointment_in_hours(at("2026-01-09 16:00")?, 8)?;

    let made_up: Vec<&str> = appointment.made_up.iter().map(|day| day.name.as_str()).collect();
    assert_eq!(made_up, ["Làm bù cho ngày 02/01/2026"]);
    Ok(())
}

#[test]
fn custom_working_hours_move_the_cut_off_and_the_sessions() -> TestResult {
    // 08:00-12:00 and 13:00-17:30: 17:15 is still Monday, with 15 minutes left.
    let sessions = vec![
        Session { start: clock("08:00")?, end: clock("12:00")? },
        Session { start: clock("13:00")?, end: clock("17:30")? },
    ];
    let calendar = WorkingCalendar::new(Vec::new(), WorkingHours::new(sessions)?)?;

    let appointment = calendar.appointment_in_hours(at("2026-03-02 17:15")?, 1)?;

    assert_eq!(appointment.reception.moved, None);
    assert_eq!(
        appointment.due_at,
        at("2026-03-03 08:45")?,
        "15 minutes Monday, 45 minutes from 08:00 Tuesday"
    );
    Ok(())
}
