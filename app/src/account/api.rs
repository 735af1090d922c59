//! Server functions about the caller's own account.

use leptos::prelude::*;

use super::viewer::Viewer;
use crate::error::AppError;

/// The signed-in account, for the header and the homes; `None` when
/// anonymous. Open to everyone: it only ever describes the caller.
#[server(endpoint = "tai-khoan/toi")]
pub async fn who_am_i() -> Result<Option<Viewer>, AppError> {
    let caller = super::caller::caller().await?;

    Ok(caller.viewer())
}

/// Ends every session of the caller's account, on every device.
#[server(endpoint = "tai-khoan/dang-xuat-moi-noi")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    use crate::audit::AuditAction;
    use crate::audit::stored::{AuditEvent, record};

    let context = crate::server::context()?;
    let caller = super::caller::caller().await?;
    let Some(account) = caller.account() else { return Err(AppError::SignInRequired) };

    super::session_store::end_sessions_of(&context.db, &account)
        .await
        .map_err(|error| crate::server::database_error("end sessions", error))?;
    let address = crate::server::client_address().await;
    let name = caller.name();
    let event = AuditEvent {
        actor: &account,
        actor_name: name.as_deref(),
        action: AuditAction::SignedOutEverywhere,
        target: None,
        detail: None,
        address: address.as_deref(),
    };
    record(&context.db, event).await.map_err(|error| crate::server::database_error("audit", error))?;
    tracing::info!("signed out everywhere");
    leptos_axum::redirect("/");
    Ok(())
}
