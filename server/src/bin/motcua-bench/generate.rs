//! `motcua-bench generate DIR [DOSSIERS] [ACCOUNTS]`: fills the embedded
//! database in `DIR` with a province's synthetic load, so that the HTTP
//! benchmarks measure the portal at scale. Procedures, agencies and
//! communes are the real ones of the demo province; people are fictitious
//! (`000` ID numbers, names drawn from common family, middle and given
//! names), and so are their documents. Dossiers are spread over the three
//! years before today, in every state, channel and outcome, each with its
//! history and one attachment kept as a small file.
//!
//! It also writes what the load generator needs into `DIR/bench/`: session
//! cookies of a benchmark officer, of an applicant with many dossiers and of
//! one with drafts ready to be submitted, the drafts, and tracking paths.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use app::account::Role;
use app::account::caller::{SIGNED_IN_AT_KEY, now_seconds};
use app::account::session_store::{ACCOUNT_KEY, SurrealSessionStore};
use app::server::Db;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde_json::{Map, Value as Json, json};
use server::config::Settings;
use server::import::{self, Dataset};
use sha2::{Digest, Sha256};
use tower_sessions::SessionStore;
use tower_sessions::cookie::time::{Duration as CookieDuration, OffsetDateTime};
use tower_sessions::session::{Id, Record};

/// How much to generate.
pub struct Scale {
    pub dossiers: usize,
    pub accounts: usize,
}

/// The issuer synthetic accounts claim to come from; no provider has it.
const ISSUER: &str = "https://tai-tao.invalid";

/// Rows per database round trip.
const BATCH: usize = 500;

/// The days the dossiers are spread over, back from today.
const SPAN_DAYS: i64 = 3 * 365;

/// Dossiers of the benchmark applicant: a heavy user's "Hồ sơ của tôi".
const HEAVY_USER_DOSSIERS: usize = 300;

/// Drafts of the benchmark applicant, each submitted once by the load.
const DRAFTS: usize = 4000;

/// Tracking lookups the load cycles through.
const TRACKING_SAMPLES: usize = 2000;

/// The birth registration: its curated form is what the submission load fills.
pub const BIRTH: &str = "1.001193";

/// Phường Nha Trang, which receives the submission load.
pub const NHA_TRANG: &str = "ubnd-22366";

const FAMILY: [&str; 14] =
    ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"];
const MIDDLE: [&str; 8] = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Thu"];
const GIVEN: [&str; 20] = [
    "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Khánh", "Lan", "Linh",
    "Long", "Mai", "Nam", "Phúc", "Quân", "Thảo", "Tú",
];

struct Procedure {
    code: String,
    name: String,
    /// Receiving agencies: key and code prefix.
    agencies: Vec<(String, String)>,
}

pub async fn run(dir: &Path, seed: &Path, scale: Scale) -> ExitCode {
    match generate(dir, seed, scale).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("motcua-bench generate: {error}");
            ExitCode::FAILURE
        }
    }
}

/// A new embedded database in `dir` holding the national data and the
/// province's agencies, and the procedures they receive.
async fn open_new(dir: &Path, seed: &Path) -> Result<(Db, Vec<Procedure>), String> {
    if dir.join("db").exists() {
        return Err(format!("{} already holds a database; use a new folder", dir.display()));
    }
    let settings = Settings { data: dir.to_path_buf(), seed: seed.to_path_buf(), ..Settings::default() };
    let db = server::database::open(&settings).await.map_err(|error| error.to_string())?;

    let report = import::import(&db, seed, &Dataset::ALL).await;
    println!("national data imported: {report}");
    let province =
        server::serve::province(&db, &settings.province).await.map_err(|error| error.to_string())?;
    server::bootstrap::agencies(&db, &province.code).await.map_err(|error| error.to_string())?;
    let procedures = procedures(&db).await?;
    Ok((db, procedures))
}

