//! Dossiers in the database.

use std::future::IntoFuture;

use serde::Deserialize;
use serde_json::Value as Json;
use surrealdb::types::QueryError;

use super::{Channel, DossierStatus, DossierSummary, HistoryEntry, Tracking};
use crate::eform::{Answers, Form, Problems};
use crate::server::Db;

/// A dossier as stored, before it is shaped for a page.
#[derive(Debug, Clone, Deserialize)]
pub struct DossierRow {
    pub key: String,
    pub procedure: String,
    pub procedure_name: String,
    pub applicant: String,
    pub organisation: Option<String>,
    pub agency: Option<String>,
    pub agency_name: Option<String>,
    pub channel: String,
    pub status: String,
    pub answers: String,
    pub problems: String,
    pub code: Option<String>,
    pub tracking_secret: Option<String>,
    pub submitted_at: Option<String>,
    #[serde(default)]
    pub received_at: Option<String>,
    #[serde(default)]
    pub due_on: Option<String>,
    #[serde(default)]
    pub desk_note: Option<String>,
    #[serde(default)]
    pub due_reckoning: Option<String>,
    /// The dossier's own copy of its workflow, as JSON, once received.
    #[serde(default)]
    pub workflow: Option<String>,
    #[serde(default)]
    pub step: Option<u64>,
    #[serde(default)]
    pub step_name: Option<String>,
    #[serde(default)]
    pub assignee_name: Option<String>,
    #[serde(default)]
    pub result_document: Option<String>,
    #[serde(default)]
    pub result_paper: Option<bool>,
    #[serde(default)]
    pub result_note: Option<String>,
    #[serde(default)]
    pub new_due_on: Option<String>,
    #[serde(default)]
    pub apology_reason: Option<String>,
    #[serde(default)]
    pub returned_at: Option<String>,
    /// `yyyy-mm-dd` in Vietnam, for the outcome.
    #[serde(default)]
    pub returned_on: Option<String>,
    #[serde(default)]
    pub delivery: Option<String>,
    #[serde(default)]
    pub outcome: Option<String>,
}

impl DossierRow {
    pub fn status(&self) -> DossierStatus {
        DossierStatus::from_stored(&self.status).unwrap_or(DossierStatus::Draft)
    }

    pub fn channel(&self) -> Channel {
        Channel::from_stored(&self.channel).unwrap_or(Channel::Online)
    }

    pub fn answers(&self) -> Answers {
        serde_json::from_str(&self.answers).unwrap_or_default()
    }

    pub fn problems(&self) -> Problems {
        serde_json::from_str(&self.problems).unwrap_or_default()
    }

    /// The workflow it follows, once received.
    pub fn workflow(&self) -> Option<crate::processing::Workflow> {
        self.workflow.as_deref().and_then(crate::processing::stored::decode_workflow)
    }

    pub fn step(&self) -> Option<usize> {
        self.step.and_then(|step| usize::try_from(step).ok())
    }

    /// The date promised to the applicant: the new one after an apology.
    pub fn promised_on(&self) -> Option<&str> {
        self.new_due_on.as_deref().or(self.due_on.as_deref())
    }
}

/// The stored e-form of a procedure, if it has one.
pub async fn stored_form(db: &Db, procedure: &str) -> Result<Option<Form>, surrealdb::Error> {
    let mut response = db
        .query("SELECT VALUE schema FROM type::record('eform', $procedure)")
        .bind(("procedure", procedure.to_string()))
        .await?;
    let schemas: Vec<String> = response.take(0)?;
    Ok(schemas.first().and_then(|schema| {
        serde_json::from_str(schema)
            .map_err(
                |error| tracing::error!(procedure, error = %error, "stored e-form does not match its type"),
            )
            .ok()
    }))
}

/// Stores a procedure's form, replacing the one it had.
pub async fn store_form(db: &Db, form: &Form) -> Result<(), surrealdb::Error> {
    let schema = serde_json::to_string(form).unwrap_or_default();
    let origin = serde_json::to_value(form.origin).unwrap_or(Json::Null);
    db.query("UPSERT type::record('eform', $procedure) CONTENT { procedure: $procedure, origin: $origin, schema: $schema }")
        .bind(("procedure", form.procedure.clone()))
        .bind(("origin", origin))
        .bind(("schema", schema))
        .await?
        .check()?;
    Ok(())
}

