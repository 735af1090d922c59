//! A dossier's slips from what is stored: which ones it has (a receipt once
//! received, a supplement request or refusal once decided, an apology once
//! a new date was set, the control slip once in processing), and each one's
//! fields.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value as Json;

use super::{Applicant, ControlStep, Slip, SlipDocument, SlipKind, SupplementItem};
use crate::dossier::DossierStatus;
use crate::dossier::stored::DossierRow;
use crate::error::AppError;
use crate::procedure::estimate::EstimatedDue;
use crate::server::{ServerContext, database_error};

/// The slips this dossier has, in the circular's order. The control slip
/// is the agency's own and is offered to officers only.
pub fn available(row: &DossierRow, decided: &[DossierStatus], for_officer: bool) -> Vec<SlipKind> {
    SlipKind::ALL
        .into_iter()
        .filter(|kind| match kind {
            SlipKind::Receipt => row.received_at.is_some(),
            SlipKind::Supplement => decided.contains(&DossierStatus::SupplementRequested),
            SlipKind::Refusal => row.status() == DossierStatus::Refused,
            SlipKind::Apology => row.new_due_on.is_some(),
            SlipKind::Control => for_officer && row.received_at.is_some(),
        })
        .collect()
}

/// The statuses the desk's decisions led to, for [`available`].
pub async fn decisions(context: &ServerContext, key: &str) -> Result<Vec<DossierStatus>, AppError> {
    let history = crate::dossier::stored::history(&context.db, key)
        .await
        .map_err(|error| database_error("read history", error))?;
    Ok(history.into_iter().map(|entry| entry.status).collect())
}

/// The slip of `kind` for a dossier that has it.
pub async fn slip(context: &ServerContext, row: &DossierRow, kind: SlipKind) -> Result<Slip, AppError> {
    let status = match kind {
        SlipKind::Receipt | SlipKind::Control => DossierStatus::Received,
        SlipKind::Supplement => DossierStatus::SupplementRequested,
        SlipKind::Refusal => DossierStatus::Refused,
        SlipKind::Apology => row.status(),
    };
    let (decided_at, officer) = decision(context, &row.key, status, kind == SlipKind::Apology).await?;
    let code = row.code.clone().unwrap_or_default();
    let applicant = crate::desk::stored::applicant_name(&context.db, &row.key)
        .await
        .map_err(|error| database_error("read applicant", error))?;
    let day_end = crate::calendar::stored::load(&context.db).await?.hours().day_end();
    let at_day_end =
        |day: &str| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok().map(|day| day.and_time(day_end));
    let agency = row.agency_name.clone().unwrap_or_default();
    let tracking_url = match (kind, &row.tracking_secret) {
        (SlipKind::Control, _) | (_, None) => format!("{}/tra-cuu?ma={code}", context.public_origin),
        (_, Some(secret)) => format!("{}/tra-cuu?ma={code}&ma-tra-cuu={secret}", context.public_origin),
    };

    let mut slip = Slip {
        kind,
        authority: agency.to_uppercase(),
        desk: "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ".to_string(),
        place: context.province.name.trim_start_matches("Tỉnh ").to_string(),
        issued_on: decided_at.map(|at| at.date()).unwrap_or_else(|| crate::server::local_now().date()),
        code: code.clone(),
        applicant: Applicant { name: applicant, ..Applicant::default() },
        procedure: row.procedure_name.clone(),
        received_at: row.received_at.as_deref().and_then(local_time),
        appointment_at: row.due_on.as_deref().and_then(at_day_end),
        new_appointment_at: row.new_due_on.as_deref().and_then(at_day_end),
        processing_time: row.due_reckoning.as_deref().and_then(processing_time),
        result_at: match row.channel() {
            crate::dossier::Channel::Online => {
                "Trực tuyến trên Cổng dịch vụ công, hoặc tại Bộ phận Một cửa".to_string()
            }
            _ => format!("Bộ phận Một cửa, {agency}"),
        },
        copies: Some(1),
        handler: agency.clone(),
        officer,
        tracking_url,
        ..Slip::default()
    };

    match kind {
        SlipKind::Receipt => slip.documents = documents(context, row).await?,
        SlipKind::Supplement => slip.items = items(row.desk_note.as_deref()),
        SlipKind::Refusal => slip.reason = row.desk_note.clone(),
        SlipKind::Apology => slip.reason = row.apology_reason.clone(),
        SlipKind::Control => slip.steps = steps(context, row).await?,
    }
    Ok(slip)
}

/// When the decision behind a slip was made, and by whom.
async fn decision(
    context: &ServerContext,
    key: &str,
    status: DossierStatus,
    apology: bool,
) -> Result<(Option<NaiveDateTime>, String), AppError> {
    let mut response = context
        .db
        .query(
            "SELECT time::format(at + 7h, '%d/%m/%Y %H:%M') AS at, actor_name, at AS sort FROM dossier_event
             WHERE dossier = type::record('dossier', $key) AND status = $status
                 AND ($apology = false OR action = 'apology_issued')
             ORDER BY sort DESC LIMIT 1",
        )
        .bind(("key", key.to_string()))
        .bind(("status", status.stored()))
        .bind(("apology", apology))
        .await
        .map_err(|error| database_error("read decision", error))?;
    let rows: Vec<Json> = response.take(0).map_err(|error| database_error("read decision", error))?;
    let row = rows.into_iter().next();
    let text =
        |name: &str| row.as_ref().and_then(|row| row.get(name)).and_then(Json::as_str).map(str::to_string);
    Ok((text("at").as_deref().and_then(local_time), text("actor_name").unwrap_or_default()))
}

