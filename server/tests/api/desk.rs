//! The one-stop desk: the queue, and reception's three outcomes, each
//! recorded, guarded against a second officer, and kept to the agency.

use app::account::Role;
use app::dossier::stored as dossiers;
use axum::http::StatusCode;

use crate::dossiers::{BIRTH, PDF, birth_answers, citizen, location, parts, start};
use crate::helpers::{Part, TestApp, block_on, portal};

/// A desk officer of an agency and their session cookie.
pub async fn desk_officer(app: &TestApp, login: &str, agency: &str, role: Role) -> String {
    let account = crate::accounts::officer(&app.context.db, login, agency, role).await;
    crate::accounts::session_for(&app.context.db, &account).await
}

/// A birth registration submitted online to Phường Nha Trang; its key and
/// the applicant's cookie.
pub async fn submitted(app: &TestApp, subject: &str) -> (String, String) {
    let (_, cookie) = citizen(app, subject).await;
    let key = start(app, &cookie, BIRTH).await;
    let mut answers = birth_answers();
    answers.push(("f:tre_ho_ten", "Lê Văn Nhận"));
    answers.push(("intent", "nop"));
    let answer = app
        .post_dossier(&key, &cookie, &parts(&answers, vec![Part::File("tep:giay_chung_sinh", "a.pdf", PDF)]))
        .await;
    assert_eq!(location(&answer), format!("/ho-so/{key}"), "submitted");
    (key, cookie)
}

#[test]
fn the_desk_receives_a_dossier_with_the_appointment_its_procedure_promised() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "mc.nhan.nt", "ubnd-22366", Role::DeskOfficer).await;
        let (key, applicant) = submitted(app, "nop.de.nhan").await;
        let code = dossiers::load(&app.context.db, &key).await.unwrap().unwrap().code.unwrap();

        let queue = app.call("mot-cua/hang-doi", "", Some(&desk)).await;
        assert!(queue.body.contains(&code), "{}", queue.body);
        let promised =
            app::procedure::queries::page(&app.context.db, BIRTH).await.unwrap().unwrap().estimates;

        let received = app.call("mot-cua/tiep-nhan", &format!("key={key}"), Some(&desk)).await;
        let again = app.call("mot-cua/tiep-nhan", &format!("key={key}"), Some(&desk)).await;

        assert_eq!(received.status, StatusCode::OK, "{}", received.body);
        assert_eq!(again.status, StatusCode::CONFLICT);
        assert!(again.body.contains("đã được xử lý"), "{}", again.body);
        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        assert_eq!(row.status, "received");
        let online =
            promised.iter().find(|estimate| estimate.method == app::procedure::detail::ChannelMethod::Online);
        let expected = online.map(|estimate| match &estimate.due {
            app::procedure::estimate::EstimatedDue::Day(appointment) => {
                appointment.due_on.format("%Y-%m-%d").to_string()
            }
            app::procedure::estimate::EstimatedDue::Hour(appointment) => {
                appointment.due_at.date().format("%Y-%m-%d").to_string()
            }
        });
        assert!(expected.is_some(), "birth registration takes one working day, from its processing cases");
        assert_eq!(row.due_on, expected);
        let page = app.get_as(&format!("/ho-so/{key}"), Some(&applicant)).await.text();
        assert!(page.contains("Đã tiếp nhận, đang giải quyết"), "{page}");
        if let Some(due) = &row.due_on {
            assert!(page.contains(&app::text::date(due)), "the applicant sees the appointment date");
        }
        assert!(
            !app.call("mot-cua/hang-doi", "", Some(&desk)).await.body.contains(&code),
            "it left the queue"
        );
    });
}

