//! The detailed procedures: `{ "meta": …, "procedures": [ … ] }`.

use std::path::Path;

use app::procedure::model::{OnlineLevel, is_plausible_code};
use app::procedure::national::NationalProcedure;
use app::procedure::stored::{DetailSummary, IndexFields, kind_of, stored_kind};
use app::server::Db;
use app::text::composed;
use serde_json::Value;

use super::classify::{Provinces, audiences};
use super::report::FileReport;
use super::{PROCEDURES_FILE, parse_json, write};

/// Stores each procedure's record and updates its catalogue row, together.
/// A procedure missing from the index gets a row built from its detail.
const WRITE: &str = "BEGIN TRANSACTION;
    UPSERT type::record('procedure_detail', $code) CONTENT $detail;
    IF record::exists(type::record('procedure', $code)) {
        UPDATE type::record('procedure', $code) MERGE $summary;
    } ELSE {
        CREATE type::record('procedure', $code) CONTENT object::extend($entry, $summary);
    };
    COMMIT TRANSACTION;";

pub async fn import(db: &Db, path: &Path, provinces: &Provinces) -> FileReport {
    let mut report = FileReport::new(PROCEDURES_FILE);
    let Some(document) = parse_json(path, &mut report) else {
        return report;
    };
    let Some(records) = document.get("procedures").and_then(Value::as_array) else {
        report.skip("whole file", "no \"procedures\" array at the top level");
        return report;
    };

    for (index, record) in records.iter().enumerate() {
        report.read += 1;
        let code = record.get("code").and_then(Value::as_str).unwrap_or("?").trim().to_string();
        let location = format!("procedures[{index}] ({code})");

        let prepared = serde_json::from_value::<NationalProcedure>(record.clone())
            .map_err(|error| format!("not a valid procedure: {error}"))
            .and_then(|procedure| prepare(procedure, provinces));
        let (procedure, entry, summary) = match prepared {
            Ok(prepared) => prepared,
            Err(reason) => {
                report.skip(location, reason);
                continue;
            }
        };

        match write(db, &procedure, &entry, &summary).await {
            Ok(()) => report.written += 1,
            Err(reason) => report.skip(location, reason),
        }
    }

    report
}

/// Checks a procedure and derives its catalogue row.
fn prepare(
    mut procedure: NationalProcedure,
    provinces: &Provinces,
) -> Result<(NationalProcedure, IndexFields, DetailSummary), String> {
    procedure.code = procedure.code.trim().to_string();
    let code = procedure.code.clone();
    if !is_plausible_code(&code) {
        return Err(format!("procedure code {code:?} is not a national code"));
    }
    if procedure.name.trim().is_empty() {
        return Err(format!("procedure {code} has no name"));
    }
    let kind =
        kind_of(&procedure.kind).ok_or_else(|| format!("unknown procedure type {:?}", procedure.kind))?;
    let online = OnlineLevel::from_stored(&procedure.derived.online_level)
        .ok_or_else(|| format!("unknown online level {:?}", procedure.derived.online_level))?;
    if let Some(channel) = procedure
        .channels
        .iter()
        .find(|channel| !matches!(channel.method.as_str(), "DIRECT" | "ONLINE" | "POSTAL"))
    {
        return Err(format!("unknown channel {:?}", channel.method));
    }

    let entry = IndexFields {
        code: code.clone(),
        name: composed(procedure.name.trim()),
        kind: stored_kind(kind).to_string(),
        state: procedure.state.clone(),
        fields: procedure.fields.iter().map(|field| composed(&field.name)).collect(),
        departments: Vec::new(),
        promulgating_agency: composed(&procedure.promulgating_agency.name),
        subject_types: procedure.subject_types.iter().map(|subject| composed(subject)).collect(),
        audiences: audiences(&procedure.subject_types),
        local_province: matches!(kind, app::procedure::detail::ProcedureKind::Local)
            .then(|| provinces.of_agency(&procedure.promulgating_agency.name))
            .flatten(),
        source_id: procedure.source_id.clone(),
    };
    let summary = DetailSummary {
        levels: procedure.levels.clone(),
        online_level: Some(online.stored().to_string()),
        has_detail: true,
    };
    Ok((procedure, entry, summary))
}

async fn write(
    db: &Db,
    procedure: &NationalProcedure,
    entry: &IndexFields,
    summary: &DetailSummary,
) -> Result<(), String> {
    let encode = |value: Result<Value, serde_json::Error>| value.map_err(|error| error.to_string());
    let detail = encode(serde_json::to_value(procedure))?;
    let entry = encode(serde_json::to_value(entry))?;
    let summary = encode(serde_json::to_value(summary))?;

    write::run(
        db.query(WRITE)
            .bind(("code", procedure.code.clone()))
            .bind(("detail", detail))
            .bind(("entry", entry))
            .bind(("summary", summary)),
    )
    .await
}
