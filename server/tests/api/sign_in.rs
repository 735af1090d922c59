//! The sign-in callback against a provider that misbehaves on purpose.
//!
//! A small OpenID Connect provider runs in the test on a loopback port,
//! built from the `openidconnect` crate's own provider-side types and an
//! RSA key made for these tests. For each sign-in it answers the code with
//! a token that is sound or flawed in one chosen way; every flaw must end
//! on the sign-in page with its code and leave no signed-in session.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use app::account::Role;
use axum::Json;
use axum::body::Body;
use axum::extract::{Form, State};
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{Duration, Utc};
use openidconnect::core::{
    CoreIdToken, CoreIdTokenClaims, CoreJsonWebKeySet, CoreJwsSigningAlgorithm, CoreProviderMetadata,
    CoreResponseType, CoreRsaPrivateSigningKey, CoreSubjectIdentifierType,
};
use openidconnect::{
    Audience, AuthUrl, EmptyAdditionalClaims, EmptyAdditionalProviderMetadata, EndUserUsername, IssuerUrl,
    JsonWebKeyId, JsonWebKeySetUrl, Nonce, PrivateSigningKey, ResponseTypes, StandardClaims,
    SubjectIdentifier, TokenUrl,
};
use server::config::Settings;
use tokio::sync::OnceCell;

use crate::accounts::officer;
use crate::helpers::{TestApp, block_on, portal};

const CLIENT_ID: &str = "motcua-thu";
const AGENCY: &str = "so-xay-dung";

/// How the provider answers a sign-in's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flaw {
    Sound,
    OtherIssuer,
    OtherAudience,
    WrongNonce,
    Expired,
    SignedByAnotherKey,
    CodeRefused,
}

struct Provider {
    issuer: String,
    key: CoreRsaPrivateSigningKey,
    other_key: CoreRsaPrivateSigningKey,
    /// Per code the test will bring back: the login and nonce of its
    /// sign-in, and the flaw to answer with. Tests run side by side, so
    /// each sign-in has a code of its own.
    answers: Mutex<HashMap<String, (String, String, Flaw)>>,
    /// The codes the token endpoint was asked to redeem.
    redeemed: Mutex<Vec<String>>,
}

fn signing_key(pem: &str) -> CoreRsaPrivateSigningKey {
    CoreRsaPrivateSigningKey::from_pem(pem, Some(JsonWebKeyId::new("khoa-thu".into()))).expect("test key")
}

async fn discovery(State(provider): State<Arc<Provider>>) -> Response {
    let issuer = &provider.issuer;
    let metadata = CoreProviderMetadata::new(
        IssuerUrl::new(issuer.clone()).unwrap(),
        AuthUrl::new(format!("{issuer}/auth")).unwrap(),
        JsonWebKeySetUrl::new(format!("{issuer}/jwks")).unwrap(),
        vec![ResponseTypes::new(vec![CoreResponseType::Code])],
        vec![CoreSubjectIdentifierType::Public],
        vec![CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256],
        EmptyAdditionalProviderMetadata {},
    )
    .set_token_endpoint(Some(TokenUrl::new(format!("{issuer}/token")).unwrap()));
    Json(metadata).into_response()
}

async fn jwks(State(provider): State<Arc<Provider>>) -> Response {
    Json(CoreJsonWebKeySet::new(vec![provider.key.as_verification_key()])).into_response()
}

async fn token(State(provider): State<Arc<Provider>>, Form(form): Form<HashMap<String, String>>) -> Response {
    let code = form.get("code").cloned().unwrap_or_default();
    provider.redeemed.lock().unwrap().push(code.clone());
    let Some((login, nonce, flaw)) = provider.answers.lock().unwrap().get(&code).cloned() else {
        let body = serde_json::json!({ "error": "invalid_grant" });
        return (StatusCode::BAD_REQUEST, Json(body)).into_response();
    };
    if flaw == Flaw::CodeRefused {
        let body = serde_json::json!({ "error": "invalid_grant", "error_description": "code expired" });
        return (StatusCode::BAD_REQUEST, Json(body)).into_response();
    }

    let issuer =
        if flaw == Flaw::OtherIssuer { "http://127.0.0.1:9/khac".into() } else { provider.issuer.clone() };
    let audience = if flaw == Flaw::OtherAudience { "ung-dung-khac" } else { CLIENT_ID };
    let nonce = if flaw == Flaw::WrongNonce { "khong-phai-nonce-nay".into() } else { nonce };
    let now = Utc::now();
    let (issued, expires) = if flaw == Flaw::Expired {
        (now - Duration::hours(2), now - Duration::hours(1))
    } else {
        (now, now + Duration::minutes(5))
    };
    let claims = CoreIdTokenClaims::new(
        IssuerUrl::new(issuer).unwrap(),
        vec![Audience::new(audience.into())],
        expires,
        issued,
        StandardClaims::new(SubjectIdentifier::new(format!("sub-{login}")))
            .set_preferred_username(Some(EndUserUsername::new(login))),
        EmptyAdditionalClaims {},
    )
    .set_nonce(Some(Nonce::new(nonce)));
    let key = if flaw == Flaw::SignedByAnotherKey { &provider.other_key } else { &provider.key };
    let id_token =
        CoreIdToken::new(claims, key, CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256, None, None).unwrap();

    Json(serde_json::json!({
        "access_token": "the-access-token",
        "token_type": "Bearer",
        "expires_in": 300,
        "id_token": id_token,
    }))
    .into_response()
}

