//! Renders every kind of slip and reads the PDF back with real PDF parsers.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Instant;

use chrono::{NaiveDate, NaiveDateTime};
use lopdf::{Document, Object};
use typst::layout::{Abs, Frame, FrameItem};

use super::pdf::render;
use super::*;

const NAME: &str = "Nguyễn Thị Hồng Nhung";
const PROCEDURE: &str = "Đăng ký khai sinh có yếu tố nước ngoài";
const CODE: &str = "00004-261204-0001";

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
}

fn sample(kind: SlipKind) -> Slip {
    Slip {
        kind,
        authority: "UBND XÃ BA ĐÌNH".into(),
        desk: "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ".into(),
        place: "Ba Đình".into(),
        issued_on: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
        code: CODE.into(),
        applicant: Applicant {
            name: NAME.into(),
            address: "Số 12 phố Đội Cấn, phường Ngọc Hà, Hà Nội".into(),
            phone: "0912 345 678".into(),
            email: "nhung@example.vn".into(),
        },
        procedure: PROCEDURE.into(),
        documents: vec![
            SlipDocument {
                name: "Tờ khai đăng ký khai sinh".into(),
                form: "Bản chính".into(),
                note: String::new(),
            },
            SlipDocument {
                name: "Giấy chứng sinh".into(),
                form: "Bản sao".into(),
                note: "Đối chiếu bản gốc".into(),
            },
        ],
        copies: Some(1),
        processing_time: Some("1 ngày làm việc".into()),
        received_at: Some(at(2026, 12, 4, 8, 5)),
        appointment_at: Some(at(2026, 12, 4, 16, 59)),
        new_appointment_at: Some(at(2026, 12, 9, 10, 30)),
        result_at: "Bộ phận tiếp nhận và trả kết quả".into(),
        fee: "8.000 đồng".into(),
        ledger_book: "03".into(),
        ledger_entry: "127".into(),
        items: vec![SupplementItem {
            item: "Giấy xác nhận nơi cư trú".into(),
            originals: Some(1),
            certified: None,
            photocopies: Some(2),
            reason: "Ảnh chụp bị mờ, không đọc được".into(),
        }],
        reason: Some("Hồ sơ thiếu chữ ký của người đi khai".into()),
        handler: "Công chức Tư pháp - Hộ tịch".into(),
        steps: vec![
            ControlStep {
                from: "Bộ phận một cửa".into(),
                to: "Công chức Tư pháp - Hộ tịch".into(),
                handed_at: at(2026, 12, 4, 8, 30),
                outcome: "Đúng hạn".into(),
                note: String::new(),
            },
            ControlStep {
                from: "Công chức Tư pháp - Hộ tịch".into(),
                to: "Lãnh đạo UBND xã".into(),
                handed_at: at(2026, 12, 4, 14, 15),
                outcome: "Trước hạn".into(),
                note: "Trình ký".into(),
            },
        ],
        contact: Contact {
            website: "dichvucong.example.vn".into(),
            officer: "Trần Văn Đức".into(),
            phone: "024 3823 0000".into(),
            extension: "12".into(),
        },
        officer: "Lê Thị Thu Hà".into(),
        tracking_url: format!("https://motcua.example.vn/tra-cuu?ma={CODE}"),
        ..Slip::default()
    }
}

/// The text of every page, with whitespace collapsed so that line wrapping
/// and the break opportunities inserted into long runs do not matter.
fn text_of(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("pdf-extract reads the PDF");
    normalise(&text)
}

fn lopdf_text_of(pdf: &[u8]) -> String {
    let doc = Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    normalise(&doc.extract_text(&pages).unwrap())
}

fn normalise(text: &str) -> String {
    text.replace('\u{200b}', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_has(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(&normalise(needle)), "missing {needle:?} in:\n{text}");
    }
}

fn page_count(pdf: &[u8]) -> usize {
    Document::load_mem(pdf).unwrap().get_pages().len()
}

