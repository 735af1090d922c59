//! `/quan-tri/nhat-ky`: the audit log, filtered by action and actor with a
//! plain GET form.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::audit_log;
use super::{AuditAction, AuditEntry, AuditFilter};
use crate::shell::ErrorNotice;

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        query.with(|query| AuditFilter {
            action: query.get("hanh-dong").filter(|action| !action.is_empty()),
            actor: query.get("nguoi").filter(|actor| !actor.is_empty()),
        })
    };
    let entries = Resource::new(filter, audit_log);
    let chosen = move || filter().action.unwrap_or_default();
    let actor = move || filter().actor.unwrap_or_default();

    let options = move || {
        AuditAction::ALL
            .into_iter()
            .map(|action| {
                view! {
                    <option value=action.as_stored() selected=move || chosen() == action.as_stored()>
                        {action.label()}
                    </option>
                }
            })
            .collect_view()
    };

    view! {
        <Title text="Nhật ký hệ thống" />
        <section class="admin">
            <h1>"Nhật ký hệ thống"</h1>
            <crate::account::view::Admitted accepted=crate::account::Viewer::is_administrator>
            <form method="get" action="/quan-tri/nhat-ky" class="stacked-form">
                <label for="hanh-dong">"Hành động"</label>
                <select id="hanh-dong" name="hanh-dong">
                    <option value="">"Tất cả"</option>
                    {options}
                </select>
                <label for="nguoi">"Người thực hiện (tài khoản hoặc họ tên)"</label>
                <input id="nguoi" name="nguoi" prop:value=actor />
                <button type="submit">"Lọc"</button>
            </form>
            <Suspense fallback=|| view! { <p>"Đang tải…"</p> }>
                {move || entries.get().map(|entries| match entries {
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    Ok(entries) => view! { <AuditTable entries /> }.into_any(),
                })}
            </Suspense>
            </crate::account::view::Admitted>
        </section>
    }
}

#[component]
fn AuditTable(entries: Vec<AuditEntry>) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p>"Không có mục nào."</p> }.into_any();
    }
    let rows = entries
        .into_iter()
        .map(|entry| {
            let action = AuditAction::from_stored(&entry.action)
                .map_or(entry.action.clone(), |action| action.label().to_string());
            view! {
                <tr>
                    <td>{entry.at}</td>
                    <td>{entry.actor_name.unwrap_or_else(|| entry.actor.clone())}</td>
                    <td>{action}</td>
                    <td>{entry.target.unwrap_or_default()} " " {entry.detail.unwrap_or_default()}</td>
                    <td>{entry.address.unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="audit">
                <thead>
                    <tr>
                        <th>"Thời gian"</th>
                        <th>"Người thực hiện"</th>
                        <th>"Hành động"</th>
                        <th>"Đối tượng"</th>
                        <th>"Địa chỉ"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
