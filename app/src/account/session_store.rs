//! Sessions kept in the portal's own database, so they survive a restart
//! and every server of a cluster sees the same ones. The account a session
//! belongs to is kept beside it, which lets a revocation or "sign out
//! everywhere" end all of an account's sessions at once.

use tower_sessions::cookie::time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};

use crate::server::Db;

/// The session key holding the signed-in account's record id.
pub const ACCOUNT_KEY: &str = "account";

#[derive(Debug, Clone)]
pub struct SurrealSessionStore {
    db: Db,
}

impl SurrealSessionStore {
    pub fn new(db: Db) -> Self {
        SurrealSessionStore { db }
    }
}

/// Ends every session of one account.
pub async fn end_sessions_of(db: &Db, account: &str) -> Result<(), surrealdb::Error> {
    db.query("DELETE session WHERE account = $account")
        .bind(("account", account.to_string()))
        .await?
        .check()?;
    Ok(())
}

fn backend(error: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(error.to_string())
}

#[async_trait::async_trait]
impl SessionStore for SurrealSessionStore {
    /// Creates the record under a fresh id. `CREATE` refuses an id that is
    /// taken, so two sessions can never share one; the id is then drawn
    /// again.
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let data = serde_json::to_string(&record.data)
            .map_err(|error| session_store::Error::Encode(error.to_string()))?;
        let account = record.data.get(ACCOUNT_KEY).and_then(|value| value.as_str()).map(str::to_string);

        for _ in 0..8 {
            let created = self
                .db
                .query(
                    "CREATE type::record('session', $id) CONTENT {
                        data: $data, account: $account, expires_at: <datetime> $expires_at
                    }",
                )
                .bind(("id", record.id.to_string()))
                .bind(("data", data.clone()))
                .bind(("account", account.clone()))
                .bind(("expires_at", rfc3339(record.expiry_date)?))
                .await
                .and_then(|response| response.check());
            match created {
                Ok(_) => return Ok(()),
                Err(error) if error.is_already_exists() || error.to_string().contains("already exists") => {
                    record.id = Id::default();
                }
                Err(error) => return Err(backend(error)),
            }
        }
        Err(session_store::Error::Backend("no free session id after 8 draws".into()))
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let data = serde_json::to_string(&record.data)
            .map_err(|error| session_store::Error::Encode(error.to_string()))?;
        let account = record.data.get(ACCOUNT_KEY).and_then(|value| value.as_str()).map(str::to_string);

        self.db
            .query(
                "UPSERT type::record('session', $id) CONTENT {
                    data: $data, account: $account, expires_at: <datetime> $expires_at
                }",
            )
            .bind(("id", record.id.to_string()))
            .bind(("data", data))
            .bind(("account", account))
            .bind(("expires_at", rfc3339(record.expiry_date)?))
            .await
            .and_then(|response| response.check())
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let mut response = self
            .db
            .query(
                "SELECT data, <string> expires_at AS expires_at FROM type::record('session', $id)
                 WHERE expires_at > time::now()",
            )
            .bind(("id", id.to_string()))
            .await
            .map_err(backend)?;
        let rows: Vec<serde_json::Value> = response.take(0).map_err(backend)?;

        let Some(row) = rows.into_iter().next() else { return Ok(None) };
        let row: StoredSession =
            serde_json::from_value(row).map_err(|error| session_store::Error::Decode(error.to_string()))?;
        let data = serde_json::from_str(&row.data)
            .map_err(|error| session_store::Error::Decode(error.to_string()))?;
        let expiry_date = OffsetDateTime::parse(
            &row.expires_at,
            &tower_sessions::cookie::time::format_description::well_known::Rfc3339,
        )
        .map_err(|error| session_store::Error::Decode(error.to_string()))?;
        Ok(Some(Record { id: *id, data, expiry_date }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.db
            .query("DELETE type::record('session', $id)")
            .bind(("id", id.to_string()))
            .await
            .and_then(|response| response.check())
            .map_err(backend)?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl ExpiredDeletion for SurrealSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        self.db
            .query("DELETE session WHERE expires_at <= time::now()")
            .await
            .and_then(|response| response.check())
            .map_err(backend)?;
        Ok(())
    }
}

#[derive(serde::Deserialize)]
struct StoredSession {
    data: String,
    expires_at: String,
}

fn rfc3339(time: OffsetDateTime) -> session_store::Result<String> {
    time.format(&tower_sessions::cookie::time::format_description::well_known::Rfc3339)
        .map_err(|error| session_store::Error::Encode(error.to_string()))
}
