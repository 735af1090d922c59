//! The `motcua` command line. Every flag can also be set through the
//! `MOTCUA_*` environment variable named in its help.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::config::Overrides;
use crate::import::Dataset;

/// motcua: the province's one-stop public-service portal.
#[derive(Debug, Parser)]
#[command(name = "motcua", version, about)]
pub struct Cli {
    /// Configuration file (TOML); without it, ./motcua.toml is read if present.
    #[arg(long, global = true, env = "MOTCUA_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// What to do; `serve` when none is given.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command to run, serving by default.
    pub fn command(self) -> Command {
        self.command.unwrap_or(Command::Serve(ServeArgs { data: None, addr: None }))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the portal (imports the national data first if the catalogue is empty).
    Serve(ServeArgs),
    /// Import the national procedure catalogue and reference data.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Folder for the database and uploads.
    #[arg(long, env = "MOTCUA_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Address to listen on, e.g. 0.0.0.0:8080.
    #[arg(long, env = "MOTCUA_ADDR", value_name = "ADDR")]
    pub addr: Option<SocketAddr>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Folder for the database and uploads.
    #[arg(long, env = "MOTCUA_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Folder holding the national data files.
    #[arg(long, env = "MOTCUA_SEED", value_name = "DIR")]
    pub from: Option<PathBuf>,

    /// Import only these datasets (repeatable); all of them by default.
    #[arg(long, value_enum, value_name = "DATASET")]
    pub only: Vec<Dataset>,
}

impl Command {
    /// The flags that override configuration settings.
    pub fn overrides(&self) -> Overrides {
        match self {
            Command::Serve(args) => Overrides { addr: args.addr, data: args.data.clone(), seed: None },
            Command::Import(args) => {
                Overrides { addr: None, data: args.data.clone(), seed: args.from.clone() }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serve_takes_data_and_addr() {
        let cli = Cli::try_parse_from(["motcua", "serve", "--data", "/srv/motcua", "--addr", "0.0.0.0:8080"]);

        let overrides = cli.map(|cli| cli.command().overrides());

        let overrides = overrides.map_err(|error| error.to_string());
        assert_eq!(overrides.as_ref().map(|o| o.data.clone()), Ok(Some(PathBuf::from("/srv/motcua"))));
        assert_eq!(overrides.map(|o| o.addr.map(|addr| addr.port())), Ok(Some(8080)));
    }

    #[test]
    fn import_can_be_limited_to_some_datasets() {
        let cli = Cli::try_parse_from(["motcua", "import", "--only", "index", "--only", "calendar"]);

        let only = cli.map(|cli| match cli.command() {
            Command::Import(args) => args.only,
            Command::Serve(_) => Vec::new(),
        });

        assert_eq!(only.map_err(|error| error.to_string()), Ok(vec![Dataset::Index, Dataset::Calendar]));
    }

    #[test]
    fn without_a_command_the_portal_is_served() {
        let cli = Cli::try_parse_from(["motcua"]);

        assert!(matches!(cli.map(Cli::command), Ok(Command::Serve(_))));
    }

    #[test]
    fn a_bad_address_is_refused() {
        assert!(Cli::try_parse_from(["motcua", "serve", "--addr", "not-an-address"]).is_err());
    }
}
