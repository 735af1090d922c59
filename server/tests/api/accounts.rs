//! Who may call what: every server function, called by every kind of
//! caller, allowed or refused before it touches data. New server functions
//! register in `MATRIX`.

use app::account::Role;
use app::account::caller::{SIGNED_IN_AT_KEY, now_seconds};
use app::account::session_store::{ACCOUNT_KEY, SurrealSessionStore};
use app::account::stored::{OrganisationIdentity, PersonIdentity, PersonKind, person_signed_in};
use app::server::Db;
use axum::http::StatusCode;
use tower_sessions::SessionStore;
use tower_sessions::cookie::time::{Duration, OffsetDateTime};
use tower_sessions::session::{Id, Record};

use crate::helpers::{TestApp, block_on, portal};

/// The callers of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Anonymous,
    CitizenA,
    CitizenB,
    Business,
    OfficerX,
    OfficerY,
    LeaderX,
    Admin,
}

const EVERYONE: [Who; 8] = [
    Who::Anonymous,
    Who::CitizenA,
    Who::CitizenB,
    Who::Business,
    Who::OfficerX,
    Who::OfficerY,
    Who::LeaderX,
    Who::Admin,
];

/// Which callers a server function admits.
enum Allowed {
    All,
    SignedIn,
    /// Citizens and business representatives, for what they do for
    /// themselves.
    People,
    /// Desk officers and the agency's leaders.
    Desk,
    /// Desk officers only.
    DeskOfficers,
    /// The agency's leaders only.
    Leaders,
    /// None of these callers: a specialist's action.
    Nobody,
    /// Citizen A, whose dossier it is, and the officers of its agency.
    OwnerAndOfficers,
    Admins,
}

struct Entry {
    endpoint: &'static str,
    /// The form body; `{n}` is replaced by a number unique to the call,
    /// `{target}` by an officer to act on, `{draft}` and `{document}` by a
    /// draft dossier and a data store document of the caller (of citizen A
    /// for callers who have none), `{submitted}` by a dossier submitted to
    /// the caller's agency (Phường Nha Trang's for callers who have none),
    /// `{approving}` by such a dossier at its leader's approval step with a
    /// result, `{ready}` by one waiting at the desk for its return,
    /// `{workday}` by a working day a month or more ahead, and `{department}`
    /// by a new department of Phường Nha Trang, the agency of `{target}`.
    body: &'static str,
    allowed: Allowed,
}

