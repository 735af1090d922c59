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

/// The record holding the province's working hours.
const HOURS_KEY: &str = "tinh";

/// The province's working calendar: its special days and working hours.
pub async fn load(db: &Db) -> Result<WorkingCalendar, AppError> {
    let mut response = db
        .query(
            "SELECT date, kind, name FROM calendar_day;
             SELECT VALUE sessions FROM type::record('working_hours', $hours);",
        )
        .bind(("hours", HOURS_KEY))
        .await
        .map_err(|error| database_error("read calendar", error))?;
    let rows: Vec<serde_json::Value> =
        response.take(0).map_err(|error| database_error("read calendar", error))?;
    let hours: Vec<String> = response.take(1).map_err(|error| database_error("read working hours", error))?;
    let hours = hours.first().map_or_else(WorkingHours::default, |stored| decode_hours(stored));

    let days = rows.into_iter().filter_map(|row| match serde_json::from_value(row) {
        Ok(row) => special_day(row),
        Err(error) => {
            tracing::warn!(error = %error, "calendar day of an unexpected shape left out");
            None
        }
    });
    WorkingCalendar::new(days, hours).map_err(|error| {
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

/// Stored working hours; hours that no longer pass their checks are logged
/// and the default used, so that deadlines can still be counted.
fn decode_hours(stored: &str) -> WorkingHours {
    serde_json::from_str(stored).unwrap_or_else(|error| {
        tracing::error!(error = %error, "stored working hours refused; the default hours apply");
        WorkingHours::default()
    })
}

/// Replaces the working hours and records the change, together.
pub async fn save_hours(
    db: &Db,
    hours: &WorkingHours,
    actor: &str,
    actor_name: &str,
    address: Option<&str>,
) -> Result<(), surrealdb::Error> {
    let sessions = serde_json::to_string(hours).unwrap_or_default();
    db.query(
        "BEGIN TRANSACTION;
         UPSERT type::record('working_hours', $hours) CONTENT {
             sessions: $sessions, updated_by: $actor, updated_at: time::now()
         };
         CREATE audit CONTENT {
             actor: $actor, actor_name: $actor_name, action: 'calendar_changed',
             target: 'working_hours', detail: $sessions, address: $address
         };
         COMMIT TRANSACTION;",
    )
    .bind(("hours", HOURS_KEY))
    .bind(("sessions", sessions))
    .bind(("actor", actor.to_string()))
    .bind(("actor_name", actor_name.to_string()))
    .bind(("address", address.map(str::to_string)))
    .await?
    .check()?;
    Ok(())
}
