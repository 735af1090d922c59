//! Renders a [`Slip`] as an A4 PDF with Typst.
//!
//! The Typst template (`slip.typ`) is fixed; the slip's values reach it only
//! as a JSON file that the template loads with `json(...)`. User text is
//! therefore always a Typst string, never markup or code, so a name such as
//! `#panic("x")` prints as written. The fonts are compiled into the binary so
//! that the output does not depend on what the server has installed.
//!
//! Rendering is synchronous and CPU-bound (tens of milliseconds); call it from
//! `spawn_blocking` on an async server.

use std::sync::OnceLock;

use qrcode::QrCode;
use qrcode::render::svg;
use serde::Serialize;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_pdf::PdfOptions;

use super::{SHORT_BLANK, Slip, SlipKind, datetime_vn, datetime_vn_or_blank, or_blank, place_date_line};

/// Why a slip could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum SlipError {
    #[error("the QR code cannot hold the tracking address: {0}")]
    Qr(String),
    #[error("the slip data could not be encoded: {0}")]
    Data(String),
    #[error("the slip template failed: {0}")]
    Template(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

const TEMPLATE: &str = include_str!("slip.typ");

/// Liberation Serif 2.1: metric-compatible with Times New Roman, which
/// official documents use, and it covers Vietnamese. Licence (SIL OFL 1.1)
/// in `fonts/LICENSE-LiberationSerif.txt`.
const FONTS: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// Typst keeps memoised layout results between compilations; dropping those
/// unused for this many renders keeps a long-running server's memory flat.
const CACHE_GENERATIONS: usize = 10;

/// Side length of the QR code's SVG canvas; Typst scales it to the size the
/// template asks for, so this only needs to be comfortably above the module
/// count. The SVG keeps the standard quiet zone so that scanners find the code
/// even when text comes close to it.
const QR_PIXELS: u32 = 256;

/// What every render shares: parsing the fonts and building the standard
/// library costs far more than laying out one slip.
struct Assets {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    data_id: FileId,
    qr_id: FileId,
}

fn assets() -> &'static Assets {
    static ASSETS: OnceLock<Assets> = OnceLock::new();
    ASSETS.get_or_init(|| {
        let fonts: Vec<Font> = FONTS.into_iter().flat_map(|data| Font::iter(Bytes::new(data))).collect();
        let main_id = FileId::new(None, VirtualPath::new("/slip.typ"));
        Assets {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main: Source::new(main_id, TEMPLATE.to_owned()),
            data_id: FileId::new(None, VirtualPath::new("/data.json")),
            qr_id: FileId::new(None, VirtualPath::new("/qr.svg")),
        }
    })
}

/// One render's view of the world: the shared assets plus this slip's files.
struct SlipWorld {
    assets: &'static Assets,
    data: Bytes,
    qr: Bytes,
}

impl World for SlipWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.assets.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.assets.book
    }

    fn main(&self) -> FileId {
        self.assets.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.assets.main.id() { Ok(self.assets.main.clone()) } else { Err(not_found(id)) }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.assets.data_id {
            Ok(self.data.clone())
        } else if id == self.assets.qr_id {
            Ok(self.qr.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.assets.fonts.get(index).cloned()
    }

    /// No date: the template prints the slip's own dates, and output must not
    /// depend on when it was rendered.
    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().as_rooted_path().to_path_buf())
}

/// Renders the slip as a PDF.
pub fn render(slip: &Slip) -> Result<Vec<u8>, SlipError> {
    let document = layout(slip)?;
    typst_pdf::pdf(&document, &PdfOptions::default()).map_err(|errors| SlipError::Pdf(messages(&errors)))
}

/// Lays the slip out into pages; the tests inspect these directly.
pub(super) fn layout(slip: &Slip) -> Result<PagedDocument, SlipError> {
    let data = serde_json::to_vec(&View::new(slip)).map_err(|e| SlipError::Data(e.to_string()))?;
    let world =
        SlipWorld { assets: assets(), data: Bytes::new(data), qr: Bytes::new(qr_svg(slip)?.into_bytes()) };
    let compiled = typst::compile::<PagedDocument>(&world).output;
    typst::comemo::evict(CACHE_GENERATIONS);
    compiled.map_err(|errors| SlipError::Template(messages(&errors)))
}

fn messages(errors: &[SourceDiagnostic]) -> String {
    errors.iter().map(|error| error.message.as_str()).collect::<Vec<_>>().join("; ")
}

