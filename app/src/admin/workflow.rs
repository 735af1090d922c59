//! `/quan-tri/quy-trinh`: the province administrator sets a procedure's
//! workflow, or the default every other procedure follows. Dossiers already
//! received keep the workflow they were received with.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::account::Viewer;
use crate::account::view::Admitted;
use crate::error::AppError;
use crate::processing::Workflow;
use crate::shell::ErrorNotice;

/// The key of the default workflow, as the page names it.
pub const DEFAULT: &str = "mac-dinh";

/// One row of the form; empty rows are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepRow {
    pub name: String,
    pub role: String,
    /// A department's name; empty for the whole agency.
    #[serde(default)]
    pub department: String,
    pub share: String,
}

/// The workflow a procedure (or the default, `mac-dinh`) follows now.
#[server(endpoint = "quan-tri/quy-trinh")]
pub async fn load_workflow(procedure: String) -> Result<Workflow, AppError> {
    use crate::account::Role;
    use crate::server::database_error;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    caller.officer_with(&[Role::ProvinceAdmin])?;

    let key = procedure.trim();
    if key == DEFAULT {
        let stored = crate::processing::stored::stored_workflow(&context.db, DEFAULT)
            .await
            .map_err(|error| database_error("read workflow", error))?;
        return Ok(stored.unwrap_or_else(Workflow::standard));
    }
    crate::procedure::queries::page(&context.db, key).await?.ok_or(AppError::NotFound)?;
    crate::processing::stored::workflow_for(&context.db, key)
        .await
        .map_err(|error| database_error("read workflow", error))
}

/// The department names the province's agencies have, for the steps.
#[server(endpoint = "quan-tri/quy-trinh/phong-ban")]
pub async fn workflow_departments() -> Result<Vec<String>, AppError> {
    use crate::account::Role;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    caller.officer_with(&[Role::ProvinceAdmin])?;

    crate::admin::department::stored::names(&context.db)
        .await
        .map_err(|error| crate::server::database_error("department names", error))
}

/// Stores a procedure's workflow after its checks.
#[server(endpoint = "quan-tri/quy-trinh/luu")]
pub async fn save_workflow(procedure: String, steps: Vec<StepRow>) -> Result<(), AppError> {
    use crate::account::Role;

    let context = crate::server::context()?;
    let caller = crate::account::caller::caller().await?;
    let admin = caller.officer_with(&[Role::ProvinceAdmin])?;

    let key = procedure.trim().to_string();
    if key != DEFAULT {
        crate::procedure::queries::page(&context.db, &key).await?.ok_or(AppError::NotFound)?;
    }
    let workflow = workflow_of(&steps)?;
    workflow.check().map_err(|error| AppError::InvalidInput(error.message()))?;
    let known = crate::admin::department::stored::names(&context.db)
        .await
        .map_err(|error| crate::server::database_error("department names", error))?;
    if let Some((index, step)) = workflow
        .steps
        .iter()
        .enumerate()
        .find(|(_, step)| step.department.as_ref().is_some_and(|department| !known.contains(department)))
    {
        return Err(AppError::InvalidInput(format!(
            "Bước {}: chưa cơ quan nào có phòng ban tên “{}”.",
            index + 1,
            step.department.clone().unwrap_or_default()
        )));
    }

    let address = crate::server::client_address().await;
    crate::processing::stored::save_workflow(
        &context.db,
        &key,
        &workflow,
        &admin.account(),
        &admin.full_name,
        address.as_deref(),
    )
    .await
    .map_err(|error| crate::server::database_error("save workflow", error))?;
    tracing::info!(procedure = %key, steps = workflow.steps.len(), officer = %admin.account(), "workflow saved");
    Ok(())
}

