//! The national procedure index: one JSON object a line.

use std::collections::HashMap;
use std::path::Path;

use app::procedure::model::is_plausible_code;
use app::procedure::national::IndexEntry;
use app::procedure::stored::{IndexFields, kind_of, stored_kind};
use app::server::Db;
use app::text::composed;

use super::classify::{Provinces, audiences};
use super::report::FileReport;
use super::{INDEX_FILE, read_file, write};

pub async fn import(db: &Db, path: &Path, provinces: &Provinces) -> FileReport {
    let mut report = FileReport::new(INDEX_FILE);
    let Some(text) = read_file(path, &mut report) else {
        return report;
    };

    // The national data has codes given to two different procedures; the
    // first line keeps the code, and the later ones are reported.
    let mut first_line_of: HashMap<String, usize> = HashMap::new();

    for (number, line) in text.lines().enumerate().map(|(index, line)| (index + 1, line)) {
        if line.trim().is_empty() {
            continue;
        }
        report.read += 1;

        let fields = match serde_json::from_str::<IndexEntry>(line) {
            Ok(entry) => index_fields(entry, provinces),
            Err(error) => Err(format!("not a valid index entry: {error}")),
        };
        let fields = match fields {
            Ok(fields) => fields,
            Err(reason) => {
                report.skip(format!("line {number}"), reason);
                continue;
            }
        };

        if let Some(first) = first_line_of.get(&fields.code) {
            report.skip(
                format!("line {number} ({})", fields.code),
                format!("code already used by line {first} for another procedure; line {first} is kept"),
            );
            continue;
        }
        first_line_of.insert(fields.code.clone(), number);

        match write::merge(db, "procedure", &fields.code, &fields).await {
            Ok(()) => report.written += 1,
            Err(reason) => report.skip(format!("line {number} ({})", fields.code), reason),
        }
    }

    report
}

/// Checks an index entry and derives the row's fields from it.
pub fn index_fields(entry: IndexEntry, provinces: &Provinces) -> Result<IndexFields, String> {
    let code = entry.code.trim().to_string();
    if !is_plausible_code(&code) {
        return Err(format!("procedure code {code:?} is not a national code"));
    }
    if entry.name.trim().is_empty() {
        return Err(format!("procedure {code} has no name"));
    }
    let kind = kind_of(&entry.kind).ok_or_else(|| format!("unknown procedure type {:?}", entry.kind))?;

    Ok(IndexFields {
        local_province: matches!(kind, app::procedure::detail::ProcedureKind::Local)
            .then(|| provinces.of_agency(&entry.promulgating_agency))
            .flatten(),
        kind: stored_kind(kind).to_string(),
        audiences: audiences(&entry.subject_types),
        name: composed(entry.name.trim()),
        code,
        state: entry.state,
        fields: entry.fields.iter().map(|field| composed(field)).collect(),
        departments: entry.departments.iter().map(|department| composed(department)).collect(),
        promulgating_agency: composed(&entry.promulgating_agency),
        subject_types: entry.subject_types.iter().map(|subject| composed(subject)).collect(),
        source_id: entry.source_id,
    })
}