/// A stored `dd/mm/yyyy hh:mm`.
fn local_time(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%d/%m/%Y %H:%M").ok()
}

/// "1 ngày làm việc", from the appointment's reckoning.
fn processing_time(reckoning: &str) -> Option<String> {
    match serde_json::from_str::<EstimatedDue>(reckoning).ok()? {
        EstimatedDue::Day(appointment) => Some(format!("{} ngày làm việc", appointment.working_days)),
        EstimatedDue::Hour(appointment) => Some(format!("{} giờ làm việc", appointment.working_hours)),
    }
}

async fn documents(context: &ServerContext, row: &DossierRow) -> Result<Vec<SlipDocument>, AppError> {
    let form = crate::dossier::access::form_for(&context.db, &row.procedure).await?;
    let attached = crate::store::stored::attachments(&context.db, &row.key)
        .await
        .map_err(|error| database_error("read attachments", error))?;
    Ok(attached
        .into_iter()
        .map(|(slot, document)| SlipDocument {
            note: format!("{}, {}", document.type_label(), document.size_label()),
            name: form.document(&slot).map(|field| field.label.clone()).unwrap_or(document.title),
            form: "Bản điện tử".to_string(),
        })
        .collect())
}

/// The desk's supplement request, one item a line.
fn items(note: Option<&str>) -> Vec<SupplementItem> {
    note.unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| SupplementItem { item: line.to_string(), ..SupplementItem::default() })
        .collect()
}

async fn steps(context: &ServerContext, row: &DossierRow) -> Result<Vec<ControlStep>, AppError> {
    let handovers = crate::processing::stored::handovers(&context.db, &row.key)
        .await
        .map_err(|error| database_error("read handovers", error))?;
    let outcome = row
        .outcome
        .as_deref()
        .and_then(crate::processing::Outcome::from_stored)
        .map(|outcome| outcome.label().to_string())
        .unwrap_or_default();
    let last = handovers.len().saturating_sub(1);
    Ok(handovers
        .into_iter()
        .enumerate()
        .filter_map(|(index, line)| {
            Some(ControlStep {
                handed_at: local_time(&line.at)?,
                outcome: if index == last { outcome.clone() } else { String::new() },
                note: [line.officer, line.note.unwrap_or_default()]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(": "),
                from: line.from,
                to: line.to,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(fields: serde_json::Value) -> DossierRow {
        let mut base = serde_json::json!({
            "key": "k", "procedure": "1.001193", "procedure_name": "Đăng ký khai sinh", "applicant": "p",
            "organisation": null, "agency": "ubnd-22366", "agency_name": "Ủy ban nhân dân Phường Nha Trang",
            "channel": "online", "status": "received", "answers": "{}", "problems": "{}",
            "code": "22366-261204-0001", "tracking_secret": "ABCDEFGH", "submitted_at": "04/12/2026 09:00"
        });
        if let (Some(base), Some(fields)) = (base.as_object_mut(), fields.as_object()) {
            base.extend(fields.clone());
        }
        serde_json::from_value(base).unwrap_or_else(|error| panic!("test row: {error}"))
    }

    #[test]
    fn each_slip_is_offered_once_its_decision_exists_and_the_control_slip_to_officers_only() {
        let received = row(serde_json::json!({ "received_at": "04/12/2026 10:00" }));
        let refused = row(serde_json::json!({ "status": "refused" }));
        let apologised =
            row(serde_json::json!({ "received_at": "04/12/2026 10:00", "new_due_on": "2026-12-20" }));
        use DossierStatus::*;

        assert_eq!(available(&received, &[Submitted, Received], false), vec![SlipKind::Receipt]);
        assert_eq!(
            available(&received, &[Submitted, Received], true),
            vec![SlipKind::Receipt, SlipKind::Control]
        );
        assert_eq!(available(&refused, &[Submitted, Refused], false), vec![SlipKind::Refusal]);
        assert_eq!(
            available(&received, &[Submitted, SupplementRequested, Submitted, Received], false),
            vec![SlipKind::Receipt, SlipKind::Supplement]
        );
        assert!(available(&apologised, &[Submitted, Received], false).contains(&SlipKind::Apology));
        assert!(available(&row(serde_json::json!({ "status": "submitted" })), &[Submitted], true).is_empty());
    }

    #[test]
    fn the_supplement_request_lists_one_item_a_line() {
        let listed = items(Some("Giấy chứng sinh bị mờ\n\n  Thiếu chữ ký của người đi khai  \n"));

        let names: Vec<_> = listed.iter().map(|item| item.item.as_str()).collect();
        assert_eq!(names, vec!["Giấy chứng sinh bị mờ", "Thiếu chữ ký của người đi khai"]);
        assert!(items(None).is_empty());
    }

    #[test]
    fn stored_local_times_are_read_back() {
        let at = local_time("04/12/2026 16:59");

        assert_eq!(
            at.map(|at| at.format("%Y-%m-%d %H:%M").to_string()),
            Some("2026-12-04 16:59".to_string())
        );
        assert_eq!(local_time("2026-12-04"), None);
    }
}
