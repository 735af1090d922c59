//! Server functions of the data store: the owner's documents, describing
//! one, deleting one.

use leptos::prelude::*;

use super::StoredDocument;
use crate::error::AppError;

/// The documents in the signed-in account's store (their business's for a
/// representative).
#[server(endpoint = "kho-du-lieu/danh-sach")]
pub async fn my_documents() -> Result<Vec<StoredDocument>, AppError> {
    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let person = caller.person()?;

    let owner = crate::dossier::access::store_owner(person);
    super::stored::of_owner(&context.db, &owner)
        .await
        .map_err(|error| crate::server::database_error("list documents", error))
}

/// Renames a document and records its issue and expiry dates.
#[server(endpoint = "kho-du-lieu/sua")]
pub async fn describe_document(
    key: String,
    title: String,
    issued_on: String,
    expires_on: String,
) -> Result<(), AppError> {
    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let person = caller.person()?;

    own_document(&context, person, &key).await?;
    let title = crate::text::composed(title.trim());
    if title.is_empty() || title.chars().count() > 200 {
        return Err(AppError::InvalidInput("Tên giấy tờ không được để trống và không quá 200 ký tự.".into()));
    }
    let issued_on = optional_date(&issued_on, "Ngày cấp")?;
    let expires_on = optional_date(&expires_on, "Ngày hết hạn")?;
    if let (Some(issued), Some(expires)) = (&issued_on, &expires_on)
        && expires < issued
    {
        return Err(AppError::InvalidInput("Ngày hết hạn không được trước ngày cấp.".into()));
    }

    super::stored::describe(&context.db, &key, &title, issued_on, expires_on)
        .await
        .map_err(|error| crate::server::database_error("describe document", error))?;
    tracing::info!(document = %key, "document described");
    Ok(())
}

/// Deletes a document from the store. Drafts lose it; submitted dossiers
/// keep it, since what was submitted cannot change.
#[server(endpoint = "kho-du-lieu/xoa")]
pub async fn delete_document(key: String) -> Result<(), AppError> {
    use super::stored::Removal;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let person = caller.person()?;

    own_document(&context, person, &key).await?;
    let removal = super::stored::remove(&context.db, &key)
        .await
        .map_err(|error| crate::server::database_error("delete document", error))?;
    match removal {
        Removal::Deleted { orphaned_file: Some(sha256) } => {
            if let Err(error) = context.files.remove(&sha256).await {
                tracing::warn!(document = %key, error = %error, "document deleted but its file could not be removed");
            }
            tracing::info!(document = %key, "document and its file deleted");
        }
        Removal::Deleted { orphaned_file: None } => tracing::info!(document = %key, "document deleted"),
        Removal::KeptForDossiers => {
            tracing::info!(document = %key, "document left the store; submitted dossiers keep it")
        }
    }
    Ok(())
}

#[cfg(feature = "ssr")]
async fn own_document(
    context: &crate::server::ServerContext,
    person: &crate::account::stored::Person,
    key: &str,
) -> Result<super::stored::DocumentAccess, AppError> {
    if !super::is_plausible_key(key) {
        return Err(AppError::NotFound);
    }
    let access = super::stored::access(&context.db, key)
        .await
        .map_err(|error| crate::server::database_error("read document", error))?;
    match access {
        Some(access) if access.in_store && access.owner == crate::dossier::access::store_owner(person) => {
            Ok(access)
        }
        _ => Err(AppError::NotFound),
    }
}

#[cfg(feature = "ssr")]
fn optional_date(value: &str, label: &str) -> Result<Option<String>, AppError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    crate::eform::validate::parse_date(value)
        .map(|date| Some(date.format("%Y-%m-%d").to_string()))
        .ok_or_else(|| {
            AppError::InvalidInput(format!("{label} không hợp lệ, vui lòng nhập theo dạng ngày/tháng/năm."))
        })
}
