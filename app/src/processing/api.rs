//! Server functions of processing. Each checks that the caller is an officer
//! of the dossier's agency who holds the role (and department) of the step
//! the dossier is at, and applies its move only from the step the officer
//! saw: a second officer acting on the same step gets "already handled".

use leptos::prelude::*;

use super::WorkQueue;
use crate::error::AppError;

/// The officer's queue by risk, with the agency's counts per state.
#[server(endpoint = "xu-ly/hang-doi")]
pub async fn load_work_queue() -> Result<WorkQueue, AppError> {
    use crate::account::Role;
    use crate::server::database_error;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let officer = caller.officer_with(&[Role::DeskOfficer, Role::Specialist, Role::Leader])?;

    let today = crate::server::local_now().date().format("%Y-%m-%d").to_string();
    let items = super::stored::queue(
        &context.db,
        &officer.agency,
        &officer.roles,
        officer.department.as_deref(),
        &officer.key,
        &today,
    )
    .await
    .map_err(|error| database_error("work queue", error))?;
    let (counts, overdue) = super::stored::counts(&context.db, &officer.agency, &today)
        .await
        .map_err(|error| database_error("dossier counts", error))?;
    Ok(WorkQueue { items, counts, overdue })
}

/// Passes the dossier to the next step (or, at the approval step, approves
/// the result), optionally to a named officer of that step.
#[server(endpoint = "xu-ly/chuyen")]
pub async fn hand_over(key: String, step: usize, note: String, assignee: String) -> Result<(), AppError> {
    let at = ssr::at_step(&key, step).await?;
    let note = ssr::optional_note(&note)?;
    let assignee = Some(assignee.trim()).filter(|assignee| !assignee.is_empty());
    ssr::forward(at, note, assignee).await
}

/// Sends the dossier back one step, with the reason.
#[server(endpoint = "xu-ly/tra-lai")]
pub async fn send_back(key: String, step: usize, reason: String) -> Result<(), AppError> {
    let at = ssr::at_step(&key, step).await?;
    let reason = ssr::required_note(&reason, "Vui lòng ghi rõ lý do trả lại bước trước.")?;
    ssr::back(at, reason).await
}

/// Records that the result is on paper, at the specialist's step.
#[server(endpoint = "xu-ly/ket-qua-giay")]
pub async fn record_paper_result(key: String, step: usize, note: String) -> Result<(), AppError> {
    let at = ssr::at_step(&key, step).await?;
    let note = ssr::optional_note(&note)?;
    ssr::record_result(&at, None, true, note.as_deref()).await
}

/// Returns the result to the applicant; the outcome is fixed against the
/// appointment date.
#[server(endpoint = "xu-ly/tra-ket-qua")]
pub async fn return_result(key: String, step: usize, delivery: String) -> Result<(), AppError> {
    let at = ssr::at_step(&key, step).await?;
    let delivery = super::Delivery::from_stored(&delivery)
        .ok_or_else(|| AppError::InvalidInput("Vui lòng chọn hình thức trả kết quả.".to_string()))?;
    ssr::give_back(at, delivery).await
}

