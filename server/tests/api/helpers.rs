use std::future::Future;
use std::path::PathBuf;
use std::sync::OnceLock;

use app::server::{Db, ServerContext};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use server::config::Settings;
use server::import::{Dataset, ImportReport};
use tokio::runtime::Runtime;
use tokio::sync::OnceCell;
use tower::ServiceExt;

/// The repository's copy of the national data.
pub fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data")
}

/// One runtime for every test of this binary: the shared in-memory database
/// lives on it, so it must outlive each test.
pub fn block_on<F: Future>(future: F) -> F::Output {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("test runtime")
        })
        .block_on(future)
}

/// A fresh folder for this test run's uploads, in the system's temporary folder.
pub fn uploads_dir() -> PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("uploads folder")).path().to_path_buf()
}

pub struct TestApp {
    pub router: Router,
    pub context: ServerContext,
    pub report: ImportReport,
}

/// The portal over the whole national data, built once.
pub async fn portal() -> &'static TestApp {
    static APP: OnceCell<TestApp> = OnceCell::const_new();
    APP.get_or_init(|| async {
        let db = server::database::open_in_memory().await.expect("in-memory database");
        let report = server::import::import(&db, &seed_dir(), &Dataset::ALL).await;
        assert_eq!(report.skipped(), 1, "only the index's one repeated code is skipped:\n{report}");
        build(db, report).await
    })
    .await
}

pub async fn build(db: Db, report: ImportReport) -> TestApp {
    let settings = Settings::default();
    let province = server::serve::province(&db, &settings.province).await.expect("demo province");
    server::bootstrap::agencies(&db, &province.code).await.expect("agencies");
    let context = ServerContext {
        db,
        province,
        overview: Default::default(),
        sessions: settings.session_policy(),
        public_origin: settings.public_origin(),
        files: app::store::file::FileStore::new(uploads_dir(), 20 * 1024 * 1024),
    };
    let router = server::router::build(context.clone(), server::serve::leptos_options(&settings), &settings);
    TestApp { router, context, report }
}

pub struct Page {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl TestApp {
    pub async fn get(&self, uri: &str) -> Page {
        self.send(Request::builder().uri(uri).body(Body::empty()).expect("request")).await
    }

    /// Posts a form-encoded body, as a browser without JavaScript would.
    pub async fn post_form(&self, uri: &str, body: &str) -> Page {
        let request = Request::builder()
            .method("POST")
            .uri(uri)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body.to_string()))
            .expect("request");
        self.send(request).await
    }

    /// Calls a server function as the holder of `cookie` (or anonymously).
    pub async fn call(&self, endpoint: &str, body: &str, cookie: Option<&str>) -> Page {
        let mut request = Request::builder()
            .method("POST")
            .uri(format!("/api/{endpoint}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        self.send(request.body(Body::from(body.to_string())).expect("request")).await
    }

    /// Calls a server function that takes JSON, as the hydrated app does.
    pub async fn call_json(&self, endpoint: &str, body: &str, cookie: Option<&str>) -> Page {
        let mut request = Request::builder()
            .method("POST")
            .uri(format!("/api/{endpoint}"))
            .header("content-type", "application/json")
            .header("accept", "application/json");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        self.send(request.body(Body::from(body.to_string())).expect("request")).await
    }

    pub async fn send(&self, request: Request<Body>) -> Page {
        let response = self.router.clone().oneshot(request).await.expect("response");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        Page { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }
}

impl Page {
    /// The page's text with tags removed and whitespace collapsed, as a
    /// reader would see it.
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.body.len());
        let mut in_tag = false;
        for character in self.body.chars() {
            match character {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => text.push(character),
                _ => {}
            }
        }
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Procedure codes linked from the page, in order.
    pub fn procedure_links(&self) -> Vec<String> {
        self.body
            .split("href=\"/thu-tuc/")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|code| !code.contains('/') && !code.contains('?'))
            .map(str::to_string)
            .collect()
    }
}

pub use crate::multipart::{Part, multipart};

impl TestApp {
    /// Posts a dossier form as a browser without JavaScript would.
    pub async fn post_dossier(&self, key: &str, cookie: &str, parts: &[Part<'_>]) -> Page {
        self.post_multipart(&format!("/ho-so/{key}/luu"), cookie, parts).await
    }

    /// Posts a multipart form to `uri`, as a plain browser form.
    pub async fn post_multipart(&self, uri: &str, cookie: &str, parts: &[Part<'_>]) -> Page {
        let (content_type, body) = multipart(parts);
        let request = Request::builder()
            .method("POST")
            .uri(uri)
            .header("content-type", content_type)
            .header("accept", "text/html")
            .header("cookie", cookie)
            .body(Body::from(body))
            .expect("request");
        self.send(request).await
    }

    pub async fn get_as(&self, uri: &str, cookie: Option<&str>) -> Page {
        let mut request = Request::builder().uri(uri);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        self.send(request.body(Body::empty()).expect("request")).await
    }
}
