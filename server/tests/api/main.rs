//! HTTP tests: the real router over an in-memory database holding the real
//! national data, imported once for the whole binary.

// A failed step of a test is the test failing: panicking is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts;
#[path = "../support/birth.rs"]
mod birth;
mod calendar;
mod catalogue;
mod departments;
mod desk;
mod dossiers;
mod helpers;
mod import;
#[path = "../support/multipart.rs"]
mod multipart;
mod pages;
mod processing;
mod sign_in;
mod walk_in;
