//! Online submission: drafts, the e-form's checks, uploads, the data store,
//! idempotent submission with unique codes, and public tracking.

use app::dossier::stored::{self as dossiers, Submission};
use app::store::stored as documents;
use axum::http::StatusCode;

use crate::helpers::{Page, Part, TestApp, block_on, portal};

pub const BIRTH: &str = "1.001193";
const MARRIAGE: &str = "1.000894";
const BUSINESS: &str = "2.001610";
pub const NHA_TRANG: &str = "ubnd-22366";

/// A small PDF that the file checks accept.
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

pub async fn citizen(app: &TestApp, subject: &str) -> (String, String) {
    person(app, subject, None).await
}

pub async fn person(app: &TestApp, subject: &str, tax_code: Option<&str>) -> (String, String) {
    let account = crate::accounts::person(&app.context.db, subject, "056190000123", tax_code).await;
    let cookie = crate::accounts::session_for(&app.context.db, &account).await;
    (account, cookie)
}

/// Starts a draft through the server function, as the start page does.
pub async fn start(app: &TestApp, cookie: &str, procedure: &str) -> String {
    let answer = app.call("ho-so/bat-dau", &format!("procedure={procedure}"), Some(cookie)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str::<String>(&answer.body).unwrap()
}

pub fn location(page: &Page) -> String {
    page.headers.get("location").and_then(|value| value.to_str().ok()).unwrap_or_default().to_string()
}

/// Every required answer of the birth registration, right.
pub fn birth_answers() -> Vec<(&'static str, &'static str)> {
    crate::birth::ANSWERS.to_vec()
}

pub fn parts<'a>(answers: &'a [(&'a str, &'a str)], extra: Vec<Part<'a>>) -> Vec<Part<'a>> {
    let mut parts: Vec<Part<'a>> = answers.iter().map(|(name, value)| Part::Text(name, value)).collect();
    parts.extend(extra);
    parts
}

#[test]
fn a_wrong_answer_is_kept_and_explained_and_the_fixed_form_submits_once() {
    block_on(async {
        let app = portal().await;
        let (_, cookie) = citizen(app, "nop.mot").await;
        let key = start(app, &cookie, BIRTH).await;

        let form = app.get_as(&format!("/ho-so/{key}"), Some(&cookie)).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.text().contains("Giấy chứng sinh"), "the curated form is shown");
        assert!(form.body.contains("value=\"Thử nop.mot\""), "the name comes from the account");

        let mut wrong = birth_answers();
        wrong.retain(|(name, _)| *name != "f:tre_ho_ten");
        wrong.push(("f:dien_thoai", "12345"));
        wrong.push(("intent", "nop"));
        let answer = app.post_dossier(&key, &cookie, &parts(&wrong, vec![])).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER);
        assert!(location(&answer).contains("kiem-tra=1"), "{}", location(&answer));

        let shown = app.get_as(&format!("/ho-so/{key}?kiem-tra=1"), Some(&cookie)).await.text();
        assert!(
            shown.contains("Vui lòng nhập họ, chữ đệm, tên") || shown.contains("Vui lòng nhập"),
            "{shown}"
        );
        assert!(shown.contains("Số điện thoại không hợp lệ"), "{shown}");
        assert!(shown.contains("Vui lòng đính kèm giấy chứng sinh"), "{shown}");
        let kept = app.get_as(&format!("/ho-so/{key}"), Some(&cookie)).await.body;
        assert!(kept.contains("value=\"12345\"") && kept.contains("Trần Thị Mẹ"), "typed values are kept");

        let mut right = birth_answers();
        right.push(("intent", "nop"));
        let submitted = app
            .post_dossier(
                &key,
                &cookie,
                &parts(&right, vec![Part::File("tep:giay_chung_sinh", "chung-sinh.pdf", PDF)]),
            )
            .await;
        assert_eq!(location(&submitted), format!("/ho-so/{key}"));

        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        let code = row.code.clone().expect("a code");
        assert!(app::dossier::code::is_plausible_code(&code) && code.starts_with("22366-"), "{code}");
        assert_eq!(row.status, "submitted");
        let page = app.get_as(&format!("/ho-so/{key}"), Some(&cookie)).await.text();
        assert!(page.contains(&code) && page.contains("Đã nộp, chờ tiếp nhận"), "{page}");

        // The same form sent again (a double click, a retry) changes nothing.
        let again = app
            .post_dossier(
                &key,
                &cookie,
                &parts(&right, vec![Part::File("tep:giay_chung_sinh", "chung-sinh.pdf", PDF)]),
            )
            .await;
        assert_eq!(location(&again), format!("/ho-so/{key}"));
        let after = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        assert_eq!(after.code.as_deref(), Some(code.as_str()));
        let codes = app
            .context
            .db
            .query("SELECT VALUE id FROM dossier_code WHERE dossier = type::record('dossier', $key)")
            .bind(("key", key.clone()))
            .await
            .unwrap()
            .take::<Vec<serde_json::Value>>(0)
            .unwrap();
        assert_eq!(codes.len(), 1);
    });
}

