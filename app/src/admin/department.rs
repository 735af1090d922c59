//! `/quan-tri/phong-ban`: the agencies and the departments (phòng, ban)
//! inside each. Workflows name the department that acts at a step, and an
//! officer belongs to at most one department of their agency. The province
//! administrator keeps every agency's departments, an agency administrator
//! only their own; each change is recorded in the audit log.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::account::view::admitted;
use crate::error::AppError;
use crate::shell::ErrorNotice;

/// A department as administrators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentRow {
    pub key: String,
    pub name: String,
    /// Active officers belonging to it.
    pub officers: u32,
}

/// An agency and its departments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyDepartments {
    pub code: String,
    pub name: String,
    /// `department` (a provincial department) or `commune`.
    pub kind: String,
    pub departments: Vec<DepartmentRow>,
}

/// The longest department name accepted.
pub const MAX_DEPARTMENT_NAME: usize = 120;

/// A department name as typed, composed and trimmed, or why it is refused.
#[cfg(feature = "ssr")]
pub fn check_name(name: &str) -> Result<String, AppError> {
    let name = crate::text::composed(name.split_whitespace().collect::<Vec<_>>().join(" ").as_str());
    if name.is_empty() || name.chars().count() > MAX_DEPARTMENT_NAME {
        return Err(AppError::InvalidInput("Tên phòng ban là bắt buộc và không quá 120 ký tự.".into()));
    }
    Ok(name)
}

/// The agencies the caller administers, with their departments.
#[server(endpoint = "quan-tri/phong-ban")]
pub async fn load_agency_departments() -> Result<Vec<AgencyDepartments>, AppError> {
    use crate::account::Role;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin, Role::AgencyAdmin])?;

    let only = (!admin.has(Role::ProvinceAdmin)).then_some(admin.agency.as_str());
    stored::directory(&context.db, only)
        .await
        .map_err(|error| crate::server::database_error("agency departments", error))
}

/// Adds a department to an agency.
#[server(endpoint = "quan-tri/phong-ban/them")]
pub async fn add_department(agency: String, name: String) -> Result<(), AppError> {
    use crate::account::Role;
    use crate::server::database_error;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin, Role::AgencyAdmin])?;

    let agency = agency.trim().to_string();
    if !admin.has(Role::ProvinceAdmin) && agency != admin.agency {
        return Err(AppError::Forbidden);
    }
    let name = check_name(&name)?;
    let known = super::stored::agency_exists(&context.db, &agency)
        .await
        .map_err(|error| database_error("agency exists", error))?;
    if !known {
        return Err(AppError::InvalidInput("Cơ quan không có trong danh sách.".into()));
    }

    let change = stored::Change::new(admin, crate::server::client_address().await);
    let added = stored::add(&context.db, &agency, &name, &change)
        .await
        .map_err(|error| database_error("add department", error))?;
    let key = added.ok_or_else(|| taken(&name))?;
    tracing::info!(department = %key, agency = %agency, officer = %admin.account(), "department added");
    Ok(())
}

/// Renames a department; the dossiers already at its steps stay with it.
#[server(endpoint = "quan-tri/phong-ban/doi-ten")]
pub async fn rename_department(key: String, name: String) -> Result<(), AppError> {
    use crate::account::Role;
    use crate::server::database_error;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin, Role::AgencyAdmin])?;

    let department = administered(&context.db, admin, &key).await?;
    let name = check_name(&name)?;
    if name == department.name {
        return Ok(());
    }

    let change = stored::Change::new(admin, crate::server::client_address().await);
    let renamed = stored::rename(&context.db, &department, &name, &change)
        .await
        .map_err(|error| database_error("rename department", error))?;
    if !renamed {
        return Err(taken(&name));
    }
    tracing::info!(department = %key, officer = %admin.account(), "department renamed");
    Ok(())
}

