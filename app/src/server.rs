//! What server functions reach on the server: the database and the portal's
//! own settings, provided to every request by the server binary.

use surrealdb::Surreal;
use surrealdb::engine::any::Any;

use crate::error::AppError;
use crate::procedure::overview_cache::OverviewCache;

/// A connection to the portal's database (embedded or remote).
pub type Db = Surreal<Any>;

/// The province this portal serves.
#[derive(Debug, Clone)]
pub struct Province {
    /// The national statistics office's code, e.g. `56`.
    pub code: String,
    /// The official name, e.g. `Tỉnh Khánh Hòa`.
    pub name: String,
}

/// Shared state every server function starts from.
#[derive(Debug, Clone)]
pub struct ServerContext {
    pub db: Db,
    pub province: Province,
    pub overview: OverviewCache,
    pub sessions: SessionPolicy,
    /// Where uploaded files are kept, and how large one may be.
    pub files: crate::store::file::FileStore,
    /// The portal's address as the public reaches it, for links printed on
    /// paper (the slips' QR codes).
    pub public_origin: String,
}

/// How long a session lasts: `idle` after its last request, and never
/// longer than `absolute` after sign-in.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    pub idle: std::time::Duration,
    pub absolute: std::time::Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            idle: std::time::Duration::from_secs(30 * 60),
            absolute: std::time::Duration::from_secs(12 * 60 * 60),
        }
    }
}

/// The network address a request came from, as the router worked it out
/// (the peer, or the proxy's `X-Forwarded-For` when it is trusted).
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

/// This request's client address, for the audit log.
pub async fn client_address() -> Option<String> {
    leptos_axum::extract::<axum::Extension<ClientAddress>>().await.ok().map(|address| address.0.0)
}

/// The procedures that apply in one province: the national ones and the
/// province's own, never another province's local procedures.
#[derive(Debug, Clone)]
pub struct CatalogueScope {
    pub province_code: String,
}

impl ServerContext {
    pub fn scope(&self) -> CatalogueScope {
        CatalogueScope { province_code: self.province.code.clone() }
    }
}

/// The request's server context. Its absence is a wiring fault of the binary,
/// reported to the user as an internal error.
pub fn context() -> Result<ServerContext, AppError> {
    leptos::prelude::use_context::<ServerContext>().ok_or_else(|| {
        tracing::error!("server context was not provided to the request");
        AppError::Internal
    })
}

/// The wall-clock time in Vietnam (UTC+7, no daylight saving), which is what
/// office hours, days off and appointment dates are reckoned in.
pub fn local_now() -> chrono::NaiveDateTime {
    let utc: chrono::DateTime<chrono::Utc> = chrono::DateTime::from(std::time::SystemTime::now());
    utc.naive_utc() + chrono::TimeDelta::hours(7)
}

/// Logs a database failure once, with its cause, and hides it from the user.
pub fn database_error(operation: &'static str, error: surrealdb::Error) -> AppError {
    tracing::error!(operation, error = %error, "database query failed");
    AppError::Internal
}

/// The value a transaction's `RETURN` gave: the last statement with a
/// value, since `COMMIT` and `LET` give none.
pub fn returned<T: serde::de::DeserializeOwned>(response: &mut surrealdb::IndexedResults) -> Option<T> {
    (0..response.num_statements())
        .rev()
        .find_map(|index| response.take::<Option<serde_json::Value>>(index).ok().flatten())
        .and_then(|value| serde_json::from_value(value).ok())
}
