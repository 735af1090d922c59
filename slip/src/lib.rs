//! The national one-stop slips (Thông tư 01/2018/TT-VPCP, Mẫu 01–05).
//!
//! The slips' data is plain, so that it compiles for the browser as well;
//! the PDF renderer, [`pdf`], comes with the `pdf` feature, for the server
//! only. A crate of its own so that its heavy typesetting dependencies and
//! their tests build apart from the database.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};

#[cfg(feature = "pdf")]
pub mod pdf;

#[cfg(all(test, feature = "pdf"))]
mod tests;

/// Printed where a value is missing, so that the officer can fill it in by hand.
pub const BLANK: &str = "……………………";

/// The blank for a number inside a sentence, such as "Quyển số: …………".
pub const SHORT_BLANK: &str = "…………";

/// Which of the one-stop forms a slip is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlipKind {
    /// Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả.
    #[default]
    Receipt,
    /// Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.
    Supplement,
    /// Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ.
    Refusal,
    /// Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả.
    Apology,
    /// Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ.
    Control,
}

impl SlipKind {
    /// Every kind, in the order of the circular.
    pub const ALL: [SlipKind; 5] =
        [SlipKind::Receipt, SlipKind::Supplement, SlipKind::Refusal, SlipKind::Apology, SlipKind::Control];

    /// The form's number in Thông tư 01/2018/TT-VPCP.
    pub fn number(self) -> &'static str {
        match self {
            SlipKind::Receipt => "01",
            SlipKind::Supplement => "02",
            SlipKind::Refusal => "03",
            SlipKind::Apology => "04",
            SlipKind::Control => "05",
        }
    }

    /// The title as printed on the slip.
    pub fn title(self) -> &'static str {
        match self {
            SlipKind::Receipt => "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            SlipKind::Supplement => "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
            SlipKind::Refusal => "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
            SlipKind::Apology => "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
            SlipKind::Control => "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        }
    }

    /// The URL segment that names the kind, e.g. `/ho-so/{code}/phieu/tiep-nhan.pdf`.
    pub fn slug(self) -> &'static str {
        match self {
            SlipKind::Receipt => "tiep-nhan",
            SlipKind::Supplement => "bo-sung",
            SlipKind::Refusal => "tu-choi",
            SlipKind::Apology => "xin-loi",
            SlipKind::Control => "kiem-soat",
        }
    }

    /// The kind named by a URL segment from [`SlipKind::slug`].
    pub fn from_slug(slug: &str) -> Option<SlipKind> {
        SlipKind::ALL.into_iter().find(|kind| kind.slug() == slug)
    }
}

/// The person or organisation the dossier belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Applicant {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
}

/// One paper of the dossier, a row of Mẫu 01's table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SlipDocument {
    pub name: String,
    /// "Bản chính", "Bản sao", "Bản chụp" or "Bản điện tử".
    pub form: String,
    pub note: String,
}

/// One paper the applicant must add or complete, a row of Mẫu 02's table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupplementItem {
    pub item: String,
    /// Copies asked for, by kind: bản chính, bản chứng thực, bản photo.
    pub originals: Option<u32>,
    pub certified: Option<u32>,
    pub photocopies: Option<u32>,
    /// What is wrong with this paper; printed under its name.
    pub reason: String,
}

/// One hand-over of the dossier between agencies, a row of Mẫu 05's table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ControlStep {
    pub from: String,
    pub to: String,
    pub handed_at: NaiveDateTime,
    /// "Trước hạn", "Đúng hạn", "Quá hạn", or empty while still in progress.
    pub outcome: String,
    pub note: String,
}

/// Where Mẫu 02 and 03 send the applicant for help.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub website: String,
    pub officer: String,
    pub phone: String,
    pub extension: String,
}

/// Everything any of the five slips prints. Each kind reads the fields it
/// needs and ignores the rest; an empty string prints as [`BLANK`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Slip {
    pub kind: SlipKind,
    /// Tên cơ quan chủ quản, e.g. "UBND XÃ BA ĐÌNH".
    pub authority: String,
    /// The receiving desk, e.g. "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ".
    pub desk: String,
    /// Số of the slip. Mẫu 02 falls back to "{code}/HDHS" as the Thanh Hóa system prints it.
    pub number: String,
    /// Địa danh for "{place}, ngày … tháng … năm …".
    pub place: String,
    pub issued_on: NaiveDate,
    /// Mã hồ sơ, e.g. "00004-261204-0001".
    pub code: String,
    pub applicant: Applicant,
    /// Nội dung yêu cầu giải quyết: the procedure's name.
    pub procedure: String,
    pub documents: Vec<SlipDocument>,
    /// Số lượng hồ sơ (bộ).
    pub copies: Option<u32>,
    /// e.g. "1 ngày làm việc".
    pub processing_time: Option<String>,
    pub received_at: Option<NaiveDateTime>,
    /// Mẫu 01's promised return; on Mẫu 04 the date that could not be kept.
    pub appointment_at: Option<NaiveDateTime>,
    /// Mẫu 04's new return date.
    pub new_appointment_at: Option<NaiveDateTime>,
    /// Đăng ký nhận kết quả tại: …
    pub result_at: String,
    /// Phí, lệ phí (nếu có); the line is left out when empty.
    pub fee: String,
    /// Sổ theo dõi hồ sơ: Quyển số … and Số thứ tự ….
    pub ledger_book: String,
    pub ledger_entry: String,
    pub items: Vec<SupplementItem>,
    /// Mẫu 02's general reason, Mẫu 03's refusal reason, Mẫu 04's reason for the delay.
    pub reason: Option<String>,
    /// Mẫu 05: Cơ quan (bộ phận) giải quyết hồ sơ.
    pub handler: String,
    pub steps: Vec<ControlStep>,
    pub contact: Contact,
    /// The officer who signs the slip.
    pub officer: String,
    /// What the QR code encodes; the code itself when empty.
    pub tracking_url: String,
}

/// "ngày 04 tháng 12 năm 2026". Days below 10 and months 1–2 take a leading
/// zero, as Nghị định 30/2020/NĐ-CP asks, so that nobody can prefix a digit.
pub fn date_vn(date: NaiveDate) -> String {
    let month = date.month();
    let month = if month < 3 { format!("{month:02}") } else { month.to_string() };
    format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
}

/// "16 giờ 59 phút, ngày 04 tháng 12 năm 2026".
pub fn datetime_vn(at: NaiveDateTime) -> String {
    format!("{:02} giờ {:02} phút, {}", at.hour(), at.minute(), date_vn(at.date()))
}

/// [`datetime_vn`], or the blank "… giờ … phút, ngày … tháng … năm …" to fill by hand.
pub fn datetime_vn_or_blank(at: Option<NaiveDateTime>) -> String {
    at.map(datetime_vn).unwrap_or_else(|| "… giờ … phút, ngày … tháng … năm …".to_owned())
}

/// "{place}, ngày … tháng … năm …", the line under the national motto.
pub fn place_date_line(place: &str, date: NaiveDate) -> String {
    format!("{}, {}", or_blank(place), date_vn(date))
}

/// The value itself, or [`BLANK`] when there is nothing to print.
pub fn or_blank(value: &str) -> &str {
    if value.trim().is_empty() { BLANK } else { value }
}
