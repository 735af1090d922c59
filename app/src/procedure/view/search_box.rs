use leptos::prelude::*;
use leptos_router::components::Form;

/// The search field. A plain GET form to `/thu-tuc`: without JavaScript the
/// browser submits it, with JavaScript the router navigates in place.
#[component]
pub fn SearchBox(text: String, #[prop(optional)] autofocus: bool) -> impl IntoView {
    view! {
        <Form method="GET" action="/thu-tuc" attr:class="search-box" attr:role="search">
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
        </Form>
    }
}
