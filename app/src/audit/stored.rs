use serde_json::Value as Json;

use super::{AuditAction, AuditEntry, AuditFilter};
use crate::server::Db;

/// One event to record.
pub struct AuditEvent<'a> {
    /// The acting account's record id, or `anonymous` / `system`.
    pub actor: &'a str,
    pub actor_name: Option<&'a str>,
    pub action: AuditAction,
    pub target: Option<&'a str>,
    pub detail: Option<&'a str>,
    pub address: Option<&'a str>,
}

/// Adds the event to the log. A failure is the caller's to handle: an
/// action that cannot be recorded should not go ahead silently.
pub async fn record(db: &Db, event: AuditEvent<'_>) -> Result<(), surrealdb::Error> {
    db.query(
        "CREATE audit CONTENT {
            actor: $actor, actor_name: $actor_name, action: $action,
            target: $target, detail: $detail, address: $address
        }",
    )
    .bind(("actor", event.actor.to_string()))
    .bind(("actor_name", event.actor_name.map(str::to_string)))
    .bind(("action", event.action.as_stored()))
    .bind(("target", event.target.map(str::to_string)))
    .bind(("detail", event.detail.map(str::to_string)))
    .bind(("address", event.address.map(str::to_string)))
    .await?
    .check()?;
    Ok(())
}

/// The newest entries first, at most `limit`.
pub async fn entries(db: &Db, filter: &AuditFilter, limit: u32) -> Result<Vec<AuditEntry>, surrealdb::Error> {
    let mut response = db
        .query(
            "SELECT time::format(at + 7h, '%Y-%m-%d %H:%M:%S') AS at, actor, actor_name, action, target, detail, address
             FROM audit
             WHERE ($action = NONE OR action = $action) AND ($actor = NONE OR actor = $actor OR actor_name = $actor)
             ORDER BY at DESC LIMIT $limit",
        )
        .bind(("action", filter.action.clone()))
        .bind(("actor", filter.actor.clone()))
        .bind(("limit", i64::from(limit)))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows.into_iter().filter_map(|row| serde_json::from_value(row).ok()).collect())
}
