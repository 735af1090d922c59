use leptos::prelude::*;
use leptos_router::components::A;

use crate::procedure::query::{MAX_PAGE, PAGE_SIZE, SearchQuery};

/// Previous / next links, and where the visitor is in the results.
#[component]
pub fn Pager(query: SearchQuery, total: u64) -> impl IntoView {
    let pages = total.div_ceil(u64::from(PAGE_SIZE)).clamp(1, u64::from(MAX_PAGE)) as u32;
    let page = query.page.min(pages);
    let previous = (page > 1).then(|| query.with_page(page - 1).to_url());
    let next = (page < pages).then(|| query.with_page(page + 1).to_url());

    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label="Phân trang">
                {previous.map(|href| view! { <A href=href attr:rel="prev">"‹ Trang trước"</A> })}
                <span class="pager-position">{format!("Trang {page}/{pages}")}</span>
                {next.map(|href| view! { <A href=href attr:rel="next">"Trang sau ›"</A> })}
            </nav>
        }
    })
}
