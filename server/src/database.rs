//! Opens the database the settings name, embedded or remote, and brings its
//! schema up to date.

use std::path::PathBuf;

use app::server::Db;
use surrealdb::opt::auth::Root;

use crate::config::Settings;

mod migrations;

pub use migrations::{MIGRATIONS, migrate};

#[derive(Debug, thiserror::Error)]
pub enum DatabaseError {
    #[error("cannot create the data folder {path}: {source}")]
    DataFolder { path: PathBuf, source: std::io::Error },

    #[error("cannot open the database at {endpoint}: {source}")]
    Connect { endpoint: String, source: Box<surrealdb::Error> },

    #[error("the database refused the credentials: {0}")]
    SignIn(Box<surrealdb::Error>),

    #[error("cannot select namespace and database: {0}")]
    Select(Box<surrealdb::Error>),

    #[error("migration {version} ({name}) failed: {source}")]
    Migration { version: i64, name: &'static str, source: Box<surrealdb::Error> },
}

/// Connects as the settings say and applies pending migrations.
pub async fn open(settings: &Settings) -> Result<Db, DatabaseError> {
    let endpoint = settings.database_endpoint();
    if !settings.database_is_remote() && settings.database_url.is_empty() {
        let path = settings.data.clone();
        std::fs::create_dir_all(&path).map_err(|source| DatabaseError::DataFolder { path, source })?;
    }

    let db = connect(settings, &endpoint).await?;
    migrate(&db).await?;

    tracing::info!(database = %endpoint, "database ready");
    Ok(db)
}

/// Opens a fresh in-memory database with the schema applied: for tests and
/// benchmarks.
pub async fn open_in_memory() -> Result<Db, DatabaseError> {
    let settings = Settings { database_url: "mem://".into(), ..Settings::default() };
    let db = connect(&settings, "mem://").await?;
    migrate(&db).await?;
    Ok(db)
}

async fn connect(settings: &Settings, endpoint: &str) -> Result<Db, DatabaseError> {
    let db = surrealdb::engine::any::connect(endpoint).await.map_err(|source| DatabaseError::Connect {
        endpoint: endpoint.to_string(),
        source: Box::new(source),
    })?;

    if settings.database_is_remote() && !settings.database_user.is_empty() {
        let credentials =
            Root { username: settings.database_user.clone(), password: settings.database_password.clone() };
        db.signin(credentials).await.map_err(|error| DatabaseError::SignIn(Box::new(error)))?;
    }

    // SurrealDB 3 wants the namespace and database defined before use.
    db.query("DEFINE NAMESPACE IF NOT EXISTS type::string($ns)")
        .bind(("ns", settings.database_namespace.clone()))
        .await
        .and_then(|response| response.check())
        .map_err(|error| DatabaseError::Select(Box::new(error)))?;
    db.use_ns(settings.database_namespace.clone())
        .await
        .map_err(|error| DatabaseError::Select(Box::new(error)))?;
    db.query("DEFINE DATABASE IF NOT EXISTS type::string($db)")
        .bind(("db", settings.database_name.clone()))
        .await
        .and_then(|response| response.check())
        .map_err(|error| DatabaseError::Select(Box::new(error)))?;
    db.use_db(settings.database_name.clone())
        .await
        .map_err(|error| DatabaseError::Select(Box::new(error)))?;

    Ok(db)
}
