//! One check per field type, the same code in the browser (as the applicant
//! types) and on the server (which trusts nothing the browser says).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use super::answers::{Answers, part_path, row_path};
use super::schema::{Field, FieldKind, Form, Item};

/// Problems found in a form's answers: the path of each wrong or missing
/// answer and what to tell the applicant, in Vietnamese.
pub type Problems = BTreeMap<String, String>;

/// The day the checks take as today (dates of birth cannot be after it).
/// The server sends its own date with the page, so that the browser and
/// the server agree whatever the device's clock says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Today(pub NaiveDate);

/// The national statistics codes of the 63 provinces as they stood before
/// the 2025 merger. A personal ID number starts with the code of the
/// province where its holder's birth was registered, and keeps it.
pub const BIRTH_PROVINCE_CODES: [u8; 63] = [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40,
    42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83,
    84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
];

/// Checks one answer against its field. An empty answer is only wrong when
/// the field is required; the caller decides whether the field is shown.
pub fn check_field(field: &Field, value: &str, today: Today) -> Result<(), String> {
    let value = value.trim();
    if value.is_empty() {
        return if field.required { Err(missing(field)) } else { Ok(()) };
    }

    match &field.kind {
        FieldKind::ShortText { max_length } | FieldKind::LongText { max_length } => {
            check_length(value, max_length.unwrap_or(default_length(&field.kind)))
        }
        FieldKind::Number { min, max, integer } => check_number(value, *min, *max, *integer),
        FieldKind::Date { past_only } => check_date(value, *past_only, today).map(|_| ()),
        FieldKind::Select { choices } | FieldKind::Radio { choices } => {
            if choices.iter().any(|choice| choice.value == value) {
                Ok(())
            } else {
                Err("Lựa chọn không hợp lệ, vui lòng chọn lại.".to_string())
            }
        }
        FieldKind::Checkbox => {
            if value == "on" {
                Ok(())
            } else {
                Err("Giá trị không hợp lệ.".to_string())
            }
        }
        FieldKind::IdNumber => check_id_number(value),
        FieldKind::Phone => normalise_phone(value).map(|_| ()),
        FieldKind::Email => check_email(value),
        FieldKind::Address => Ok(()),
    }
}

/// Checks every answer a form shows, every group row and every required
/// document. `attached` names the documents that have a file; `vouched`
/// the answers the signed-in account gave, which the national e-ID stands
/// for and which are not the applicant's to correct.
pub fn check_form(
    form: &Form,
    answers: &Answers,
    attached: &BTreeSet<String>,
    vouched: &BTreeSet<String>,
    today: Today,
) -> Problems {
    let mut problems = Problems::new();

    for section in &form.sections {
        if !answers.holds(section.show_when.as_ref()) {
            continue;
        }

        for item in &section.items {
            match item {
                Item::Field(field) => {
                    if answers.holds(field.show_when.as_ref()) && !vouched.contains(&field.id) {
                        check_into(&mut problems, field, &field.id, answers, today);
                    }
                }
                Item::Group(group) => {
                    if !answers.holds(group.show_when.as_ref()) {
                        continue;
                    }
                    for row in 0..answers.rows_of(group) {
                        for field in &group.fields {
                            check_into(
                                &mut problems,
                                field,
                                &row_path(&group.id, row, &field.id),
                                answers,
                                today,
                            );
                        }
                    }
                }
                Item::Document(document) => {
                    if document.required
                        && answers.holds(document.show_when.as_ref())
                        && !attached.contains(&document.id)
                    {
                        problems.insert(
                            document.id.clone(),
                            format!("Vui lòng đính kèm {}.", lowercase_first(&document.label)),
                        );
                    }
                }
                Item::Guidance { .. } => {}
            }
        }
    }
    problems
}

