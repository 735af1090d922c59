//! Crash safety of submissions: the server binary is killed with SIGKILL
//! while applicants submit, started again on the same embedded database,
//! and every dossier whose submission was answered is there, whole, with
//! its own code; no code is given twice, also to what is submitted after
//! the restart. A killed process keeps what the kernel already holds, so
//! this shows that nothing answered was only in the server's memory and
//! that no half-made submission survives; surviving a power cut is the
//! engine's `sync=every`, which this does not test.

// A failed step of a test is the test failing: panicking is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/birth.rs"]
mod birth;
#[path = "support/multipart.rs"]
mod multipart;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use multipart::{Part, multipart};
use openidconnect::reqwest;
use server::config::Settings;

const DRAFTS: usize = 150;

/// The server is killed once this many drafts have been sent on top of
/// one per applicant, so that at least this many were answered and each
/// applicant has one on the way.
const KILL_AFTER: usize = 40;

/// Applicants submitting at once.
const WORKERS: usize = 8;

/// A scan of its own for each draft: files are kept by their hash, so
/// shared bytes would let one surviving file stand for all.
fn scan(key: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% giay chung sinh {key}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .into_bytes()
}

fn seed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn serve(data: &Path, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_motcua"))
        .arg("serve")
        .env("MOTCUA_ADDR", format!("127.0.0.1:{port}"))
        .env("MOTCUA_DATA", data)
        .env("MOTCUA_SEED", seed())
        .env("MOTCUA_IMPORT_ON_FIRST_START", "false")
        .env("MOTCUA_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .unwrap()
}

async fn wait_until_up(client: &reqwest::Client, base: &str, server: &mut Child) {
    for _ in 0..600 {
        if let Ok(response) = client.get(format!("{base}/healthz")).send().await
            && response.status().is_success()
        {
            return;
        }
        assert!(server.try_wait().unwrap().is_none(), "the server exited while starting");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not start within a minute");
}

/// Submits one draft; whether the server answered that it was submitted.
async fn submit(
    client: &reqwest::Client,
    base: &str,
    cookie: &str,
    key: &str,
) -> Result<bool, reqwest::Error> {
    let file = scan(key);
    let mut parts: Vec<Part<'_>> = birth::ANSWERS
        .iter()
        .filter(|(name, _)| *name != "f:tre_ho_ten")
        .map(|(name, value)| Part::Text(name, value))
        .collect();
    parts.push(Part::Text("f:tre_ho_ten", "Nguyễn Thị Bền"));
    parts.push(Part::Text("intent", "nop"));
    parts.push(Part::File("tep:giay_chung_sinh", "giay-chung-sinh.pdf", &file));
    let (content_type, body) = multipart(&parts);

    let response = client
        .post(format!("{base}/ho-so/{key}/luu"))
        .header("content-type", content_type)
        .header("cookie", cookie)
        .body(body)
        .send()
        .await?;
    let location =
        response.headers().get("location").and_then(|value| value.to_str().ok()).unwrap_or_default();
    Ok(response.status().is_redirection() && location == format!("/ho-so/{key}"))
}

/// What the load saw of each draft.
#[derive(Default)]
struct Seen {
    answered: Vec<String>,
    /// Sent, but the connection broke before an answer.
    cut: Vec<String>,
}

/// Submits drafts from `next` on with several workers, until the drafts
/// run out or the server stops answering.
async fn load(
    client: &reqwest::Client,
    base: &str,
    cookie: &str,
    drafts: &[String],
    next: Arc<AtomicUsize>,
) -> Seen {
    let mut tasks = Vec::new();
    for _ in 0..WORKERS {
        let (client, base, cookie, drafts, next) =
            (client.clone(), base.to_string(), cookie.to_string(), drafts.to_vec(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut seen = Seen::default();
            loop {
                let index = next.fetch_add(1, Ordering::SeqCst);
                let Some(key) = drafts.get(index) else { break };
                match submit(&client, &base, &cookie, key).await {
                    Ok(true) => seen.answered.push(key.clone()),
                    Ok(false) => panic!("the submission of {key} was refused"),
                    Err(_) => {
                        seen.cut.push(key.clone());
                        break;
                    }
                }
            }
            seen
        }));
    }
    let mut all = Seen::default();
    for task in tasks {
        let seen = task.await.unwrap();
        all.answered.extend(seen.answered);
        all.cut.extend(seen.cut);
    }
    all
}

#[test]
fn a_killed_server_loses_no_answered_submission_and_gives_no_code_twice() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let data = tempfile::tempdir().unwrap();
        let prepared = Command::new(env!("CARGO_BIN_EXE_motcua-bench"))
            .args(["submissions", &data.path().display().to_string(), &DRAFTS.to_string()])
            .env("MOTCUA_SEED", seed())
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(prepared.success(), "the drafts were prepared");
        let drafts: Vec<String> = std::fs::read_to_string(data.path().join("bench/drafts.txt"))
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        let cookie = std::fs::read_to_string(data.path().join("bench/person.cookie")).unwrap();
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");

        let mut server = serve(data.path(), port);
        wait_until_up(&client, &base, &mut server).await;
        let next = Arc::new(AtomicUsize::new(0));
        let first = tokio::spawn({
            let (client, base, cookie, drafts, next) =
                (client.clone(), base.clone(), cookie.clone(), drafts.clone(), next.clone());
            async move { load(&client, &base, &cookie, &drafts, next).await }
        });
        while next.load(Ordering::SeqCst) < KILL_AFTER + WORKERS {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        server.kill().unwrap();
        server.wait().unwrap();
        let before = first.await.unwrap();
        assert!(before.answered.len() >= KILL_AFTER / 2, "the load ran before the kill");
        assert!(next.load(Ordering::SeqCst) < drafts.len(), "the kill came mid-stream");

        let mut server = serve(data.path(), port);
        wait_until_up(&client, &base, &mut server).await;
        let again = load(&client, &base, &cookie, &before.cut, Arc::new(AtomicUsize::new(0))).await;
        let after = load(&client, &base, &cookie, &drafts, next.clone()).await;
        Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap();
        assert!(server.wait().unwrap().success(), "the restarted server stops cleanly");
        assert!(again.cut.is_empty() && after.cut.is_empty());
        assert_eq!(again.answered.len(), before.cut.len(), "a cut submission can be sent again");

        let settings = Settings { data: data.path().to_path_buf(), ..Settings::default() };
        let db = server::database::open(&settings).await.unwrap();
        let mut codes = BTreeSet::new();
        for key in before.answered.iter().chain(&again.answered).chain(&after.answered) {
            let row = app::dossier::stored::load(&db, key).await.unwrap().unwrap();
            assert_eq!(row.status, "submitted", "{key}");
            let code = row.code.clone().unwrap();
            assert!(codes.insert(code.clone()), "{code} given twice");
            let mut response = db
                .query(
                    "SELECT VALUE record::id(dossier) FROM type::record('dossier_code', $code);
                     SELECT VALUE document.sha256 FROM attachment WHERE dossier = type::record('dossier', $key);
                     SELECT VALUE answers FROM type::record('dossier', $key);",
                )
                .bind(("code", code.clone()))
                .bind(("key", key.clone()))
                .await
                .unwrap();
            let owners: Vec<String> = response.take(0).unwrap();
            let files: Vec<String> = response.take(1).unwrap();
            let answers: Vec<String> = response.take(2).unwrap();
            assert_eq!(owners, vec![key.clone()], "{code} names its dossier");
            assert_eq!(files.len(), 1, "{key} keeps its attachment");
            let stored = data.path().join("uploads/files").join(&files[0][..2]).join(&files[0]);
            assert_eq!(std::fs::read(&stored).unwrap(), scan(key), "{key}'s file is intact");
            assert!(answers[0].contains("Nguyễn Thị Bền"), "{key} keeps its answers");
        }
        let mut response =
            db.query("SELECT VALUE code FROM dossier WHERE status = 'submitted'").await.unwrap();
        let submitted: Vec<String> = response.take(0).unwrap();
        let distinct: BTreeSet<&String> = submitted.iter().collect();
        assert_eq!(distinct.len(), submitted.len(), "no code is shared");
        assert_eq!(submitted.len(), codes.len(), "every submitted dossier was answered");
        assert_eq!(codes.len(), drafts.len(), "every draft ends submitted exactly once");
    });
}
