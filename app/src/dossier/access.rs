//! Reaching a dossier: only its applicant, or another representative of
//! the business it was made for, opens it; and a dossier the desk
//! registered for an applicant who came in person or wrote, the desk
//! officers of that agency.

use super::stored::{self, DossierRow};
use crate::account::Role;
use crate::account::caller::Caller;
use crate::account::stored::{Officer, Person};
use crate::eform::Form;
use crate::error::AppError;
use crate::server::{Db, database_error};
use crate::store::Owner;

/// Who fills a dossier's form. It decides whether an account vouches for
/// the prefilled answers, whose data store the uploads join and who is
/// recorded as uploading them.
pub enum Filler {
    /// The applicant, or another representative of their business, signed
    /// in through the national e-ID.
    Applicant(Person),
    /// A desk officer of the agency that registered the dossier at the
    /// desk, filling it in for its applicant.
    Desk { officer: Officer, applicant: Person },
}

impl Filler {
    /// The person the answers and uploads are for.
    pub fn applicant(&self) -> &Person {
        match self {
            Filler::Applicant(person) | Filler::Desk { applicant: person, .. } => person,
        }
    }

    /// The e-ID stands for what it gave its holder; nothing stands for what
    /// an officer types, so an officer's answers are all checked.
    pub fn vouches(&self) -> bool {
        matches!(self, Filler::Applicant(_))
    }

    pub fn is_desk(&self) -> bool {
        matches!(self, Filler::Desk { .. })
    }

    /// The store uploads go to: always the applicant's, so that papers the
    /// desk digitises reach them.
    pub fn store_owner(&self) -> Owner {
        store_owner(self.applicant())
    }

    /// Who is recorded as uploading.
    pub fn uploader(&self) -> Owner {
        match self {
            Filler::Applicant(person) => Owner { table: "person".into(), key: person.key.clone() },
            Filler::Desk { officer, .. } => Owner { table: "officer".into(), key: officer.key.clone() },
        }
    }
}

/// A dossier the caller may open and fill, and as whom: a person's own, or
/// for a desk officer one their agency registered at the desk.
pub async fn fillable_dossier(db: &Db, caller: &Caller, key: &str) -> Result<(DossierRow, Filler), AppError> {
    let Caller::Officer(officer) = caller else {
        let person = caller.person()?;
        let row = own_dossier(db, person, key).await?;
        return Ok((row, Filler::Applicant(person.clone())));
    };

    let row = registered_dossier(db, officer, key).await?;
    let applicant = crate::account::stored::load_person(db, &row.applicant)
        .await
        .map_err(|error| database_error("load applicant", error))?
        .ok_or(AppError::NotFound)?;
    Ok((row, Filler::Desk { officer: officer.as_ref().clone(), applicant }))
}

/// A dossier the desk registered, to a desk officer of its agency. Officers
/// reach no other dossier through the applicant's pages: every other key,
/// whether it exists or not, answers "forbidden", so that keys cannot be
/// probed. Its agency cannot change while the desk fills it (see
/// `save::apply`), so the agency names the desk that registered it.
async fn registered_dossier(db: &Db, officer: &Officer, key: &str) -> Result<DossierRow, AppError> {
    if !officer.has(Role::DeskOfficer) || !crate::store::is_plausible_key(key) {
        return Err(AppError::Forbidden);
    }

    let row = stored::load(db, key).await.map_err(|error| database_error("load dossier", error))?;
    let Some(row) = row else { return Err(AppError::Forbidden) };
    let registered = crate::desk::walk_in::ssr::registered_by(db, key)
        .await
        .map_err(|error| database_error("read registration", error))?;
    let ours = registered.is_some()
        && row.channel() != super::Channel::Online
        && row.agency.as_deref() == Some(officer.agency.as_str());
    if ours { Ok(row) } else { Err(AppError::Forbidden) }
}

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