/// `motcua-bench submissions DIR COUNT`: a new database with one applicant
/// and `COUNT` birth registration drafts, for the crash test and the
/// submission load; writes `bench/drafts.txt` and `bench/person.cookie`.
pub async fn prepare_submissions(dir: &Path, seed: &Path, count: usize) -> ExitCode {
    let prepared = async {
        let (db, _) = open_new(dir, seed).await?;
        let mut random = fastrand::Rng::with_seed(1);
        let people = people(&db, &dir.join("uploads"), &mut random, 1).await?;
        let out = dir.join("bench");
        std::fs::create_dir_all(&out).map_err(|error| format!("{}: {error}", out.display()))?;
        write(&out.join("person.cookie"), &session(&db, &format!("person:{}", people[0].key)).await?)?;
        let drafts = drafts(&db, &people[0].key, count).await?;
        write(&out.join("drafts.txt"), &(drafts.join("\n") + "\n"))
    };
    match prepared.await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("motcua-bench submissions: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn generate(dir: &Path, seed: &Path, scale: Scale) -> Result<(), String> {
    let started = Instant::now();
    let (db, procedures) = open_new(dir, seed).await?;
    println!("{} procedures with receiving agencies in the province", procedures.len());

    let mut random = fastrand::Rng::with_seed(20261204);
    let uploads = dir.join("uploads");
    let people = people(&db, &uploads, &mut random, scale.accounts.max(3)).await?;
    println!("{} accounts with a document each ({:.0} s)", people.len(), started.elapsed().as_secs_f64());

    let today = app::server::local_now().date();
    let mut sequences: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut samples = Vec::new();
    let mut made = 0;
    while made < scale.dossiers {
        let count = BATCH.min(scale.dossiers - made);
        let rows: Vec<Json> = (0..count)
            .map(|index| {
                let heavy = (made + index) % (scale.dossiers / HEAVY_USER_DOSSIERS).max(1) == 0;
                let applicant = if heavy { 0 } else { 2 + random.usize(..people.len() - 2) };
                dossier(&mut random, made + index, &procedures, &people[applicant], today, &mut sequences)
            })
            .collect();
        for row in &rows {
            if samples.len() < TRACKING_SAMPLES && random.u32(..100) < 5 {
                let field = |name: &str| row[name].as_str().unwrap_or_default().to_string();
                samples.push(format!("/tra-cuu?ma={}&ma-tra-cuu={}", field("code"), field("secret")));
            }
        }
        insert_dossiers(&db, rows).await?;
        made += count;
        if made % 50_000 < BATCH {
            println!("{made} dossiers ({:.0} s)", started.elapsed().as_secs_f64());
        }
    }
    store_sequences(&db, &sequences).await?;

    let out = dir.join("bench");
    std::fs::create_dir_all(&out).map_err(|error| format!("{}: {error}", out.display()))?;
    write(&out.join("tracking.txt"), &(samples.join("\n") + "\n"))?;
    let (heavy, submitter) = (&people[0], &people[1]);
    write(&out.join("person.cookie"), &session(&db, &format!("person:{}", heavy.key)).await?)?;
    let officer = officer(&db).await?;
    write(&out.join("officer.cookie"), &session(&db, &officer).await?)?;
    write(&out.join("submitter.cookie"), &session(&db, &format!("person:{}", submitter.key)).await?)?;
    let drafts = drafts(&db, &submitter.key, DRAFTS).await?;
    write(&out.join("drafts.txt"), &(drafts.join("\n") + "\n"))?;

    println!(
        "generated {} accounts and {} dossiers in {:.0} s; load files in {}",
        people.len(),
        scale.dossiers,
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))
}

/// The detailed procedures and who receives each in the province.
async fn procedures(db: &Db) -> Result<Vec<Procedure>, String> {
    let mut response =
        db.query("SELECT VALUE code FROM procedure_detail").await.map_err(|error| error.to_string())?;
    let codes: Vec<String> = response.take(0).map_err(|error| error.to_string())?;

    let mut procedures = Vec::new();
    for code in codes {
        let Ok(agencies) = app::dossier::api::agencies_for(db, &code).await else { continue };
        if agencies.is_empty() {
            continue;
        }
        let Ok(Some(page)) = app::procedure::queries::page(db, &code).await else { continue };
        let agencies = agencies
            .into_iter()
            .map(|agency| {
                let prefix = app::dossier::code::prefix_of(&agency.code, &agency.name);
                (agency.code, prefix)
            })
            .collect();
        procedures.push(Procedure { code, name: page.entry.name, agencies });
    }
    if procedures.is_empty() {
        return Err("no procedure has a receiving agency: was the national data imported?".into());
    }
    Ok(procedures)
}

struct Person {
    key: String,
    document: String,
}

fn full_name(random: &mut fastrand::Rng) -> String {
    let pick = |random: &mut fastrand::Rng, names: &[&str]| names[random.usize(..names.len())].to_string();
    format!("{} {} {}", pick(random, &FAMILY), pick(random, &MIDDLE), pick(random, &GIVEN))
}

