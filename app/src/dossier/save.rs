//! The dossier form's one POST: answers, files and the button pressed, in
//! a single multipart request, so that a browser without JavaScript loses
//! nothing it typed when it also sends a file. Files stream to the file
//! store as they arrive; the answers are saved even when they are wrong, and
//! the page shows what to fix. A desk officer fills a dossier the desk
//! registered through the same POST, for its applicant.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::multipart::{Field as Part, Multipart};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use super::access::{Filler, fillable_dossier, form_for};
use super::stored::{self, DossierRow, Submission};
use crate::account::caller::{Caller, caller_of};
use crate::account::stored::Person;
use crate::eform::answers::{Answers, part_path};
use crate::eform::{FieldKind, Form, Prefill, Problems, Today, check_form};
use crate::error::AppError;
use crate::server::{ServerContext, database_error};
use crate::store::file::{FileStore, UploadError};
use crate::store::stored as documents;

/// How long one form POST may take to arrive and be saved: a 20 MB file
/// over a slow mobile connection fits; a client trickling bytes to hold
/// the connection open does not. A timed-out upload leaves nothing behind.
pub(crate) const FORM_TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(300);

/// The most text a single answer part may carry; a longer one is cut.
const MAX_PART_BYTES: usize = 16 * 1024;

/// What the button that sent the form asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// "Lưu nháp".
    Save,
    /// "Nộp hồ sơ".
    Submit,
    /// The page's script saving as the applicant types.
    Autosave,
    AddRow(String),
    RemoveRow(String, u32),
    /// "Bỏ tệp" next to a document field.
    Detach(String),
}

impl Intent {
    pub fn parse(value: &str) -> Intent {
        let mut parts = value.split(':');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("nop"), None, None) => Intent::Submit,
            (Some("tu-dong"), None, None) => Intent::Autosave,
            (Some("them"), Some(group), None) => Intent::AddRow(group.to_string()),
            (Some("xoa"), Some(group), Some(row)) => match row.parse() {
                Ok(row) => Intent::RemoveRow(group.to_string(), row),
                Err(_) => Intent::Save,
            },
            (Some("bo"), Some(slot), None) => Intent::Detach(slot.to_string()),
            _ => Intent::Save,
        }
    }
}

/// What one POST carried, after the files were stored.
#[derive(Debug, Default)]
pub struct Posted {
    pub values: BTreeMap<String, String>,
    pub agency: Option<String>,
    pub intent: Option<Intent>,
    /// Files received for document fields: the stored file or why not.
    pub uploads: Vec<(String, Result<crate::store::file::StoredFile, UploadError>)>,
    /// Documents picked from the data store, by document field.
    pub reuse: Vec<(String, String)>,
    /// A problem with the request as a whole, e.g. too large in total.
    pub trouble: Option<String>,
}

/// `POST /ho-so/<key>`: saves, uploads, submits; then sends the browser back
/// to the dossier page (a plain form) or answers 204 (the page's autosave).
pub async fn handle(
    State(context): State<ServerContext>,
    session: Session,
    Path(key): Path<String>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let scripted =
        headers.get(header::ACCEPT).and_then(|accept| accept.to_str().ok()) == Some("application/json");
    let Ok(saved) = tokio::time::timeout(FORM_TIME_LIMIT, save(&context, &session, &key, multipart)).await
    else {
        tracing::warn!(dossier = %key, "dossier form took too long to arrive; nothing saved");
        return (
            StatusCode::REQUEST_TIMEOUT,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Gửi hồ sơ quá lâu nên chưa được lưu. Vui lòng kiểm tra kết nối mạng và gửi lại.",
        )
            .into_response();
    };
    match saved {
        Ok(_) if scripted => StatusCode::NO_CONTENT.into_response(),
        Ok(location) => Redirect::to(&location).into_response(),
        Err(AppError::SignInRequired) if !scripted => Redirect::to("/dang-nhap").into_response(),
        Err(error) => {
            let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], error.message()).into_response()
        }
    }
}