#[test]
fn tracking_needs_the_code_and_its_secret_and_shows_nothing_personal() {
    block_on(async {
        let app = portal().await;
        let (_, cookie) = citizen(app, "tra.cuu").await;
        let key = start(app, &cookie, BIRTH).await;
        let mut right = birth_answers();
        right.push(("intent", "nop"));
        app.post_dossier(
            &key,
            &cookie,
            &parts(&right, vec![Part::File("tep:giay_chung_sinh", "a.pdf", PDF)]),
        )
        .await;
        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        let (code, secret) = (row.code.unwrap(), row.tracking_secret.unwrap());

        let found =
            app.call("ho-so/tra-cuu", &format!("code={code}&secret={}", secret.to_lowercase()), None).await;
        let wrong = app.call("ho-so/tra-cuu", &format!("code={code}&secret=AAAAAAAA"), None).await;
        let page = app.get(&format!("/tra-cuu?ma={code}&ma-tra-cuu={secret}")).await;

        assert!(found.body.contains("Submitted") && found.body.contains(&code), "{}", found.body);
        assert_eq!(wrong.body, "null");
        assert!(page.text().contains("Đã nộp, chờ tiếp nhận"), "{}", page.text());
        for personal in ["Thử tra.cuu", "056190000123", "Nguyễn Thị Bé", "0912"] {
            assert!(!found.body.contains(personal) && !page.body.contains(personal), "{personal} leaked");
        }
    });
}

#[test]
fn concurrent_submissions_get_distinct_consecutive_codes_and_a_draft_only_one() {
    block_on(async {
        let app = portal().await;
        let db = app.context.db.clone();
        let (account, _) = citizen(app, "dong.thoi").await;
        let person = account.trim_start_matches("person:").to_string();
        let mut drafts = Vec::new();
        for _ in 0..12 {
            drafts.push(
                dossiers::create_draft(&db, BIRTH, "Khai sinh", &person, None, Some(NHA_TRANG))
                    .await
                    .unwrap(),
            );
        }

        let tasks: Vec<_> = drafts
            .iter()
            .map(|key| {
                let (db, key) = (db.clone(), key.clone());
                tokio::spawn(async move {
                    dossiers::submit(&db, &key, "TESTA", "261204", "ABCDEFGH", "test").await
                })
            })
            .collect();
        let mut codes = Vec::new();
        for task in tasks {
            match task.await.unwrap().unwrap() {
                Submission::Submitted(code) => codes.push(code),
                other => panic!("{other:?}"),
            }
        }
        codes.sort();
        let expected: Vec<String> = (1..=12).map(|n| format!("TESTA-261204-{n:04}")).collect();
        assert_eq!(codes, expected);

        let draft =
            dossiers::create_draft(&db, BIRTH, "Khai sinh", &person, None, Some(NHA_TRANG)).await.unwrap();
        let clicks: Vec<_> = (0..6)
            .map(|_| {
                let (db, key) = (db.clone(), draft.clone());
                tokio::spawn(async move {
                    dossiers::submit(&db, &key, "TESTB", "261204", "ABCDEFGH", "test").await
                })
            })
            .collect();
        let mut submitted = Vec::new();
        let mut repeated = Vec::new();
        for click in clicks {
            match click.await.unwrap().unwrap() {
                Submission::Submitted(code) => submitted.push(code),
                Submission::AlreadySubmitted(code) => repeated.push(code),
                Submission::Changed => panic!("nothing changed the answers"),
            }
        }
        assert_eq!(submitted, vec!["TESTB-261204-0001".to_string()]);
        assert!(repeated.iter().all(|code| code.as_deref() == Some("TESTB-261204-0001")), "{repeated:?}");
    });
}

