//! Administration: agencies and officer accounts (issue, change roles,
//! revoke), each change recorded in the audit log.

pub mod api;
pub mod calendar;
pub mod department;
pub mod hours;
#[cfg(feature = "ssr")]
pub mod stored;
pub mod view;
pub mod workflow;

use serde::{Deserialize, Serialize};

use crate::account::Role;

/// An agency that receives and processes dossiers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    pub code: String,
    pub name: String,
}

/// An officer account as administrators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerRow {
    pub key: String,
    pub login: String,
    pub full_name: String,
    pub agency: String,
    pub agency_name: String,
    /// The key of the department the officer belongs to.
    pub department: Option<String>,
    pub department_name: Option<String>,
    pub roles: Vec<Role>,
    pub revoked: bool,
}

/// The longest login name or person's name accepted.
pub const MAX_NAME: usize = 120;

/// Checks a login name: letters, digits, `.`, `_`, `-` and `@`, as the
/// province's central sign-in issues them.
pub fn check_login(login: &str) -> Result<String, String> {
    let login = login.trim().to_lowercase();
    let allowed = |character: char| character.is_ascii_alphanumeric() || ".-_@".contains(character);
    if login.is_empty() {
        return Err("Vui lòng nhập tên đăng nhập.".into());
    }
    if login.chars().count() > MAX_NAME || !login.chars().all(allowed) {
        return Err("Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các dấu . _ - @.".into());
    }
    Ok(login)
}

/// Reads the roles a form sent; unknown or citizen roles are refused.
pub fn check_roles(roles: &[String]) -> Result<Vec<Role>, String> {
    let mut checked = Vec::new();
    for stored in roles {
        match Role::from_stored(stored) {
            Some(role) if Role::OFFICER_ROLES.contains(&role) => {
                if !checked.contains(&role) {
                    checked.push(role);
                }
            }
            _ => return Err("Vai trò không hợp lệ.".into()),
        }
    }
    if checked.is_empty() {
        return Err("Vui lòng chọn ít nhất một vai trò.".into());
    }
    checked.sort();
    Ok(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_folded_and_checked() {
        assert_eq!(check_login("  MotCua.X "), Ok("motcua.x".to_string()));
        assert!(check_login("").is_err());
        assert!(check_login("thử").is_err());
        assert!(check_login("a b").is_err());
    }

    #[test]
    fn roles_must_be_officer_roles() {
        let roles = check_roles(&["leader".into(), "desk_officer".into(), "leader".into()]);

        assert_eq!(roles, Ok(vec![Role::DeskOfficer, Role::Leader]));
        assert!(check_roles(&["citizen".into()]).is_err());
        assert!(check_roles(&["root".into()]).is_err());
        assert!(check_roles(&[]).is_err());
    }
}