/// Accounts, each with one document in its data store and its file.
async fn people(
    db: &Db,
    uploads: &Path,
    random: &mut fastrand::Rng,
    count: usize,
) -> Result<Vec<Person>, String> {
    let files = uploads.join("files");
    let mut people = Vec::with_capacity(count);
    for start in (0..count).step_by(BATCH) {
        let rows: Vec<Json> = (start..count.min(start + BATCH))
            .map(|index| {
                let bytes = format!(
                    "%PDF-1.4\n% giay to tai tao so {index}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                );
                let sha = format!("{:x}", Sha256::digest(bytes.as_bytes()));
                let folder = files.join(&sha[..2]);
                let stored = std::fs::create_dir_all(&folder).and_then(|()| std::fs::write(folder.join(&sha), &bytes));
                if let Err(error) = stored {
                    eprintln!("cannot write a synthetic file under {}: {error}", folder.display());
                }
                let born = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap_or_default() + Duration::days(random.i64(0..20_000));
                json!({
                    "key": format!("tt{index:07}"),
                    "name": full_name(random),
                    "id_number": format!("000{:09}", 100_000_000 + index),
                    "birth_date": born.format("%Y-%m-%d").to_string(),
                    "document": format!("gt{index:07}"),
                    "sha": sha,
                    "size": bytes.len(),
                })
            })
            .collect();
        people.extend(rows.iter().map(|row| Person {
            key: row["key"].as_str().unwrap_or_default().to_string(),
            document: row["document"].as_str().unwrap_or_default().to_string(),
        }));
        db.query(
            "FOR $p IN $rows {
                 CREATE type::record('person', $p.key) CONTENT {
                     issuer: $issuer, subject: $p.key, kind: 'citizen', full_name: $p.name,
                     id_number: $p.id_number, birth_date: $p.birth_date, assurance_level: 2,
                     last_sign_in_at: time::now()
                 };
                 CREATE type::record('document', $p.document) CONTENT {
                     owner: type::record('person', $p.key), kind: 'giay-to-tuy-than',
                     title: 'Căn cước (bản chụp)', sha256: $p.sha, size: $p.size, media_type: 'pdf',
                     uploaded_by: type::record('person', $p.key), in_store: true
                 };
             }",
        )
        .bind(("rows", rows))
        .bind(("issuer", ISSUER))
        .await
        .and_then(|response| response.check())
        .map_err(|error| format!("accounts: {error}"))?;
    }
    Ok(people)
}

/// Where a dossier submitted `age` days ago stands today.
fn status(random: &mut fastrand::Rng, age: i64) -> &'static str {
    let roll = random.u32(..100);
    match age {
        0..=1 => {
            if roll < 60 {
                "submitted"
            } else {
                "received"
            }
        }
        2..=30 => match roll {
            0..=4 => "supplement_requested",
            5..=6 => "refused",
            7..=56 => "received",
            57..=66 => "result_ready",
            _ => "returned",
        },
        _ => match roll {
            0..=2 => "supplement_requested",
            3..=6 => "refused",
            _ => "returned",
        },
    }
}

fn at(day: NaiveDate, seconds: i64) -> DateTime<Utc> {
    // Working hours in Vietnam (UTC+7): 07:30 to 17:00 is 00:30 to 10:00 UTC.
    Utc.from_utc_datetime(&day.and_hms_opt(0, 30, 0).unwrap_or_default()) + Duration::seconds(seconds)
}

