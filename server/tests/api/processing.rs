//! Processing after reception: a dossier goes through its workflow step by
//! step, only in the hands of the step's role, with its result returned
//! and its outcome fixed; the applicant sees each public step.

use app::account::Role;
use app::dossier::stored as dossiers;
use app::processing::Outcome;
use axum::http::StatusCode;

use crate::desk::{desk_officer, submitted};
use crate::dossiers::{PDF, location};
use crate::helpers::{Part, TestApp, block_on, portal};

const AGENCY: &str = "ubnd-22366";

/// A dossier received by the desk; its key, the applicant's cookie and code.
async fn received(app: &TestApp, subject: &str, desk: &str) -> (String, String, String) {
    let (key, applicant) = submitted(app, subject).await;
    let answer = app.call("mot-cua/tiep-nhan", &format!("key={key}"), Some(desk)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let code = dossiers::load(&app.context.db, &key).await.unwrap().unwrap().code.unwrap();
    (key, applicant, code)
}

async fn step_of(app: &TestApp, key: &str) -> (String, Option<usize>) {
    let row = dossiers::load(&app.context.db, key).await.unwrap().unwrap();
    (row.status.clone(), row.step())
}

#[test]
fn a_dossier_goes_from_reception_to_its_returned_result_in_the_hands_of_each_step() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "mc.xl.nt", AGENCY, Role::DeskOfficer).await;
        let specialist = desk_officer(app, "cv.xl.nt", AGENCY, Role::Specialist).await;
        let leader = desk_officer(app, "ld.xl.nt", AGENCY, Role::Leader).await;
        let (key, applicant, code) = received(app, "nop.xu.ly", &desk).await;
        assert_eq!(step_of(app, &key).await, ("received".to_string(), Some(0)));

        let specialist_queue = app.call("xu-ly/hang-doi", "", Some(&specialist)).await;
        let leader_queue = app.call("xu-ly/hang-doi", "", Some(&leader)).await;
        assert!(specialist_queue.body.contains(&code), "{}", specialist_queue.body);
        assert!(!leader_queue.body.contains(&code), "not yet the leader's");

        let forward = |step: usize| format!("key={key}&step={step}&note=&assignee=");
        assert_eq!(app.call("xu-ly/chuyen", &forward(0), Some(&leader)).await.status, StatusCode::FORBIDDEN);
        assert_eq!(app.call("xu-ly/chuyen", &forward(0), Some(&desk)).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            app.call("xu-ly/chuyen", &forward(1), Some(&specialist)).await.status,
            StatusCode::CONFLICT
        );

        let upload = app
            .post_multipart(
                &format!("/can-bo/ho-so/{key}/ket-qua"),
                &specialist,
                &[Part::Text("step", "0"), Part::Text("note", "Đã ký"), Part::File("tep", "kq.pdf", PDF)],
            )
            .await;
        assert_eq!(location(&upload), format!("/can-bo/ho-so/{key}"), "{}", upload.body);
        let result = dossiers::load(&app.context.db, &key).await.unwrap().unwrap().result_document.unwrap();
        let result_href = format!("/kho-du-lieu/tep/{result}");
        assert_eq!(
            app.get_as(&result_href, Some(&applicant)).await.status,
            StatusCode::NOT_FOUND,
            "the applicant does not see the result before it is returned"
        );
        assert_eq!(
            app.get_as(&result_href, Some(&leader)).await.status,
            StatusCode::OK,
            "the leader reads it"
        );

        let first_body = forward(0);
        let (first, second) = tokio::join!(
            app.call("xu-ly/chuyen", &first_body, Some(&specialist)),
            app.call("xu-ly/chuyen", &first_body, Some(&specialist)),
        );
        let mut statuses = [first.status, second.status];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT], "{} / {}", first.body, second.body);
        assert_eq!(step_of(app, &key).await, ("received".to_string(), Some(1)));

        let no_reason = app.call("xu-ly/tra-lai", &format!("key={key}&step=1&reason=+"), Some(&leader)).await;
        assert_eq!(no_reason.status, StatusCode::BAD_REQUEST);
        let back = app
            .call(
                "xu-ly/tra-lai",
                &format!("key={key}&step=1&reason=S%E1%BB%ADa+s%E1%BB%91+li%E1%BB%87u"),
                Some(&leader),
            )
            .await;
        assert_eq!(back.status, StatusCode::OK, "{}", back.body);
        assert_eq!(step_of(app, &key).await, ("received".to_string(), Some(0)));
        assert_eq!(app.call("xu-ly/chuyen", &forward(0), Some(&specialist)).await.status, StatusCode::OK);

        let approved = app.call("xu-ly/chuyen", &forward(1), Some(&leader)).await;
        assert_eq!(approved.status, StatusCode::OK, "{}", approved.body);
        assert_eq!(step_of(app, &key).await, ("result_ready".to_string(), Some(2)));
        let desk_queue = app.call("xu-ly/hang-doi", "", Some(&desk)).await;
        assert!(desk_queue.body.contains(&code), "the desk returns it: {}", desk_queue.body);

        let returned =
            app.call("xu-ly/tra-ket-qua", &format!("key={key}&step=2&delivery=online"), Some(&desk)).await;
        let twice =
            app.call("xu-ly/tra-ket-qua", &format!("key={key}&step=2&delivery=online"), Some(&desk)).await;
        assert_eq!(returned.status, StatusCode::OK, "{}", returned.body);
        assert_eq!(twice.status, StatusCode::CONFLICT, "a result is returned once");

        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        assert_eq!(row.status, "returned");
        let due = chrono::NaiveDate::parse_from_str(row.due_on.as_deref().unwrap(), "%Y-%m-%d").unwrap();
        let returned_on =
            chrono::NaiveDate::parse_from_str(row.returned_on.as_deref().unwrap(), "%Y-%m-%d").unwrap();
        assert_eq!(row.outcome.as_deref(), Some(Outcome::of(returned_on, due).stored()));
        assert_eq!(
            app.get_as(&result_href, Some(&applicant)).await.status,
            StatusCode::OK,
            "now in the store"
        );
        let store = app.call("kho-du-lieu/danh-sach", "", Some(&applicant)).await;
        assert!(store.body.contains(&format!("Kết quả giải quyết hồ sơ {code}")), "{}", store.body);

        let page = app.get_as(&format!("/ho-so/{key}"), Some(&applicant)).await.text();
        assert!(page.contains("Đã trả kết quả"), "{page}");
        assert!(page.contains("Lãnh đạo phê duyệt"), "the applicant sees the steps: {page}");
        assert!(!page.contains("Sửa số liệu"), "internal notes stay inside the agency");
        let handovers = app::processing::stored::handovers(&app.context.db, &key).await.unwrap();
        let moves: Vec<_> = handovers.iter().map(|line| (line.from.as_str(), line.to.as_str())).collect();
        assert_eq!(
            moves,
            vec![
                ("Bộ phận Một cửa tiếp nhận", "Chuyên viên thụ lý, thẩm định"),
                ("Chuyên viên thụ lý, thẩm định", "Lãnh đạo phê duyệt"),
                ("Lãnh đạo phê duyệt", "Chuyên viên thụ lý, thẩm định"),
                ("Chuyên viên thụ lý, thẩm định", "Lãnh đạo phê duyệt"),
                ("Lãnh đạo phê duyệt", "Bộ phận Một cửa trả kết quả"),
                ("Bộ phận Một cửa trả kết quả", "Đã trả kết quả"),
            ]
        );
        assert!(handovers.iter().all(|line| line.officer == "Thử Cán Bộ"), "who made each move");
        let notices = app.call("thong-bao/danh-sach", "", Some(&applicant)).await;
        assert!(notices.body.contains("đã có kết quả trong kho dữ liệu"), "{}", notices.body);
    });
}

