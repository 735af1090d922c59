//! motcua's application: every page and server function of the one-stop
//! public-service portal, shared by the server (feature `ssr`) and the
//! browser (feature `hydrate`).

pub mod calendar;
pub mod error;
pub mod home;
pub mod procedure;
#[cfg(feature = "ssr")]
pub mod server;
pub mod shell;
pub mod text;

pub use shell::{App, shell};
