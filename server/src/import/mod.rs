//! Loads the national data into the database: the procedure index, the
//! detailed procedures, the administrative units and the holiday calendar.
//!
//! Each record is written in its own transaction, so a bad record is skipped
//! (and reported with its place in the file) without touching the others.
//! Records are keyed by their national code and written whole, so importing
//! the same files twice leaves the database as the first run left it.

mod calendar;
mod classify;
mod forms;
mod index;
mod procedures;
mod report;
mod units;
mod write;

use std::path::Path;

use app::server::Db;

pub use report::{FileReport, ImportReport, Skipped};

/// The files the importer reads from the seed folder.
pub const UNITS_FILE: &str = "admin_units.json";
pub const INDEX_FILE: &str = "catalog_national.jsonl";
pub const PROCEDURES_FILE: &str = "procedures.json";
pub const CALENDAR_FILE: &str = "holidays.json";
/// The folder of curated e-forms, one `<procedure code>.json` each.
pub const FORMS_DIR: &str = "forms";

/// A part of the national data that can be imported on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Dataset {
    /// Administrative units (provinces, communes, pre-2025 units).
    Units,
    /// The national procedure index.
    Index,
    /// The detailed procedures.
    Procedures,
    /// The holiday calendar.
    Calendar,
    /// E-forms: made from the detailed procedures, and the curated ones.
    Forms,
}

impl Dataset {
    pub const ALL: [Dataset; 5] =
        [Dataset::Units, Dataset::Index, Dataset::Procedures, Dataset::Calendar, Dataset::Forms];
}

/// Imports the chosen datasets from `seed` in dependency order: units first,
/// since local procedures are matched to their province by name, and forms
/// last, since they are made from the procedures.
pub async fn import(db: &Db, seed: &Path, datasets: &[Dataset]) -> ImportReport {
    let mut report = ImportReport::default();
    let provinces = units::province_names(&seed.join(UNITS_FILE));

    for dataset in Dataset::ALL.into_iter().filter(|dataset| datasets.contains(dataset)) {
        let file = match dataset {
            Dataset::Units => units::import(db, &seed.join(UNITS_FILE)).await,
            Dataset::Index => index::import(db, &seed.join(INDEX_FILE), &provinces).await,
            Dataset::Procedures => procedures::import(db, &seed.join(PROCEDURES_FILE), &provinces).await,
            Dataset::Calendar => calendar::import(db, &seed.join(CALENDAR_FILE)).await,
            Dataset::Forms => forms::import(db, &seed.join(FORMS_DIR)).await,
        };
        tracing::info!(
            file = %file.file,
            read = file.read,
            written = file.written,
            skipped = file.skipped.len(),
            "import finished"
        );
        report.files.push(file);
    }

    report
}

/// Whether the catalogue holds any procedure yet.
pub async fn catalogue_is_empty(db: &Db) -> Result<bool, surrealdb::Error> {
    let mut response = db.query("SELECT VALUE id FROM procedure LIMIT 1").await?;
    let ids: Vec<serde_json::Value> = response.take(0)?;
    Ok(ids.is_empty())
}

/// Reads a whole file, or says why it could not, in the report's words.
fn read_file(path: &Path, report: &mut FileReport) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(error) => {
            report.skip("whole file", format!("cannot read {}: {error}", path.display()));
            None
        }
    }
}

/// Parses a whole JSON file, reporting the line and column where it breaks.
fn parse_json(path: &Path, report: &mut FileReport) -> Option<serde_json::Value> {
    let text = read_file(path, report)?;
    match serde_json::from_str(&text) {
        Ok(value) => Some(value),
        Err(error) => {
            report.skip(
                format!("line {}, column {}", error.line(), error.column()),
                format!("not valid JSON, nothing imported from this file: {error}"),
            );
            None
        }
    }
}
