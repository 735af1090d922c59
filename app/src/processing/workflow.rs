//! A procedure's internal workflow as data: the ordered steps a received
//! dossier goes through, who acts at each, and each step's share of the
//! processing time. The desk's reception comes before the first step; the
//! last step is always the desk returning the result, and the one before it
//! the leader's approval, so every dossier ends the way the regulation says.

use serde::{Deserialize, Serialize};

use crate::account::Role;
use crate::dossier::Action;

/// One step of a workflow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// What the step is called on the dossier and the control slip.
    pub name: String,
    /// Who acts at this step.
    pub role: Role,
    /// The department that acts, by name (Phòng Quản lý đô thị…), when it
    /// is not the whole agency. One workflow serves every agency executing
    /// the procedure; an agency without a department of that name leaves the
    /// step to all its officers of the role.
    #[serde(default)]
    pub department: Option<String>,
    /// That department's key in the dossier's agency, fixed when the dossier
    /// is received, so that renaming a department later strands no dossier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department_key: Option<String>,
    /// Its share of the processing time, in percent.
    pub share: u32,
}

/// The ordered steps after reception.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workflow {
    pub steps: Vec<Step>,
}

/// The most steps a workflow may have: more is a mistake, not a process.
pub const MAX_STEPS: usize = 8;

/// The longest step name.
pub const MAX_NAME_CHARS: usize = 120;

/// Why a workflow cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkflowError {
    #[error("a workflow needs between 3 and {MAX_STEPS} steps, not {0}")]
    StepCount(usize),
    #[error("step {0} has no name or a name that is too long")]
    Name(usize),
    #[error("the last step must be the desk returning the result")]
    LastNotDesk,
    #[error("the step before the last must be the leader's approval")]
    NoApproval,
    #[error("step {0}: only the last step belongs to the desk")]
    DeskInside(usize),
    #[error("the first step must be a specialist's")]
    FirstNotSpecialist,
    #[error("step {0} has a role that does not process dossiers")]
    Role(usize),
    #[error("the shares add up to {0}%, not 100%")]
    Shares(u32),
}

impl WorkflowError {
    /// What the administrator reads.
    pub fn message(&self) -> String {
        match self {
            WorkflowError::StepCount(count) => {
                format!("Quy trình cần từ 3 đến {MAX_STEPS} bước (hiện có {count} bước).")
            }
            WorkflowError::Name(step) => {
                format!("Bước {step}: tên bước là bắt buộc và không quá {MAX_NAME_CHARS} ký tự.")
            }
            WorkflowError::LastNotDesk => "Bước cuối phải là Bộ phận Một cửa trả kết quả.".to_string(),
            WorkflowError::NoApproval => {
                "Bước liền trước bước trả kết quả phải là lãnh đạo phê duyệt.".to_string()
            }
            WorkflowError::DeskInside(step) => {
                format!("Bước {step}: chỉ bước cuối thuộc Bộ phận Một cửa.")
            }
            WorkflowError::FirstNotSpecialist => "Bước đầu tiên phải do chuyên viên thụ lý.".to_string(),
            WorkflowError::Role(step) => {
                format!("Bước {step}: chỉ chọn chuyên viên, lãnh đạo hoặc Bộ phận Một cửa.")
            }
            WorkflowError::Shares(total) => {
                format!("Tổng tỷ lệ thời gian các bước phải bằng 100% (hiện là {total}%).")
            }
        }
    }
}

impl Workflow {
    /// The workflow every procedure follows until an administrator gives it
    /// its own: a specialist examines it, a leader approves, the desk returns.
    pub fn standard() -> Workflow {
        let step = |name: &str, role, share| Step {
            name: name.to_string(),
            role,
            department: None,
            department_key: None,
            share,
        };
        Workflow {
            steps: vec![
                step("Chuyên viên thụ lý, thẩm định", Role::Specialist, 60),
                step("Lãnh đạo phê duyệt", Role::Leader, 30),
                step("Bộ phận Một cửa trả kết quả", Role::DeskOfficer, 10),
            ],
        }
    }

    /// Checks the shape every dossier relies on.
    pub fn check(&self) -> Result<(), WorkflowError> {
        let count = self.steps.len();
        if !(3..=MAX_STEPS).contains(&count) {
            return Err(WorkflowError::StepCount(count));
        }

        for (index, step) in self.steps.iter().enumerate() {
            let chars = step.name.trim().chars().count();
            if chars == 0 || chars > MAX_NAME_CHARS {
                return Err(WorkflowError::Name(index + 1));
            }
            if !matches!(step.role, Role::Specialist | Role::Leader | Role::DeskOfficer) {
                return Err(WorkflowError::Role(index + 1));
            }
            if step.role == Role::DeskOfficer && index + 1 != count {
                return Err(WorkflowError::DeskInside(index + 1));
            }
        }

        if self.steps[count - 1].role != Role::DeskOfficer {
            return Err(WorkflowError::LastNotDesk);
        }
        if self.steps[count - 2].role != Role::Leader {
            return Err(WorkflowError::NoApproval);
        }
        if self.steps[0].role != Role::Specialist {
            return Err(WorkflowError::FirstNotSpecialist);
        }

        let total: u32 = self.steps.iter().map(|step| step.share).sum();
        if total != 100 {
            return Err(WorkflowError::Shares(total));
        }
        Ok(())
    }

    pub fn step(&self, index: usize) -> Option<&Step> {
        self.steps.get(index)
    }

    /// The step where the desk returns the result.
    pub fn return_step(&self) -> usize {
        self.steps.len().saturating_sub(1)
    }

