//! The desk's reads and its guarded decisions.

use serde_json::Value as Json;

use super::QueueItem;
use crate::dossier::Channel;
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

/// The applicant's name, for the desk.
pub async fn applicant_name(db: &Db, dossier: &str) -> Result<String, surrealdb::Error> {
    let mut response = db
        .query("SELECT VALUE applicant.full_name FROM type::record('dossier', $key)")
        .bind(("key", dossier.to_string()))
        .await?;
    let names: Vec<Option<String>> = response.take(0)?;
    Ok(names.into_iter().flatten().next().unwrap_or_default())
}
