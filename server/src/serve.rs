//! `motcua serve`: open the database, import the national data on first
//! start, and serve until told to stop.

use app::server::{Db, Province, ServerContext};
use leptos::config::{Env, LeptosOptions};
use tokio::net::TcpListener;

use crate::config::Settings;
use crate::database::{self, DatabaseError};
use crate::{bootstrap, import, router};

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Database(#[from] DatabaseError),

    #[error("cannot read the catalogue: {0}")]
    Catalogue(Box<surrealdb::Error>),

    #[error("the first import wrote nothing ({0} record(s) skipped); check the seed folder (MOTCUA_SEED)")]
    FirstImport(usize),

    #[error("province {0} is not among the imported administrative units")]
    UnknownProvince(String),

    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: std::net::SocketAddr, source: std::io::Error },

    #[error(transparent)]
    Bootstrap(#[from] bootstrap::BootstrapError),

    #[error("the server failed: {0}")]
    Io(#[from] std::io::Error),
}

pub async fn run(settings: Settings) -> Result<(), ServeError> {
    let db = database::open(&settings).await?;
    import_on_first_start(&db, &settings).await?;

    let province = province(&db, &settings.province).await?;
    tracing::info!(province = %province.name, code = %province.code, "serving province");
    bootstrap::agencies(&db, &province.code).await?;
    if !settings.officers_file.is_empty() {
        bootstrap::officers(&db, std::path::Path::new(&settings.officers_file)).await?;
    }
    tokio::spawn(delete_expired_sessions(db.clone()));

    let context = ServerContext {
        db,
        province,
        overview: Default::default(),
        sessions: settings.session_policy(),
        public_origin: settings.public_origin(),
        files: settings.file_store(),
    };
    let app = router::build(context, leptos_options(&settings), &settings)
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    let listener = TcpListener::bind(settings.addr)
        .await
        .map_err(|source| ServeError::Bind { addr: settings.addr, source })?;

    tracing::info!(addr = %settings.addr, "listening");
    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// The Leptos settings, derived from ours so the binary runs the same with
/// or without cargo-leptos around it.
pub fn leptos_options(settings: &Settings) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("motcua")
        .site_root(settings.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(settings.addr)
        .env(if cfg!(debug_assertions) { Env::DEV } else { Env::PROD })
        .build()
}

async fn import_on_first_start(db: &Db, settings: &Settings) -> Result<(), ServeError> {
    if !settings.import_on_first_start {
        return Ok(());
    }
    let empty =
        import::catalogue_is_empty(db).await.map_err(|error| ServeError::Catalogue(Box::new(error)))?;
    if !empty {
        return Ok(());
    }

    tracing::info!(seed = %settings.seed.display(), "empty catalogue: importing the national data");
    let report = import::import(db, &settings.seed, &import::Dataset::ALL).await;
    if report.written() == 0 {
        return Err(ServeError::FirstImport(report.skipped()));
    }

    // Each skipped record was logged with its place and reason; the portal
    // serves what was sound rather than nothing.
    tracing::info!(written = report.written(), skipped = report.skipped(), "national data imported");
    Ok(())
}

/// The served province, by its code, from the imported units.
pub async fn province(db: &Db, code: &str) -> Result<Province, ServeError> {
    let mut response = db
        .query("SELECT VALUE name FROM ONLY type::record('province', $code)")
        .bind(("code", code.to_string()))
        .await
        .map_err(|error| ServeError::Catalogue(Box::new(error)))?;
    let name: Option<String> = response.take(0).map_err(|error| ServeError::Catalogue(Box::new(error)))?;

    let name = name.ok_or_else(|| ServeError::UnknownProvince(code.to_string()))?;
    Ok(Province { code: code.to_string(), name })
}

/// Removes sessions past their expiry every ten minutes; an expired
/// session is refused on load either way, so this only reclaims space.
async fn delete_expired_sessions(db: Db) {
    use tower_sessions::session_store::ExpiredDeletion;

    let store = app::account::session_store::SurrealSessionStore::new(db);
    let mut interval = tokio::time::interval(std::time::Duration::from_secs(600));
    loop {
        interval.tick().await;
        if let Err(error) = store.delete_expired().await {
            tracing::warn!(error = %error, "cannot delete expired sessions");
        }
    }
}

async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested");
}
