//! The public servants' calendar: days off, make-up working Saturdays and
//! announced breaks, year by year, plus the lunar holidays' solar dates.

use std::path::Path;

use app::server::Db;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::report::FileReport;
use super::{CALENDAR_FILE, parse_json, write};

#[derive(Deserialize)]
struct SourceDayOff {
    date: String,
    name: String,
    source: String,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
struct SourceWorkingDay {
    date: String,
    source: String,
}

#[derive(Deserialize)]
struct SourceBreak {
    name: String,
    from: String,
    to: String,
    #[serde(default)]
    makeup: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

#[derive(Deserialize)]
struct SourceLunar {
    year: i64,
    tet_mung_1: String,
    gio_to_10_3: String,
}

#[derive(Serialize)]
struct DayRow<'a> {
    date: &'a str,
    kind: &'a str,
    name: &'a str,
    source: &'a str,
    confirmed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct BreakRow<'a> {
    name: &'a str,
    start: &'a str,
    end: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    makeup: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
}

#[derive(Serialize)]
struct LunarRow<'a> {
    year: i64,
    tet: &'a str,
    hung_kings: &'a str,
}

pub async fn import(db: &Db, path: &Path) -> FileReport {
    let mut report = FileReport::new(CALENDAR_FILE);
    let Some(document) = parse_json(path, &mut report) else {
        return report;
    };
    let Some(years) = document.get("years").and_then(Value::as_object) else {
        report.skip("whole file", "no \"years\" object at the top level");
        return report;
    };

    for (year, content) in years {
        for (index, value) in items(content, "days_off").iter().enumerate() {
            let location = format!("years.{year}.days_off[{index}]");
            let outcome = parse::<SourceDayOff>(value).and_then(|day| {
                check_date(&day.date)?;
                let row = DayRow {
                    date: &day.date,
                    kind: "day_off",
                    name: &day.name,
                    source: &day.source,
                    confirmed: day.status.as_deref() != Some("UNCONFIRMED"),
                    note: day.note.as_deref(),
                };
                Ok((day.date.clone(), serde_json::to_value(row).map_err(|error| error.to_string())?))
            });
            store(db, "calendar_day", &location, outcome, &mut report).await;
        }
        let breaks: Vec<SourceBreak> =
            items(content, "breaks").iter().filter_map(|value| parse::<SourceBreak>(value).ok()).collect();
        for (index, value) in items(content, "makeup_saturdays").iter().enumerate() {
            let location = format!("years.{year}.makeup_saturdays[{index}]");
            let outcome = parse::<SourceWorkingDay>(value).and_then(|day| {
                check_date(&day.date)?;
                let name = makeup_name(&day.date, &breaks);
                let row = DayRow {
                    date: &day.date,
                    kind: "working_day",
                    name: &name,
                    source: &day.source,
                    confirmed: true,
                    note: None,
                };
                Ok((day.date.clone(), serde_json::to_value(row).map_err(|error| error.to_string())?))
            });
            store(db, "calendar_day", &location, outcome, &mut report).await;
        }
        for (index, value) in items(content, "breaks").iter().enumerate() {
            let location = format!("years.{year}.breaks[{index}]");
            let outcome = parse::<SourceBreak>(value).and_then(|span| {
                check_date(&span.from)?;
                check_date(&span.to)?;
                let row = BreakRow {
                    name: &span.name,
                    start: &span.from,
                    end: &span.to,
                    makeup: span.makeup.as_deref(),
                    source: span.source.as_deref(),
                };
                Ok((span.from.clone(), serde_json::to_value(row).map_err(|error| error.to_string())?))
            });
            store(db, "holiday_break", &location, outcome, &mut report).await;
        }
    }

    let lunar = document.get("lunar_dates_computed").and_then(Value::as_array).cloned().unwrap_or_default();
    for (index, value) in lunar.iter().enumerate() {
        let location = format!("lunar_dates_computed[{index}]");
        let outcome = parse::<SourceLunar>(value).and_then(|lunar| {
            check_date(&lunar.tet_mung_1)?;
            check_date(&lunar.gio_to_10_3)?;
            let row = LunarRow { year: lunar.year, tet: &lunar.tet_mung_1, hung_kings: &lunar.gio_to_10_3 };
            Ok((lunar.year.to_string(), serde_json::to_value(row).map_err(|error| error.to_string())?))
        });
        store(db, "lunar_holiday", &location, outcome, &mut report).await;
    }

    report
}

/// What a make-up Saturday makes up for, as the applicant reads it: the
/// break that names it as its make-up day, when one does.
fn makeup_name(date: &str, breaks: &[SourceBreak]) -> String {
    match breaks.iter().find(|span| span.makeup.as_deref() == Some(date)) {
        Some(span) => format!("Làm việc bù cho kỳ nghỉ {}", span.name),
        None => "Ngày làm việc bù".to_string(),
    }
}

fn items<'a>(content: &'a Value, key: &str) -> &'a [Value] {
    content.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default()
}

fn parse<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, String> {
    serde_json::from_value(value.clone()).map_err(|error| format!("not a valid entry: {error}"))
}

fn check_date(date: &str) -> Result<(), String> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map(drop)
        .map_err(|_| format!("{date:?} is not a date (YYYY-MM-DD)"))
}

async fn store(
    db: &Db,
    table: &'static str,
    location: &str,
    outcome: Result<(String, Value), String>,
    report: &mut FileReport,
) {
    report.read += 1;
    let written = match outcome {
        Ok((key, row)) => write::replace(db, table, &key, &row).await,
        Err(reason) => Err(reason),
    };
    match written {
        Ok(()) => report.written += 1,
        Err(reason) => report.skip(location, reason),
    }
}
