use leptos::prelude::*;
use leptos_router::components::A;

use super::use_viewer;

/// The header's right side: the account's own links and sign-out, or the
/// way to sign in.
#[component]
pub fn AccountMenu() -> impl IntoView {
    let viewer = use_viewer();
    let menu = move || {
        let viewer = viewer.and_then(|viewer| viewer.get()).and_then(Result::ok).flatten();
        match viewer {
            None => view! { <a href="/dang-nhap" class="sign-in-link">"Đăng nhập"</a> }.into_any(),
            Some(viewer) => {
                let links = viewer
                    .navigation()
                    .into_iter()
                    .map(|link| view! { <A href=link.href>{link.label}</A> })
                    .collect_view();
                view! {
                    {links}
                    <span class="account-name" title=viewer.role_labels()>{viewer.name.clone()}</span>
                    <form method="post" action="/dang-xuat" class="inline-form">
                        <button type="submit" class="link-button">"Đăng xuất"</button>
                    </form>
                }
                .into_any()
            }
        }
    };

    view! { <Suspense fallback=|| ()>{menu}</Suspense> }
}
