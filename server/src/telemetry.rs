//! Structured logs for the operator. The filter comes from `MOTCUA_LOG` (or
//! `RUST_LOG`), e.g. `info,motcua=debug`; the format from the settings.

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

pub fn init(format: LogFormat) {
    let filter = std::env::var("MOTCUA_LOG")
        .or_else(|_| std::env::var("RUST_LOG"))
        .unwrap_or_else(|_| "info,surrealdb=warn,surrealkv=warn".to_string());
    let builder = tracing_subscriber::fmt().with_env_filter(EnvFilter::new(filter)).with_target(false);

    let installed = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
    if installed.is_err() {
        eprintln!("logging was already initialised");
    }
}