const MATRIX: &[Entry] = &[
    Entry {
        endpoint: "thu-tuc/tim-kiem",
        body: "query[text]=khai+sinh&query[page]=1",
        allowed: Allowed::All,
    },
    Entry { endpoint: "thu-tuc/chi-tiet", body: "code=1.000894", allowed: Allowed::All },
    Entry { endpoint: "thu-tuc/tong-quan", body: "", allowed: Allowed::All },
    Entry { endpoint: "cong/thong-tin", body: "", allowed: Allowed::All },
    Entry { endpoint: "tai-khoan/toi", body: "", allowed: Allowed::All },
    Entry { endpoint: "tai-khoan/dang-xuat-moi-noi", body: "", allowed: Allowed::SignedIn },
    Entry { endpoint: "quan-tri/nhat-ky", body: "filter[action]=sign_in", allowed: Allowed::Admins },
    Entry { endpoint: "quan-tri/co-quan", body: "", allowed: Allowed::Admins },
    Entry { endpoint: "quan-tri/can-bo", body: "", allowed: Allowed::Admins },
    Entry {
        endpoint: "quan-tri/can-bo/cap",
        body: "login=moi.{n}&full_name=Th%E1%BB%AD+M%E1%BB%9Bi&agency=so-xay-dung&roles[specialist]=on",
        allowed: Allowed::Admins,
    },
    Entry {
        endpoint: "quan-tri/can-bo/vai-tro",
        body: "key={target}&roles[leader]=on",
        allowed: Allowed::Admins,
    },
    Entry { endpoint: "quan-tri/can-bo/thu-hoi", body: "key={target}", allowed: Allowed::Admins },
    Entry {
        endpoint: "quan-tri/can-bo/phong-ban",
        body: "key={target}&department={department}",
        allowed: Allowed::Admins,
    },
    Entry { endpoint: "quan-tri/phong-ban", body: "", allowed: Allowed::Admins },
    Entry {
        endpoint: "quan-tri/phong-ban/them",
        body: "agency=ubnd-22366&name=Ph%C3%B2ng+M%E1%BB%9Bi+{n}",
        allowed: Allowed::Admins,
    },
    Entry {
        endpoint: "quan-tri/phong-ban/doi-ten",
        body: "key={department}&name=Ph%C3%B2ng+%C4%90%E1%BB%95i+{n}",
        allowed: Allowed::Admins,
    },
    Entry { endpoint: "quan-tri/phong-ban/xoa", body: "key={department}", allowed: Allowed::Admins },
    Entry { endpoint: "ho-so/bat-dau", body: "procedure=1.001193", allowed: Allowed::People },
    Entry { endpoint: "ho-so/xem", body: "key={draft}", allowed: Allowed::People },
    Entry { endpoint: "ho-so/cua-toi", body: "", allowed: Allowed::People },
    Entry {
        endpoint: "ho-so/luu-tu-dong",
        body: r#"{"key":"{draft}","values":{},"agency":null}"#,
        allowed: Allowed::People,
    },
    Entry {
        endpoint: "phieu/xem",
        body: "key={approving}&kind=tiep-nhan",
        allowed: Allowed::OwnerAndOfficers,
    },
    Entry {
        endpoint: "ho-so/tra-cuu",
        body: "code=22366-261204-0001&secret=ABCDEFGH",
        allowed: Allowed::All,
    },
    Entry { endpoint: "don-vi/xa", body: "province=56", allowed: Allowed::All },
    Entry { endpoint: "kho-du-lieu/danh-sach", body: "", allowed: Allowed::People },
    Entry {
        endpoint: "kho-du-lieu/sua",
        body: "key={document}&title=Gi%E1%BA%A5y+t%E1%BB%9D&issued_on=2024-01-02&expires_on=",
        allowed: Allowed::People,
    },
    Entry { endpoint: "kho-du-lieu/xoa", body: "key={document}", allowed: Allowed::People },
    Entry { endpoint: "mot-cua/hang-doi", body: "", allowed: Allowed::Desk },
    Entry { endpoint: "mot-cua/ho-so", body: "key={submitted}", allowed: Allowed::Desk },
    Entry { endpoint: "mot-cua/tiep-nhan", body: "key={submitted}", allowed: Allowed::DeskOfficers },
    Entry {
        endpoint: "mot-cua/yeu-cau-bo-sung",
        body: "key={submitted}&items=B%E1%BB%95+sung",
        allowed: Allowed::DeskOfficers,
    },
    Entry {
        endpoint: "mot-cua/tu-choi",
        body: "key={submitted}&reason=L%C3%BD+do",
        allowed: Allowed::DeskOfficers,
    },
    // 1.013234 is received both by Sở Xây dựng and by every commune.
    Entry {
        endpoint: "mot-cua/dang-ky",
        body: "procedure=1.013234&channel=desk&id_number=056300000001&full_name=Th%E1%BB%AD+Ma+Tr%E1%BA%ADn&birth_date=1990-01-15&phone=",
        allowed: Allowed::DeskOfficers,
    },
    Entry { endpoint: "xu-ly/hang-doi", body: "", allowed: Allowed::Desk },
    Entry {
        endpoint: "xu-ly/chuyen",
        body: "key={approving}&step=1&note=&assignee=",
        allowed: Allowed::Leaders,
    },
    Entry {
        endpoint: "xu-ly/tra-lai",
        body: "key={ready}&step=2&reason=L%C3%BD+do",
        allowed: Allowed::DeskOfficers,
    },
    Entry { endpoint: "xu-ly/ket-qua-giay", body: "key={approving}&step=1&note=", allowed: Allowed::Nobody },
    Entry {
        endpoint: "xu-ly/tra-ket-qua",
        body: "key={ready}&step=2&delivery=desk",
        allowed: Allowed::DeskOfficers,
    },
    Entry {
        endpoint: "xu-ly/xin-loi",
        body: "key={ready}&step=2&reason=L%C3%BD+do&new_date={workday}",
        allowed: Allowed::DeskOfficers,
    },
    Entry { endpoint: "quan-tri/lich", body: "year=2026", allowed: Allowed::Admins },
    Entry { endpoint: "quan-tri/quy-trinh", body: "procedure=mac-dinh", allowed: Allowed::Admins },
    Entry { endpoint: "quan-tri/quy-trinh/phong-ban", body: "", allowed: Allowed::Admins },
    Entry { endpoint: "quan-tri/gio-lam-viec", body: "", allowed: Allowed::Admins },
    Entry {
        endpoint: "quan-tri/gio-lam-viec/luu",
        body: "morning_start=07:30&morning_end=11:30&afternoon_start=13:30&afternoon_end=17:00",
        allowed: Allowed::Admins,
    },
    Entry {
        endpoint: "quan-tri/quy-trinh/luu",
        body: "procedure=1.004222&steps%5B0%5D%5Bname%5D=Th%E1%BB%A5+l%C3%BD&steps%5B0%5D%5Brole%5D=specialist\
               &steps%5B0%5D%5Bshare%5D=60&steps%5B1%5D%5Bname%5D=Ph%C3%AA+duy%E1%BB%87t&steps%5B1%5D%5Brole%5D=leader\
               &steps%5B1%5D%5Bshare%5D=30&steps%5B2%5D%5Bname%5D=Tr%E1%BA%A3&steps%5B2%5D%5Brole%5D=desk_officer\
               &steps%5B2%5D%5Bshare%5D=10",
        allowed: Allowed::Admins,
    },
    Entry {
        endpoint: "quan-tri/lich/them",
        body: "date=2031-03-01&kind=working_day&name=L%C3%A0m+b%C3%B9",
        allowed: Allowed::Admins,
    },
    Entry { endpoint: "quan-tri/lich/xoa", body: "date=2031-03-01", allowed: Allowed::Admins },
    Entry { endpoint: "thong-bao/danh-sach", body: "", allowed: Allowed::People },
    Entry { endpoint: "thong-bao/da-doc", body: "", allowed: Allowed::People },
];

