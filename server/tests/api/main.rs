//! HTTP tests: the real router over an in-memory database holding the real
//! national data, imported once for the whole binary.

mod catalogue;
mod helpers;
mod import;
mod pages;
