//! The audit log: an append-only record of sign-ins, failed sign-ins,
//! account changes and officers' actions: who, when, what, from where.
//! It never holds tokens, passwords, ID numbers or document contents.

pub mod api;
#[cfg(feature = "ssr")]
pub mod stored;
pub mod view;

use serde::{Deserialize, Serialize};

/// What happened. The stored name is stable; the label is for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditAction {
    SignedIn,
    SignInFailed,
    SignedOut,
    SignedOutEverywhere,
    OfficerIssued,
    OfficerRolesChanged,
    OfficerRevoked,
    DossierReceived,
    SupplementRequested,
    DossierRefused,
    DossierHandedOver,
    DossierSentBack,
    ResultRecorded,
    ResultApproved,
    ResultReturned,
    ApologyIssued,
    WalkInRegistered,
    WorkflowChanged,
    CalendarChanged,
    DepartmentChanged,
    OfficerDepartmentChanged,
}

impl AuditAction {
    pub const ALL: [AuditAction; 21] = [
        AuditAction::SignedIn,
        AuditAction::SignInFailed,
        AuditAction::SignedOut,
        AuditAction::SignedOutEverywhere,
        AuditAction::OfficerIssued,
        AuditAction::OfficerRolesChanged,
        AuditAction::OfficerRevoked,
        AuditAction::DossierReceived,
        AuditAction::SupplementRequested,
        AuditAction::DossierRefused,
        AuditAction::DossierHandedOver,
        AuditAction::DossierSentBack,
        AuditAction::ResultRecorded,
        AuditAction::ResultApproved,
        AuditAction::ResultReturned,
        AuditAction::ApologyIssued,
        AuditAction::WalkInRegistered,
        AuditAction::WorkflowChanged,
        AuditAction::CalendarChanged,
        AuditAction::DepartmentChanged,
        AuditAction::OfficerDepartmentChanged,
    ];

    pub fn as_stored(self) -> &'static str {
        match self {
            AuditAction::SignedIn => "sign_in",
            AuditAction::SignInFailed => "sign_in_failed",
            AuditAction::SignedOut => "sign_out",
            AuditAction::SignedOutEverywhere => "sign_out_everywhere",
            AuditAction::OfficerIssued => "officer_issued",
            AuditAction::OfficerRolesChanged => "officer_roles_changed",
            AuditAction::OfficerRevoked => "officer_revoked",
            AuditAction::DossierReceived => "dossier_received",
            AuditAction::SupplementRequested => "supplement_requested",
            AuditAction::DossierRefused => "dossier_refused",
            AuditAction::DossierHandedOver => "dossier_handed_over",
            AuditAction::DossierSentBack => "dossier_sent_back",
            AuditAction::ResultRecorded => "result_recorded",
            AuditAction::ResultApproved => "result_approved",
            AuditAction::ResultReturned => "result_returned",
            AuditAction::ApologyIssued => "apology_issued",
            AuditAction::WalkInRegistered => "walk_in_registered",
            AuditAction::WorkflowChanged => "workflow_changed",
            AuditAction::CalendarChanged => "calendar_changed",
            AuditAction::DepartmentChanged => "department_changed",
            AuditAction::OfficerDepartmentChanged => "officer_department_changed",
        }
    }

    pub fn from_stored(stored: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|action| action.as_stored() == stored)
    }

    pub fn label(self) -> &'static str {
        match self {
            AuditAction::SignedIn => "Đăng nhập",
            AuditAction::SignInFailed => "Đăng nhập không thành công",
            AuditAction::SignedOut => "Đăng xuất",
            AuditAction::SignedOutEverywhere => "Đăng xuất khỏi mọi thiết bị",
            AuditAction::OfficerIssued => "Cấp tài khoản cán bộ",
            AuditAction::OfficerRolesChanged => "Đổi vai trò cán bộ",
            AuditAction::OfficerRevoked => "Thu hồi tài khoản cán bộ",
            AuditAction::DossierReceived => "Tiếp nhận hồ sơ",
            AuditAction::SupplementRequested => "Yêu cầu bổ sung hồ sơ",
            AuditAction::DossierRefused => "Từ chối tiếp nhận hồ sơ",
            AuditAction::DossierHandedOver => "Chuyển bước xử lý hồ sơ",
            AuditAction::DossierSentBack => "Trả lại bước trước",
            AuditAction::ResultRecorded => "Cập nhật kết quả giải quyết",
            AuditAction::ResultApproved => "Phê duyệt kết quả",
            AuditAction::ResultReturned => "Trả kết quả",
            AuditAction::ApologyIssued => "Xin lỗi và hẹn lại ngày trả kết quả",
            AuditAction::WalkInRegistered => "Đăng ký hồ sơ nộp trực tiếp",
            AuditAction::WorkflowChanged => "Sửa quy trình xử lý",
            AuditAction::CalendarChanged => "Sửa lịch ngày nghỉ, giờ làm việc",
            AuditAction::DepartmentChanged => "Thêm, đổi tên, xóa phòng ban",
            AuditAction::OfficerDepartmentChanged => "Chuyển phòng ban của cán bộ",
        }
    }
}

/// One line of the log as administrators read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Local time, `YYYY-MM-DD HH:MM:SS`.
    pub at: String,
    pub actor: String,
    pub actor_name: Option<String>,
    pub action: String,
    pub target: Option<String>,
    pub detail: Option<String>,
    pub address: Option<String>,
}

/// The administrators' filter: one action, one actor, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub actor: Option<String>,
}
