//! Benchmarks that run inside one process, against the real national data
//! in an in-memory database. `scripts/bench` runs this and the HTTP load
//! tests and prints every figure; nothing here asserts a target.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use app::procedure::queries;
use app::procedure::query::SearchQuery;
use server::import::{self, Dataset};

mod generate;

/// What visitors type: with and without diacritics, short and long,
/// common words and rare ones.
const QUERIES: [&str; 50] = [
    "dang ky ket hon",
    "đăng ký khai sinh",
    "khai sinh",
    "khai tu",
    "tạm trú",
    "dang ky thuong tru",
    "xoa dang ky thuong tru",
    "giay phep xay dung",
    "cấp giấy phép xây dựng nhà ở riêng lẻ",
    "ho chieu",
    "cấp hộ chiếu phổ thông",
    "chung thuc ban sao",
    "thành lập doanh nghiệp tư nhân",
    "dang ky doanh nghiep",
    "giay chung nhan quyen su dung dat",
    "chuyển nhượng quyền sử dụng đất",
    "tach thua",
    "thế chấp quyền sử dụng đất",
    "cap doi so do",
    "nhận cha mẹ con",
    "thay doi cai chinh ho tich",
    "trich luc ho tich",
    "xac nhan tinh trang hon nhan",
    "giám hộ",
    "nuoi con nuoi",
    "nguoi co cong",
    "tro cap",
    "bao hiem that nghiep",
    "giay phep lao dong nguoi nuoc ngoai",
    "ly lich tu phap",
    "cấp phép khai thác khoáng sản",
    "đăng ký hộ kinh doanh",
    "hop tac xa",
    "phòng cháy chữa cháy",
    "dang kiem",
    "giay phep lai xe",
    "đăng ký xe",
    "kinh doanh van tai",
    "an toan thuc pham",
    "giấy chứng nhận đủ điều kiện",
    "thu y",
    "giay phep moi truong",
    "đánh giá tác động môi trường",
    "cong nhan",
    "thủ tục",
    "cap lai",
    "quoc tich",
    "ton giao",
    "giay phep ban le ruou",
    "xuat nhap canh",
];

/// `motcua-bench search [ROUNDS]` times catalogue searches;
/// `motcua-bench paths DIR` writes the URL lists the HTTP load tests cycle
/// through; `motcua-bench generate DIR` fills a database with synthetic load.
#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seed = std::env::var("MOTCUA_SEED").map(PathBuf::from).unwrap_or_else(|_| PathBuf::from("data"));

    match args.first().map(String::as_str) {
        Some("search") => {
            let rounds = args.get(1).and_then(|value| value.parse().ok()).unwrap_or(20);
            search(&seed, rounds).await
        }
        Some("paths") if args.len() == 2 => paths(&seed, &PathBuf::from(&args[1])),
        Some("generate") if args.len() >= 2 => {
            let number = |index: usize, default: usize| {
                args.get(index).and_then(|value| value.replace('_', "").parse().ok()).unwrap_or(default)
            };
            let scale = generate::Scale { dossiers: number(2, 1_000_000), accounts: number(3, 200_000) };
            generate::run(&PathBuf::from(&args[1]), &seed, scale).await
        }
        Some("sessions") if args.len() == 2 => generate::refresh_sessions(&PathBuf::from(&args[1])).await,
        Some("submissions") if args.len() == 3 => {
            let count = args[2].parse().unwrap_or(100);
            generate::prepare_submissions(&PathBuf::from(&args[1]), &seed, count).await
        }
        Some("forms") => {
            let rounds = args.get(1).and_then(|value| value.parse().ok()).unwrap_or(200);
            forms(rounds)
        }
        _ => {
            eprintln!(
                "usage: motcua-bench search [ROUNDS] | motcua-bench forms [ROUNDS] | motcua-bench paths DIR\n       motcua-bench generate DIR [DOSSIERS] [ACCOUNTS] | motcua-bench submissions DIR COUNT\n       motcua-bench sessions DIR"
            );
            ExitCode::from(2)
        }
    }
}

