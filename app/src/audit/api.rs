use leptos::prelude::*;

use super::{AuditEntry, AuditFilter};
use crate::error::AppError;

/// The newest entries this many at a time.
pub const AUDIT_PAGE: u32 = 200;

/// The audit log, newest first, for administrators.
#[server(endpoint = "quan-tri/nhat-ky")]
pub async fn audit_log(filter: AuditFilter) -> Result<Vec<AuditEntry>, AppError> {
    use crate::account::Role;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    caller.officer_with(&[Role::ProvinceAdmin, Role::AgencyAdmin])?;

    let filter = AuditFilter {
        action: filter.action.filter(|action| !action.is_empty()),
        actor: filter
            .actor
            .map(|actor| actor.trim().chars().take(200).collect())
            .filter(|actor: &String| !actor.is_empty()),
    };
    super::stored::entries(&context.db, &filter, AUDIT_PAGE)
        .await
        .map_err(|error| crate::server::database_error("audit log", error))
}
