//! The HTTP router: Leptos pages and server functions, static files, a
//! health check, and the layers every response passes through.

use std::time::Duration;

use app::server::ServerContext;
use app::{App, shell};
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use app::account::session_store::SurrealSessionStore;

use crate::config::Settings;
use crate::security::{self, OwnOrigin};
use crate::sign_in::SignIn;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// State the router's own handlers read.
#[derive(Clone, axum::extract::FromRef)]
pub struct RouterState {
    pub leptos: LeptosOptions,
    pub context: ServerContext,
    pub sign_in: SignIn,
    pub own_origin: OwnOrigin,
}

/// Builds the whole application.
pub fn build(context: ServerContext, leptos: LeptosOptions, settings: &Settings) -> Router {
    let routes = generate_route_list(App);
    let own_origin =
        OwnOrigin { public: settings.public_origin(), trust_forwarded_for: settings.trust_forwarded_for };
    let sessions = SessionManagerLayer::new(SurrealSessionStore::new(context.db.clone()))
        .with_name("motcua_phien")
        .with_http_only(true)
        .with_secure(own_origin.public.starts_with("https://"))
        .with_same_site(SameSite::Lax)
        .with_expiry(Expiry::OnInactivity(time::Duration::seconds(
            i64::try_from(context.sessions.idle.as_secs()).unwrap_or(i64::MAX),
        )));
    let state = RouterState {
        leptos: leptos.clone(),
        context: context.clone(),
        sign_in: SignIn::from_settings(settings),
        own_origin: own_origin.clone(),
    };
    let page_context = context.clone();
    let fallback_context = context;

    // A dossier form may carry several files at once; each is also held to
    // the per-file limit as it streams.
    let form_limit =
        usize::try_from(settings.upload_limit_mb.max(1) * 5 + 1).unwrap_or(usize::MAX) * 1024 * 1024;

    Router::new()
        .route("/healthz", get(health))
        .route(
            "/ho-so/{key}/luu",
            axum::routing::post(app::dossier::save::handle)
                .layer(axum::extract::DefaultBodyLimit::max(form_limit)),
        )
        .route(
            "/can-bo/ho-so/{key}/ket-qua",
            axum::routing::post(app::processing::result::upload)
                .layer(axum::extract::DefaultBodyLimit::max(form_limit)),
        )
        .route("/kho-du-lieu/tep/{key}", get(app::store::serve::download))
        .route("/ho-so/{key}/phieu/{file}", get(app::slip::serve::download))
        .merge(crate::sign_in::routes())
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(page_context.clone()),
            move || shell(leptos.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<RouterState, _>(
            move || provide_context(fallback_context.clone()),
            shell,
        ))
        .with_state(state)
        .layer(sessions)
        .layer(axum::middleware::from_fn(crate::api_status::error_status))
        .layer(axum::middleware::from_fn_with_state(own_origin.clone(), security::same_origin_only))
        .layer(axum::middleware::from_fn_with_state(own_origin, security::client_address))
        .layer(axum::middleware::from_fn(without_trailing_slash))
        .layer(CompressionLayer::new())
        .layer(security_header("x-content-type-options", "nosniff"))
        .layer(security_header("referrer-policy", "strict-origin-when-cross-origin"))
        .layer(security_header("x-frame-options", "DENY"))
        .layer(SetResponseHeaderLayer::if_not_present(
            axum::http::header::CONTENT_SECURITY_POLICY,
            security::STRICT_POLICY,
        ))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
            let id = request.headers().get(REQUEST_ID).and_then(|id| id.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), id)
        }))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

/// `/thu-tuc/1.000894/` and `/thu-tuc/1.000894` are one page: the first is
/// sent permanently to the second, so every page has one address.
async fn without_trailing_slash(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let path = request.uri().path();
    let trimmed = path.trim_end_matches('/');
    // A path starting `//` would make the redirect leave the site.
    if trimmed.is_empty() || trimmed == path || trimmed.starts_with("//") {
        return next.run(request).await;
    }

    let target = match request.uri().query() {
        Some(query) => format!("{trimmed}?{query}"),
        None => trimmed.to_string(),
    };
    axum::response::Redirect::permanent(&target).into_response()
}

fn security_header(name: &'static str, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(HeaderName::from_static(name), HeaderValue::from_static(value))
}

/// `GET /healthz`: 200 when the database answers within a second, 503
/// otherwise. For load balancers and the test scripts.
async fn health(State(context): State<ServerContext>) -> (StatusCode, &'static str) {
    let probe = tokio::time::timeout(Duration::from_secs(1), context.db.query("RETURN 1")).await;
    match probe {
        Ok(Ok(_)) => (StatusCode::OK, "ok"),
        Ok(Err(error)) => {
            tracing::warn!(error = %error, "health check: database error");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
        Err(_) => {
            tracing::warn!("health check: database timed out");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
