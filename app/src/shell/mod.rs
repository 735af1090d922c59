//! The page around every page: document shell, header, footer, routes, and
//! the pages shown when something is missing or broken.

mod error_view;
mod footer;
mod header;
mod not_found;
mod portal;

pub use error_view::ErrorNotice;
pub use not_found::NotFoundPage;
pub use portal::{PortalInfo, load_portal};

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, SsrMode, StaticSegment};

use crate::account::view::{OfficerHomePage, PersonHomePage, SignInPage, provide_viewer};
use crate::admin::view::OfficersPage;
use crate::audit::view::AuditPage;
use crate::desk::view::DeskDossierPage;
use crate::dossier::view::{DossierRoute, StartPage, TrackingPage};
use crate::home::HomePage;
use crate::procedure::view::{ProcedurePage, SearchPage};
use crate::store::view::StorePage;

/// The HTML document the server sends; the browser hydrates `<App/>` in it.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="vi">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#a4161a" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The application: every route of the portal.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let portal = OnceResource::new(load_portal());
    provide_context(portal);
    provide_viewer();
    #[cfg(feature = "ssr")]
    set_page_policy();

    view! {
        <Stylesheet id="leptos" href="/pkg/motcua.css" />
        <Title formatter=page_title />
        <Router>
            <a class="skip-link" href="#noi-dung">"Bỏ qua, đến nội dung chính"</a>
            <header::Header />
            <main id="noi-dung">
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async />
                    <Route path=StaticSegment("thu-tuc") view=SearchPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("thu-tuc"), ParamSegment("code"))
                        view=ProcedurePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("thu-tuc"), ParamSegment("code"), StaticSegment("nop-ho-so"))
                        view=StartPage
                        ssr=SsrMode::Async
                    />
                    <Route path=(StaticSegment("ho-so"), ParamSegment("key")) view=DossierRoute ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("ho-so"), ParamSegment("key"), StaticSegment("in"), ParamSegment("kind"))
                        view=crate::slip::view::SlipPrintPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("tra-cuu") view=TrackingPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("kho-du-lieu") view=StorePage ssr=SsrMode::Async />
                    <Route path=StaticSegment("dang-nhap") view=SignInPage />
                    <Route path=StaticSegment("ho-so-cua-toi") view=PersonHomePage ssr=SsrMode::Async />
                    <Route path=StaticSegment("can-bo") view=OfficerHomePage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("can-bo"), StaticSegment("dang-ky-ho-so"))
                        view=crate::desk::walk_in_page::WalkInPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("can-bo"), StaticSegment("ho-so"), ParamSegment("key"))
                        view=DeskDossierPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("quan-tri") view=OfficersPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("quan-tri"), StaticSegment("quy-trinh"))
                        view=crate::admin::workflow::WorkflowPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("quan-tri"), StaticSegment("phong-ban"))
                        view=crate::admin::department::DepartmentsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("quan-tri"), StaticSegment("lich"))
                        view=crate::admin::calendar::CalendarPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("quan-tri"), StaticSegment("nhat-ky"))
                        view=AuditPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
            <footer::Footer />
        </Router>
    }
}

/// The Content-Security-Policy of a page: its own scripts, the inline
/// hydration scripts carrying this response's nonce, and the wasm they
/// start; nothing from elsewhere, and no framing.
#[cfg(feature = "ssr")]
fn set_page_policy() {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else { return };
    let Some(nonce) = leptos::nonce::use_nonce() else { return };

    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
         base-uri 'none'; object-src 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

/// The document title for a page's own title. Searches put the visitor's
/// words in it, and leptos_meta writes the server's `<title>` without
/// escaping, so the server escapes it here; the browser sets
/// `document.title`, which is plain text.
fn page_title(text: String) -> String {
    let title = if text.is_empty() {
        "Cổng Dịch vụ công".to_string()
    } else {
        format!("{text} | Cổng Dịch vụ công")
    };

    if cfg!(feature = "ssr") { crate::text::escape_html(&title) } else { title }
}
