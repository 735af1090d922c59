//! Which agencies receive a procedure's dossiers in this province.

use serde_json::Value as Json;

use super::ReceivingAgency;
use crate::procedure::detail::ProcedureDetail;
use crate::server::Db;

/// A provincial department's own name, from an executing unit as the
/// national data writes it: "Sở Xây dựng TP.Đà Nẵng", "Sở Nông nghiệp và
/// Môi trường - tỉnh Lạng Sơn" and "Sở Tài chính các tỉnh, thành phố" lose
/// what follows the department; units that are not departments give
/// nothing.
pub fn department_name(unit: &str) -> Option<String> {
    let unit = unit.trim().trim_end_matches('.');
    if !unit.starts_with("Sở ") {
        return None;
    }
    let cut = [" - ", " tỉnh ", " Tỉnh ", " TP.", " thành phố ", " các tỉnh", " các Tỉnh"]
        .iter()
        .filter_map(|marker| unit.find(marker))
        .min()
        .unwrap_or(unit.len());
    Some(unit[..cut].trim().to_string())
}

/// Commune-level procedures go to any commune's people's committee (the
/// applicant picks theirs); others to the departments that execute them.
pub async fn receiving_agencies(
    db: &Db,
    levels: &[String],
    detail: Option<&ProcedureDetail>,
) -> Result<Vec<ReceivingAgency>, surrealdb::Error> {
    let communal = levels.iter().any(|level| level == "xa");
    let departments: Vec<String> = detail
        .map(|detail| detail.executing_units.iter().filter_map(|unit| department_name(unit)).collect())
        .unwrap_or_default();

    let mut response = db
        .query(
            "SELECT record::id(id) AS code, name FROM agency
             WHERE ($communal AND kind = 'commune') OR (kind = 'department' AND name IN $departments)
             ORDER BY name COLLATE",
        )
        .bind(("communal", communal))
        .bind(("departments", departments))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows.into_iter().filter_map(|row| serde_json::from_value(row).ok()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn department_names_lose_other_provinces() {
        assert_eq!(department_name("Sở Xây dựng TP.Đà Nẵng").as_deref(), Some("Sở Xây dựng"));
        assert_eq!(
            department_name("Sở Nông nghiệp và Môi trường - tỉnh Lạng Sơn").as_deref(),
            Some("Sở Nông nghiệp và Môi trường")
        );
        assert_eq!(department_name("Sở Tài chính các tỉnh, thành phố").as_deref(), Some("Sở Tài chính"));
        assert_eq!(
            department_name("Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp").as_deref(),
            Some("Sở Nông nghiệp và Môi trường")
        );
        assert_eq!(department_name("Ủy ban nhân dân cấp xã"), None);
        assert_eq!(department_name("Bộ phận Một cửa Sở Xây dựng"), None);
    }
}
