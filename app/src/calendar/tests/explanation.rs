//! Every deadline explains itself: the days it skipped and the make-up days
//! it counted, each with its reason.

use super::{SkippedDay, TestResult, at, calendar_2026};

/// A list of skipped days as `(date, reason)`, for readable comparisons.
fn reasons(skipped: &[SkippedDay]) -> Vec<(String, &str)> {
    skipped.iter().map(|skipped| (skipped.date.to_string(), skipped.reason.text())).collect()
}

#[test]
fn a_deadline_across_tet_lists_each_skipped_day_with_its_reason() -> TestResult {
    // Received Friday 13 February with 1 working day: due Monday 23, after the
    // break of 14-22 February.
    let calendar = calendar_2026()?;

    let appointment = calendar.appointment_in_days(at("2026-02-13 10:00")?, 1)?;

    assert_eq!(
        reasons(&appointment.skipped),
        [
            ("2026-02-14".to_string(), "Thứ Bảy"),
            ("2026-02-15".to_string(), "Chủ nhật"),
            ("2026-02-16".to_string(), "Giao thừa Tết Nguyên Đán"),
            ("2026-02-17".to_string(), "Tết Nguyên Đán"),
            ("2026-02-18".to_string(), "Mùng hai Tết Nguyên Đán"),
            ("2026-02-19".to_string(), "Mùng ba Tết Nguyên Đán"),
            ("2026-02-20".to_string(), "Mùng bốn Tết Nguyên Đán"),
            ("2026-02-21".to_string(), "Thứ Bảy"),
            ("2026-02-22".to_string(), "Chủ nhật"),
        ]
    );
    assert_eq!(appointment.reception.moved, None);
    assert!(appointment.made_up.is_empty());
    Ok(())
}

#[test]
fn a_deadline_across_30_4_and_1_5_names_gio_to_its_compensation_and_both_holidays() -> TestResult {
    // Friday 24 April plus 3 working days: Tuesday 28, Wednesday 29, Monday 4 May.
    let calendar = calendar_2026()?;

    let appointment = calendar.appointment_in_days(at("2026-04-24 10:00")?, 3)?;

    assert_eq!(
        reasons(&appointment.skipped),
        [
            ("2026-04-25".to_string(), "Thứ Bảy"),
            ("2026-04-26".to_string(), "Ngày Giỗ Tổ Hùng Vương"),
            ("2026-04-27".to_string(), "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"),
            ("2026-04-30".to_string(), "Ngày Chiến thắng"),
            ("2026-05-01".to_string(), "Ngày Quốc tế Lao động"),
            ("2026-05-02".to_string(), "Thứ Bảy"),
            ("2026-05-03".to_string(), "Chủ nhật"),
        ]
    );
    Ok(())
}

#[test]
fn a_deadline_across_quoc_khanh_skips_31_august_and_1_and_2_september() -> TestResult {
    // Friday 28 August plus 1 working day: due Thursday 3 September.
    let calendar = calendar_2026()?;

    let appointment = calendar.appointment_in_days(at("2026-08-28 10:00")?, 1)?;

    assert_eq!(
        reasons(&appointment.skipped),
        [
            ("2026-08-29".to_string(), "Thứ Bảy"),
            ("2026-08-30".to_string(), "Chủ nhật"),
            ("2026-08-31".to_string(), "Ngày nghỉ (thay cho ngày 22/08/2026)"),
            ("2026-09-01".to_string(), "Quốc khánh"),
            ("2026-09-02".to_string(), "Quốc khánh"),
        ]
    );
    Ok(())
}

#[test]
fn a_make_up_saturday_that_was_counted_is_named() -> TestResult {
    // Thursday 20 August plus 5: Friday 21, Saturday 22 (make-up), Monday 24,
    // Tuesday 25, Wednesday 26; only Sunday 23 is skipped.
    let calendar = calendar_2026()?;

    let appointment = calendar.appointment_in_days(at("2026-08-20 10:00")?, 5)?;

    let made_up: Vec<(String, &str)> =
        appointment.made_up.iter().map(|day| (day.date.to_string(), day.name.as_str())).collect();
    assert_eq!(made_up, [("2026-08-22".to_string(), "Làm bù cho ngày 31/08/2026")]);
    assert_eq!(reasons(&appointment.skipped), [("2026-08-23".to_string(), "Chủ nhật")]);
    Ok(())
}

#[test]
fn a_dossier_sent_on_new_years_day_explains_its_reception_and_counts_the_10_january_make_up() -> TestResult {
    // Thursday 1 January: received Monday 5 after 1-4 January; 5 working days
    // are 6, 7, 8, 9 and make-up Saturday 10.
    let calendar = calendar_2026()?;

    let appointment = calendar.appointment_in_days(at("2026-01-01 10:00")?, 5)?;

    assert_eq!(
        appointment.reception.moved.as_ref().map(|moved| moved.text()),
        Some("Nộp vào ngày nghỉ: Tết Dương lịch".to_string())
    );
    assert_eq!(
        reasons(&appointment.reception.skipped),
        [
            ("2026-01-01".to_string(), "Tết Dương lịch"),
            ("2026-01-02".to_string(), "Ngày nghỉ (hoán đổi, làm bù thứ Bảy 10/01/2026)"),
            ("2026-01-03".to_string(), "Thứ Bảy"),
            ("2026-01-04".to_string(), "Chủ nhật"),
        ]
    );
    assert!(appointment.skipped.is_empty());
    let made_up: Vec<&str> = appointment.made_up.iter().map(|day| day.name.as_str()).collect();
    assert_eq!(made_up, ["Làm bù cho ngày 02/01/2026"]);
    Ok(())
}

#[test]
fn a_same_day_appointment_has_nothing_to_explain() -> TestResult {
    let calendar = calendar_2026()?;

    let appointment = calendar.appointment_in_days(at("2026-03-02 10:00")?, 0)?;

    assert!(appointment.skipped.is_empty());
    assert!(appointment.made_up.is_empty());
    assert_eq!(appointment.reception.moved, None);
    Ok(())
}
