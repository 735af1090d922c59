//! The two legs of a sign-in (off to the provider, back with a code) and
//! signing out.

use app::account::caller::{SIGNED_IN_AT_KEY, caller_of, now_seconds};
use app::account::session_store::ACCOUNT_KEY;
use app::account::stored::{self, OfficerSignIn};
use app::audit::AuditAction;
use app::audit::stored::{AuditEvent, record};
use app::server::ClientAddress;
use axum::Extension;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use openidconnect::core::{CoreClient, CoreGenderClaim, CoreProviderMetadata, CoreResponseType};
use openidconnect::{
    AdditionalClaims, AuthenticationFlow, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl,
    Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
    UserInfoClaims,
};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::{Door, Provider, SignIn, SignInFailure};
use crate::router::RouterState;

/// The session key of a sign-in under way.
const PENDING_KEY: &str = "sign_in_pending";

/// How long the provider may take to send the browser back.
const PENDING_LIFETIME_SECONDS: i64 = 10 * 60;

/// What the first leg leaves in the session for the second to check.
#[derive(Serialize, Deserialize)]
struct Pending {
    door: Door,
    state: String,
    nonce: String,
    verifier: String,
    started_at: i64,
}

#[derive(Deserialize)]
pub struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// Claims beyond the standard ones, under whatever names the provider uses.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct ProviderClaims {
    #[serde(flatten)]
    claims: serde_json::Map<String, serde_json::Value>,
}

impl AdditionalClaims for ProviderClaims {}

pub async fn start_citizen(
    State(state): State<RouterState>,
    session: Session,
    Extension(address): Extension<ClientAddress>,
) -> Response {
    start(&state, &session, &address, Door::Citizen).await
}

pub async fn start_officer(
    State(state): State<RouterState>,
    session: Session,
    Extension(address): Extension<ClientAddress>,
) -> Response {
    start(&state, &session, &address, Door::Officer).await
}

pub async fn finish_citizen(
    State(state): State<RouterState>,
    session: Session,
    Extension(address): Extension<ClientAddress>,
    Query(callback): Query<Callback>,
) -> Response {
    finish(&state, &session, &address, Door::Citizen, callback).await
}

pub async fn finish_officer(
    State(state): State<RouterState>,
    session: Session,
    Extension(address): Extension<ClientAddress>,
    Query(callback): Query<Callback>,
) -> Response {
    finish(&state, &session, &address, Door::Officer, callback).await
}

async fn start(state: &RouterState, session: &Session, address: &ClientAddress, door: Door) -> Response {
    match redirect_to_provider(&state.sign_in, session, address, door).await {
        Ok(url) => Redirect::to(&url).into_response(),
        Err(failure) => fail(state, address, door, failure).await,
    }
}

async fn redirect_to_provider(
    sign_in: &SignIn,
    session: &Session,
    address: &ClientAddress,
    door: Door,
) -> Result<String, SignInFailure> {
    sign_in.limiter.check_key(&address.0).map_err(|_| SignInFailure::TooMany)?;
    let provider = sign_in.provider(door).ok_or(SignInFailure::NotConfigured)?;
    let client = discover(sign_in, provider).await?;

    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client.authorize_url(
        AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
        CsrfToken::new_random,
        Nonce::new_random,
    );
    for scope in provider.scopes.iter().filter(|scope| scope.as_str() != "openid") {
        request = request.add_scope(Scope::new(scope.clone()));
    }
    let (url, csrf, nonce) = request.set_pkce_challenge(challenge).url();

    let pending = Pending {
        door,
        state: csrf.secret().clone(),
        nonce: nonce.secret().clone(),
        verifier: verifier.secret().clone(),
        started_at: now_seconds(),
    };
    session.insert(PENDING_KEY, pending).await.map_err(|error| {
        tracing::error!(error = %error, "cannot keep the sign-in state in the session");
        SignInFailure::Unreachable
    })?;
    Ok(url.to_string())
}

async fn finish(
    state: &RouterState,
    session: &Session,
    address: &ClientAddress,
    door: Door,
    callback: Callback,
) -> Response {
    match complete(state, session, address, door, callback).await {
        Ok(home) => Redirect::to(home).into_response(),
        Err(failure) => fail(state, address, door, failure).await,
    }
}

