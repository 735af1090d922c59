//! motcua's application: every page and server function of the one-stop
//! public-service portal, shared by the server (feature `ssr`) and the
//! browser (feature `hydrate`).

// Deeply nested views (a procedure page's channels, fees and estimates) make
// types deeper than the compiler's default limit when building for the browser.
#![recursion_limit = "256"]

pub mod account;
pub mod admin;
pub mod audit;
pub mod calendar;
pub mod desk;
pub mod dossier;
pub mod eform;
pub mod error;
pub mod home;
pub mod notification;
pub mod procedure;
pub mod processing;
#[cfg(feature = "ssr")]
pub mod server;
pub mod shell;
pub mod slip;
pub mod store;
pub mod text;

pub use shell::{App, shell};
