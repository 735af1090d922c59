//! Server functions of dossiers: starting one, reading it back, the
//! applicant's list, and the public tracking lookup.

use leptos::prelude::*;

use super::{DossierPage, DossierSummary, Tracking, Unit};
use crate::error::AppError;

/// Starts a draft of a procedure's dossier for the signed-in applicant and
/// sends the browser to its form.
#[server(endpoint = "ho-so/bat-dau")]
pub async fn start_dossier(procedure: String) -> Result<String, AppError> {
    use crate::server::database_error;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let person = caller.person()?;

    if !crate::procedure::model::is_plausible_code(&procedure) {
        return Err(AppError::NotFound);
    }
    let page = crate::procedure::queries::page(&context.db, &procedure).await?.ok_or(AppError::NotFound)?;
    if !page.entry.online_level.is_some_and(|level| level.accepts_online_submission()) {
        return Err(AppError::InvalidInput("Thủ tục này không nhận hồ sơ trực tuyến.".into()));
    }

    let agencies = agencies_for(&context.db, &procedure).await?;
    let agency = (agencies.len() == 1).then(|| agencies[0].code.clone());
    let key = super::stored::create_draft(
        &context.db,
        &procedure,
        &page.entry.name,
        &person.key,
        person.organisation_key(),
        agency.as_deref(),
    )
    .await
    .map_err(|error| database_error("create draft", error))?;

    tracing::info!(dossier = %key, procedure = %procedure, "draft started");
    leptos_axum::redirect(&format!("/ho-so/{key}"));
    Ok(key)
}

/// A dossier of the signed-in applicant, with its form when it is a draft;
/// or one the desk registered, for the desk officer filling it in.
#[server(endpoint = "ho-so/xem")]
pub async fn load_dossier(key: String) -> Result<DossierPage, AppError> {
    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;

    let (row, filler) = super::access::fillable_dossier(&context.db, &caller, &key).await?;
    super::page::dossier_page(&context, &filler, row).await
}

/// "Hồ sơ của tôi": the applicant's dossiers and their business's, newest
/// first.
#[server(endpoint = "ho-so/cua-toi")]
pub async fn my_dossiers() -> Result<Vec<DossierSummary>, AppError> {
    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let person = caller.person()?;

    super::stored::of_applicant(&context.db, &person.key, person.organisation_key())
        .await
        .map_err(|error| crate::server::database_error("list dossiers", error))
}

/// The public tracking lookup: a dossier's code and its tracking secret
/// show its status and history, nothing personal. A wrong pair and an
/// unknown code answer alike.
#[server(endpoint = "ho-so/tra-cuu")]
pub async fn track_dossier(code: String, secret: String) -> Result<Option<Tracking>, AppError> {
    let context = crate::server::context()?;
    let code = super::code::tidy(&code);
    let secret = super::code::tidy(&secret);

    if !super::code::is_plausible_code(&code) || !super::code::is_plausible_secret(&secret) {
        return Ok(None);
    }
    super::stored::track(&context.db, &code, &secret)
        .await
        .map_err(|error| crate::server::database_error("track dossier", error))
}

/// The communes of a province, for the address pickers.
#[server(endpoint = "don-vi/xa")]
pub async fn list_communes(province: String) -> Result<Vec<Unit>, AppError> {
    let context = crate::server::context()?;

    if province.len() > 3 || !province.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(AppError::NotFound);
    }
    communes_of(&context.db, &province).await
}

#[cfg(feature = "ssr")]
pub async fn communes_of(db: &crate::server::Db, province: &str) -> Result<Vec<Unit>, AppError> {
    let mut response = db
        .query("SELECT code, name FROM commune WHERE province = $province ORDER BY name COLLATE")
        .bind(("province", province.to_string()))
        .await
        .map_err(|error| crate::server::database_error("list communes", error))?;
    let rows: Vec<serde_json::Value> =
        response.take(0).map_err(|error| crate::server::database_error("list communes", error))?;
    Ok(rows.into_iter().filter_map(|row| serde_json::from_value(row).ok()).collect())
}

