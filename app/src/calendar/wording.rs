//! Every Vietnamese sentence the calendar produces, in one place, so the
//! wording of receipts and explanations is reviewed and changed together.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use super::{MAX_WORKING_DAYS, MAX_WORKING_HOURS};

pub(super) const SATURDAY: &str = "Thứ Bảy";

pub(super) const SUNDAY: &str = "Chủ nhật";

/// Why a dossier submitted at or after the day's end is received the next
/// working day.
pub(super) fn submitted_after_hours(day_end: NaiveTime) -> String {
    format!("Nộp sau {}", clock(day_end))
}

/// Why a dossier submitted on a day off is received the next working day.
pub(super) fn submitted_on_day_off(reason: &str) -> String {
    format!("Nộp vào ngày nghỉ: {reason}")
}

pub(super) fn too_many_working_days(asked: u32) -> String {
    format!("Thời hạn giải quyết {asked} ngày làm việc vượt quá giới hạn {MAX_WORKING_DAYS} ngày làm việc.")
}

pub(super) fn too_many_working_hours(asked: u32) -> String {
    format!("Thời hạn giải quyết {asked} giờ làm việc vượt quá giới hạn {MAX_WORKING_HOURS} giờ làm việc.")
}

pub(super) fn no_working_day(from: NaiveDate, until: NaiveDate) -> String {
    format!(
        "Lịch làm việc không có ngày làm việc nào từ {} đến {}. Vui lòng kiểm tra danh sách ngày nghỉ.",
        day(from),
        day(until)
    )
}

pub(super) const NO_SESSIONS: &str = "Giờ làm việc phải có ít nhất một buổi.";

pub(super) fn invalid_session(start: NaiveTime, end: NaiveTime) -> String {
    format!(
        "Buổi làm việc {}–{} không hợp lệ: giờ bắt đầu phải trước giờ kết thúc, các buổi phải theo thứ tự và không chồng lên nhau.",
        clock(start),
        clock(end)
    )
}

pub(super) fn duplicate_date(date: NaiveDate) -> String {
    format!("Ngày {} được khai báo nhiều lần trong danh sách ngày nghỉ, ngày làm bù.", day(date))
}

/// `17:00`.
fn clock(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// `02/01/2026`.
fn day(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}
