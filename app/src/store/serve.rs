//! `GET /kho-du-lieu/tep/<key>`: a stored document's file, to its owner and
//! to the applicants of the dossiers that use it, always as a download with
//! the type its content was checked to be.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use crate::account::caller::{Caller, caller_of};
use crate::error::AppError;
use crate::server::{ServerContext, database_error};
use crate::store::file::MediaType;

pub async fn download(
    State(context): State<ServerContext>,
    session: Session,
    Path(key): Path<String>,
) -> Response {
    match file_response(&context, &session, &key).await {
        Ok(response) => response,
        Err(error) => {
            let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], error.message()).into_response()
        }
    }
}

async fn file_response(context: &ServerContext, session: &Session, key: &str) -> Result<Response, AppError> {
    if !super::is_plausible_key(key) {
        return Err(AppError::NotFound);
    }
    let caller = caller_of(context, session).await?;
    let access = super::stored::access(&context.db, key)
        .await
        .map_err(|error| database_error("read document", error))?;
    let access = access.ok_or(AppError::NotFound)?;

    if !may_read(context, &caller, &access).await? {
        return Err(if matches!(caller, Caller::Anonymous) {
            AppError::SignInRequired
        } else {
            AppError::NotFound
        });
    }

    let media_type = MediaType::from_stored(&access.media_type).ok_or(AppError::Internal)?;
    let Some(path) = context.files.path_of(&access.sha256) else {
        tracing::error!(document = key, sha256 = %access.sha256, "a stored document's file is missing");
        return Err(AppError::Internal);
    };
    let file = tokio::fs::File::open(&path).await.map_err(|error| {
        tracing::error!(document = key, error = %error, "cannot open a stored file");
        AppError::Internal
    })?;
    let length = file.metadata().await.map(|metadata| metadata.len()).ok();

    let mut response = Body::from_stream(tokio_util::io::ReaderStream::new(file)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type.mime()));
    if let Some(length) = length {
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    if let Ok(disposition) = HeaderValue::from_str(&disposition(&access.title, media_type)) {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    tracing::info!(document = key, "stored file served");
    Ok(response)
}

/// The owner of the store it is in, the applicant of a dossier using it, or
/// an officer of the agency such a dossier was submitted to.
async fn may_read(
    context: &ServerContext,
    caller: &Caller,
    access: &super::stored::DocumentAccess,
) -> Result<bool, AppError> {
    if let Caller::Officer(officer) = caller {
        return officer_may_read(context, officer, access).await;
    }
    let Caller::Person(person) = caller else { return Ok(false) };
    // A result reaches its owner when it is returned, not while the agency
    // still works on it.
    let withheld = access.kind == super::RESULT_KIND && !access.in_store;
    if access.owner == crate::dossier::access::store_owner(person) && !withheld {
        return Ok(true);
    }

    for dossier in &access.dossiers {
        if crate::dossier::access::own_dossier(&context.db, person, dossier).await.is_ok() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// An officer reads the documents of dossiers submitted to their agency,
/// and the scans of a walk-in draft the desk is filling.
async fn officer_may_read(
    context: &ServerContext,
    officer: &crate::account::stored::Officer,
    access: &super::stored::DocumentAccess,
) -> Result<bool, AppError> {
    let caller = Caller::Officer(Box::new(officer.clone()));
    for dossier in &access.dossiers {
        if crate::dossier::access::fillable_dossier(&context.db, &caller, dossier).await.is_ok() {
            return Ok(true);
        }
    }
    for dossier in access.dossiers.iter().chain(&access.results) {
        let row = crate::dossier::stored::load(&context.db, dossier)
            .await
            .map_err(|error| database_error("load dossier", error))?;
        if row.is_some_and(|row| {
            row.agency.as_deref() == Some(officer.agency.as_str())
                && row.status() != crate::dossier::DossierStatus::Draft
        }) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `attachment`, with the title as the name: plain ASCII for old browsers
/// and the Vietnamese title percent-encoded for the others.
fn disposition(title: &str, media_type: MediaType) -> String {
    let extension = media_type.extension();
    let encoded: String = format!("{title}.{extension}")
        .bytes()
        .map(|byte| {
            if byte.is_ascii_alphanumeric() || b"-._".contains(&byte) {
                char::from(byte).to_string()
            } else {
                format!("%{byte:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"giay-to.{extension}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_download_name_is_plain_ascii_with_the_vietnamese_title_encoded() {
        let header = disposition("Giấy chứng sinh \"x\"", MediaType::Pdf);

        assert!(header.starts_with("attachment; filename=\"giay-to.pdf\"; filename*=UTF-8''Gi%E1%BA%A5y"));
        assert!(header.ends_with(".pdf"));
        assert!(header.is_ascii());
        assert!(!header[40..].contains('"'));
    }
}