/// Writes `procedures.txt` (every detailed procedure's page) and
/// `searches.txt` (the search page for each query) into `dir`.
fn paths(seed: &std::path::Path, dir: &std::path::Path) -> ExitCode {
    let procedures = std::fs::read_to_string(seed.join(import::PROCEDURES_FILE))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|document| document.get("procedures").and_then(|list| list.as_array()).cloned())
        .unwrap_or_default();
    let procedure_paths: Vec<String> = procedures
        .iter()
        .filter_map(|procedure| procedure.get("code")?.as_str().map(|code| format!("/thu-tuc/{code}")))
        .collect();
    let search_paths: Vec<String> = QUERIES
        .iter()
        .map(|text| SearchQuery { text: text.to_string(), page: 1, ..SearchQuery::default() }.to_url())
        .collect();

    let written = std::fs::write(dir.join("procedures.txt"), procedure_paths.join("\n") + "\n")
        .and_then(|()| std::fs::write(dir.join("searches.txt"), search_paths.join("\n") + "\n"));
    match written {
        Ok(()) if !procedure_paths.is_empty() => ExitCode::SUCCESS,
        Ok(()) => {
            eprintln!("motcua-bench: no procedures found in {}", seed.display());
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("motcua-bench: cannot write to {}: {error}", dir.display());
            ExitCode::FAILURE
        }
    }
}

