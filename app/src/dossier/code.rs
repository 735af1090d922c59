//! Dossier codes (mã hồ sơ) and tracking secrets (mã tra cứu).
//!
//! A code reads `PREFIX-YYMMDD-NNNN`: the receiving agency's prefix, the day
//! of submission in Vietnam, and that prefix's sequence number for the day,
//! from 0001 (more digits after 9999). A commune's people's committee has
//! the commune's five-digit national code as prefix (`22366`); a
//! provincial department has `S` and the initials of its name (`STC` for
//! Sở Tài chính). Two agencies with the same prefix share its sequence, so
//! codes never repeat; the database also refuses a second record of a code.
//!
//! The tracking secret is eight characters from an alphabet without the
//! easily confused 0, O, 1, I and L, shown with the code to the applicant.

/// The alphabet of tracking secrets.
pub const SECRET_ALPHABET: &str = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
pub const SECRET_LENGTH: usize = 8;

/// The prefix of an agency's dossier codes, from its key and name.
#[cfg(feature = "ssr")]
pub fn prefix_of(agency_key: &str, agency_name: &str) -> String {
    if let Some(commune) = agency_key.strip_prefix("ubnd-") {
        return commune.to_ascii_uppercase();
    }

    let initials: String = agency_name
        .split_whitespace()
        .filter_map(|word| word.chars().next())
        .filter_map(plain_letter)
        .collect::<String>()
        .to_ascii_uppercase();
    if initials.is_empty() { "CQ".to_string() } else { initials }
}

/// The unaccented letter a Vietnamese word starts with: "Ủ" gives U.
#[cfg(feature = "ssr")]
fn plain_letter(character: char) -> Option<char> {
    use unicode_normalization::UnicodeNormalization;

    if matches!(character, 'Đ' | 'đ') {
        return Some('D');
    }
    std::iter::once(character).nfd().next().filter(char::is_ascii_alphanumeric)
}

pub fn format_code(prefix: &str, day: chrono::NaiveDate, sequence: u64) -> String {
    format!("{prefix}-{}-{sequence:04}", day.format("%y%m%d"))
}

/// Whether a text can be a dossier code at all; anything else is answered
/// "not found" without asking the database.
pub fn is_plausible_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('-').collect();
    parts.len() == 3
        && (1..=12).contains(&parts[0].len())
        && parts[0].bytes().all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit())
        && parts[1].len() == 6
        && parts[1].bytes().all(|byte| byte.is_ascii_digit())
        && (4..=9).contains(&parts[2].len())
        && parts[2].bytes().all(|byte| byte.is_ascii_digit())
}

/// A code or secret as people type it: spaces dropped, letters capitalised.
pub fn tidy(text: &str) -> String {
    text.chars().filter(|character| !character.is_whitespace()).collect::<String>().to_ascii_uppercase()
}

pub fn is_plausible_secret(secret: &str) -> bool {
    secret.len() == SECRET_LENGTH && secret.chars().all(|character| SECRET_ALPHABET.contains(character))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn prefixes_come_from_the_commune_code_or_the_department_initials() {
        assert_eq!(prefix_of("ubnd-22366", "Ủy ban nhân dân Phường Nha Trang"), "22366");
        assert_eq!(prefix_of("so-tai-chinh", "Sở Tài chính"), "STC");
        assert_eq!(prefix_of("so-xay-dung", "Sở Xây dựng"), "SXD");
    }

    #[test]
    fn codes_have_the_documented_shape_and_are_recognised() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default();

        let code = format_code("22366", day, 7);

        assert_eq!(code, "22366-261204-0007");
        assert!(is_plausible_code(&code));
        assert!(is_plausible_code(&format_code("STC", day, 12345)));
        assert!(!is_plausible_code("22366-261204"));
        assert!(!is_plausible_code("22366-2612-0007"));
        assert!(!is_plausible_code("x' OR 1=1-261204-0007"));
    }

    #[test]
    fn typed_secrets_are_tidied_and_checked_against_the_alphabet() {
        assert_eq!(tidy(" abcd efgh "), "ABCDEFGH");
        assert!(is_plausible_secret("ABCDEFGH"));
        assert!(!is_plausible_secret("ABCDEFG0"));
        assert!(!is_plausible_secret("ABC"));
    }
}