#[test]
fn bad_files_are_refused_with_a_reason_and_leave_nothing_behind() {
    block_on(async {
        let app = portal().await;
        let (account, cookie) = citizen(app, "tep.xau").await;
        let key = start(app, &cookie, BIRTH).await;
        let big = vec![b'a'; 21 * 1024 * 1024];

        let cases: [(&str, &[u8], &str); 4] = [
            ("trang.pdf", b"<html><script>alert(1)</script></html>", "Chỉ nhận tệp PDF, JPEG hoặc PNG"),
            ("rong.pdf", b"", "Tệp trống"),
            ("hong.pdf", b"%PDF-1.4\n1 0 obj", "Tệp bị hỏng"),
            ("lon.pdf", &big, "vượt quá dung lượng cho phép"),
        ];
        for (name, bytes, message) in cases {
            let answer = app
                .post_dossier(
                    &key,
                    &cookie,
                    &[Part::File("tep:giay_chung_sinh", name, bytes), Part::Text("intent", "luu")],
                )
                .await;
            assert_eq!(answer.status, StatusCode::SEE_OTHER, "{name}");

            let page = app.get_as(&format!("/ho-so/{key}"), Some(&cookie)).await.text();
            assert!(page.contains(message), "{name}: {page}");
        }

        assert_eq!(documents_of(app, &account).await, 0);
        for (_, bytes, _) in &cases[..3] {
            assert!(app.context.files.path_of(&sha256(bytes)).is_none(), "a refused file was kept");
        }
        assert!(dossiers::load(&app.context.db, &key).await.unwrap().unwrap().code.is_none());
    });
}

#[test]
fn only_the_applicant_opens_a_dossier_and_its_files() {
    block_on(async {
        let app = portal().await;
        let (_, owner) = citizen(app, "chu.ho.so").await;
        let (_, other) = citizen(app, "nguoi.khac").await;
        let key = start(app, &owner, BIRTH).await;
        app.post_dossier(
            &key,
            &owner,
            &[Part::File("tep:giay_chung_sinh", "a.pdf", PDF), Part::Text("intent", "luu")],
        )
        .await;
        let attached = documents::attachments(&app.context.db, &key).await.unwrap();
        let href = attached[0].1.href();

        let mine = app.get_as(&href, Some(&owner)).await;
        let theirs = app.get_as(&href, Some(&other)).await;
        let anonymous = app.get_as(&href, None).await;
        let their_view = app.call("ho-so/xem", &format!("key={key}"), Some(&other)).await;
        let their_post = app.post_dossier(&key, &other, &[Part::Text("f:dien_thoai", "0987654321")]).await;

        assert_eq!(mine.status, StatusCode::OK);
        assert_eq!(mine.body.as_bytes(), PDF);
        assert_eq!(mine.headers["content-type"], "application/pdf");
        assert!(mine.headers["content-disposition"].to_str().unwrap().starts_with("attachment;"));
        assert_eq!(theirs.status, StatusCode::NOT_FOUND);
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
        assert_eq!(their_view.status, StatusCode::NOT_FOUND);
        assert_eq!(their_post.status, StatusCode::NOT_FOUND);
        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        assert!(!row.answers.contains("0987654321"), "another person's post changed nothing");
    });
}