/// The form's rows as a workflow; a row with a name needs a role and a share.
#[cfg(feature = "ssr")]
pub fn workflow_of(rows: &[StepRow]) -> Result<Workflow, AppError> {
    use crate::account::Role;

    let steps = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.name.trim().is_empty())
        .map(|(index, row)| {
            let role = Role::from_stored(row.role.trim()).ok_or_else(|| {
                AppError::InvalidInput(format!("Bước {}: vui lòng chọn người thực hiện.", index + 1))
            })?;
            let share =
                row.share.trim().parse::<u32>().ok().filter(|share| *share <= 100).ok_or_else(|| {
                    AppError::InvalidInput(format!("Bước {}: tỷ lệ thời gian là số từ 0 đến 100.", index + 1))
                })?;
            let department =
                crate::text::composed(&row.department.split_whitespace().collect::<Vec<_>>().join(" "));
            Ok(crate::processing::Step {
                name: row.name.trim().to_string(),
                role,
                department: (!department.is_empty()).then_some(department),
                department_key: None,
                share,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(Workflow { steps })
}

/// The page: pick a procedure (or the default), see and change its steps.
#[component]
pub fn WorkflowPage() -> impl IntoView {
    let query = use_query_map();
    let procedure = move || {
        query
            .with(|query| query.get("thu-tuc"))
            .filter(|code| !code.trim().is_empty())
            .unwrap_or(DEFAULT.to_string())
    };
    let save = ServerAction::<SaveWorkflow>::new();
    let workflow = Resource::new(
        move || (procedure(), save.version().get()),
        |(code, _)| async move { Ok::<_, AppError>((load_workflow(code).await?, workflow_departments().await?)) },
    );
    let problem = move || {
        save.value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <p class="form-error" role="alert">{error.message()}</p> })
    };
    let saved = move || {
        save.value()
            .get()
            .and_then(Result::ok)
            .map(|()| view! { <p class="notice" role="status">"Đã lưu quy trình."</p> })
    };

    let editor = move || {
        Suspend::new(async move {
            match workflow.await {
                Ok((workflow, departments)) => {
                    view! { <Editor code=procedure() workflow departments save /> }.into_any()
                }
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            }
        })
    };

    view! {
        <Title text="Quy trình xử lý hồ sơ" />
        <section class="admin-workflow">
            <h1>"Quy trình xử lý hồ sơ"</h1>
            <p class="help">"Bước đầu do chuyên viên thụ lý, bước áp cuối do lãnh đạo phê duyệt, bước cuối do Bộ phận Một cửa trả kết quả; tổng tỷ lệ thời gian bằng 100%. Hồ sơ đã tiếp nhận giữ quy trình cũ."</p>
            <Admitted accepted=Viewer::is_province_administrator>
            <form method="get" class="inline-form">
                <label for="thu-tuc">"Mã thủ tục (để trống: quy trình mặc định)"</label>
                <input id="thu-tuc" type="text" name="thu-tuc" />
                <button type="submit" class="button secondary">"Xem"</button>
            </form>
            {problem}
            {saved}
            <Suspense fallback=|| view! { <p class="loading">"Đang tải…"</p> }>{editor}</Suspense>
            </Admitted>
        </section>
    }
}

#[component]
fn Editor(
    code: String,
    workflow: Workflow,
    departments: Vec<String>,
    save: ServerAction<SaveWorkflow>,
) -> impl IntoView {
    use crate::account::Role;

    let title =
        if code == DEFAULT { "Quy trình mặc định".to_string() } else { format!("Thủ tục {code}") };
    let rows = (0..crate::processing::workflow::MAX_STEPS).map(move |index| {
        let step = workflow.steps.get(index).cloned();
        let name = step.as_ref().map(|step| step.name.clone()).unwrap_or_default();
        let share = step.as_ref().map(|step| step.share.to_string()).unwrap_or_default();
        let department = step.as_ref().and_then(|step| step.department.clone()).unwrap_or_default();
        let role = step.map(|step| step.role);
        view! {
            <tr>
                <td>{index + 1}</td>
                <td><input type="text" name=format!("steps[{index}][name]") value=name maxlength="120" aria-label=format!("Tên bước {}", index + 1) /></td>
                <td>
                    <select name=format!("steps[{index}][role]") aria-label=format!("Người thực hiện bước {}", index + 1)>
                        <option value="">"—"</option>
                        {[Role::Specialist, Role::Leader, Role::DeskOfficer]
                            .into_iter()
                            .map(|choice| view! { <option value=choice.as_stored() selected=role == Some(choice)>{choice.label()}</option> })
                            .collect_view()}
                    </select>
                </td>
                <td><input type="text" name=format!("steps[{index}][department]") value=department maxlength="120" list="ten-phong-ban" aria-label=format!("Phòng ban thực hiện bước {} (để trống: cả cơ quan)", index + 1) /></td>
                <td><input type="number" name=format!("steps[{index}][share]") value=share min="0" max="100" aria-label=format!("Tỷ lệ thời gian bước {} (%)", index + 1) /></td>
            </tr>
        }
    });

    view! {
        <h2>{title}</h2>
        <ActionForm action=save attr:class="decision">
            <input type="hidden" name="procedure" value=code.clone() />
            <div class="table-scroll">
                <table class="control-slip">
                    <thead><tr><th>"#"</th><th>"Tên bước"</th><th>"Người thực hiện"</th><th>"Phòng ban (để trống: cả cơ quan)"</th><th>"Tỷ lệ thời gian (%)"</th></tr></thead>
                    <tbody>{rows.collect_view()}</tbody>
                </table>
            </div>
            <datalist id="ten-phong-ban">
                {departments.into_iter().map(|name| view! { <option value=name></option> }).collect_view()}
            </datalist>
            <button type="submit" class="button">"Lưu quy trình"</button>
        </ActionForm>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn row(name: &str, role: &str, share: &str) -> StepRow {
        StepRow { name: name.into(), role: role.into(), department: String::new(), share: share.into() }
    }

    #[test]
    fn the_form_rows_make_a_workflow_and_empty_rows_are_left_out() {
        let rows = [
            row("Thụ lý", "specialist", "50"),
            row("", "", ""),
            row("Phê duyệt", "leader", "40"),
            row("Trả kết quả", "desk_officer", "10"),
        ];

        let workflow = workflow_of(&rows).unwrap_or_else(|error| panic!("{error:?}"));
        assert_eq!(workflow.steps.len(), 3);
        assert_eq!(workflow.check(), Ok(()));
    }

    #[test]
    fn a_row_without_a_role_or_with_a_bad_share_is_refused_with_its_number() {
        assert_eq!(
            workflow_of(&[row("Thụ lý", "", "50")]),
            Err(AppError::InvalidInput("Bước 1: vui lòng chọn người thực hiện.".into()))
        );
        assert!(matches!(workflow_of(&[row("Thụ lý", "specialist", "abc")]), Err(AppError::InvalidInput(_))));
        assert!(matches!(workflow_of(&[row("Thụ lý", "specialist", "101")]), Err(AppError::InvalidInput(_))));
    }
}
