//! Pages and components of the catalogue.

mod badge;
mod channels;
mod dossier;
mod estimate;
mod filters;
mod navigate;
mod pager;
mod procedure_page;
mod result_card;
mod search_box;
mod search_page;

pub use estimate::EstimateNote;
pub use procedure_page::ProcedurePage;
pub use search_box::SearchBox;
pub use search_page::SearchPage;