#[test]
fn a_stored_document_is_reused_by_link_and_a_business_shares_its_store() {
    block_on(async {
        let app = portal().await;
        let (citizen_account, citizen_cookie) = citizen(app, "dung.lai").await;

        // A citizen's identity document from a birth registration is offered
        // in a marriage registration and linked, not copied.
        let first = start(app, &citizen_cookie, BIRTH).await;
        app.post_dossier(
            &first,
            &citizen_cookie,
            &[Part::File("tep:giay_to_tuy_than", "cccd.pdf", PDF), Part::Text("intent", "luu")],
        )
        .await;
        let stored = documents::attachments(&app.context.db, &first).await.unwrap()[0].1.clone();
        let second = start(app, &citizen_cookie, MARRIAGE).await;
        let offered = app.call("ho-so/xem", &format!("key={second}"), Some(&citizen_cookie)).await;
        assert!(offered.body.contains(&stored.id), "offered: {}", offered.body);

        let form = app::dossier::access::form_for(&app.context.db, MARRIAGE).await.unwrap();
        let slot = form.documents().find(|document| document.component == stored.kind).unwrap().id.clone();
        let before = documents_of(app, &citizen_account).await;
        let name = format!("dung:{slot}");
        app.post_dossier(
            &second,
            &citizen_cookie,
            &[Part::Text(&name, &stored.id), Part::Text("intent", "luu")],
        )
        .await;
        let linked = documents::attachments(&app.context.db, &second).await.unwrap();
        assert_eq!(linked.len(), 1);
        assert_eq!(linked[0].1.id, stored.id);
        assert_eq!(documents_of(app, &citizen_account).await, before);

        // Another representative of the same business sees the first one's
        // upload; a citizen cannot pick it.
        let (_, first_rep) = person(app, "dn.mot", Some("0101010101")).await;
        let (_, second_rep) = person(app, "dn.hai", Some("0101010101")).await;
        let draft = start(app, &first_rep, BUSINESS).await;
        let business_form = app::dossier::access::form_for(&app.context.db, BUSINESS).await.unwrap();
        let business_slot = business_form.documents().next().unwrap().id.clone();
        let upload = format!("tep:{business_slot}");
        app.post_dossier(
            &draft,
            &first_rep,
            &[Part::File(&upload, "dn.pdf", PDF), Part::Text("intent", "luu")],
        )
        .await;
        let shared = documents::attachments(&app.context.db, &draft).await.unwrap()[0].1.clone();

        let listed = app.call("kho-du-lieu/danh-sach", "", Some(&second_rep)).await;
        let other_draft = start(app, &second_rep, BUSINESS).await;
        let pick = format!("dung:{business_slot}");
        app.post_dossier(
            &other_draft,
            &second_rep,
            &[Part::Text(&pick, &shared.id), Part::Text("intent", "luu")],
        )
        .await;
        let citizen_draft = start(app, &citizen_cookie, MARRIAGE).await;
        app.post_dossier(
            &citizen_draft,
            &citizen_cookie,
            &[Part::Text(&name, &shared.id), Part::Text("intent", "luu")],
        )
        .await;

        assert!(listed.body.contains(&shared.id), "{}", listed.body);
        assert_eq!(documents::attachments(&app.context.db, &other_draft).await.unwrap()[0].1.id, shared.id);
        assert!(documents::attachments(&app.context.db, &citizen_draft).await.unwrap().is_empty());
    });
}

