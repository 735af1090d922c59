//! The signed-in account as pages see it: enough for the header, the
//! navigation and the home each role starts from. Never an ID number.

use serde::{Deserialize, Serialize};

use super::role::Role;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub name: String,
    pub roles: Vec<Role>,
    /// The organisation a business representative acts for, or the agency
    /// an officer works in.
    pub acting_for: Option<String>,
}

/// A link of a role's navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavLink {
    pub href: &'static str,
    pub label: &'static str,
}

impl Viewer {
    pub fn is_officer(&self) -> bool {
        self.roles.iter().any(|role| Role::OFFICER_ROLES.contains(role))
    }

    pub fn is_administrator(&self) -> bool {
        self.roles.iter().any(|role| role.is_administrator())
    }

    /// Keeps what is the province's own: its calendar and its workflows.
    pub fn is_province_administrator(&self) -> bool {
        self.roles.contains(&Role::ProvinceAdmin)
    }

    /// Where this account starts: its own dossiers for people, the agency's
    /// queue for officers, accounts and agencies for administrators.
    pub fn home(&self) -> &'static str {
        if self.is_administrator() {
            ADMIN_HOME
        } else if self.is_officer() {
            OFFICER_HOME
        } else {
            PERSON_HOME
        }
    }

    /// The links the header offers this account, its home first.
    pub fn navigation(&self) -> Vec<NavLink> {
        let mut links = Vec::new();
        if self.is_administrator() {
            links.push(NavLink { href: ADMIN_HOME, label: "Tài khoản cán bộ" });
            links.push(NavLink { href: DEPARTMENTS, label: "Phòng ban" });
            links.push(NavLink { href: AUDIT_LOG, label: "Nhật ký" });
        }
        if self.is_province_administrator() {
            links.push(NavLink { href: CALENDAR, label: "Lịch ngày nghỉ" });
            links.push(NavLink { href: WORKFLOWS, label: "Quy trình" });
        }
        if self.is_officer() {
            links.push(NavLink { href: OFFICER_HOME, label: "Hồ sơ cần xử lý" });
        } else {
            links.push(NavLink { href: PERSON_HOME, label: "Hồ sơ của tôi" });
            links.push(NavLink { href: DATA_STORE, label: "Kho dữ liệu" });
        }
        links
    }

    pub fn role_labels(&self) -> String {
        self.roles.iter().map(|role| role.label()).collect::<Vec<_>>().join(", ")
    }
}

pub const DATA_STORE: &str = "/kho-du-lieu";
pub const PERSON_HOME: &str = "/ho-so-cua-toi";
pub const OFFICER_HOME: &str = "/can-bo";
pub const ADMIN_HOME: &str = "/quan-tri";
pub const AUDIT_LOG: &str = "/quan-tri/nhat-ky";
pub const DEPARTMENTS: &str = "/quan-tri/phong-ban";
pub const CALENDAR: &str = "/quan-tri/lich";
pub const WORKFLOWS: &str = "/quan-tri/quy-trinh";

#[cfg(test)]
mod tests {
    use super::*;

    fn viewer(roles: &[Role]) -> Viewer {
        Viewer { name: "Thử".into(), roles: roles.to_vec(), acting_for: None }
    }

    #[test]
    fn each_role_starts_from_its_own_home() {
        assert_eq!(viewer(&[Role::Citizen]).home(), PERSON_HOME);
        assert_eq!(viewer(&[Role::BusinessRepresentative]).home(), PERSON_HOME);
        assert_eq!(viewer(&[Role::DeskOfficer]).home(), OFFICER_HOME);
        assert_eq!(viewer(&[Role::Specialist, Role::Leader]).home(), OFFICER_HOME);
        assert_eq!(viewer(&[Role::DeskOfficer, Role::AgencyAdmin]).home(), ADMIN_HOME);
    }

    #[test]
    fn only_administrators_see_the_admin_links() {
        let desk = viewer(&[Role::DeskOfficer]).navigation();
        let admin = viewer(&[Role::ProvinceAdmin]).navigation();

        assert!(desk.iter().all(|link| link.href != ADMIN_HOME));
        assert!(admin.iter().any(|link| link.href == AUDIT_LOG));
    }
}