    /// What moving a dossier forward from `index` is: the leader's approval
    /// just before the desk, the return at the desk, a hand-over elsewhere.
    pub fn forward_action(&self, index: usize) -> Action {
        if index == self.return_step() {
            Action::Return
        } else if index + 1 == self.return_step() {
            Action::Approve
        } else {
            Action::HandOver
        }
    }

    /// This workflow as a dossier of an agency with these departments (key,
    /// name) follows it: each named department bound to the agency's own, or
    /// dropped when the agency has none of that name.
    pub fn placed_in(&self, departments: &[(String, String)]) -> Workflow {
        let steps = self
            .steps
            .iter()
            .map(|step| {
                let key = step.department.as_ref().and_then(|wanted| {
                    departments.iter().find(|(_, name)| name == wanted).map(|(key, _)| key.clone())
                });
                Step { department_key: key, ..step.clone() }
            })
            .collect();
        Workflow { steps }
    }

    /// How many working days after reception each step should end, for a
    /// processing time of `working_days`: the shares add up, rounded up, so
    /// the last step ends on the appointment date.
    pub fn step_ends(&self, working_days: u32) -> Vec<u32> {
        let mut cumulative = 0;
        self.steps
            .iter()
            .map(|step| {
                cumulative += step.share;
                (working_days * cumulative).div_ceil(100)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(roles: &[(Role, u32)]) -> Workflow {
        Workflow {
            steps: roles
                .iter()
                .enumerate()
                .map(|(index, (role, share))| Step {
                    name: format!("Bước {}", index + 1),
                    role: *role,
                    department: None,
                    department_key: None,
                    share: *share,
                })
                .collect(),
        }
    }

    #[test]
    fn a_named_department_binds_to_the_agencys_own_or_to_the_whole_agency() {
        let mut workflow = Workflow::standard();
        workflow.steps[0].department = Some("Phòng Kinh tế".into());
        workflow.steps[1].department = Some("Phòng Nội vụ".into());
        let departments = vec![("k1".to_string(), "Phòng Kinh tế".to_string())];

        let placed = workflow.placed_in(&departments);

        assert_eq!(placed.steps[0].department_key.as_deref(), Some("k1"));
        assert_eq!(placed.steps[1].department_key, None, "this agency has no Phòng Nội vụ");
        assert_eq!(placed.steps[1].department.as_deref(), Some("Phòng Nội vụ"));
        assert_eq!(placed.steps[2].department_key, None);
        assert_eq!(placed.check(), Ok(()));
    }

    #[test]
    fn the_standard_workflow_is_valid_and_ends_with_approval_then_return() {
        let workflow = Workflow::standard();

        assert_eq!(workflow.check(), Ok(()));
        assert_eq!(workflow.forward_action(0), Action::HandOver);
        assert_eq!(workflow.forward_action(1), Action::Approve);
        assert_eq!(workflow.forward_action(2), Action::Return);
    }

    #[test]
    fn workflows_of_the_wrong_shape_are_refused_with_the_reason() {
        use Role::*;

        let cases = [
            (steps(&[(Specialist, 50), (DeskOfficer, 50)]), WorkflowError::StepCount(2)),
            (steps(&[(Specialist, 50), (Leader, 40), (Specialist, 10)]), WorkflowError::LastNotDesk),
            (steps(&[(Specialist, 50), (Specialist, 40), (DeskOfficer, 10)]), WorkflowError::NoApproval),
            (steps(&[(Leader, 50), (Leader, 40), (DeskOfficer, 10)]), WorkflowError::FirstNotSpecialist),
            (
                steps(&[(Specialist, 40), (DeskOfficer, 20), (Leader, 30), (DeskOfficer, 10)]),
                WorkflowError::DeskInside(2),
            ),
            (
                steps(&[(Specialist, 40), (Citizen, 20), (Leader, 30), (DeskOfficer, 10)]),
                WorkflowError::Role(2),
            ),
            (steps(&[(Specialist, 50), (Leader, 40), (DeskOfficer, 20)]), WorkflowError::Shares(110)),
        ];
        for (workflow, expected) in cases {
            assert_eq!(workflow.check(), Err(expected.clone()), "{workflow:?}");
            assert!(!expected.message().is_empty());
        }

        let mut unnamed = Workflow::standard();
        unnamed.steps[1].name = "  ".to_string();
        assert_eq!(unnamed.check(), Err(WorkflowError::Name(2)));
    }

    #[test]
    fn step_ends_share_the_budget_and_the_last_ends_on_the_appointment() {
        let workflow = Workflow::standard();

        assert_eq!(workflow.step_ends(10), vec![6, 9, 10]);
        assert_eq!(workflow.step_ends(1), vec![1, 1, 1]);
        assert_eq!(workflow.step_ends(0), vec![0, 0, 0]);
    }

    #[test]
    fn a_longer_workflow_hands_over_until_the_approval() {
        use Role::*;
        let workflow =
            steps(&[(Specialist, 30), (Specialist, 30), (Leader, 20), (Leader, 10), (DeskOfficer, 10)]);

        assert_eq!(workflow.check(), Ok(()));
        let actions: Vec<_> = (0..5).map(|index| workflow.forward_action(index)).collect();
        assert_eq!(
            actions,
            vec![Action::HandOver, Action::HandOver, Action::HandOver, Action::Approve, Action::Return]
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn stored_workflows_refuse_unknown_fields() {
        let text = r#"{"steps":[{"name":"x","role":"Specialist","share":100,"extra":1}]}"#;

        assert!(serde_json::from_str::<Workflow>(text).is_err());
    }
}
