//! Appointment dates for processing times in working days.

use super::{TestResult, at, calendar_2026, day};

struct Case {
    submitted: &'static str,
    working_days: u32,
    due_on: &'static str,
    why: &'static str,
}

const CASES: &[Case] = &[
    Case {
        submitted: "2026-03-02 10:00",
        working_days: 3,
        due_on: "2026-03-05",
        why: "Monday 10:00 plus 3: Tuesday, Wednesday, Thursday",
    },
    Case {
        submitted: "2026-03-02 10:00",
        working_days: 0,
        due_on: "2026-03-02",
        why: "0 days: the reception day",
    },
    Case {
        submitted: "2026-03-02 16:59",
        working_days: 3,
        due_on: "2026-03-05",
        why: "16:59 is before 17:00: received Monday, due Thursday",
    },
    Case {
        submitted: "2026-03-02 17:01",
        working_days: 3,
        due_on: "2026-03-06",
        why: "17:01 is after 17:00: received Tuesday, then Wednesday, Thursday, Friday",
    },
    Case {
        submitted: "2026-03-02 17:00",
        working_days: 3,
        due_on: "2026-03-06",
        why: "17:00 itself is the cut-off: received Tuesday",
    },
    Case {
        submitted: "2026-03-08 10:00",
        working_days: 3,
        due_on: "2026-03-12",
        why: "Sunday: received Monday 9, then Tuesday 10, Wednesday 11, Thursday 12",
    },
    Case {
        submitted: "2026-03-07 10:00",
        working_days: 0,
        due_on: "2026-03-09",
        why: "Saturday with 0 days: the Monday it is received on",
    },
    Case {
        submitted: "2026-02-13 10:00",
        working_days: 1,
        due_on: "2026-02-23",
        why: "Friday before Tết: 14-22 February is the break, next working day Monday 23",
    },
    Case {
        submitted: "2026-02-12 09:00",
        working_days: 3,
        due_on: "2026-02-24",
        why: "Thursday before Tết: Friday 13, Monday 23, Tuesday 24",
    },
    Case {
        submitted: "2026-02-18 10:00",
        working_days: 2,
        due_on: "2026-02-25",
        why: "submitted on Mùng hai Tết: received Monday 23, then Tuesday 24, Wednesday 25",
    },
    Case {
        submitted: "2026-02-13 17:30",
        working_days: 0,
        due_on: "2026-02-23",
        why: "Friday 17:30 before Tết: received after the break, Monday 23",
    },
    Case {
        submitted: "2026-04-29 10:00",
        working_days: 1,
        due_on: "2026-05-04",
        why: "Wednesday: 30/4 and 1/5 off, then the weekend, Monday 4 May",
    },
    Case {
        submitted: "2026-04-29 10:00",
        working_days: 3,
        due_on: "2026-05-06",
        why: "Wednesday: Monday 4, Tuesday 5, Wednesday 6 May",
    },
    Case {
        submitted: "2026-04-24 10:00",
        working_days: 3,
        due_on: "2026-05-04",
        why: "Friday: 25 Saturday, 26 Giỗ Tổ, 27 nghỉ bù; Tuesday 28, Wednesday 29; 30/4-3/5 off; Monday 4",
    },
    Case {
        submitted: "2026-08-21 10:00",
        working_days: 1,
        due_on: "2026-08-22",
        why: "Friday: the next working day is make-up Saturday 22 August",
    },
    Case {
        submitted: "2026-08-20 10:00",
        working_days: 5,
        due_on: "2026-08-26",
        why: "Thursday: Friday 21, Saturday 22 (make-up), Monday 24, Tuesday 25, Wednesday 26",
    },
    Case {
        submitted: "2026-08-22 09:00",
        working_days: 1,
        due_on: "2026-08-24",
        why: "submitted on make-up Saturday 22: received that day, Sunday 23 skipped, Monday 24",
    },
    Case {
        submitted: "2026-08-28 10:00",
        working_days: 1,
        due_on: "2026-09-03",
        why: "Friday: 29-30 weekend, 31 August, 1 and 2 September off, Thursday 3",
    },
    Case {
        submitted: "2026-08-27 10:00",
        working_days: 2,
        due_on: "2026-09-03",
        why: "Thursday: Friday 28, then the 29 August - 2 September break, Thursday 3",
    },
    Case {
        submitted: "2026-01-01 10:00",
        working_days: 5,
        due_on: "2026-01-10",
        why: "Tết Dương lịch: received Monday 5, then 6, 7, 8, 9 and make-up Saturday 10",
    },
    Case {
        submitted: "2025-12-31 10:00",
        working_days: 1,
        due_on: "2026-01-05",
        why: "Wednesday 31 December: 1 and 2 January off, then the weekend, Monday 5",
    },
    Case {
        submitted: "2026-01-09 16:59",
        working_days: 1,
        due_on: "2026-01-10",
        why: "Friday 16:59: received Friday, the next working day is make-up Saturday 10",
    },
    Case {
        submitted: "2026-01-09 17:01",
        working_days: 1,
        due_on: "2026-01-12",
        why: "Friday 17:01: received make-up Saturday 10, Sunday 11 skipped, Monday 12",
    },
];

#[test]
fn appointments_in_working_days_follow_the_2026_calendar() -> TestResult {
    let calendar = calendar_2026()?;

    for case in CASES {
        let appointment = calendar.appointment_in_days(at(case.submitted)?, case.working_days)?;

        assert_eq!(appointment.due_on, day(case.due_on)?, "{}: {}", case.submitted, case.why);
    }

    Ok(())
}
