use app::calendar::{DayOffReason, stored};
use chrono::NaiveDate;

use crate::helpers::{block_on, portal};

fn at(year: i32, month: u32, day: u32, hour: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, day).and_then(|date| date.and_hms_opt(hour, 0, 0)).unwrap()
}

/// Friday 28 August 2026, 3 working days: the weekend, 31 August, 1 and 2
/// September and the next weekend do not count, so Monday 7 September.
#[test]
fn the_stored_calendar_counts_working_days_around_the_national_day() {
    block_on(async {
        let calendar = stored::load(&portal().await.context.db).await.unwrap();

        let appointment = calendar.appointment_in_days(at(2026, 8, 28, 9), 3).unwrap();

        let holidays: Vec<_> = appointment
            .skipped
            .iter()
            .filter(|day| matches!(day.reason, DayOffReason::Holiday(_)))
            .map(|day| day.date.to_string())
            .collect();
        assert_eq!(appointment.due_on, NaiveDate::from_ymd_opt(2026, 9, 7).unwrap());
        assert_eq!(holidays, ["2026-08-31", "2026-09-01", "2026-09-02"]);
    });
}

/// Saturday 10 January 2026 is worked to make up for Friday 2 January.
#[test]
fn a_make_up_saturday_counts_and_says_what_it_makes_up_for() {
    block_on(async {
        let calendar = stored::load(&portal().await.context.db).await.unwrap();

        let appointment = calendar.appointment_in_days(at(2026, 1, 9, 9), 1).unwrap();

        assert_eq!(appointment.due_on, NaiveDate::from_ymd_opt(2026, 1, 10).unwrap());
        assert_eq!(appointment.made_up.len(), 1);
        assert_eq!(appointment.made_up[0].name, "Làm việc bù cho kỳ nghỉ Tết Dương lịch");
    });
}

/// The working hours the administrator saves move the day's cut-off; a
/// stored value that no longer reads as working hours falls back to the
/// default instead of stopping every deadline. A database of its own, so
/// that the other tests keep the default hours.
#[test]
fn saved_working_hours_move_the_cut_off() {
    block_on(async {
        let db = server::database::open_in_memory().await.unwrap();
        let hours = app::admin::hours::checked("07:00", "11:00", "13:00", "16:00").unwrap();
        let thursday = at(2026, 12, 3, 16) + chrono::Duration::minutes(30);

        let before = stored::load(&db).await.unwrap().reception(thursday).unwrap();
        stored::save_hours(&db, &hours, "officer:thu", "Thử", None).await.unwrap();
        let after = stored::load(&db).await.unwrap().reception(thursday).unwrap();
        db.query("UPSERT working_hours:tinh SET sessions = '[{\"start\":\"12:00\",\"end\":\"08:00\"}]'")
            .await
            .unwrap()
            .check()
            .unwrap();
        let broken = stored::load(&db).await.unwrap();

        assert_eq!(
            before.received_on,
            NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
            "16:30 is before 17:00"
        );
        assert_eq!(after.received_on, NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(), "16:30 is after 16:00");
        assert_eq!(broken.hours(), &app::calendar::WorkingHours::default());
    });
}
