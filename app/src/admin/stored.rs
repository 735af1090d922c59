use serde_json::Value as Json;

use super::Agency;
use crate::account::Role;
use crate::server::Db;

pub async fn agencies(db: &Db) -> Result<Vec<Agency>, surrealdb::Error> {
    let mut response = db.query("SELECT code, name, kind FROM agency ORDER BY kind, name").await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows.into_iter().filter_map(|row| serde_json::from_value(row).ok()).collect())
}

pub async fn agency_exists(db: &Db, code: &str) -> Result<bool, surrealdb::Error> {
    let mut response = db
        .query("RETURN record::exists(type::record('agency', $code))")
        .bind(("code", code.to_string()))
        .await?;
    let exists: Option<bool> = response.take(0)?;
    Ok(exists.unwrap_or(false))
}

/// Why issuing an account did not happen.
pub enum IssueRefusal {
    LoginTaken,
}

/// Issues an officer account; returns its key.
pub async fn issue_officer(
    db: &Db,
    login: &str,
    full_name: &str,
    agency: &str,
    roles: &[Role],
    issued_by: &str,
) -> Result<Result<String, IssueRefusal>, surrealdb::Error> {
    let mut response = db
        .query("SELECT VALUE record::id(id) FROM officer WHERE login = $login")
        .bind(("login", login.to_string()))
        .await?;
    let existing: Vec<String> = response.take(0)?;
    if !existing.is_empty() {
        return Ok(Err(IssueRefusal::LoginTaken));
    }

    let mut response = db
        .query(
            "(CREATE ONLY officer CONTENT {
                login: $login, full_name: $full_name, agency: type::record('agency', $agency),
                roles: $roles, issued_by: $issued_by
            } RETURN record::id(id) AS key).key",
        )
        .bind(("login", login.to_string()))
        .bind(("full_name", full_name.to_string()))
        .bind(("agency", agency.to_string()))
        .bind(("roles", roles.iter().map(|role| role.as_stored()).collect::<Vec<_>>()))
        .bind(("issued_by", issued_by.to_string()))
        .await?;
    let key: Option<String> = response.take(0)?;
    Ok(Ok(key.unwrap_or_default()))
}

pub async fn set_roles(db: &Db, key: &str, roles: &[Role]) -> Result<(), surrealdb::Error> {
    db.query("UPDATE type::record('officer', $key) SET roles = $roles")
        .bind(("key", key.to_string()))
        .bind(("roles", roles.iter().map(|role| role.as_stored()).collect::<Vec<_>>()))
        .await?
        .check()?;
    Ok(())
}

/// Puts an officer in a department of their own agency, or in none; `false`
/// when the department is gone or belongs to another agency by the time the
/// change is made.
pub async fn set_department(db: &Db, key: &str, department: Option<&str>) -> Result<bool, surrealdb::Error> {
    let mut response = db
        .query(
            "LET $officer = type::record('officer', $key);
             LET $department = IF $chosen = NONE { NONE } ELSE { type::record('department', $chosen) };
             RETURN IF $department = NONE OR $department.agency = $officer.agency {
                 (UPDATE $officer SET department = $department RETURN VALUE true)[0] ?? false
             } ELSE { false };",
        )
        .bind(("key", key.to_string()))
        .bind(("chosen", department.map(str::to_string)))
        .await?;
    let set: Option<bool> = response.take(2)?;
    Ok(set.unwrap_or(false))
}

/// Marks the account revoked and ends its sessions, in one transaction.
pub async fn revoke(db: &Db, key: &str) -> Result<(), surrealdb::Error> {
    db.query(
        "BEGIN TRANSACTION;
         UPDATE type::record('officer', $key) SET revoked_at = time::now() WHERE revoked_at = NONE;
         DELETE session WHERE account = $account;
         COMMIT TRANSACTION;",
    )
    .bind(("key", key.to_string()))
    .bind(("account", format!("officer:{key}")))
    .await?
    .check()?;
    Ok(())
}
