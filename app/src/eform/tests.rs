//! The curated e-forms shipped in `data/forms`: each one parses as the
//! schema, passes the form's own check, belongs to its procedure, and binds
//! every document to a dossier component of that same procedure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;

use super::schema::{FieldKind, Form, FormOrigin, Item, Prefill};

const PROCEDURES: &str = include_str!("../../../data/procedures.json");

const KHAI_SINH: &str = include_str!("../../../data/forms/1.001193.json");
const KET_HON: &str = include_str!("../../../data/forms/1.000894.json");
const TAM_TRU: &str = include_str!("../../../data/forms/1.004194.json");
const THUONG_TRU: &str = include_str!("../../../data/forms/1.004222.json");
const GIAY_PHEP_XAY_DUNG: &str = include_str!("../../../data/forms/1.013225.json");
const DOANH_NGHIEP_TU_NHAN: &str = include_str!("../../../data/forms/2.001610.json");

/// The identity-document component shared by the civil-status procedures,
/// so that one stored document serves both.
const GIAY_TO_TUY_THAN: &str = "000.00.00.G15-KQ004946";

/// The codes of every dossier component of a procedure of the national data.
fn components_of(code: &str) -> Vec<String> {
    let catalogue: Value = serde_json::from_str(PROCEDURES).expect("data/procedures.json parses");
    let procedures = catalogue["procedures"].as_array().expect("procedures.json has a list of procedures");
    let procedure = procedures
        .iter()
        .find(|procedure| procedure["code"] == code)
        .unwrap_or_else(|| panic!("procedure {code} is not in data/procedures.json"));
    procedure["dossier"]
        .as_array()
        .expect("a procedure has dossier groups")
        .iter()
        .flat_map(|group| group["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|component| component["code"].as_str().map(str::to_string))
        .collect()
}

/// The first part of what a file says that its parsed form no longer holds,
/// by path: a key the schema does not know (a typo such as `requird`) is
/// dropped by the parse, where it should have been refused.
fn lost(written: &Value, parsed: &Value, path: &str) -> Option<String> {
    match (written, parsed) {
        (Value::Object(written), Value::Object(parsed)) => {
            written.iter().find_map(|(key, value)| match parsed.get(key) {
                Some(kept) => lost(value, kept, &format!("{path}.{key}")),
                None => Some(format!("{path}.{key}")),
            })
        }
        (Value::Array(written), Value::Array(parsed)) if written.len() == parsed.len() => written
            .iter()
            .zip(parsed)
            .enumerate()
            .find_map(|(index, (value, kept))| lost(value, kept, &format!("{path}[{index}]"))),
        (Value::Number(written), Value::Number(parsed)) => {
            (written.as_f64() != parsed.as_f64()).then(|| path.to_string())
        }
        (written, parsed) => (written != parsed).then(|| path.to_string()),
    }
}

/// Parses a curated form and checks what every curated form must hold.
fn curated(code: &str, json: &str) -> Form {
    let form: Form =
        serde_json::from_str(json).unwrap_or_else(|error| panic!("data/forms/{code}.json: {error}"));
    let written: Value = serde_json::from_str(json).expect("a curated form is JSON");
    let parsed = serde_json::to_value(&form).expect("a form serialises");
    assert_eq!(lost(&written, &parsed, ""), None, "data/forms/{code}.json says something the schema drops");
    assert_eq!(form.check(), Ok(()), "data/forms/{code}.json");
    assert_eq!(form.procedure, code, "data/forms/{code}.json names another procedure");
    assert_eq!(form.origin, FormOrigin::Curated, "data/forms/{code}.json");

    let components = components_of(code);
    for document in form.documents() {
        assert!(
            components.contains(&document.component),
            "{code}: document {} names component {}, which procedure {code} does not have",
            document.id,
            document.component
        );
    }

    // The phone counted for tracking is the applicant's own, and required.
    let phone = form.phone_field().unwrap_or_else(|| panic!("{code}: the form has no phone field"));
    assert!(phone.required, "{code}: the applicant's phone must be required");
    assert!(
        form.sections[0].items.iter().any(|item| matches!(item, Item::Field(field) if field.id == phone.id)),
        "{code}: the first phone field must be in the applicant's section"
    );

    // The applicant's identity comes from the signed-in account.
    for prefill in [Prefill::FullName, Prefill::IdNumber, Prefill::BirthDate] {
        assert!(
            form.fields().any(|field| field.prefill == Some(prefill)),
            "{code}: nothing is prefilled from {prefill:?}"
        );
    }
    for field in form.fields().filter(|field| field.prefill == Some(Prefill::IdNumber)) {
        assert!(
            matches!(field.kind, FieldKind::IdNumber),
            "{code}: {} holds an ID number but is not an id_number field",
            field.id
        );
    }
    for field in form.fields().filter(|field| field.prefill == Some(Prefill::BirthDate)) {
        assert!(
            matches!(field.kind, FieldKind::Date { past_only: true }),
            "{code}: {} is a date of birth",
            field.id
        );
    }
    form
}

#[test]
fn khai_sinh() {
    let form = curated("1.001193", KHAI_SINH);

    let giay_chung_sinh = form
        .documents()
        .find(|document| document.component == "000.00.00.G15-KQ004389")
        .expect("khai sinh asks for the Giấy chứng sinh");
    assert!(giay_chung_sinh.required);

    let identity = form
        .documents()
        .find(|document| document.component == GIAY_TO_TUY_THAN)
        .expect("khai sinh offers the identity document");
    assert!(!identity.required, "the identity document is optional");
}

#[test]
fn ket_hon() {
    let form = curated("1.000894", KET_HON);

    let identity = form
        .documents()
        .find(|document| document.component == GIAY_TO_TUY_THAN)
        .expect("kết hôn offers the identity document");
    assert!(!identity.required, "the identity document is optional");
}

#[test]
fn tam_tru() {
    let form = curated("1.004194", TAM_TRU);
    let members =
        form.group("thanh_vien").expect("tạm trú lists the household members who change with the applicant");
    assert_eq!(members.min_rows, 0);
}

#[test]
fn thuong_tru() {
    let form = curated("1.004222", THUONG_TRU);
    let members = form
        .group("thanh_vien")
        .expect("thường trú lists the household members who change with the applicant");
    assert_eq!(members.min_rows, 0);
}

#[test]
fn giay_phep_xay_dung() {
    curated("1.013225", GIAY_PHEP_XAY_DUNG);
}

#[test]
fn doanh_nghiep_tu_nhan() {
    let form = curated("2.001610", DOANH_NGHIEP_TU_NHAN);
    let lines = form.group("nganh_nghe").expect("the business lines are a repeatable group");
    assert!(lines.min_rows >= 1, "a business registers at least one line");
    assert!(form.fields().any(|field| field.prefill == Some(Prefill::OrganisationName)));
    assert!(form.fields().any(|field| field.prefill == Some(Prefill::TaxCode)));
}

/// Across the six forms, every type of answer is used at least once, so the
/// page and the checks meet each of them with real data.
#[test]
fn every_field_type_is_used() {
    let forms: Vec<Form> =
        [KHAI_SINH, KET_HON, TAM_TRU, THUONG_TRU, GIAY_PHEP_XAY_DUNG, DOANH_NGHIEP_TU_NHAN]
            .into_iter()
            .map(|json| serde_json::from_str(json).expect("a curated form parses"))
            .collect();
    let kinds: Vec<&FieldKind> = forms
        .iter()
        .flat_map(|form| {
            form.fields().chain(form.groups().flat_map(|group| group.fields.iter())).collect::<Vec<_>>()
        })
        .map(|field| &field.kind)
        .collect();

    let named = [
        ("short_text", kinds.iter().any(|kind| matches!(kind, FieldKind::ShortText { .. }))),
        ("long_text", kinds.iter().any(|kind| matches!(kind, FieldKind::LongText { .. }))),
        ("number", kinds.iter().any(|kind| matches!(kind, FieldKind::Number { .. }))),
        ("date", kinds.iter().any(|kind| matches!(kind, FieldKind::Date { .. }))),
        ("select", kinds.iter().any(|kind| matches!(kind, FieldKind::Select { .. }))),
        ("radio", kinds.iter().any(|kind| matches!(kind, FieldKind::Radio { .. }))),
        ("checkbox", kinds.iter().any(|kind| matches!(kind, FieldKind::Checkbox))),
        ("id_number", kinds.iter().any(|kind| matches!(kind, FieldKind::IdNumber))),
        ("phone", kinds.iter().any(|kind| matches!(kind, FieldKind::Phone))),
        ("email", kinds.iter().any(|kind| matches!(kind, FieldKind::Email))),
        ("address", kinds.iter().any(|kind| matches!(kind, FieldKind::Address))),
    ];
    for (name, used) in named {
        assert!(used, "no curated form has a {name} field");
    }
}
