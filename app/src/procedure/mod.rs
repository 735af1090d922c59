//! The procedure catalogue: search, browse and read what each procedure asks.

pub mod api;
pub mod detail;
pub mod model;
pub mod query;
#[cfg(feature = "ssr")]
pub mod national;
#[cfg(feature = "ssr")]
pub mod stored;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod view;
