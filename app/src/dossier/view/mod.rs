//! Pages of dossiers: starting one, its form, the submitted dossier, the
//! applicant's list and the public tracking page.

mod documents;
mod dossier_page;
mod fields;
mod form;
mod history;
mod my_list;
mod start_page;
mod state;
mod tracking_page;

pub use dossier_page::DossierRoute;
pub use history::{AnswerList, History};
pub use my_list::MyDossiers;
pub use start_page::StartPage;
pub use tracking_page::TrackingPage;
