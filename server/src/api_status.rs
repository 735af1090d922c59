//! Server functions answer every failure with 500, even when the caller sent
//! something unusable. This layer gives such an answer the status of the
//! error it carries, so a bad request reads as 400 (and is not logged as a
//! fault of ours) and a missing record as 404.

use app::error::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

/// The header server functions put on an error answer.
const SERVER_FN_ERROR: &str = "serverfnerror";

/// Error bodies are a short JSON value; anything longer is left alone.
const LARGEST_ERROR: usize = 16 * 1024;

pub async fn error_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR)
    {
        return response;
    }

    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, LARGEST_ERROR).await {
        Ok(bytes) => bytes,
        Err(_) => return Response::from_parts(parts, Body::empty()),
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}
