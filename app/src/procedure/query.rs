//! The catalogue search as it travels in a URL: `/thu-tuc?q=…&linh-vuc=…`.
//! The same parser runs in the browser and on the server, so a shared link
//! always means the same search.

use serde::{Deserialize, Serialize};

use super::model::{Audience, OnlineLevel};

/// Results on one page.
pub const PAGE_SIZE: u32 = 20;

/// The longest search text accepted, in characters.
pub const MAX_TEXT: usize = 200;

/// The deepest page anyone may ask for; past it, the search should narrow.
pub const MAX_PAGE: u32 = 500;

/// The parameters the search and filter forms send; a new search starts
/// on the first page, so the page number is not among them.
pub const FORM_PARAMETERS: [&str; 5] = ["q", "linh-vuc", "doi-tuong", "cap", "muc-do"];

/// A catalogue search: free text plus combinable filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SearchQuery {
    pub text: String,
    /// Lĩnh vực, as its name.
    pub field: Option<String>,
    pub audience: Option<Audience>,
    /// Cấp thực hiện, as the national data codes it (`tinh`, `xa`, …).
    pub level: Option<String>,
    pub online: Option<OnlineLevel>,
    /// 1-based.
    pub page: u32,
}

/// A URL parameter that could not be understood, and was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IgnoredParameter {
    pub name: String,
    pub message: String,
}

impl SearchQuery {
    /// Refuses a search no form or link of ours can produce: the same limits
    /// the URL parser applies, enforced again where the search arrives, since
    /// a caller of the endpoint need not have come through a URL.
    pub fn check_limits(&self) -> Result<(), crate::error::AppError> {
        let too_long = |text: &str| text.chars().count() > MAX_TEXT;
        if too_long(&self.text) || self.field.as_deref().is_some_and(too_long) {
            return Err(crate::error::AppError::InvalidInput(format!(
                "Từ khóa không được dài quá {MAX_TEXT} ký tự."
            )));
        }
        if !(1..=MAX_PAGE).contains(&self.page) {
            return Err(crate::error::AppError::InvalidInput(format!("Số trang phải từ 1 đến {MAX_PAGE}.")));
        }
        Ok(())
    }

    /// Reads a search from URL parameters. Anything unusable is left out of
    /// the search and reported, so a mistyped link still shows results and
    /// says what it ignored.
    pub fn from_params<'a>(
        params: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (SearchQuery, Vec<IgnoredParameter>) {
        let mut query = SearchQuery { page: 1, ..SearchQuery::default() };
        let mut ignored = Vec::new();

        for (name, value) in params {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let problem = match name {
                "q" => {
                    query.text = value.chars().take(MAX_TEXT).collect();
                    (value.chars().count() > MAX_TEXT)
                        .then(|| format!("Từ khóa dài quá {MAX_TEXT} ký tự nên đã được cắt bớt."))
                }
                "linh-vuc" => {
                    query.field = Some(value.chars().take(MAX_TEXT).collect());
                    None
                }
                "doi-tuong" => match Audience::from_slug(value) {
                    Some(audience) => {
                        query.audience = Some(audience);
                        None
                    }
                    None => Some("Đối tượng thực hiện không hợp lệ.".to_string()),
                },
                "cap" => {
                    if is_level_code(value) {
                        query.level = Some(value.to_string());
                        None
                    } else {
                        Some("Cấp thực hiện không hợp lệ.".to_string())
                    }
                }
                "muc-do" => match OnlineLevel::from_slug(value) {
                    Some(level) => {
                        query.online = Some(level);
                        None
                    }
                    None => Some("Mức độ trực tuyến không hợp lệ.".to_string()),
                },
                "trang" => match value.parse::<u32>() {
                    Ok(page) if (1..=MAX_PAGE).contains(&page) => {
                        query.page = page;
                        None
                    }
                    _ => Some(format!("Số trang phải từ 1 đến {MAX_PAGE}.")),
                },
                _ => None,
            };
            if let Some(message) = problem {
                ignored.push(IgnoredParameter { name: name.to_string(), message });
            }
        }

        (query, ignored)
    }