fn common(slip: &Slip) -> Vec<&'static str> {
    vec![
        slip.kind.title(),
        CODE,
        NAME,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ba Đình, ngày 04 tháng 12 năm 2026",
        "UBND XÃ BA ĐÌNH",
    ]
}

#[test]
fn receipt_prints_its_fields() {
    let slip = sample(SlipKind::Receipt);
    let text = text_of(&render(&slip).unwrap());
    assert_has(&text, &common(&slip));
    assert_has(
        &text,
        &[
            "Số: ……………………",
            "Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung",
            "Nội dung yêu cầu giải quyết: Đăng ký khai sinh có yếu tố nước ngoài",
            "Tờ khai đăng ký khai sinh",
            "Giấy chứng sinh",
            "Bản chính",
            "Đối chiếu bản gốc",
            "2. Số lượng hồ sơ: 1 (bộ)",
            "3. Thời gian giải quyết hồ sơ theo quy định là: 1 ngày làm việc",
            "4. Thời gian nhận hồ sơ: 08 giờ 05 phút, ngày 04 tháng 12 năm 2026",
            "5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 59 phút, ngày 04 tháng 12 năm 2026",
            "6. Đăng ký nhận kết quả tại: Bộ phận tiếp nhận và trả kết quả",
            "Phí, lệ phí (nếu có): 8.000 đồng",
            "Quyển số: 03 Số thứ tự 127",
            "NGƯỜI NỘP HỒ SƠ",
            "NGƯỜI TIẾP NHẬN HỒ SƠ",
            "Lê Thị Thu Hà",
            "(Liên 1: Lưu / Liên 2: Giao khách hàng)",
        ],
    );
}

#[test]
fn supplement_prints_items_and_reasons() {
    let slip = sample(SlipKind::Supplement);
    let text = text_of(&render(&slip).unwrap());
    assert_has(&text, &common(&slip));
    assert_has(
        &text,
        &[
            "Số: 00004-261204-0001/HDHS",
            "Tiếp nhận hồ sơ/yêu cầu của Ông/Bà: Nguyễn Thị Hồng Nhung",
            PROCEDURE,
            "Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:",
            "Giấy xác nhận nơi cư trú",
            "Lý do: Ảnh chụp bị mờ, không đọc được",
            "Lý do: Hồ sơ thiếu chữ ký của người đi khai",
            "Bản chứng thực",
            "dichvucong.example.vn",
            "công chức Trần Văn Đức, số điện thoại 024 3823 0000 (máy lẻ: 12)",
            "NGƯỜI HƯỚNG DẪN",
            "Lê Thị Thu Hà",
        ],
    );
}

#[test]
fn refusal_prints_the_reason() {
    let slip = sample(SlipKind::Refusal);
    let text = text_of(&render(&slip).unwrap());
    assert_has(&text, &common(&slip));
    assert_has(
        &text,
        &[
            "Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung",
            "Email: nhung@example.vn",
            PROCEDURE,
            "thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: \
             Hồ sơ thiếu chữ ký của người đi khai",
            "Xin thông báo cho Ông/Bà được biết và thực hiện.",
            "NGƯỜI NỘP HỒ SƠ",
        ],
    );
    assert!(!text.contains("Số:"), "Mẫu 03 has no number");
}

#[test]
fn apology_prints_old_and_new_dates() {
    let slip = sample(SlipKind::Apology);
    let text = text_of(&render(&slip).unwrap());
    assert_has(&text, &common(&slip));
    assert_has(
        &text,
        &[
            "Kính gửi: Nguyễn Thị Hồng Nhung",
            "(Địa chỉ: Số 12 phố Đội Cấn, phường Ngọc Hà, Hà Nội; Số điện thoại: 0912 345 678)",
            "UBND XÃ BA ĐÌNH xin lỗi Ông/Bà",
            PROCEDURE,
            "08 giờ 05 phút, ngày 04 tháng 12 năm 2026",
            "16 giờ 59 phút, ngày 04 tháng 12 năm 2026",
            "vì lý do: Hồ sơ thiếu chữ ký của người đi khai",
            "hẹn lại thời gian trả kết quả là 10 giờ 30 phút, ngày 09 tháng 12 năm 2026",
        ],
    );
}

