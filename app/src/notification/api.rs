//! Server functions of notifications; a person reads only their own (or
//! their business's).

use leptos::prelude::*;

use super::Notification;
use crate::error::AppError;

/// The newest notifications first, at most 50.
#[server(endpoint = "thong-bao/danh-sach")]
pub async fn notifications() -> Result<Vec<Notification>, AppError> {
    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let person = caller.person()?;
    let owner = crate::dossier::access::store_owner(person);

    ssr::of_recipient(&context.db, &owner)
        .await
        .map_err(|error| crate::server::database_error("notifications", error))
}

/// Marks every notification read.
#[server(endpoint = "thong-bao/da-doc")]
pub async fn mark_read() -> Result<(), AppError> {
    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let person = caller.person()?;
    let owner = crate::dossier::access::store_owner(person);

    ssr::mark_read(&context.db, &owner)
        .await
        .map_err(|error| crate::server::database_error("mark notifications", error))
}

#[cfg(feature = "ssr")]
mod ssr {
    use serde_json::Value as Json;

    use super::Notification;
    use crate::server::Db;
    use crate::store::Owner;

    pub async fn of_recipient(db: &Db, owner: &Owner) -> Result<Vec<Notification>, surrealdb::Error> {
        let mut response = db
            .query(
                "SELECT record::id(id) AS key, record::id(dossier) AS dossier, code, text, read,
                        time::format(at + 7h, '%d/%m/%Y %H:%M') AS at_text, at
                 FROM notification WHERE recipient = type::record($table, $key) ORDER BY at DESC LIMIT 50",
            )
            .bind(("table", owner.table.clone()))
            .bind(("key", owner.key.clone()))
            .await?;
        let rows: Vec<Json> = response.take(0)?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                let text = |name: &str| row.get(name).and_then(Json::as_str).map(str::to_string);
                Some(Notification {
                    key: text("key")?,
                    dossier: text("dossier")?,
                    code: text("code"),
                    text: text("text")?,
                    at: text("at_text")?,
                    read: row.get("read").and_then(Json::as_bool).unwrap_or(false),
                })
            })
            .collect())
    }

    pub async fn mark_read(db: &Db, owner: &Owner) -> Result<(), surrealdb::Error> {
        db.query("UPDATE notification SET read = true WHERE recipient = type::record($table, $key) AND read = false")
            .bind(("table", owner.table.clone()))
            .bind(("key", owner.key.clone()))
            .await?
            .check()?;
        Ok(())
    }
}
