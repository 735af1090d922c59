//! Departments inside agencies: administrators keep them, officers belong
//! to one, and a workflow step given to a department by name is for that
//! department's officers in agencies that have it.

use app::account::Role;
use axum::http::StatusCode;

use crate::accounts::{officer, person, session_for};
use crate::desk::desk_officer;
use crate::helpers::{TestApp, block_on, portal};

const AGENCY: &str = "ubnd-22366";

/// Death registration, received by every commune; no other test gives it a
/// workflow of its own.
const DEATH: &str = "1.000656";

fn form(text: &str) -> String {
    text.replace(' ', "+")
}

/// The key of `agency`'s department called `name`, from the admin list.
async fn department_key(app: &TestApp, admin: &str, agency: &str, name: &str) -> Option<String> {
    let answer = app.call("quan-tri/phong-ban", "", Some(admin)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let agencies: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    agencies.as_array()?.iter().find(|entry| entry["code"] == agency)?["departments"]
        .as_array()?
        .iter()
        .find(|department| department["name"] == name)
        .and_then(|department| department["key"].as_str())
        .map(str::to_string)
}

/// A death registration submitted to Phường Nha Trang, made directly in
/// the database; its key.
async fn submitted_death(app: &TestApp, subject: &str, id_number: &str) -> String {
    let db = &app.context.db;
    let account = person(db, subject, id_number, None).await;
    let key = account.trim_start_matches("person:");
    let draft = app::dossier::stored::create_draft(db, DEATH, "Đăng ký khai tử", key, None, Some(AGENCY))
        .await
        .unwrap();
    app::dossier::stored::submit(db, &draft, "PHONGBAN", "261204", "ABCDEFGH", &account).await.unwrap();
    draft
}

fn step(index: usize, name: &str, role: &str, department: &str, share: u32) -> String {
    format!(
        "&steps[{index}][name]={}&steps[{index}][role]={role}&steps[{index}][department]={}&steps[{index}][share]={share}",
        form(name),
        form(department)
    )
}

#[test]
fn a_step_given_to_a_department_is_for_its_officers_only() {
    block_on(async {
        let app = portal().await;
        let admin = desk_officer(app, "qt.phongban", "so-xay-dung", Role::ProvinceAdmin).await;
        let desk = desk_officer(app, "mc.phongban", AGENCY, Role::DeskOfficer).await;
        let inside = officer(&app.context.db, "cv.trong.phongban", AGENCY, Role::Specialist).await;
        let outside = desk_officer(app, "cv.ngoai.phongban", AGENCY, Role::Specialist).await;
        let name = "Phòng Hộ tịch Thử";

        let added = app
            .call("quan-tri/phong-ban/them", &format!("agency={AGENCY}&name={}", form(name)), Some(&admin))
            .await;
        let again = app
            .call("quan-tri/phong-ban/them", &format!("agency={AGENCY}&name=+{}+", form(name)), Some(&admin))
            .await;
        assert_eq!(added.status, StatusCode::OK, "{}", added.body);
        assert_eq!(again.status, StatusCode::CONFLICT, "one name per agency: {}", again.body);
        let key = department_key(app, &admin, AGENCY, name).await.expect("listed");
        let placed = app
            .call(
                "quan-tri/can-bo/phong-ban",
                &format!("key={}&department={key}", inside.trim_start_matches("officer:")),
                Some(&admin),
            )
            .await;
        assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
        let inside = session_for(&app.context.db, &inside).await;

        let unknown = format!(
            "procedure={DEATH}{}{}{}",
            step(0, "Thẩm tra", "specialist", "Phòng Không Có", 60),
            step(1, "Phê duyệt", "leader", "", 30),
            step(2, "Trả kết quả", "desk_officer", "", 10)
        );
        let refused = app.call("quan-tri/quy-trinh/luu", &unknown, Some(&admin)).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
        assert!(refused.body.contains("Phòng Không Có"), "{}", refused.body);
        let workflow = format!(
            "procedure={DEATH}{}{}{}",
            step(0, "Thẩm tra", "specialist", name, 60),
            step(1, "Phê duyệt", "leader", "", 30),
            step(2, "Trả kết quả", "desk_officer", "", 10)
        );
        let saved = app.call("quan-tri/quy-trinh/luu", &workflow, Some(&admin)).await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);

        let dossier = submitted_death(app, "nop.phongban", "000000000911").await;
        let received = app.call("mot-cua/tiep-nhan", &format!("key={dossier}"), Some(&desk)).await;
        assert_eq!(received.status, StatusCode::OK, "{}", received.body);
        let code =
            app::dossier::stored::load(&app.context.db, &dossier).await.unwrap().unwrap().code.unwrap();

        let queue = |cookie: String| async move { app.call("xu-ly/hang-doi", "", Some(&cookie)).await.body };
        assert!(queue(inside.clone()).await.contains(&code), "the department's specialist has it");
        assert!(!queue(outside.clone()).await.contains(&code), "another specialist of the agency does not");
        let forward = format!("key={dossier}&step=0&note=&assignee=");
        assert_eq!(app.call("xu-ly/chuyen", &forward, Some(&outside)).await.status, StatusCode::FORBIDDEN);

        let renamed = app
            .call(
                "quan-tri/phong-ban/doi-ten",
                &format!("key={key}&name=Ph%C3%B2ng+T%C6%B0+ph%C3%A1p+Th%E1%BB%AD"),
                Some(&admin),
            )
            .await;
        assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.body);
        assert!(queue(inside.clone()).await.contains(&code), "a renamed department keeps its dossiers");

        let removed = app.call("quan-tri/phong-ban/xoa", &format!("key={key}"), Some(&admin)).await;
        assert_eq!(removed.status, StatusCode::CONFLICT, "an officer still belongs: {}", removed.body);
        let audit = app.call("quan-tri/nhat-ky", "filter[action]=department_changed", Some(&admin)).await;
        assert!(audit.body.contains("Phòng Tư pháp Thử"), "{}", audit.body);
    });
}