struct Harness {
    app: TestApp,
    provider: Arc<Provider>,
}

/// The portal with its officer door pointed at the test provider, which
/// listens on a loopback port for the life of the test binary.
async fn harness() -> &'static Harness {
    static HARNESS: OnceCell<Harness> = OnceCell::const_new();
    HARNESS
        .get_or_init(|| async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let issuer = format!("http://{}", listener.local_addr().unwrap());
            let provider = Arc::new(Provider {
                issuer: issuer.clone(),
                key: signing_key(include_str!("fixtures/provider-key.pem")),
                other_key: signing_key(include_str!("fixtures/other-key.pem")),
                answers: Mutex::new(HashMap::new()),
                redeemed: Mutex::new(Vec::new()),
            });
            let routes = axum::Router::new()
                .route("/.well-known/openid-configuration", get(discovery))
                .route("/jwks", get(jwks))
                .route("/token", post(token))
                .with_state(provider.clone());
            tokio::spawn(async move { axum::serve(listener, routes).await });

            let portal = portal().await;
            let settings = Settings {
                officer_issuer: issuer,
                officer_client_id: CLIENT_ID.into(),
                officer_client_secret: "bi-mat-thu".into(),
                trust_forwarded_for: true,
                sign_in_per_minute: 6,
                ..Settings::default()
            };
            let router = server::router::build(
                portal.context.clone(),
                server::serve::leptos_options(&settings),
                &settings,
            );
            let app = TestApp { router, context: portal.context.clone(), report: Default::default() };
            Harness { app, provider }
        })
        .await
}

/// Where a sign-in ended, and whom its session belongs to afterwards.
struct Ending {
    location: String,
    signed_in: bool,
    /// Whether the provider was asked to redeem the sign-in's code.
    redeemed: bool,
}

fn cookie_of(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("motcua_phien="))
        .and_then(|value| value.split(';').next())
        .map(str::to_string)
}

fn location(headers: &axum::http::HeaderMap) -> String {
    headers.get("location").and_then(|value| value.to_str().ok()).unwrap_or_default().to_string()
}

async fn get_from(app: &TestApp, uri: &str, address: &str, cookie: Option<&str>) -> crate::helpers::Page {
    let mut request = Request::builder().uri(uri).header("x-forwarded-for", address);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    app.send(request.body(Body::empty()).unwrap()).await
}

/// Starts a sign-in from `address`; returns the session cookie and the
/// state and nonce sent to the provider.
async fn start(harness: &Harness, address: &str) -> (String, String, String) {
    let page = get_from(&harness.app, "/dang-nhap/can-bo", address, None).await;
    let target = location(&page.headers);
    assert!(target.starts_with(&harness.provider.issuer), "sent to the provider, got {target:?}");
    let url = openidconnect::url::Url::parse(&target).unwrap();
    let parameter = |name: &str| {
        url.query_pairs().find(|(key, _)| key == name).map(|(_, value)| value.into_owned()).unwrap()
    };
    assert!(url.query_pairs().any(|(key, _)| key == "code_challenge"), "PKCE is used");
    (cookie_of(&page.headers).expect("session cookie"), parameter("state"), parameter("nonce"))
}

/// What the browser brings back as `state`.
#[derive(Debug, Clone, Copy)]
enum StateBack {
    AsSent,
    Forged,
    Missing,
}

/// A whole sign-in as `login` from `address`, the provider answering with
/// `flaw`.
async fn sign_in(login: &str, address: &str, flaw: Flaw, state: StateBack) -> Ending {
    let harness = harness().await;
    let (cookie, sent_state, nonce) = start(harness, address).await;
    let code = format!("ma-{address}");
    harness.provider.answers.lock().unwrap().insert(code.clone(), (login.to_string(), nonce, flaw));

    let callback = match state {
        StateBack::AsSent => format!("/dang-nhap/can-bo/xong?code={code}&state={sent_state}"),
        StateBack::Forged => format!("/dang-nhap/can-bo/xong?code={code}&state=gia-mao"),
        StateBack::Missing => format!("/dang-nhap/can-bo/xong?code={code}"),
    };
    let page = get_from(&harness.app, &callback, address, Some(&cookie)).await;
    let cookie = cookie_of(&page.headers).unwrap_or(cookie);
    let redeemed = harness.provider.redeemed.lock().unwrap().contains(&code);
    Ending { location: location(&page.headers), signed_in: signed_in(&harness.app, &cookie).await, redeemed }
}

