//! The server side of motcua: configuration, database, HTTP router and the
//! national data importer. The binary in `main.rs` only wires them.

// The pages' view types are deep (a dossier form nests sections, rows and
// fields), deeper than the compiler's default limit when laid out here.
#![recursion_limit = "256"]

pub mod api_status;
pub mod bootstrap;
pub mod cli;
pub mod config;
pub mod database;
pub mod import;
pub mod router;
pub mod security;
pub mod serve;
pub mod sign_in;
pub mod telemetry;
