//! The procedure catalogue: search, browse and read what each procedure asks.

pub mod api;
pub mod detail;
pub mod estimate;
pub mod model;
#[cfg(feature = "ssr")]
pub mod national;
#[cfg(feature = "ssr")]
pub mod overview_cache;
#[cfg(feature = "ssr")]
pub mod queries;
pub mod query;
#[cfg(feature = "ssr")]
pub mod stored;
pub mod view;
