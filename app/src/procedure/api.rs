//! Server functions of the public catalogue. They are open to everyone: the
//! catalogue is public information (Điều 3.5 of the regulation).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::detail::ProcedurePage;
use super::model::ProcedureSummary;
use super::query::SearchQuery;
use crate::error::AppError;

/// One page of search results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub total: u64,
    pub items: Vec<ProcedureSummary>,
}

/// A way into the catalogue and how many procedures it leads to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facet {
    pub value: String,
    pub count: u64,
}

/// What the home page and the filters offer: the fields (lĩnh vực) with the
/// most procedures, and the counts behind the other ways in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueOverview {
    pub total: u64,
    pub detailed: u64,
    pub fields: Vec<Facet>,
    pub levels: Vec<Facet>,
    pub online_levels: Vec<Facet>,
    pub audiences: Vec<Facet>,
}

/// Searches the catalogue; text is matched without regard to case or
/// diacritics and results come most relevant first.
#[server(endpoint = "thu-tuc/tim-kiem")]
pub async fn search_procedures(query: SearchQuery) -> Result<SearchResults, AppError> {
    let context = crate::server::context()?;

    query.check_limits()?;
    super::queries::search(&context.db, &context.scope(), &query).await
}

/// A procedure's page data by its national code.
#[server(endpoint = "thu-tuc/chi-tiet")]
pub async fn load_procedure(code: String) -> Result<ProcedurePage, AppError> {
    let context = crate::server::context()?;

    if !super::model::is_plausible_code(&code) {
        return Err(AppError::NotFound);
    }

    super::queries::page(&context.db, &code).await?.ok_or(AppError::NotFound)
}

/// Counts for the home page's ways in and the search filters.
#[server(endpoint = "thu-tuc/tong-quan")]
pub async fn load_overview() -> Result<CatalogueOverview, AppError> {
    let context = crate::server::context()?;

    let now = std::time::Instant::now();
    if let Some(overview) = context.overview.fresh(now) {
        return Ok(overview);
    }

    let overview = super::queries::overview(&context.db, &context.scope()).await?;
    context.overview.keep(now, &overview);
    Ok(overview)
}