#[test]
fn approval_needs_a_result_and_an_online_return_needs_a_document() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "mc.kq.nt", AGENCY, Role::DeskOfficer).await;
        let specialist = desk_officer(app, "cv.kq.nt", AGENCY, Role::Specialist).await;
        let leader = desk_officer(app, "ld.kq.nt", AGENCY, Role::Leader).await;
        let (key, _, _) = received(app, "nop.ket.qua", &desk).await;
        let forward = |step: usize| format!("key={key}&step={step}&note=&assignee=");

        assert_eq!(app.call("xu-ly/chuyen", &forward(0), Some(&specialist)).await.status, StatusCode::OK);
        let without = app.call("xu-ly/chuyen", &forward(1), Some(&leader)).await;
        assert_eq!(without.status, StatusCode::BAD_REQUEST);
        assert!(without.body.contains("Chưa có kết quả"), "{}", without.body);
        assert_eq!(
            app.call("xu-ly/ket-qua-giay", &format!("key={key}&step=1&note="), Some(&leader)).await.status,
            StatusCode::FORBIDDEN,
            "the specialist records the result"
        );

        let back = format!("key={key}&step=1&reason=C%E1%BA%A7n+k%E1%BA%BFt+qu%E1%BA%A3");
        assert_eq!(app.call("xu-ly/tra-lai", &back, Some(&leader)).await.status, StatusCode::OK);
        let paper =
            app.call("xu-ly/ket-qua-giay", &format!("key={key}&step=0&note="), Some(&specialist)).await;
        assert_eq!(paper.status, StatusCode::OK, "{}", paper.body);
        assert_eq!(app.call("xu-ly/chuyen", &forward(0), Some(&specialist)).await.status, StatusCode::OK);
        assert_eq!(app.call("xu-ly/chuyen", &forward(1), Some(&leader)).await.status, StatusCode::OK);

        let online =
            app.call("xu-ly/tra-ket-qua", &format!("key={key}&step=2&delivery=online"), Some(&desk)).await;
        assert_eq!(online.status, StatusCode::BAD_REQUEST, "a paper result is not returned online");
        let unknown =
            app.call("xu-ly/tra-ket-qua", &format!("key={key}&step=2&delivery=bay"), Some(&desk)).await;
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
        let at_desk =
            app.call("xu-ly/tra-ket-qua", &format!("key={key}&step=2&delivery=desk"), Some(&desk)).await;
        assert_eq!(at_desk.status, StatusCode::OK, "{}", at_desk.body);
    });
}