#[test]
fn deleting_a_document_keeps_it_with_submitted_dossiers_only() {
    block_on(async {
        let app = portal().await;
        let (_, cookie) = citizen(app, "xoa.giay").await;
        let key = start(app, &cookie, BIRTH).await;
        let mut right = birth_answers();
        right.push(("intent", "nop"));
        app.post_dossier(
            &key,
            &cookie,
            &parts(&right, vec![Part::File("tep:giay_chung_sinh", "a.pdf", PDF)]),
        )
        .await;
        let used = documents::attachments(&app.context.db, &key).await.unwrap()[0].1.clone();
        let other_pdf: &[u8] = b"%PDF-1.7\n% a second document\n%%EOF";
        let draft = start(app, &cookie, BIRTH).await;
        app.post_dossier(
            &draft,
            &cookie,
            &[Part::File("tep:giay_to_cu_tru", "x.pdf", other_pdf), Part::Text("intent", "luu")],
        )
        .await;
        let unused = documents::attachments(&app.context.db, &draft).await.unwrap();
        let unused = Some(unused[0].1.clone());

        let kept = app.call("kho-du-lieu/xoa", &format!("key={}", used.id), Some(&cookie)).await;
        assert_eq!(kept.status, StatusCode::OK, "{}", kept.body);
        let listed = app.call("kho-du-lieu/danh-sach", "", Some(&cookie)).await;
        assert!(!listed.body.contains(&used.id), "it left the store");
        assert_eq!(
            app.get_as(&used.href(), Some(&cookie)).await.status,
            StatusCode::OK,
            "the dossier keeps it"
        );
        assert_eq!(documents::attachments(&app.context.db, &key).await.unwrap().len(), 1);

        if let Some(unused) = unused {
            let sha = documents::access(&app.context.db, &unused.id).await.unwrap().unwrap().sha256;
            assert!(app.context.files.path_of(&sha).is_some());
            let gone = app.call("kho-du-lieu/xoa", &format!("key={}", unused.id), Some(&cookie)).await;
            assert_eq!(gone.status, StatusCode::OK);
            assert_eq!(app.get_as(&unused.href(), Some(&cookie)).await.status, StatusCode::NOT_FOUND);
            assert!(documents::attachments(&app.context.db, &draft).await.unwrap().is_empty());
            assert!(app.context.files.path_of(&sha).is_none(), "a file no document refers to is removed");
        }
    });
}

#[test]
fn personal_id_numbers_start_with_one_of_the_63_former_province_codes() {
    block_on(async {
        let app = portal().await;
        let mut response = app.context.db.query("SELECT VALUE code FROM legacy_province").await.unwrap();
        let mut codes: Vec<String> = response.take(0).unwrap();
        codes.sort();

        let ours: Vec<String> =
            app::eform::validate::BIRTH_PROVINCE_CODES.iter().map(|code| format!("{code:02}")).collect();

        assert_eq!(ours, codes);
    });
}

