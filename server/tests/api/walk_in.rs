//! Dossiers brought to the desk or sent by post: the desk registers the
//! applicant by ID number, fills the same e-form for them, checked the same
//! way, and its scans reach the applicant's data store.

use app::account::Role;
use app::dossier::stored as dossiers;
use app::store::stored as documents;
use axum::http::StatusCode;

use crate::desk::desk_officer;
use crate::dossiers::{BIRTH, NHA_TRANG, PDF, birth_answers, citizen, location, parts, start};
use crate::helpers::{Page, Part, TestApp, block_on, portal};

/// A procedure received both by the communes and by Sở Xây dựng, and
/// offered at the desk only.
const BUILDING: &str = "1.013234";

/// The registration form's fields, form-encoded.
fn registration(
    procedure: &str,
    channel: &str,
    id_number: &str,
    full_name: &str,
    birth_date: &str,
) -> String {
    encoded(&[
        ("procedure", procedure),
        ("channel", channel),
        ("id_number", id_number),
        ("full_name", full_name),
        ("birth_date", birth_date),
        ("phone", "0905 111 222"),
    ])
}

fn encoded(pairs: &[(&str, &str)]) -> String {
    let escape = |text: &str| -> String {
        text.bytes()
            .map(|byte| {
                if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                    char::from(byte).to_string()
                } else {
                    format!("%{byte:02X}")
                }
            })
            .collect()
    };
    pairs.iter().map(|(name, value)| format!("{name}={}", escape(value))).collect::<Vec<_>>().join("&")
}

async fn register(app: &TestApp, cookie: Option<&str>, body: &str) -> Page {
    app.call("mot-cua/dang-ky", body, cookie).await
}

/// Registers a birth registration at Phường Nha Trang's desk; its key.
async fn registered(app: &TestApp, desk: &str, id_number: &str, full_name: &str, birth_date: &str) -> String {
    let answer =
        register(app, Some(desk), &registration(BIRTH, "desk", id_number, full_name, birth_date)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str::<String>(&answer.body).unwrap()
}

/// The birth registration's answers as the desk officer sends them: the
/// applicant's own are typed too, since no e-ID gives them.
fn typed_answers<'a>(id_number: &'a str, full_name: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut answers = birth_answers();
    answers.push(("f:ho_ten", full_name));
    answers.push(("f:so_dinh_danh", id_number));
    answers.push(("f:ngay_sinh", "1985-04-03"));
    answers
}

async fn applicant_issuer(app: &TestApp, key: &str) -> String {
    let mut response = app
        .context
        .db
        .query("SELECT VALUE applicant.issuer FROM type::record('dossier', $key)")
        .bind(("key", key.to_string()))
        .await
        .unwrap();
    response.take::<Vec<String>>(0).unwrap().remove(0)
}