fn check_into(problems: &mut Problems, field: &Field, path: &str, answers: &Answers, today: Today) {
    if matches!(field.kind, FieldKind::Address) {
        if let Err(message) = check_address(field, path, answers) {
            problems.insert(path.to_string(), message);
        }
        return;
    }

    if let Err(message) = check_field(field, answers.get(path), today) {
        problems.insert(path.to_string(), message);
    }
}

/// An address needs its province and commune when required, and a commune
/// cannot be given without its province. Whether the commune belongs to
/// the province is the server's check against the units it holds.
fn check_address(field: &Field, path: &str, answers: &Answers) -> Result<(), String> {
    let province = answers.get(&part_path(path, "tinh")).trim();
    let commune = answers.get(&part_path(path, "xa")).trim();
    let street = answers.get(&part_path(path, "chi_tiet")).trim();

    if province.is_empty() && commune.is_empty() && street.is_empty() {
        return if field.required { Err(missing(field)) } else { Ok(()) };
    }
    if province.is_empty() || commune.is_empty() {
        return Err("Vui lòng chọn đủ tỉnh, thành phố và xã, phường.".to_string());
    }
    check_length(street, 200)
}

fn missing(field: &Field) -> String {
    let label = lowercase_first(&field.label);
    match field.kind {
        FieldKind::Select { .. } | FieldKind::Radio { .. } | FieldKind::Address => {
            format!("Vui lòng chọn {label}.")
        }
        FieldKind::Checkbox => "Vui lòng đánh dấu vào ô này để tiếp tục.".to_string(),
        _ => format!("Vui lòng nhập {label}."),
    }
}

/// "Họ và tên" reads "họ và tên" inside a sentence; names of documents
/// keep their capitals after the first word.
fn lowercase_first(label: &str) -> String {
    let mut characters = label.chars();
    match characters.next() {
        Some(first) => first.to_lowercase().chain(characters).collect(),
        None => String::new(),
    }
}

fn default_length(kind: &FieldKind) -> usize {
    match kind {
        FieldKind::LongText { .. } => 2000,
        _ => 200,
    }
}

fn check_length(value: &str, max_length: usize) -> Result<(), String> {
    if value.chars().count() > max_length {
        Err(format!("Không quá {max_length} ký tự."))
    } else {
        Ok(())
    }
}

/// Numbers as Vietnamese write them: `1.500.000` with dots between
/// thousands and `12,5` with a decimal comma; `12.5` is read as a decimal
/// where decimals are allowed.
pub fn parse_number(value: &str, integer: bool) -> Option<f64> {
    let compact: String = value.chars().filter(|character| !character.is_whitespace()).collect();
    let grouped = |text: &str| {
        let mut groups = text.trim_start_matches('-').split('.');
        let head = groups.next().unwrap_or_default();
        (1..=3).contains(&head.len()) && groups.clone().count() > 0 && groups.all(|group| group.len() == 3)
    };
    let plain = if compact.contains(',') {
        compact.replace('.', "").replace(',', ".")
    } else if grouped(&compact) && (integer || compact.matches('.').count() > 1) {
        compact.replace('.', "")
    } else {
        compact
    };

    let valid = !plain.is_empty()
        && plain
            .bytes()
            .enumerate()
            .all(|(index, byte)| byte.is_ascii_digit() || byte == b'.' || (index == 0 && byte == b'-'))
        && plain.matches('.').count() <= 1;
    if !valid {
        return None;
    }
    plain.parse::<f64>().ok().filter(|number| number.is_finite())
}

fn check_number(value: &str, min: Option<f64>, max: Option<f64>, integer: bool) -> Result<(), String> {
    let Some(number) = parse_number(value, integer) else {
        return Err("Vui lòng nhập một số, ví dụ 1.500 hoặc 12,5.".to_string());
    };

    if integer && number.fract() != 0.0 {
        return Err("Vui lòng nhập số nguyên.".to_string());
    }
    if let Some(min) = min
        && number < min
    {
        return Err(format!("Không được nhỏ hơn {}.", crate::text::decimal(min)));
    }
    if let Some(max) = max
        && number > max
    {
        return Err(format!("Không được lớn hơn {}.", crate::text::decimal(max)));
    }
    Ok(())
}