pub async fn create_draft(
    db: &Db,
    procedure: &str,
    procedure_name: &str,
    applicant: &str,
    organisation: Option<&str>,
    agency: Option<&str>,
) -> Result<String, surrealdb::Error> {
    let mut response = db
        .query(
            "CREATE ONLY dossier CONTENT {
                procedure: $procedure, procedure_name: $procedure_name,
                applicant: type::record('person', $applicant),
                organisation: IF $organisation = NONE { NONE } ELSE { type::record('organisation', $organisation) },
                agency: IF $agency = NONE { NONE } ELSE { type::record('agency', $agency) },
                channel: 'online', status: 'draft', answers: '{}'
             } RETURN VALUE record::id(id)",
        )
        .bind(("procedure", procedure.to_string()))
        .bind(("procedure_name", procedure_name.to_string()))
        .bind(("applicant", applicant.to_string()))
        .bind(("organisation", organisation.map(str::to_string)))
        .bind(("agency", agency.map(str::to_string)))
        .await?;
    let key: Option<String> = response.take(0)?;
    Ok(key.unwrap_or_default())
}

macro_rules! dossier_columns {
    () => {
        "record::id(id) AS key, procedure, procedure_name, record::id(applicant) AS applicant,
         IF organisation = NONE { NONE } ELSE { record::id(organisation) } AS organisation,
         IF agency = NONE { NONE } ELSE { record::id(agency) } AS agency, agency.name AS agency_name,
         channel, status, answers, problems, code, tracking_secret,
         IF submitted_at = NONE { NONE } ELSE { time::format(submitted_at + 7h, '%d/%m/%Y %H:%M') } AS submitted_at,
         IF received_at = NONE { NONE } ELSE { time::format(received_at + 7h, '%d/%m/%Y %H:%M') } AS received_at,
         due_on, desk_note, due_reckoning, workflow, step, step_name, assignee.full_name AS assignee_name,
         IF result_document = NONE { NONE } ELSE { record::id(result_document) } AS result_document,
         result_paper, result_note, new_due_on, apology_reason,
         IF returned_at = NONE { NONE } ELSE { time::format(returned_at + 7h, '%d/%m/%Y %H:%M') } AS returned_at,
         IF returned_at = NONE { NONE } ELSE { time::format(returned_at + 7h, '%Y-%m-%d') } AS returned_on,
         delivery, outcome"
    };
}

pub async fn load(db: &Db, key: &str) -> Result<Option<DossierRow>, surrealdb::Error> {
    let mut response = db
        .query(concat!("SELECT ", dossier_columns!(), " FROM type::record('dossier', $key)"))
        .bind(("key", key.to_string()))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows.into_iter().next().and_then(|row| decode(row, "dossier")))
}

/// Saves a draft's answers, problems and receiving agency (or those of a
/// dossier sent back for a supplement). A dossier the applicant can no
/// longer change is left as it is; the answer says whether the save
/// happened.
pub async fn save_draft(
    db: &Db,
    key: &str,
    answers: &Answers,
    problems: &Problems,
    agency: Option<&str>,
) -> Result<bool, surrealdb::Error> {
    let answers = serde_json::to_string(answers).unwrap_or_default();
    let problems = serde_json::to_string(problems).unwrap_or_default();
    let mut attempt: u32 = 0;
    loop {
        attempt += 1;
        let saved = db
            .query(
                "UPDATE type::record('dossier', $key) SET answers = $answers, problems = $problems,
                    agency = IF $agency = NONE { NONE } ELSE { type::record('agency', $agency) },
                    updated_at = time::now()
                 WHERE status IN ['draft', 'supplement_requested'] RETURN VALUE record::id(id)",
            )
            .bind(("key", key.to_string()))
            .bind(("answers", answers.clone()))
            .bind(("problems", problems.clone()))
            .bind(("agency", agency.map(str::to_string)))
            .await
            .and_then(|mut response| response.take::<Vec<String>>(0));
        match saved {
            Ok(saved) => return Ok(!saved.is_empty()),
            // Two saves of one draft at the same moment (a click during an
            // autosave): the later one runs again and wins.
            Err(error) if attempt < 8 && is_retryable(&error) => back_off(attempt).await,
            Err(error) => return Err(error),
        }
    }
}

