//! What a fresh portal needs before anyone can sign in: its agencies, and
//! the officer accounts named in the officers file (at least the first
//! administrator, who issues the rest).

use app::dossier::receiving::department_name;
use std::collections::BTreeSet;
use std::path::Path;

use app::account::Role;
use app::audit::AuditAction;
use app::audit::stored::{AuditEvent, record};
use app::server::Db;
use serde::Deserialize;

#[derive(Debug, thiserror::Error)]
pub enum BootstrapError {
    #[error("database: {0}")]
    Database(#[from] Box<surrealdb::Error>),

    #[error("cannot read the officers file {path}: {reason}")]
    OfficersFile { path: String, reason: String },
}

impl From<surrealdb::Error> for BootstrapError {
    fn from(error: surrealdb::Error) -> Self {
        BootstrapError::Database(Box::new(error))
    }
}

/// Creates the province's agencies when there are none: a people's
/// committee for each of its communes, and each provincial department
/// (Sở) that the imported procedures name as executing them.
pub async fn agencies(db: &Db, province: &str) -> Result<(), BootstrapError> {
    let mut response = db.query("SELECT VALUE record::id(id) FROM agency LIMIT 1").await?;
    let existing: Vec<String> = response.take(0)?;
    if !existing.is_empty() {
        return Ok(());
    }

    let mut response = db
        .query(
            "RETURN array::distinct(array::flatten(SELECT VALUE executing_units FROM procedure_detail));
             SELECT code, name FROM commune WHERE province = $province;",
        )
        .bind(("province", province.to_string()))
        .await?;
    let units: Vec<String> = response.take(0)?;
    let communes: Vec<serde_json::Value> = response.take(1)?;

    let departments: BTreeSet<String> = units.into_iter().filter_map(|unit| department_name(&unit)).collect();
    let mut agencies: Vec<serde_json::Value> = departments
        .into_iter()
        .map(|name| serde_json::json!({ "code": slug(&name), "name": name, "kind": "department" }))
        .collect();
    agencies.extend(communes.iter().filter_map(|commune| {
        let code = commune.get("code")?.as_str()?;
        let name = commune.get("name")?.as_str()?;
        Some(serde_json::json!({
            "code": format!("ubnd-{code}"), "name": format!("Ủy ban nhân dân {name}"),
            "kind": "commune", "commune": code
        }))
    }));

    let count = agencies.len();
    db.query("FOR $agency IN $agencies { CREATE type::record('agency', $agency.code) CONTENT $agency; }")
        .bind(("agencies", agencies))
        .await?
        .check()?;
    tracing::info!(count, "agencies created");
    Ok(())
}

fn slug(name: &str) -> String {
    deunicode::deunicode(name)
        .to_lowercase()
        .split(|character: char| !character.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OfficerEntry {
    login: String,
    full_name: String,
    agency: String,
    roles: Vec<String>,
}

/// Issues the officers file's accounts whose login has none yet; an entry
/// that cannot be issued is reported and the others still are.
pub async fn officers(db: &Db, file: &Path) -> Result<(), BootstrapError> {
    let unreadable =
        |reason: String| BootstrapError::OfficersFile { path: file.display().to_string(), reason };
    let text = std::fs::read_to_string(file).map_err(|error| unreadable(error.to_string()))?;
    let entries: Vec<OfficerEntry> =
        serde_json::from_str(&text).map_err(|error| unreadable(error.to_string()))?;

    for entry in entries {
        let login = match app::admin::check_login(&entry.login) {
            Ok(login) => login,
            Err(reason) => {
                tracing::warn!(login = %entry.login, reason, "officers file: entry skipped");
                continue;
            }
        };
        let roles: Vec<Role> = match app::admin::check_roles(&entry.roles) {
            Ok(roles) => roles,
            Err(reason) => {
                tracing::warn!(login = %login, reason, "officers file: entry skipped");
                continue;
            }
        };
        if !app::admin::stored::agency_exists(db, &entry.agency).await? {
            tracing::warn!(login = %login, agency = %entry.agency, "officers file: unknown agency, entry skipped");
            continue;
        }
        let issued =
            app::admin::stored::issue_officer(db, &login, &entry.full_name, &entry.agency, &roles, "system")
                .await?;
        if let Ok(key) = issued {
            let target = format!("officer:{key}");
            let detail = format!("{login}; {}", entry.agency);
            let event = AuditEvent {
                actor: "system",
                actor_name: None,
                action: AuditAction::OfficerIssued,
                target: Some(&target),
                detail: Some(&detail),
                address: None,
            };
            record(db, event).await?;
            tracing::info!(login = %login, agency = %entry.agency, "officer account issued from the officers file");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_codes_are_plain_ascii() {
        assert_eq!(slug("Sở Nông nghiệp và Môi trường"), "so-nong-nghiep-va-moi-truong");
    }
}
