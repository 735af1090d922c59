//! The catalogue's queries. Request data reaches SurrealQL only through bound
//! variables; the statements themselves are assembled from fixed fragments.

use serde::de::DeserializeOwned;
use serde_json::Value as Json;

use super::api::{CatalogueOverview, Facet, SearchResults};
use super::detail::{CatalogueEntry, ProcedurePage};
use super::model::{Audience, OnlineLevel, ProcedureSummary, TextPart};
use super::national::NationalProcedure;
use super::query::{PAGE_SIZE, SearchQuery};
use super::stored::{CatalogueRow, kind_from_stored, national_portal_url};
use crate::error::AppError;
use crate::server::{CatalogueScope, Db, database_error};

/// Marks around matched words in highlighted names: private-use characters
/// that never occur in the national data, so splitting on them is safe.
const MARK_OPEN: &str = "\u{E000}";
const MARK_CLOSE: &str = "\u{E001}";

/// The procedures this province's visitors may see: national and own local
/// procedures; internal ones serve agencies, not the public.
const IN_SCOPE: &str = "(kind = 'standard' OR (kind = 'local' AND local_province = $province))";

/// Runs a catalogue search and returns one page of results.
pub async fn search(db: &Db, scope: &CatalogueScope, query: &SearchQuery) -> Result<SearchResults, AppError> {
    let text = crate::text::search_words(&query.text);
    let mut conditions = vec![IN_SCOPE];
    if !text.is_empty() {
        conditions.push("name @1@ $text");
    }
    if query.field.is_some() {
        conditions.push("fields CONTAINS $field");
    }
    if query.audience.is_some() {
        conditions.push("audiences CONTAINS $audience");
    }
    if query.level.is_some() {
        conditions.push("levels CONTAINS $level");
    }
    if query.online.is_some() {
        conditions.push("online_level = $online");
    }
    let filter = conditions.join(" AND ");
    // BM25 gives words found in half the names or more ("thủ tục", "đăng
    // ký") no weight, so ties are common: among equals, procedures with
    // detail come first, then the shorter, more general names.
    let (columns, order) = if text.is_empty() {
        ("", " ORDER BY has_detail DESC, name ASC")
    } else {
        (
            ", search::highlight($open, $close, 1) AS marked, search::score(1) AS score, string::len(name) AS length",
            " ORDER BY score DESC, has_detail DESC, length ASC",
        )
    };
    let statements = [
        "SELECT code, name, fields, levels, online_level, audiences, has_detail",
        columns,
        " FROM procedure WHERE ",
        &filter,
        order,
        " LIMIT $limit START $start; SELECT count() AS total FROM procedure WHERE ",
        &filter,
        " GROUP ALL;",
    ]
    .concat();

    let mut response = db
        .query(statements)
        .bind(("province", scope.province_code.clone()))
        .bind(("text", text))
        .bind(("field", query.field.clone().unwrap_or_default()))
        .bind(("audience", query.audience.map_or("", Audience::stored).to_string()))
        .bind(("level", query.level.clone().unwrap_or_default()))
        .bind(("online", query.online.map_or("", OnlineLevel::stored).to_string()))
        .bind(("open", MARK_OPEN.to_string()))
        .bind(("close", MARK_CLOSE.to_string()))
        .bind(("limit", i64::from(PAGE_SIZE)))
        .bind(("start", i64::from(query.page.saturating_sub(1) * PAGE_SIZE)))
        .await
        .map_err(|error| database_error("search procedures", error))?;
    let rows: Vec<Json> = response.take(0).map_err(|error| database_error("search procedures", error))?;
    let totals: Vec<Json> = response.take(1).map_err(|error| database_error("count procedures", error))?;

    let total = totals.first().and_then(|row| row.get("total")).and_then(Json::as_u64).unwrap_or(0);
    let items = rows.into_iter().map(summary_from).collect::<Result<Vec<_>, _>>()?;
    Ok(SearchResults { total, items })
}

/// A procedure's catalogue entry and, when imported, its full detail.
pub async fn page(db: &Db, code: &str) -> Result<Option<ProcedurePage>, AppError> {
    let mut response = db
        .query(
            "SELECT * OMIT id FROM ONLY type::record('procedure', $code); \
             SELECT * OMIT id FROM ONLY type::record('procedure_detail', $code);",
        )
        .bind(("code", code.to_string()))
        .await
        .map_err(|error| database_error("read procedure", error))?;
    let entry: Option<Json> = response.take(0).map_err(|error| database_error("read procedure", error))?;
    let detail: Option<Json> =
        response.take(1).map_err(|error| database_error("read procedure detail", error))?;

    let Some(entry) = entry else {
        return Ok(None);
    };
    let row: CatalogueRow = decode(entry, "procedure")?;
    let detail = match detail {
        Some(detail) => Some(decode::<NationalProcedure>(detail, "procedure_detail")?.into_detail()),
        None => None,
    };

    let estimates = match &detail {
        Some(detail) => {
            let calendar = crate::calendar::stored::load(db).await?;
            super::estimate::estimate(
                &detail.channels,
                &detail.processing_cases,
                &calendar,
                crate::server::local_now(),
            )
        }
        None => Vec::new(),
    };
    Ok(Some(ProcedurePage { entry: entry_from(row), detail, estimates }))
}