/// Removes a department nobody belongs to and no dossier waits at.
#[server(endpoint = "quan-tri/phong-ban/xoa")]
pub async fn remove_department(key: String) -> Result<(), AppError> {
    use crate::account::Role;
    use crate::server::database_error;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin, Role::AgencyAdmin])?;

    let department = administered(&context.db, admin, &key).await?;

    let change = stored::Change::new(admin, crate::server::client_address().await);
    let outcome = stored::remove(&context.db, &department, &change)
        .await
        .map_err(|error| database_error("remove department", error))?;
    match outcome {
        stored::Removal::Removed => {
            tracing::info!(department = %key, officer = %admin.account(), "department removed");
            Ok(())
        }
        stored::Removal::HasOfficers(count) => Err(AppError::Conflict(format!(
            "Phòng ban còn {count} cán bộ; hãy chuyển họ sang phòng ban khác trước khi xóa."
        ))),
        stored::Removal::HasDossiers(count) => Err(AppError::Conflict(format!(
            "Còn {count} hồ sơ đang xử lý có bước của phòng ban này; hãy xóa sau khi các hồ sơ đó đã trả kết quả."
        ))),
    }
}

#[cfg(feature = "ssr")]
fn taken(name: &str) -> AppError {
    AppError::Conflict(format!("Cơ quan đã có phòng ban tên “{name}”."))
}

/// The department, if the caller administers its agency; otherwise the same
/// answer as for an unknown key.
#[cfg(feature = "ssr")]
pub async fn administered(
    db: &crate::server::Db,
    admin: &crate::account::stored::Officer,
    key: &str,
) -> Result<stored::Department, AppError> {
    let department = stored::one(db, key.trim())
        .await
        .map_err(|error| crate::server::database_error("read department", error))?
        .ok_or(AppError::NotFound)?;
    if !admin.has(crate::account::Role::ProvinceAdmin) && department.agency != admin.agency {
        return Err(AppError::NotFound);
    }
    Ok(department)
}

#[cfg(feature = "ssr")]
pub mod stored {
    use serde::Deserialize;
    use serde_json::Value as Json;

    use super::{AgencyDepartments, DepartmentRow};
    use crate::server::Db;

    #[derive(Debug, Clone, Deserialize)]
    pub struct Department {
        pub key: String,
        pub agency: String,
        pub name: String,
    }

    /// The transaction's first error, if it failed: `returned` alone would
    /// read a failed transaction as one that returned nothing.
    fn failed(response: &mut surrealdb::IndexedResults) -> Result<(), surrealdb::Error> {
        let mut errors: Vec<(usize, surrealdb::Error)> = response.take_errors().into_iter().collect();
        errors.sort_by_key(|(index, _)| *index);
        match errors.into_iter().next() {
            Some((_, error)) => Err(error),
            None => Ok(()),
        }
    }

    /// Who changes a department, for the audit log.
    pub struct Change {
        actor: String,
        actor_name: String,
        address: Option<String>,
    }

    impl Change {
        pub fn new(admin: &crate::account::stored::Officer, address: Option<String>) -> Change {
            Change { actor: admin.account(), actor_name: admin.full_name.clone(), address }
        }
    }

    /// The departments of one agency, key and name.
    pub async fn of_agency(db: &Db, agency: &str) -> Result<Vec<(String, String)>, surrealdb::Error> {
        let mut response = db
            .query(
                "SELECT record::id(id) AS key, name FROM department
                 WHERE agency = type::record('agency', $agency) ORDER BY name",
            )
            .bind(("agency", agency.to_string()))
            .await?;
        let rows: Vec<Json> = response.take(0)?;
        Ok(rows
            .iter()
            .filter_map(|row| {
                Some((row.get("key")?.as_str()?.to_string(), row.get("name")?.as_str()?.to_string()))
            })
            .collect())
    }

    /// Every department name in the province, once each, for workflows.
    pub async fn names(db: &Db) -> Result<Vec<String>, surrealdb::Error> {
        let mut response = db.query("SELECT VALUE name FROM department").await?;
        let mut names: Vec<String> = response.take(0)?;
        names.sort();
        names.dedup();
        Ok(names)
    }