#[test]
fn control_prints_the_steps() {
    let slip = sample(SlipKind::Control);
    let text = text_of(&render(&slip).unwrap());
    assert_has(&text, &common(&slip));
    assert_has(
        &text,
        &[
            "Chủ hồ sơ ông (bà): Nguyễn Thị Hồng Nhung",
            "Loại thủ tục: Đăng ký khai sinh có yếu tố nước ngoài",
            "Thời gian nhận hồ sơ: 08 giờ 05 phút, ngày 04 tháng 12 năm 2026",
            "Cơ quan (bộ phận) giải quyết hồ sơ: Công chức Tư pháp - Hộ tịch",
            "TÊN CƠ QUAN",
            "THỜI GIAN GIAO, NHẬN HỒ SƠ",
            "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)",
            "GHI CHÚ",
            "Giao: Bộ phận một cửa",
            "Nhận: Lãnh đạo UBND xã",
            "08 giờ 30 phút, ngày 04 tháng 12 năm 2026",
            "14 giờ 15 phút, ngày 04 tháng 12 năm 2026",
            "Đúng hạn",
            "Trước hạn",
            "Trình ký",
        ],
    );
}

#[test]
fn lopdf_reads_the_same_vietnamese_text() {
    let slip = sample(SlipKind::Receipt);
    let text = lopdf_text_of(&render(&slip).unwrap());
    assert_has(&text, &[slip.kind.title(), CODE, NAME, PROCEDURE]);
}

#[test]
fn hostile_text_prints_literally() {
    let hostile = r#"#panic("x") $x$ *bold* _it_ ] [ \ "q" `raw` <lbl> @ref // no comment"#;
    for kind in SlipKind::ALL {
        let mut slip = sample(kind);
        slip.applicant.name = hostile.into();
        slip.reason = Some(hostile.into());
        slip.procedure = format!("{hostile} #let x = 1");
        slip.documents[0].name = hostile.into();
        slip.items[0].item = hostile.into();
        slip.steps[0].note = hostile.into();
        slip.officer = hostile.into();
        slip.place = format!("{hostile};");
        slip.desk = "#set text(red); ]".into();
        slip.code = r#"#"code""#.into();
        let text = text_of(&render(&slip).unwrap());
        assert_has(&text, &[hostile, "#let x = 1", "#SET TEXT(RED); ]", r#"#"code""#]);
    }
}

#[test]
fn fonts_are_embedded() {
    let pdf = render(&sample(SlipKind::Receipt)).unwrap();
    let doc = Document::load_mem(&pdf).unwrap();
    let mut descriptors = 0;
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        match dict.get(b"Type").and_then(Object::as_name) {
            Ok(b"FontDescriptor") => {
                descriptors += 1;
                assert!(dict.has(b"FontFile2") || dict.has(b"FontFile3"), "font not embedded: {dict:?}");
                let name = dict.get(b"FontName").and_then(Object::as_name).unwrap();
                assert!(String::from_utf8_lossy(name).contains("LiberationSerif"));
            }
            Ok(b"Font") => {
                let subtype = dict.get(b"Subtype").and_then(Object::as_name).unwrap();
                assert_ne!(subtype, b"Type1", "a non-embedded standard font is used");
            }
            _ => {}
        }
    }
    assert!(descriptors >= 2, "expected regular and bold fonts");
}

/// The QR code arrives as SVG, which Typst draws as vector paths in the page
/// content (one subpath per run of dark modules) rather than as an image.
#[test]
fn qr_code_is_drawn() {
    let subpaths = |slip: &Slip| {
        let pdf = render(slip).unwrap();
        let doc = Document::load_mem(&pdf).unwrap();
        let page = *doc.get_pages().get(&1).unwrap();
        let content = doc.get_page_content(page);
        String::from_utf8_lossy(&content).lines().filter(|line| line.ends_with(" m")).count()
    };
    let slip = sample(SlipKind::Control);
    let with_qr = subpaths(&slip);
    assert!(with_qr > 100, "only {with_qr} subpaths on the page");
    let longer =
        Slip { tracking_url: format!("{}&lien=2&ban=giay-tiep-nhan", slip.tracking_url), ..slip.clone() };
    assert_ne!(subpaths(&longer), with_qr, "the drawing should follow the encoded address");
}

/// Rasterises the first page at roughly a phone photo's resolution and reads
/// the QR code back, so the code is known to scan, not just to be drawn.
fn scan_qr(slip: &Slip, pixel_per_pt: f32) -> Vec<String> {
    let document = super::pdf::layout(slip).unwrap();
    let pixmap = typst_render::render(&document.pages[0], pixel_per_pt);
    let (width, height) = (pixmap.width() as usize, pixmap.height() as usize);
    let rgba = pixmap.data();
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        let i = 4 * (y * width + x);
        let [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]].map(u16::from);
        ((r * 3 + g * 6 + b) / 10) as u8
    });
    image.detect_grids().iter().map(|grid| grid.decode().unwrap().1).collect()
}

