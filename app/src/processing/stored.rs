//! Processing in the database: workflows, guarded moves of a dossier from
//! one step to the next, the officers' queues and the control slip's lines.

use std::future::IntoFuture;

use serde_json::Value as Json;

use super::{Handover, WorkItem, Workflow};
use crate::dossier::DossierStatus;
use crate::dossier::stored::until_settled;
use crate::server::Db;

/// The key of the workflow every procedure without its own follows.
pub const DEFAULT_WORKFLOW: &str = "mac-dinh";

/// The workflow a procedure's dossiers follow from now on: its own, else the
/// province's default, else the standard one. A stored workflow that no
/// longer passes its checks is logged and skipped rather than trusted.
pub async fn workflow_for(db: &Db, procedure: &str) -> Result<Workflow, surrealdb::Error> {
    let mut response = db
        .query(
            "SELECT VALUE steps FROM type::record('workflow', $procedure);
             SELECT VALUE steps FROM type::record('workflow', $default);",
        )
        .bind(("procedure", procedure.to_string()))
        .bind(("default", DEFAULT_WORKFLOW))
        .await?;
    let own: Vec<String> = response.take(0)?;
    let default: Vec<String> = response.take(1)?;

    Ok(own
        .iter()
        .chain(default.iter())
        .find_map(|steps| decode_workflow(steps))
        .unwrap_or_else(Workflow::standard))
}

/// A workflow as stored (its JSON), if it still holds together.
pub fn decode_workflow(steps: &str) -> Option<Workflow> {
    let workflow: Workflow = serde_json::from_str(steps)
        .map_err(|error| tracing::error!(error = %error, "stored workflow does not match its type"))
        .ok()?;
    match workflow.check() {
        Ok(()) => Some(workflow),
        Err(error) => {
            tracing::error!(error = %error, "stored workflow fails its checks");
            None
        }
    }
}

/// The workflow stored under `key` (a procedure's code or the default), if any.
pub async fn stored_workflow(db: &Db, key: &str) -> Result<Option<Workflow>, surrealdb::Error> {
    let mut response = db
        .query("SELECT VALUE steps FROM type::record('workflow', $key)")
        .bind(("key", key.to_string()))
        .await?;
    let steps: Vec<String> = response.take(0)?;
    Ok(steps.first().and_then(|steps| decode_workflow(steps)))
}

/// Stores a checked workflow under `key` and records the change.
pub async fn save_workflow(
    db: &Db,
    key: &str,
    workflow: &Workflow,
    actor: &str,
    actor_name: &str,
    address: Option<&str>,
) -> Result<(), surrealdb::Error> {
    let steps = serde_json::to_string(workflow).unwrap_or_default();
    db.query(
        "BEGIN TRANSACTION;
         UPSERT type::record('workflow', $key) CONTENT { steps: $steps, updated_by: $actor, updated_at: time::now() };
         CREATE audit CONTENT {
             actor: $actor, actor_name: $actor_name, action: 'workflow_changed', target: $key, detail: $steps, address: $address
         };
         COMMIT TRANSACTION;",
    )
    .bind(("key", key.to_string()))
    .bind(("steps", steps))
    .bind(("actor", actor.to_string()))
    .bind(("actor_name", actor_name.to_string()))
    .bind(("address", address.map(str::to_string)))
    .await?
    .check()?;
    Ok(())
}

/// Where a move takes a dossier, applied only if it is still where the
/// officer saw it: the same state, the same step, the same agency.
pub struct Move<'a> {
    pub key: &'a str,
    pub agency: &'a str,
    pub from: DossierStatus,
    pub from_step: Option<usize>,
    pub to: DossierStatus,
    pub to_step: Option<usize>,
    /// The workflow the dossier follows (its own copy), to name the steps.
    pub workflow: &'a Workflow,
    /// Other fields the move sets; only the keys present change.
    pub set: serde_json::Map<String, Json>,
    /// The desk's note to the applicant: set by reception decisions only.
    pub desk_note: Option<Option<&'a str>>,
    pub assignee: Option<&'a str>,
    /// What the applicant reads in the history.
    pub note: Option<&'a str>,
    /// What only the agency reads.
    pub internal_note: Option<&'a str>,
    pub actor: &'a str,
    pub actor_name: &'a str,
    pub audit_action: crate::audit::AuditAction,
    pub code: &'a str,
    pub address: Option<&'a str>,
    /// The in-app notification for the applicant, if the move concerns them.
    pub notice: Option<String>,
    /// A result document that goes into the applicant's data store.
    pub publish: Option<&'a str>,
}

