//! The printable page's server function: the same slip the PDF prints.

use leptos::prelude::*;

use super::Slip;
use crate::error::AppError;

/// The slip of `kind` (its URL name) of a dossier the caller may read.
#[server(endpoint = "phieu/xem")]
pub async fn load_slip(key: String, kind: String) -> Result<Slip, AppError> {
    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let kind = super::SlipKind::from_slug(&kind).ok_or(AppError::NotFound)?;

    let (row, for_officer) = super::serve::readable(&context, &caller, &key).await?;
    let decided = super::build::decisions(&context, &row.key).await?;
    if !super::build::available(&row, &decided, for_officer).contains(&kind) {
        return Err(AppError::NotFound);
    }
    super::build::slip(&context, &row, kind).await
}
