//! Who is calling: every server function starts here, and decides from the
//! answer before it touches data.

use tower_sessions::Session;

use super::role::Role;
use super::session_store::ACCOUNT_KEY;
use super::stored::{self, Officer, Person};
use super::viewer::Viewer;
use crate::error::AppError;
use crate::server::{ServerContext, database_error};

/// The session key holding the sign-in time, in seconds since 1970, which
/// bounds a session's whole life whatever its activity.
pub const SIGNED_IN_AT_KEY: &str = "signed_in_at";

pub enum Caller {
    Anonymous,
    Person(Box<Person>),
    Officer(Box<Officer>),
}

impl Caller {
    /// A citizen or a business representative, for what people do for
    /// themselves.
    pub fn person(&self) -> Result<&Person, AppError> {
        match self {
            Caller::Person(person) => Ok(person),
            Caller::Anonymous => Err(AppError::SignInRequired),
            Caller::Officer(_) => Err(AppError::Forbidden),
        }
    }

    /// An officer holding at least one of `roles`.
    pub fn officer_with(&self, roles: &[Role]) -> Result<&Officer, AppError> {
        match self {
            Caller::Officer(officer) if roles.iter().any(|role| officer.has(*role)) => Ok(officer),
            Caller::Anonymous => Err(AppError::SignInRequired),
            _ => Err(AppError::Forbidden),
        }
    }

    /// The account's record id, for the audit log.
    pub fn account(&self) -> Option<String> {
        match self {
            Caller::Anonymous => None,
            Caller::Person(person) => Some(person.account()),
            Caller::Officer(officer) => Some(officer.account()),
        }
    }

    pub fn name(&self) -> Option<String> {
        match self {
            Caller::Anonymous => None,
            Caller::Person(person) => Some(person.full_name.clone()),
            Caller::Officer(officer) => Some(officer.full_name.clone()),
        }
    }

    pub fn viewer(&self) -> Option<Viewer> {
        match self {
            Caller::Anonymous => None,
            Caller::Person(person) => Some(Viewer {
                name: person.full_name.clone(),
                roles: vec![if person.organisation.is_some() {
                    Role::BusinessRepresentative
                } else {
                    Role::Citizen
                }],
                acting_for: person.organisation.as_ref().map(|organisation| organisation.name.clone()),
            }),
            Caller::Officer(officer) => Some(Viewer {
                name: officer.full_name.clone(),
                roles: officer.roles(),
                acting_for: Some(officer.agency_name.clone()),
            }),
        }
    }
}

/// The caller of this request, from its session. A session whose account
/// was revoked, removed or has outlived the absolute limit is ended here,
/// so a revocation takes effect on the account's next request.
pub async fn caller() -> Result<Caller, AppError> {
    let context = crate::server::context()?;
    let Ok(session) = leptos_axum::extract::<Session>().await else {
        tracing::error!("the session layer is missing from the router");
        return Err(AppError::Internal);
    };

    caller_of(&context, &session).await
}

pub async fn caller_of(context: &ServerContext, session: &Session) -> Result<Caller, AppError> {
    let account: Option<String> = session.get(ACCOUNT_KEY).await.map_err(session_error)?;
    let Some(account) = account else { return Ok(Caller::Anonymous) };

    let signed_in_at: i64 = session.get(SIGNED_IN_AT_KEY).await.map_err(session_error)?.unwrap_or(0);
    if now_seconds() - signed_in_at > context.sessions.absolute.as_secs() as i64 {
        tracing::info!("session outlived its absolute limit");
        return end(session).await;
    }

    let caller = match account.split_once(':') {
        Some(("person", key)) => stored::load_person(&context.db, key)
            .await
            .map_err(|error| database_error("load person", error))?
            .map(|person| Caller::Person(Box::new(person))),
        Some(("officer", key)) => stored::load_officer(&context.db, key)
            .await
            .map_err(|error| database_error("load officer", error))?
            .filter(|officer| !officer.revoked)
            .map(|officer| Caller::Officer(Box::new(officer))),
        _ => None,
    };
    match caller {
        Some(caller) => Ok(caller),
        None => end(session).await,
    }
}

async fn end(session: &Session) -> Result<Caller, AppError> {
    session.flush().await.map_err(session_error)?;
    Ok(Caller::Anonymous)
}

fn session_error(error: tower_sessions::session::Error) -> AppError {
    tracing::error!(error = %error, "session store failed");
    AppError::Internal
}

pub fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() as i64)
}