async fn signed_in(app: &TestApp, cookie: &str) -> bool {
    let page = app.call("tai-khoan/toi", "", Some(cookie)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let viewer: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    !viewer.is_null()
}

async fn issued(login: &str) {
    officer(&portal().await.context.db, login, AGENCY, Role::DeskOfficer).await;
}

#[test]
fn a_sound_token_signs_the_officer_in() {
    block_on(async {
        issued("dangnhap.hople").await;

        let ending = sign_in("dangnhap.hople", "10.9.0.1", Flaw::Sound, StateBack::AsSent).await;

        assert_eq!(ending.location, "/can-bo");
        assert!(ending.signed_in);
        assert!(ending.redeemed);
    });
}

#[test]
fn every_flawed_token_ends_on_the_sign_in_page_without_a_session() {
    block_on(async {
        issued("dangnhap.loi").await;
        let flaws = [
            (Flaw::OtherIssuer, "xac-thuc"),
            (Flaw::OtherAudience, "xac-thuc"),
            (Flaw::WrongNonce, "xac-thuc"),
            (Flaw::Expired, "xac-thuc"),
            (Flaw::SignedByAnotherKey, "xac-thuc"),
            (Flaw::CodeRefused, "xac-thuc"),
        ];

        for (index, (flaw, code)) in flaws.into_iter().enumerate() {
            let address = format!("10.9.1.{index}");
            let ending = sign_in("dangnhap.loi", &address, flaw, StateBack::AsSent).await;

            assert_eq!(ending.location, format!("/dang-nhap?loi={code}"), "{flaw:?}");
            assert!(!ending.signed_in, "{flaw:?} left a signed-in session");
        }
    });
}

#[test]
fn a_missing_or_forged_state_is_refused_before_the_provider_is_asked() {
    block_on(async {
        issued("dangnhap.trangthai").await;

        let forged = sign_in("dangnhap.trangthai", "10.9.2.1", Flaw::Sound, StateBack::Forged).await;
        let missing = sign_in("dangnhap.trangthai", "10.9.2.2", Flaw::Sound, StateBack::Missing).await;

        assert_eq!(forged.location, "/dang-nhap?loi=phien");
        assert!(!forged.signed_in);
        assert!(!forged.redeemed, "the code of a forged state is never redeemed");
        assert_eq!(missing.location, "/dang-nhap?loi=phien");
        assert!(!missing.signed_in);
        assert!(!missing.redeemed);
    });
}

#[test]
fn a_replayed_callback_is_refused() {
    block_on(async {
        issued("dangnhap.phatlai").await;
        let harness = harness().await;
        let address = "10.9.3.1";
        let (cookie, state, nonce) = start(harness, address).await;
        let code = format!("ma-{address}");
        harness
            .provider
            .answers
            .lock()
            .unwrap()
            .insert(code.clone(), ("dangnhap.phatlai".into(), nonce, Flaw::Sound));
        let callback = format!("/dang-nhap/can-bo/xong?code={code}&state={state}");

        let first = get_from(&harness.app, &callback, address, Some(&cookie)).await;
        let signed_cookie = cookie_of(&first.headers).expect("a new session id after sign-in");
        let replay = get_from(&harness.app, &callback, address, Some(&signed_cookie)).await;
        let planted = get_from(&harness.app, &callback, address, Some(&cookie)).await;

        assert_eq!(location(&first.headers), "/can-bo");
        assert_eq!(location(&replay.headers), "/dang-nhap?loi=phien", "the state was used up");
        assert_eq!(location(&planted.headers), "/dang-nhap?loi=phien");
        let redeemed = harness.provider.redeemed.lock().unwrap().iter().filter(|seen| **seen == code).count();
        assert_eq!(redeemed, 1, "the code is redeemed once");
        assert!(!signed_in(&harness.app, &cookie).await, "the id planted before sign-in is worthless");
        assert!(signed_in(&harness.app, &signed_cookie).await);
    });
}

#[test]
fn a_login_that_was_never_issued_gets_no_session() {
    block_on(async {
        let ending = sign_in("dangnhap.chuacap", "10.9.4.1", Flaw::Sound, StateBack::AsSent).await;

        assert_eq!(ending.location, "/dang-nhap?loi=chua-cap");
        assert!(!ending.signed_in);
    });
}

#[test]
fn sign_in_attempts_are_limited_per_address() {
    block_on(async {
        let harness = harness().await;
        let address = "10.9.5.1";

        let mut endings = Vec::new();
        for _ in 0..8 {
            let page = get_from(&harness.app, "/dang-nhap/can-bo", address, None).await;
            endings.push(location(&page.headers));
        }
        let elsewhere = get_from(&harness.app, "/dang-nhap/can-bo", "10.9.5.2", None).await;

        assert!(
            endings[..6].iter().all(|target| target.starts_with(&harness.provider.issuer)),
            "{endings:?}"
        );
        assert!(endings[6..].iter().all(|target| target == "/dang-nhap?loi=nhieu-lan"), "{endings:?}");
        assert!(location(&elsewhere.headers).starts_with(&harness.provider.issuer));
    });
}