/// The accounts, created once; sessions are made per call, since some
/// calls end them.
struct Accounts {
    citizen_a: String,
    citizen_b: String,
    business: String,
    officer_x: String,
    officer_y: String,
    leader_x: String,
    admin: String,
}

async fn accounts(app: &TestApp) -> &'static Accounts {
    static ACCOUNTS: tokio::sync::OnceCell<Accounts> = tokio::sync::OnceCell::const_new();
    ACCOUNTS
        .get_or_init(|| async {
            let db = &app.context.db;
            Accounts {
                citizen_a: person(db, "a", "000000000101", None).await,
                citizen_b: person(db, "b", "000000000102", None).await,
                business: person(db, "d1", "000000000201", Some("0000000001")).await,
                officer_x: officer(db, "matran.motcua.x", "so-xay-dung", Role::DeskOfficer).await,
                officer_y: officer(db, "matran.motcua.y", "ubnd-22366", Role::DeskOfficer).await,
                leader_x: officer(db, "matran.lanhdao.x", "so-xay-dung", Role::Leader).await,
                admin: officer(db, "matran.quantri", "so-xay-dung", Role::ProvinceAdmin).await,
            }
        })
        .await
}

pub async fn person(db: &Db, subject: &str, id_number: &str, tax_code: Option<&str>) -> String {
    let identity = PersonIdentity {
        issuer: "http://matran.test".into(),
        subject: subject.into(),
        kind: if tax_code.is_some() { PersonKind::Business } else { PersonKind::Citizen },
        full_name: format!("Thử {subject}"),
        id_number: Some(id_number.into()),
        birth_date: Some("1990-01-15".into()),
        assurance_level: 2,
        organisation: tax_code
            .map(|tax_code| OrganisationIdentity {
                tax_code: tax_code.into(), name: "Công ty Thử".into()
            }),
    };
    person_signed_in(db, &identity).await.unwrap()
}