async fn search(seed: &std::path::Path, rounds: usize) -> ExitCode {
    let db = match server::database::open_in_memory().await {
        Ok(db) => db,
        Err(error) => {
            eprintln!("motcua-bench: {error}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let report = import::import(&db, seed, &Dataset::ALL).await;
    println!(
        "import into memory: {} records in {:.1} s ({} skipped)",
        report.written(),
        started.elapsed().as_secs_f64(),
        report.skipped()
    );
    let settings = server::config::Settings::default();
    let province = match server::serve::province(&db, &settings.province).await {
        Ok(province) => province,
        Err(error) => {
            eprintln!("motcua-bench: {error}");
            return ExitCode::FAILURE;
        }
    };
    let scope = app::server::CatalogueScope { province_code: province.code };

    let mut timings = Vec::with_capacity(QUERIES.len() * rounds);
    let mut matches = Vec::with_capacity(QUERIES.len());
    for round in 0..=rounds {
        for text in QUERIES {
            let query = SearchQuery { text: text.to_string(), page: 1, ..SearchQuery::default() };
            let started = Instant::now();
            let results = queries::search(&db, &scope, &query).await;
            let elapsed = started.elapsed();
            match results {
                // Round 0 warms the caches and is not counted.
                Ok(results) if round == 0 => matches.push((text, results.total)),
                Ok(_) => timings.push(elapsed),
                Err(error) => {
                    eprintln!("motcua-bench: search {text:?} failed: {error:?}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }

    timings.sort();
    println!(
        "catalogue search, in process ({} queries x {rounds} rounds, page of 20 + total count): p50 {} p90 {} p99 {} max {}",
        QUERIES.len(),
        millis(percentile(&timings, 50.0)),
        millis(percentile(&timings, 90.0)),
        millis(percentile(&timings, 99.0)),
        millis(timings.last().copied().unwrap_or_default()),
    );
    matches.sort_by_key(|(_, total)| std::cmp::Reverse(*total));
    let broadest: Vec<String> =
        matches.iter().take(3).map(|(text, total)| format!("{text:?} {total}")).collect();
    let empty = matches.iter().filter(|(_, total)| *total == 0).count();
    println!("  broadest queries: {}; queries with no match: {empty}", broadest.join(", "));
    ExitCode::SUCCESS
}

/// Times the server's check of a 300-field form (the browser runs the same
/// function per field as the applicant types): every answer right, and
/// every answer wrong.
fn forms(rounds: usize) -> ExitCode {
    use app::eform::answers::{part_path, row_path};
    use app::eform::schema::{Choice, FormOrigin, Group};
    use app::eform::{Answers, Field, FieldKind, Form, Item, Section, Today, check_form};

    let kinds = [
        (FieldKind::ShortText { max_length: Some(100) }, "Nguyễn Văn An", "x".repeat(150)),
        (FieldKind::LongText { max_length: Some(2000) }, "Đề nghị cấp giấy", "y".repeat(2100)),
        (FieldKind::Number { min: Some(0.0), max: Some(1e9), integer: true }, "1.500.000", "abc".to_string()),
        (FieldKind::Date { past_only: true }, "1990-01-15", "31/02/2026".to_string()),
        (FieldKind::IdNumber, "056190000123", "12345".to_string()),
        (FieldKind::Phone, "0912 345 678", "0112".to_string()),
        (FieldKind::Email, "an@example.vn", "an@".to_string()),
        (
            FieldKind::Select { choices: vec![Choice { value: "a".into(), label: "A".into() }] },
            "a",
            "z".to_string(),
        ),
    ];
    let field = |id: String, index: usize| Field {
        id,
        label: format!("Câu hỏi {index}"),
        kind: kinds[index % kinds.len()].0.clone(),
        required: true,
        help: None,
        show_when: None,
        prefill: None,
    };

    // 250 fields in 10 sections, plus a group of 5 fields with 10 rows.
    let sections: Vec<Section> = (0..10)
        .map(|section| Section {
            id: format!("phan_{section}"),
            title: format!("Phần {section}"),
            help: None,
            show_when: None,
            items: (0..25).map(|index| Item::Field(field(format!("cau_{section}_{index}"), index))).collect(),
        })
        .chain(std::iter::once(Section {
            id: "nhom".into(),
            title: "Nhóm".into(),
            help: None,
            show_when: None,
            items: vec![Item::Group(Group {
                id: "dong".into(),
                label: "Dòng".into(),
                help: None,
                show_when: None,
                fields: (0..5).map(|index| field(format!("o_{index}"), index)).collect(),
                min_rows: 10,
                max_rows: 10,
            })],
        }))
        .collect();
    let form = Form {
        procedure: "bench".into(),
        title: "300 trường".into(),
        origin: FormOrigin::Generated,
        sections,
    };

    let fill = |right: bool| {
        let mut answers = Answers::default();
        for section in &form.sections[..10] {
            for (index, item) in section.items.iter().enumerate() {
                if let Item::Field(field) = item {
                    let (_, good, bad) = &kinds[index % kinds.len()];
                    answers.set(field.id.clone(), if right { good.to_string() } else { bad.clone() });
                }
            }
        }
        for row in 0..10 {
            for index in 0..5 {
                let (_, good, bad) = &kinds[index % kinds.len()];
                answers.set(
                    row_path("dong", row, &format!("o_{index}")),
                    if right { good.to_string() } else { bad.clone() },
                );
            }
        }
        answers.set(part_path("unused", "tinh"), "56");
        answers
    };
    let today = Today(chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default());
    let none = std::collections::BTreeSet::new();

    for (name, answers) in [("all right", fill(true)), ("all wrong", fill(false))] {
        let mut timings = Vec::with_capacity(rounds);
        let mut problems = 0;
        for _ in 0..rounds {
            let started = Instant::now();
            problems = check_form(&form, &answers, &none, &none, today).len();
            timings.push(started.elapsed());
        }
        timings.sort();
        println!(
            "e-form check, 300 fields, {name} ({problems} problems, {rounds} rounds): p50 {} p99 {} max {}",
            millis(percentile(&timings, 50.0)),
            millis(percentile(&timings, 99.0)),
            millis(timings.last().copied().unwrap_or_default()),
        );
    }
    ExitCode::SUCCESS
}

fn percentile(sorted: &[Duration], percent: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((percent / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn millis(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}