    pub async fn one(db: &Db, key: &str) -> Result<Option<Department>, surrealdb::Error> {
        let mut response = db
            .query(
                "SELECT record::id(id) AS key, record::id(agency) AS agency, name
                 FROM ONLY type::record('department', $key)",
            )
            .bind(("key", key.to_string()))
            .await?;
        let row: Option<Json> = response.take(0)?;
        Ok(row.and_then(|row| serde_json::from_value(row).ok()))
    }

    /// The agencies (all, or only `only`) with their departments and how
    /// many active officers each has.
    pub async fn directory(db: &Db, only: Option<&str>) -> Result<Vec<AgencyDepartments>, surrealdb::Error> {
        let mut response = db
            .query(
                "SELECT code, name, kind FROM agency WHERE $only = NONE OR code = $only ORDER BY kind, name;
                 SELECT record::id(id) AS key, record::id(agency) AS agency, name FROM department ORDER BY name;
                 SELECT record::id(department) AS department, count() AS officers FROM officer
                     WHERE department != NONE AND revoked_at = NONE GROUP BY department;",
            )
            .bind(("only", only.map(str::to_string)))
            .await?;
        let agencies: Vec<Json> = response.take(0)?;
        let departments: Vec<Json> = response.take(1)?;
        let counts: Vec<Json> = response.take(2)?;

        let text =
            |row: &Json, name: &str| row.get(name).and_then(Json::as_str).unwrap_or_default().to_string();
        let officers = |key: &str| {
            counts
                .iter()
                .find(|row| row.get("department").and_then(Json::as_str) == Some(key))
                .and_then(|row| row.get("officers")?.as_u64())
                .and_then(|count| u32::try_from(count).ok())
                .unwrap_or(0)
        };
        Ok(agencies
            .iter()
            .map(|agency| {
                let code = text(agency, "code");
                let departments = departments
                    .iter()
                    .filter(|department| text(department, "agency") == code)
                    .map(|department| {
                        let key = text(department, "key");
                        DepartmentRow { officers: officers(&key), name: text(department, "name"), key }
                    })
                    .collect();
                AgencyDepartments {
                    name: text(agency, "name"),
                    kind: text(agency, "kind"),
                    code,
                    departments,
                }
            })
            .collect())
    }

    /// Adds a department; `None` when the agency already has one of that name.
    pub async fn add(
        db: &Db,
        agency: &str,
        name: &str,
        change: &Change,
    ) -> Result<Option<String>, surrealdb::Error> {
        let mut response = db
            .query(
                "BEGIN TRANSACTION;
                 LET $agency_record = type::record('agency', $agency);
                 LET $taken = (SELECT VALUE id FROM department WHERE agency = $agency_record AND name = $name);
                 LET $made = IF array::len($taken) == 0 {
                     (CREATE ONLY department CONTENT { agency: $agency_record, name: $name } RETURN record::id(id) AS key).key
                 } ELSE { NONE };
                 IF $made != NONE {
                     CREATE audit CONTENT {
                         actor: $actor, actor_name: $actor_name, action: 'department_changed',
                         target: string::concat('department:', $made),
                         detail: string::concat($agency, ': thêm ', $name), address: $address
                     }
                 };
                 RETURN $made;
                 COMMIT TRANSACTION;",
            )
            .bind(("agency", agency.to_string()))
            .bind(("name", name.to_string()))
            .bind(("actor", change.actor.clone()))
            .bind(("actor_name", change.actor_name.clone()))
            .bind(("address", change.address.clone()))
            .await?;
        failed(&mut response)?;
        Ok(crate::server::returned(&mut response))
    }

    /// Renames a department; `false` when its agency has another of that name.
    pub async fn rename(
        db: &Db,
        department: &Department,
        name: &str,
        change: &Change,
    ) -> Result<bool, surrealdb::Error> {
        let mut response = db
            .query(
                "BEGIN TRANSACTION;
                 LET $record = type::record('department', $key);
                 LET $taken = (SELECT VALUE id FROM department
                     WHERE agency = type::record('agency', $agency) AND name = $name AND id != $record);
                 LET $free = array::len($taken) == 0;
                 IF $free {
                     UPDATE $record SET name = $name;
                     CREATE audit CONTENT {
                         actor: $actor, actor_name: $actor_name, action: 'department_changed',
                         target: string::concat('department:', $key),
                         detail: string::concat($agency, ': ', $old, ' → ', $name), address: $address
                     };
                 };
                 RETURN $free;
                 COMMIT TRANSACTION;",
            )
            .bind(("key", department.key.clone()))
            .bind(("agency", department.agency.clone()))
            .bind(("old", department.name.clone()))
            .bind(("name", name.to_string()))
            .bind(("actor", change.actor.clone()))
            .bind(("actor_name", change.actor_name.clone()))
            .bind(("address", change.address.clone()))
            .await?;
        failed(&mut response)?;
        Ok(crate::server::returned(&mut response).unwrap_or(false))
    }