pub async fn officer(db: &Db, login: &str, agency: &str, role: Role) -> String {
    let key = app::admin::stored::issue_officer(db, login, "Thử Cán Bộ", agency, &[role], "system")
        .await
        .unwrap()
        .unwrap_or_else(|_| panic!("{login} issued twice"));
    format!("officer:{key}")
}

/// A fresh session for `account`, as the sign-in would open it; returns
/// the Cookie header.
pub async fn session_for(db: &Db, account: &str) -> String {
    let mut record = Record {
        id: Id::default(),
        data: Default::default(),
        expiry_date: OffsetDateTime::now_utc() + Duration::minutes(30),
    };
    record.data.insert(ACCOUNT_KEY.into(), serde_json::json!(account));
    record.data.insert(SIGNED_IN_AT_KEY.into(), serde_json::json!(now_seconds()));
    SurrealSessionStore::new(db.clone()).create(&mut record).await.unwrap();
    format!("motcua_phien={}", record.id)
}

/// A draft and a store document of a person, made directly in the database.
async fn draft_and_document(db: &Db, account: &str) -> (String, String) {
    let key = account.trim_start_matches("person:");
    let person = app::account::stored::load_person(db, key).await.unwrap().unwrap();
    let draft =
        app::dossier::stored::create_draft(db, "1.001193", "Khai sinh", key, person.organisation_key(), None)
            .await
            .unwrap();
    let owner = app::dossier::access::store_owner(&person);
    let document = app::store::stored::create(
        db,
        app::store::stored::NewDocument {
            owner: &owner,
            uploaded_by: &app::store::Owner { table: "person".into(), key: key.to_string() },
            in_store: true,
            kind: "000.00.00.G15-KQ004389",
            title: "Giấy chứng sinh",
            sha256: &"0".repeat(64),
            size: 10,
            media_type: "pdf",
        },
    )
    .await
    .unwrap();
    (draft, document)
}

/// A dossier of `account` submitted to `agency`, made directly in the
/// database.
async fn submitted_to(db: &Db, account: &str, agency: &str) -> String {
    let key = account.trim_start_matches("person:");
    let draft = app::dossier::stored::create_draft(db, "1.001193", "Khai sinh", key, None, Some(agency))
        .await
        .unwrap();
    app::dossier::stored::submit(db, &draft, "MATRAN", "261204", "ABCDEFGH", account).await.unwrap();
    draft
}

/// Puts a submitted dossier at a step of the standard workflow, with a
/// paper result, as if it had been received and moved there.
async fn in_processing(db: &Db, key: &str, status: &str, step: usize) {
    let workflow = app::processing::Workflow::standard();
    let current = workflow.step(step).unwrap();
    db.query(
        "UPDATE type::record('dossier', $key) SET status = $status, step = $step, step_role = $role,
            step_name = $name, workflow = $workflow, result_paper = true, due_on = '2026-01-05',
            received_at = time::now()",
    )
    .bind(("key", key.to_string()))
    .bind(("status", status.to_string()))
    .bind(("step", step as i64))
    .bind(("role", current.role.as_stored()))
    .bind(("name", current.name.clone()))
    .bind(("workflow", serde_json::to_string(&workflow).unwrap()))
    .await
    .unwrap()
    .check()
    .unwrap();
}

/// A new department of Phường Nha Trang; returns its key.
pub async fn department(db: &Db, name: &str) -> String {
    let mut response = db
        .query(
            "(CREATE ONLY department CONTENT { agency: agency:⟨ubnd-22366⟩, name: $name }
              RETURN record::id(id) AS key).key",
        )
        .bind(("name", name.to_string()))
        .await
        .unwrap();
    let key: Option<String> = response.take(0).unwrap();
    key.unwrap()
}

/// A working day at least a month ahead, `yyyy-mm-dd`.
async fn workday(app: &TestApp) -> String {
    let calendar = app::calendar::stored::load(&app.context.db).await.unwrap();
    let today = app::server::local_now().date();
    (30..60)
        .map(|days| today + chrono::TimeDelta::days(days))
        .find(|day| calendar.is_working_day(*day))
        .unwrap()
        .format("%Y-%m-%d")
        .to_string()
}

