//! Accounts in the database: people found or created at sign-in, officers
//! issued by administrators.

use serde::Deserialize;
use serde_json::Value as Json;

use super::role::Role;
use crate::server::Db;

/// What the national e-ID says about a person at sign-in.
#[derive(Clone)]
pub struct PersonIdentity {
    pub issuer: String,
    pub subject: String,
    pub kind: PersonKind,
    pub full_name: String,
    pub id_number: Option<String>,
    pub birth_date: Option<String>,
    pub assurance_level: u8,
    pub organisation: Option<OrganisationIdentity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PersonKind {
    Citizen,
    Business,
    Organisation,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
pub struct OrganisationIdentity {
    pub tax_code: String,
    pub name: String,
}

/// A signed-in person, as server functions see them.
#[derive(Clone, Deserialize)]
pub struct Person {
    pub key: String,
    pub kind: PersonKind,
    pub full_name: String,
    pub id_number: Option<String>,
    pub birth_date: Option<String>,
    pub assurance_level: u8,
    pub organisation: Option<OrganisationIdentity>,
}

impl Person {
    pub fn account(&self) -> String {
        format!("person:{}", self.key)
    }

    /// The organisation's key for a business representative.
    pub fn organisation_key(&self) -> Option<&str> {
        self.organisation.as_ref().map(|organisation| organisation.tax_code.as_str())
    }
}

/// An officer account as stored.
#[derive(Debug, Clone, Deserialize)]
pub struct Officer {
    pub key: String,
    pub login: String,
    pub full_name: String,
    pub agency: String,
    pub agency_name: String,
    pub department: Option<String>,
    pub department_name: Option<String>,
    pub roles: Vec<String>,
    pub revoked: bool,
}

impl Officer {
    pub fn account(&self) -> String {
        format!("officer:{}", self.key)
    }

    pub fn roles(&self) -> Vec<Role> {
        self.roles.iter().filter_map(|role| Role::from_stored(role)).collect()
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles().contains(&role)
    }
}

/// Finds or creates the person's account and records the sign-in; returns
/// the account's record id.
pub async fn person_signed_in(db: &Db, identity: &PersonIdentity) -> Result<String, surrealdb::Error> {
    let mut response = db
        .query(
            "LET $key = crypto::sha256($issuer + ' ' + $subject);
             LET $organisation = IF $tax_code = NONE { NONE } ELSE {
                 (UPSERT ONLY type::record('organisation', $tax_code)
                     CONTENT { tax_code: $tax_code, name: $organisation_name } RETURN id).id
             };
             UPSERT type::record('person', $key) MERGE {
                 issuer: $issuer, subject: $subject, kind: $kind, full_name: $full_name,
                 id_number: $id_number, birth_date: $birth_date, assurance_level: $level,
                 organisation: $organisation, last_sign_in_at: time::now()
             };
             RETURN $key;",
        )
        .bind(("issuer", identity.issuer.clone()))
        .bind(("subject", identity.subject.clone()))
        .bind(("kind", serde_json::to_value(identity.kind).unwrap_or(Json::Null)))
        .bind(("full_name", identity.full_name.clone()))
        .bind(("id_number", identity.id_number.clone()))
        .bind(("birth_date", identity.birth_date.clone()))
        .bind(("level", i64::from(identity.assurance_level)))
        .bind(("tax_code", identity.organisation.as_ref().map(|organisation| organisation.tax_code.clone())))
        .bind((
            "organisation_name",
            identity.organisation.as_ref().map(|organisation| organisation.name.clone()),
        ))
        .await?
        .check()?;
    let key: Option<String> = response.take(3)?;
    Ok(format!("person:{}", key.unwrap_or_default()))
}

pub async fn load_person(db: &Db, key: &str) -> Result<Option<Person>, surrealdb::Error> {
    let mut response = db
        .query(
            "SELECT record::id(id) AS key, kind, full_name, id_number, birth_date, assurance_level,
                    IF organisation = NONE { NONE } ELSE { { tax_code: organisation.tax_code, name: organisation.name } } AS organisation
             FROM type::record('person', $key)",
        )
        .bind(("key", key.to_string()))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows.into_iter().next().and_then(|row| decode(row, "person")))
}

/// How an officer's sign-in at the province's login ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfficerSignIn {
    Admitted {
        account: String,
    },
    /// No administrator issued an account for this login.
    NotIssued,
    Revoked,
    /// The login was first used by someone else at the provider.
    OtherSubject,
}

/// Admits an officer whose login was issued and not revoked, binding the
/// account to the provider's subject on the first sign-in.
pub async fn officer_signed_in(
    db: &Db,
    login: &str,
    subject: &str,
    full_name: Option<String>,
    email: Option<String>,
) -> Result<OfficerSignIn, surrealdb::Error> {
    let mut response = db
        .query("SELECT record::id(id) AS key, subject, revoked_at != NONE AS revoked FROM officer WHERE login = $login")
        .bind(("login", login.to_string()))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    let Some(row) = rows.into_iter().next() else { return Ok(OfficerSignIn::NotIssued) };

    let key = row.get("key").and_then(Json::as_str).unwrap_or_default().to_string();
    if row.get("revoked").and_then(Json::as_bool).unwrap_or(true) {
        return Ok(OfficerSignIn::Revoked);
    }
    if let Some(bound) = row.get("subject").and_then(Json::as_str)
        && bound != subject
    {
        return Ok(OfficerSignIn::OtherSubject);
    }

    db.query(
        "UPDATE type::record('officer', $key) SET subject = $subject, last_sign_in_at = time::now(),
            full_name = $full_name ?? full_name, email = $email ?? email",
    )
    .bind(("key", key.clone()))
    .bind(("subject", subject.to_string()))
    .bind(("full_name", full_name))
    .bind(("email", email))
    .await?
    .check()?;
    Ok(OfficerSignIn::Admitted { account: format!("officer:{key}") })
}

/// The columns an `Officer` reads, as a literal so queries stay constant.
macro_rules! officer_columns {
    () => {
        "record::id(id) AS key, login, full_name, record::id(agency) AS agency,
         agency.name AS agency_name, IF department = NONE { NONE } ELSE { record::id(department) } AS department,
         department.name AS department_name, roles, revoked_at != NONE AS revoked"
    };
}

pub async fn load_officer(db: &Db, key: &str) -> Result<Option<Officer>, surrealdb::Error> {
    let mut response = db
        .query(concat!("SELECT ", officer_columns!(), " FROM type::record('officer', $key)"))
        .bind(("key", key.to_string()))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows.into_iter().next().and_then(|row| decode(row, "officer")))
}

/// Every officer account, of one agency or of all, by agency then login.
pub async fn list_officers(db: &Db, agency: Option<&str>) -> Result<Vec<Officer>, surrealdb::Error> {
    let mut response = db
        .query(concat!(
            "SELECT ",
            officer_columns!(),
            ", agency.name AS agency_order FROM officer
             WHERE $agency = NONE OR agency = type::record('agency', $agency)
             ORDER BY agency_order, login"
        ))
        .bind(("agency", agency.map(str::to_string)))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows.into_iter().filter_map(|row| decode(row, "officer")).collect())
}

fn decode<T: serde::de::DeserializeOwned>(row: Json, table: &'static str) -> Option<T> {
    serde_json::from_value(row)
        .map_err(|error| tracing::error!(table, error = %error, "stored account does not match its type"))
        .ok()
}
