//! Server functions of the one-stop desk. Only desk officers decide; the
//! agency's leaders may look. Every function checks that the dossier is the
//! officer's agency's before reading or changing it.

use leptos::prelude::*;

use super::{DeskDossier, QueueItem};
use crate::error::AppError;

/// The officer's agency's dossiers waiting for reception, oldest first.
#[server(endpoint = "mot-cua/hang-doi")]
pub async fn desk_queue() -> Result<Vec<QueueItem>, AppError> {
    use crate::account::Role;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let officer = caller.officer_with(&[Role::DeskOfficer, Role::Leader])?;

    super::stored::queue(&context.db, &officer.agency)
        .await
        .map_err(|error| crate::server::database_error("desk queue", error))
}

/// A submitted dossier of the officer's agency, with everything the check
/// of completeness needs.
#[server(endpoint = "mot-cua/ho-so")]
pub async fn load_desk_dossier(key: String) -> Result<DeskDossier, AppError> {
    use crate::account::Role;
    use crate::server::database_error;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let officer = caller.officer_with(&[Role::DeskOfficer, Role::Specialist, Role::Leader])?;

    let row = agency_dossier(&context.db, &officer.agency, &key).await?;
    let progress = crate::processing::api::ssr::progress_of(&context.db, officer, &row).await?;
    let handovers = crate::processing::stored::handovers(&context.db, &row.key)
        .await
        .map_err(|error| database_error("read handovers", error))?;
    let form = crate::dossier::access::form_for(&context.db, &row.procedure).await?;
    let documents = crate::store::stored::attachments(&context.db, &row.key)
        .await
        .map_err(|error| database_error("read attachments", error))?;
    let labelled = documents
        .into_iter()
        .map(|(slot, document)| {
            (form.document(&slot).map(|field| field.label.clone()).unwrap_or(slot), document)
        })
        .collect();
    let history = crate::dossier::stored::history(&context.db, &row.key)
        .await
        .map_err(|error| database_error("read history", error))?;
    let decided: Vec<_> = history.iter().map(|entry| entry.status).collect();
    let answers = row.answers();
    let unit_names = crate::dossier::api::unit_names(&context.db, &answers).await?;
    let applicant_name = super::stored::applicant_name(&context.db, &row.key)
        .await
        .map_err(|error| database_error("read applicant", error))?;

    Ok(DeskDossier {
        key: row.key.clone(),
        code: row.code.clone().unwrap_or_default(),
        procedure: row.procedure.clone(),
        procedure_name: row.procedure_name.clone(),
        status: row.status(),
        channel: row.channel(),
        applicant_name,
        submitted_at: row.submitted_at.clone(),
        due_on: row.due_on.clone(),
        desk_note: row.desk_note.clone(),
        answers: crate::eform::display::answer_lines(&form, &answers, &unit_names),
        documents: labelled,
        history,
        progress,
        handovers,
        reckoning: row.due_reckoning.as_deref().and_then(|text| serde_json::from_str(text).ok()),
        slips: crate::slip::build::available(&row, &decided, true),
    })
}

/// Receives a complete dossier: it gets its reception time and the
/// appointment date its procedure's processing time gives on the working
/// calendar.
#[server(endpoint = "mot-cua/tiep-nhan")]
pub async fn receive_dossier(key: String) -> Result<(), AppError> {
    use crate::dossier::Action;

    decide(key, Action::Receive, None).await
}

/// Asks the applicant for what is missing or wrong, every item at once.
#[server(endpoint = "mot-cua/yeu-cau-bo-sung")]
pub async fn request_supplement(key: String, items: String) -> Result<(), AppError> {
    use crate::dossier::Action;

    let items = required_note(&items, "Vui lòng ghi rõ từng giấy tờ, nội dung cần bổ sung và lý do.")?;
    decide(key, Action::RequestSupplement, Some(items)).await
}

/// Refuses the dossier, with the reason the applicant will read.
#[server(endpoint = "mot-cua/tu-choi")]
pub async fn refuse_dossier(key: String, reason: String) -> Result<(), AppError> {
    use crate::dossier::Action;

    let reason = required_note(&reason, "Vui lòng ghi rõ lý do từ chối tiếp nhận hồ sơ.")?;
    decide(key, Action::Refuse, Some(reason)).await
}

#[cfg(feature = "ssr")]
fn required_note(text: &str, missing: &str) -> Result<String, AppError> {
    let note = crate::text::composed(text.trim());
    if note.is_empty() {
        return Err(AppError::InvalidInput(missing.to_string()));
    }
    if note.chars().count() > super::MAX_NOTE_CHARS {
        return Err(AppError::InvalidInput(format!("Nội dung không quá {} ký tự.", super::MAX_NOTE_CHARS)));
    }
    Ok(note)
}

/// A dossier of the agency that the desk may see: submitted at least once.
/// Another agency's, or a draft, answers "not found".
#[cfg(feature = "ssr")]
pub(crate) async fn agency_dossier(
    db: &crate::server::Db,
    agency: &str,
    key: &str,
) -> Result<crate::dossier::stored::DossierRow, AppError> {
    if !crate::store::is_plausible_key(key) {
        return Err(AppError::NotFound);
    }
    let row = crate::dossier::stored::load(db, key)
        .await
        .map_err(|error| crate::server::database_error("load dossier", error))?
        .ok_or(AppError::NotFound)?;
    if row.agency.as_deref() != Some(agency) || row.status() == crate::dossier::DossierStatus::Draft {
        return Err(AppError::NotFound);
    }
    Ok(row)
}

