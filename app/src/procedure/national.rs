//! The national procedure database's records, kept as published. The
//! importer reads them from the national portal's export and the database
//! stores them unchanged, so nothing the portal publishes is lost; pages read
//! them back through [`super::detail`].
//!
//! Unknown fields are refused: a change in the national format must be seen
//! at import, not silently dropped.

use serde::{Deserialize, Serialize};

/// One procedure in full detail, as the portal's detail API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalProcedure {
    pub code: String,
    pub name: String,
    pub source_id: String,
    pub source_url: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub state: String,
    pub field: NationalCode,
    pub fields: Vec<NationalCode>,
    pub promulgating_agency: NationalCode,
    pub decision: NationalDecision,
    pub levels: Vec<String>,
    pub executing_units: Vec<String>,
    pub authority_units: Vec<String>,
    pub subject_types: Vec<String>,
    pub flags: NationalFlags,
    pub channels: Vec<NationalChannel>,
    pub processing_cases: Vec<NationalCase>,
    pub dossier: Vec<NationalGroup>,
    pub results: Vec<NationalCode>,
    pub legal_basis: Vec<NationalCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirements: Option<String>,
    pub steps: Vec<String>,
    pub updated_at: String,
    pub derived: NationalDerived,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalCode {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalDecision {
    pub number: String,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub issuing_agency: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(clippy::struct_excessive_bools)]
pub struct NationalFlags {
    #[serde(rename = "isFullProcess")]
    pub full_process: bool,
    #[serde(rename = "isOfflineOnly")]
    pub offline_only: bool,
    #[serde(rename = "isSharedService")]
    pub shared_service: bool,
    #[serde(rename = "isVertical")]
    pub vertical: bool,
    #[serde(rename = "isNonTerritorial")]
    pub non_territorial: bool,
    #[serde(rename = "isInternal")]
    pub internal: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalChannel {
    pub method: String,
    pub processing_time: NationalTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub fees: Vec<NationalFee>,
}

/// A processing time: a number of units, or for unit `OTHER` sometimes a
/// sentence in place of the number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalTime {
    pub qty: Quantity,
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Quantity {
    Number(f64),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalFee {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_vnd: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalCase {
    pub code: String,
    pub name: String,
    pub processing_time: NationalTime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalGroup {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub components: Vec<NationalComponent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalComponent {
    pub code: String,
    pub name: String,
    pub original_qty: u32,
    pub copy_qty: u32,
    pub required: bool,
    pub has_electronic_form: bool,
    pub forms: Vec<NationalForm>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalForm {
    pub file_name: String,
    pub file_id: String,
    pub storage_path: String,
}

/// What the data's compiler derived from the portal's fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalDerived {
    pub online_level: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_days: Option<Vec<f64>>,
    pub has_forms: bool,
}

/// One line of the national procedure index: every procedure, without detail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexEntry {
    pub code: String,
    pub name: String,
    pub fields: Vec<String>,
    pub departments: Vec<String>,
    pub promulgating_agency: String,
    pub subject_types: Vec<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub state: String,
    pub source_id: String,
}

impl NationalProcedure {
    /// The page's view of the record.
    pub fn into_detail(self) -> super::detail::ProcedureDetail {
        use super::detail as page;

        let time = |time: NationalTime| match time.qty {
            Quantity::Number(quantity) => {
                page::ProcessingTime { quantity: Some(quantity), unit: time.unit, text: None }
            }
            Quantity::Text(text) => {
                page::ProcessingTime { quantity: None, unit: time.unit, text: Some(text) }
            }
        };
        let named = |code: NationalCode| super::model::NamedCode { code: code.code, name: code.name };

        page::ProcedureDetail {
            field: named(self.field),
            promulgating_agency: named(self.promulgating_agency),
            decision: page::Decision {
                number: self.decision.number,
                date: self.decision.date,
                published: self.decision.published,
                issuing_agency: self.decision.issuing_agency,
            },
            executing_units: self.executing_units,
            authority_units: self.authority_units,
            channels: self
                .channels
                .into_iter()
                .filter_map(|channel| {
                    Some(page::Channel {
                        method: page::ChannelMethod::from_stored(&channel.method)?,
                        processing_time: time(channel.processing_time),
                        description: channel.description,
                        fees: channel
                            .fees
                            .into_iter()
                            .map(|fee| page::Fee {
                                kind: fee.kind,
                                amount: fee.value_vnd,
                                currency: fee.currency,
                                description: fee.description,
                            })
                            .collect(),
                    })
                })
                .collect(),
            processing_cases: self
                .processing_cases
                .into_iter()
                .map(|case| page::ProcessingCase {
                    code: case.code,
                    name: case.name,
                    processing_time: time(case.processing_time),
                })
                .collect(),
            dossier: self
                .dossier
                .into_iter()
                .map(|group| page::ComponentGroup {
                    title: group.group,
                    components: group
                        .components
                        .into_iter()
                        .map(|component| page::Component {
                            code: component.code,
                            name: component.name,
                            originals: component.original_qty,
                            copies: component.copy_qty,
                            required: component.required,
                            forms: component
                                .forms
                                .into_iter()
                                .map(|form| page::FormTemplate { file_name: form.file_name })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
            results: self.results.into_iter().map(named).collect(),
            legal_basis: self.legal_basis.into_iter().map(named).collect(),
            requirements: self.requirements,
            steps: self.steps,
            flags: page::PortalFlags {
                full_process: self.flags.full_process,
                offline_only: self.flags.offline_only,
                shared_service: self.flags.shared_service,
                vertical: self.flags.vertical,
                non_territorial: self.flags.non_territorial,
                internal: self.flags.internal,
            },
            updated_at: self.updated_at,
        }
    }
}
