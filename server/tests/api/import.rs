use std::path::Path;

use app::server::Db;
use serde_json::Value;
use server::import::{self, Dataset, INDEX_FILE, PROCEDURES_FILE, UNITS_FILE};

use crate::helpers::{block_on, portal, seed_dir};

async fn count(db: &Db, table: &str) -> u64 {
    let mut response = db
        .query("SELECT VALUE count() FROM type::table($table) GROUP ALL")
        .bind(("table", table.to_string()))
        .await
        .unwrap();
    let counts: Vec<u64> = response.take(0).unwrap();
    counts.first().copied().unwrap_or(0)
}

async fn dump(db: &Db, table: &str) -> Vec<Value> {
    let mut response = db
        .query("SELECT * FROM type::table($table) ORDER BY id")
        .bind(("table", table.to_string()))
        .await
        .unwrap();
    response.take(0).unwrap()
}

const TABLES: [&str; 9] = [
    "procedure",
    "procedure_detail",
    "province",
    "commune",
    "legacy_province",
    "legacy_district",
    "calendar_day",
    "holiday_break",
    "lunar_holiday",
];

#[test]
fn the_whole_national_data_is_imported() {
    block_on(async {
        let app = portal().await;
        let db = &app.context.db;

        assert_eq!(count(db, "procedure").await, 5669);
        assert_eq!(count(db, "procedure_detail").await, 173);
        assert_eq!(count(db, "province").await, 34);
        assert_eq!(count(db, "commune").await, 3321);
        assert_eq!(count(db, "legacy_province").await, 63);
        assert_eq!(count(db, "legacy_district").await, 696);
        assert_eq!(count(db, "lunar_holiday").await, 12);
        assert_eq!(count(db, "calendar_day").await, 42 + 4, "days off and make-up Saturdays of 2024-2026");
        assert_eq!(app.report.file(INDEX_FILE).map(|file| (file.read, file.written)), Some((5670, 5669)));
        assert_eq!(app.report.file(PROCEDURES_FILE).map(|file| file.written), Some(173));
    });
}

/// Every field of every detailed procedure comes back exactly as published
/// (a null in the source is an absent field in the database).
#[test]
fn nothing_of_a_detailed_procedure_is_dropped() {
    block_on(async {
        let app = portal().await;
        let source: Value =
            serde_json::from_str(&std::fs::read_to_string(seed_dir().join(PROCEDURES_FILE)).unwrap())
                .unwrap();
        let stored = dump(&app.context.db, "procedure_detail").await;

        for published in source["procedures"].as_array().unwrap() {
            let code = published["code"].as_str().unwrap();
            let mut record = stored.iter().find(|record| record["code"] == code).cloned().expect(code);
            record.as_object_mut().unwrap().remove("id");

            assert_eq!(without_nulls(&record), without_nulls(published), "{code}");
        }
    });
}

#[test]
fn importing_twice_changes_nothing() {
    block_on(async {
        let db = server::database::open_in_memory().await.unwrap();
        import::import(&db, &seed_dir(), &Dataset::ALL).await;
        let mut before = Vec::new();
        for table in TABLES {
            before.push(dump(&db, table).await);
        }

        let report = import::import(&db, &seed_dir(), &Dataset::ALL).await;

        assert_eq!(report.skipped(), 1, "the index's repeated code, again");
        for (table, before) in TABLES.iter().zip(before) {
            assert_eq!(dump(&db, table).await, before, "{table} changed");
        }
    });
}

/// Line 973 of the national index is a Tuyên Quang procedure whose code,
/// once its stray leading space is trimmed, is the code of line 1309's.
#[test]
fn a_code_used_twice_in_the_national_index_keeps_its_first_procedure() {
    block_on(async {
        let app = portal().await;

        let page = app.get("/thu-tuc/1.014325").await;

        let skipped = &app.report.file(INDEX_FILE).unwrap().skipped;
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].location, "line 1309 (1.014325)");
        assert!(skipped[0].reason.contains("line 973"), "{}", skipped[0].reason);
        assert!(page.text().contains("hỗ trợ tư vấn pháp luật cho doanh nghiệp nhỏ và vừa"));
    });
}

#[test]
fn a_repeated_code_is_reported_and_never_overwrites_the_first() {
    block_on(async {
        let seed = tempfile::tempdir().unwrap();
        let first = r#"{"code": "1.000001", "name": "Thủ tục một", "fields": [], "departments": [], "promulgating_agency": "Bộ Tư pháp", "subject_types": [], "type": "STANDARD", "state": "ACTIVE", "source_id": "a"}"#;
        let second = first.replace("Thủ tục một", "Thủ tục khác");
        std::fs::write(seed.path().join(INDEX_FILE), [first, &second].join("\n")).unwrap();
        let db = server::database::open_in_memory().await.unwrap();

        let report = import::import(&db, seed.path(), &[Dataset::Index]).await;
        let again = import::import(&db, seed.path(), &[Dataset::Index]).await;

        let names = dump(&db, "procedure").await;
        assert_eq!(report.skipped(), 1);
        assert_eq!(again.skipped(), 1);
        assert_eq!(names.len(), 1);
        assert_eq!(names[0]["name"], "Thủ tục một");
    });
}

