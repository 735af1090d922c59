//! E-forms: a form made from the published dossier components for every
//! detailed procedure, then the curated forms of `forms/<code>.json`, which
//! replace the made ones. A curated form that does not parse, fails its own
//! checks, names an unknown procedure or a component the procedure does not
//! have is reported and skipped; the made form stays.

use std::path::Path;

use app::eform::Form;
use app::eform::generate::default_form;
use app::server::Db;

use super::report::FileReport;

pub async fn import(db: &Db, folder: &Path) -> FileReport {
    let mut report = FileReport::new(super::FORMS_DIR);

    generated(db, &mut report).await;
    curated(db, folder, &mut report).await;
    report
}

async fn generated(db: &Db, report: &mut FileReport) {
    let codes = match detailed_codes(db).await {
        Ok(codes) => codes,
        Err(error) => {
            report.skip("generated forms", format!("cannot list the detailed procedures: {error}"));
            return;
        }
    };

    for code in codes {
        report.read += 1;
        let page = match app::procedure::queries::page(db, &code).await {
            Ok(Some(page)) => page,
            Ok(None) => continue,
            Err(error) => {
                report.skip(format!("generated form {code}"), error.message());
                continue;
            }
        };
        let form =
            default_form(&page.entry.code, &page.entry.name, &page.entry.audiences, page.detail.as_ref());
        write(db, &form, &format!("generated form {code}"), report).await;
    }
}

async fn curated(db: &Db, folder: &Path, report: &mut FileReport) {
    let mut files: Vec<_> = match std::fs::read_dir(folder) {
        Ok(entries) => entries.filter_map(Result::ok).map(|entry| entry.path()).collect(),
        Err(error) => {
            report.skip("whole file", format!("cannot read the folder {}: {error}", folder.display()));
            return;
        }
    };
    files.retain(|path| path.extension().is_some_and(|extension| extension == "json"));
    files.sort();

    for path in files {
        report.read += 1;
        let location = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        match curated_form(db, &path).await {
            Ok(form) => write(db, &form, &location, report).await,
            Err(reason) => report.skip(location, reason),
        }
    }
}

async fn curated_form(db: &Db, path: &Path) -> Result<Form, String> {
    let text = std::fs::read_to_string(path).map_err(|error| format!("cannot read: {error}"))?;
    let form: Form = serde_json::from_str(&text).map_err(|error| {
        format!("line {}, column {}: not a valid form: {error}", error.line(), error.column())
    })?;
    form.check()?;

    let page = app::procedure::queries::page(db, &form.procedure)
        .await
        .map_err(|error| error.message())?
        .ok_or_else(|| format!("procedure {} is not in the catalogue", form.procedure))?;
    let components: Vec<&str> = page
        .detail
        .iter()
        .flat_map(|detail| detail.dossier.iter())
        .flat_map(|group| group.components.iter())
        .map(|component| component.code.as_str())
        .collect();
    if let Some(unknown) =
        form.documents().find(|document| !components.contains(&document.component.as_str()))
    {
        return Err(format!(
            "document {} names component {}, which the procedure does not have",
            unknown.id, unknown.component
        ));
    }
    Ok(form)
}

async fn write(db: &Db, form: &Form, location: &str, report: &mut FileReport) {
    match app::dossier::stored::store_form(db, form).await {
        Ok(()) => report.written += 1,
        Err(error) => report.skip(location, error),
    }
}

async fn detailed_codes(db: &Db) -> Result<Vec<String>, surrealdb::Error> {
    let mut response = db.query("SELECT VALUE record::id(id) FROM procedure_detail").await?;
    response.take(0)
}
