//! The desk's reads and its guarded decisions.

use serde_json::Value as Json;

use super::QueueItem;
use crate::dossier::Channel;
use std::future::IntoFuture;

use crate::dossier::stored::until_settled;
use crate::server::Db;

/// Submitted dossiers of an agency, oldest first: first come, first checked.
pub async fn queue(db: &Db, agency: &str) -> Result<Vec<QueueItem>, surrealdb::Error> {
    let mut response = db
        .query(
            "SELECT record::id(id) AS key, code, procedure_name, channel,
                    time::format(submitted_at + 7h, '%d/%m/%Y %H:%M') AS submitted_at, submitted_at AS sort
             FROM dossier WHERE agency = type::record('agency', $agency) AND status = 'submitted'
             ORDER BY sort ASC LIMIT 200",
        )
        .bind(("agency", agency.to_string()))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let text = |name: &str| row.get(name).and_then(Json::as_str).map(str::to_string);
            Some(QueueItem {
                key: text("key")?,
                code: text("code")?,
                procedure_name: text("procedure_name")?,
                channel: Channel::from_stored(&text("channel")?)?,
                submitted_at: text("submitted_at").unwrap_or_default(),
            })
        })
        .collect())
}

/// One decision of the desk, to be applied only if the dossier is still in
/// `from` and belongs to `agency`.
pub struct Decision<'a> {
    pub key: &'a str,
    pub agency: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    pub note: Option<&'a str>,
    pub due_on: Option<&'a str>,
    pub due_reckoning: Option<&'a str>,
    pub actor: &'a str,
    /// For the audit log, in the same transaction.
    pub actor_name: &'a str,
    pub audit_action: crate::audit::AuditAction,
    pub code: &'a str,
    pub address: Option<&'a str>,
}

/// Applies a decision and records it in the dossier's history and the
/// audit log, all or nothing. Answers false when someone else decided first (or the dossier
/// is not the agency's): the caller says so to the officer.
pub async fn decide(db: &Db, decision: &Decision<'_>) -> Result<bool, surrealdb::Error> {
    let committed = until_settled("already-handled", || {
        db.query(
            "BEGIN TRANSACTION;
                 LET $dossier = type::record('dossier', $key);
                 IF $dossier.status != $from OR $dossier.agency != type::record('agency', $agency) {
                     THROW 'already-handled'
                 };
                 UPDATE $dossier SET status = $to, desk_note = $note, updated_at = time::now(),
                     received_at = IF $to = 'received' { time::now() } ELSE { received_at },
                     due_on = IF $due_on = NONE { due_on } ELSE { $due_on },
                     due_reckoning = IF $due_reckoning = NONE { due_reckoning } ELSE { $due_reckoning };
                 CREATE dossier_event SET dossier = $dossier, status = $to, note = $note, actor = $actor;
                 CREATE audit CONTENT {
                     actor: $actor, actor_name: $actor_name, action: $audit_action,
                     target: $code, detail: $note, address: $address
                 };
                 COMMIT TRANSACTION;",
        )
        .bind(("key", decision.key.to_string()))
        .bind(("agency", decision.agency.to_string()))
        .bind(("from", decision.from.to_string()))
        .bind(("to", decision.to.to_string()))
        .bind(("note", decision.note.map(str::to_string)))
        .bind(("due_on", decision.due_on.map(str::to_string)))
        .bind(("due_reckoning", decision.due_reckoning.map(str::to_string)))
        .bind(("actor", decision.actor.to_string()))
        .bind(("actor_name", decision.actor_name.to_string()))
        .bind(("audit_action", decision.audit_action.as_stored()))
        .bind(("code", decision.code.to_string()))
        .bind(("address", decision.address.map(str::to_string)))
        .into_future()
    })
    .await?;
    Ok(committed.is_some())
}

/// The applicant's name, for the desk.
pub async fn applicant_name(db: &Db, dossier: &str) -> Result<String, surrealdb::Error> {
    let mut response = db
        .query("SELECT VALUE applicant.full_name FROM type::record('dossier', $key)")
        .bind(("key", dossier.to_string()))
        .await?;
    let names: Vec<Option<String>> = response.take(0)?;
    Ok(names.into_iter().flatten().next().unwrap_or_default())
}