fn dossier(
    random: &mut fastrand::Rng,
    index: usize,
    procedures: &[Procedure],
    person: &Person,
    today: NaiveDate,
    sequences: &mut BTreeMap<(String, String), u64>,
) -> Json {
    let procedure = &procedures[random.usize(..procedures.len())];
    let (agency, prefix) = &procedure.agencies[random.usize(..procedure.agencies.len())];
    let age = random.i64(0..SPAN_DAYS);
    let day = today - Duration::days(age);
    let now = Utc::now();
    let submitted = at(day, random.i64(0..34_200)).min(now - Duration::minutes(10));
    let day_code = day.format("%y%m%d").to_string();
    let sequence = sequences.entry((prefix.clone(), day_code.clone())).or_insert(0);
    *sequence += 1;
    let code = app::dossier::code::format_code(prefix, day, *sequence);
    let secret: String = (0..app::dossier::code::SECRET_LENGTH)
        .map(|_| {
            let alphabet = app::dossier::code::SECRET_ALPHABET.as_bytes();
            char::from(alphabet[random.usize(..alphabet.len())])
        })
        .collect();
    let channel = match random.u32(..100) {
        0..=64 => "online",
        65..=94 => "desk",
        _ => "postal",
    };
    let status = status(random, age);

    let mut row = Map::new();
    let mut set = |name: &str, value: Json| {
        row.insert(name.to_string(), value);
    };
    set("key", json!(format!("ht{index:08}")));
    set("procedure", json!(procedure.code));
    set("procedure_name", json!(procedure.name));
    set("applicant", json!(person.key));
    set("document", json!(person.document));
    set("agency", json!(agency));
    set("channel", json!(channel));
    set("status", json!(status));
    set("code", json!(code));
    set("secret", json!(secret));
    set("submitted_at", json!(submitted.to_rfc3339()));

    let applicant = format!("person:{}", person.key);
    let mut events = vec![json!({ "status": "submitted", "at": submitted.to_rfc3339(), "actor": applicant })];
    let mut updated = submitted;
    let received = (submitted + Duration::minutes(random.i64(5..600))).min(now);
    let due = day + Duration::days(random.i64(5..25));
    match status {
        "submitted" => {}
        "supplement_requested" | "refused" => {
            events.push(json!({ "status": status, "at": received.to_rfc3339(), "actor": "officer:tai-tao", "note": "Thiếu giấy tờ theo quy định" }));
            set("desk_note", json!("Thiếu giấy tờ theo quy định"));
            updated = received;
        }
        _ => {
            set("received_at", json!(received.to_rfc3339()));
            set("due_on", json!(due.format("%Y-%m-%d").to_string()));
            set(
                "workflow",
                json!(serde_json::to_string(&app::processing::Workflow::standard()).unwrap_or_default()),
            );
            events.push(
                json!({ "status": "received", "at": received.to_rfc3339(), "actor": "officer:tai-tao" }),
            );
            updated = received;
            let workflow = app::processing::Workflow::standard();
            let step = match status {
                "received" => random.usize(..2),
                _ => workflow.return_step(),
            };
            if let Some(current) = workflow.step(step) {
                set("step", json!(step));
                set("step_role", json!(current.role.as_stored()));
                set("step_name", json!(current.name));
            }
            if status == "returned" {
                let lateness = match random.u32(..100) {
                    0..=19 => -random.i64(1..4),
                    20..=91 => 0,
                    _ => random.i64(1..6),
                };
                let returned_on = (due + Duration::days(lateness)).min(today);
                let returned = at(returned_on, random.i64(0..34_200)).min(now).max(received);
                let outcome = app::processing::Outcome::of(returned_on, due);
                set("returned_at", json!(returned.to_rfc3339()));
                set("outcome", json!(outcome.stored()));
                set("delivery", json!(["online", "desk", "post"][random.usize(..3)]));
                events.push(
                    json!({ "status": "returned", "at": returned.to_rfc3339(), "actor": "officer:tai-tao" }),
                );
                updated = returned;
            }
        }
    }
    set("updated_at", json!(updated.to_rfc3339()));
    set("events", Json::Array(events));
    Json::Object(row)
}

async fn insert_dossiers(db: &Db, rows: Vec<Json>) -> Result<(), String> {
    db.query(
        "FOR $r IN $rows {
             LET $dossier = type::record('dossier', $r.key);
             CREATE $dossier CONTENT {
                 procedure: $r.procedure, procedure_name: $r.procedure_name,
                 applicant: type::record('person', $r.applicant), agency: type::record('agency', $r.agency),
                 channel: $r.channel, status: $r.status, answers: '{}', problems: '{}',
                 code: $r.code, tracking_secret: $r.secret,
                 created_at: <datetime> $r.submitted_at, updated_at: <datetime> $r.updated_at,
                 submitted_at: <datetime> $r.submitted_at,
                 received_at: IF $r.received_at { <datetime> $r.received_at } ELSE { NONE },
                 due_on: $r.due_on, desk_note: $r.desk_note, workflow: $r.workflow,
                 step: $r.step, step_role: $r.step_role, step_name: $r.step_name,
                 returned_at: IF $r.returned_at { <datetime> $r.returned_at } ELSE { NONE },
                 outcome: $r.outcome, delivery: $r.delivery
             };
             CREATE type::record('dossier_code', $r.code) SET dossier = $dossier;
             CREATE attachment SET dossier = $dossier, slot = 'giay_to_tuy_than',
                 document = type::record('document', $r.document);
             FOR $e IN $r.events {
                 CREATE dossier_event SET dossier = $dossier, at = <datetime> $e.at, status = $e.status,
                     note = $e.note, actor = $e.actor;
             };
         }",
    )
    .bind(("rows", rows))
    .await
    .and_then(|response| response.check())
    .map_err(|error| format!("dossiers: {error}"))?;
    Ok(())
}

