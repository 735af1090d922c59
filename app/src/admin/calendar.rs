//! `/quan-tri/lich`: the province administrator keeps the working calendar,
//! a year at a time: the public holidays and compensatory days off, and the
//! Saturdays worked to make up for them. Every change is checked against
//! the calendar it would make and recorded in the audit log.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::account::Viewer;
use crate::account::view::Admitted;
use crate::error::AppError;
use crate::shell::ErrorNotice;

/// A day the calendar treats differently from its weekday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarEntry {
    /// `yyyy-mm-dd`.
    pub date: String,
    /// `day_off` or `working_day`.
    pub kind: String,
    pub name: String,
}

/// The special days of one year, in date order.
#[server(endpoint = "quan-tri/lich")]
pub async fn calendar_year(year: i32) -> Result<Vec<CalendarEntry>, AppError> {
    use crate::account::Role;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    caller.officer_with(&[Role::ProvinceAdmin])?;

    ssr::year(&context.db, year).await.map_err(|error| crate::server::database_error("calendar year", error))
}

/// Adds a day off or a make-up working day, or renames one already there.
#[server(endpoint = "quan-tri/lich/them")]
pub async fn add_calendar_day(date: String, kind: String, name: String) -> Result<(), AppError> {
    use crate::account::Role;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin])?;

    let entry = ssr::checked(&date, &kind, &name)?;
    let mut days = ssr::all(&context.db).await?;
    days.retain(|day| day.date != entry.date);
    days.push(entry.clone());
    ssr::consistent(&days)?;

    let address = crate::server::client_address().await;
    ssr::store(&context.db, &entry, &admin.account(), &admin.full_name, address.as_deref())
        .await
        .map_err(|error| crate::server::database_error("store calendar day", error))?;
    tracing::info!(date = %entry.date, kind = %entry.kind, officer = %admin.account(), "calendar day set");
    Ok(())
}

/// Removes a special day: it becomes an ordinary day of its weekday again.
#[server(endpoint = "quan-tri/lich/xoa")]
pub async fn remove_calendar_day(date: String) -> Result<(), AppError> {
    use crate::account::Role;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin])?;

    let address = crate::server::client_address().await;
    let removed =
        ssr::remove(&context.db, date.trim(), &admin.account(), &admin.full_name, address.as_deref())
            .await
            .map_err(|error| crate::server::database_error("remove calendar day", error))?;
    if !removed {
        return Err(AppError::NotFound);
    }
    tracing::info!(date = %date.trim(), officer = %admin.account(), "calendar day removed");
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use chrono::{Datelike, NaiveDate, Weekday};
    use serde_json::Value as Json;

    use super::CalendarEntry;

    /// The longest name of a day.
    const MAX_NAME_CHARS: usize = 200;
    use crate::calendar::{SpecialDay, SpecialDayKind, WorkingCalendar, WorkingHours};
    use crate::error::AppError;
    use crate::server::{Db, database_error};

    fn invalid(message: &str) -> AppError {
        AppError::InvalidInput(message.to_string())
    }

    /// A day as the form sent it, checked on its own.
    pub fn checked(date: &str, kind: &str, name: &str) -> Result<CalendarEntry, AppError> {
        let day = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
            .map_err(|_| invalid("Ngày không hợp lệ; hãy chọn ngày theo lịch."))?;
        let name = crate::text::composed(name.trim());
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err(invalid("Tên ngày là bắt buộc và không quá 200 ký tự."));
        }
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        match kind {
            "day_off" if weekend => {
                Err(invalid("Ngày này đã là ngày nghỉ cuối tuần; ngày nghỉ bù phải là ngày làm việc."))
            }
            "working_day" if !weekend => Err(invalid("Ngày làm việc bù phải là thứ Bảy hoặc Chủ nhật.")),
            "day_off" | "working_day" => {
                Ok(CalendarEntry { date: day.format("%Y-%m-%d").to_string(), kind: kind.to_string(), name })
            }
            _ => Err(invalid("Vui lòng chọn loại ngày.")),
        }
    }

    /// Refuses a set of days the deadlines could not be counted on.
    pub fn consistent(days: &[CalendarEntry]) -> Result<(), AppError> {
        let special = days.iter().filter_map(|day| {
            Some(SpecialDay {
                date: NaiveDate::parse_from_str(&day.date, "%Y-%m-%d").ok()?,
                kind: if day.kind == "day_off" { SpecialDayKind::DayOff } else { SpecialDayKind::WorkingDay },
                name: day.name.clone(),
            })
        });
        WorkingCalendar::new(special, WorkingHours::default())
            .map(|_| ())
            .map_err(|error| AppError::InvalidInput(error.message()))
    }

    fn entries(rows: Vec<Json>) -> Vec<CalendarEntry> {
        rows.into_iter().filter_map(|row| serde_json::from_value(row).ok()).collect()
    }

    pub async fn year(db: &Db, year: i32) -> Result<Vec<CalendarEntry>, surrealdb::Error> {
        let mut response = db
            .query("SELECT date, kind, name FROM calendar_day WHERE string::starts_with(date, $year) ORDER BY date")
            .bind(("year", format!("{year:04}-")))
            .await?;
        Ok(entries(response.take(0)?))
    }

    pub async fn all(db: &Db) -> Result<Vec<CalendarEntry>, AppError> {
        let mut response = db
            .query("SELECT date, kind, name FROM calendar_day")
            .await
            .map_err(|error| database_error("read calendar", error))?;
        Ok(entries(response.take(0).map_err(|error| database_error("read calendar", error))?))
    }

    pub async fn store(
        db: &Db,
        entry: &CalendarEntry,
        actor: &str,
        actor_name: &str,
        address: Option<&str>,
    ) -> Result<(), surrealdb::Error> {
        db.query(
            "BEGIN TRANSACTION;
             UPSERT type::record('calendar_day', $date) CONTENT {
                 date: $date, kind: $kind, name: $name, source: 'quan-tri', confirmed: true
             };
             CREATE audit CONTENT {
                 actor: $actor, actor_name: $actor_name, action: 'calendar_changed',
                 target: $date, detail: string::concat($kind, ': ', $name), address: $address
             };
             COMMIT TRANSACTION;",
        )
        .bind(("date", entry.date.clone()))
        .bind(("kind", entry.kind.clone()))
        .bind(("name", entry.name.clone()))
        .bind(("actor", actor.to_string()))
        .bind(("actor_name", actor_name.to_string()))
        .bind(("address", address.map(str::to_string)))
        .await?
        .check()?;
        Ok(())
    }

    pub async fn remove(
        db: &Db,
        date: &str,
        actor: &str,
        actor_name: &str,
        address: Option<&str>,
    ) -> Result<bool, surrealdb::Error> {
        let mut response = db
            .query(
                "BEGIN TRANSACTION;
                 LET $gone = (DELETE type::record('calendar_day', $date) RETURN BEFORE);
                 IF array::len($gone) > 0 {
                     CREATE audit CONTENT {
                         actor: $actor, actor_name: $actor_name, action: 'calendar_changed',
                         target: $date, detail: 'removed', address: $address
                     }
                 };
                 RETURN array::len($gone);
                 COMMIT TRANSACTION;",
            )
            .bind(("date", date.to_string()))
            .bind(("actor", actor.to_string()))
            .bind(("actor_name", actor_name.to_string()))
            .bind(("address", address.map(str::to_string)))
            .await?;
        let removed: Option<i64> = crate::server::returned(&mut response);
        Ok(removed.unwrap_or(0) > 0)
    }
}