impl Accounts {
    fn of(&self, who: Who) -> Option<&str> {
        Some(match who {
            Who::Anonymous => return None,
            Who::CitizenA => &self.citizen_a,
            Who::CitizenB => &self.citizen_b,
            Who::Business => &self.business,
            Who::OfficerX => &self.officer_x,
            Who::OfficerY => &self.officer_y,
            Who::LeaderX => &self.leader_x,
            Who::Admin => &self.admin,
        })
    }
}

fn admits(allowed: &Allowed, who: Who) -> bool {
    match allowed {
        Allowed::All => true,
        Allowed::SignedIn => who != Who::Anonymous,
        Allowed::People => matches!(who, Who::CitizenA | Who::CitizenB | Who::Business),
        Allowed::Desk => matches!(who, Who::OfficerX | Who::OfficerY | Who::LeaderX),
        Allowed::DeskOfficers => matches!(who, Who::OfficerX | Who::OfficerY),
        Allowed::Leaders => who == Who::LeaderX,
        Allowed::Nobody => false,
        Allowed::OwnerAndOfficers => {
            matches!(who, Who::CitizenA | Who::OfficerX | Who::OfficerY | Who::LeaderX)
        }
        Allowed::Admins => who == Who::Admin,
    }
}

#[test]
fn every_server_function_admits_exactly_its_callers() {
    block_on(async {
        let app = portal().await;
        let accounts = accounts(app).await;
        let mut counter = 0;

        for entry in MATRIX {
            for who in EVERYONE {
                counter += 1;
                let target = officer(
                    &app.context.db,
                    &format!("matran.muctieu.{counter}"),
                    "ubnd-22366",
                    Role::DeskOfficer,
                )
                .await;
                let owner = match who {
                    Who::CitizenB => &accounts.citizen_b,
                    Who::Business => &accounts.business,
                    _ => &accounts.citizen_a,
                };
                let (draft, document) = draft_and_document(&app.context.db, owner).await;
                let body = entry
                    .body
                    .replace("{n}", &counter.to_string())
                    .replace("{target}", target.trim_start_matches("officer:"))
                    .replace("{draft}", &draft)
                    .replace("{document}", &document);
                let agency =
                    if matches!(who, Who::OfficerX | Who::LeaderX) { "so-xay-dung" } else { "ubnd-22366" };
                let mut body = body.replace("{workday}", &workday(app).await);
                if body.contains("{department}") {
                    let key = department(&app.context.db, &format!("Phòng Ma Trận {counter}")).await;
                    body = body.replace("{department}", &key);
                }
                for (placeholder, status, step) in [
                    ("{submitted}", "submitted", None),
                    ("{approving}", "received", Some(1)),
                    ("{ready}", "result_ready", Some(2)),
                ] {
                    if body.contains(placeholder) {
                        let key = submitted_to(&app.context.db, &accounts.citizen_a, agency).await;
                        if let Some(step) = step {
                            in_processing(&app.context.db, &key, status, step).await;
                        }
                        body = body.replace(placeholder, &key);
                    }
                }
                let cookie = match accounts.of(who) {
                    Some(account) => Some(session_for(&app.context.db, account).await),
                    None => None,
                };

                let answer = if body.starts_with('{') {
                    app.call_json(entry.endpoint, &body, cookie.as_deref()).await
                } else {
                    app.call(entry.endpoint, &body, cookie.as_deref()).await
                };

                let allowed = answer.status.is_success() || answer.status.is_redirection();
                assert_eq!(
                    allowed,
                    admits(&entry.allowed, who),
                    "{} as {who:?}: {} {}",
                    entry.endpoint,
                    answer.status,
                    answer.body
                );
                if !allowed {
                    // Another person's object is not found rather than
                    // forbidden, so that keys cannot be probed.
                    let expected: &[StatusCode] = match who {
                        Who::Anonymous => &[StatusCode::UNAUTHORIZED],
                        Who::CitizenB | Who::Business => &[StatusCode::FORBIDDEN, StatusCode::NOT_FOUND],
                        _ => &[StatusCode::FORBIDDEN],
                    };
                    assert!(
                        expected.contains(&answer.status),
                        "{} as {who:?}: {}",
                        entry.endpoint,
                        answer.status
                    );
                }
            }
        }
    });
}

