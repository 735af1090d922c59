use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::life_events::LIFE_EVENTS;
use crate::procedure::api::{CatalogueOverview, Facet, load_overview};
use crate::procedure::model::{Audience, OnlineLevel, level_label};
use crate::procedure::query::SearchQuery;
use crate::procedure::view::SearchBox;
use crate::shell::ErrorNotice;

/// `/`: search first, then the ways in.
#[component]
pub fn HomePage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| load_overview());

    view! {
        <Title text="Trang chủ" />
        <section class="hero">
            <h1>"Bạn cần làm thủ tục gì?"</h1>
            <p class="hero-lead">"Tìm thủ tục, xem cần giấy tờ gì, mất bao lâu, tốn bao nhiêu và nộp ở đâu."</p>
            <SearchBox text=String::new() autofocus=true />
        </section>
        <section class="ways-in" aria-labelledby="su-kien">
            <h2 id="su-kien">"Theo sự kiện trong đời sống"</h2>
            <ul class="chips">
                {LIFE_EVENTS
                    .iter()
                    .map(|event| view! { <li><A href=event.url()>{event.label}</A></li> })
                    .collect_view()}
            </ul>
        </section>
        <Suspense fallback=|| view! { <p class="loading">"Đang tải danh mục…"</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! { <WaysIn overview /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The counted ways in: who you are, level, online level, field.
#[component]
fn WaysIn(overview: CatalogueOverview) -> impl IntoView {
    let audience_links = Audience::ALL.map(|audience| {
        let query = SearchQuery { audience: Some(audience), page: 1, ..SearchQuery::default() };
        (audience.label().to_string(), query.to_url(), count_of(&overview.audiences, audience.stored()))
    });
    let level_links = overview.levels.iter().map(|facet| {
        let query = SearchQuery { level: Some(facet.value.clone()), page: 1, ..SearchQuery::default() };
        (level_label(&facet.value).to_string(), query.to_url(), facet.count)
    });
    let online_links = OnlineLevel::ALL.map(|level| {
        let query = SearchQuery { online: Some(level), page: 1, ..SearchQuery::default() };
        (level.label().to_string(), query.to_url(), count_of(&overview.online_levels, level.stored()))
    });
    let field_links = overview.fields.iter().map(|facet| {
        let query = SearchQuery { field: Some(facet.value.clone()), page: 1, ..SearchQuery::default() };
        (facet.value.clone(), query.to_url(), facet.count)
    });

    view! {
        <section class="ways-in" aria-labelledby="doi-tuong">
            <h2 id="doi-tuong">"Theo đối tượng"</h2>
            <LinkList links=audience_links.to_vec() />
        </section>
        <section class="ways-in" aria-labelledby="cap">
            <h2 id="cap">"Theo cấp thực hiện"</h2>
            <LinkList links=level_links.collect() />
        </section>
        <section class="ways-in" aria-labelledby="muc-do">
            <h2 id="muc-do">"Theo mức độ trực tuyến"</h2>
            <LinkList links=online_links.to_vec() />
        </section>
        <section class="ways-in" aria-labelledby="linh-vuc">
            <h2 id="linh-vuc">"Theo lĩnh vực"</h2>
            <LinkList links=field_links.collect() />
        </section>
        <p class="muted">
            {format!(
                "Danh mục gồm {} thủ tục, trong đó {} thủ tục có đầy đủ thông tin chi tiết.",
                crate::text::thousands(overview.total as i64),
                crate::text::thousands(overview.detailed as i64),
            )}
        </p>
    }
}

/// Links with their counts, as a grid of cards on wide screens.
#[component]
fn LinkList(links: Vec<(String, String, u64)>) -> impl IntoView {
    view! {
        <ul class="link-grid">
            {links
                .into_iter()
                .map(|(label, href, count)| {
                    view! {
                        <li>
                            <A href=href>
                                <span class="link-label">{label}</span>
                                <span class="link-count">{crate::text::thousands(count as i64)}</span>
                            </A>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

fn count_of(facets: &[Facet], value: &str) -> u64 {
    facets.iter().find(|facet| facet.value == value).map_or(0, |facet| facet.count)
}