/// Where the page goes after a POST.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Saved,
    /// The row's group, to scroll back to it.
    Rows(String),
    NeedsFixing,
    Submitted,
}

impl Outcome {
    pub fn location(&self, key: &str) -> String {
        match self {
            Outcome::Saved => format!("/ho-so/{key}?da-luu=1"),
            Outcome::Rows(group) => format!("/ho-so/{key}#nhom-{group}"),
            Outcome::NeedsFixing => format!("/ho-so/{key}?kiem-tra=1#loi"),
            Outcome::Submitted => format!("/ho-so/{key}"),
        }
    }

    /// Where a desk officer filling the dossier goes: back to the form while
    /// it is a draft, then to the desk's check, where they can receive it.
    pub fn desk_location(&self, key: &str) -> String {
        match self {
            Outcome::Submitted => format!("/can-bo/ho-so/{key}"),
            other => other.location(key),
        }
    }
}

/// Saves the POST and answers where the browser goes next.
async fn save(
    context: &ServerContext,
    session: &Session,
    key: &str,
    multipart: Multipart,
) -> Result<String, AppError> {
    let caller = caller_of(context, session).await?;
    let (row, filler) = fillable_dossier(&context.db, &caller, key).await?;

    let outcome = if row.status().editable_by_applicant() {
        let form = form_for(&context.db, &row.procedure).await?;
        let posted = receive(multipart, &form, &context.files).await;
        apply(context, &caller, &filler, &row, &form, posted).await?
    } else {
        Outcome::Submitted
    };
    Ok(if filler.is_desk() { outcome.desk_location(key) } else { outcome.location(key) })
}

/// Reads the parts in the order the browser sent them. Files are stored
/// only for document fields the form has; anything else is read and
/// dropped.
pub async fn receive(mut multipart: Multipart, form: &Form, files: &FileStore) -> Posted {
    let mut posted = Posted::default();
    loop {
        let part = match multipart.next_field().await {
            Ok(Some(part)) => part,
            Ok(None) => break,
            Err(error) => {
                tracing::warn!(error = %error, "dossier form: request body ended early or too large");
                posted.trouble = Some(format!(
                    "Yêu cầu quá lớn hoặc bị gián đoạn. Mỗi lần chỉ nên tải lên vài tệp, mỗi tệp tối đa {} MB.",
                    files.limit() / (1024 * 1024)
                ));
                break;
            }
        };

        let name = part.name().unwrap_or_default().to_string();
        if let Some(slot) = name.strip_prefix("tep:") {
            let chosen = part.file_name().is_some_and(|file_name| !file_name.is_empty());
            let first = !posted.uploads.iter().any(|(received, _)| received == slot);
            if form.document(slot).is_some() && chosen && first {
                let slot = slot.to_string();
                let stored = files.receive(part).await;
                posted.uploads.push((slot, stored));
            }
            continue;
        }

        let known =
            name.starts_with("f:") || name.starts_with("dung:") || name == "co_quan" || name == "intent";
        if !known {
            drain(part).await;
            continue;
        }
        let value = read_text(part).await;
        if let Some(path) = name.strip_prefix("f:") {
            posted.values.insert(path.to_string(), value);
        } else if let Some(slot) = name.strip_prefix("dung:") {
            if !value.is_empty() {
                posted.reuse.push((slot.to_string(), value));
            }
        } else if name == "co_quan" {
            posted.agency = Some(value).filter(|agency| !agency.is_empty());
        } else if name == "intent" {
            posted.intent = Some(Intent::parse(&value));
        }
    }
    posted
}

pub(crate) async fn read_text(mut part: Part<'_>) -> String {
    let mut bytes = Vec::new();
    while let Ok(Some(chunk)) = part.chunk().await {
        if bytes.len() < MAX_PART_BYTES {
            bytes.extend_from_slice(&chunk[..chunk.len().min(MAX_PART_BYTES - bytes.len())]);
        }
    }
    let text = String::from_utf8_lossy(&bytes);
    let printable: String = text
        .chars()
        .filter(|character| !character.is_control() || matches!(character, '\n' | '\t'))
        .collect();
    crate::text::composed(printable.trim_end_matches(['\r', '\n']))
}

