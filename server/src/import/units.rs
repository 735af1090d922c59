//! Administrative units: the 34 provinces and 3,321 communes since 1 July
//! 2025, the 63 provinces and 696 districts before, and how the old
//! provinces were merged.

use std::path::Path;

use app::server::Db;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::classify::Provinces;
use super::report::FileReport;
use super::{UNITS_FILE, parse_json, write};

#[derive(Deserialize)]
struct SourceProvince {
    code: String,
    name: String,
    wards: Vec<SourceUnit>,
}

#[derive(Deserialize)]
struct SourceLegacyProvince {
    code: String,
    name: String,
    districts: Vec<SourceUnit>,
}

#[derive(Deserialize)]
struct SourceUnit {
    code: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Deserialize)]
struct SourceMerger {
    old_code: String,
    new_codes: Vec<String>,
}

#[derive(Serialize)]
struct ProvinceRow<'a> {
    code: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct UnitRow<'a> {
    code: &'a str,
    name: &'a str,
    kind: &'a str,
    province: &'a str,
}

#[derive(Serialize)]
struct LegacyProvinceRow<'a> {
    code: &'a str,
    name: &'a str,
    merged_into: &'a [String],
}

pub async fn import(db: &Db, path: &Path) -> FileReport {
    let mut report = FileReport::new(UNITS_FILE);
    let Some(document) = parse_json(path, &mut report) else {
        return report;
    };

    let mergers = mergers(&document, &mut report);
    for (index, value) in list(&document, "provinces_2025", &mut report).iter().enumerate() {
        let location = format!("provinces_2025[{index}]");
        match serde_json::from_value::<SourceProvince>(value.clone()) {
            Ok(province) => import_province(db, &province, &location, &mut report).await,
            Err(error) => {
                report.read += 1;
                report.skip(location, format!("not a valid province: {error}"));
            }
        }
    }
    for (index, value) in list(&document, "provinces_legacy_without_wards", &mut report).iter().enumerate() {
        let location = format!("provinces_legacy_without_wards[{index}]");
        match serde_json::from_value::<SourceLegacyProvince>(value.clone()) {
            Ok(province) => {
                let merged_into = mergers
                    .iter()
                    .find(|merger| merger.old_code == province.code)
                    .map(|merger| merger.new_codes.as_slice())
                    .unwrap_or_default();
                import_legacy_province(db, &province, merged_into, &location, &mut report).await;
            }
            Err(error) => {
                report.read += 1;
                report.skip(location, format!("not a valid province: {error}"));
            }
        }
    }

    report
}

async fn import_province(db: &Db, province: &SourceProvince, location: &str, report: &mut FileReport) {
    report.read += 1;
    if let Err(reason) = check_code(&province.code, 2) {
        report.skip(location, reason);
        return;
    }
    let row = ProvinceRow { code: &province.code, name: &province.name };
    record(report, location, write::replace(db, "province", &province.code, &row).await);

    for (index, ward) in province.wards.iter().enumerate() {
        report.read += 1;
        let location = format!("{location}.wards[{index}]");
        if let Err(reason) = check_code(&ward.code, 5) {
            report.skip(location, reason);
            continue;
        }
        let row = UnitRow { code: &ward.code, name: &ward.name, kind: &ward.kind, province: &province.code };
        record(report, &location, write::replace(db, "commune", &ward.code, &row).await);
    }
}

async fn import_legacy_province(
    db: &Db,
    province: &SourceLegacyProvince,
    merged_into: &[String],
    location: &str,
    report: &mut FileReport,
) {
    report.read += 1;
    if let Err(reason) = check_code(&province.code, 2) {
        report.skip(location, reason);
        return;
    }
    let row = LegacyProvinceRow { code: &province.code, name: &province.name, merged_into };
    record(report, location, write::replace(db, "legacy_province", &province.code, &row).await);

    for (index, district) in province.districts.iter().enumerate() {
        report.read += 1;
        let location = format!("{location}.districts[{index}]");
        if let Err(reason) = check_code(&district.code, 3) {
            report.skip(location, reason);
            continue;
        }
        let row = UnitRow {
            code: &district.code,
            name: &district.name,
            kind: &district.kind,
            province: &province.code,
        };
        record(report, &location, write::replace(db, "legacy_district", &district.code, &row).await);
    }
}

/// The names of the provinces since 2025, to match local procedures to
/// their province. An unreadable file gives none; the units import itself
/// reports why.
pub fn province_names(path: &Path) -> Provinces {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Provinces::default();
    };
    let Ok(document) = serde_json::from_str::<Value>(&text) else {
        return Provinces::default();
    };
    let provinces = document.get("provinces_2025").and_then(Value::as_array).cloned().unwrap_or_default();
    Provinces::new(provinces.iter().filter_map(|province| {
        let code = province.get("code")?.as_str()?.to_string();
        let name = province.get("name")?.as_str()?.to_string();
        Some((code, name))
    }))
}

fn mergers(document: &Value, report: &mut FileReport) -> Vec<SourceMerger> {
    list(document, "province_mapping_2025", report)
        .iter()
        .enumerate()
        .filter_map(|(index, value)| match serde_json::from_value::<SourceMerger>(value.clone()) {
            Ok(merger) => Some(merger),
            Err(error) => {
                report
                    .skip(format!("province_mapping_2025[{index}]"), format!("not a valid merger: {error}"));
                None
            }
        })
        .collect()
}

fn list<'a>(document: &'a Value, key: &str, report: &mut FileReport) -> &'a [Value] {
    match document.get(key).and_then(Value::as_array) {
        Some(items) => items,
        None => {
            report.skip("whole file", format!("no \"{key}\" array at the top level"));
            &[]
        }
    }
}

/// Statistics office codes are fixed-width digit strings: 2 for provinces,
/// 3 for districts, 5 for communes.
fn check_code(code: &str, width: usize) -> Result<(), String> {
    if code.len() == width && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(format!("unit code {code:?} is not {width} digits"))
    }
}

fn record(report: &mut FileReport, location: &str, outcome: Result<(), String>) {
    match outcome {
        Ok(()) => report.written += 1,
        Err(reason) => report.skip(location, reason),
    }
}
