//! A dossier's slips (Mẫu 01–05): which ones it has, their fields from what
//! is stored, the printable page and the PDF. The slips themselves, and
//! their typesetting, are the `motcua-slip` crate's.

pub mod api;
#[cfg(feature = "ssr")]
pub mod build;
#[cfg(feature = "ssr")]
pub mod serve;
pub mod view;

#[cfg(feature = "ssr")]
pub use motcua_slip::pdf;
pub use motcua_slip::*;
