//! The province's working hours, on the calendar page: a morning and an
//! afternoon session. The end of the last session is the day's cut-off: a
//! dossier submitted after it counts from the next working day, and
//! hours-based processing times count only the sessions.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// One session as the form shows it, `HH:MM` each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionTimes {
    pub start: String,
    pub end: String,
}

/// The working hours deadlines are counted with now.
#[server(endpoint = "quan-tri/gio-lam-viec")]
pub async fn working_hours() -> Result<Vec<SessionTimes>, AppError> {
    use crate::account::Role;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    caller.officer_with(&[Role::ProvinceAdmin])?;

    let calendar = crate::calendar::stored::load(&context.db).await?;
    Ok(calendar
        .hours()
        .sessions()
        .iter()
        .map(|session| SessionTimes {
            start: session.start.format("%H:%M").to_string(),
            end: session.end.format("%H:%M").to_string(),
        })
        .collect())
}

/// Replaces the working hours. The afternoon may be left empty for a
/// single session.
#[server(endpoint = "quan-tri/gio-lam-viec/luu")]
pub async fn save_working_hours(
    morning_start: String,
    morning_end: String,
    afternoon_start: String,
    afternoon_end: String,
) -> Result<(), AppError> {
    use crate::account::Role;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin])?;

    let hours = checked(&morning_start, &morning_end, &afternoon_start, &afternoon_end)?;

    let address = crate::server::client_address().await;
    crate::calendar::stored::save_hours(
        &context.db,
        &hours,
        &admin.account(),
        &admin.full_name,
        address.as_deref(),
    )
    .await
    .map_err(|error| crate::server::database_error("save working hours", error))?;
    tracing::info!(day_end = %hours.day_end(), officer = %admin.account(), "working hours changed");
    Ok(())
}

/// The form's four times as working hours, or the reason they cannot be.
pub fn checked(
    morning_start: &str,
    morning_end: &str,
    afternoon_start: &str,
    afternoon_end: &str,
) -> Result<crate::calendar::WorkingHours, AppError> {
    use crate::calendar::{Session, WorkingHours};

    let time = |text: &str, what: &str| {
        chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M")
            .map_err(|_| AppError::InvalidInput(format!("{what}: vui lòng nhập giờ dạng 07:30.")))
    };
    let mut sessions = vec![Session {
        start: time(morning_start, "Giờ bắt đầu buổi sáng")?,
        end: time(morning_end, "Giờ kết thúc buổi sáng")?,
    }];
    match (afternoon_start.trim().is_empty(), afternoon_end.trim().is_empty()) {
        (true, true) => {}
        (false, false) => sessions.push(Session {
            start: time(afternoon_start, "Giờ bắt đầu buổi chiều")?,
            end: time(afternoon_end, "Giờ kết thúc buổi chiều")?,
        }),
        _ => {
            return Err(AppError::InvalidInput(
                "Buổi chiều cần cả giờ bắt đầu và giờ kết thúc, hoặc bỏ trống cả hai.".into(),
            ));
        }
    }
    WorkingHours::new(sessions).map_err(|error| AppError::InvalidInput(error.message()))
}

/// The working hours and the form that changes them.
#[component]
pub fn WorkingHoursForm() -> impl IntoView {
    let save = ServerAction::<SaveWorkingHours>::new();
    let hours = Resource::new(move || save.version().get(), |_| working_hours());
    let problem = move || {
        save.value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <p class="form-error" role="alert">{error.message()}</p> })
    };
    let saved = move || {
        save.value()
            .get()
            .and_then(Result::ok)
            .map(|()| view! { <p class="notice" role="status">"Đã lưu giờ làm việc."</p> })
    };

    let form = move |sessions: Vec<SessionTimes>| {
        let at = move |index: usize, end: bool| {
            sessions
                .get(index)
                .map(|session| if end { session.end.clone() } else { session.start.clone() })
                .unwrap_or_default()
        };
        let (morning_start, morning_end, afternoon_start, afternoon_end) =
            (at(0, false), at(0, true), at(1, false), at(1, true));
        view! {
            <ActionForm action=save attr:class="decision working-hours">
                <fieldset>
                    <legend>"Buổi sáng"</legend>
                    <label for="sang-tu">"Từ"</label>
                    <input id="sang-tu" type="time" name="morning_start" required value=morning_start />
                    <label for="sang-den">"Đến"</label>
                    <input id="sang-den" type="time" name="morning_end" required value=morning_end />
                </fieldset>
                <fieldset>
                    <legend>"Buổi chiều (bỏ trống nếu chỉ làm một buổi)"</legend>
                    <label for="chieu-tu">"Từ"</label>
                    <input id="chieu-tu" type="time" name="afternoon_start" value=afternoon_start />
                    <label for="chieu-den">"Đến"</label>
                    <input id="chieu-den" type="time" name="afternoon_end" value=afternoon_end />
                </fieldset>
                <button type="submit" class="button">"Lưu giờ làm việc"</button>
            </ActionForm>
        }
    };

    view! {
        <h2>"Giờ làm việc"</h2>
        <p class="help">"Hồ sơ nộp sau giờ kết thúc buổi cuối cùng được tính từ ngày làm việc tiếp theo; thời hạn tính bằng giờ chỉ đếm các giờ làm việc này."</p>
        {problem}
        {saved}
        <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match hours.await {
                    Ok(sessions) => form(sessions).into_any(),
                    Err(error) => view! { <crate::shell::ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[cfg(test)]
mod tests {
    use super::checked;
    use crate::error::AppError;

    fn day_end(hours: &crate::calendar::WorkingHours) -> String {
        hours.day_end().format("%H:%M").to_string()
    }

    #[test]
    fn two_sessions_or_one_are_accepted() -> Result<(), AppError> {
        let two = checked("07:30", "11:30", "13:30", "16:30")?;
        let one = checked("08:00", "12:00", "", " ")?;

        assert_eq!(day_end(&two), "16:30");
        assert_eq!(two.sessions().len(), 2);
        assert_eq!(day_end(&one), "12:00");
        assert_eq!(one.sessions().len(), 1);
        Ok(())
    }

    #[test]
    fn bad_times_are_refused_with_a_reason() {
        assert!(checked("7h30", "11:30", "", "").is_err());
        assert!(checked("11:30", "07:30", "", "").is_err(), "a session ends after it starts");
        assert!(checked("07:30", "11:30", "11:00", "17:00").is_err(), "sessions do not overlap");
        assert!(checked("07:30", "11:30", "13:30", "").is_err(), "half an afternoon");
    }
}
