//! `/quan-tri`: officer accounts of the agencies the administrator manages.

use leptos::prelude::*;
use leptos_meta::Title;

use super::OfficerRow;
use super::api::{
    ChangeOfficerRoles, IssueOfficerAccount, RevokeOfficerAccount, SetOfficerDepartment, list_agencies,
    list_officer_accounts,
};
use super::department::{AgencyDepartments, load_agency_departments};
use crate::account::Role;
use crate::shell::ErrorNotice;

#[component]
pub fn OfficersPage() -> impl IntoView {
    let issue = ServerAction::<IssueOfficerAccount>::new();
    let change = ServerAction::<ChangeOfficerRoles>::new();
    let revoke = ServerAction::<RevokeOfficerAccount>::new();
    let place = ServerAction::<SetOfficerDepartment>::new();
    let officers = Resource::new(
        move || {
            (issue.version().get(), change.version().get(), revoke.version().get(), place.version().get())
        },
        |_| async move {
            Ok::<_, crate::error::AppError>((
                list_officer_accounts().await?,
                load_agency_departments().await?,
            ))
        },
    );
    let agencies = Resource::new(|| (), |_| list_agencies());

    let outcome = move || {
        [issue.value().get(), change.value().get(), revoke.value().get(), place.value().get()]
            .into_iter()
            .flatten()
            .find_map(Result::err)
            .map(|error| view! { <p class="form-error" role="alert">{error.message()}</p> })
    };

    let content = move || {
        view! {
        <section class="admin">
            <h1>"Tài khoản cán bộ"</h1>
            {outcome}
            <Suspense fallback=|| view! { <p>"Đang tải…"</p> }>
                {move || officers.get().map(|officers| match officers {
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    Ok((officers, departments)) => {
                        view! { <OfficerTable officers departments change revoke place /> }.into_any()
                    }
                })}
            </Suspense>
            <h2>"Cấp tài khoản cán bộ"</h2>
            <ActionForm action=issue attr:class="stacked-form">
                <label for="login">"Tên đăng nhập (tài khoản đăng nhập tập trung của tỉnh)"</label>
                <input id="login" name="login" required autocomplete="off" />
                <label for="full_name">"Họ và tên"</label>
                <input id="full_name" name="full_name" required />
                <label for="agency">"Cơ quan"</label>
                <select id="agency" name="agency" required>
                    <Suspense fallback=|| ()>
                        {move || agencies.get().and_then(Result::ok).map(|agencies| {
                            agencies
                                .into_iter()
                                .map(|agency| view! { <option value=agency.code>{agency.name}</option> })
                                .collect_view()
                        })}
                    </Suspense>
                </select>
                <RoleChoices current=Vec::new() id_prefix="cap" />
                <button type="submit">"Cấp tài khoản"</button>
            </ActionForm>
        </section>
        }
    };
    let page = move || {
        crate::account::view::admitted(crate::account::Viewer::is_administrator).map(
            |admitted| match admitted {
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
                Ok(_) => content().into_any(),
            },
        )
    };

    view! {
        <Title text="Tài khoản cán bộ" />
        <Suspense fallback=|| ()>{page}</Suspense>
    }
}

#[component]
fn OfficerTable(
    officers: Vec<OfficerRow>,
    departments: Vec<AgencyDepartments>,
    change: ServerAction<ChangeOfficerRoles>,
    revoke: ServerAction<RevokeOfficerAccount>,
    place: ServerAction<SetOfficerDepartment>,
) -> impl IntoView {
    if officers.is_empty() {
        return view! { <p>"Chưa có tài khoản cán bộ nào."</p> }.into_any();
    }
    let rows = officers
        .into_iter()
        .map(|officer| {
            let roles = officer.roles.iter().map(|role| role.label()).collect::<Vec<_>>().join(", ");
            let state = if officer.revoked { "Đã thu hồi" } else { "Đang hoạt động" };
            let controls = (!officer.revoked).then(|| {
                let key = officer.key.clone();
                let revoke_key = officer.key.clone();
                let prefix = format!("vt-{}", officer.key);
                let choices = departments
                    .iter()
                    .find(|agency| agency.code == officer.agency)
                    .map(|agency| agency.departments.clone())
                    .unwrap_or_default();
                let placing = (!choices.is_empty()).then(|| {
                    let select_id = format!("pb-{}", officer.key);
                    let label_for = select_id.clone();
                    let current = officer.department.clone();
                    let options = choices
                        .into_iter()
                        .map(|department| {
                            let selected = current.as_deref() == Some(department.key.as_str());
                            view! { <option value=department.key selected=selected>{department.name}</option> }
                        })
                        .collect_view();
                    view! {
                        <details>
                            <summary>"Phòng ban"</summary>
                            <ActionForm action=place attr:class="stacked-form">
                                <input type="hidden" name="key" value=officer.key.clone() />
                                <label for=label_for>"Phòng ban"</label>
                                <select id=select_id name="department">
                                    <option value="" selected=current.is_none()>"Không thuộc phòng ban nào"</option>
                                    {options}
                                </select>
                                <button type="submit">"Lưu phòng ban"</button>
                            </ActionForm>
                        </details>
                    }
                });
                view! {
                    <details>
                        <summary>"Đổi vai trò"</summary>
                        <ActionForm action=change attr:class="stacked-form">
                            <input type="hidden" name="key" value=key />
                            <RoleChoices current=officer.roles.clone() id_prefix=prefix />
                            <button type="submit">"Lưu vai trò"</button>
                        </ActionForm>
                    </details>
                    {placing}
                    <ActionForm action=revoke attr:class="inline-form">
                        <input type="hidden" name="key" value=revoke_key />
                        <button type="submit" class="danger">"Thu hồi"</button>
                    </ActionForm>
                }
            });
            let login = officer.login.clone();
            view! {
                <li class="officer" data-login=login>
                    <strong>{officer.full_name}</strong>
                    " (" {officer.login} ")"
                    <br />
                    {officer.agency_name}
                    {officer.department_name.map(|name| format!(" · {name}"))}
                    <br />
                    <span class="muted">{roles} " · " {state}</span>
                    {controls}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="officer-list">{rows}</ul> }.into_any()
}

/// One checkbox per officer role, named `roles[<role>]`.
#[component]
fn RoleChoices(current: Vec<Role>, #[prop(into)] id_prefix: String) -> impl IntoView {
    let boxes = Role::OFFICER_ROLES
        .into_iter()
        .map(|role| {
            let id = format!("{id_prefix}-{}", role.as_stored());
            let name = format!("roles[{}]", role.as_stored());
            let label_for = id.clone();
            view! {
                <label class="check" for=label_for>
                    <input type="checkbox" id=id name=name checked=current.contains(&role) />
                    {role.label()}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>"Vai trò"</legend>
            {boxes}
        </fieldset>
    }
}