/// Reads a part nobody asked for to its end, keeping nothing.
pub(crate) async fn drain(mut part: Part<'_>) {
    while let Ok(Some(_)) = part.chunk().await {}
}

/// Applies a POST to a draft: answers, rows, files, and the submission if
/// asked for and the answers pass every check.
pub async fn apply(
    context: &ServerContext,
    caller: &Caller,
    filler: &Filler,
    row: &DossierRow,
    form: &Form,
    posted: Posted,
) -> Result<Outcome, AppError> {
    let db = &context.db;
    let previous = row.problems();

    // A body that broke off (a dropped connection, a bad boundary, too
    // large) carries only some of the answers: the stored ones are kept,
    // and nothing but the files that arrived whole is taken from it.
    let broken = posted.trouble.is_some();
    let intent = if broken { Intent::Save } else { posted.intent.clone().unwrap_or(Intent::Save) };
    let mut answers = if broken {
        row.answers()
    } else {
        Answers { values: posted.values.clone(), rows: row.answers().rows }
    };
    let outcome = match &intent {
        Intent::AddRow(group) => form.group(group).map(|group| {
            answers.add_row(group);
            Outcome::Rows(group.id.clone())
        }),
        Intent::RemoveRow(group, index) => form.group(group).map(|group| {
            answers.remove_row(group, *index);
            Outcome::Rows(group.id.clone())
        }),
        _ => None,
    };
    answers.keep_known(form);
    let vouched =
        if filler.vouches() { prefill(form, filler.applicant(), &mut answers) } else { BTreeSet::new() };

    let mut problems = Problems::new();
    attach_files(context, filler, row, form, &posted, &mut problems).await?;
    if let Intent::Detach(slot) = &intent
        && form.document(slot).is_some()
    {
        documents::detach(db, &row.key, slot)
            .await
            .map_err(|error| database_error("detach document", error))?;
    }
    if let Some(trouble) = &posted.trouble {
        problems.insert("yeu_cau".into(), trouble.clone());
    }

    let agencies = super::api::agencies_for(db, &row.procedure).await?;
    // A submitted dossier keeps the agency its code was given for; one the
    // desk registered stays at the desk's agency, which the desk's right
    // to fill it depends on.
    let chooses = row.status() == super::DossierStatus::Draft && !broken && !filler.is_desk();
    let chosen = if chooses { posted.agency.clone() } else { None };
    let agency = chosen
        .or_else(|| row.agency.clone())
        .filter(|agency| agencies.iter().any(|candidate| &candidate.code == agency));

    // After a failed submission the checks run on every save, so that each
    // problem goes as soon as it is fixed; a failed upload alone does not
    // start them.
    let checking = intent == Intent::Submit
        || previous.keys().any(|path| form.document(path).is_none() && path != "yeu_cau");
    if checking {
        for (path, message) in
            check_everything(context, form, &answers, &vouched, &row.key, agency.as_deref(), &agencies)
                .await?
        {
            problems.entry(path).or_insert(message);
        }
    }

    let saved = stored::save_draft(db, &row.key, &answers, &problems, agency.as_deref())
        .await
        .map_err(|error| database_error("save draft", error))?;
    if !saved {
        return Ok(Outcome::Submitted);
    }
    tracing::info!(dossier = %row.key, intent = ?intent, problems = problems.len(), "draft saved");

    if let Some(outcome) = outcome {
        return Ok(outcome);
    }
    if intent != Intent::Submit {
        return Ok(if checking && !problems.is_empty() { Outcome::NeedsFixing } else { Outcome::Saved });
    }
    if !problems.is_empty() {
        return Ok(Outcome::NeedsFixing);
    }

    // What is submitted is only what applies: answers and documents of
    // questions the answers leave out are dropped first.
    for document in answers.keep_shown(form) {
        documents::detach(db, &row.key, &document)
            .await
            .map_err(|error| database_error("detach document", error))?;
    }
    stored::save_draft(db, &row.key, &answers, &problems, agency.as_deref())
        .await
        .map_err(|error| database_error("save draft", error))?;
    let checked = serde_json::to_string(&answers).unwrap_or_default();

    if row.status() == super::DossierStatus::SupplementRequested {
        let actor = caller.account().unwrap_or_default();
        let resent = stored::resubmit(db, &row.key, &actor)
            .await
            .map_err(|error| database_error("resubmit dossier", error))?;
        tracing::info!(dossier = %row.key, resent, "supplement sent");
        return Ok(Outcome::Submitted);
    }
    let Some(agency) = agency else { return Ok(Outcome::NeedsFixing) };
    submit(context, caller, row, &agency, &agencies, &checked).await
}

