//! E-forms (tờ khai điện tử): each procedure's form as data, the answers an
//! applicant gives, and the checks both the browser and the server run on
//! them.

pub mod answers;
pub mod display;
pub mod generate;
pub mod schema;
pub mod validate;

pub use answers::Answers;
pub use schema::{Condition, Document, Field, FieldKind, Form, Group, Item, Prefill, Section};
pub use validate::{Problems, Today, check_field, check_form};

#[cfg(all(test, feature = "ssr"))]
mod tests;
