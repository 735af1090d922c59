//! `POST /can-bo/ho-so/<key>/ket-qua`: the specialist uploads the result
//! document, a plain multipart form that works without JavaScript. The file
//! is checked like every upload and kept out of the applicant's store until
//! the desk returns it online.

use axum::extract::multipart::Multipart;
use axum::extract::{Extension, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::api::ssr::{AtStep, at_step_of, optional_note, record_result};
use crate::account::Role;
use crate::account::caller::caller_of;
use crate::dossier::save::{drain, read_text};
use crate::error::AppError;
use crate::server::{ClientAddress, ServerContext, database_error};
use crate::store::file::{StoredFile, UploadError};
use crate::store::{Owner, RESULT_KIND};

/// What the form sent.
#[derive(Default)]
struct Posted {
    step: Option<usize>,
    note: String,
    file: Option<Result<StoredFile, UploadError>>,
}

pub async fn upload(
    State(context): State<ServerContext>,
    session: Session,
    address: Option<Extension<ClientAddress>>,
    Path(key): Path<String>,
    multipart: Multipart,
) -> Response {
    let address = address.map(|Extension(address)| address.0);
    let received = tokio::time::timeout(
        crate::dossier::save::FORM_TIME_LIMIT,
        store(&context, &session, &key, address, multipart),
    )
    .await
    .unwrap_or_else(|_| {
        Err(AppError::InvalidInput("Tải tệp quá lâu. Vui lòng kiểm tra kết nối mạng và thử lại.".to_string()))
    });
    match received {
        Ok(()) => Redirect::to(&format!("/can-bo/ho-so/{key}")).into_response(),
        Err(AppError::SignInRequired) => Redirect::to("/dang-nhap").into_response(),
        Err(error) => {
            let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], error.message()).into_response()
        }
    }
}

async fn store(
    context: &ServerContext,
    session: &Session,
    key: &str,
    address: Option<String>,
    multipart: Multipart,
) -> Result<(), AppError> {
    let caller = caller_of(context, session).await?;
    let officer = caller.officer_with(&[Role::Specialist])?.clone();

    let posted = receive(context, multipart).await;
    let file = match posted.file {
        Some(Ok(file)) => file,
        Some(Err(error)) => return Err(AppError::InvalidInput(error.message())),
        None => {
            return Err(AppError::InvalidInput(
                "Vui lòng chọn tệp kết quả (PDF, JPEG hoặc PNG).".to_string(),
            ));
        }
    };
    let Some(step) = posted.step else {
        return Err(AppError::InvalidInput("Biểu mẫu thiếu bước xử lý. Vui lòng tải lại trang.".to_string()));
    };
    let note = optional_note(&posted.note)?;

    let at = at_step_of(context.clone(), officer, key, step, address).await?;
    let document = create_document(&at, &file).await?;
    record_result(&at, Some(&document), false, note.as_deref()).await
}

/// The result as a document of the applicant's (or their business's)
/// store, not yet shown there.
async fn create_document(at: &AtStep, file: &StoredFile) -> Result<String, AppError> {
    let owner = match &at.row.organisation {
        Some(tax_code) => Owner { table: "organisation".into(), key: tax_code.clone() },
        None => Owner { table: "person".into(), key: at.row.applicant.clone() },
    };
    let code = at.row.code.clone().unwrap_or_default();
    let title = format!("Kết quả giải quyết hồ sơ {code}");
    crate::store::stored::create(
        &at.context.db,
        crate::store::stored::NewDocument {
            owner: &owner,
            uploaded_by: &Owner { table: "officer".into(), key: at.officer.key.clone() },
            in_store: false,
            kind: RESULT_KIND,
            title: &title,
            sha256: &file.sha256,
            size: file.size,
            media_type: file.media_type.stored(),
        },
    )
    .await
    .map_err(|error| database_error("store result document", error))
}

async fn receive(context: &ServerContext, mut multipart: Multipart) -> Posted {
    let mut posted = Posted::default();
    while let Ok(Some(part)) = multipart.next_field().await {
        match part.name().unwrap_or_default() {
            "tep" if posted.file.is_none() && part.file_name().is_some_and(|name| !name.is_empty()) => {
                posted.file = Some(context.files.receive(part).await);
            }
            "step" => posted.step = read_text(part).await.parse().ok(),
            "note" => posted.note = read_text(part).await,
            _ => drain(part).await,
        }
    }
    posted
}
