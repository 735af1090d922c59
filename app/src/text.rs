//! Numbers and dates written the Vietnamese way.

/// A quantity with a decimal comma and no trailing zeros: `12`, `12,5`, `4,75`.
pub fn decimal(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

/// An amount of money with dots between thousands: `1.500.000`.
pub fn thousands(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if amount < 0 {
        out.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// `2026-01-16` as `16/01/2026`; anything else is returned unchanged.
pub fn date(iso: &str) -> String {
    let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    match parts.as_slice() {
        [year, month, day] if year.len() == 4 && month.len() == 2 && day.len() == 2 => {
            format!("{day}/{month}/{year}")
        }
        _ => iso.to_string(),
    }
}

/// Text made safe to write between HTML tags.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// `Thứ Hai, 07/09/2026`: a date as a receipt or a notice writes it.
pub fn weekday_date(day: chrono::NaiveDate) -> String {
    use chrono::{Datelike, Weekday};

    let weekday = match day.weekday() {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    };
    format!("{weekday}, {}", day.format("%d/%m/%Y"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_use_a_comma_and_drop_zeros() {
        assert_eq!(decimal(12.0), "12");
        assert_eq!(decimal(12.5), "12,5");
        assert_eq!(decimal(4.75), "4,75");
    }

    #[test]
    fn thousands_are_separated_by_dots() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1.000");
        assert_eq!(thousands(1_500_000), "1.500.000");
        assert_eq!(thousands(-20_000), "-20.000");
    }

    #[test]
    fn iso_dates_become_day_month_year() {
        assert_eq!(date("2026-01-16"), "16/01/2026");
        assert_eq!(date("2026-01-16T00:00:00Z"), "16/01/2026");
        assert_eq!(date("không rõ"), "không rõ");
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape_html("</title><b>&amp;"), "&lt;/title&gt;&lt;b&gt;&amp;amp;");
    }

    #[test]
    fn dates_with_their_weekday() {
        let national_day = chrono::NaiveDate::from_ymd_opt(2026, 9, 2).unwrap();

        assert_eq!(weekday_date(national_day), "Thứ Tư, 02/09/2026");
    }
}

/// Text in composed Unicode (NFC). Part of the national data, and some
/// keyboards, send accents as separate combining marks, which the search
/// tokenizer would split words on; everything searched or matched by name
/// goes through this first.
#[cfg(feature = "ssr")]
pub fn composed(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;

    text.nfc().collect()
}

/// The words of a search as the index holds them: composed, and without
/// punctuation, which the tokenizer keeps as terms of its own (a lone ","
/// would otherwise match every name containing a comma).
#[cfg(feature = "ssr")]
pub fn search_words(text: &str) -> String {
    let spaced: String = composed(text)
        .chars()
        .map(|character| if character.is_alphanumeric() { character } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(all(test, feature = "ssr"))]
mod search_tests {
    use super::*;

    #[test]
    fn decomposed_accents_are_composed() {
        let decomposed = "Đa\u{306}ng ky\u{301}";

        assert_eq!(composed(decomposed), "Đăng ký");
    }

    #[test]
    fn punctuation_never_reaches_the_index() {
        assert_eq!(search_words(" , "), "");
        assert_eq!(search_words("kết hôn, (cấp xã)"), "kết hôn cấp xã");
        assert_eq!(search_words("giấy-phép  xây dựng!"), "giấy phép xây dựng");
    }
}