/// How a submission ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submission {
    /// This call submitted it and the dossier got this code.
    Submitted(String),
    /// It had been submitted before (a double click, a retry): its code.
    AlreadySubmitted(Option<String>),
    /// Its answers changed after they were checked; nothing was submitted.
    Changed,
}

/// Submits a draft: the code, the tracking secret, the status and the first
/// step of its history, all or nothing. Concurrent submissions of the same
/// draft conflict in the database; the loser retries, finds it submitted
/// and answers with the winner's code.
pub async fn submit(
    db: &Db,
    key: &str,
    prefix: &str,
    day: &str,
    secret: &str,
    actor: &str,
) -> Result<Submission, surrealdb::Error> {
    submit_checked(db, key, None, prefix, day, secret, actor).await
}

/// Submits a draft only if its stored answers are still `checked` (the JSON
/// the submission's checks passed): a save that changed them in between
/// stops the submission, which answers `Changed`.
pub async fn submit_checked(
    db: &Db,
    key: &str,
    checked: Option<&str>,
    prefix: &str,
    day: &str,
    secret: &str,
    actor: &str,
) -> Result<Submission, surrealdb::Error> {
    let committed =
        until_settled("already-submitted", || submit_once(db, key, checked, prefix, day, secret, actor))
            .await?;
    if let Some(mut response) = committed {
        let code: Option<String> = crate::server::returned(&mut response);
        return Ok(Submission::Submitted(code.unwrap_or_default()));
    }

    let row = load(db, key).await?;
    if row.as_ref().is_some_and(|row| row.status == "draft") {
        return Ok(Submission::Changed);
    }
    Ok(Submission::AlreadySubmitted(row.and_then(|row| row.code)))
}

async fn submit_once(
    db: &Db,
    key: &str,
    checked: Option<&str>,
    prefix: &str,
    day: &str,
    secret: &str,
    actor: &str,
) -> Result<surrealdb::IndexedResults, surrealdb::Error> {
    db
        .query(
            "BEGIN TRANSACTION;
             LET $dossier = type::record('dossier', $key);
             IF $dossier.status != 'draft' OR ($checked != NONE AND $dossier.answers != $checked) {
                 THROW 'already-submitted'
             };
             LET $number = (UPSERT ONLY type::record('dossier_sequence', [$prefix, $day]) SET last += 1 RETURN VALUE last);
             LET $padding = IF $number < 10 { '000' } ELSE IF $number < 100 { '00' } ELSE IF $number < 1000 { '0' } ELSE { '' };
             LET $code = string::join('', $prefix, '-', $day, '-', $padding, <string> $number);
             CREATE type::record('dossier_code', $code) SET dossier = $dossier;
             UPDATE $dossier SET status = 'submitted', code = $code, tracking_secret = $secret,
                 problems = '{}', submitted_at = time::now(), updated_at = time::now();
             CREATE dossier_event SET dossier = $dossier, status = 'submitted', actor = $actor;
             RETURN $code;
             COMMIT TRANSACTION;",
        )
        .bind(("key", key.to_string()))
        .bind(("checked", checked.map(str::to_string)))
        .bind(("prefix", prefix.to_string()))
        .bind(("day", day.to_string()))
        .bind(("secret", secret.to_string()))
        .bind(("actor", actor.to_string()))
        .await
}

/// How a transaction guarded by `THROW '<guard>'` ended.
enum Guarded {
    Done,
    /// The guard threw: the record was not in the state the change needs.
    Refused,
    /// The commit lost to a concurrent transaction; it can be run again.
    Conflict(surrealdb::Error),
}

/// Reads a guarded transaction's outcome. A failed transaction reports its
/// cause and, for every other statement, that it was not run: all of them
/// are looked through.
fn guarded(response: &mut surrealdb::IndexedResults, guard: &str) -> Result<Guarded, surrealdb::Error> {
    let errors = response.take_errors();
    if errors.values().any(|error| error.to_string().contains(guard)) {
        return Ok(Guarded::Refused);
    }

    let mut errors: Vec<(usize, surrealdb::Error)> = errors.into_iter().collect();
    errors.sort_by_key(|(index, _)| *index);
    let cause = errors.iter().position(|(_, error)| error.query_details() != Some(&QueryError::NotExecuted));
    match cause {
        Some(index) => {
            let (_, error) = errors.swap_remove(index);
            if is_retryable(&error) { Ok(Guarded::Conflict(error)) } else { Err(error) }
        }
        // Every statement reports only that the transaction failed: its
        // commit lost to a concurrent one.
        None if !errors.is_empty() => Ok(Guarded::Conflict(errors.swap_remove(0).1)),
        None => Ok(Guarded::Done),
    }
}