#[test]
fn an_unknown_id_number_gets_an_applicant_and_the_desk_a_draft_of_its_own() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "dk.moi.nt", NHA_TRANG, Role::DeskOfficer).await;

        let answer = register(
            app,
            Some(&desk),
            &registration(BIRTH, "desk", "056301000001", "Phạm  Văn Mới", "1985-04-03"),
        )
        .await;

        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        let key: String = serde_json::from_str(&answer.body).unwrap();
        assert!(location(&answer).contains("chua-co-tai-khoan"), "{:?}", answer.headers);
        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        assert_eq!((row.status.as_str(), row.channel.as_str()), ("draft", "desk"));
        assert_eq!(row.agency.as_deref(), Some(NHA_TRANG));
        assert!(row.code.is_none(), "a draft has no code yet");
        let applicant =
            app::account::stored::load_person(&app.context.db, &row.applicant).await.unwrap().unwrap();
        assert_eq!(applicant.full_name, "Phạm Văn Mới");
        assert_eq!(applicant.id_number.as_deref(), Some("056301000001"));
        assert_eq!(applicant.birth_date.as_deref(), Some("1985-04-03"));
        assert_eq!(applicant.assurance_level, 0);
        assert_eq!(applicant_issuer(app, &key).await, "motcua:mot-cua");
        let answers = row.answers();
        assert_eq!(answers.get("ho_ten"), "Phạm Văn Mới");
        assert_eq!(answers.get("so_dinh_danh"), "056301000001");
        assert_eq!(answers.get("dien_thoai"), "0905111222");
        let registrar = app::desk::walk_in::ssr::registered_by(&app.context.db, &key).await.unwrap();
        assert!(registrar.is_some());

        let mut audit = app
            .context
            .db
            .query("SELECT actor, detail FROM audit WHERE action = 'walk_in_registered' AND target = $target")
            .bind(("target", format!("dossier:{key}")))
            .await
            .unwrap();
        let audit: Vec<serde_json::Value> = audit.take(0).unwrap();
        assert_eq!(audit.len(), 1, "the registration is in the audit log");
        assert_eq!(audit[0]["actor"], format!("officer:{}", registrar.unwrap()));
        assert!(!audit[0].to_string().contains("056301000001"), "no ID number in the audit log");

        let form = app.get_as(&format!("/ho-so/{key}?dang-ky=chua-co-tai-khoan"), Some(&desk)).await;
        assert_eq!(form.status, StatusCode::OK);
        let text = form.text();
        assert!(text.contains("Người nộp chưa có tài khoản"), "{text}");
        assert!(text.contains("Bộ phận Một cửa khai thay người nộp"), "{text}");
        assert!(form.body.contains("value=\"Phạm Văn Mới\""), "the typed name is the first answer");
        assert!(!text.contains("Lấy từ tài khoản định danh điện tử"), "nothing is taken from an account");

        // A second dossier of the same person finds the record the first made.
        let again = registered(app, &desk, "056301000001", "phạm văn mới", "1985-04-03").await;
        let again = dossiers::load(&app.context.db, &again).await.unwrap().unwrap();
        assert_eq!(again.applicant, row.applicant);
    });
}