#[test]
fn autosave_takes_answers_from_the_owner_only() {
    block_on(async {
        let app = portal().await;
        let (_, owner) = citizen(app, "tu.dong").await;
        let (_, other) = citizen(app, "tu.dong.khac").await;
        let key = start(app, &owner, BIRTH).await;
        let body =
            format!(r#"{{"key":"{key}","values":{{"tre_ho_ten":"Lê Văn Tự"}},"agency":"{NHA_TRANG}"}}"#);

        let as_other = autosave(app, &body, Some(&other)).await;
        let anonymous = autosave(app, &body, None).await;
        let as_owner = autosave(app, &body, Some(&owner)).await;

        assert_eq!(as_other.status, StatusCode::NOT_FOUND);
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
        assert_eq!(as_owner.status, StatusCode::OK, "{}", as_owner.body);
        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        assert!(row.answers.contains("Lê Văn Tự"));
        assert_eq!(row.agency.as_deref(), Some(NHA_TRANG));
    });
}

async fn autosave(app: &TestApp, body: &str, cookie: Option<&str>) -> Page {
    let mut request = axum::http::Request::builder()
        .method("POST")
        .uri("/api/ho-so/luu-tu-dong")
        .header("content-type", "application/json")
        .header("accept", "application/json");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    app.send(request.body(axum::body::Body::from(body.to_string())).unwrap()).await
}

/// Documents a person uploaded.
async fn documents_of(app: &TestApp, account: &str) -> usize {
    let key = account.trim_start_matches("person:").to_string();
    let mut response = app
        .context
        .db
        .query("SELECT VALUE id FROM document WHERE uploaded_by = type::record('person', $key)")
        .bind(("key", key))
        .await
        .unwrap();
    response.take::<Vec<serde_json::Value>>(0).unwrap().len()
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;

    sha2::Sha256::digest(bytes).iter().map(|byte| format!("{byte:02x}")).collect()
}

#[test]
fn a_body_that_breaks_off_keeps_the_answers_already_saved() {
    block_on(async {
        let app = portal().await;
        let (_, cookie) = citizen(app, "dut.ket.noi").await;
        let key = start(app, &cookie, BIRTH).await;
        app.post_dossier(
            &key,
            &cookie,
            &[Part::Text("f:me_ho_ten", "Trần Thị Giữ"), Part::Text("intent", "luu")],
        )
        .await;

        let (_, body) = crate::helpers::multipart(&[Part::Text("f:dien_thoai", "0912")]);
        let request = axum::http::Request::builder()
            .method("POST")
            .uri(format!("/ho-so/{key}/luu"))
            .header("content-type", "multipart/form-data; boundary=another-boundary")
            .header("accept", "text/html")
            .header("cookie", &cookie)
            .body(axum::body::Body::from(body))
            .unwrap();
        let answer = app.send(request).await;

        assert_eq!(answer.status, StatusCode::SEE_OTHER);
        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        assert!(row.answers.contains("Trần Thị Giữ"), "{}", row.answers);
        assert!(row.problems.contains("yeu_cau"), "the page says the request broke off");
    });
}

#[test]
fn answers_and_documents_that_do_not_apply_are_not_submitted() {
    block_on(async {
        let app = portal().await;
        let (_, cookie) = citizen(app, "khong.ap.dung").await;
        let key = start(app, &cookie, BIRTH).await;
        let mut answers = birth_answers();
        answers.push(("f:tre_ho_ten", "Nguyễn Văn Đúng"));
        answers.push(("f:cha_ho_ten", "Cha Bí Mật"));
        answers.push(("f:cha_so_dinh_danh", "not-an-id"));
        answers.push(("intent", "nop"));
        let files = vec![
            Part::File("tep:giay_chung_sinh", "a.pdf", PDF),
            Part::File("tep:van_ban_uy_quyen", "b.pdf", b"%PDF-1.4\n% authorisation\n%%EOF"),
        ];

        app.post_dossier(&key, &cookie, &parts(&answers, files)).await;

        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        assert_eq!(row.status, "submitted");
        assert!(!row.answers.contains("Cha Bí Mật") && !row.answers.contains("not-an-id"), "{}", row.answers);
        let attached: Vec<String> = documents::attachments(&app.context.db, &key)
            .await
            .unwrap()
            .into_iter()
            .map(|(slot, _)| slot)
            .collect();
        assert_eq!(attached, vec!["giay_chung_sinh".to_string()]);
    });
}

#[test]
fn a_submission_stops_when_the_answers_changed_after_they_were_checked() {
    block_on(async {
        let app = portal().await;
        let db = app.context.db.clone();
        let (account, _) = citizen(app, "doi.giua.chung").await;
        let person = account.trim_start_matches("person:").to_string();
        let draft =
            dossiers::create_draft(&db, BIRTH, "Khai sinh", &person, None, Some(NHA_TRANG)).await.unwrap();
        let mut checked = app::eform::Answers::default();
        checked.set("tre_ho_ten", "Đã kiểm tra");
        let problems = app::eform::Problems::new();
        dossiers::save_draft(&db, &draft, &checked, &problems, Some(NHA_TRANG)).await.unwrap();
        let checked_json = serde_json::to_string(&checked).unwrap();

        // Another request empties the answers between the check and the submission.
        dossiers::save_draft(&db, &draft, &app::eform::Answers::default(), &problems, Some(NHA_TRANG))
            .await
            .unwrap();
        let stale =
            dossiers::submit_checked(&db, &draft, Some(&checked_json), "TESTC", "261204", "ABCDEFGH", "t")
                .await;

        assert_eq!(stale.unwrap(), Submission::Changed);
        assert_eq!(dossiers::load(&db, &draft).await.unwrap().unwrap().status, "draft");
        dossiers::save_draft(&db, &draft, &checked, &problems, Some(NHA_TRANG)).await.unwrap();
        let fresh =
            dossiers::submit_checked(&db, &draft, Some(&checked_json), "TESTC", "261204", "ABCDEFGH", "t")
                .await;
        assert!(matches!(fresh.unwrap(), Submission::Submitted(_)));
    });
}