/// The last number used per prefix and day, so that live submissions
/// continue after the generated ones.
async fn store_sequences(db: &Db, sequences: &BTreeMap<(String, String), u64>) -> Result<(), String> {
    let rows: Vec<Json> = sequences
        .iter()
        .map(|((prefix, day), last)| json!({ "prefix": prefix, "day": day, "last": last }))
        .collect();
    for chunk in rows.chunks(BATCH * 4) {
        db.query("FOR $s IN $rows { UPSERT type::record('dossier_sequence', [$s.prefix, $s.day]) SET last = $s.last; }")
            .bind(("rows", chunk.to_vec()))
            .await
            .and_then(|response| response.check())
            .map_err(|error| format!("sequences: {error}"))?;
    }
    Ok(())
}

/// The benchmark officer: desk officer, specialist and leader of Phường
/// Nha Trang, so that their queue shows every kind of waiting dossier.
async fn officer(db: &Db) -> Result<String, String> {
    let roles = [Role::DeskOfficer, Role::Specialist, Role::Leader];
    let issued =
        app::admin::stored::issue_officer(db, "do.tai", "Cán Bộ Đo Tải", NHA_TRANG, &roles, "system")
            .await
            .map_err(|error| error.to_string())?;
    match issued {
        Ok(key) => Ok(format!("officer:{key}")),
        Err(_) => {
            let mut response = db
                .query("SELECT VALUE record::id(id) FROM officer WHERE login = 'do.tai'")
                .await
                .map_err(|error| error.to_string())?;
            let keys: Vec<String> = response.take(0).map_err(|error| error.to_string())?;
            keys.first().map(|key| format!("officer:{key}")).ok_or_else(|| "benchmark officer missing".into())
        }
    }
}

/// The accounts the load signs in as: the benchmark officer, the applicant
/// with many dossiers, and the one whose drafts are submitted.
const LOAD_ACCOUNTS: [(&str, &str); 3] = [
    ("officer.cookie", "officer"),
    ("person.cookie", "person:tt0000000"),
    ("submitter.cookie", "person:tt0000001"),
];

/// `motcua-bench sessions DIR`: fresh sessions for the load's accounts in a
/// generated database (sessions end within a day; the database is kept
/// longer), written to `DIR/bench/*.cookie`.
pub async fn refresh_sessions(dir: &Path) -> ExitCode {
    let refreshed = async {
        let settings = Settings { data: dir.to_path_buf(), ..Settings::default() };
        let db = server::database::open(&settings).await.map_err(|error| error.to_string())?;
        for (file, account) in LOAD_ACCOUNTS {
            let account = if account == "officer" { officer(&db).await? } else { account.to_string() };
            write(&dir.join("bench").join(file), &session(&db, &account).await?)?;
        }
        Ok::<(), String>(())
    };
    match refreshed.await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("motcua-bench sessions: {error}");
            ExitCode::FAILURE
        }
    }
}

/// A session for `account` lasting a day; the Cookie header's value.
async fn session(db: &Db, account: &str) -> Result<String, String> {
    let mut record = Record {
        id: Id::default(),
        data: Default::default(),
        expiry_date: OffsetDateTime::now_utc() + CookieDuration::days(1),
    };
    record.data.insert(ACCOUNT_KEY.into(), json!(account));
    record.data.insert(SIGNED_IN_AT_KEY.into(), json!(now_seconds()));
    SurrealSessionStore::new(db.clone()).create(&mut record).await.map_err(|error| error.to_string())?;
    Ok(format!("motcua_phien={}", record.id))
}

/// Birth registration drafts of the benchmark applicant at Phường Nha Trang.
async fn drafts(db: &Db, person: &str, count: usize) -> Result<Vec<String>, String> {
    let mut keys = Vec::with_capacity(count);
    for _ in 0..count {
        let key =
            app::dossier::stored::create_draft(db, BIRTH, "Đăng ký khai sinh", person, None, Some(NHA_TRANG))
                .await
                .map_err(|error| error.to_string())?;
        keys.push(key);
    }
    Ok(keys)
}
