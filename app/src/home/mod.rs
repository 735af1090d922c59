//! The home page: one search box and the ways into the catalogue a visitor
//! thinks in — what happened in their life, who they are, which level of
//! government, how much can be done online.

mod life_events;
mod page;

pub use page::HomePage;