#[cfg(feature = "ssr")]
pub async fn provinces(db: &crate::server::Db) -> Result<Vec<Unit>, AppError> {
    let mut response = db
        .query("SELECT code, name FROM province ORDER BY name COLLATE")
        .await
        .map_err(|error| crate::server::database_error("list provinces", error))?;
    let rows: Vec<serde_json::Value> =
        response.take(0).map_err(|error| crate::server::database_error("list provinces", error))?;
    Ok(rows.into_iter().filter_map(|row| serde_json::from_value(row).ok()).collect())
}

#[cfg(feature = "ssr")]
pub async fn commune_in_province(
    db: &crate::server::Db,
    commune: &str,
    province: &str,
) -> Result<bool, AppError> {
    let mut response = db
        .query("SELECT VALUE province FROM type::record('commune', $commune)")
        .bind(("commune", commune.to_string()))
        .await
        .map_err(|error| crate::server::database_error("check commune", error))?;
    let provinces: Vec<String> =
        response.take(0).map_err(|error| crate::server::database_error("check commune", error))?;
    Ok(provinces.first().is_some_and(|found| found == province))
}

/// The agencies that receive a procedure's dossiers.
#[cfg(feature = "ssr")]
pub async fn agencies_for(
    db: &crate::server::Db,
    procedure: &str,
) -> Result<Vec<super::ReceivingAgency>, AppError> {
    let page = crate::procedure::queries::page(db, procedure).await?.ok_or(AppError::NotFound)?;
    super::receiving::receiving_agencies(db, &page.entry.levels, page.detail.as_ref())
        .await
        .map_err(|error| crate::server::database_error("receiving agencies", error))
}

/// The page's background save while the applicant (or the desk officer
/// filling it for them) types, JavaScript only: the answers and the
/// receiving agency, never files.
#[server(endpoint = "ho-so/luu-tu-dong", input = server_fn::codec::Json)]
pub async fn autosave_draft(
    key: String,
    values: std::collections::BTreeMap<String, String>,
    agency: Option<String>,
) -> Result<(), AppError> {
    use super::save::{Intent, Posted};

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;

    let (row, filler) = super::access::fillable_dossier(&context.db, &caller, &key).await?;
    if !row.status().editable_by_applicant() {
        return Err(AppError::Conflict("Hồ sơ đã được nộp nên không sửa được nữa.".into()));
    }
    let form = super::access::form_for(&context.db, &row.procedure).await?;
    let posted = Posted { values, agency, intent: Some(Intent::Autosave), ..Posted::default() };
    super::save::apply(&context, &caller, &filler, &row, &form, posted).await.map(|_| ())
}

/// The names of the provinces and communes an answer set names, by code.
#[cfg(feature = "ssr")]
pub async fn unit_names(
    db: &crate::server::Db,
    answers: &crate::eform::Answers,
) -> Result<std::collections::BTreeMap<String, String>, AppError> {
    let codes = crate::eform::display::unit_codes(answers);
    if codes.is_empty() {
        return Ok(Default::default());
    }
    let mut response = db
        .query(
            "SELECT code, name FROM commune WHERE code IN $codes;
             SELECT code, name FROM province WHERE code IN $codes;",
        )
        .bind(("codes", codes))
        .await
        .map_err(|error| crate::server::database_error("unit names", error))?;
    let mut names = std::collections::BTreeMap::new();
    for statement in 0..2 {
        let rows: Vec<Unit> = response
            .take::<Vec<serde_json::Value>>(statement)
            .map_err(|error| crate::server::database_error("unit names", error))?
            .into_iter()
            .filter_map(|row| serde_json::from_value(row).ok())
            .collect();
        names.extend(rows.into_iter().map(|unit| (unit.code, unit.name)));
    }
    Ok(names)
}