/// The answers the account gives: they are shown, not typed, and whatever
/// the request said for them is replaced. Returns the fields so filled.
pub fn prefill(form: &Form, person: &Person, answers: &mut Answers) -> BTreeSet<String> {
    let mut filled = BTreeSet::new();
    for field in form.fields() {
        let Some(source) = field.prefill else { continue };
        let value = match source {
            Prefill::FullName => Some(person.full_name.clone()),
            Prefill::IdNumber => person.id_number.clone(),
            Prefill::BirthDate => person.birth_date.clone(),
            Prefill::OrganisationName => {
                person.organisation.as_ref().map(|organisation| organisation.name.clone())
            }
            Prefill::TaxCode => person.organisation_key().map(str::to_string),
        };
        if let Some(value) = value.filter(|value| !value.is_empty()) {
            answers.set(field.id.clone(), value);
            filled.insert(field.id.clone());
        }
    }
    filled
}

/// Stores each received file as a document of the applicant's data store
/// and puts it in its field; a picked store document is linked instead.
/// Papers the desk scans are digitised into the applicant's store too,
/// recorded as uploaded by the officer.
async fn attach_files(
    context: &ServerContext,
    filler: &Filler,
    row: &DossierRow,
    form: &Form,
    posted: &Posted,
    problems: &mut Problems,
) -> Result<(), AppError> {
    let db = &context.db;
    let owner = filler.store_owner();
    let uploader = filler.uploader();

    for (slot, upload) in &posted.uploads {
        let Some(document) = form.document(slot) else { continue };
        let file = match upload {
            Ok(file) => file,
            Err(error) => {
                problems.insert(slot.clone(), error.message());
                continue;
            }
        };

        let created = documents::create(
            db,
            documents::NewDocument {
                owner: &owner,
                uploaded_by: &uploader,
                in_store: true,
                kind: &document.component,
                title: &document.label,
                sha256: &file.sha256,
                size: file.size,
                media_type: file.media_type.stored(),
            },
        )
        .await
        .map_err(|error| database_error("store document", error))?;
        documents::attach(db, &row.key, slot, &created)
            .await
            .map_err(|error| database_error("attach document", error))?;
        tracing::info!(dossier = %row.key, slot = %slot, document = %created, size = file.size, desk = filler.is_desk(), "document uploaded");
    }

    // The desk is not shown the applicant's store, so it picks nothing
    // from it.
    if filler.is_desk() {
        return Ok(());
    }
    for (slot, chosen) in &posted.reuse {
        let Some(document) = form.document(slot) else { continue };
        if posted.uploads.iter().any(|(uploaded, result)| uploaded == slot && result.is_ok()) {
            continue;
        }
        if !crate::store::is_plausible_key(chosen) {
            continue;
        }

        let access =
            documents::access(db, chosen).await.map_err(|error| database_error("read document", error))?;
        match access {
            Some(access) if access.owner == owner && access.in_store => {
                documents::attach(db, &row.key, slot, chosen)
                    .await
                    .map_err(|error| database_error("attach document", error))?;
                tracing::info!(dossier = %row.key, slot = %slot, document = %chosen, kind = %document.component, "stored document reused");
            }
            _ => {
                problems
                    .insert(slot.clone(), "Không tìm thấy giấy tờ đã chọn trong kho dữ liệu của bạn.".into());
            }
        }
    }
    Ok(())
}

