//! The sign-in page, the header's account menu, and each role's home.

mod account_menu;
mod homes;
mod sign_in;

pub use account_menu::AccountMenu;
pub use homes::Admitted;
pub(crate) use homes::admitted;
pub use homes::{OfficerHomePage, PersonHomePage};
pub use sign_in::{SignInPage, sign_in_problem};

use leptos::prelude::*;

use crate::account::Viewer;
use crate::error::AppError;

/// The signed-in account, loaded once per page load: signing in and out
/// are full page loads, so it cannot change under a page.
pub type ViewerResource = OnceResource<Result<Option<Viewer>, AppError>>;

pub fn provide_viewer() {
    provide_context::<ViewerResource>(OnceResource::new(crate::account::api::who_am_i()));
}

pub fn use_viewer() -> Option<ViewerResource> {
    use_context::<ViewerResource>()
}
