//! Sign-in through OpenID Connect (authorization code with PKCE and a
//! nonce): people through the national e-ID, officers through the
//! province's central sign-in. Every failure ends on the sign-in page with
//! a Vietnamese explanation, no session, and a line in the audit log.

mod claims;
mod flow;

use std::num::NonZeroU32;
use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::{CitizenClaims, Settings};
use crate::router::RouterState;

/// Which door a sign-in came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Door {
    Citizen,
    Officer,
}

impl Door {
    fn path(self) -> &'static str {
        match self {
            Door::Citizen => "/dang-nhap/cong-dan",
            Door::Officer => "/dang-nhap/can-bo",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Door::Citizen => "định danh điện tử",
            Door::Officer => "đăng nhập tập trung của tỉnh",
        }
    }
}

/// Why a sign-in did not complete; each has its code on the sign-in page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignInFailure {
    #[error("state missing, expired, replayed or from another sign-in")]
    BadState,
    #[error("the provider refused or the user cancelled")]
    Refused,
    #[error("the code or the tokens did not verify")]
    NotVerified,
    #[error("the identity lacks a required claim")]
    MissingClaims,
    #[error("no officer account was issued for this login")]
    NotIssued,
    #[error("the officer account was revoked")]
    Revoked,
    #[error("too many attempts from this address")]
    TooMany,
    #[error("this door is not configured")]
    NotConfigured,
    #[error("the provider could not be reached")]
    Unreachable,
}

impl SignInFailure {
    /// The `?loi=` code the sign-in page explains.
    fn code(self) -> &'static str {
        match self {
            SignInFailure::BadState => "phien",
            SignInFailure::Refused => "tu-choi",
            SignInFailure::NotVerified => "xac-thuc",
            SignInFailure::MissingClaims => "thong-tin",
            SignInFailure::NotIssued => "chua-cap",
            SignInFailure::Revoked => "thu-hoi",
            SignInFailure::TooMany => "nhieu-lan",
            SignInFailure::NotConfigured => "chua-cau-hinh",
            SignInFailure::Unreachable => "ket-noi",
        }
    }
}

/// One OpenID Connect provider as configured.
#[derive(Clone)]
pub struct Provider {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    pub scopes: Vec<String>,
    /// Where the provider sends the browser back.
    pub redirect: String,
}

/// Everything the sign-in routes need, shared by all requests.
#[derive(Clone)]
pub struct SignIn {
    pub citizen: Option<Provider>,
    pub officer: Option<Provider>,
    pub citizen_claims: CitizenClaims,
    pub officer_login_claim: String,
    http: openidconnect::reqwest::Client,
    limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl SignIn {
    pub fn from_settings(settings: &Settings) -> SignIn {
        let origin = settings.public_origin();
        let provider = |issuer: &str, client_id: &str, secret: &str, scopes: &[String], door: Door| {
            (!issuer.is_empty()).then(|| Provider {
                issuer: issuer.to_string(),
                client_id: client_id.to_string(),
                client_secret: secret.to_string(),
                scopes: scopes.to_vec(),
                redirect: format!("{origin}{}/xong", door.path()),
            })
        };
        let per_minute = NonZeroU32::new(settings.sign_in_per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        // Following redirects from the provider's endpoints would let a
        // misconfigured issuer point the server at internal addresses.
        let http = openidconnect::reqwest::ClientBuilder::new()
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .unwrap_or_default();

        SignIn {
            citizen: provider(
                &settings.citizen_issuer,
                &settings.citizen_client_id,
                &settings.citizen_client_secret,
                &settings.citizen_scopes,
                Door::Citizen,
            ),
            officer: provider(
                &settings.officer_issuer,
                &settings.officer_client_id,
                &settings.officer_client_secret,
                &settings.officer_scopes,
                Door::Officer,
            ),
            citizen_claims: settings.citizen_claims.clone(),
            officer_login_claim: settings.officer_login_claim.clone(),
            http,
            limiter: Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute))),
        }
    }

    fn provider(&self, door: Door) -> Option<&Provider> {
        match door {
            Door::Citizen => self.citizen.as_ref(),
            Door::Officer => self.officer.as_ref(),
        }
    }

    /// The origins of the configured providers, which pages may send the
    /// browser to.
    pub fn provider_origins(&self) -> Vec<String> {
        [&self.citizen, &self.officer]
            .into_iter()
            .flatten()
            .filter_map(|provider| url_origin(&provider.issuer))
            .collect()
    }
}

fn url_origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split('/').next()?;
    Some(format!("{scheme}://{host}"))
}

/// The sign-in and sign-out routes.
pub fn routes() -> Router<RouterState> {
    Router::new()
        .route("/dang-nhap/cong-dan", get(flow::start_citizen))
        .route("/dang-nhap/can-bo", get(flow::start_officer))
        .route("/dang-nhap/cong-dan/xong", get(flow::finish_citizen))
        .route("/dang-nhap/can-bo/xong", get(flow::finish_officer))
        .route("/dang-xuat", post(flow::sign_out))
}