/// The QR code as SVG, encoding the tracking address (or the bare code).
fn qr_svg(slip: &Slip) -> Result<String, SlipError> {
    let payload = if slip.tracking_url.trim().is_empty() { &slip.code } else { &slip.tracking_url };
    let code = QrCode::new(payload.as_bytes()).map_err(|e| SlipError::Qr(e.to_string()))?;
    Ok(code.render::<svg::Color<'_>>().min_dimensions(QR_PIXELS, QR_PIXELS).quiet_zone(true).build())
}

/// The slip as the template reads it: every value already formatted as the
/// text to print, so that the template only lays it out.
#[derive(Serialize)]
struct View<'a> {
    kind: &'static str,
    title: &'static str,
    number: String,
    authority: &'a str,
    desk: &'a str,
    place_date: String,
    code: &'a str,
    name: &'a str,
    address: &'a str,
    phone: &'a str,
    email: &'a str,
    procedure: &'a str,
    documents: Vec<[&'a str; 3]>,
    copies: String,
    processing_time: &'a str,
    received_at: String,
    appointment_at: String,
    new_appointment_at: String,
    result_at: &'a str,
    fee: &'a str,
    ledger_book: &'a str,
    ledger_entry: &'a str,
    items: Vec<ItemView<'a>>,
    reason: &'a str,
    handler: &'a str,
    steps: Vec<StepView<'a>>,
    website: &'a str,
    contact_officer: &'a str,
    contact_phone: &'a str,
    contact_extension: &'a str,
    applicant_signature: &'a str,
    officer: &'a str,
}

#[derive(Serialize)]
struct ItemView<'a> {
    item: &'a str,
    originals: String,
    certified: String,
    photocopies: String,
    reason: &'a str,
}

#[derive(Serialize)]
struct StepView<'a> {
    from: &'a str,
    to: &'a str,
    handed_at: String,
    outcome: &'a str,
    note: &'a str,
}

impl<'a> View<'a> {
    fn new(slip: &'a Slip) -> Self {
        let count = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        let number = match slip.kind {
            SlipKind::Supplement if slip.number.trim().is_empty() => format!("{}/HDHS", slip.code),
            _ => or_blank(&slip.number).to_owned(),
        };
        View {
            kind: slip.kind.slug(),
            title: slip.kind.title(),
            number,
            authority: &slip.authority,
            desk: &slip.desk,
            place_date: place_date_line(&slip.place, slip.issued_on),
            code: or_blank(&slip.code),
            name: or_blank(&slip.applicant.name),
            address: or_blank(&slip.applicant.address),
            phone: or_blank(&slip.applicant.phone),
            email: or_blank(&slip.applicant.email),
            procedure: or_blank(&slip.procedure),
            documents: slip
                .documents
                .iter()
                .map(|d| [d.name.as_str(), d.form.as_str(), d.note.as_str()])
                .collect(),
            copies: slip.copies.map_or_else(|| "…".to_owned(), |n| n.to_string()),
            processing_time: match slip.processing_time.as_deref().map(str::trim) {
                Some(time) if !time.is_empty() => time,
                _ => "… ngày làm việc",
            },
            received_at: datetime_vn_or_blank(slip.received_at),
            appointment_at: datetime_vn_or_blank(slip.appointment_at),
            new_appointment_at: datetime_vn_or_blank(slip.new_appointment_at),
            result_at: or_blank(&slip.result_at),
            fee: slip.fee.trim(),
            ledger_book: or_short_blank(&slip.ledger_book),
            ledger_entry: or_short_blank(&slip.ledger_entry),
            items: slip
                .items
                .iter()
                .map(|i| ItemView {
                    item: &i.item,
                    originals: count(i.originals),
                    certified: count(i.certified),
                    photocopies: count(i.photocopies),
                    reason: i.reason.trim(),
                })
                .collect(),
            reason: or_blank(slip.reason.as_deref().unwrap_or_default()),
            handler: or_blank(&slip.handler),
            steps: slip
                .steps
                .iter()
                .map(|s| StepView {
                    from: &s.from,
                    to: &s.to,
                    handed_at: datetime_vn(s.handed_at),
                    outcome: &s.outcome,
                    note: &s.note,
                })
                .collect(),
            website: or_blank(&slip.contact.website),
            contact_officer: or_blank(if slip.contact.officer.trim().is_empty() {
                &slip.officer
            } else {
                &slip.contact.officer
            }),
            contact_phone: or_blank(&slip.contact.phone),
            contact_extension: or_short_blank(&slip.contact.extension),
            applicant_signature: slip.applicant.name.trim(),
            officer: slip.officer.trim(),
        }
    }
}

/// A shorter blank for numbers that sit inside a sentence.
fn or_short_blank(value: &str) -> &str {
    if value.trim().is_empty() { SHORT_BLANK } else { value }
}