/// Every check of a submission: the form's own, that each address names a
/// commune of its province, and that a receiving agency is chosen.
async fn check_everything(
    context: &ServerContext,
    form: &Form,
    answers: &Answers,
    vouched: &BTreeSet<String>,
    key: &str,
    agency: Option<&str>,
    agencies: &[super::ReceivingAgency],
) -> Result<Problems, AppError> {
    let attached: BTreeSet<String> = documents::attachments(&context.db, key)
        .await
        .map_err(|error| database_error("read attachments", error))?
        .into_iter()
        .map(|(slot, _)| slot)
        .collect();
    let today = Today(crate::server::local_now().date());
    let mut problems = check_form(form, answers, &attached, vouched, today);

    for (path, province, commune) in addresses(form, answers) {
        if problems.contains_key(&path) || commune.is_empty() {
            continue;
        }
        let belongs = super::api::commune_in_province(&context.db, &commune, &province).await?;
        if !belongs {
            problems.insert(path, "Xã, phường đã chọn không thuộc tỉnh, thành phố đã chọn.".into());
        }
    }

    if agency.is_none() {
        let message = if agencies.is_empty() {
            "Thủ tục này chưa có cơ quan tiếp nhận hồ sơ trực tuyến trên Cổng. Vui lòng nộp tại Bộ phận Một cửa."
        } else {
            "Vui lòng chọn cơ quan tiếp nhận hồ sơ."
        };
        problems.insert("co_quan".into(), message.into());
    }
    Ok(problems)
}

/// Each address answer: its path, province and commune.
fn addresses(form: &Form, answers: &Answers) -> Vec<(String, String, String)> {
    let mut paths = Vec::new();
    for field in form.fields().filter(|field| matches!(field.kind, FieldKind::Address)) {
        paths.push(field.id.clone());
    }
    for group in form.groups() {
        for row in 0..answers.rows_of(group) {
            for field in group.fields.iter().filter(|field| matches!(field.kind, FieldKind::Address)) {
                paths.push(crate::eform::answers::row_path(&group.id, row, &field.id));
            }
        }
    }

    paths
        .into_iter()
        .map(|path| {
            let province = answers.get(&part_path(&path, "tinh")).to_string();
            let commune = answers.get(&part_path(&path, "xa")).to_string();
            (path, province, commune)
        })
        .collect()
}

async fn submit(
    context: &ServerContext,
    caller: &Caller,
    row: &DossierRow,
    agency: &str,
    agencies: &[super::ReceivingAgency],
    checked: &str,
) -> Result<Outcome, AppError> {
    let db = &context.db;
    let agency_name =
        agencies.iter().find(|candidate| candidate.code == agency).map(|candidate| candidate.name.as_str());
    let prefix = super::code::prefix_of(agency, agency_name.unwrap_or_default());
    let day = crate::server::local_now().format("%y%m%d").to_string();
    let secret = stored::random_secret(db).await.map_err(|error| database_error("tracking secret", error))?;
    let actor = caller.account().unwrap_or_default();

    let submission = stored::submit_checked(db, &row.key, Some(checked), &prefix, &day, &secret, &actor)
        .await
        .map_err(|error| database_error("submit dossier", error))?;
    match submission {
        Submission::Submitted(code) => {
            tracing::info!(dossier = %row.key, code = %code, agency, procedure = %row.procedure, "dossier submitted");
        }
        Submission::AlreadySubmitted(code) => {
            tracing::info!(dossier = %row.key, code = ?code, "dossier was already submitted; nothing done");
        }
        Submission::Changed => {
            tracing::info!(dossier = %row.key, "answers changed while submitting; not submitted");
            return Ok(Outcome::NeedsFixing);
        }
    }
    Ok(Outcome::Submitted)
}
