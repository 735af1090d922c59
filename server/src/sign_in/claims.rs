//! From the e-ID's claims to a person's account. The provider's claim
//! names are configuration; what they must contain is decided here.

use app::account::stored::{OrganisationIdentity, PersonIdentity, PersonKind};
use serde_json::{Map, Value as Json};

use super::SignInFailure;
use crate::config::CitizenClaims;

pub fn person_identity(
    issuer: &str,
    subject: &str,
    claims: &Map<String, Json>,
    names: &CitizenClaims,
) -> Result<PersonIdentity, SignInFailure> {
    let text = |name: &str| match claims.get(name) {
        Some(Json::String(text)) if !text.trim().is_empty() => Some(text.trim().to_string()),
        Some(Json::Number(number)) => Some(number.to_string()),
        _ => None,
    };

    let kind = match text(&names.account_type).as_deref() {
        None | Some("1") => PersonKind::Citizen,
        Some("2") => PersonKind::Business,
        Some("3") => PersonKind::Organisation,
        Some(_) => return Err(SignInFailure::MissingClaims),
    };
    let full_name = text(&names.full_name).or_else(|| text("name")).ok_or(SignInFailure::MissingClaims)?;
    let id_number = text(&names.id_number).filter(|number| is_personal_id(number));
    if kind == PersonKind::Citizen && id_number.is_none() {
        return Err(SignInFailure::MissingClaims);
    }
    let organisation = match kind {
        PersonKind::Citizen => None,
        PersonKind::Business | PersonKind::Organisation => Some(OrganisationIdentity {
            tax_code: text(&names.tax_code).ok_or(SignInFailure::MissingClaims)?,
            name: text(&names.organisation_name).ok_or(SignInFailure::MissingClaims)?,
        }),
    };
    let assurance_level = text(&names.assurance_level)
        .and_then(|level| level.trim_start_matches("LoA").parse::<u8>().ok())
        .filter(|level| (1..=2).contains(level))
        .unwrap_or(1);

    Ok(PersonIdentity {
        issuer: issuer.to_string(),
        subject: subject.to_string(),
        kind,
        full_name,
        id_number,
        birth_date: text(&names.birth_date).and_then(|date| iso_date(&date)),
        assurance_level,
        organisation,
    })
}

/// A Vietnamese personal identification number: twelve digits.
fn is_personal_id(number: &str) -> bool {
    number.len() == 12 && number.bytes().all(|byte| byte.is_ascii_digit())
}

/// `yyyyMMdd` as the e-ID sends it, to `YYYY-MM-DD`.
fn iso_date(date: &str) -> Option<String> {
    chrono::NaiveDate::parse_from_str(date, "%Y%m%d").ok().map(|date| date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(json: serde_json::Value) -> Map<String, Json> {
        json.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn a_citizen_is_read_from_the_national_claim_names() {
        let claims = claims(serde_json::json!({
            "HoVaTen": "Thử Văn An", "SoDinhDanh": "000000000101",
            "NgayThangNamSinh": "19900115", "LoaiTaiKhoan": "1", "IAL": 2
        }));

        let person = person_identity("https://idp", "s1", &claims, &CitizenClaims::default()).unwrap();

        assert_eq!(person.kind, PersonKind::Citizen);
        assert_eq!(person.full_name, "Thử Văn An");
        assert_eq!(person.id_number.as_deref(), Some("000000000101"));
        assert_eq!(person.birth_date.as_deref(), Some("1990-01-15"));
        assert_eq!(person.assurance_level, 2);
        assert!(person.organisation.is_none());
    }

    #[test]
    fn a_business_account_acts_for_its_organisation() {
        let claims = claims(serde_json::json!({
            "HoVaTen": "Thử Quốc Dũng", "LoaiTaiKhoan": 2,
            "MaSoThue": "0000000001", "TenDoanhNghiep": "Công ty TNHH Thử Nghiệm"
        }));

        let person = person_identity("i", "s", &claims, &CitizenClaims::default()).unwrap();

        assert_eq!(person.kind, PersonKind::Business);
        assert_eq!(
            person.organisation.map(|organisation| organisation.tax_code).as_deref(),
            Some("0000000001")
        );
        assert_eq!(person.assurance_level, 1);
    }

    #[test]
    fn missing_or_malformed_identity_is_refused() {
        let names = CitizenClaims::default();
        let no_id = claims(serde_json::json!({ "HoVaTen": "Thử", "SoDinhDanh": "12345" }));
        let no_name = claims(serde_json::json!({ "SoDinhDanh": "000000000101" }));
        let business_without_tax_code = claims(serde_json::json!({ "HoVaTen": "Thử", "LoaiTaiKhoan": "2" }));
        let unknown_type = claims(
            serde_json::json!({ "HoVaTen": "Thử", "SoDinhDanh": "000000000101", "LoaiTaiKhoan": "9" }),
        );

        for claims in [no_id, no_name, business_without_tax_code, unknown_type] {
            assert!(person_identity("i", "s", &claims, &names).is_err(), "{claims:?}");
        }
    }

    #[test]
    fn claim_names_follow_the_configuration() {
        let names =
            CitizenClaims { full_name: "ten".into(), id_number: "cccd".into(), ..CitizenClaims::default() };
        let claims = claims(serde_json::json!({ "ten": "Thử Thị Bình", "cccd": "000000000102" }));

        let person = person_identity("i", "s", &claims, &names).unwrap();

        assert_eq!(person.full_name, "Thử Thị Bình");
    }
}