/// Counts behind the home page's ways in and the filters' choices.
pub async fn overview(db: &Db, scope: &CatalogueScope) -> Result<CatalogueOverview, AppError> {
    let statements = [
        "SELECT count() AS count FROM procedure WHERE ",
        IN_SCOPE,
        " GROUP ALL;",
        "SELECT count() AS count FROM procedure WHERE has_detail = true AND ",
        IN_SCOPE,
        " GROUP ALL;",
        "SELECT facet, count() AS count FROM (SELECT fields AS facet FROM procedure WHERE ",
        IN_SCOPE,
        " SPLIT fields) GROUP BY facet ORDER BY count DESC LIMIT 40;",
        "SELECT facet, count() AS count FROM (SELECT levels AS facet FROM procedure WHERE ",
        IN_SCOPE,
        " SPLIT levels) GROUP BY facet ORDER BY count DESC;",
        "SELECT online_level AS facet, count() AS count FROM procedure WHERE online_level != NONE AND ",
        IN_SCOPE,
        " GROUP BY facet;",
        "SELECT facet, count() AS count FROM (SELECT audiences AS facet FROM procedure WHERE ",
        IN_SCOPE,
        " SPLIT audiences) GROUP BY facet;",
    ]
    .concat();

    let mut response = db
        .query(statements)
        .bind(("province", scope.province_code.clone()))
        .await
        .map_err(|error| database_error("catalogue overview", error))?;
    let mut counts = [0; 2];
    for (index, count) in counts.iter_mut().enumerate() {
        let rows: Vec<Json> =
            response.take(index).map_err(|error| database_error("catalogue overview", error))?;
        *count = rows.first().and_then(|row| row.get("count")).and_then(Json::as_u64).unwrap_or(0);
    }

    let mut facets = Vec::with_capacity(4);
    for index in 2..6 {
        let rows: Vec<Json> =
            response.take(index).map_err(|error| database_error("catalogue overview", error))?;
        facets.push(rows.into_iter().filter_map(facet_from).collect::<Vec<_>>());
    }

    let [total, detailed] = counts;
    let mut facets = facets.into_iter();
    let mut next = || facets.next().unwrap_or_default();
    Ok(CatalogueOverview {
        total,
        detailed,
        fields: next(),
        levels: next(),
        online_levels: next(),
        audiences: next(),
    })
}

fn decode<T: DeserializeOwned>(value: Json, table: &'static str) -> Result<T, AppError> {
    serde_json::from_value(value).map_err(|error| {
        tracing::error!(table, error = %error, "stored record does not match its type");
        AppError::Internal
    })
}

fn facet_from(row: Json) -> Option<Facet> {
    let count = row.get("count")?.as_u64()?;
    // A procedure with none of a facet's values (no level, say) splits into
    // one row holding the empty list: it is no way in.
    let value = row.get("facet")?.as_str()?.to_string();
    Some(Facet { value, count })
}

fn summary_from(row: Json) -> Result<ProcedureSummary, AppError> {
    let marked = row.get("marked").and_then(Json::as_str).map(str::to_string);
    let row: SummaryRow = decode(row, "procedure")?;

    let name_parts = match marked {
        Some(marked) => split_marks(&marked),
        None => vec![TextPart { text: row.name.clone(), matched: false }],
    };
    Ok(ProcedureSummary {
        code: row.code,
        name: row.name,
        name_parts,
        fields: row.fields,
        levels: row.levels,
        online_level: row.online_level.as_deref().and_then(OnlineLevel::from_stored),
        audiences: row.audiences.iter().filter_map(|value| Audience::from_stored(value)).collect(),
        has_detail: row.has_detail,
    })
}

/// The columns a search result reads.
#[derive(serde::Deserialize)]
struct SummaryRow {
    code: String,
    name: String,
    #[serde(default)]
    fields: Vec<String>,
    #[serde(default)]
    levels: Vec<String>,
    #[serde(default)]
    online_level: Option<String>,
    #[serde(default)]
    audiences: Vec<String>,
    #[serde(default)]
    has_detail: bool,
}

fn entry_from(row: CatalogueRow) -> CatalogueEntry {
    let CatalogueRow { entry, summary } = row;
    CatalogueEntry {
        source_url: national_portal_url(&entry.source_id),
        kind: kind_from_stored(&entry.kind),
        audiences: entry.audiences.iter().filter_map(|value| Audience::from_stored(value)).collect(),
        online_level: summary.online_level.as_deref().and_then(OnlineLevel::from_stored),
        code: entry.code,
        name: entry.name,
        fields: entry.fields,
        departments: entry.departments,
        promulgating_agency: entry.promulgating_agency,
        subject_types: entry.subject_types,
        levels: summary.levels,
    }
}

/// Splits a highlighted name into plain and matched runs.
fn split_marks(marked: &str) -> Vec<TextPart> {
    let mut parts = Vec::new();
    for (index, chunk) in marked.split(MARK_OPEN).enumerate() {
        let (matched, rest) = match chunk.split_once(MARK_CLOSE) {
            Some((matched, rest)) if index > 0 => (matched, rest),
            _ => ("", chunk),
        };
        if !matched.is_empty() {
            parts.push(TextPart { text: matched.to_string(), matched: true });
        }
        if !rest.is_empty() {
            parts.push(TextPart { text: rest.replace(MARK_CLOSE, ""), matched: false });
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_names_split_into_runs() {
        let marked = format!("Thủ tục {MARK_OPEN}đăng{MARK_CLOSE} {MARK_OPEN}ký{MARK_CLOSE} kết hôn");

        let parts = split_marks(&marked);

        let matched: Vec<_> =
            parts.iter().filter(|part| part.matched).map(|part| part.text.as_str()).collect();
        let whole: String = parts.iter().map(|part| part.text.as_str()).collect();
        assert_eq!(matched, ["đăng", "ký"]);
        assert_eq!(whole, "Thủ tục đăng ký kết hôn");
    }

    #[test]
    fn a_name_without_marks_is_one_plain_run() {
        let parts = split_marks("Đăng ký khai sinh");

        assert_eq!(parts, vec![TextPart { text: "Đăng ký khai sinh".into(), matched: false }]);
    }
}
