//! The browser entry. The portal's bundle hydrates the server-rendered page;
//! the client-only build for Trunk (feature `csr`) renders the whole app in
//! the browser instead.

// The pages' view types are deep (a dossier form nests sections, rows and
// fields), deeper than the compiler's default limit when laid out here.
#![recursion_limit = "256"]

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);

    mark_live();
}

#[cfg(all(feature = "csr", not(feature = "hydrate")))]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);

    mark_live();
}

/// Marks the page as live, for styles that only apply with the app running
/// and for tests that must not act before it is.
#[cfg(any(feature = "hydrate", feature = "csr"))]
fn mark_live() {
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "");
    }
}