/// A short pause before running a conflicted transaction again, longer on
/// each attempt, so that contenders spread out.
async fn back_off(attempt: u32) {
    tokio::time::sleep(std::time::Duration::from_millis(5 * u64::from(attempt * attempt))).await;
}

/// Runs a transaction guarded by `THROW '<guard>'` until it commits (its
/// results) or its guard refuses (`None`), sending it again after a lost
/// conflict, at most eight times.
pub(crate) async fn until_settled<F, Fut>(
    guard: &str,
    mut send: F,
) -> Result<Option<surrealdb::IndexedResults>, surrealdb::Error>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<surrealdb::IndexedResults, surrealdb::Error>>,
{
    let mut attempt: u32 = 0;
    loop {
        attempt += 1;
        let mut response = send().await?;
        match guarded(&mut response, guard)? {
            Guarded::Done => return Ok(Some(response)),
            Guarded::Refused => return Ok(None),
            Guarded::Conflict(error) if attempt >= 8 => return Err(error),
            Guarded::Conflict(error) => {
                tracing::debug!(attempt, error = %error, "transaction conflicted, sending it again");
                back_off(attempt).await;
            }
        }
    }
}

/// Write conflicts between concurrent transactions, which the database asks
/// to retry.
fn is_retryable(error: &surrealdb::Error) -> bool {
    error.query_details() == Some(&QueryError::TransactionConflict)
        || error.to_string().to_lowercase().contains("can be retried")
}

/// Sends a dossier back to the desk after the supplement the desk asked
/// for; it keeps its code. Answers whether this call did it.
pub async fn resubmit(db: &Db, key: &str, actor: &str) -> Result<bool, surrealdb::Error> {
    let committed = until_settled("not-awaiting-supplement", || {
        db.query(
            "BEGIN TRANSACTION;
             LET $dossier = type::record('dossier', $key);
             IF $dossier.status != 'supplement_requested' { THROW 'not-awaiting-supplement' };
             UPDATE $dossier SET status = 'submitted', problems = '{}', updated_at = time::now();
             CREATE dossier_event SET dossier = $dossier, status = 'submitted', note = 'Đã nộp bổ sung hồ sơ.', actor = $actor;
             COMMIT TRANSACTION;",
        )
        .bind(("key", key.to_string()))
        .bind(("actor", actor.to_string()))
        .into_future()
    })
    .await?;
    Ok(committed.is_some())
}

/// The dossiers of a person and of the organisation they represent, newest
/// first.
pub async fn of_applicant(
    db: &Db,
    person: &str,
    organisation: Option<&str>,
) -> Result<Vec<DossierSummary>, surrealdb::Error> {
    // One indexed lookup per owner, merged here: a single `WHERE applicant
    // = … OR organisation = …` makes the engine scan every dossier.
    let mut response = db
        .query(
            "SELECT record::id(id) AS id, code, procedure, procedure_name, status, agency.name AS agency_name,
                    time::format((submitted_at ?? updated_at) + 7h, '%d/%m/%Y %H:%M') AS when, updated_at
             FROM dossier WHERE applicant = type::record('person', $person)
             ORDER BY updated_at DESC LIMIT 200;
             IF $organisation = NONE { [] } ELSE {
                 SELECT record::id(id) AS id, code, procedure, procedure_name, status, agency.name AS agency_name,
                        time::format((submitted_at ?? updated_at) + 7h, '%d/%m/%Y %H:%M') AS when, updated_at
                 FROM dossier WHERE organisation = type::record('organisation', $organisation)
                 ORDER BY updated_at DESC LIMIT 200
             };",
        )
        .bind(("person", person.to_string()))
        .bind(("organisation", organisation.map(str::to_string)))
        .await?;
    let mut rows: Vec<Json> = response.take(0)?;
    let shared: Vec<Json> = response.take(1)?;

    rows.extend(shared);
    let updated = |row: &Json| row.get("updated_at").and_then(Json::as_str).unwrap_or_default().to_string();
    rows.sort_by_key(|row| std::cmp::Reverse(updated(row)));
    let mut seen = std::collections::HashSet::new();
    rows.retain(|row| seen.insert(row.get("id").and_then(Json::as_str).unwrap_or_default().to_string()));
    rows.truncate(200);
    Ok(rows.into_iter().filter_map(summary).collect())
}