#[test]
fn every_registered_server_function_is_in_the_matrix() {
    block_on(async {
        portal().await;
    });
    let listed: Vec<&str> = MATRIX.iter().map(|entry| entry.endpoint).collect();

    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    let missing: Vec<&String> = registered.iter().filter(|path| !listed.contains(&path.as_str())).collect();

    assert!(registered.len() > 40, "the registry lists the app's server functions: {registered:?}");
    assert!(missing.is_empty(), "server functions missing from MATRIX: {missing:?}");
}

#[test]
fn the_header_names_the_signed_in_account_and_never_its_id_number() {
    block_on(async {
        let app = portal().await;
        let accounts = accounts(app).await;
        let cookie = session_for(&app.context.db, &accounts.citizen_a).await;

        let anonymous = app.call("tai-khoan/toi", "", None).await;
        let citizen = app.call("tai-khoan/toi", "", Some(&cookie)).await;

        assert_eq!(anonymous.body, "null");
        assert!(citizen.body.contains("Thử a") && citizen.body.contains("Citizen"), "{}", citizen.body);
        assert!(!citizen.body.contains("000000000101"));
    });
}

#[test]
fn a_revoked_officer_is_signed_out_on_the_next_request() {
    block_on(async {
        let app = portal().await;
        let accounts = accounts(app).await;
        let victim = officer(&app.context.db, "matran.thuhoi", "ubnd-22366", Role::DeskOfficer).await;
        let victim_session = session_for(&app.context.db, &victim).await;
        let admin_session = session_for(&app.context.db, &accounts.admin).await;
        assert!(app.call("tai-khoan/toi", "", Some(&victim_session)).await.body.contains("DeskOfficer"));

        let key = victim.trim_start_matches("officer:");
        let revoked = app.call("quan-tri/can-bo/thu-hoi", &format!("key={key}"), Some(&admin_session)).await;
        let after = app.call("tai-khoan/toi", "", Some(&victim_session)).await;
        let again = app.call("quan-tri/can-bo/thu-hoi", &format!("key={key}"), Some(&admin_session)).await;

        assert!(revoked.status.is_success(), "{}", revoked.body);
        assert_eq!(after.body, "null", "the revoked officer's session is gone");
        assert_eq!(again.status, StatusCode::CONFLICT);
        let log = app.call("quan-tri/nhat-ky", "filter[action]=officer_revoked", Some(&admin_session)).await;
        assert!(log.body.contains(&victim), "the revocation is in the audit log: {}", log.body);
    });
}

#[test]
fn an_agency_administrator_cannot_reach_another_agencys_officers() {
    block_on(async {
        let app = portal().await;
        let agency_admin =
            officer(&app.context.db, "matran.quantri.x", "so-xay-dung", Role::AgencyAdmin).await;
        let other = officer(&app.context.db, "matran.khac.y", "ubnd-22366", Role::DeskOfficer).await;
        let cookie = session_for(&app.context.db, &agency_admin).await;
        let key = other.trim_start_matches("officer:");

        let revoke = app.call("quan-tri/can-bo/thu-hoi", &format!("key={key}"), Some(&cookie)).await;
        let promote = app
            .call(
                "quan-tri/can-bo/cap",
                "login=matran.leo&full_name=Th%E1%BB%AD&agency=so-xay-dung&roles[province_admin]=on",
                Some(&cookie),
            )
            .await;
        let listed = app.call("quan-tri/can-bo", "", Some(&cookie)).await;

        assert_eq!(revoke.status, StatusCode::NOT_FOUND);
        assert_eq!(promote.status, StatusCode::FORBIDDEN);
        assert!(listed.status.is_success() && !listed.body.contains("matran.khac.y"), "{}", listed.body);
    });
}