#[test]
fn a_known_id_number_reuses_the_account_and_the_scans_reach_its_data_store() {
    block_on(async {
        let app = portal().await;
        let db = &app.context.db;
        let desk = desk_officer(app, "dk.cotk.nt", NHA_TRANG, Role::DeskOfficer).await;
        let account = crate::accounts::person(db, "dk.co.tk", "056302000002", None).await;
        let cookie = crate::accounts::session_for(db, &account).await;
        let person = account.trim_start_matches("person:").to_string();
        let kept = documents::create(
            db,
            documents::NewDocument {
                owner: &app::store::Owner { table: "person".into(), key: person.clone() },
                uploaded_by: &app::store::Owner { table: "person".into(), key: person.clone() },
                in_store: true,
                kind: "000.00.00.G15-KQ004389",
                title: "Giấy chứng sinh cũ",
                sha256: &"1".repeat(64),
                size: 10,
                media_type: "pdf",
            },
        )
        .await
        .unwrap();

        let answer = register(
            app,
            Some(&desk),
            &registration(BIRTH, "desk", "056302000002", "THỬ  dk.co.tk", "1990-01-15"),
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        let key: String = serde_json::from_str(&answer.body).unwrap();
        assert!(location(&answer).ends_with("dang-ky=co-tai-khoan"), "{:?}", answer.headers);
        assert_eq!(dossiers::load(db, &key).await.unwrap().unwrap().applicant, person);
        let page = app.get_as(&format!("/ho-so/{key}?dang-ky=co-tai-khoan"), Some(&desk)).await.text();
        assert!(
            page.contains("Người nộp đã có tài khoản: giấy tờ số hóa sẽ vào kho dữ liệu của họ"),
            "{page}"
        );
        let shown = app.call("ho-so/xem", &format!("key={key}"), Some(&desk)).await;
        assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
        assert!(!shown.body.contains(&kept), "the desk is not shown the applicant's store");

        let mut answers = typed_answers("056302000002", "Thử dk.co.tk");
        answers.push(("f:ngay_sinh", "1990-01-15"));
        answers.push(("intent", "luu"));
        let saved = app
            .post_dossier(
                &key,
                &desk,
                &parts(&answers, vec![Part::File("tep:giay_chung_sinh", "scan.pdf", PDF)]),
            )
            .await;
        assert_eq!(location(&saved), format!("/ho-so/{key}?da-luu=1"));
        let scan = documents::attachments(db, &key).await.unwrap()[0].1.clone();
        let listed = app.call("kho-du-lieu/danh-sach", "", Some(&cookie)).await;
        assert!(listed.body.contains(&scan.id), "the scan is in the applicant's store: {}", listed.body);
        let mut uploader = db
            .query("SELECT VALUE record::tb(uploaded_by) FROM type::record('document', $key)")
            .bind(("key", scan.id.clone()))
            .await
            .unwrap();
        assert_eq!(uploader.take::<Vec<String>>(0).unwrap(), vec!["officer".to_string()]);

        answers.retain(|(name, _)| *name != "intent");
        answers.push(("intent", "nop"));
        let submitted = app.post_dossier(&key, &desk, &parts(&answers, vec![])).await;

        assert_eq!(
            location(&submitted),
            format!("/can-bo/ho-so/{key}"),
            "the officer goes to the desk's check"
        );
        let row = dossiers::load(db, &key).await.unwrap().unwrap();
        let code = row.code.clone().expect("a code like an online dossier's");
        assert!(app::dossier::code::is_plausible_code(&code) && code.starts_with("22366-"), "{code}");
        let queue = app.call("mot-cua/hang-doi", "", Some(&desk)).await;
        let line = queue.body.split("},{").find(|line| line.contains(&code)).unwrap_or_default().to_string();
        assert!(line.contains("\"Desk\""), "in the queue as a desk dossier: {}", queue.body);
        let mine = app.call("ho-so/cua-toi", "", Some(&cookie)).await;
        assert!(mine.body.contains(&code), "the applicant follows it from their account");
        let received = app.call("mot-cua/tiep-nhan", &format!("key={key}"), Some(&desk)).await;
        assert_eq!(received.status, StatusCode::OK, "{}", received.body);
    });
}

#[test]
fn the_officers_answers_are_checked_and_a_wrong_one_blocks_the_submission() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "dk.kiemtra.nt", NHA_TRANG, Role::DeskOfficer).await;
        let key = registered(app, &desk, "056303000003", "Lê Thị Kiểm", "1985-04-03").await;

        let mut wrong = typed_answers("12345", "Lê Thị Kiểm");
        wrong.retain(|(name, _)| *name != "co_quan");
        wrong.push(("co_quan", "ubnd-22369"));
        wrong.push(("intent", "nop"));
        let answer = app
            .post_dossier(&key, &desk, &parts(&wrong, vec![Part::File("tep:giay_chung_sinh", "a.pdf", PDF)]))
            .await;

        assert!(location(&answer).contains("kiem-tra=1"), "{}", location(&answer));
        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        assert_eq!(row.status, "draft");
        assert_eq!(row.agency.as_deref(), Some(NHA_TRANG), "the desk's agency stays");
        let page = app.get_as(&format!("/ho-so/{key}?kiem-tra=1"), Some(&desk)).await.text();
        assert!(page.contains("Số định danh cá nhân gồm đúng 12 chữ số."), "{page}");

        let mut right = typed_answers("056303000003", "Lê Thị Kiểm");
        right.push(("intent", "nop"));
        let submitted = app.post_dossier(&key, &desk, &parts(&right, vec![])).await;
        assert_eq!(location(&submitted), format!("/can-bo/ho-so/{key}"));
        assert_eq!(dossiers::load(&app.context.db, &key).await.unwrap().unwrap().status, "submitted");
    });
}