/// Applies a move with its history line, audit entry and notification, all
/// or nothing. Answers false when someone else moved the dossier first.
pub async fn advance(db: &Db, step: &Move<'_>) -> Result<bool, surrealdb::Error> {
    let name_of = |index: Option<usize>| {
        index.and_then(|index| step.workflow.step(index)).map(|step| step.name.clone())
    };
    let to = step.to_step.and_then(|index| step.workflow.step(index));
    // A move between steps names both ends; a move that stays (an apology)
    // names none, so it is no line of the control slip.
    let moves = step.to_step != step.from_step || step.to != step.from;
    let step_from = name_of(step.from_step)
        .or_else(|| (step.from == DossierStatus::Submitted).then(|| "Bộ phận Một cửa tiếp nhận".to_string()))
        .filter(|_| moves);
    let step_to = match step.to {
        _ if !moves => None,
        DossierStatus::Returned => Some("Đã trả kết quả".to_string()),
        _ => name_of(step.to_step),
    };

    let committed = until_settled("already-handled", || {
        db.query(
            "BEGIN TRANSACTION;
             LET $dossier = type::record('dossier', $key);
             IF $dossier.status != $from OR $dossier.agency != type::record('agency', $agency) OR $dossier.step != $from_step {
                 THROW 'already-handled'
             };
             UPDATE $dossier MERGE $set;
             UPDATE $dossier SET status = $to, step = $to_step, step_role = $step_role,
                 step_department = $step_department, step_name = $step_name,
                 assignee = IF $assignee = NONE { NONE } ELSE { type::record('officer', $assignee) },
                 desk_note = IF $set_desk_note { $desk_note } ELSE { desk_note },
                 received_at = IF $from = 'submitted' AND $to = 'received' { time::now() } ELSE { received_at },
                 returned_at = IF $to = 'returned' { time::now() } ELSE { returned_at },
                 updated_at = time::now();
             CREATE dossier_event CONTENT {
                 dossier: $dossier, status: $to, note: $note, internal_note: $internal_note,
                 step_from: $step_from, step_to: $step_to, actor: $actor, actor_name: $actor_name,
                 action: $audit_action
             };
             CREATE audit CONTENT {
                 actor: $actor, actor_name: $actor_name, action: $audit_action,
                 target: $code, detail: $internal_note ?? $note, address: $address
             };
             IF $publish != NONE {
                 UPDATE type::record('document', $publish) SET in_store = true
             };
             IF $notice != NONE {
                 CREATE notification CONTENT {
                     recipient: $dossier.organisation ?? $dossier.applicant, dossier: $dossier,
                     code: $dossier.code, text: $notice
                 }
             };
             COMMIT TRANSACTION;",
        )
        .bind(("key", step.key.to_string()))
        .bind(("agency", step.agency.to_string()))
        .bind(("from", step.from.stored()))
        .bind(("from_step", step.from_step.map(|index| index as i64)))
        .bind(("to", step.to.stored()))
        .bind(("to_step", step.to_step.map(|index| index as i64)))
        .bind(("step_role", to.map(|step| step.role.as_stored())))
        .bind(("step_department", to.and_then(|step| step.department_key.clone())))
        .bind(("step_name", to.map(|step| step.name.clone())))
        .bind(("set", Json::Object(step.set.clone())))
        .bind(("set_desk_note", step.desk_note.is_some()))
        .bind(("desk_note", step.desk_note.flatten().map(str::to_string)))
        .bind(("assignee", step.assignee.map(str::to_string)))
        .bind(("note", step.note.map(str::to_string)))
        .bind(("internal_note", step.internal_note.map(str::to_string)))
        .bind(("step_from", step_from.clone()))
        .bind(("step_to", step_to.clone()))
        .bind(("actor", step.actor.to_string()))
        .bind(("actor_name", step.actor_name.to_string()))
        .bind(("audit_action", step.audit_action.as_stored()))
        .bind(("code", step.code.to_string()))
        .bind(("address", step.address.map(str::to_string)))
        .bind(("notice", step.notice.clone()))
        .bind(("publish", step.publish.map(str::to_string)))
        .into_future()
    })
    .await?;
    Ok(committed.is_some())
}

