//! Who may do what. A person signed in through the national e-ID acts as a
//! citizen or for an organisation; an officer holds the roles an
//! administrator gave them, within one agency.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Citizen,
    /// Acts for a business or organisation; what belongs to it is visible
    /// to all its representatives.
    BusinessRepresentative,
    /// Bộ phận Một cửa: receives and returns dossiers.
    DeskOfficer,
    /// Chuyên viên: processes dossiers in a department.
    Specialist,
    /// Lãnh đạo: approves results.
    Leader,
    /// Manages the officers and departments of one agency.
    AgencyAdmin,
    /// Manages agencies, every officer account, the calendar.
    ProvinceAdmin,
    /// Reads every agency's figures, changes nothing.
    ProvincialMonitor,
}

impl Role {
    /// The roles an administrator can give an officer.
    pub const OFFICER_ROLES: [Role; 6] = [
        Role::DeskOfficer,
        Role::Specialist,
        Role::Leader,
        Role::AgencyAdmin,
        Role::ProvinceAdmin,
        Role::ProvincialMonitor,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Citizen => "Công dân",
            Role::BusinessRepresentative => "Đại diện doanh nghiệp, tổ chức",
            Role::DeskOfficer => "Cán bộ Bộ phận Một cửa",
            Role::Specialist => "Chuyên viên",
            Role::Leader => "Lãnh đạo",
            Role::AgencyAdmin => "Quản trị cơ quan",
            Role::ProvinceAdmin => "Quản trị hệ thống tỉnh",
            Role::ProvincialMonitor => "Giám sát cấp tỉnh",
        }
    }

    /// The name stored in the database and sent by forms.
    pub fn as_stored(self) -> &'static str {
        match self {
            Role::Citizen => "citizen",
            Role::BusinessRepresentative => "business_representative",
            Role::DeskOfficer => "desk_officer",
            Role::Specialist => "specialist",
            Role::Leader => "leader",
            Role::AgencyAdmin => "agency_admin",
            Role::ProvinceAdmin => "province_admin",
            Role::ProvincialMonitor => "provincial_monitor",
        }
    }

    pub fn from_stored(stored: &str) -> Option<Role> {
        [Role::Citizen, Role::BusinessRepresentative]
            .into_iter()
            .chain(Role::OFFICER_ROLES)
            .find(|role| role.as_stored() == stored)
    }

    pub fn is_administrator(self) -> bool {
        matches!(self, Role::AgencyAdmin | Role::ProvinceAdmin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_stored_name() {
        for role in [Role::Citizen, Role::BusinessRepresentative].into_iter().chain(Role::OFFICER_ROLES) {
            assert_eq!(Role::from_stored(role.as_stored()), Some(role));
            assert!(!role.label().is_empty());
        }
        assert_eq!(Role::from_stored("root"), None);
    }
}