#[test]
fn qr_code_scans_to_the_tracking_address() {
    let slip = sample(SlipKind::Receipt);
    assert_eq!(scan_qr(&slip, 1.5), [slip.tracking_url.as_str()]);
    let bare = Slip { tracking_url: String::new(), ..sample(SlipKind::Refusal) };
    assert_eq!(scan_qr(&bare, 1.5), [CODE]);
}

#[test]
fn sixty_documents_flow_onto_more_pages() {
    let mut slip = sample(SlipKind::Receipt);
    slip.documents = (1..=60)
        .map(|i| SlipDocument {
            name: format!("Giấy tờ số {i} kèm theo hồ sơ"),
            form: "Bản sao".into(),
            note: String::new(),
        })
        .collect();
    let pdf = render(&slip).unwrap();
    assert!(page_count(&pdf) > 1);
    let text = text_of(&pdf);
    assert_has(&text, &["Giấy tờ số 1 kèm", "Giấy tờ số 60 kèm", "NGƯỜI TIẾP NHẬN HỒ SƠ"]);
}

#[test]
fn long_values_wrap_instead_of_failing() {
    let long_name = "Nguyễn Thị Hồng Nhung ".repeat(23);
    let no_spaces = "Ư".repeat(500);
    for kind in SlipKind::ALL {
        let mut slip = sample(kind);
        slip.applicant.name = long_name.clone();
        slip.applicant.address = no_spaces.clone();
        slip.reason = Some("Lý do rất dài. ".repeat(40));
        slip.documents[0].name = no_spaces.clone();
        slip.items[0].item = no_spaces.clone();
        slip.steps[0].from = no_spaces.clone();
        let text = text_of(&render(&slip).unwrap());
        assert_has(&text, &[long_name.trim()]);
        let unspaced: String = text.split_whitespace().collect();
        assert!(unspaced.contains(&no_spaces), "the unbroken run was cut");
    }
}

/// How far a frame's text runs past that frame's own right edge, in points.
/// Paragraph lines and table cells are frames, so text that overflows its
/// column or the page shows up here.
fn worst_overflow(frame: &Frame) -> f64 {
    frame
        .items()
        .map(|(pos, item)| match item {
            FrameItem::Text(text) => (pos.x + text.width() - frame.width()).to_pt(),
            FrameItem::Group(group) => worst_overflow(&group.frame),
            _ => 0.0,
        })
        .fold(0.0, f64::max)
}

fn rightmost_text(frame: &Frame, x: Abs) -> Abs {
    frame
        .items()
        .map(|(pos, item)| match item {
            FrameItem::Text(text) => x + pos.x + text.width(),
            FrameItem::Group(group) => rightmost_text(&group.frame, x + pos.x + group.transform.tx),
            _ => Abs::zero(),
        })
        .fold(Abs::zero(), Abs::max)
}