    /// Why a department was or was not removed.
    pub enum Removal {
        Removed,
        HasOfficers(u64),
        HasDossiers(u64),
    }

    /// Removes a department unless officers still belong to it or dossiers
    /// in processing have a step of it; the check and the removal are one
    /// transaction.
    pub async fn remove(
        db: &Db,
        department: &Department,
        change: &Change,
    ) -> Result<Removal, surrealdb::Error> {
        let mut response = db
            .query(
                "BEGIN TRANSACTION;
                 LET $record = type::record('department', $key);
                 LET $officers = array::len((SELECT id FROM officer WHERE department = $record AND revoked_at = NONE));
                 LET $mark = string::concat('\"department_key\":\"', $key, '\"');
                 LET $dossiers = array::len((SELECT id FROM dossier
                     WHERE agency = type::record('agency', $agency) AND status IN ['received', 'result_ready']
                         AND string::contains(workflow ?? '', $mark)));
                 IF $officers = 0 AND $dossiers = 0 {
                     UPDATE officer SET department = NONE WHERE department = $record;
                     DELETE $record;
                     CREATE audit CONTENT {
                         actor: $actor, actor_name: $actor_name, action: 'department_changed',
                         target: string::concat('department:', $key),
                         detail: string::concat($agency, ': xóa ', $name), address: $address
                     };
                 };
                 RETURN { officers: $officers, dossiers: $dossiers };
                 COMMIT TRANSACTION;",
            )
            .bind(("key", department.key.clone()))
            .bind(("agency", department.agency.clone()))
            .bind(("name", department.name.clone()))
            .bind(("actor", change.actor.clone()))
            .bind(("actor_name", change.actor_name.clone()))
            .bind(("address", change.address.clone()))
            .await?;
        failed(&mut response)?;
        let counts: Option<Json> = crate::server::returned(&mut response);
        let count = |name: &str| counts.as_ref().and_then(|counts| counts.get(name)?.as_u64()).unwrap_or(0);
        Ok(match (count("officers"), count("dossiers")) {
            (0, 0) => Removal::Removed,
            (0, dossiers) => Removal::HasDossiers(dossiers),
            (officers, _) => Removal::HasOfficers(officers),
        })
    }
}

/// The agencies with their departments; `?co-quan=` opens one to change.
#[component]
pub fn DepartmentsPage() -> impl IntoView {
    let query = use_query_map();
    let chosen = move || query.with(|query| query.get("co-quan")).filter(|code| !code.trim().is_empty());
    let add = ServerAction::<AddDepartment>::new();
    let rename = ServerAction::<RenameDepartment>::new();
    let remove = ServerAction::<RemoveDepartment>::new();
    let directory = Resource::new(
        move || (add.version().get(), rename.version().get(), remove.version().get()),
        |_| load_agency_departments(),
    );
    let problem = move || {
        [add.value().get(), rename.value().get(), remove.value().get()]
            .into_iter()
            .flatten()
            .find_map(Result::err)
            .map(|error| view! { <p class="form-error" role="alert">{error.message()}</p> })
    };

    let content = move |agencies: Vec<AgencyDepartments>| match chosen() {
        Some(code) => match agencies.into_iter().find(|agency| agency.code == code) {
            Some(agency) => view! { <AgencyForms agency add rename remove /> }.into_any(),
            None => view! { <ErrorNotice error=AppError::NotFound /> }.into_any(),
        },
        None if agencies.len() == 1 => {
            let agency = agencies.into_iter().next();
            agency.map(|agency| view! { <AgencyForms agency add rename remove /> }).into_any()
        }
        None => view! { <AgencyList agencies /> }.into_any(),
    };
    let page = move || {
        admitted(crate::account::Viewer::is_administrator).map(|viewer| match viewer {
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
            Ok(_) => view! {
                <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>
                    {move || Suspend::new(async move {
                        match directory.await {
                            Ok(agencies) => content(agencies),
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        }
                    })}
                </Suspense>
            }
            .into_any(),
        })
    };

    view! {
        <Title text="Cơ quan và phòng ban" />
        <section class="admin">
            <h1>"Cơ quan và phòng ban"</h1>
            <p class="help">"Quy trình xử lý có thể giao một bước cho một phòng ban theo tên; cơ quan nào có phòng ban cùng tên thì chỉ cán bộ của phòng ban đó thực hiện bước ấy."</p>
            {problem}
            <Suspense fallback=|| ()>{page}</Suspense>
        </section>
    }
}

