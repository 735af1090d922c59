//! Server functions of the administration pages. Province administrators
//! manage every agency's officers; an agency administrator manages only
//! their own agency's, and cannot give province-wide roles.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Agency, OfficerRow};
use crate::account::Role;
use crate::error::AppError;

/// The role checkboxes of a form, one field each so that a browser without
/// JavaScript sends them as it would any checkbox (`roles[leader]=on`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleBoxes {
    pub desk_officer: Option<String>,
    pub specialist: Option<String>,
    pub leader: Option<String>,
    pub agency_admin: Option<String>,
    pub province_admin: Option<String>,
    pub provincial_monitor: Option<String>,
}

impl RoleBoxes {
    pub fn checked(&self) -> Vec<String> {
        [
            (&self.desk_officer, Role::DeskOfficer),
            (&self.specialist, Role::Specialist),
            (&self.leader, Role::Leader),
            (&self.agency_admin, Role::AgencyAdmin),
            (&self.province_admin, Role::ProvinceAdmin),
            (&self.provincial_monitor, Role::ProvincialMonitor),
        ]
        .into_iter()
        .filter(|(value, _)| value.is_some())
        .map(|(_, role)| role.as_stored().to_string())
        .collect()
    }
}

/// Every agency, for the forms' choice of agency.
#[server(endpoint = "quan-tri/co-quan")]
pub async fn list_agencies() -> Result<Vec<Agency>, AppError> {
    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin, Role::AgencyAdmin])?;

    let agencies = super::stored::agencies(&context.db)
        .await
        .map_err(|error| crate::server::database_error("agencies", error))?;
    if admin.has(Role::ProvinceAdmin) {
        Ok(agencies)
    } else {
        Ok(agencies.into_iter().filter(|agency| agency.code == admin.agency).collect())
    }
}

/// The officer accounts the caller administers.
#[server(endpoint = "quan-tri/can-bo")]
pub async fn list_officer_accounts() -> Result<Vec<OfficerRow>, AppError> {
    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin, Role::AgencyAdmin])?;

    let agency = (!admin.has(Role::ProvinceAdmin)).then_some(admin.agency.as_str());
    let officers = crate::account::stored::list_officers(&context.db, agency)
        .await
        .map_err(|error| crate::server::database_error("list officers", error))?;
    Ok(officers
        .into_iter()
        .map(|officer| OfficerRow {
            roles: officer.roles(),
            key: officer.key,
            login: officer.login,
            full_name: officer.full_name,
            agency: officer.agency,
            agency_name: officer.agency_name,
            department: officer.department,
            department_name: officer.department_name,
            revoked: officer.revoked,
        })
        .collect())
}

/// Issues an account for a login of the province's central sign-in.
#[server(endpoint = "quan-tri/can-bo/cap")]
pub async fn issue_officer_account(
    login: String,
    full_name: String,
    agency: String,
    roles: RoleBoxes,
) -> Result<(), AppError> {
    use crate::audit::AuditAction;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin, Role::AgencyAdmin])?;

    let login = super::check_login(&login).map_err(AppError::InvalidInput)?;
    let full_name = full_name.trim().to_string();
    if full_name.is_empty() || full_name.chars().count() > super::MAX_NAME {
        return Err(AppError::InvalidInput("Vui lòng nhập họ và tên (tối đa 120 ký tự).".into()));
    }
    let roles = super::check_roles(&roles.checked()).map_err(AppError::InvalidInput)?;
    permitted(admin, &agency, &roles)?;
    let known = super::stored::agency_exists(&context.db, &agency)
        .await
        .map_err(|error| crate::server::database_error("agency exists", error))?;
    if !known {
        return Err(AppError::InvalidInput("Cơ quan không có trong danh sách.".into()));
    }

    let issued =
        super::stored::issue_officer(&context.db, &login, &full_name, &agency, &roles, &admin.account())
            .await
            .map_err(|error| crate::server::database_error("issue officer", error))?;
    let key =
        issued.map_err(|_| AppError::Conflict(format!("Tên đăng nhập {login} đã được cấp tài khoản.")))?;
    let detail = format!("{login}; {agency}; {}", stored_roles(&roles));
    audit(&caller, AuditAction::OfficerIssued, &key, &detail).await?;
    tracing::info!(officer = %key, agency = %agency, "officer account issued");
    Ok(())
}

/// Replaces an officer's roles.
#[server(endpoint = "quan-tri/can-bo/vai-tro")]
pub async fn change_officer_roles(key: String, roles: RoleBoxes) -> Result<(), AppError> {
    use crate::audit::AuditAction;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin, Role::AgencyAdmin])?;

    let roles = super::check_roles(&roles.checked()).map_err(AppError::InvalidInput)?;
    let officer = administered(&context, admin, &key).await?;
    permitted(admin, &officer.agency, &roles)?;

    super::stored::set_roles(&context.db, &key, &roles)
        .await
        .map_err(|error| crate::server::database_error("set roles", error))?;
    let detail = format!("{} → {}", officer.roles.join(","), stored_roles(&roles));
    audit(&caller, AuditAction::OfficerRolesChanged, &key, &detail).await?;
    tracing::info!(officer = %key, "officer roles changed");
    Ok(())
}

