use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::filters::Filters;
use super::pager::Pager;
use super::result_card::ResultCard;
use super::search_box::SearchBox;
use crate::procedure::api::{SearchResults, load_overview, search_procedures};
use crate::procedure::query::{IgnoredParameter, SearchQuery};
use crate::shell::ErrorNotice;

/// `/thu-tuc`: the catalogue, searched and filtered by the URL.
#[component]
pub fn SearchPage() -> impl IntoView {
    let params = use_query_map();
    let parsed = Memo::new(move |_| {
        params.with(|params| {
            SearchQuery::from_params(params.latest_values().map(|(name, value)| (name.as_ref(), value)))
        })
    });
    let query = Memo::new(move |_| parsed.with(|(query, _)| query.clone()));
    let results = Resource::new(move || query.get(), search_procedures);
    let overview = Resource::new(|| (), |_| load_overview());

    let title = move || {
        let text = query.with(|query| query.text.clone());
        if text.is_empty() { "Thủ tục hành chính".to_string() } else { format!("Tìm “{text}”") }
    };

    view! {
        <Title text=title />
        <section class="search-head">
            <h1>"Thủ tục hành chính"</h1>
            {move || view! { <SearchBox text=query.with(|query| query.text.clone()) /> }}
            {move || parsed.with(|(_, ignored)| view! { <IgnoredNotice ignored=ignored.clone() /> })}
        </section>
        <Suspense fallback=|| ()>
            {move || {
                let query = query.get();
                Suspend::new(async move {
                    overview.await.ok().map(|overview| view! { <Filters query overview /> })
                })
            }}
        </Suspense>
        <Suspense fallback=|| view! { <p class="loading">"Đang tìm…"</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(results) => view! { <ResultList query=query.get_untracked() results /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The count, the results and the pager, or advice when nothing matched.
#[component]
fn ResultList(query: SearchQuery, results: SearchResults) -> impl IntoView {
    if results.items.is_empty() && results.total > 0 {
        let first = query.with_page(1).to_url();
        let found = format!(
            "Không có trang {}: tìm thấy {} thủ tục, ít hơn số trang này.",
            query.page,
            crate::text::thousands(results.total as i64)
        );
        return view! {
            <section class="no-results" aria-live="polite">
                <h2>{found}</h2>
                <p><A href=first>"Về trang đầu của kết quả"</A></p>
            </section>
        }
        .into_any();
    }

    if results.items.is_empty() {
        return view! {
            <section class="no-results" aria-live="polite">
                <h2>"Không tìm thấy thủ tục phù hợp"</h2>
                <p>"Hãy thử từ khóa ngắn hơn, kiểm tra chính tả, hoặc bỏ bớt bộ lọc."</p>
            </section>
        }
        .into_any();
    }

    let summary = format!("Tìm thấy {} thủ tục", crate::text::thousands(results.total as i64));
    view! {
        <section class="results" aria-live="polite">
            <p class="result-count">{summary}</p>
            <ol class="result-list">
                {results.items.into_iter().map(|summary| view! { <ResultCard summary /> }).collect_view()}
            </ol>
            <Pager query total=results.total />
        </section>
    }
    .into_any()
}

/// Says which URL parameters were left out of the search, and why.
#[component]
fn IgnoredNotice(ignored: Vec<IgnoredParameter>) -> impl IntoView {
    (!ignored.is_empty()).then(|| {
        view! {
            <div class="warning" role="status">
                <p>"Một số điều kiện trong đường dẫn không hợp lệ nên đã được bỏ qua:"</p>
                <ul>{ignored.into_iter().map(|item| view! { <li>{item.message}</li> }).collect_view()}</ul>
            </div>
        }
    })
}