fn summary(row: Json) -> Option<DossierSummary> {
    let text = |name: &str| row.get(name).and_then(Json::as_str).map(str::to_string);
    Some(DossierSummary {
        id: text("id")?,
        code: text("code"),
        procedure: text("procedure")?,
        procedure_name: text("procedure_name")?,
        status: DossierStatus::from_stored(&text("status")?)?,
        agency_name: text("agency_name"),
        when: text("when").unwrap_or_default(),
    })
}

/// The public steps of a dossier, oldest first.
pub async fn history(db: &Db, key: &str) -> Result<Vec<HistoryEntry>, surrealdb::Error> {
    let mut response = db
        .query(
            "SELECT time::format(at + 7h, '%d/%m/%Y %H:%M') AS at, status, note, step_to, at AS sort FROM dossier_event
             WHERE dossier = type::record('dossier', $key) ORDER BY sort",
        )
        .bind(("key", key.to_string()))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(HistoryEntry {
                at: row.get("at")?.as_str()?.to_string(),
                status: DossierStatus::from_stored(row.get("status")?.as_str()?)?,
                note: row.get("note").and_then(Json::as_str).map(str::to_string),
                step: row.get("step_to").and_then(Json::as_str).map(str::to_string),
            })
        })
        .collect())
}

/// The public view of a dossier for whoever holds its code and secret.
pub async fn track(db: &Db, code: &str, secret: &str) -> Result<Option<Tracking>, surrealdb::Error> {
    let mut response = db
        .query(concat!(
            "SELECT ",
            dossier_columns!(),
            " FROM dossier WHERE code = $code AND tracking_secret = $secret LIMIT 1"
        ))
        .bind(("code", code.to_string()))
        .bind(("secret", secret.to_string()))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    let Some(row) = rows.into_iter().next().and_then(|row| decode::<DossierRow>(row, "dossier")) else {
        return Ok(None);
    };

    let history = history(db, &row.key).await?;
    Ok(Some(Tracking {
        code: row.code.clone().unwrap_or_default(),
        procedure_name: row.procedure_name.clone(),
        agency_name: row.agency_name.clone(),
        channel: row.channel(),
        status: row.status(),
        submitted_at: row.submitted_at.clone(),
        due_on: row.promised_on().map(str::to_string),
        history,
    }))
}

/// Random bytes from the database's generator, for tracking secrets: a
/// version-4 UUID carries 122 random bits.
pub async fn random_secret(db: &Db) -> Result<String, surrealdb::Error> {
    let mut response = db.query("RETURN <string> rand::uuid::v4()").await?;
    let uuid: Option<String> = response.take(0)?;
    let hex: Vec<u8> = uuid
        .unwrap_or_default()
        .chars()
        .filter_map(|character| character.to_digit(16))
        .map(|digit| digit as u8)
        .collect();
    let alphabet: Vec<char> = super::code::SECRET_ALPHABET.chars().collect();

    // Skip the UUID's version nibble (position 12); pairs of the other
    // nibbles make bytes.
    let random: Vec<u8> =
        hex.iter().enumerate().filter(|(index, _)| *index != 12).map(|(_, nibble)| *nibble).collect();
    Ok(random
        .chunks(2)
        .take(super::code::SECRET_LENGTH)
        .map(|pair| {
            let byte = pair.iter().fold(0usize, |value, nibble| value * 16 + usize::from(*nibble));
            alphabet[byte % alphabet.len()]
        })
        .collect())
}

fn decode<T: serde::de::DeserializeOwned>(row: Json, table: &'static str) -> Option<T> {
    serde_json::from_value(row)
        .map_err(|error| tracing::error!(table, error = %error, "stored row does not match its type"))
        .ok()
}
