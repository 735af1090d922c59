use leptos::prelude::*;

use crate::calendar::{MadeUpDay, Reception, SkippedDay};
use crate::procedure::estimate::EstimatedDue;
use crate::text;

/// "If you submit now": the appointment a dossier received at this moment
/// would get, and how it was counted, for an applicant planning ahead.
#[component]
pub fn EstimateNote(due: EstimatedDue) -> impl IntoView {
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
            <p>"Nếu nộp bây giờ, ngày hẹn trả kết quả dự kiến: " <strong>{when}</strong></p>
            <details>
                <summary>"Cách tính ngày hẹn"</summary>
                <ReceptionLine reception />
                <SkippedList skipped />
                <MadeUpList made_up />
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

#[component]
fn SkippedList(skipped: Vec<SkippedDay>) -> impl IntoView {
    (!skipped.is_empty()).then(|| {
        view! {
            <p>"Không tính các ngày nghỉ:"</p>
            <ul class="skipped-days">
                {skipped
                    .into_iter()
                    .map(|day| {
                        let reason = match day.reason {
                            crate::calendar::DayOffReason::Holiday(name) => Some(format!(": {name}")),
                            _ => None,
                        };
                        view! { <li>{text::weekday_date(day.date)} {reason}</li> }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

#[component]
fn MadeUpList(made_up: Vec<MadeUpDay>) -> impl IntoView {
    (!made_up.is_empty()).then(|| {
        view! {
            <p>"Có tính ngày làm việc bù:"</p>
            <ul class="made-up-days">
                {made_up
                    .into_iter()
                    .map(|day| view! { <li>{text::weekday_date(day.date)} ": " {day.name}</li> })
                    .collect_view()}
            </ul>
        }
    })
}