/// The year's special days and the forms to change them.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let query = use_query_map();
    let this_year = move || {
        query
            .with(|query| query.get("nam").and_then(|year| year.parse::<i32>().ok()))
            .filter(|year| (2000..=2100).contains(year))
            .unwrap_or(2026)
    };
    let add = ServerAction::<AddCalendarDay>::new();
    let remove = ServerAction::<RemoveCalendarDay>::new();
    let days = Resource::new(
        move || (this_year(), add.version().get(), remove.version().get()),
        |(year, ..)| calendar_year(year),
    );
    let problem = move || {
        [add.value().get(), remove.value().get()]
            .into_iter()
            .flatten()
            .find_map(Result::err)
            .map(|error| view! { <p class="form-error" role="alert">{error.message()}</p> })
    };

    let listed = move || {
        Suspend::new(async move {
            match days.await {
                Ok(days) => view! { <Days days remove /> }.into_any(),
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            }
        })
    };

    view! {
        <Title text="Lịch ngày nghỉ, ngày làm việc bù" />
        <section class="admin-calendar">
            <h1>"Lịch ngày nghỉ, ngày làm việc bù"</h1>
            <p class="help">"Thời hạn giải quyết hồ sơ được tính theo lịch này: không tính thứ Bảy, Chủ nhật và các ngày nghỉ dưới đây, có tính các ngày làm việc bù."</p>
            <Admitted accepted=Viewer::is_province_administrator>
            <form method="get" class="inline-form">
                <label for="nam">"Năm"</label>
                <input id="nam" type="number" name="nam" min="2000" max="2100" value=move || this_year().to_string() />
                <button type="submit" class="button secondary">"Xem"</button>
            </form>
            {problem}
            <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>{listed}</Suspense>
            <super::hours::WorkingHoursForm />
            <h2>"Thêm ngày"</h2>
            <ActionForm action=add attr:class="decision">
                <label for="ngay">"Ngày"</label>
                <input id="ngay" type="date" name="date" required />
                <label for="loai">"Loại ngày"</label>
                <select id="loai" name="kind">
                    <option value="day_off">"Ngày nghỉ (lễ, Tết, nghỉ bù)"</option>
                    <option value="working_day">"Ngày làm việc bù (thứ Bảy, Chủ nhật)"</option>
                </select>
                <label for="ten">"Tên ngày"</label>
                <input id="ten" type="text" name="name" maxlength="200" required />
                <button type="submit" class="button">"Lưu ngày"</button>
            </ActionForm>
            </Admitted>
        </section>
    }
}

#[component]
fn Days(days: Vec<CalendarEntry>, remove: ServerAction<RemoveCalendarDay>) -> impl IntoView {
    if days.is_empty() {
        return view! { <p>"Năm này chưa có ngày nghỉ lễ nào. Hãy thêm các ngày nghỉ của năm."</p> }
            .into_any();
    }
    view! {
        <ul class="calendar-days">
            {days
                .into_iter()
                .map(|day| {
                    let kind = if day.kind == "day_off" { "Nghỉ" } else { "Làm việc bù" };
                    view! {
                        <li>
                            <strong>{crate::text::date(&day.date)}</strong> " — " {kind} ": " {day.name}
                            <ActionForm action=remove attr:class="inline-form">
                                <input type="hidden" name="date" value=day.date />
                                <button type="submit" class="link-button">"Xóa"</button>
                            </ActionForm>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