#[component]
fn AgencyList(agencies: Vec<AgencyDepartments>) -> impl IntoView {
    let rows = agencies
        .into_iter()
        .map(|agency| {
            let href = format!("/quan-tri/phong-ban?co-quan={}", agency.code);
            let count = agency.departments.len();
            let summary =
                if count == 0 { "chưa có phòng ban".to_string() } else { format!("{count} phòng ban") };
            view! {
                <li>
                    <a href=href>{agency.name}</a>
                    " "
                    <span class="muted">"(" {summary} ")"</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="agency-list">{rows}</ul> }
}

#[component]
fn AgencyForms(
    agency: AgencyDepartments,
    add: ServerAction<AddDepartment>,
    rename: ServerAction<RenameDepartment>,
    remove: ServerAction<RemoveDepartment>,
) -> impl IntoView {
    let departments = if agency.departments.is_empty() {
        view! { <p>"Cơ quan chưa có phòng ban nào: mọi bước xử lý do cán bộ của cả cơ quan thực hiện."</p> }
            .into_any()
    } else {
        agency
            .departments
            .into_iter()
            .map(|department| {
                let rename_id = format!("ten-{}", department.key);
                let label_for = rename_id.clone();
                let key = department.key.clone();
                let marker = department.key.clone();
                view! {
                    <li class="department" data-key=marker>
                        <strong>{department.name.clone()}</strong>
                        " "
                        <span class="muted">{format!("{} cán bộ", department.officers)}</span>
                        <details>
                            <summary>"Đổi tên"</summary>
                            <ActionForm action=rename attr:class="stacked-form">
                                <input type="hidden" name="key" value=department.key />
                                <label for=label_for>"Tên mới"</label>
                                <input id=rename_id name="name" required maxlength="120" value=department.name />
                                <button type="submit">"Lưu tên"</button>
                            </ActionForm>
                        </details>
                        <ActionForm action=remove attr:class="inline-form">
                            <input type="hidden" name="key" value=key />
                            <button type="submit" class="danger">"Xóa"</button>
                        </ActionForm>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    let agency_code = agency.code.clone();

    view! {
        <p><a href="/quan-tri/phong-ban">"← Tất cả cơ quan"</a></p>
        <h2>{agency.name}</h2>
        <ul class="department-list">{departments}</ul>
        <h3>"Thêm phòng ban"</h3>
        <ActionForm action=add attr:class="stacked-form">
            <input type="hidden" name="agency" value=agency_code />
            <label for="ten-phong-ban">"Tên phòng ban"</label>
            <input id="ten-phong-ban" name="name" required maxlength="120" placeholder="Phòng Kinh tế" />
            <button type="submit">"Thêm"</button>
        </ActionForm>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::check_name;

    #[test]
    fn department_names_are_tidied_and_bounded() {
        assert_eq!(check_name("  Phòng   Kinh tế ").ok().as_deref(), Some("Phòng Kinh tế"));
        assert!(check_name("   ").is_err());
        assert!(check_name(&"a".repeat(121)).is_err());
    }
}