#[test]
fn an_agency_administrator_keeps_only_their_own_agencys_departments() {
    block_on(async {
        let app = portal().await;
        let own = desk_officer(app, "qt.coquan.phongban", AGENCY, Role::AgencyAdmin).await;
        let province = desk_officer(app, "qt.tinh.phongban", "so-xay-dung", Role::ProvinceAdmin).await;
        let elsewhere = officer(&app.context.db, "cv.sxd.phongban", "so-xay-dung", Role::Specialist).await;
        let ours = officer(&app.context.db, "cv.nt.phongban", AGENCY, Role::Specialist).await;

        let foreign =
            app.call("quan-tri/phong-ban/them", "agency=so-xay-dung&name=Ph%C3%B2ng+A", Some(&own)).await;
        let local = app
            .call(
                "quan-tri/phong-ban/them",
                &format!("agency={AGENCY}&name=Ph%C3%B2ng+B+Th%E1%BB%AD"),
                Some(&own),
            )
            .await;
        let province_adds = app
            .call(
                "quan-tri/phong-ban/them",
                "agency=so-xay-dung&name=Ph%C3%B2ng+C+Th%E1%BB%AD",
                Some(&province),
            )
            .await;
        assert_eq!(foreign.status, StatusCode::FORBIDDEN);
        assert_eq!(local.status, StatusCode::OK, "{}", local.body);
        assert_eq!(province_adds.status, StatusCode::OK, "{}", province_adds.body);

        let listed = app.call("quan-tri/phong-ban", "", Some(&own)).await;
        let agencies: serde_json::Value = serde_json::from_str(&listed.body).unwrap();
        assert_eq!(agencies.as_array().map(Vec::len), Some(1), "only their agency: {}", listed.body);
        let theirs = department_key(app, &own, AGENCY, "Phòng B Thử").await.unwrap();
        let other = department_key(app, &province, "so-xay-dung", "Phòng C Thử").await.unwrap();

        let across = app
            .call(
                "quan-tri/can-bo/phong-ban",
                &format!("key={}&department={theirs}", elsewhere.trim_start_matches("officer:")),
                Some(&own),
            )
            .await;
        let wrong_agency = app
            .call(
                "quan-tri/can-bo/phong-ban",
                &format!("key={}&department={other}", ours.trim_start_matches("officer:")),
                Some(&province),
            )
            .await;
        let rename_other =
            app.call("quan-tri/phong-ban/doi-ten", &format!("key={other}&name=X"), Some(&own)).await;
        assert_eq!(across.status, StatusCode::NOT_FOUND, "another agency's officer is not theirs");
        assert_eq!(wrong_agency.status, StatusCode::BAD_REQUEST, "{}", wrong_agency.body);
        assert_eq!(rename_other.status, StatusCode::NOT_FOUND);

        let removed = app.call("quan-tri/phong-ban/xoa", &format!("key={theirs}"), Some(&own)).await;
        assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
        assert_eq!(department_key(app, &own, AGENCY, "Phòng B Thử").await, None);
    });
}