/// One desk decision: checked against the dossier's state, applied only from
/// that state, recorded with who and when.
#[cfg(feature = "ssr")]
async fn decide(key: String, action: crate::dossier::Action, note: Option<String>) -> Result<(), AppError> {
    use crate::account::Role;
    use crate::server::database_error;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let officer = caller.officer_with(&[Role::DeskOfficer])?;

    let row = agency_dossier(&context.db, &officer.agency, &key).await?;
    let from = row.status();
    let to = from.after(action).map_err(|_| already_handled(from))?;

    let (due_on, reckoning) = if action == crate::dossier::Action::Receive {
        appointment(&context.db, &row).await?
    } else {
        (None, None)
    };
    let workflow = if action == crate::dossier::Action::Receive {
        let template = crate::processing::stored::workflow_for(&context.db, &row.procedure)
            .await
            .map_err(|error| database_error("read workflow", error))?;
        let departments = crate::admin::department::stored::of_agency(&context.db, &officer.agency)
            .await
            .map_err(|error| database_error("read departments", error))?;
        template.placed_in(&departments)
    } else {
        crate::processing::Workflow::standard()
    };
    let mut set = serde_json::Map::new();
    if action == crate::dossier::Action::Receive {
        set.insert("workflow".into(), serde_json::to_string(&workflow).unwrap_or_default().into());
        if let Some(due_on) = &due_on {
            set.insert("due_on".into(), due_on.clone().into());
        }
        if let Some(reckoning) = &reckoning {
            set.insert("due_reckoning".into(), reckoning.clone().into());
        }
    }

    let actor = officer.account();
    let address = crate::server::client_address().await;
    let code = row.code.clone().unwrap_or_default();
    let (audit_action, notice) = match action {
        crate::dossier::Action::Receive => (
            crate::audit::AuditAction::DossierReceived,
            match &due_on {
                Some(due) => format!(
                    "Hồ sơ {code} đã được tiếp nhận. Ngày hẹn trả kết quả: {}.",
                    crate::text::date(due)
                ),
                None => format!("Hồ sơ {code} đã được tiếp nhận."),
            },
        ),
        crate::dossier::Action::RequestSupplement => (
            crate::audit::AuditAction::SupplementRequested,
            format!("Hồ sơ {code} cần bổ sung. Vui lòng xem yêu cầu và nộp bổ sung."),
        ),
        _ => (
            crate::audit::AuditAction::DossierRefused,
            format!("Hồ sơ {code} không được tiếp nhận. Vui lòng xem lý do trên trang hồ sơ."),
        ),
    };
    let received = action == crate::dossier::Action::Receive;
    let decided = crate::processing::stored::advance(
        &context.db,
        &crate::processing::stored::Move {
            key: &row.key,
            agency: &officer.agency,
            from,
            from_step: None,
            to,
            to_step: received.then_some(0),
            workflow: &workflow,
            set,
            desk_note: Some(note.as_deref()),
            assignee: None,
            note: note.as_deref(),
            internal_note: None,
            actor: &actor,
            actor_name: &officer.full_name,
            audit_action,
            code: &code,
            address: address.as_deref(),
            notice: Some(notice),
            publish: None,
        },
    )
    .await
    .map_err(|error| database_error("desk decision", error))?;
    if !decided {
        let now = crate::dossier::stored::load(&context.db, &row.key)
            .await
            .map_err(|error| database_error("load dossier", error))?
            .map(|row| row.status())
            .unwrap_or(from);
        return Err(already_handled(now));
    }

    tracing::info!(dossier = %row.key, code = ?row.code, action = ?action, officer = %actor, due_on = ?due_on, "desk decision");
    Ok(())
}

#[cfg(feature = "ssr")]
fn already_handled(status: crate::dossier::DossierStatus) -> AppError {
    AppError::Conflict(format!(
        "Hồ sơ này đã được xử lý (trạng thái hiện tại: {}). Vui lòng tải lại trang.",
        status.label()
    ))
}

/// The appointment date a dossier received now gets: its channel's
/// processing time in working days or hours on the stored calendar. A
/// procedure that gives no such figure gets none rather than a guess.
#[cfg(feature = "ssr")]
async fn appointment(
    db: &crate::server::Db,
    row: &crate::dossier::stored::DossierRow,
) -> Result<(Option<String>, Option<String>), AppError> {
    use crate::procedure::detail::ChannelMethod;
    use crate::procedure::estimate::EstimatedDue;

    let Some(page) = crate::procedure::queries::page(db, &row.procedure).await? else {
        return Ok((None, None));
    };
    let method = match row.channel() {
        crate::dossier::Channel::Online => ChannelMethod::Online,
        crate::dossier::Channel::Desk => ChannelMethod::Direct,
        crate::dossier::Channel::Postal => ChannelMethod::Postal,
    };
    let Some(estimate) = page.estimates.into_iter().find(|estimate| estimate.method == method) else {
        return Ok((None, None));
    };

    let due_on = match &estimate.due {
        EstimatedDue::Day(appointment) => appointment.due_on,
        EstimatedDue::Hour(appointment) => appointment.due_at.date(),
    };
    let reckoning = serde_json::to_string(&estimate.due).ok();
    Ok((Some(due_on.format("%Y-%m-%d").to_string()), reckoning))
}