/// A date from a date picker (`2026-12-04`) or typed (`04/12/2026`).
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(value, "%d/%m/%Y"))
        .ok()
}

fn check_date(value: &str, past_only: bool, today: Today) -> Result<NaiveDate, String> {
    let Some(date) = parse_date(value) else {
        return Err("Ngày không hợp lệ, vui lòng nhập theo dạng ngày/tháng/năm.".to_string());
    };

    if past_only && date > today.0 {
        return Err("Ngày này không được sau ngày hôm nay.".to_string());
    }
    if date.year() < 1900 {
        return Err("Năm phải từ 1900 trở đi.".to_string());
    }
    Ok(date)
}

fn check_id_number(value: &str) -> Result<(), String> {
    if value.len() != 12 || !value.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err("Số định danh cá nhân gồm đúng 12 chữ số.".to_string());
    }

    let province: u8 = value[..3].parse().unwrap_or(0);
    if !BIRTH_PROVINCE_CODES.contains(&province) {
        return Err("Ba chữ số đầu của số định danh cá nhân không phải mã tỉnh hợp lệ.".to_string());
    }
    Ok(())
}

/// A Vietnamese phone number in its ten-digit form: mobile numbers begin
/// 03, 05, 07, 08 or 09; landlines are eleven digits beginning 02. `+84`
/// and the separators people type are accepted.
pub fn normalise_phone(value: &str) -> Result<String, String> {
    let digits: String =
        value.chars().filter(|character| !matches!(character, ' ' | '.' | '-' | '(' | ')')).collect();
    let national =
        match digits.strip_prefix("+84").or_else(|| digits.strip_prefix("84").filter(|_| digits.len() == 11))
        {
            Some(rest) => format!("0{rest}"),
            None => digits,
        };

    let all_digits = national.bytes().all(|byte| byte.is_ascii_digit());
    let mobile =
        national.len() == 10 && matches!(national.as_bytes().get(1), Some(b'3' | b'5' | b'7' | b'8' | b'9'));
    let landline = national.len() == 11 && national.starts_with("02");
    if all_digits && national.starts_with('0') && (mobile || landline) {
        Ok(national)
    } else {
        Err("Số điện thoại không hợp lệ, ví dụ 0912345678.".to_string())
    }
}

fn check_email(value: &str) -> Result<(), String> {
    let invalid = || Err("Địa chỉ thư điện tử không hợp lệ, ví dụ ten@example.vn.".to_string());
    let Some((local, domain)) = value.split_once('@') else { return invalid() };

    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local.chars().all(|character| character.is_ascii_alphanumeric() || "._%+-".contains(character));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = value.len() <= 254
        && labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|character| character.is_ascii_alphanumeric() || character == '-')
        })
        && labels.last().is_some_and(|top| top.len() >= 2 && top.chars().all(|c| c.is_ascii_alphabetic()));
    if local_ok && domain_ok { Ok(()) } else { invalid() }
}

#[cfg(test)]
mod checks {
    use super::*;
    use crate::eform::schema::Choice;

    fn field(kind: FieldKind, required: bool) -> Field {
        Field {
            id: "x".into(),
            label: "Họ và tên".into(),
            kind,
            required,
            help: None,
            show_when: None,
            prefill: None,
        }
    }

    fn today() -> Today {
        Today(NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default())
    }

    #[test]
    fn required_empty_answers_are_missing_and_optional_ones_pass() {
        let name = field(FieldKind::ShortText { max_length: None }, true);

        assert_eq!(check_field(&name, "  ", today()), Err("Vui lòng nhập họ và tên.".to_string()));
        assert!(check_field(&field(FieldKind::Email, false), "", today()).is_ok());
    }