#[test]
fn a_postal_dossier_waits_in_the_queue_as_one_sent_by_post() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "dk.buudien.nt", NHA_TRANG, Role::DeskOfficer).await;
        let answer = register(
            app,
            Some(&desk),
            &registration(BIRTH, "postal", "056304000004", "Võ Văn Thư", "1985-04-03"),
        )
        .await;
        let key: String = serde_json::from_str(&answer.body).unwrap();

        let mut answers = typed_answers("056304000004", "Võ Văn Thư");
        answers.push(("intent", "nop"));
        app.post_dossier(
            &key,
            &desk,
            &parts(&answers, vec![Part::File("tep:giay_chung_sinh", "a.pdf", PDF)]),
        )
        .await;

        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        assert_eq!((row.status.as_str(), row.channel.as_str()), ("submitted", "postal"));
        let checked = app.call("mot-cua/ho-so", &format!("key={key}"), Some(&desk)).await;
        assert!(checked.body.contains("\"Postal\""), "{}", checked.body);
    });
}

#[test]
fn nobody_but_the_agencys_desk_registers_or_fills_a_walk_in_dossier() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "dk.cua.ta", NHA_TRANG, Role::DeskOfficer).await;
        let colleague = desk_officer(app, "dk.dong.nghiep", NHA_TRANG, Role::DeskOfficer).await;
        let leader = desk_officer(app, "dk.lanh.dao", NHA_TRANG, Role::Leader).await;
        let theirs = desk_officer(app, "dk.sxd", "so-xay-dung", Role::DeskOfficer).await;
        let (_, stranger) = citizen(app, "dk.nguoi.la").await;
        let body = registration(BIRTH, "desk", "056305000005", "Đỗ Văn Riêng", "1985-04-03");
        let key = registered(app, &desk, "056305000005", "Đỗ Văn Riêng", "1985-04-03").await;

        assert_eq!(register(app, Some(&stranger), &body).await.status, StatusCode::FORBIDDEN);
        assert_eq!(register(app, Some(&leader), &body).await.status, StatusCode::FORBIDDEN);
        assert_eq!(register(app, None, &body).await.status, StatusCode::UNAUTHORIZED);

        let view = |cookie: String| {
            let key = key.clone();
            async move { app.call("ho-so/xem", &format!("key={key}"), Some(&cookie)).await.status }
        };
        assert_eq!(view(colleague.clone()).await, StatusCode::OK, "the agency's desk shares its work");
        assert_eq!(view(theirs.clone()).await, StatusCode::FORBIDDEN);
        assert_eq!(view(leader.clone()).await, StatusCode::FORBIDDEN);
        assert_eq!(view(stranger.clone()).await, StatusCode::NOT_FOUND);
        let edit = [Part::Text("f:tre_ho_ten", "Ai Đó Sửa"), Part::Text("intent", "luu")];
        assert_eq!(app.post_dossier(&key, &theirs, &edit).await.status, StatusCode::FORBIDDEN);
        assert_eq!(app.post_dossier(&key, &stranger, &edit).await.status, StatusCode::NOT_FOUND);
        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        assert!(!row.answers.contains("Ai Đó Sửa"), "{}", row.answers);

        let home = app.get_as("/can-bo", Some(&desk)).await.text();
        let leader_home = app.get_as("/can-bo", Some(&leader)).await.text();
        assert!(home.contains("Đăng ký hồ sơ nộp trực tiếp"), "{home}");
        assert!(!leader_home.contains("Đăng ký hồ sơ nộp trực tiếp"), "{leader_home}");
        let form = app.get_as("/can-bo/dang-ky-ho-so", Some(&desk)).await.text();
        let refused = app.get_as("/can-bo/dang-ky-ho-so", Some(&stranger)).await.text();
        assert!(form.contains("Số định danh cá nhân") && form.contains("Đăng ký và khai hồ sơ"), "{form}");
        assert!(!refused.contains("Đăng ký và khai hồ sơ"), "{refused}");

        // An applicant's own online draft stays theirs.
        let (_, owner) = citizen(app, "dk.truc.tuyen").await;
        let online = start(app, &owner, BIRTH).await;
        let reached = app.call("ho-so/xem", &format!("key={online}"), Some(&desk)).await;
        assert_eq!(reached.status, StatusCode::FORBIDDEN);
    });
}

