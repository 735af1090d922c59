//! The dossier page's data, put together from the dossier, its form, its
//! attachments and the applicant's data store.

use std::collections::BTreeSet;

use super::access::{Filler, form_for};
use super::stored::{self, DossierRow};
use super::{DossierPage, DossierStatus, Slot};
use crate::eform::answers::part_path;
use crate::eform::{FieldKind, Form, Item};
use crate::error::AppError;
use crate::server::{ServerContext, database_error};
use crate::store::stored as documents;

/// The page for whoever fills the dossier. For a desk officer the form
/// asks for every answer (no account vouches for any), offers nothing from
/// the applicant's store, and keeps the desk's own agency.
pub async fn dossier_page(
    context: &ServerContext,
    filler: &Filler,
    row: DossierRow,
) -> Result<DossierPage, AppError> {
    let db = &context.db;
    let form = form_for(db, &row.procedure).await?;
    let form = if filler.vouches() { form } else { without_prefill(form) };
    let draft = row.status().editable_by_applicant();
    let mut answers = row.answers();
    if draft && filler.vouches() {
        super::save::prefill(&form, filler.applicant(), &mut answers);
    }

    let attached = documents::attachments(db, &row.key)
        .await
        .map_err(|error| database_error("read attachments", error))?;
    let kinds: Vec<String> = form.documents().map(|document| document.component.clone()).collect();
    let offers = if draft && !filler.is_desk() {
        documents::offers(db, &filler.store_owner(), kinds)
            .await
            .map_err(|error| database_error("read offers", error))?
    } else {
        Vec::new()
    };
    let slots = form
        .documents()
        .map(|document| Slot {
            id: document.id.clone(),
            attached: attached
                .iter()
                .find(|(slot, _)| slot == &document.id)
                .map(|(_, stored)| stored.clone()),
            offers: offers.iter().filter(|offer| offer.kind == document.component).cloned().collect(),
        })
        .collect();

    let (agencies, provinces, communes) = if draft {
        let mut wanted: BTreeSet<String> = BTreeSet::from([context.province.code.clone()]);
        for field in form.fields().filter(|field| matches!(field.kind, FieldKind::Address)) {
            let chosen = answers.get(&part_path(&field.id, "tinh"));
            if !chosen.is_empty() {
                wanted.insert(chosen.to_string());
            }
        }
        let mut communes = Vec::new();
        for province in wanted {
            let list = super::api::communes_of(db, &province).await?;
            communes.push((province, list));
        }
        let mut agencies = super::api::agencies_for(db, &row.procedure).await?;
        if filler.is_desk() {
            agencies.retain(|agency| row.agency.as_deref() == Some(agency.code.as_str()));
        }
        (agencies, super::api::provinces(db).await?, communes)
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };

    let history =
        stored::history(db, &row.key).await.map_err(|error| database_error("read history", error))?;
    let unit_names = super::api::unit_names(db, &answers).await?;
    // The result reaches the applicant once returned online.
    let result = match (&row.result_document, row.status(), row.delivery.as_deref()) {
        (Some(document), DossierStatus::Returned, Some("online")) => {
            crate::store::stored::one(&context.db, document)
                .await
                .map_err(|error| crate::server::database_error("read result", error))?
        }
        _ => None,
    };

    let decided: Vec<DossierStatus> = history.iter().map(|entry| entry.status).collect();

    Ok(DossierPage {
        id: row.key.clone(),
        procedure: row.procedure.clone(),
        procedure_name: row.procedure_name.clone(),
        status: row.status(),
        channel: row.channel(),
        code: row.code.clone(),
        tracking_secret: row.tracking_secret.clone(),
        agency: row.agency.clone(),
        agency_name: row.agency_name.clone(),
        submitted_at: row.submitted_at.clone(),
        received_at: row.received_at.clone(),
        due_on: row.due_on.clone(),
        desk_note: row.desk_note.clone(),
        problems: row.problems(),
        form,
        answers,
        slots,
        agencies,
        provinces,
        communes,
        today: crate::server::local_now().date().format("%Y-%m-%d").to_string(),
        history,
        unit_names,
        upload_limit_mb: context.files.limit() / (1024 * 1024),
        new_due_on: row.new_due_on.clone(),
        apology_reason: row.apology_reason.clone(),
        returned_at: row.returned_at.clone(),
        delivery: row.delivery.as_deref().and_then(crate::processing::Delivery::from_stored),
        outcome: row.outcome.as_deref().and_then(crate::processing::Outcome::from_stored),
        result,
        reckoning: row.due_reckoning.as_deref().and_then(|text| serde_json::from_str(text).ok()),
        slips: crate::slip::build::available(&row, &decided, false),
    })
}

/// The form with no answer marked as coming from an account, so that each
/// shows as a question to answer.
fn without_prefill(mut form: Form) -> Form {
    for section in &mut form.sections {
        for item in &mut section.items {
            if let Item::Field(field) = item {
                field.prefill = None;
            }
        }
    }
    form
}
