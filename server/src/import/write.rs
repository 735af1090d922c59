//! The importer's writes: one record, one transaction.

use app::server::Db;
use serde::Serialize;
use surrealdb::IndexedResults;

/// Writes a record whole under `table:key`, replacing what was there.
pub async fn replace(
    db: &Db,
    table: &'static str,
    key: &str,
    content: &impl Serialize,
) -> Result<(), String> {
    let content = serde_json::to_value(content).map_err(|error| error.to_string())?;

    run(db
        .query("UPSERT type::record($table, $key) CONTENT $content")
        .bind(("table", table))
        .bind(("key", key.to_string()))
        .bind(("content", content)))
    .await
}

/// Sets the given fields of `table:key`, creating the record if needed, and
/// leaves its other fields as they are.
pub async fn merge(db: &Db, table: &'static str, key: &str, fields: &impl Serialize) -> Result<(), String> {
    let fields = serde_json::to_value(fields).map_err(|error| error.to_string())?;

    run(db
        .query("UPSERT type::record($table, $key) MERGE $fields")
        .bind(("table", table))
        .bind(("key", key.to_string()))
        .bind(("fields", fields)))
    .await
}

/// Runs a write (often a whole transaction) and returns the reason it
/// failed. In a failed transaction every statement reports an error; the
/// cause is the one that is not about the transaction having failed.
pub async fn run(query: surrealdb::method::Query<'_, surrealdb::engine::any::Any>) -> Result<(), String> {
    let mut response: IndexedResults = query.await.map_err(|error| error.to_string())?;
    let mut errors: Vec<(usize, surrealdb::Error)> = response.take_errors().into_iter().collect();
    errors.sort_by_key(|(index, _)| *index);

    let cause = errors.iter().find(|(_, error)| !error.is_query()).or_else(|| errors.first());
    match cause {
        Some((_, error)) => Err(error.to_string()),
        None => Ok(()),
    }
}