    #[test]
    fn id_numbers_are_twelve_digits_from_a_real_province() {
        let id = field(FieldKind::IdNumber, true);

        assert!(check_field(&id, "056190000123", today()).is_ok());
        assert!(check_field(&id, "001099012345", today()).is_ok());
        assert!(check_field(&id, "05619000012", today()).is_err());
        assert!(check_field(&id, "05619000012a", today()).is_err());
        assert!(check_field(&id, "003190000123", today()).is_err(), "003 was never a province code");
    }

    #[test]
    fn phones_accept_what_people_type() {
        assert_eq!(normalise_phone("0912 345 678"), Ok("0912345678".to_string()));
        assert_eq!(normalise_phone("+84 912.345.678"), Ok("0912345678".to_string()));
        assert_eq!(normalise_phone("02583 822 222"), Ok("02583822222".to_string()));
        assert!(normalise_phone("0112345678").is_err());
        assert!(normalise_phone("091234567").is_err());
        assert!(normalise_phone("phone").is_err());
    }

    #[test]
    fn emails_need_a_local_part_and_a_real_domain() {
        let email = field(FieldKind::Email, true);

        assert!(check_field(&email, "nguyen.van.a@example.vn", today()).is_ok());
        for wrong in ["a@b", "@example.vn", "a b@example.vn", "a@@example.vn", "a@-x.vn", "a@example.v1"] {
            assert!(check_field(&email, wrong, today()).is_err(), "{wrong}");
        }
    }

    #[test]
    fn dates_are_real_and_past_only_dates_are_not_after_today() {
        let birth = field(FieldKind::Date { past_only: true }, true);

        assert!(check_field(&birth, "2026-12-04", today()).is_ok());
        assert!(check_field(&birth, "04/12/2026", today()).is_ok());
        assert!(check_field(&birth, "2026-12-05", today()).is_err());
        assert!(check_field(&birth, "31/02/2026", today()).is_err());
        assert!(check_field(&birth, "1850-01-01", today()).is_err());
    }

    #[test]
    fn numbers_read_vietnamese_separators_and_keep_their_limits() {
        let storeys = field(FieldKind::Number { min: Some(1.0), max: Some(7.0), integer: true }, true);
        let area = field(FieldKind::Number { min: Some(0.0), max: None, integer: false }, true);

        assert_eq!(parse_number("1.500.000", true), Some(1_500_000.0));
        assert_eq!(parse_number("12,5", false), Some(12.5));
        assert_eq!(parse_number("12.5", false), Some(12.5));
        assert_eq!(
            parse_number("1.0", true),
            Some(1.0),
            "a dot not followed by three digits is a decimal point"
        );
        assert!(check_field(&storeys, "1.5", today()).is_err());
        assert!(check_field(&storeys, "3", today()).is_ok());
        assert!(check_field(&storeys, "8", today()).is_err());
        assert!(check_field(&storeys, "2,5", today()).is_err());
        assert!(check_field(&area, "-1", today()).is_err());
        assert!(check_field(&area, "1e9", today()).is_err());
        assert!(check_field(&area, "NaN", today()).is_err());
    }

    #[test]
    fn choices_must_be_offered_ones() {
        let choices = vec![Choice { value: "nam".into(), label: "Nam".into() }];
        let sex = field(FieldKind::Radio { choices }, true);

        assert!(check_field(&sex, "nam", today()).is_ok());
        assert_eq!(check_field(&sex, "", today()), Err("Vui lòng chọn họ và tên.".to_string()));
        assert!(check_field(&sex, "khac", today()).is_err());
    }

    #[test]
    fn texts_keep_their_length_limit_in_characters_not_bytes() {
        let short = field(FieldKind::ShortText { max_length: Some(5) }, false);

        assert!(check_field(&short, "Nguyễ", today()).is_ok());
        assert!(check_field(&short, "Nguyễn", today()).is_err());
    }
}
