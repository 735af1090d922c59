//! Derived fields: who a procedure serves, and which province a local
//! procedure belongs to. Both are read off the national data, never guessed.

use std::collections::BTreeMap;

use app::procedure::model::Audience;
use app::text::composed;

/// Folds the portal's subject types (đối tượng thực hiện) into the two
/// audiences visitors choose between. Businesses, cooperatives and any
/// "Tổ chức …" are organisations; "Công dân …", "Người …", officials and
/// party members act as people. Anything else (the index has one "nhóm 1")
/// counts for neither.
pub fn audiences(subject_types: &[String]) -> Vec<String> {
    let mut audiences = Vec::new();
    let has = |prefixes: &[&str]| {
        subject_types
            .iter()
            .map(|subject| composed(subject.trim()))
            .any(|subject| prefixes.iter().any(|prefix| subject.starts_with(prefix)))
    };
    if has(&["Công dân", "Người", "Cán bộ", "Đảng viên"]) {
        audiences.push(Audience::Citizen.stored().to_string());
    }
    if has(&["Doanh nghiệp", "Hợp tác xã", "Tổ chức"]) {
        audiences.push(Audience::Organisation.stored().to_string());
    }
    audiences
}

/// Province names, folded for matching, by code.
#[derive(Debug, Default, Clone)]
pub struct Provinces {
    by_code: BTreeMap<String, String>,
}

impl Provinces {
    pub fn new(names: impl IntoIterator<Item = (String, String)>) -> Provinces {
        let by_code = names.into_iter().map(|(code, name)| (code, fold(&name))).collect();
        Provinces { by_code }
    }

    /// The province a local procedure's promulgating agency belongs to:
    /// "UBND tỉnh Bắc Ninh" and "Sở Xây dựng - tỉnh Quảng Ngãi" name theirs
    /// in full ("tỉnh …", "thành phố …"). Spelling variants of tone marks
    /// ("Hòa"/"Hoà") match because both sides are folded to ASCII.
    pub fn of_agency(&self, agency: &str) -> Option<String> {
        let agency = fold(agency);
        self.by_code
            .iter()
            .filter(|(_, name)| agency.contains(name.as_str()))
            .max_by_key(|(_, name)| name.len())
            .map(|(code, _)| code.clone())
    }
}

fn fold(text: &str) -> String {
    deunicode::deunicode(&composed(text)).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| item.to_string()).collect()
    }

    #[test]
    fn people_and_organisations_are_told_apart() {
        assert_eq!(audiences(&strings(&["Công dân Việt Nam"])), ["citizen"]);
        assert_eq!(audiences(&strings(&["Doanh nghiệp", "Hợp tác xã"])), ["organisation"]);
        assert_eq!(
            audiences(&strings(&["Người nước ngoài", "Tổ chức nước ngoài"])),
            ["citizen", "organisation"]
        );
        assert!(audiences(&strings(&["nhóm 1"])).is_empty());
    }

    #[test]
    fn local_procedures_find_their_province() {
        let provinces = Provinces::new([
            ("24".to_string(), "Tỉnh Bắc Ninh".to_string()),
            ("56".to_string(), "Tỉnh Khánh Hòa".to_string()),
            ("46".to_string(), "Thành phố Huế".to_string()),
        ]);

        assert_eq!(provinces.of_agency("UBND tỉnh Bắc Ninh").as_deref(), Some("24"));
        assert_eq!(provinces.of_agency("UBND Thành phố Huế").as_deref(), Some("46"));
        assert_eq!(provinces.of_agency("UBND tỉnh Khánh Hoà").as_deref(), Some("56"));
        assert_eq!(provinces.of_agency("Bộ Tư pháp"), None);
    }
}