/// The result a specialist records at their step.
pub struct ResultEntry<'a> {
    pub key: &'a str,
    pub agency: &'a str,
    pub step: usize,
    pub document: Option<&'a str>,
    pub paper: bool,
    pub note: Option<&'a str>,
    pub actor: &'a str,
    pub actor_name: &'a str,
    pub code: &'a str,
}

/// Records the result (a document or a paper result) at the step the
/// specialist holds it, only while it is still there.
pub async fn record_result(db: &Db, entry: &ResultEntry<'_>) -> Result<bool, surrealdb::Error> {
    let committed = until_settled("already-handled", || {
        db.query(
            "BEGIN TRANSACTION;
             LET $dossier = type::record('dossier', $key);
             IF $dossier.status != 'received' OR $dossier.agency != type::record('agency', $agency) OR $dossier.step != $step {
                 THROW 'already-handled'
             };
             UPDATE $dossier SET
                 result_document = IF $document = NONE { NONE } ELSE { type::record('document', $document) },
                 result_paper = $paper, result_note = $note, updated_at = time::now();
             CREATE audit CONTENT {
                 actor: $actor, actor_name: $actor_name, action: 'result_recorded', target: $code, detail: $note
             };
             COMMIT TRANSACTION;",
        )
        .bind(("key", entry.key.to_string()))
        .bind(("agency", entry.agency.to_string()))
        .bind(("step", entry.step as i64))
        .bind(("document", entry.document.map(str::to_string)))
        .bind(("paper", entry.paper))
        .bind(("note", entry.note.map(str::to_string)))
        .bind(("actor", entry.actor.to_string()))
        .bind(("actor_name", entry.actor_name.to_string()))
        .bind(("code", entry.code.to_string()))
        .into_future()
    })
    .await?;
    Ok(committed.is_some())
}

/// The dossiers waiting for an officer with these roles and department, by
/// risk: overdue first, then due soonest; those with no date last.
pub async fn queue(
    db: &Db,
    agency: &str,
    roles: &[String],
    department: Option<&str>,
    officer: &str,
    today: &str,
) -> Result<Vec<WorkItem>, surrealdb::Error> {
    // One lookup per state and role, each on the whole of the index
    // `dossier_agency_step`; with `IN` the engine reads every dossier.
    let pairs: Vec<(&str, &String)> = [DossierStatus::Received, DossierStatus::ResultReady]
        .into_iter()
        .flat_map(|status| roles.iter().map(move |role| (status.stored(), role)))
        .collect();
    let statement = "SELECT record::id(id) AS key, code, procedure_name, status, step_name,
                new_due_on ?? due_on AS due_on,
                assignee = type::record('officer', $officer) AS mine,
                (new_due_on ?? due_on) ?? '9999-12-31' AS sort
         FROM dossier
         WHERE agency = type::record('agency', $agency) AND status = $status_N AND step_role = $role_N
             AND (step_department = NONE OR step_department = $department)
         ORDER BY sort ASC LIMIT 200;";
    let text: String = (0..pairs.len()).map(|index| statement.replace("_N", &format!("_{index}"))).collect();
    let mut query = db
        .query(text)
        .bind(("agency", agency.to_string()))
        .bind(("department", department.map(str::to_string)))
        .bind(("officer", officer.to_string()));
    for (index, (status, role)) in pairs.iter().enumerate() {
        query = query
            .bind((format!("status_{index}"), status.to_string()))
            .bind((format!("role_{index}"), role.to_string()));
    }
    let mut response = query.await?;
    let mut rows: Vec<Json> = Vec::new();
    for index in 0..pairs.len() {
        let found: Vec<Json> = response.take(index)?;
        rows.extend(found);
    }
    let sort = |row: &Json| row.get("sort").and_then(Json::as_str).unwrap_or_default().to_string();
    rows.sort_by_key(sort);
    rows.truncate(200);
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let text = |name: &str| row.get(name).and_then(Json::as_str).map(str::to_string);
            let due_on = text("due_on");
            Some(WorkItem {
                key: text("key")?,
                code: text("code")?,
                procedure_name: text("procedure_name")?,
                status: DossierStatus::from_stored(&text("status")?)?,
                step_name: text("step_name").unwrap_or_default(),
                overdue: due_on.as_deref().is_some_and(|due| due < today),
                due_on,
                assigned_to_me: row.get("mine").and_then(Json::as_bool).unwrap_or(false),
            })
        })
        .collect())
}

