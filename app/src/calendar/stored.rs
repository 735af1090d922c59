//! The calendar as the province administrator keeps it in the database:
//! the `calendar_day` rows, seeded from the national holiday list.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{SpecialDay, SpecialDayKind, WorkingCalendar, WorkingHours};
use crate::error::AppError;
use crate::server::{Db, database_error};

#[derive(Deserialize)]
struct DayRow {
    date: String,
    kind: String,
    name: String,
}

/// The province's working calendar with the default working hours.
pub async fn load(db: &Db) -> Result<WorkingCalendar, AppError> {
    let mut response = db
        .query("SELECT date, kind, name FROM calendar_day")
        .await
        .map_err(|error| database_error("read calendar", error))?;
    let rows: Vec<serde_json::Value> =
        response.take(0).map_err(|error| database_error("read calendar", error))?;

    let days = rows.into_iter().filter_map(|row| match serde_json::from_value(row) {
        Ok(row) => special_day(row),
        Err(error) => {
            tracing::warn!(error = %error, "calendar day of an unexpected shape left out");
            None
        }
    });
    WorkingCalendar::new(days, WorkingHours::default()).map_err(|error| {
        tracing::error!(error = %error, "the stored calendar is inconsistent");
        AppError::Internal
    })
}

/// A stored row as a calendar entry; a row the schema should have refused is
/// logged and left out rather than taking every deadline down with it.
fn special_day(row: DayRow) -> Option<SpecialDay> {
    let kind = match row.kind.as_str() {
        "day_off" => SpecialDayKind::DayOff,
        "working_day" => SpecialDayKind::WorkingDay,
        other => {
            tracing::warn!(date = %row.date, kind = other, "calendar day of unknown kind left out");
            return None;
        }
    };
    let Ok(date) = NaiveDate::parse_from_str(&row.date, "%Y-%m-%d") else {
        tracing::warn!(date = %row.date, "calendar day with a malformed date left out");
        return None;
    };
    Some(SpecialDay { date, kind, name: row.name })
}
