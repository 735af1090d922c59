//! The error every server function returns, and the Vietnamese sentence a
//! user sees for it. Causes stay in the server log; only the kind of failure
//! and a request id cross the wire.

use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

/// A failure as the browser sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The thing asked for does not exist (HTTP 404).
    #[error("not found")]
    NotFound,

    /// The request carried a value the server cannot accept (HTTP 400); the
    /// text is already a Vietnamese sentence for the user.
    #[error("invalid input: {0}")]
    InvalidInput(String),

    /// The caller must sign in first (HTTP 401).
    #[error("sign-in required")]
    SignInRequired,

    /// The caller is signed in but may not do this (HTTP 403). Also the
    /// answer for another person's record, so that ids cannot be probed.
    #[error("forbidden")]
    Forbidden,

    /// Someone else changed the record first (HTTP 409); the text says what
    /// happened, in Vietnamese.
    #[error("conflict: {0}")]
    Conflict(String),

    /// The database or another dependency failed (HTTP 500); the cause is in
    /// the server log only.
    #[error("internal error")]
    Internal,

    /// The call never reached our code: network down, bad encoding (HTTP 502
    /// from the browser's point of view).
    #[error("transport: {0}")]
    Transport(String),
}

impl AppError {
    /// The HTTP status a page showing this error answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::InvalidInput(_) => 400,
            AppError::SignInRequired => 401,
            AppError::Forbidden => 403,
            AppError::Conflict(_) => 409,
            AppError::Internal => 500,
            AppError::Transport(_) => 502,
        }
    }

    /// What the user reads, in Vietnamese.
    pub fn message(&self) -> String {
        match self {
            AppError::NotFound => "Không tìm thấy nội dung bạn yêu cầu.".to_string(),
            AppError::InvalidInput(reason) | AppError::Conflict(reason) => reason.clone(),
            AppError::SignInRequired => "Vui lòng đăng nhập để tiếp tục.".to_string(),
            AppError::Forbidden => "Bạn không có quyền thực hiện thao tác này.".to_string(),
            AppError::Internal => "Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.".to_string(),
            AppError::Transport(_) => {
                "Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.".to_string()
            }
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                AppError::InvalidInput("Yêu cầu không hợp lệ.".to_string())
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_vietnamese_message_and_a_status() {
        let errors = [
            AppError::NotFound,
            AppError::InvalidInput("Sai".into()),
            AppError::SignInRequired,
            AppError::Forbidden,
            AppError::Conflict("Đã xử lý".into()),
            AppError::Internal,
            AppError::Transport("x".into()),
        ];

        for error in errors {
            assert!(!error.message().is_empty());
            assert!((400..600).contains(&error.status()));
        }
    }

    #[test]
    fn bad_arguments_become_invalid_input() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Args("x".into()));

        assert_eq!(error.status(), 400);
    }
}
