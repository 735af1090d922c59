//! Procedures (thủ tục hành chính) as the pages show them: the types that
//! travel between server and browser.

use serde::{Deserialize, Serialize};

/// How far a procedure can be done online (mức độ dịch vụ công trực tuyến).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OnlineLevel {
    /// Toàn trình: submitted, paid and returned online.
    Full,
    /// Một phần: submitted online, result collected in person.
    Partial,
    /// Không trực tuyến: at the desk or by post only.
    Offline,
}

impl OnlineLevel {
    pub const ALL: [OnlineLevel; 3] = [OnlineLevel::Full, OnlineLevel::Partial, OnlineLevel::Offline];

    /// The value used in URLs (`muc-do=`).
    pub fn slug(self) -> &'static str {
        match self {
            OnlineLevel::Full => "toan-trinh",
            OnlineLevel::Partial => "mot-phan",
            OnlineLevel::Offline => "khong-truc-tuyen",
        }
    }

    /// The value stored in the database, as the national portal's data names it.
    pub fn stored(self) -> &'static str {
        match self {
            OnlineLevel::Full => "toan_trinh",
            OnlineLevel::Partial => "mot_phan",
            OnlineLevel::Offline => "khong_truc_tuyen",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            OnlineLevel::Full => "Trực tuyến toàn trình",
            OnlineLevel::Partial => "Trực tuyến một phần",
            OnlineLevel::Offline => "Không trực tuyến",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.slug() == slug)
    }

    pub fn from_stored(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.stored() == value)
    }

    /// Whether a citizen can submit this procedure's dossier online.
    pub fn accepts_online_submission(self) -> bool {
        !matches!(self, OnlineLevel::Offline)
    }
}

/// Who a procedure serves, folded from the portal's many subject types
/// (đối tượng thực hiện) into the two ways a visitor thinks of themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    /// Công dân: people, Vietnamese or foreign.
    Citizen,
    /// Doanh nghiệp, tổ chức: businesses, cooperatives and organisations.
    Organisation,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Citizen, Audience::Organisation];

    pub fn slug(self) -> &'static str {
        match self {
            Audience::Citizen => "cong-dan",
            Audience::Organisation => "doanh-nghiep",
        }
    }

    pub fn stored(self) -> &'static str {
        match self {
            Audience::Citizen => "citizen",
            Audience::Organisation => "organisation",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Audience::Citizen => "Công dân",
            Audience::Organisation => "Doanh nghiệp, tổ chức",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|audience| audience.slug() == slug)
    }

    pub fn from_stored(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|audience| audience.stored() == value)
    }
}

/// The administrative level that resolves a procedure, as the national data
/// codes it. Levels are data: an unknown code is shown as it is.
pub fn level_label(code: &str) -> &str {
    match code {
        "tinh" => "Cấp tỉnh",
        "xa" => "Cấp xã",
        "huyen" => "Cấp huyện",
        "bo" => "Cấp bộ, trung ương",
        "khac" => "Cơ quan khác",
        other => other,
    }
}

/// A name with the national code that identifies it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedCode {
    pub code: String,
    pub name: String,
}

/// One line of a search result or a listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcedureSummary {
    pub code: String,
    pub name: String,
    /// The name split into plain and matched parts, for highlighting.
    pub name_parts: Vec<TextPart>,
    pub fields: Vec<String>,
    pub levels: Vec<String>,
    pub online_level: Option<OnlineLevel>,
    pub audiences: Vec<Audience>,
    pub has_detail: bool,
}

/// A run of text, marked when it matched the search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPart {
    pub text: String,
    pub matched: bool,
}

/// National codes look like `1.000894`; the index also holds a few with
/// suffixes (`2.002154-Xoa`). Anything else cannot name a procedure and is
/// answered with "not found" without asking the database.
pub fn is_plausible_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 40
        && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_codes_are_plausible_and_junk_is_not() {
        assert!(is_plausible_code("1.000894"));
        assert!(is_plausible_code("1.013225"));
        assert!(is_plausible_code("2.002154-Xoa"));
        assert!(!is_plausible_code(""));
        assert!(!is_plausible_code("../etc/passwd"));
        assert!(!is_plausible_code("1.000894' OR 1=1"));
    }

    #[test]
    fn slugs_round_trip() {
        for level in OnlineLevel::ALL {
            assert_eq!(OnlineLevel::from_slug(level.slug()), Some(level));
            assert_eq!(OnlineLevel::from_stored(level.stored()), Some(level));
        }
        for audience in Audience::ALL {
            assert_eq!(Audience::from_slug(audience.slug()), Some(audience));
            assert_eq!(Audience::from_stored(audience.stored()), Some(audience));
        }
    }
}
