//! Protections every request passes: state-changing requests only from the
//! portal's own pages, the client's address for the audit log and the
//! sign-in limit, and a Content-Security-Policy on every response.

use std::net::SocketAddr;

use app::server::ClientAddress;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// What the origin check compares against.
#[derive(Debug, Clone)]
pub struct OwnOrigin {
    /// The configured public address, e.g. `https://dichvucong.example.vn`.
    pub public: String,
    pub trust_forwarded_for: bool,
}

/// Refuses a POST (or other state-changing method) that a page of another
/// site sent: its `Origin` names another site, or, without `Origin`, the
/// browser marks it `Sec-Fetch-Site: cross-site`. Requests from programs
/// that send neither header carry no browser cookies of our users, so
/// they pass and meet the server functions' own checks.
pub async fn same_origin_only(State(own): State<OwnOrigin>, request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(request).await;
    }

    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|host| host.to_str().ok());
    let allowed = match headers.get(header::ORIGIN).and_then(|origin| origin.to_str().ok()) {
        Some(origin) => {
            origin == own.public
                || host.is_some_and(|host| origin.split_once("://").is_some_and(|(_, rest)| rest == host))
        }
        None => headers.get("sec-fetch-site").and_then(|site| site.to_str().ok()) != Some("cross-site"),
    };
    if allowed {
        return next.run(request).await;
    }

    tracing::warn!(path = %request.uri().path(), "cross-site request refused");
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Yêu cầu bị từ chối vì không được gửi từ trang của Cổng Dịch vụ công.",
    )
        .into_response()
}

/// Puts the client's address on the request, from the connection or, when
/// configured, the first `X-Forwarded-For` entry.
pub async fn client_address(State(own): State<OwnOrigin>, mut request: Request, next: Next) -> Response {
    let forwarded = own
        .trust_forwarded_for
        .then(|| request.headers().get("x-forwarded-for"))
        .flatten()
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(',').next())
        .map(|value| value.trim().to_string())
        .filter(|value| value.parse::<std::net::IpAddr>().is_ok());
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip().to_string());
    let address = forwarded.or(peer).unwrap_or_else(|| "unknown".to_string());

    request.extensions_mut().insert(ClientAddress(address));
    next.run(request).await
}

/// The policy for responses that are not pages (server functions, files,
/// errors): nothing may run or be framed. Pages set their own, with the
/// nonce of their inline scripts.
pub const STRICT_POLICY: HeaderValue = HeaderValue::from_static(
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
);