#[test]
fn nothing_runs_past_its_column_or_the_margin() {
    let unbroken = "Ư".repeat(500);
    for kind in SlipKind::ALL {
        let mut slip = sample(kind);
        slip.applicant.address = unbroken.clone();
        slip.applicant.email = "nguyen.thi.hong.nhung.hop.thu.rat.dai@example-long-domain.vn".into();
        slip.authority = "SỞ TƯ PHÁP TỈNH ".repeat(6);
        slip.documents[0].note = "x".repeat(80);
        slip.items[0].item = unbroken.clone();
        slip.steps[0].from = unbroken.clone();
        slip.steps[0].note = "y".repeat(80);
        let document = super::pdf::layout(&slip).unwrap();
        for page in &document.pages {
            let overflow = worst_overflow(&page.frame);
            assert!(overflow < 0.5, "{kind:?}: text overflows by {overflow}pt");
            let margin = page.frame.width() - Abs::cm(1.5);
            let right = rightmost_text(&page.frame, Abs::zero());
            assert!(right <= margin + Abs::pt(0.5), "{kind:?}: text reaches {right:?}");
        }
    }
}

#[test]
fn an_empty_slip_prints_blanks() {
    for kind in SlipKind::ALL {
        let slip = Slip { kind, ..Slip::default() };
        let text = text_of(&render(&slip).unwrap());
        assert_has(&text, &[kind.title(), BLANK]);
    }
    let text = text_of(&render(&Slip::default()).unwrap());
    assert_has(&text, &["4. Thời gian nhận hồ sơ: … giờ … phút, ngày … tháng … năm …"]);
}

#[test]
fn rendering_is_deterministic() {
    let slip = sample(SlipKind::Control);
    assert_eq!(render(&slip).unwrap(), render(&slip).unwrap());
}

#[test]
fn a_receipt_renders_quickly_once_warm() {
    let slip = sample(SlipKind::Receipt);
    render(&slip).unwrap();
    let runs = 5;
    let start = Instant::now();
    for i in 0..runs {
        let mut slip = slip.clone();
        slip.code = format!("00004-261204-{i:04}");
        render(&slip).unwrap();
    }
    let each = start.elapsed() / runs;
    println!("Mẫu 01 render after warm-up: {each:?} per slip (this build's profile)");
}

#[test]
fn vietnamese_dates() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(date_vn(d(2026, 12, 4)), "ngày 04 tháng 12 năm 2026");
    assert_eq!(date_vn(d(2026, 2, 15)), "ngày 15 tháng 02 năm 2026");
    assert_eq!(date_vn(d(2026, 3, 9)), "ngày 09 tháng 3 năm 2026");
    assert_eq!(datetime_vn(at(2026, 12, 4, 16, 59)), "16 giờ 59 phút, ngày 04 tháng 12 năm 2026");
    assert_eq!(datetime_vn(at(2026, 1, 10, 7, 3)), "07 giờ 03 phút, ngày 10 tháng 01 năm 2026");
    assert_eq!(datetime_vn_or_blank(None), "… giờ … phút, ngày … tháng … năm …");
    assert_eq!(place_date_line("", d(2026, 12, 4)), format!("{BLANK}, ngày 04 tháng 12 năm 2026"));
}

#[test]
fn kinds_round_trip_through_slugs_and_serde() {
    for kind in SlipKind::ALL {
        assert_eq!(SlipKind::from_slug(kind.slug()), Some(kind));
    }
    assert_eq!(SlipKind::from_slug("khac"), None);
    let numbers: Vec<_> = SlipKind::ALL.iter().map(|k| k.number()).collect();
    assert_eq!(numbers, ["01", "02", "03", "04", "05"]);
    let slip = sample(SlipKind::Control);
    let json = serde_json::to_string(&slip).unwrap();
    assert_eq!(serde_json::from_str::<Slip>(&json).unwrap(), slip);
}