/// The apology for a delay with a new date (Mẫu 04); the applicant sees it.
#[server(endpoint = "xu-ly/xin-loi")]
pub async fn apologise(key: String, step: usize, reason: String, new_date: String) -> Result<(), AppError> {
    let at = ssr::at_step(&key, step).await?;
    let reason = ssr::required_note(&reason, "Vui lòng ghi rõ lý do chậm trả kết quả.")?;
    ssr::apologise(at, reason, &new_date).await
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::account::Role;
    use crate::account::stored::Officer;
    use crate::audit::AuditAction;
    use crate::dossier::stored::DossierRow;
    use crate::dossier::{Action, DossierStatus};
    use crate::error::AppError;
    use crate::processing::stored::{Move, advance};
    use crate::processing::{Delivery, Outcome, Step, Workflow};
    use crate::server::{ServerContext, database_error};

    /// A dossier of the caller's agency at the step the caller saw, with
    /// the caller allowed to act there.
    pub struct AtStep {
        pub context: ServerContext,
        pub officer: Officer,
        pub row: DossierRow,
        pub workflow: Workflow,
        pub step: usize,
        pub address: Option<String>,
    }

    impl AtStep {
        fn current(&self) -> Option<&Step> {
            self.workflow.step(self.step)
        }

        fn code(&self) -> String {
            self.row.code.clone().unwrap_or_default()
        }
    }

    /// Whether an officer acts at a step: the step's role, and its
    /// department when the dossier's agency has the one it names.
    pub fn may_act(officer: &Officer, step: &Step) -> bool {
        officer.has(step.role)
            && step
                .department_key
                .as_ref()
                .is_none_or(|department| officer.department.as_ref() == Some(department))
    }

    pub async fn at_step(key: &str, step: usize) -> Result<AtStep, AppError> {
        let context = crate::server::context()?;
        let caller = crate::account::caller::caller().await?;
        let officer = caller.officer_with(&[Role::DeskOfficer, Role::Specialist, Role::Leader])?.clone();
        let address = crate::server::client_address().await;
        at_step_of(context, officer, key, step, address).await
    }

    /// The same check for a caller already known, outside a server function.
    pub async fn at_step_of(
        context: ServerContext,
        officer: Officer,
        key: &str,
        step: usize,
        address: Option<String>,
    ) -> Result<AtStep, AppError> {
        let row = crate::desk::api::agency_dossier(&context.db, &officer.agency, key).await?;
        let Some(workflow) = row.workflow() else {
            return Err(already_handled(row.status()));
        };
        if !row.status().in_processing() || row.step() != Some(step) {
            return Err(already_handled(row.status()));
        }
        let allowed = workflow.step(step).is_some_and(|current| may_act(&officer, current));
        if !allowed {
            return Err(AppError::Forbidden);
        }

        Ok(AtStep { context, officer, row, workflow, step, address })
    }

    pub fn already_handled(status: DossierStatus) -> AppError {
        AppError::Conflict(format!(
            "Hồ sơ này đã được xử lý (trạng thái hiện tại: {}). Vui lòng tải lại trang.",
            status.label()
        ))
    }

    pub fn required_note(text: &str, missing: &str) -> Result<String, AppError> {
        optional_note(text)?.ok_or_else(|| AppError::InvalidInput(missing.to_string()))
    }

    pub fn optional_note(text: &str) -> Result<Option<String>, AppError> {
        let note = crate::text::composed(text.trim());
        if note.chars().count() > super::super::MAX_NOTE_CHARS {
            return Err(AppError::InvalidInput(format!(
                "Nội dung không quá {} ký tự.",
                super::super::MAX_NOTE_CHARS
            )));
        }
        Ok(Some(note).filter(|note| !note.is_empty()))
    }

    fn has_result(row: &DossierRow) -> bool {
        row.result_document.is_some() || row.result_paper == Some(true)
    }

    /// Applies a move built from where the dossier is; a lost race is told
    /// to the officer with the state it is in now.
    async fn apply(at: &AtStep, step: Move<'_>) -> Result<(), AppError> {
        let moved =
            advance(&at.context.db, &step).await.map_err(|error| database_error("processing move", error))?;
        if !moved {
            let now = crate::dossier::stored::load(&at.context.db, &at.row.key)
                .await
                .map_err(|error| database_error("load dossier", error))?
                .map(|row| row.status())
                .unwrap_or(at.row.status());
            return Err(already_handled(now));
        }
        tracing::info!(
            dossier = %at.row.key, code = ?at.row.code, action = ?step.audit_action,
            from_step = ?step.from_step, to_step = ?step.to_step, officer = %at.officer.account(),
            "dossier moved"
        );
        Ok(())
    }

    fn base<'a>(at: &'a AtStep, code: &'a str, actor: &'a str) -> Move<'a> {
        Move {
            key: &at.row.key,
            agency: &at.officer.agency,
            from: at.row.status(),
            from_step: Some(at.step),
            to: at.row.status(),
            to_step: Some(at.step),
            workflow: &at.workflow,
            set: serde_json::Map::new(),
            desk_note: None,
            assignee: None,
            note: None,
            internal_note: None,
            actor,
            actor_name: &at.officer.full_name,
            audit_action: AuditAction::DossierHandedOver,
            code,
            address: at.address.as_deref(),
            notice: None,
            publish: None,
        }
    }

    pub async fn forward(at: AtStep, note: Option<String>, assignee: Option<&str>) -> Result<(), AppError> {
        let action = at.workflow.forward_action(at.step);
        if action == Action::Return {
            return Err(AppError::InvalidInput("Ở bước này, hãy chọn hình thức trả kết quả.".to_string()));
        }
        let to = at.row.status().after(action).map_err(|_| already_handled(at.row.status()))?;
        if action == Action::Approve && !has_result(&at.row) {
            return Err(AppError::InvalidInput(
                "Chưa có kết quả giải quyết: chuyên viên cần tải lên văn bản kết quả hoặc ghi nhận kết quả bản giấy.".to_string(),
            ));
        }
        let next = at.step + 1;
        if let Some(assignee) = assignee {
            let eligible = next_officers(&at, next).await?;
            if !eligible.iter().any(|(key, _)| key == assignee) {
                return Err(AppError::InvalidInput(
                    "Cán bộ được chọn không xử lý được bước tiếp theo.".to_string(),
                ));
            }
        }

        let (code, actor) = (at.code(), at.officer.account());
        let notice =
            (action == Action::Approve).then(|| format!("Hồ sơ {code} đã có kết quả và đang chờ trả."));
        let step = Move {
            to,
            to_step: Some(next),
            assignee,
            internal_note: note.as_deref(),
            audit_action: if action == Action::Approve {
                AuditAction::ResultApproved
            } else {
                AuditAction::DossierHandedOver
            },
            notice,
            ..base(&at, &code, &actor)
        };
        apply(&at, step).await
    }

    pub async fn back(at: AtStep, reason: String) -> Result<(), AppError> {
        if at.step == 0 {
            return Err(AppError::InvalidInput(
                "Hồ sơ đang ở bước đầu tiên, không có bước trước để trả lại.".to_string(),
            ));
        }
        let to = at.row.status().after(Action::SendBack).map_err(|_| already_handled(at.row.status()))?;

        let (code, actor) = (at.code(), at.officer.account());
        let step = Move {
            to,
            to_step: Some(at.step - 1),
            internal_note: Some(&reason),
            audit_action: AuditAction::DossierSentBack,
            ..base(&at, &code, &actor)
        };
        apply(&at, step).await
    }

    pub async fn record_result(
        at: &AtStep,
        document: Option<&str>,
        paper: bool,
        note: Option<&str>,
    ) -> Result<(), AppError> {
        if at.current().map(|step| step.role) != Some(Role::Specialist)
            || at.row.status() != DossierStatus::Received
        {
            // Only a specialist's step takes a result.
            return Err(AppError::Forbidden);
        }
        let (actor, code) = (at.officer.account(), at.code());
        let recorded = crate::processing::stored::record_result(
            &at.context.db,
            &crate::processing::stored::ResultEntry {
                key: &at.row.key,
                agency: &at.officer.agency,
                step: at.step,
                document,
                paper,
                note,
                actor: &actor,
                actor_name: &at.officer.full_name,
                code: &code,
            },
        )
        .await
        .map_err(|error| database_error("record result", error))?;
        if !recorded {
            return Err(already_handled(at.row.status()));
        }
        tracing::info!(dossier = %at.row.key, paper, document = ?document, "result recorded");
        Ok(())
    }

    pub async fn give_back(at: AtStep, delivery: Delivery) -> Result<(), AppError> {
        if at.workflow.forward_action(at.step) != Action::Return {
            return Err(already_handled(at.row.status()));
        }
        let to = at.row.status().after(Action::Return).map_err(|_| already_handled(at.row.status()))?;
        if delivery == Delivery::Online && at.row.result_document.is_none() {
            return Err(AppError::InvalidInput(
                "Kết quả là bản giấy: chọn trả tại Bộ phận Một cửa hoặc qua bưu chính.".to_string(),
            ));
        }

        let today = crate::server::local_now().date();
        let outcome = at
            .row
            .due_on
            .as_deref()
            .and_then(|due| chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d").ok())
            .map(|due| Outcome::of(today, due));
        let mut set = serde_json::Map::new();
        set.insert("delivery".into(), delivery.stored().into());
        if let Some(outcome) = outcome {
            set.insert("outcome".into(), outcome.stored().into());
        }

        let (code, actor) = (at.code(), at.officer.account());
        let public = match outcome {
            Some(outcome) => {
                format!("Đã trả kết quả ({}): {}.", outcome.label().to_lowercase(), delivery.label())
            }
            None => format!("Đã trả kết quả: {}.", delivery.label()),
        };
        let notice = match delivery {
            Delivery::Online => format!("Hồ sơ {code} đã có kết quả trong kho dữ liệu của bạn."),
            Delivery::Desk => format!("Hồ sơ {code} đã có kết quả, mời nhận tại Bộ phận Một cửa."),
            Delivery::Post => format!("Kết quả hồ sơ {code} đã được gửi qua bưu chính."),
        };
        let publish = (delivery == Delivery::Online).then_some(at.row.result_document.as_deref()).flatten();
        let step = Move {
            to,
            to_step: None,
            set,
            note: Some(&public),
            audit_action: AuditAction::ResultReturned,
            notice: Some(notice),
            publish,
            ..base(&at, &code, &actor)
        };
        apply(&at, step).await
    }

    pub async fn apologise(at: AtStep, reason: String, new_date: &str) -> Result<(), AppError> {
        let Ok(new_date) = chrono::NaiveDate::parse_from_str(new_date.trim(), "%Y-%m-%d") else {
            return Err(AppError::InvalidInput("Vui lòng chọn ngày hẹn trả kết quả mới.".to_string()));
        };
        let promised =
            at.row.promised_on().and_then(|due| chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d").ok());
        let today = crate::server::local_now().date();
        if new_date <= today || promised.is_some_and(|promised| new_date <= promised) {
            return Err(AppError::InvalidInput(
                "Ngày hẹn mới phải sau hôm nay và sau ngày hẹn hiện tại.".to_string(),
            ));
        }
        let calendar = crate::calendar::stored::load(&at.context.db).await?;
        if !calendar.is_working_day(new_date) {
            return Err(AppError::InvalidInput("Ngày hẹn mới phải là ngày làm việc.".to_string()));
        }
        let to = at.row.status().after(Action::Apologise).map_err(|_| already_handled(at.row.status()))?;

        let new_day = new_date.format("%Y-%m-%d").to_string();
        let mut set = serde_json::Map::new();
        set.insert("new_due_on".into(), new_day.clone().into());
        set.insert("apology_reason".into(), reason.clone().into());

        let (code, actor) = (at.code(), at.officer.account());
        let public = format!(
            "Cơ quan xin lỗi vì chưa trả kết quả đúng hẹn. Ngày hẹn mới: {}. Lý do: {reason}",
            crate::text::date(&new_day)
        );
        let notice = format!("Hồ sơ {code}: ngày hẹn trả kết quả mới là {}.", crate::text::date(&new_day));
        let step = Move {
            to,
            set,
            note: Some(&public),
            audit_action: AuditAction::ApologyIssued,
            notice: Some(notice),
            ..base(&at, &code, &actor)
        };
        apply(&at, step).await
    }

    /// Where a dossier is in its workflow, and what `officer` may do there.
    pub async fn progress_of(
        db: &crate::server::Db,
        officer: &Officer,
        row: &DossierRow,
    ) -> Result<Option<crate::processing::Progress>, AppError> {
        let Some(workflow) = row.workflow() else { return Ok(None) };
        let status = row.status();
        let step = row.step().unwrap_or(workflow.return_step());
        let acting =
            status.in_processing() && workflow.step(step).is_some_and(|current| may_act(officer, current));
        let current_role = workflow.step(step).map(|current| current.role);

        let result = match &row.result_document {
            Some(document) => crate::store::stored::one(db, document)
                .await
                .map_err(|error| database_error("read result", error))?,
            None => None,
        };
        let result =
            (result.is_some() || row.result_paper == Some(true)).then(|| crate::processing::ResultRecord {
                document: result,
                paper: row.result_paper == Some(true),
                note: row.result_note.clone(),
            });
        let next_officers = match workflow.step(step + 1) {
            Some(next) if acting && workflow.forward_action(step) != Action::Return => {
                crate::processing::stored::officers_for(
                    db,
                    &officer.agency,
                    next.role.as_stored(),
                    next.department_key.as_deref(),
                )
                .await
                .map_err(|error| database_error("officers for step", error))?
            }
            _ => Vec::new(),
        };

        Ok(Some(crate::processing::Progress {
            step,
            assignee_name: row.assignee_name.clone(),
            result,
            new_due_on: row.new_due_on.clone(),
            apology_reason: row.apology_reason.clone(),
            delivery: row.delivery.as_deref().and_then(Delivery::from_stored),
            outcome: row.outcome.as_deref().and_then(Outcome::from_stored),
            returned_at: row.returned_at.clone(),
            may_forward: acting,
            may_send_back: acting && step > 0,
            may_record_result: acting
                && current_role == Some(Role::Specialist)
                && status == DossierStatus::Received,
            may_apologise: acting,
            next_officers,
            workflow,
        }))
    }

    /// Who may take step `index`, to assign it.
    pub async fn next_officers(at: &AtStep, index: usize) -> Result<Vec<(String, String)>, AppError> {
        let Some(step) = at.workflow.step(index) else { return Ok(Vec::new()) };
        crate::processing::stored::officers_for(
            &at.context.db,
            &at.officer.agency,
            step.role.as_stored(),
            step.department_key.as_deref(),
        )
        .await
        .map_err(|error| database_error("officers for step", error))
    }
}
