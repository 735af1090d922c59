//! Reaching a dossier: only its applicant, or another representative of
//! the business it was made for, opens it.

use super::stored::{self, DossierRow};
use crate::account::stored::Person;
use crate::eform::Form;
use crate::error::AppError;
use crate::server::{Db, database_error};
use crate::store::Owner;

/// The caller's own dossier. Someone else's answers "not found", the same
/// as a dossier that does not exist, so that keys cannot be probed.
pub async fn own_dossier(db: &Db, person: &Person, key: &str) -> Result<DossierRow, AppError> {
    if !crate::store::is_plausible_key(key) {
        return Err(AppError::NotFound);
    }

    let row = stored::load(db, key).await.map_err(|error| database_error("load dossier", error))?;
    let row = row.ok_or(AppError::NotFound)?;
    let own = row.applicant == person.key
        || (row.organisation.is_some() && row.organisation.as_deref() == person.organisation_key());
    if own { Ok(row) } else { Err(AppError::NotFound) }
}

/// The form of a procedure: the one stored for it, or, for a procedure the
/// importer has not given one, a form made from its published components.
pub async fn form_for(db: &Db, procedure: &str) -> Result<Form, AppError> {
    if let Some(form) =
        stored::stored_form(db, procedure).await.map_err(|error| database_error("load e-form", error))?
    {
        return Ok(form);
    }

    let page = crate::procedure::queries::page(db, procedure).await?.ok_or(AppError::NotFound)?;
    Ok(crate::eform::generate::default_form(
        &page.entry.code,
        &page.entry.name,
        &page.entry.audiences,
        page.detail.as_ref(),
    ))
}

/// The account whose store a person's uploads go to: their business's for
/// a representative, their own otherwise.
pub fn store_owner(person: &Person) -> Owner {
    match person.organisation_key() {
        Some(tax_code) => Owner { table: "organisation".into(), key: tax_code.to_string() },
        None => Owner { table: "person".into(), key: person.key.clone() },
    }
}