/// The agency's dossiers in each state, and how many in processing are past
/// their date.
pub async fn counts(
    db: &Db,
    agency: &str,
    today: &str,
) -> Result<(Vec<(DossierStatus, u64)>, u64), surrealdb::Error> {
    // One count per state, each a lookup on `dossier_agency_status`.
    let statuses: Vec<DossierStatus> =
        DossierStatus::ALL.into_iter().filter(|status| *status != DossierStatus::Draft).collect();
    let in_processing = [DossierStatus::Received, DossierStatus::ResultReady];
    let count = "RETURN count(SELECT VALUE id FROM dossier
         WHERE agency = type::record('agency', $agency) AND status = $status_N);";
    let late = "RETURN count(SELECT VALUE id FROM dossier
         WHERE agency = type::record('agency', $agency) AND status = $late_N AND (new_due_on ?? due_on) < $today);";
    let text: String = (0..statuses.len())
        .map(|index| count.replace("_N", &format!("_{index}")))
        .chain((0..in_processing.len()).map(|index| late.replace("_N", &format!("_{index}"))))
        .collect();
    let mut query = db.query(text).bind(("agency", agency.to_string())).bind(("today", today.to_string()));
    for (index, status) in statuses.iter().enumerate() {
        query = query.bind((format!("status_{index}"), status.stored()));
    }
    for (index, status) in in_processing.iter().enumerate() {
        query = query.bind((format!("late_{index}"), status.stored()));
    }
    let mut response = query.await?;

    let mut counts = Vec::new();
    for (index, status) in statuses.iter().enumerate() {
        let count: Option<u64> = response.take(index)?;
        if let Some(count) = count.filter(|count| *count > 0) {
            counts.push((*status, count));
        }
    }
    let mut overdue = 0;
    for index in statuses.len()..statuses.len() + in_processing.len() {
        let count: Option<u64> = response.take(index)?;
        overdue += count.unwrap_or(0);
    }
    Ok((counts, overdue))
}

/// Every move of a dossier between steps, in order: the control slip.
pub async fn handovers(db: &Db, key: &str) -> Result<Vec<Handover>, surrealdb::Error> {
    let mut response = db
        .query(
            "SELECT time::format(at + 7h, '%d/%m/%Y %H:%M') AS at, step_from, step_to, actor_name,
                    internal_note ?? note AS note, at AS sort
             FROM dossier_event WHERE dossier = type::record('dossier', $key) AND step_to != NONE ORDER BY sort",
        )
        .bind(("key", key.to_string()))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let text = |name: &str| row.get(name).and_then(Json::as_str).map(str::to_string);
            Some(Handover {
                at: text("at")?,
                from: text("step_from").unwrap_or_default(),
                to: text("step_to")?,
                officer: text("actor_name").unwrap_or_default(),
                note: text("note"),
            })
        })
        .collect())
}

/// The active officers of an agency holding a role (and in a department,
/// when the step names one), to assign the next step to.
pub async fn officers_for(
    db: &Db,
    agency: &str,
    role: &str,
    department: Option<&str>,
) -> Result<Vec<(String, String)>, surrealdb::Error> {
    let mut response = db
        .query(
            "SELECT record::id(id) AS key, full_name FROM officer
             WHERE agency = type::record('agency', $agency) AND revoked_at = NONE AND $role IN roles
                 AND ($department = NONE OR department = type::record('department', $department))
             ORDER BY full_name LIMIT 100",
        )
        .bind(("agency", agency.to_string()))
        .bind(("role", role.to_string()))
        .bind(("department", department.map(str::to_string)))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some((row.get("key")?.as_str()?.to_string(), row.get("full_name")?.as_str()?.to_string()))
        })
        .collect())
}
