use leptos::prelude::*;

use chrono::NaiveDate;

use crate::calendar::{DayOffReason, MadeUpDay, Reception, SkippedDay};
use crate::procedure::estimate::EstimatedDue;
use crate::text;

/// "If you submit now": the appointment a dossier received at this moment
/// would get, and how it was counted, for an applicant planning ahead.
/// With `received`, the same explanation for a dossier's actual
/// appointment date.
#[component]
pub fn EstimateNote(due: EstimatedDue, #[prop(optional)] received: bool) -> impl IntoView {
    let (when, reception, skipped, made_up) = match due {
        EstimatedDue::Day(appointment) => (
            text::weekday_date(appointment.due_on),
            appointment.reception,
            appointment.skipped,
            appointment.made_up,
        ),
        EstimatedDue::Hour(appointment) => (
            format!(
                "{}, {}",
                appointment.due_at.format("%H:%M"),
                text::weekday_date(appointment.due_at.date())
            ),
            appointment.reception,
            appointment.skipped,
            appointment.made_up,
        ),
    };

    view! {
        <div class="estimate">
            <p>
                {if received { "Ngày hẹn trả kết quả: " } else { "Nếu nộp bây giờ, ngày hẹn trả kết quả dự kiến: " }}
                <strong>{when}</strong>
            </p>
            <details>
                <summary>"Cách tính ngày hẹn"</summary>
                <ReceptionLine reception />
                <DayList title="Không tính các ngày nghỉ:" days=skipped_days(skipped) />
                <DayList title="Có tính ngày làm việc bù:" days=made_up_days(made_up) />
                <p class="muted">"Thời hạn tính theo ngày làm việc, không kể thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết."</p>
            </details>
        </div>
    }
}

#[component]
fn ReceptionLine(reception: Reception) -> impl IntoView {
    let moved = reception.moved.map(|moved| format!(" ({})", moved.text()));

    view! { <p>"Ngày tiếp nhận: " {text::weekday_date(reception.received_on)} {moved}</p> }
}

/// Days named in an explanation, each with why it is there when the
/// weekday alone does not say it.
#[component]
fn DayList(title: &'static str, days: Vec<(NaiveDate, Option<String>)>) -> impl IntoView {
    (!days.is_empty()).then(|| {
        view! {
            <p>{title}</p>
            <ul class="explained-days">
                {days
                    .into_iter()
                    .map(|(date, why)| {
                        let why = why.map(|why| format!(": {why}"));
                        view! { <li>{text::weekday_date(date)} {why}</li> }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

fn skipped_days(skipped: Vec<SkippedDay>) -> Vec<(NaiveDate, Option<String>)> {
    skipped
        .into_iter()
        .map(|day| match day.reason {
            DayOffReason::Holiday(name) => (day.date, Some(name)),
            DayOffReason::Saturday | DayOffReason::Sunday => (day.date, None),
        })
        .collect()
}

fn made_up_days(made_up: Vec<MadeUpDay>) -> Vec<(NaiveDate, Option<String>)> {
    made_up.into_iter().map(|day| (day.date, Some(day.name))).collect()
}