#[test]
fn bad_registrations_are_refused_with_a_reason_and_leave_nothing_behind() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "dk.sai.nt", NHA_TRANG, Role::DeskOfficer).await;
        let building = desk_officer(app, "dk.sai.sxd", "so-xay-dung", Role::DeskOfficer).await;
        crate::accounts::person(&app.context.db, "dk.trung.so", "056306000006", None).await;

        let cases = [
            (&desk, registration(BIRTH, "desk", "12345", "Trần Văn Sai", "1985-04-03"), "gồm đúng 12 chữ số"),
            (
                &desk,
                registration(BIRTH, "desk", "000306000006", "Trần Văn Sai", "1985-04-03"),
                "không phải mã tỉnh",
            ),
            (&desk, registration(BIRTH, "desk", "056306000007", "", "1985-04-03"), "Vui lòng nhập họ và tên"),
            (
                &desk,
                registration(BIRTH, "desk", "056306000007", "Trần Văn Sai", "2999-01-01"),
                "không được sau",
            ),
            (
                &desk,
                registration("9.999999", "desk", "056306000007", "Trần Văn Sai", "1985-04-03"),
                "Không tìm thấy thủ tục",
            ),
            (
                &desk,
                registration("khai sinh", "desk", "056306000007", "Trần Văn Sai", "1985-04-03"),
                "Mã thủ tục không hợp lệ",
            ),
            (
                &building,
                registration(BIRTH, "desk", "056306000007", "Trần Văn Sai", "1985-04-03"),
                "không tiếp nhận hồ sơ",
            ),
            (
                &desk,
                registration(BIRTH, "online", "056306000007", "Trần Văn Sai", "1985-04-03"),
                "hình thức nộp",
            ),
            (
                &desk,
                registration(BIRTH, "desk", "056306000006", "Người Khác Hẳn", "1990-01-15"),
                "không khớp",
            ),
        ];
        for (cookie, body, message) in &cases {
            let answer = register(app, Some(cookie), body).await;
            assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}: {}", answer.body);
            assert!(answer.body.contains(message), "{body}: {}", answer.body);
        }

        let mut made = app
            .context
            .db
            .query("SELECT VALUE id FROM person WHERE id_number IN ['056306000007', '000306000006', '12345']")
            .await
            .unwrap();
        assert!(made.take::<Vec<serde_json::Value>>(0).unwrap().is_empty(), "no applicant was created");
        let accepted = register(
            app,
            Some(&building),
            &registration(BUILDING, "desk", "056306000007", "Trần Văn Đúng", "1985-04-03"),
        )
        .await;
        assert_eq!(
            accepted.status,
            StatusCode::OK,
            "Sở Xây dựng receives its own procedure: {}",
            accepted.body
        );
    });
}

#[test]
fn the_plain_form_registers_without_javascript() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "dk.khong.js", NHA_TRANG, Role::DeskOfficer).await;
        let body = registration(BIRTH, "desk", "056307000007", "Hồ Văn Giấy", "1985-04-03");
        let request = axum::http::Request::builder()
            .method("POST")
            .uri("/api/mot-cua/dang-ky")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html")
            .header("referer", "/can-bo/dang-ky-ho-so")
            .header("cookie", &desk)
            .body(axum::body::Body::from(body))
            .unwrap();

        let answer = app.send(request).await;

        assert!(answer.status.is_redirection(), "{} {}", answer.status, answer.body);
        let to = location(&answer);
        let key = to.trim_start_matches("/ho-so/").split('?').next().unwrap_or_default().to_string();
        assert!(to.starts_with("/ho-so/") && to.ends_with("?dang-ky=chua-co-tai-khoan"), "{to}");
        assert_eq!(dossiers::load(&app.context.db, &key).await.unwrap().unwrap().channel, "desk");
    });
}
