//! Dossiers brought to the desk or sent by post (Điều 14, 15): the desk
//! officer registers the applicant by their personal ID number, starts a
//! draft for them at the officer's agency, and then fills the procedure's
//! e-form on their behalf with the same form and the same POST an applicant
//! uses online (`crate::dossier::save`).

use leptos::prelude::*;

use crate::error::AppError;

/// The query parameter the form page reads after a registration, saying
/// whether the applicant already had an account on the portal.
pub const REGISTERED_PARAM: &str = "dang-ky";
pub const HAD_ACCOUNT: &str = "co-tai-khoan";
pub const NO_ACCOUNT: &str = "chua-co-tai-khoan";

/// Registers a dossier brought to the desk or sent by post, and sends the
/// officer to its form.
#[server(endpoint = "mot-cua/dang-ky")]
pub async fn register_walk_in(
    procedure: String,
    channel: String,
    id_number: String,
    full_name: String,
    birth_date: String,
    phone: String,
) -> Result<String, AppError> {
    use crate::account::Role;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let officer = caller.officer_with(&[Role::DeskOfficer])?;

    let applicant = ssr::TypedApplicant::checked(&id_number, &full_name, &birth_date, &phone)?;
    let channel = ssr::desk_channel(&channel)?;
    let procedure = ssr::received_procedure(&context.db, officer, &procedure).await?;

    let registered = ssr::register(&context, officer, &procedure, channel, &applicant).await?;
    tracing::info!(
        dossier = %registered.key,
        procedure = %procedure.code,
        channel = channel.stored(),
        had_account = registered.had_account,
        "walk-in dossier registered"
    );
    leptos_axum::redirect(&registered.form_page());
    Ok(registered.key)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use crate::account::stored::Officer;
    use crate::dossier::Channel;
    use crate::eform::{Answers, Field, FieldKind, Form, Prefill, Today, check_field};
    use crate::error::AppError;
    use crate::server::{Db, ServerContext, database_error};

    /// The issuer of the person records the desk creates. Such a record is
    /// not an account: nobody signs in to it. A later sign-in through the
    /// national e-ID creates a separate account (its issuer and subject
    /// differ), which does not see the dossiers registered here; linking
    /// the two is left for when the e-ID gives the portal a way to match
    /// them that the desk's typing cannot fake.
    pub const DESK_ISSUER: &str = "motcua:mot-cua";

    /// The longest full name accepted.
    const MAX_NAME_CHARS: usize = 100;

    /// The applicant as the officer typed them from their identity paper,
    /// checked.
    #[derive(Debug, Clone)]
    pub struct TypedApplicant {
        pub id_number: String,
        pub full_name: String,
        /// `yyyy-mm-dd`.
        pub birth_date: String,
        pub phone: Option<String>,
    }

    impl TypedApplicant {
        /// Checks every answer with the e-form's own checks and reports every
        /// problem at once, one sentence each.
        pub fn checked(
            id_number: &str,
            full_name: &str,
            birth_date: &str,
            phone: &str,
        ) -> Result<TypedApplicant, AppError> {
            let today = Today(crate::server::local_now().date());
            let id_number: String =
                id_number.chars().filter(|character| !character.is_whitespace()).collect();
            let full_name = tidy_name(full_name);
            let phone = phone.trim();

            let checks = [
                check_field(&question("Số định danh cá nhân", FieldKind::IdNumber, true), &id_number, today),
                check_field(
                    &question("Họ và tên", FieldKind::ShortText { max_length: Some(MAX_NAME_CHARS) }, true),
                    &full_name,
                    today,
                ),
                check_field(
                    &question("Ngày sinh", FieldKind::Date { past_only: true }, true),
                    birth_date,
                    today,
                ),
                check_field(&question("Số điện thoại", FieldKind::Phone, false), phone, today),
            ];
            let problems: Vec<String> = checks.into_iter().filter_map(Result::err).collect();
            if !problems.is_empty() {
                return Err(AppError::InvalidInput(problems.join(" ")));
            }

            let birth_date = crate::eform::validate::parse_date(birth_date)
                .map(|date| date.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            let phone =
                if phone.is_empty() { None } else { crate::eform::validate::normalise_phone(phone).ok() };
            Ok(TypedApplicant { id_number, full_name, birth_date, phone })
        }

        /// The first answers of the draft: what the form would otherwise take
        /// from an e-ID account, and the phone number. They stay editable and
        /// are checked like any other answer, since no e-ID vouches for them.
        pub fn first_answers(&self, form: &Form) -> Answers {
            let mut answers = Answers::default();
            for field in form.fields() {
                let value = match field.prefill {
                    Some(Prefill::FullName) => &self.full_name,
                    Some(Prefill::IdNumber) => &self.id_number,
                    Some(Prefill::BirthDate) => &self.birth_date,
                    _ => continue,
                };
                answers.set(field.id.clone(), value.clone());
            }
            if let (Some(field), Some(phone)) = (form.phone_field(), &self.phone) {
                answers.set(field.id.clone(), phone.clone());
            }
            answers
        }
    }

    /// A question of the registration form, checked like an e-form field.
    fn question(label: &str, kind: FieldKind, required: bool) -> Field {
        Field {
            id: String::new(),
            label: label.to_string(),
            kind,
            required,
            help: None,
            show_when: None,
            prefill: None,
        }
    }

    /// A name as typed, composed and with single spaces.
    fn tidy_name(name: &str) -> String {
        crate::text::composed(name).split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Names compared as people read them: case and spacing do not count.
    fn same_name(left: &str, right: &str) -> bool {
        tidy_name(left).to_lowercase() == tidy_name(right).to_lowercase()
    }

    /// The channels the desk registers: at the desk or by post; online
    /// dossiers are the applicants' own.
    pub fn desk_channel(value: &str) -> Result<Channel, AppError> {
        match Channel::from_stored(value.trim()) {
            Some(channel @ (Channel::Desk | Channel::Postal)) => Ok(channel),
            _ => Err(AppError::InvalidInput(
                "Vui lòng chọn hình thức nộp: trực tiếp tại Bộ phận Một cửa hoặc qua bưu chính công ích."
                    .into(),
            )),
        }
    }

    /// A procedure of the catalogue.
    #[derive(Debug, Clone)]
    pub struct Procedure {
        pub code: String,
        pub name: String,
    }

    /// The procedure the officer named, if it exists and the officer's
    /// agency receives its dossiers. Whether it is offered online does not
    /// matter at the desk.
    pub async fn received_procedure(db: &Db, officer: &Officer, code: &str) -> Result<Procedure, AppError> {
        let code = code.trim();
        if !crate::procedure::model::is_plausible_code(code) {
            return Err(AppError::InvalidInput("Mã thủ tục không hợp lệ, ví dụ 1.001193.".into()));
        }
        let Some(page) = crate::procedure::queries::page(db, code).await? else {
            return Err(AppError::InvalidInput(format!("Không tìm thấy thủ tục có mã {code}.")));
        };

        let agencies = crate::dossier::api::agencies_for(db, code).await?;
        if !agencies.iter().any(|agency| agency.code == officer.agency) {
            return Err(AppError::InvalidInput(format!(
                "{} không tiếp nhận hồ sơ của thủ tục {code}.",
                officer.agency_name
            )));
        }
        Ok(Procedure { code: page.entry.code, name: page.entry.name })
    }

    /// A person found by ID number.
    #[derive(Debug, Clone, serde::Deserialize)]
    struct Found {
        key: String,
        full_name: String,
        birth_date: Option<String>,
        /// Whether the desk created the record, rather than an e-ID sign-in.
        from_desk: bool,
    }

    /// The citizen holding an ID number: their e-ID account if they have
    /// one (the most recently used), else the record an earlier
    /// registration at the desk made. Business representatives' records are
    /// not theirs as individuals and are left out.
    async fn holder_of(db: &Db, id_number: &str) -> Result<Option<Found>, surrealdb::Error> {
        let mut response = db
            .query(
                "SELECT record::id(id) AS key, full_name, birth_date, issuer = $desk AS from_desk,
                        last_sign_in_at ?? created_at AS sort
                 FROM person WHERE id_number = $id_number AND kind = 'citizen' AND organisation = NONE
                 ORDER BY sort DESC LIMIT 50",
            )
            .bind(("id_number", id_number.to_string()))
            .bind(("desk", DESK_ISSUER))
            .await?;
        let rows: Vec<serde_json::Value> = response.take(0)?;
        let mut found: Vec<Found> =
            rows.into_iter().filter_map(|row| serde_json::from_value(row).ok()).collect();
        found.sort_by_key(|person| person.from_desk);
        Ok(found.into_iter().next())
    }

    /// A typo in an ID number must not put a dossier, and the scans that go
    /// with it, in a stranger's data store: the person found must carry the
    /// name (and date of birth, when known) the officer read from the
    /// applicant's paper.
    fn matches(found: &Found, typed: &TypedApplicant) -> bool {
        same_name(&found.full_name, &typed.full_name)
            && found.birth_date.as_deref().is_none_or(|birth| birth == typed.birth_date)
    }

    /// What a registration made.
    #[derive(Debug, Clone)]
    pub struct Registered {
        pub key: String,
        /// The applicant signs in to the portal: digitised papers reach them.
        pub had_account: bool,
    }

    impl Registered {
        /// The form the officer fills next.
        pub fn form_page(&self) -> String {
            let said = if self.had_account { super::HAD_ACCOUNT } else { super::NO_ACCOUNT };
            format!("/ho-so/{}?{}={said}", self.key, super::REGISTERED_PARAM)
        }
    }

    /// Creates the draft, and the applicant's record when the desk has none,
    /// together with the audit entry: all or nothing.
    pub async fn register(
        context: &ServerContext,
        officer: &Officer,
        procedure: &Procedure,
        channel: Channel,
        applicant: &TypedApplicant,
    ) -> Result<Registered, AppError> {
        let db = &context.db;
        let found = holder_of(db, &applicant.id_number)
            .await
            .map_err(|error| database_error("find applicant", error))?;
        if let Some(found) = &found
            && !matches(found, applicant)
        {
            return Err(AppError::InvalidInput(
                "Họ tên hoặc ngày sinh không khớp với người có số định danh cá nhân này. \
                 Vui lòng đối chiếu lại giấy tờ tùy thân của người nộp."
                    .into(),
            ));
        }

        let form = crate::dossier::access::form_for(db, &procedure.code).await?;
        let answers = serde_json::to_string(&applicant.first_answers(&form)).unwrap_or_default();
        let address = crate::server::client_address().await;
        let detail = format!("{} · {}", procedure.code, channel.label());
        let mut response = db
            .query(
                "BEGIN TRANSACTION;
                 LET $person = IF $found = NONE {
                     (UPSERT ONLY type::record('person', crypto::sha256($issuer + ' ' + $subject)) MERGE {
                         issuer: $issuer, subject: $subject, kind: 'citizen', full_name: $full_name,
                         id_number: $id_number, birth_date: $birth_date, assurance_level: 0
                     } RETURN VALUE id)
                 } ELSE { type::record('person', $found) };
                 LET $dossier = (CREATE ONLY dossier CONTENT {
                     procedure: $procedure, procedure_name: $procedure_name, applicant: $person,
                     agency: type::record('agency', $agency), channel: $channel, status: 'draft',
                     answers: $answers, registered_by: type::record('officer', $officer)
                 } RETURN VALUE id);
                 CREATE audit CONTENT {
                     actor: $actor, actor_name: $actor_name, action: $action,
                     target: <string> $dossier, detail: $detail, address: $address
                 };
                 RETURN record::id($dossier);
                 COMMIT TRANSACTION;",
            )
            .bind(("found", found.as_ref().map(|found| found.key.clone())))
            .bind(("issuer", DESK_ISSUER))
            .bind(("subject", format!("cccd:{}", applicant.id_number)))
            .bind(("full_name", applicant.full_name.clone()))
            .bind(("id_number", applicant.id_number.clone()))
            .bind(("birth_date", applicant.birth_date.clone()))
            .bind(("procedure", procedure.code.clone()))
            .bind(("procedure_name", procedure.name.clone()))
            .bind(("agency", officer.agency.clone()))
            .bind(("channel", channel.stored()))
            .bind(("answers", answers))
            .bind(("officer", officer.key.clone()))
            .bind(("actor", officer.account()))
            .bind(("actor_name", officer.full_name.clone()))
            .bind(("action", crate::audit::AuditAction::WalkInRegistered.as_stored()))
            .bind(("detail", detail))
            .bind(("address", address))
            .await
            .and_then(|response| response.check())
            .map_err(|error| database_error("register walk-in dossier", error))?;

        let key: Option<String> = crate::server::returned(&mut response);
        let key = key.filter(|key| !key.is_empty()).ok_or_else(|| {
            tracing::error!("walk-in registration returned no dossier");
            AppError::Internal
        })?;
        let had_account = found.is_some_and(|found| !found.from_desk);
        Ok(Registered { key, had_account })
    }

    /// The officer who registered a dossier at the desk, if one did.
    pub async fn registered_by(db: &Db, dossier: &str) -> Result<Option<String>, surrealdb::Error> {
        let mut response = db
            .query(
                "SELECT VALUE record::id(registered_by) FROM type::record('dossier', $key)
                 WHERE registered_by != NONE",
            )
            .bind(("key", dossier.to_string()))
            .await?;
        let officers: Vec<String> = response.take(0)?;
        Ok(officers.into_iter().next())
    }
}