#[test]
fn an_apology_sets_a_later_working_day_that_the_applicant_sees() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "mc.xl2.nt", AGENCY, Role::DeskOfficer).await;
        let specialist = desk_officer(app, "cv.xl2.nt", AGENCY, Role::Specialist).await;
        let (key, applicant, _) = received(app, "nop.xin.loi", &desk).await;
        let calendar = app::calendar::stored::load(&app.context.db).await.unwrap();
        let today = app::server::local_now().date();
        let later = (20..40)
            .map(|days| today + chrono::TimeDelta::days(days))
            .find(|day| calendar.is_working_day(*day))
            .unwrap();
        let day_off = (20..40)
            .map(|days| today + chrono::TimeDelta::days(days))
            .find(|day| !calendar.is_working_day(*day))
            .unwrap();
        let body = |date: chrono::NaiveDate| {
            format!("key={key}&step=0&reason=Ch%E1%BB%9D+x%C3%A1c+minh&new_date={}", date.format("%Y-%m-%d"))
        };

        let past =
            app.call("xu-ly/xin-loi", &body(today - chrono::TimeDelta::days(1)), Some(&specialist)).await;
        let off = app.call("xu-ly/xin-loi", &body(day_off), Some(&specialist)).await;
        let by_other_step = app.call("xu-ly/xin-loi", &body(later), Some(&desk)).await;
        let apology = app.call("xu-ly/xin-loi", &body(later), Some(&specialist)).await;

        assert_eq!(past.status, StatusCode::BAD_REQUEST);
        assert_eq!(off.status, StatusCode::BAD_REQUEST);
        assert!(off.body.contains("ngày làm việc"), "{}", off.body);
        assert_eq!(by_other_step.status, StatusCode::FORBIDDEN);
        assert_eq!(apology.status, StatusCode::OK, "{}", apology.body);
        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        assert_eq!(row.new_due_on, Some(later.format("%Y-%m-%d").to_string()));
        assert_eq!(row.step(), Some(0), "an apology does not move the dossier");
        let page = app.get_as(&format!("/ho-so/{key}"), Some(&applicant)).await.text();
        assert!(
            page.contains(&later.format("%d/%m/%Y").to_string()) && page.contains("Chờ xác minh"),
            "{page}"
        );
    });
}

#[test]
fn another_agency_cannot_touch_a_dossier_in_processing() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "mc.xl3.nt", AGENCY, Role::DeskOfficer).await;
        let theirs = desk_officer(app, "cv.sxd.xl", "so-xay-dung", Role::Specialist).await;
        let (key, _, code) = received(app, "nop.xl.khac", &desk).await;

        let moved =
            app.call("xu-ly/chuyen", &format!("key={key}&step=0&note=&assignee="), Some(&theirs)).await;
        assert_eq!(moved.status, StatusCode::NOT_FOUND);
        assert!(!app.call("xu-ly/hang-doi", "", Some(&theirs)).await.body.contains(&code));
        let upload = app
            .post_multipart(
                &format!("/can-bo/ho-so/{key}/ket-qua"),
                &theirs,
                &[Part::Text("step", "0"), Part::File("tep", "kq.pdf", PDF)],
            )
            .await;
        assert_eq!(upload.status, StatusCode::NOT_FOUND);
        assert_eq!(step_of(app, &key).await, ("received".to_string(), Some(0)));
    });
}

