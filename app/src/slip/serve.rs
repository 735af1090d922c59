//! `GET /ho-so/<key>/phieu/<kind>.pdf`: a dossier's slip as a PDF, to its
//! applicant and to the officers of its agency; the control slip to the
//! officers only.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use super::SlipKind;
use crate::account::Role;
use crate::account::caller::{Caller, caller_of};
use crate::dossier::stored::DossierRow;
use crate::error::AppError;
use crate::server::ServerContext;

pub async fn download(
    State(context): State<ServerContext>,
    session: Session,
    Path((key, file)): Path<(String, String)>,
) -> Response {
    match pdf(&context, &session, &key, &file).await {
        Ok((kind, code, bytes)) => {
            let mut response = Body::from(bytes).into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            let name = format!("inline; filename=\"mau-{}-{}.pdf\"", kind.number(), code);
            if let Ok(disposition) = HeaderValue::from_str(&name) {
                headers.insert(header::CONTENT_DISPOSITION, disposition);
            }
            response
        }
        Err(error) => {
            let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], error.message()).into_response()
        }
    }
}

async fn pdf(
    context: &ServerContext,
    session: &Session,
    key: &str,
    file: &str,
) -> Result<(SlipKind, String, Vec<u8>), AppError> {
    let kind = file.strip_suffix(".pdf").and_then(SlipKind::from_slug).ok_or(AppError::NotFound)?;
    let caller = caller_of(context, session).await?;
    let (row, for_officer) = readable(context, &caller, key).await?;
    let decided = super::build::decisions(context, &row.key).await?;
    if !super::build::available(&row, &decided, for_officer).contains(&kind) {
        return Err(AppError::NotFound);
    }

    let slip = super::build::slip(context, &row, kind).await?;
    let rendered = tokio::task::spawn_blocking(move || super::pdf::render(&slip)).await.map_err(|error| {
        tracing::error!(error = %error, "slip rendering stopped");
        AppError::Internal
    })?;
    let bytes = rendered.map_err(|error| {
        tracing::error!(dossier = %row.key, kind = ?kind, error = %error, "slip could not be rendered");
        AppError::Internal
    })?;
    tracing::info!(dossier = %row.key, kind = ?kind, size = bytes.len(), "slip rendered");
    Ok((kind, row.code.clone().unwrap_or_default(), bytes))
}

/// The dossier if the caller may read its slips, and whether as an officer.
pub async fn readable(
    context: &ServerContext,
    caller: &Caller,
    key: &str,
) -> Result<(DossierRow, bool), AppError> {
    match caller {
        Caller::Officer(_) => {
            let officer = caller.officer_with(&[Role::DeskOfficer, Role::Specialist, Role::Leader])?;
            let row = crate::desk::api::agency_dossier(&context.db, &officer.agency, key).await?;
            Ok((row, true))
        }
        _ => {
            let person = caller.person()?;
            let row = crate::dossier::access::own_dossier(&context.db, person, key).await?;
            Ok((row, false))
        }
    }
}
