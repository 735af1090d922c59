use leptos::prelude::*;

use super::Notification;
use super::api::{MarkRead, notifications};

/// The applicant's notifications on their home, unread ones marked.
#[component]
pub fn Notifications() -> impl IntoView {
    let mark = ServerAction::<MarkRead>::new();
    let list = Resource::new(move || mark.version().get(), |_| notifications());

    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(items) if !items.is_empty() => view! { <List items mark /> }.into_any(),
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn List(items: Vec<Notification>, mark: ServerAction<MarkRead>) -> impl IntoView {
    let unread = items.iter().filter(|item| !item.read).count();

    view! {
        <section class="notifications" aria-labelledby="thong-bao">
            <h2 id="thong-bao">"Thông báo" {(unread > 0).then(|| view! { <span class="badge">{unread} " mới"</span> })}</h2>
            <ul>
                {items
                    .into_iter()
                    .take(10)
                    .map(|item| {
                        let class = if item.read { "read" } else { "unread" };
                        view! {
                            <li class=class>
                                <a href=format!("/ho-so/{}", item.dossier)>{item.text}</a>
                                <span class="when">" " {item.at}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(unread > 0).then(|| view! {
                <ActionForm action=mark attr:class="inline-form">
                    <button type="submit" class="link-button">"Đánh dấu đã đọc"</button>
                </ActionForm>
            })}
        </section>
    }
}
