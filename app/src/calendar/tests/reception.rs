//! When a dossier counts as received, and why it moved.

use super::{DayOffReason, ReceptionMove, SkippedDay, TestResult, at, calendar_2026, day};

#[test]
fn a_dossier_submitted_at_16_59_is_received_the_same_day() -> TestResult {
    let calendar = calendar_2026()?;

    let reception = calendar.reception(at("2026-03-02 16:59")?)?;

    assert_eq!(reception.received_on, day("2026-03-02")?);
    assert_eq!(reception.moved, None);
    assert!(reception.skipped.is_empty());
    Ok(())
}

#[test]
fn a_dossier_submitted_at_17_01_is_received_the_next_working_day_after_hours() -> TestResult {
    let calendar = calendar_2026()?;

    let reception = calendar.reception(at("2026-03-02 17:01")?)?;

    assert_eq!(reception.received_on, day("2026-03-03")?);
    assert_eq!(reception.moved.map(|moved| moved.text()), Some("Nộp sau 17:00".to_string()));
    assert!(reception.skipped.is_empty());
    Ok(())
}

#[test]
fn a_dossier_submitted_before_opening_on_a_working_day_is_that_days() -> TestResult {
    let calendar = calendar_2026()?;

    let reception = calendar.reception(at("2026-03-02 06:00")?)?;

    assert_eq!(reception.received_on, day("2026-03-02")?);
    assert_eq!(reception.moved, None);
    Ok(())
}

#[test]
fn a_dossier_submitted_on_a_sunday_is_received_on_monday_because_of_the_day_off() -> TestResult {
    let calendar = calendar_2026()?;

    let reception = calendar.reception(at("2026-03-08 10:00")?)?;

    assert_eq!(reception.received_on, day("2026-03-09")?);
    assert_eq!(reception.moved, Some(ReceptionMove::OnDayOff(DayOffReason::Sunday)));
    assert_eq!(reception.moved.map(|moved| moved.text()), Some("Nộp vào ngày nghỉ: Chủ nhật".to_string()));
    assert_eq!(
        reception.skipped,
        vec![SkippedDay { date: day("2026-03-08")?, reason: DayOffReason::Sunday }]
    );
    Ok(())
}

#[test]
fn a_dossier_submitted_during_tet_names_the_holiday_and_waits_for_monday_23() -> TestResult {
    let calendar = calendar_2026()?;

    let reception = calendar.reception(at("2026-02-18 10:00")?)?;

    assert_eq!(reception.received_on, day("2026-02-23")?);
    assert_eq!(
        reception.moved.map(|moved| moved.text()),
        Some("Nộp vào ngày nghỉ: Mùng hai Tết Nguyên Đán".to_string())
    );
    let skipped: Vec<String> = reception.skipped.iter().map(|skipped| skipped.date.to_string()).collect();
    assert_eq!(skipped, ["2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22"]);
    Ok(())
}

#[test]
fn a_holiday_on_a_sunday_is_given_by_its_name_and_the_next_day_off_is_stepped_over() -> TestResult {
    // 26 April 2026 is Giỗ Tổ on a Sunday, with Monday 27 off in compensation.
    let calendar = calendar_2026()?;

    let reception = calendar.reception(at("2026-04-26 10:00")?)?;

    assert_eq!(reception.received_on, day("2026-04-28")?);
    assert_eq!(
        reception.moved.map(|moved| moved.text()),
        Some("Nộp vào ngày nghỉ: Ngày Giỗ Tổ Hùng Vương".to_string())
    );
    assert_eq!(reception.skipped.len(), 2);
    Ok(())
}

#[test]
fn a_dossier_submitted_on_a_make_up_saturday_is_received_that_day() -> TestResult {
    let calendar = calendar_2026()?;

    let reception = calendar.reception(at("2026-01-10 09:00")?)?;

    assert_eq!(reception.received_on, day("2026-01-10")?);
    assert_eq!(reception.moved, None);
    Ok(())
}

#[test]
fn a_dossier_submitted_after_hours_on_the_eve_of_tet_lists_the_whole_break() -> TestResult {
    let calendar = calendar_2026()?;

    let reception = calendar.reception(at("2026-02-13 17:30")?)?;

    assert_eq!(reception.received_on, day("2026-02-23")?);
    assert_eq!(reception.moved.map(|moved| moved.text()), Some("Nộp sau 17:00".to_string()));
    assert_eq!(reception.skipped.first().map(|skipped| skipped.date), Some(day("2026-02-14")?));
    assert_eq!(reception.skipped.len(), 9, "14 to 22 February");
    Ok(())
}
