//! The `motcua` binary: reads the command line and the settings, then
//! serves or imports.

// The pages' view types are deep (a dossier form nests sections, rows and
// fields), deeper than the compiler's default limit when laid out here.
#![recursion_limit = "256"]

use std::process::ExitCode;

use clap::Parser;
use server::cli::{Cli, Command};
use server::config::Settings;
use server::import::Dataset;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = cli.config.clone();
    let command = cli.command();
    let settings = match Settings::load(config.as_deref(), &command.overrides()) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("motcua: {error}");
            return ExitCode::from(2);
        }
    };
    server::telemetry::init(settings.log_format);

    match command {
        Command::Serve(_) => match server::serve::run(settings).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                tracing::error!(error = %error, "the server stopped");
                eprintln!("motcua: {error}");
                ExitCode::FAILURE
            }
        },
        Command::Import(args) => {
            let datasets = if args.only.is_empty() { Dataset::ALL.to_vec() } else { args.only };
            import(settings, &datasets).await
        }
    }
}

async fn import(settings: Settings, datasets: &[Dataset]) -> ExitCode {
    let db = match server::database::open(&settings).await {
        Ok(db) => db,
        Err(error) => {
            eprintln!("motcua: {error}");
            return ExitCode::FAILURE;
        }
    };

    let report = server::import::import(&db, &settings.seed, datasets).await;

    print!("{report}");
    if report.skipped() > 0 {
        eprintln!("motcua: {} record(s) skipped; see the lines above", report.skipped());
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
