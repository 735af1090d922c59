//! The server side of motcua: configuration, database, HTTP router and the
//! national data importer. The binary in `main.rs` only wires them.

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