    /// The URL of this search, for links and for the browser's address bar.
    pub fn to_url(&self) -> String {
        let mut params: Vec<(&str, String)> = Vec::new();
        if !self.text.is_empty() {
            params.push(("q", self.text.clone()));
        }
        if let Some(field) = &self.field {
            params.push(("linh-vuc", field.clone()));
        }
        if let Some(audience) = self.audience {
            params.push(("doi-tuong", audience.slug().to_string()));
        }
        if let Some(level) = &self.level {
            params.push(("cap", level.clone()));
        }
        if let Some(online) = self.online {
            params.push(("muc-do", online.slug().to_string()));
        }
        if self.page > 1 {
            params.push(("trang", self.page.to_string()));
        }

        let encoded: Vec<String> =
            params.iter().map(|(name, value)| format!("{name}={}", encode_component(value))).collect();
        if encoded.is_empty() { "/thu-tuc".to_string() } else { format!("/thu-tuc?{}", encoded.join("&")) }
    }

    /// The same search on another page.
    pub fn with_page(&self, page: u32) -> SearchQuery {
        SearchQuery { page, ..self.clone() }
    }

    /// Whether any filter narrows the search.
    pub fn is_filtered(&self) -> bool {
        self.field.is_some() || self.audience.is_some() || self.level.is_some() || self.online.is_some()
    }
}

/// Level codes are short lowercase words (`tinh`, `xa`): anything else cannot
/// be a level and is not sent to the database.
fn is_level_code(value: &str) -> bool {
    !value.is_empty() && value.len() <= 20 && value.bytes().all(|b| b.is_ascii_lowercase())
}

/// Percent-encodes a URL query value (RFC 3986 unreserved characters pass).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> (SearchQuery, Vec<IgnoredParameter>) {
        SearchQuery::from_params(pairs.iter().copied())
    }

    #[test]
    fn a_plain_search_starts_on_page_one() {
        let (query, ignored) = parse(&[("q", "đăng ký kết hôn")]);

        assert_eq!(query.text, "đăng ký kết hôn");
        assert_eq!(query.page, 1);
        assert!(ignored.is_empty());
    }

    #[test]
    fn filters_combine_and_survive_a_round_trip_through_the_url() {
        let (query, _) = parse(&[
            ("q", "khai sinh"),
            ("linh-vuc", "Hộ tịch"),
            ("doi-tuong", "cong-dan"),
            ("cap", "xa"),
            ("muc-do", "mot-phan"),
            ("trang", "3"),
        ]);

        let url = query.to_url();

        assert_eq!(
            url,
            "/thu-tuc?q=khai+sinh&linh-vuc=H%E1%BB%99+t%E1%BB%8Bch&doi-tuong=cong-dan&cap=xa&muc-do=mot-phan&trang=3"
        );
        assert!(query.is_filtered());
    }

    #[test]
    fn unknown_filter_values_are_ignored_and_reported() {
        let (query, ignored) = parse(&[("muc-do", "abc"), ("trang", "0"), ("cap", "X'; DROP")]);

        assert_eq!(query.online, None);
        assert_eq!(query.page, 1);
        assert_eq!(query.level, None);
        assert_eq!(ignored.len(), 3);
    }

    #[test]
    fn overlong_text_is_cut_at_the_limit() {
        let long = "a".repeat(MAX_TEXT + 50);

        let (query, ignored) = parse(&[("q", long.as_str())]);

        assert_eq!(query.text.chars().count(), MAX_TEXT);
        assert_eq!(ignored.len(), 1);
        assert_eq!(query.check_limits(), Ok(()));
    }

    #[test]
    fn a_search_sent_straight_to_the_server_is_held_to_the_same_limits() {
        let fine = SearchQuery { text: "khai sinh".into(), page: 3, ..SearchQuery::default() };
        let long = SearchQuery { text: "a".repeat(MAX_TEXT + 1), ..fine.clone() };
        let long_field = SearchQuery { field: Some("b".repeat(MAX_TEXT + 1)), ..fine.clone() };
        let deep = SearchQuery { page: MAX_PAGE + 1, ..fine.clone() };
        let zero = SearchQuery { page: 0, ..fine.clone() };

        assert_eq!(fine.check_limits(), Ok(()));
        for query in [long, long_field, deep, zero] {
            assert_eq!(query.check_limits().map_err(|error| error.status()), Err(400), "{query:?}");
        }
    }

    #[test]
    fn an_empty_search_links_to_the_bare_catalogue() {
        assert_eq!(SearchQuery::default().to_url(), "/thu-tuc");
    }
}