#[test]
fn a_bad_index_line_is_skipped_with_its_line_number_and_the_rest_imported() {
    block_on(async {
        let seed = tempfile::tempdir().unwrap();
        let good = r#"{"code": "1.000001", "name": "Thủ tục một", "fields": ["Hộ tịch"], "departments": [], "promulgating_agency": "Bộ Tư pháp", "subject_types": ["Công dân Việt Nam"], "type": "STANDARD", "state": "ACTIVE", "source_id": "a"}"#;
        let wrong_type = good.replace("1.000001", "1.000002").replace("STANDARD", "MYSTERY");
        let bad_code = good.replace("1.000001", "../../etc");
        let truncated: String = good.replace("1.000001", "1.000003").chars().take(70).collect();
        let lines = [good, "not json at all", &wrong_type, &bad_code, &truncated].join("\n");
        std::fs::write(seed.path().join(INDEX_FILE), lines).unwrap();
        let db = server::database::open_in_memory().await.unwrap();

        let report = import::import(&db, seed.path(), &[Dataset::Index]).await;

        let file = report.file(INDEX_FILE).unwrap();
        let locations: Vec<&str> = file.skipped.iter().map(|skipped| skipped.location.as_str()).collect();
        assert_eq!(file.read, 5);
        assert_eq!(file.written, 1);
        assert_eq!(locations, ["line 2", "line 3", "line 4", "line 5"]);
        assert!(file.skipped[1].reason.contains("MYSTERY"));
        assert_eq!(count(&db, "procedure").await, 1);
        assert!(report.to_string().contains("catalog_national.jsonl: line 2: not a valid index entry"));
    });
}

#[test]
fn a_truncated_procedures_file_is_reported_with_its_position_and_leaves_stored_data_alone() {
    block_on(async {
        let db = server::database::open_in_memory().await.unwrap();
        import::import(&db, &seed_dir(), &[Dataset::Procedures]).await;
        let before = dump(&db, "procedure_detail").await;
        let seed = tempfile::tempdir().unwrap();
        let full = std::fs::read_to_string(seed_dir().join(PROCEDURES_FILE)).unwrap();
        let half = (0..=full.len() / 2).rev().find(|cut| full.is_char_boundary(*cut)).unwrap();
        std::fs::write(seed.path().join(PROCEDURES_FILE), &full[..half]).unwrap();

        let report = import::import(&db, seed.path(), &[Dataset::Procedures]).await;

        let file = report.file(PROCEDURES_FILE).unwrap();
        assert_eq!(file.written, 0);
        assert_eq!(file.skipped.len(), 1);
        assert!(file.skipped[0].location.starts_with("line "), "{:?}", file.skipped[0]);
        assert_eq!(dump(&db, "procedure_detail").await, before);
    });
}

#[test]
fn a_malformed_procedure_is_skipped_by_index_and_code() {
    block_on(async {
        let full: Value =
            serde_json::from_str(&std::fs::read_to_string(seed_dir().join(PROCEDURES_FILE)).unwrap())
                .unwrap();
        let mut procedures = full["procedures"].as_array().unwrap()[..3].to_vec();
        procedures[1]["channels"][0]["method"] = Value::from("TELEPATHY");
        procedures[2]["dossier"] = Value::from("not a list");
        let seed = tempfile::tempdir().unwrap();
        write_json(seed.path(), PROCEDURES_FILE, &serde_json::json!({ "procedures": procedures }));
        let db = server::database::open_in_memory().await.unwrap();

        let report = import::import(&db, seed.path(), &[Dataset::Procedures]).await;

        let file = report.file(PROCEDURES_FILE).unwrap();
        let code = |index: usize| procedures[index]["code"].as_str().unwrap().to_string();
        assert_eq!(file.written, 1);
        assert_eq!(file.skipped[0].location, format!("procedures[1] ({})", code(1)));
        assert!(file.skipped[0].reason.contains("TELEPATHY"));
        assert_eq!(file.skipped[1].location, format!("procedures[2] ({})", code(2)));
        assert_eq!(count(&db, "procedure_detail").await, 1);
    });
}

#[test]
fn a_unit_with_a_malformed_code_is_skipped_and_its_siblings_kept() {
    block_on(async {
        let seed = tempfile::tempdir().unwrap();
        let units = serde_json::json!({
            "provinces_2025": [{ "code": "56", "name": "Tỉnh Khánh Hòa", "wards": [
                { "code": "22333", "name": "Phường Nha Trang", "type": "Phường" },
                { "code": "22x", "name": "Hỏng", "type": "Xã" }
            ]}],
            "province_mapping_2025": [],
            "provinces_legacy_without_wards": []
        });
        write_json(seed.path(), UNITS_FILE, &units);
        let db = server::database::open_in_memory().await.unwrap();

        let report = import::import(&db, seed.path(), &[Dataset::Units]).await;

        let file = report.file(UNITS_FILE).unwrap();
        assert_eq!((file.read, file.written, file.skipped.len()), (3, 2, 1));
        assert_eq!(file.skipped[0].location, "provinces_2025[0].wards[1]");
        assert_eq!(count(&db, "commune").await, 1);
    });
}

#[test]
fn a_missing_file_is_reported_not_fatal() {
    block_on(async {
        let seed = tempfile::tempdir().unwrap();
        let db = server::database::open_in_memory().await.unwrap();

        let report = import::import(&db, seed.path(), &Dataset::ALL).await;

        assert_eq!(report.files.len(), 5);
        assert!(
            report
                .files
                .iter()
                .all(|file| file.skipped.len() == 1 && file.skipped[0].location == "whole file")
        );
    });
}

fn write_json(dir: &Path, name: &str, value: &Value) {
    std::fs::write(dir.join(name), serde_json::to_string(value).unwrap()).unwrap();
}

/// The value with null members removed and numbers compared as floats.
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, value)| !value.is_null())
                .map(|(key, value)| (key.clone(), without_nulls(value)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        Value::Number(number) => number.as_f64().map(Value::from).unwrap_or(Value::Null),
        other => other.clone(),
    }
}