#[test]
fn a_received_dossier_has_its_receipt_as_a_page_and_a_pdf_for_its_applicant_and_agency_only() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "mc.phieu.nt", AGENCY, Role::DeskOfficer).await;
        let (key, applicant, code) = received(app, "nop.phieu", &desk).await;
        let (_, stranger) = crate::dossiers::citizen(app, "nguoi.la.phieu").await;
        let pdf = |kind: &str| format!("/ho-so/{key}/phieu/{kind}.pdf");

        let receipt = app.get_as(&pdf("tiep-nhan"), Some(&applicant)).await;
        assert_eq!(receipt.status, StatusCode::OK, "{}", receipt.body);
        assert_eq!(receipt.headers.get("content-type").unwrap(), "application/pdf");
        assert!(receipt.body.starts_with("%PDF-"));
        assert_eq!(app.get_as(&pdf("kiem-soat"), Some(&applicant)).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get_as(&pdf("kiem-soat"), Some(&desk)).await.status, StatusCode::OK);
        assert_eq!(
            app.get_as(&pdf("bo-sung"), Some(&desk)).await.status,
            StatusCode::NOT_FOUND,
            "never asked"
        );
        assert_eq!(app.get_as(&pdf("tiep-nhan"), Some(&stranger)).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get_as(&pdf("tiep-nhan"), None).await.status, StatusCode::UNAUTHORIZED);
        assert_eq!(app.get_as(&pdf("khong-co"), Some(&applicant)).await.status, StatusCode::NOT_FOUND);

        let page = app.get_as(&format!("/ho-so/{key}/in/tiep-nhan"), Some(&applicant)).await.text();
        assert!(page.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ") && page.contains(&code), "{page}");
        assert!(page.contains("Thời gian trả kết quả giải quyết hồ sơ"), "{page}");
    });
}

#[test]
fn a_procedures_own_workflow_is_checked_stored_and_followed_by_that_procedure_only() {
    block_on(async {
        let app = portal().await;
        let admin = desk_officer(app, "qt.quy.trinh", AGENCY, Role::ProvinceAdmin).await;
        let desk = desk_officer(app, "mc.quy.trinh", AGENCY, Role::DeskOfficer).await;
        let (before, _, _) = received(app, "nop.truoc.qt", &desk).await;
        let step = |index: usize, name: &str, role: &str, share: u32| {
            format!("&steps[{index}][name]={name}&steps[{index}][role]={role}&steps[{index}][share]={share}")
        };
        let four = format!(
            "procedure=1.004194{}{}{}{}",
            step(0, "Thu+ly", "specialist", 40),
            step(1, "Tham+dinh", "specialist", 30),
            step(2, "Phe+duyet", "leader", 20),
            step(3, "Tra", "desk_officer", 10)
        );
        let wrong = format!(
            "procedure=1.004194{}{}",
            step(0, "Thu+ly", "specialist", 50),
            step(1, "Tra", "desk_officer", 50)
        );

        let refused = app.call("quan-tri/quy-trinh/luu", &wrong, Some(&admin)).await;
        let saved = app.call("quan-tri/quy-trinh/luu", &four, Some(&admin)).await;
        let unknown = app.call("quan-tri/quy-trinh", "procedure=9.999999", Some(&admin)).await;
        let shown = app.call("quan-tri/quy-trinh", "procedure=1.004194", Some(&admin)).await;

        assert_eq!(refused.status, StatusCode::BAD_REQUEST);
        assert!(refused.body.contains("từ 3 đến"), "{}", refused.body);
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        assert!(shown.body.contains("Tham dinh"), "{}", shown.body);
        let own = app::processing::stored::workflow_for(&app.context.db, "1.004194").await.unwrap();
        let other = app::processing::stored::workflow_for(&app.context.db, "1.001193").await.unwrap();
        assert_eq!(own.steps.len(), 4);
        assert_eq!(other, app::processing::Workflow::standard(), "other procedures keep the default");
        let kept = dossiers::load(&app.context.db, &before).await.unwrap().unwrap().workflow().unwrap();
        assert_eq!(kept, app::processing::Workflow::standard(), "a received dossier keeps its copy");
    });
}