/// Checks the callback against the pending sign-in, redeems the code and
/// opens the session; returns where the account starts.
async fn complete(
    state: &RouterState,
    session: &Session,
    address: &ClientAddress,
    door: Door,
    callback: Callback,
) -> Result<&'static str, SignInFailure> {
    let sign_in = &state.sign_in;
    sign_in.limiter.check_key(&address.0).map_err(|_| SignInFailure::TooMany)?;
    // Taken out whatever happens next, so a callback can never be replayed.
    let pending: Option<Pending> = session.remove(PENDING_KEY).await.map_err(|_| SignInFailure::BadState)?;
    let pending = pending.ok_or(SignInFailure::BadState)?;
    let fresh = now_seconds() - pending.started_at <= PENDING_LIFETIME_SECONDS;
    if pending.door != door || !fresh || callback.state.as_deref() != Some(pending.state.as_str()) {
        return Err(SignInFailure::BadState);
    }
    if callback.error.is_some() {
        return Err(SignInFailure::Refused);
    }
    let code = callback.code.ok_or(SignInFailure::BadState)?;

    let provider = sign_in.provider(door).ok_or(SignInFailure::NotConfigured)?;
    let client = discover(sign_in, provider).await?;
    let tokens = client
        .exchange_code(AuthorizationCode::new(code))
        .map_err(|_| SignInFailure::NotConfigured)?
        .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier))
        .request_async(&sign_in.http)
        .await
        .map_err(|error| {
            tracing::warn!(door = ?door, error = %error, "the provider refused the code");
            SignInFailure::NotVerified
        })?;
    let id_token = tokens.id_token().ok_or(SignInFailure::NotVerified)?;
    let claims =
        id_token.claims(&client.id_token_verifier(), &Nonce::new(pending.nonce)).map_err(|error| {
            tracing::warn!(door = ?door, error = %error, "the ID token did not verify");
            SignInFailure::NotVerified
        })?;
    let subject = claims.subject().clone();

    let account = match door {
        Door::Citizen => {
            let info: UserInfoClaims<ProviderClaims, CoreGenderClaim> = client
                .user_info(tokens.access_token().clone(), Some(subject.clone()))
                .map_err(|_| SignInFailure::NotConfigured)?
                .request_async(&sign_in.http)
                .await
                .map_err(|error| {
                    tracing::warn!(error = %error, "userinfo failed");
                    SignInFailure::NotVerified
                })?;
            let identity = super::claims::person_identity(
                &provider.issuer,
                subject.as_str(),
                &info.additional_claims().claims,
                &sign_in.citizen_claims,
            )?;
            stored::person_signed_in(&state.context.db, &identity).await.map_err(database)?
        }
        Door::Officer => {
            let login = match sign_in.officer_login_claim.as_str() {
                "email" => claims.email().map(|email| email.as_str().to_string()),
                "sub" => Some(subject.as_str().to_string()),
                _ => claims.preferred_username().map(|login| login.as_str().to_string()),
            };
            let login = login.ok_or(SignInFailure::MissingClaims)?.trim().to_lowercase();
            let name = claims.name().and_then(|name| name.get(None)).map(|name| name.as_str().to_string());
            let email = claims.email().map(|email| email.as_str().to_string());
            match stored::officer_signed_in(&state.context.db, &login, subject.as_str(), name, email)
                .await
                .map_err(database)?
            {
                OfficerSignIn::Admitted { account } => account,
                OfficerSignIn::NotIssued | OfficerSignIn::OtherSubject => {
                    return Err(SignInFailure::NotIssued);
                }
                OfficerSignIn::Revoked => return Err(SignInFailure::Revoked),
            }
        }
    };

    open_session(session, &account).await?;
    let caller = caller_of(&state.context, session).await.map_err(|_| SignInFailure::Unreachable)?;
    let name = caller.name();
    audit(state, &account, name.as_deref(), AuditAction::SignedIn, Some(door.label()), address).await;
    tracing::info!(account = %account, door = ?door, "signed in");
    Ok(caller.viewer().map_or("/", |viewer| viewer.home()))
}

/// A new session id for the signed-in account, so that an id planted
/// before sign-in is worthless after it.
async fn open_session(session: &Session, account: &str) -> Result<(), SignInFailure> {
    let failed = |error: tower_sessions::session::Error| {
        tracing::error!(error = %error, "cannot open the session");
        SignInFailure::Unreachable
    };
    session.cycle_id().await.map_err(failed)?;
    session.insert(ACCOUNT_KEY, account).await.map_err(failed)?;
    session.insert(SIGNED_IN_AT_KEY, now_seconds()).await.map_err(failed)?;
    Ok(())
}

async fn discover(
    sign_in: &SignIn,
    provider: &Provider,
) -> Result<
    CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    >,
    SignInFailure,
> {
    let issuer = IssuerUrl::new(provider.issuer.clone()).map_err(|_| SignInFailure::NotConfigured)?;
    let metadata = CoreProviderMetadata::discover_async(issuer, &sign_in.http).await.map_err(|error| {
        tracing::error!(issuer = %provider.issuer, error = %error, "provider discovery failed");
        SignInFailure::Unreachable
    })?;
    let redirect = RedirectUrl::new(provider.redirect.clone()).map_err(|_| SignInFailure::NotConfigured)?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(provider.client_id.clone()),
        Some(ClientSecret::new(provider.client_secret.clone())),
    )
    .set_redirect_uri(redirect))
}

fn database(error: surrealdb::Error) -> SignInFailure {
    tracing::error!(error = %error, "database failed during sign-in");
    SignInFailure::Unreachable
}

async fn fail(state: &RouterState, address: &ClientAddress, door: Door, failure: SignInFailure) -> Response {
    tracing::warn!(door = ?door, reason = %failure, "sign-in failed");
    let detail = format!("{}: {}", door.label(), failure.code());
    audit(state, "anonymous", None, AuditAction::SignInFailed, Some(&detail), address).await;
    Redirect::to(&format!("/dang-nhap?loi={}", failure.code())).into_response()
}

async fn audit(
    state: &RouterState,
    actor: &str,
    actor_name: Option<&str>,
    action: AuditAction,
    detail: Option<&str>,
    address: &ClientAddress,
) {
    let event = AuditEvent { actor, actor_name, action, target: None, detail, address: Some(&address.0) };
    if let Err(error) = record(&state.context.db, event).await {
        tracing::error!(error = %error, action = action.as_stored(), "cannot write the audit log");
    }
}

/// `POST /dang-xuat`: ends this session.
pub async fn sign_out(
    State(state): State<RouterState>,
    session: Session,
    Extension(address): Extension<ClientAddress>,
) -> Response {
    if let Ok(caller) = caller_of(&state.context, &session).await
        && let Some(account) = caller.account()
    {
        let name = caller.name();
        audit(&state, &account, name.as_deref(), AuditAction::SignedOut, None, &address).await;
        tracing::info!(account = %account, "signed out");
    }
    if let Err(error) = session.flush().await {
        tracing::error!(error = %error, "cannot end the session");
    }
    Redirect::to("/").into_response()
}
