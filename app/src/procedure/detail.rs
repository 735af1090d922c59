//! Everything the national portal publishes about one procedure, shaped for
//! the procedure page.

use serde::{Deserialize, Serialize};

use super::estimate::ChannelEstimate;
use super::model::{Audience, NamedCode, OnlineLevel};

/// What a procedure page shows: the catalogue entry every procedure has, and
/// the full detail where the national data carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcedurePage {
    pub entry: CatalogueEntry,
    pub detail: Option<ProcedureDetail>,
    /// The appointment each channel would give if submitted now.
    pub estimates: Vec<ChannelEstimate>,
}

/// Whether a procedure is national or one province's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProcedureKind {
    /// Thủ tục được chuẩn hóa toàn quốc.
    Standard,
    /// Thủ tục đặc thù của một địa phương.
    Local,
    /// Thủ tục nội bộ giữa các cơ quan hành chính.
    Internal,
}

impl ProcedureKind {
    pub fn label(self) -> &'static str {
        match self {
            ProcedureKind::Standard => "Thủ tục áp dụng toàn quốc",
            ProcedureKind::Local => "Thủ tục đặc thù của địa phương",
            ProcedureKind::Internal => "Thủ tục hành chính nội bộ",
        }
    }
}

/// The national index's entry for a procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    pub code: String,
    pub name: String,
    pub kind: ProcedureKind,
    pub fields: Vec<String>,
    pub departments: Vec<String>,
    pub promulgating_agency: String,
    pub subject_types: Vec<String>,
    pub audiences: Vec<Audience>,
    pub levels: Vec<String>,
    pub online_level: Option<OnlineLevel>,
    /// The procedure's page on the National Public Service Portal.
    pub source_url: Option<String>,
}

/// The full published detail of a procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcedureDetail {
    pub field: NamedCode,
    pub promulgating_agency: NamedCode,
    pub decision: Decision,
    pub executing_units: Vec<String>,
    pub authority_units: Vec<String>,
    pub channels: Vec<Channel>,
    pub processing_cases: Vec<ProcessingCase>,
    pub dossier: Vec<ComponentGroup>,
    pub results: Vec<NamedCode>,
    pub legal_basis: Vec<NamedCode>,
    pub requirements: Option<String>,
    pub steps: Vec<String>,
    pub flags: PortalFlags,
    pub updated_at: String,
}

/// The decision that published or amended the procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub number: String,
    pub date: String,
    pub published: Option<String>,
    pub issuing_agency: String,
}

/// The national portal's own flags, kept as published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortalFlags {
    pub full_process: bool,
    pub offline_only: bool,
    pub shared_service: bool,
    pub vertical: bool,
    pub non_territorial: bool,
    pub internal: bool,
}

/// A way to submit (cách thức thực hiện), with its time and fees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    pub method: ChannelMethod,
    pub processing_time: ProcessingTime,
    pub description: Option<String>,
    pub fees: Vec<Fee>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChannelMethod {
    /// Trực tiếp: at the one-stop desk.
    Direct,
    /// Trực tuyến.
    Online,
    /// Dịch vụ bưu chính công ích.
    Postal,
}

impl ChannelMethod {
    pub fn from_stored(value: &str) -> Option<Self> {
        match value {
            "DIRECT" => Some(ChannelMethod::Direct),
            "ONLINE" => Some(ChannelMethod::Online),
            "POSTAL" => Some(ChannelMethod::Postal),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ChannelMethod::Direct => "Nộp trực tiếp",
            ChannelMethod::Online => "Nộp trực tuyến",
            ChannelMethod::Postal => "Nộp qua bưu chính công ích",
        }
    }
}

/// How long the agency may take. The portal gives a quantity and a unit, or,
/// for unit `OTHER`, sometimes a sentence instead of a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcessingTime {
    pub quantity: Option<f64>,
    pub unit: String,
    pub text: Option<String>,
}

impl ProcessingTime {
    /// The time as a Vietnamese phrase, or `None` when the portal gives no
    /// usable figure (the processing cases then carry it).
    pub fn describe(&self) -> Option<String> {
        if let Some(text) = &self.text {
            return Some(text.clone());
        }

        let quantity = self.quantity?;
        let amount = crate::text::decimal(quantity);
        let unit = match self.unit.as_str() {
            "WORKING_DAY" => "ngày làm việc",
            "DAY" => "ngày",
            "HOUR" => "giờ làm việc",
            "MONTH" => "tháng",
            _ => return None,
        };
        Some(format!("{amount} {unit}"))
    }
}

/// A fee or charge for a channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fee {
    /// The portal's own fee type: `FEE`, `SERVICE_FEE` or `PRICE_LEVEL`.
    pub kind: String,
    pub amount: Option<i64>,
    pub currency: Option<String>,
    pub description: Option<String>,
}

impl Fee {
    pub fn kind_label(&self) -> &'static str {
        match self.kind.as_str() {
            "FEE" => "Phí",
            "SERVICE_FEE" => "Lệ phí",
            "PRICE_LEVEL" => "Giá dịch vụ",
            _ => "Khoản thu",
        }
    }
}

/// A processing time that applies to one case of the procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcessingCase {
    pub code: String,
    pub name: String,
    pub processing_time: ProcessingTime,
}

/// A heading of the dossier (thành phần hồ sơ) and what falls under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComponentGroup {
    pub title: Option<String>,
    pub components: Vec<Component>,
}

/// One document of the dossier, or a note about the documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Component {
    pub code: String,
    pub name: String,
    pub originals: u32,
    pub copies: u32,
    pub required: bool,
    pub forms: Vec<FormTemplate>,
}

impl Component {
    /// The portal lists explanations as components with no original and no
    /// copy: they guide the applicant and are never uploaded.
    pub fn is_guidance(&self) -> bool {
        self.originals == 0 && self.copies == 0
    }
}

/// A form template (mẫu đơn, tờ khai) named by the national data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormTemplate {
    pub file_name: String,
}