#[test]
fn a_state_changing_request_from_another_site_is_refused() {
    block_on(async {
        let app = portal().await;
        let request = |origin: &str, site: Option<&str>| {
            let mut request = axum::http::Request::builder()
                .method("POST")
                .uri("/api/tai-khoan/toi")
                .header("host", "127.0.0.1:3000")
                .header("content-type", "application/x-www-form-urlencoded");
            if !origin.is_empty() {
                request = request.header("origin", origin);
            }
            if let Some(site) = site {
                request = request.header("sec-fetch-site", site);
            }
            request.body(axum::body::Body::empty()).unwrap()
        };

        let own = app.send(request("http://127.0.0.1:3000", Some("same-origin"))).await;
        let foreign = app.send(request("https://evil.example", Some("cross-site"))).await;
        let no_origin_cross_site = app.send(request("", Some("cross-site"))).await;

        assert_eq!(own.status, StatusCode::OK);
        assert_eq!(foreign.status, StatusCode::FORBIDDEN);
        assert!(foreign.body.contains("Yêu cầu bị từ chối"));
        assert_eq!(no_origin_cross_site.status, StatusCode::FORBIDDEN);
    });
}

#[test]
fn the_audit_log_cannot_be_changed_or_emptied() {
    block_on(async {
        let app = portal().await;
        let db = &app.context.db;
        let event = app::audit::stored::AuditEvent {
            actor: "system",
            actor_name: None,
            action: app::audit::AuditAction::SignedIn,
            target: None,
            detail: Some("kiểm thử"),
            address: None,
        };
        app::audit::stored::record(db, event).await.unwrap();

        let update =
            db.query("UPDATE audit SET detail = 'sửa' WHERE detail = 'kiểm thử'").await.unwrap().check();
        let delete = db.query("DELETE audit WHERE detail = 'kiểm thử'").await.unwrap().check();
        let mut kept = db.query("SELECT VALUE detail FROM audit WHERE detail = 'kiểm thử'").await.unwrap();
        let kept: Vec<String> = kept.take(0).unwrap();

        assert!(update.is_err() && delete.is_err());
        assert_eq!(kept, vec!["kiểm thử".to_string()]);
    });
}

#[test]
fn pages_carry_a_content_security_policy_with_a_nonce() {
    block_on(async {
        let page = portal().await.get("/").await;
        let api = portal().await.call("cong/thong-tin", "", None).await;

        let policy = page.headers["content-security-policy"].to_str().unwrap().to_string();
        assert!(
            policy.contains("frame-ancestors 'none'") && policy.contains("'wasm-unsafe-eval'"),
            "{policy}"
        );
        let nonce = policy.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).unwrap();
        assert!(page.body.contains(&format!("nonce=\"{nonce}\"")), "inline scripts carry the nonce");
        assert!(api.headers["content-security-policy"].to_str().unwrap().starts_with("default-src 'none'"));
    });
}

/// The administration pages render their forms only for those who may use
/// them; others get the page's notice and nothing to fill in.
#[test]
fn admin_pages_show_their_forms_only_to_their_administrators() {
    block_on(async {
        let app = portal().await;
        let desk = crate::desk::desk_officer(app, "mc.cong.quantri", "ubnd-22366", Role::DeskOfficer).await;
        let agency_admin =
            crate::desk::desk_officer(app, "qt.cong.coquan", "ubnd-22366", Role::AgencyAdmin).await;
        let province_admin =
            crate::desk::desk_officer(app, "qt.cong.tinh", "so-xay-dung", Role::ProvinceAdmin).await;
        let pages = [
            ("/quan-tri/nhat-ky", "name=\"hanh-dong\"", true),
            ("/quan-tri/lich", "name=\"morning_start\"", false),
            ("/quan-tri/quy-trinh", "name=\"thu-tuc\"", false),
        ];

        for (path, form, for_agency_admins) in pages {
            let anonymous = app.get(path).await;
            let refused = app.get_as(path, Some(&desk)).await;
            let agency = app.get_as(path, Some(&agency_admin)).await;
            let province = app.get_as(path, Some(&province_admin)).await;

            assert!(anonymous.text().contains("Cần đăng nhập"), "{path}");
            assert!(!anonymous.body.contains(form), "{path} shows no form to the anonymous");
            assert!(refused.text().contains("Không có quyền truy cập"), "{path}");
            assert!(!refused.body.contains(form), "{path} shows no form to a desk officer");
            assert_eq!(agency.body.contains(form), for_agency_admins, "{path} as an agency administrator");
            assert!(
                province.body.contains(form),
                "{path} as the province administrator: {}",
                province.text()
            );
        }
    });
}