/// Puts an officer in one of their agency's departments, or in none
/// (`department` empty): the steps a workflow gives that department are
/// theirs from the next dossier on.
#[server(endpoint = "quan-tri/can-bo/phong-ban")]
pub async fn set_officer_department(key: String, department: String) -> Result<(), AppError> {
    use crate::audit::AuditAction;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin, Role::AgencyAdmin])?;

    let officer = administered(&context, admin, &key).await?;
    let department = department.trim();
    let chosen = if department.is_empty() {
        None
    } else {
        let department = super::department::stored::one(&context.db, department)
            .await
            .map_err(|error| crate::server::database_error("read department", error))?
            .filter(|department| department.agency == officer.agency)
            .ok_or_else(|| AppError::InvalidInput("Phòng ban không thuộc cơ quan của cán bộ này.".into()))?;
        Some(department)
    };

    let set = super::stored::set_department(
        &context.db,
        &key,
        chosen.as_ref().map(|department| department.key.as_str()),
    )
    .await
    .map_err(|error| crate::server::database_error("set department", error))?;
    if !set {
        return Err(AppError::Conflict("Phòng ban vừa bị xóa hoặc đã thay đổi; hãy tải lại trang.".into()));
    }
    let detail = format!(
        "{} → {}",
        officer.department_name.as_deref().unwrap_or("—"),
        chosen.as_ref().map_or("—", |department| department.name.as_str())
    );
    audit(&caller, AuditAction::OfficerDepartmentChanged, &key, &detail).await?;
    tracing::info!(officer = %key, "officer department changed");
    Ok(())
}

/// Revokes an officer account; its sessions end at once.
#[server(endpoint = "quan-tri/can-bo/thu-hoi")]
pub async fn revoke_officer_account(key: String) -> Result<(), AppError> {
    use crate::audit::AuditAction;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin, Role::AgencyAdmin])?;

    let officer = administered(&context, admin, &key).await?;
    if officer.key == admin.key {
        return Err(AppError::InvalidInput("Không thể tự thu hồi tài khoản của chính mình.".into()));
    }
    if officer.revoked {
        return Err(AppError::Conflict("Tài khoản này đã bị thu hồi trước đó.".into()));
    }

    super::stored::revoke(&context.db, &key)
        .await
        .map_err(|error| crate::server::database_error("revoke officer", error))?;
    audit(&caller, AuditAction::OfficerRevoked, &key, &officer.login).await?;
    tracing::info!(officer = %key, "officer account revoked");
    Ok(())
}

#[cfg(feature = "ssr")]
fn stored_roles(roles: &[Role]) -> String {
    roles.iter().map(|role| role.as_stored()).collect::<Vec<_>>().join(",")
}

/// An agency administrator acts only within their agency and cannot give
/// roles that reach beyond it.
#[cfg(feature = "ssr")]
fn permitted(admin: &crate::account::stored::Officer, agency: &str, roles: &[Role]) -> Result<(), AppError> {
    if admin.has(Role::ProvinceAdmin) {
        return Ok(());
    }
    let province_wide =
        roles.iter().any(|role| matches!(role, Role::ProvinceAdmin | Role::ProvincialMonitor));
    if agency != admin.agency || province_wide {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// The officer, if the caller administers their agency; otherwise the
/// same answer as for an unknown key.
#[cfg(feature = "ssr")]
async fn administered(
    context: &crate::server::ServerContext,
    admin: &crate::account::stored::Officer,
    key: &str,
) -> Result<crate::account::stored::Officer, AppError> {
    let officer = crate::account::stored::load_officer(&context.db, key)
        .await
        .map_err(|error| crate::server::database_error("load officer", error))?
        .ok_or(AppError::NotFound)?;
    if !admin.has(Role::ProvinceAdmin) && officer.agency != admin.agency {
        return Err(AppError::NotFound);
    }
    Ok(officer)
}

#[cfg(feature = "ssr")]
async fn audit(
    caller: &crate::account::caller::Caller,
    action: crate::audit::AuditAction,
    target: &str,
    detail: &str,
) -> Result<(), AppError> {
    let context = crate::server::context()?;
    let account = caller.account().unwrap_or_else(|| "anonymous".into());
    let name = caller.name();
    let address = crate::server::client_address().await;
    let event = crate::audit::stored::AuditEvent {
        actor: &account,
        actor_name: name.as_deref(),
        action,
        target: Some(&format!("officer:{target}")),
        detail: Some(detail),
        address: address.as_deref(),
    };
    crate::audit::stored::record(&context.db, event)
        .await
        .map_err(|error| crate::server::database_error("audit", error))
}
