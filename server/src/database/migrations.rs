//! Versioned schema changes, applied in order at start-up. Each runs in one
//! transaction together with the record saying it ran, so a crash leaves
//! either the whole migration or none of it.

use app::server::Db;

use super::DatabaseError;

/// One schema change. Files are never edited once released: a change to the
/// schema is a new file with the next version.
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub script: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "catalogue",
        script: include_str!("../../migrations/0001_catalogue.surql"),
    },
    Migration {
        version: 2,
        name: "reference",
        script: include_str!("../../migrations/0002_reference.surql"),
    },
    Migration { version: 3, name: "accounts", script: include_str!("../../migrations/0003_accounts.surql") },
    Migration { version: 4, name: "dossiers", script: include_str!("../../migrations/0004_dossiers.surql") },
    Migration {
        version: 5,
        name: "reception",
        script: include_str!("../../migrations/0005_reception.surql"),
    },
    Migration {
        version: 6,
        name: "processing",
        script: include_str!("../../migrations/0006_processing.surql"),
    },
    Migration { version: 7, name: "walk_in", script: include_str!("../../migrations/0007_walk_in.surql") },
    Migration { version: 8, name: "settings", script: include_str!("../../migrations/0008_settings.surql") },
];

const LEDGER: &str = "DEFINE TABLE IF NOT EXISTS migration SCHEMAFULL;
    DEFINE FIELD IF NOT EXISTS version ON migration TYPE int;
    DEFINE FIELD IF NOT EXISTS name ON migration TYPE string;
    DEFINE FIELD IF NOT EXISTS applied_at ON migration TYPE datetime;";

/// Applies every migration not yet recorded. Running it again does nothing.
pub async fn migrate(db: &Db) -> Result<(), DatabaseError> {
    let ledger_error =
        |source| DatabaseError::Migration { version: 0, name: "ledger", source: Box::new(source) };
    db.query(LEDGER).await.and_then(|response| response.check()).map_err(ledger_error)?;
    let mut response = db.query("SELECT VALUE version FROM migration").await.map_err(ledger_error)?;
    let applied: Vec<i64> = response.take(0).map_err(ledger_error)?;

    for migration in MIGRATIONS.iter().filter(|migration| !applied.contains(&migration.version)) {
        let script = [
            "BEGIN TRANSACTION;\n",
            migration.script,
            "\nCREATE type::record('migration', $version) CONTENT { version: $version, name: $name, applied_at: time::now() };\nCOMMIT TRANSACTION;",
        ]
        .concat();
        db.query(script)
            .bind(("version", migration.version))
            .bind(("name", migration.name.to_string()))
            .await
            .and_then(|response| response.check())
            .map_err(|source| DatabaseError::Migration {
                version: migration.version,
                name: migration.name,
                source: Box::new(source),
            })?;
        tracing::info!(version = migration.version, name = migration.name, "migration applied");
    }

    Ok(())
}
