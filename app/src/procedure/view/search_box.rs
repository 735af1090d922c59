use leptos::prelude::*;

use super::navigate::search_on_submit;

/// The search field. A plain GET form to `/thu-tuc`: without JavaScript the
/// browser submits it, with JavaScript the app navigates in place.
#[component]
pub fn SearchBox(text: String, #[prop(optional)] autofocus: bool) -> impl IntoView {
    view! {
        <form method="get" action="/thu-tuc" class="search-box" role="search" on:submit=search_on_submit()>
            <label for="q" class="visually-hidden">"Tên thủ tục hoặc từ khóa"</label>
            <input
                id="q"
                name="q"
                type="search"
                value=text
                placeholder="Ví dụ: đăng ký kết hôn"
                autocomplete="off"
                maxlength="200"
                autofocus=autofocus
            />
            <button type="submit">"Tìm kiếm"</button>
        </form>
    }
}
