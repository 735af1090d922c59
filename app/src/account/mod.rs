//! Accounts: people who sign in through the national e-ID (citizens and
//! representatives of organisations), officers issued by administrators,
//! their roles, and the sessions that carry them.

pub mod api;
#[cfg(feature = "ssr")]
pub mod caller;
pub mod role;
#[cfg(feature = "ssr")]
pub mod session_store;
#[cfg(feature = "ssr")]
pub mod stored;
pub mod view;
pub mod viewer;

pub use role::Role;
pub use viewer::Viewer;