#[test]
fn a_supplement_request_goes_to_the_applicant_and_the_resubmitted_dossier_returns_to_the_queue() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "mc.bosung.nt", "ubnd-22366", Role::DeskOfficer).await;
        let (key, applicant) = submitted(app, "nop.bo.sung").await;
        let code = dossiers::load(&app.context.db, &key).await.unwrap().unwrap().code.unwrap();

        let empty = app.call("mot-cua/yeu-cau-bo-sung", &format!("key={key}&items=+"), Some(&desk)).await;
        let asked = app
            .call(
                "mot-cua/yeu-cau-bo-sung",
                &format!("key={key}&items=Gi%E1%BA%A5y+ch%E1%BB%A9ng+sinh+b%E1%BB%8B+m%E1%BB%9D"),
                Some(&desk),
            )
            .await;
        assert_eq!(empty.status, StatusCode::BAD_REQUEST);
        assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);

        let page = app.get_as(&format!("/ho-so/{key}"), Some(&applicant)).await.text();
        assert!(page.contains("Giấy chứng sinh bị mờ") && page.contains("Nộp bổ sung"), "{page}");
        let mut answers = birth_answers();
        answers.push(("f:tre_ho_ten", "Lê Văn Nhận"));
        answers.push(("intent", "nop"));
        let clearer: &[u8] = b"%PDF-1.4\n% clearer scan\n%%EOF";
        app.post_dossier(
            &key,
            &applicant,
            &parts(&answers, vec![Part::File("tep:giay_chung_sinh", "ro.pdf", clearer)]),
        )
        .await;

        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        assert_eq!(row.status, "submitted");
        assert_eq!(row.code.as_deref(), Some(code.as_str()), "the dossier keeps its code");
        assert!(app.call("mot-cua/hang-doi", "", Some(&desk)).await.body.contains(&code));
        let history = dossiers::history(&app.context.db, &key).await.unwrap();
        let steps: Vec<_> = history.iter().map(|entry| entry.status).collect();
        use app::dossier::DossierStatus::*;
        assert_eq!(steps, vec![Submitted, SupplementRequested, Submitted]);
    });
}

#[test]
fn a_refusal_needs_a_reason_and_the_applicant_and_the_tracking_page_see_it() {
    block_on(async {
        let app = portal().await;
        let desk = desk_officer(app, "mc.tuchoi.nt", "ubnd-22366", Role::DeskOfficer).await;
        let (key, applicant) = submitted(app, "nop.bi.tu.choi").await;

        let refused = app
            .call(
                "mot-cua/tu-choi",
                &format!("key={key}&reason=Kh%C3%B4ng+thu%E1%BB%99c+th%E1%BA%A9m+quy%E1%BB%81n"),
                Some(&desk),
            )
            .await;

        assert_eq!(refused.status, StatusCode::OK, "{}", refused.body);
        let row = dossiers::load(&app.context.db, &key).await.unwrap().unwrap();
        let page = app.get_as(&format!("/ho-so/{key}"), Some(&applicant)).await.text();
        assert!(page.contains("Từ chối tiếp nhận") && page.contains("Không thuộc thẩm quyền"), "{page}");
        let tracking = app
            .get(&format!("/tra-cuu?ma={}&ma-tra-cuu={}", row.code.unwrap(), row.tracking_secret.unwrap()))
            .await
            .text();
        assert!(tracking.contains("Từ chối tiếp nhận"), "{tracking}");
    });
}

#[test]
fn another_agency_neither_sees_nor_decides_and_two_officers_cannot_both_decide() {
    block_on(async {
        let app = portal().await;
        let ours = desk_officer(app, "mc.mot.nt", "ubnd-22366", Role::DeskOfficer).await;
        let also_ours = desk_officer(app, "mc.hai.nt", "ubnd-22366", Role::DeskOfficer).await;
        let theirs = desk_officer(app, "mc.sxd", "so-xay-dung", Role::DeskOfficer).await;
        let leader = desk_officer(app, "ld.nt", "ubnd-22366", Role::Leader).await;
        let (key, _) = submitted(app, "nop.tranh.chap").await;
        let code = dossiers::load(&app.context.db, &key).await.unwrap().unwrap().code.unwrap();
        let document = app::store::stored::attachments(&app.context.db, &key).await.unwrap()[0].1.href();

        assert!(!app.call("mot-cua/hang-doi", "", Some(&theirs)).await.body.contains(&code));
        assert_eq!(
            app.call("mot-cua/ho-so", &format!("key={key}"), Some(&theirs)).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.call("mot-cua/tiep-nhan", &format!("key={key}"), Some(&theirs)).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(app.get_as(&document, Some(&theirs)).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            app.get_as(&document, Some(&ours)).await.status,
            StatusCode::OK,
            "the desk reads the documents"
        );
        assert_eq!(
            app.call("mot-cua/tiep-nhan", &format!("key={key}"), Some(&leader)).await.status,
            StatusCode::FORBIDDEN
        );

        let body = format!("key={key}");
        let refuse_body = format!("key={key}&reason=Thi%E1%BA%BFu");
        let (first, second) = tokio::join!(
            app.call("mot-cua/tiep-nhan", &body, Some(&ours)),
            app.call("mot-cua/tu-choi", &refuse_body, Some(&also_ours)),
        );
        let mut statuses = [first.status, second.status];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT], "{} / {}", first.body, second.body);
        let events = dossiers::history(&app.context.db, &key).await.unwrap();
        assert_eq!(events.len(), 2, "one submission, one decision");
    });
}
