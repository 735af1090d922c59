//! Where uploaded dossier documents are kept on disk.
//!
//! An upload is streamed to a temporary file under `<root>/incoming/`, hashed
//! and checked as it arrives, and then moved to
//! `<root>/files/<first two hex digits>/<sha256>`. Naming a file by its
//! content means the same document uploaded twice is stored once, and a name
//! can never be chosen by the person uploading. The root is configured by the
//! caller and lies outside the web root, so stored files are only ever served
//! through code that checks who may read them.

use std::io;
use std::path::{Path, PathBuf};

use bytes::Bytes;
use futures::{Stream, StreamExt};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncWriteExt, BufWriter};

/// The unit size limits are stated in to people: one mebibyte, as file
/// managers count it.
pub const MEGABYTE: u64 = 1024 * 1024;

/// Temporary files are written here, so a half-received upload is never
/// mistaken for a stored file.
const INCOMING_DIR: &str = "incoming";

/// Stored files live here, named by their SHA-256.
const FILES_DIR: &str = "files";

/// How many leading bytes are kept for checking the type: a PNG signature and
/// the start of its IHDR chunk up to the width and height.
const HEAD_LEN: usize = 24;

/// How many leading bytes tell the three types apart (a PNG signature is the
/// longest of the three).
const SNIFF_LEN: usize = 8;

/// How many trailing bytes are kept: a PDF must end with `%%EOF` within them.
const TAIL_LEN: usize = 1024;

/// Small chunks are gathered before they reach the disk, so a client sending
/// tiny pieces does not cost one write each.
const WRITE_BUFFER: usize = 64 * 1024;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The whole IEND chunk: zero length, type, and the CRC of the type, which is
/// the same in every PNG.
const PNG_IEND: &[u8] = b"\0\0\0\0IEND\xae\x42\x60\x82";

/// The length and type that must follow the PNG signature.
const PNG_IHDR_START: &[u8] = b"\0\0\0\x0dIHDR";

/// The smallest PNG that can hold a signature, an IHDR chunk and an IEND
/// chunk without one overlapping the other.
const PNG_MIN_LEN: u64 = 8 + 25 + 12;

const JPEG_START: &[u8] = b"\xff\xd8\xff";

const JPEG_END: &[u8] = b"\xff\xd9";

/// A JPEG's start and end markers must not overlap.
const JPEG_MIN_LEN: u64 = 5;

const PDF_START: &[u8] = b"%PDF-";

const PDF_VERSIONS: [&[u8]; 2] = [b"%PDF-1.", b"%PDF-2."];

const PDF_END: &[u8] = b"%%EOF";

/// The kinds of document a dossier may hold. The stored name is stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaType {
    Pdf,
    Jpeg,
    Png,
}

impl MediaType {
    pub const ALL: [MediaType; 3] = [MediaType::Pdf, MediaType::Jpeg, MediaType::Png];

    /// The `Content-Type` to serve the file with.
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
        }
    }

    /// The extension to suggest when the file is downloaded.
    pub fn extension(self) -> &'static str {
        match self {
            MediaType::Pdf => "pdf",
            MediaType::Jpeg => "jpg",
            MediaType::Png => "png",
        }
    }

    /// The name kept in the database; the same as the serde name.
    pub fn stored(self) -> &'static str {
        match self {
            MediaType::Pdf => "pdf",
            MediaType::Jpeg => "jpeg",
            MediaType::Png => "png",
        }
    }

    pub fn from_stored(stored: &str) -> Option<MediaType> {
        MediaType::ALL.into_iter().find(|media_type| media_type.stored() == stored)
    }
}

/// A file that has been received, checked and stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredFile {
    /// The SHA-256 of the content in lowercase hex; also the file's name.
    pub sha256: String,
    pub size: u64,
    pub media_type: MediaType,
}

/// Why an upload was not stored. Each has a sentence for the person uploading;
/// the English text is for the logs.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than the limit of {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("the file is not a PDF, JPEG or PNG")]
    NotAllowed,
    #[error("the file is not a well-formed {}", .media_type.mime())]
    Malformed { media_type: MediaType },
    #[error("the upload was interrupted: {0}")]
    Interrupted(String),
    #[error("the file could not be written: {0}")]
    Io(#[from] io::Error),
}

impl UploadError {
    /// What to tell the person uploading, in Vietnamese.
    pub fn message(&self) -> String {
        match self {
            UploadError::Empty => "Tệp trống, vui lòng chọn lại tệp.".to_string(),
            UploadError::TooLarge { limit } => {
                format!("Tệp vượt quá dung lượng cho phép (tối đa {}).", readable_size(*limit))
            }
            UploadError::NotAllowed => "Chỉ nhận tệp PDF, JPEG hoặc PNG.".to_string(),
            UploadError::Malformed { .. } => {
                "Tệp bị hỏng hoặc không đúng định dạng PDF/JPEG/PNG.".to_string()
            }
            UploadError::Interrupted(_) | UploadError::Io(_) => {
                "Tải tệp lên không thành công, vui lòng thử lại.".to_string()
            }
        }
    }
}

/// A size limit as people read it: whole megabytes when it is one, else one
/// decimal with a Vietnamese decimal comma, and kilobytes under a megabyte.
/// It rounds down, so the limit stated is never more than the real one.
fn readable_size(bytes: u64) -> String {
    if bytes < MEGABYTE {
        return format!("{} KB", bytes / 1024);
    }

    let tenths = u128::from(bytes) * 10 / u128::from(MEGABYTE);
    let (whole, tenth) = (tenths / 10, tenths % 10);

    if tenth == 0 { format!("{whole} MB") } else { format!("{whole},{tenth} MB") }
}

/// The store of uploaded documents under one root directory.
#[derive(Debug, Clone)]
pub struct FileStore {
    root: PathBuf,
    limit: u64,
}

impl FileStore {
    /// A store under `root` that refuses files larger than `limit` bytes.
    /// Nothing is created on disk until the first upload.
    pub fn new(root: impl Into<PathBuf>, limit: u64) -> Self {
        FileStore { root: root.into(), limit }
    }

    /// The largest file accepted, in bytes.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// Streams an upload to disk, checks it and stores it under its SHA-256.
    /// On any error nothing is left on disk, and neither is anything when the
    /// returned future is dropped part-way (the client went away).
    pub async fn receive<S, E>(&self, stream: S) -> Result<StoredFile, UploadError>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let outcome = self.store_stream(stream).await;

        if let Err(error) = &outcome {
            log_rejection(error);
        }

        outcome
    }

    /// The path of a stored file, or None if the hash is not 64 lowercase hex
    /// chars or the file is absent.
    pub fn path_of(&self, sha256: &str) -> Option<PathBuf> {
        if !is_sha256_hex(sha256) {
            return None;
        }

        let path = self.file_path(sha256);
        path.is_file().then_some(path)
    }

    /// Removes a stored file (when no document refers to it any more); missing
    /// is fine. Its directory is left in place, because an upload may be about
    /// to move a file into it.
    pub async fn remove(&self, sha256: &str) -> io::Result<()> {
        if !is_sha256_hex(sha256) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a SHA-256 in lowercase hex"));
        }

        match tokio::fs::remove_file(self.file_path(sha256)).await {
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
            result => result,
        }
    }

    async fn store_stream<S, E>(&self, stream: S) -> Result<StoredFile, UploadError>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let (temporary, file) = TemporaryFile::create(&self.root.join(INCOMING_DIR)).await?;

        let stored = write_checked(file, stream, self.limit).await?;

        let is_new = self.move_into_place(temporary, &stored.sha256).await?;

        tracing::info!(
            sha256 = %stored.sha256,
            size = stored.size,
            media_type = stored.media_type.stored(),
            already_stored = !is_new,
            "file stored"
        );
        Ok(stored)
    }

    /// Moves a received file to its content-addressed place and tells whether
    /// it is new. When the same content is already there, that copy is kept
    /// and the temporary one is deleted as the guard drops.
    async fn move_into_place(&self, temporary: TemporaryFile, sha256: &str) -> io::Result<bool> {
        let target = self.file_path(sha256);

        if tokio::fs::try_exists(&target).await? {
            return Ok(false);
        }

        if let Some(directory) = target.parent() {
            tokio::fs::create_dir_all(directory).await?;
        }

        tokio::fs::rename(&temporary.path, &target).await?;
        temporary.keep();
        Ok(true)
    }

    /// Where a file with this hash is kept. Callers pass a checked hash.
    fn file_path(&self, sha256: &str) -> PathBuf {
        self.root.join(FILES_DIR).join(&sha256[..2]).join(sha256)
    }
}

fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f'))
}

/// Rejections the person can fix are warnings; a failing disk is an error.
fn log_rejection(error: &UploadError) {
    match error {
        UploadError::Io(_) => tracing::error!(reason = %error, "upload failed"),
        _ => tracing::warn!(reason = %error, "upload rejected"),
    }
}

/// Copies the stream into the file while it is counted, checked and hashed,
/// and makes the file durable before it is stored. Each chunk is checked
/// before it is written, so bytes beyond the limit never reach the disk.
async fn write_checked<S, E>(file: File, mut stream: S, limit: u64) -> Result<StoredFile, UploadError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let mut writer = BufWriter::with_capacity(WRITE_BUFFER, file);
    let mut intake = Intake::new(limit);

    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|error| UploadError::Interrupted(error.to_string()))?;
        intake.take(&chunk)?;
        writer.write_all(&chunk).await?;
    }

    let stored = intake.finish()?;

    writer.flush().await?;
    writer.get_ref().sync_all().await?;
    Ok(stored)
}

/// A file under `incoming/` that is deleted when the guard drops, unless it
/// has been moved into place. Dropping covers every way out: an error, a
/// duplicate, and a future cancelled mid-upload, which no explicit cleanup
/// would see.
struct TemporaryFile {
    path: PathBuf,
    kept: bool,
}

impl TemporaryFile {
    /// Creates a new file with a random name, readable only by the server,
    /// since dossier documents hold personal data.
    async fn create(directory: &Path) -> io::Result<(TemporaryFile, File)> {
        tokio::fs::create_dir_all(directory).await?;

        let path = directory.join(random_name()?);
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        options.mode(0o600);
        let file = options.open(&path).await?;

        Ok((TemporaryFile { path, kept: false }, file))
    }

    /// The file has been moved into place: leave it be.
    fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for TemporaryFile {
    /// Drop cannot await, so this removes the file with a blocking call; it
    /// is one quick unlink.
    fn drop(&mut self) {
        if self.kept {
            return;
        }

        if let Err(error) = std::fs::remove_file(&self.path)
            && error.kind() != io::ErrorKind::NotFound
        {
            tracing::error!(path = %self.path.display(), %error, "temporary upload not removed");
        }
    }
}

/// 128 random bits in hex: no two uploads share a temporary name, and none
/// can be guessed.
fn random_name() -> io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(format!("{:032x}", u128::from_be_bytes(bytes)))
}

/// Everything learned about an upload as its chunks go by: its size, its
/// hash, and what its type checks need.
struct Intake {
    limit: u64,
    size: u64,
    hasher: Sha256,
    inspector: Inspector,
}

impl Intake {
    fn new(limit: u64) -> Self {
        Intake { limit, size: 0, hasher: Sha256::new(), inspector: Inspector::default() }
    }

    /// Takes the next chunk, or refuses it when it takes the file over the
    /// limit or shows the file is not of an allowed type.
    fn take(&mut self, chunk: &[u8]) -> Result<(), UploadError> {
        self.size = self.size.saturating_add(chunk.len() as u64);
        if self.size > self.limit {
            return Err(UploadError::TooLarge { limit: self.limit });
        }

        self.inspector.take(chunk)?;

        self.hasher.update(chunk);
        Ok(())
    }

    /// The upload as it will be stored, once the whole file has been seen.
    fn finish(self) -> Result<StoredFile, UploadError> {
        if self.size == 0 {
            return Err(UploadError::Empty);
        }

        let media_type = self.inspector.finish(self.size)?;

        Ok(StoredFile { sha256: format!("{:x}", self.hasher.finalize()), size: self.size, media_type })
    }
}

/// Checks a file's type by its content only: the first bytes tell the type,
/// and the first and last bytes together tell whether it is well formed.
/// Only those bytes are kept, never the whole file.
#[derive(Default)]
struct Inspector {
    head: Vec<u8>,
    tail: Vec<u8>,
    media_type: Option<MediaType>,
}

impl Inspector {
    /// Takes the next chunk; refuses the file as soon as its first bytes are
    /// known not to be PDF, JPEG or PNG, so no more of it is written.
    fn take(&mut self, chunk: &[u8]) -> Result<(), UploadError> {
        self.keep_head(chunk);

        self.keep_tail(chunk);

        if self.media_type.is_none() && self.head.len() >= SNIFF_LEN {
            self.media_type = Some(detect(&self.head).ok_or(UploadError::NotAllowed)?);
        }
        Ok(())
    }

    /// The file's type, once all of it has been seen and it is well formed.
    fn finish(self, size: u64) -> Result<MediaType, UploadError> {
        let media_type = match self.media_type {
            Some(media_type) => media_type,
            None => detect(&self.head).ok_or(UploadError::NotAllowed)?,
        };

        if is_well_formed(media_type, &self.head, &self.tail, size) {
            Ok(media_type)
        } else {
            Err(UploadError::Malformed { media_type })
        }
    }

    fn keep_head(&mut self, chunk: &[u8]) {
        let wanted = HEAD_LEN.saturating_sub(self.head.len()).min(chunk.len());
        self.head.extend_from_slice(&chunk[..wanted]);
    }

    fn keep_tail(&mut self, chunk: &[u8]) {
        if chunk.len() >= TAIL_LEN {
            self.tail.clear();
            self.tail.extend_from_slice(&chunk[chunk.len() - TAIL_LEN..]);
            return;
        }

        let overflow = (self.tail.len() + chunk.len()).saturating_sub(TAIL_LEN);
        self.tail.drain(..overflow);
        self.tail.extend_from_slice(chunk);
    }
}

/// The type a file's first bytes claim. A PDF is recognised by `%PDF-` alone,
/// so one with an unknown version is reported as damaged, not as another type.
fn detect(head: &[u8]) -> Option<MediaType> {
    if head.starts_with(PDF_START) {
        Some(MediaType::Pdf)
    } else if head.starts_with(PNG_SIGNATURE) {
        Some(MediaType::Png)
    } else if head.starts_with(JPEG_START) {
        Some(MediaType::Jpeg)
    } else {
        None
    }
}

/// Whether the file's first and last bytes are those its type requires.
fn is_well_formed(media_type: MediaType, head: &[u8], tail: &[u8], size: u64) -> bool {
    match media_type {
        MediaType::Pdf => is_well_formed_pdf(head, tail),
        MediaType::Png => is_well_formed_png(head, tail, size),
        MediaType::Jpeg => is_well_formed_jpeg(head, tail, size),
    }
}

/// A known version, and an end-of-file marker near the end, where readers
/// look for it first.
fn is_well_formed_pdf(head: &[u8], tail: &[u8]) -> bool {
    let known_version = PDF_VERSIONS.iter().any(|start| head.starts_with(start));
    let has_end = tail.windows(PDF_END.len()).any(|window| window == PDF_END);
    known_version && has_end
}

/// An IHDR chunk first with a picture of some size, and an IEND chunk last.
fn is_well_formed_png(head: &[u8], tail: &[u8], size: u64) -> bool {
    let Some(header) = head.get(SNIFF_LEN..HEAD_LEN) else {
        return false;
    };

    let (chunk_start, dimensions) = header.split_at(PNG_IHDR_START.len());
    let (width, height) = dimensions.split_at(4);
    let has_size = width.iter().any(|&byte| byte != 0) && height.iter().any(|&byte| byte != 0);

    size >= PNG_MIN_LEN && chunk_start == PNG_IHDR_START && has_size && tail.ends_with(PNG_IEND)
}

/// A start-of-image marker first and an end-of-image marker last.
fn is_well_formed_jpeg(head: &[u8], tail: &[u8], size: u64) -> bool {
    size >= JPEG_MIN_LEN && head.starts_with(JPEG_START) && tail.ends_with(JPEG_END)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use std::os::unix::fs::MetadataExt;
    use std::time::Duration;

    use futures::stream;

    use super::*;

    /// A one-page PDF whose cross-reference offsets are right.
    const PDF: &[u8] = b"%PDF-1.4\n\
        1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n\
        2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\nendobj\n\
        3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>\nendobj\n\
        xref\n0 4\n\
        0000000000 65535 f \n\
        0000000009 00000 n \n\
        0000000054 00000 n \n\
        0000000105 00000 n \n\
        trailer\n<</Size 4/Root 1 0 R>>\nstartxref\n168\n%%EOF\n";

    /// A 1x1 8-bit greyscale PNG holding one white pixel, with correct CRCs:
    /// signature, IHDR, IDAT, IEND.
    const PNG: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, // signature
        0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, // IHDR, 13 bytes
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, // width 1, height 1
        0x08, 0x00, 0x00, 0x00, 0x00, 0x3a, 0x7e, 0x9b, 0x55, // depth 8, grey; CRC
        0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, // IDAT, 10 bytes
        0x78, 0xda, 0x63, 0xf8, 0x0f, 0x00, 0x01, 0x01, 0x01, 0x00, // zlib data
        0x1c, 0xb0, 0x8c, 0x99, // CRC
        0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82, // IEND
    ];

    /// Where the IEND chunk starts in `PNG`.
    const PNG_IEND_AT: usize = 55;

    /// A 1x1 greyscale baseline JPEG (one mid-grey pixel): each segment has
    /// the length it declares, and the scan codes one block with DC and AC
    /// tables of a single one-bit code each.
    fn jpeg() -> Vec<u8> {
        let mut jpeg = vec![0xff, 0xd8]; // start of image
        jpeg.extend_from_slice(&[0xff, 0xe0, 0x00, 0x10]); // JFIF header
        jpeg.extend_from_slice(b"JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00");
        jpeg.extend_from_slice(&[0xff, 0xdb, 0x00, 0x43, 0x00]); // quantisation table 0
        jpeg.extend_from_slice(&[1; 64]);
        jpeg.extend_from_slice(&[0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01]); // 1x1, 8-bit
        jpeg.extend_from_slice(&[0x01, 0x01, 0x11, 0x00]); // one component
        for class in [0x00, 0x10] {
            jpeg.extend_from_slice(&[0xff, 0xc4, 0x00, 0x14, class, 0x01]); // DC, then AC table 0
            jpeg.extend_from_slice(&[0; 16]); // one code of one bit, for symbol 0
        }
        jpeg.extend_from_slice(&[0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]); // scan
        jpeg.push(0x3f); // DC difference 0, end of block, padding
        jpeg.extend_from_slice(&[0xff, 0xd9]); // end of image
        jpeg
    }

    fn chunks(content: &[u8], size: usize) -> stream::Iter<std::vec::IntoIter<Result<Bytes, String>>> {
        let pieces: Vec<_> = content.chunks(size).map(|piece| Ok(Bytes::copy_from_slice(piece))).collect();
        stream::iter(pieces)
    }

    fn pieces_at(content: &[u8], cuts: &[usize]) -> stream::Iter<std::vec::IntoIter<Result<Bytes, String>>> {
        let mut pieces = Vec::new();
        let mut start = 0;
        for &cut in cuts.iter().chain([content.len()].iter()) {
            pieces.push(Ok(Bytes::copy_from_slice(&content[start..cut])));
            start = cut;
        }
        stream::iter(pieces)
    }

    fn sha256_hex(content: &[u8]) -> String {
        format!("{:x}", Sha256::digest(content))
    }

    /// Every file under a directory, at any depth.
    fn files_under(directory: &Path) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(directory) else {
            return Vec::new();
        };
        let mut files = Vec::new();
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.extend(files_under(&path));
            } else {
                files.push(path);
            }
        }
        files
    }

    fn assert_nothing_stored(root: &Path) {
        assert_eq!(files_under(&root.join(INCOMING_DIR)), Vec::<PathBuf>::new());
        assert_eq!(files_under(&root.join(FILES_DIR)), Vec::<PathBuf>::new());
    }

    fn store(root: &tempfile::TempDir) -> FileStore {
        FileStore::new(root.path(), 20 * MEGABYTE)
    }

    async fn assert_accepted(content: &[u8], media_type: MediaType) {
        let root = tempfile::tempdir().unwrap();

        let stored = store(&root).receive(chunks(content, 7)).await.unwrap();

        let sha256 = sha256_hex(content);
        assert_eq!(stored, StoredFile { sha256: sha256.clone(), size: content.len() as u64, media_type });
        let path = root.path().join("files").join(&sha256[..2]).join(&sha256);
        assert_eq!(std::fs::read(&path).unwrap(), content);
        assert_eq!(files_under(root.path()), vec![path]);
    }

    async fn rejection(content: &[u8]) -> UploadError {
        let root = tempfile::tempdir().unwrap();

        let error = store(&root).receive(chunks(content, 7)).await.unwrap_err();

        assert_nothing_stored(root.path());
        error
    }

    #[test]
    fn the_pdf_fixture_has_right_offsets() {
        let text = std::str::from_utf8(PDF).unwrap();
        for (offset, object) in [(9, "1 0 obj"), (54, "2 0 obj"), (105, "3 0 obj"), (168, "xref")] {
            assert!(text[offset..].starts_with(object), "{object} at {offset}");
        }
    }

    #[tokio::test]
    async fn a_small_pdf_is_stored() {
        assert_accepted(PDF, MediaType::Pdf).await;
    }

    #[tokio::test]
    async fn a_small_png_is_stored() {
        assert_accepted(PNG, MediaType::Png).await;
    }

    #[tokio::test]
    async fn a_small_jpeg_is_stored() {
        assert_accepted(&jpeg(), MediaType::Jpeg).await;
    }

    #[tokio::test]
    async fn a_png_is_stored_when_its_iend_straddles_chunks() {
        let root = tempfile::tempdir().unwrap();
        let cuts = [3, PNG_IEND_AT + 2, PNG_IEND_AT + 5, PNG_IEND_AT + 11];

        let stored = store(&root).receive(pieces_at(PNG, &cuts)).await.unwrap();

        assert_eq!(stored.media_type, MediaType::Png);
        assert_eq!(stored.sha256, sha256_hex(PNG));
    }

    #[tokio::test]
    async fn a_file_arriving_in_one_chunk_is_stored() {
        let root = tempfile::tempdir().unwrap();

        let stored = store(&root).receive(chunks(PDF, PDF.len())).await.unwrap();

        assert_eq!(stored.size, PDF.len() as u64);
    }

    #[tokio::test]
    async fn the_same_content_twice_is_stored_once() {
        let root = tempfile::tempdir().unwrap();
        let store = store(&root);

        let first = store.receive(chunks(PNG, 7)).await.unwrap();
        let path = store.path_of(&first.sha256).unwrap();
        let inode = std::fs::metadata(&path).unwrap().ino();
        let second = store.receive(chunks(PNG, 5)).await.unwrap();

        assert_eq!(first, second);
        assert_eq!(files_under(root.path()), vec![path.clone()]);
        assert_eq!(std::fs::metadata(&path).unwrap().ino(), inode, "the first copy is kept");
    }

    #[tokio::test]
    async fn an_empty_file_is_refused() {
        assert!(matches!(rejection(b"").await, UploadError::Empty));
    }

    #[tokio::test]
    async fn a_stream_of_empty_chunks_is_refused_as_empty() {
        let root = tempfile::tempdir().unwrap();
        let empty = stream::iter(vec![Ok::<_, String>(Bytes::new()), Ok(Bytes::new())]);

        let error = store(&root).receive(empty).await.unwrap_err();

        assert!(matches!(error, UploadError::Empty));
        assert_nothing_stored(root.path());
    }

    #[tokio::test]
    async fn a_file_one_byte_over_the_limit_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let store = FileStore::new(root.path(), PDF.len() as u64 - 1);

        let error = store.receive(chunks(PDF, 7)).await.unwrap_err();

        assert!(matches!(error, UploadError::TooLarge { limit } if limit == PDF.len() as u64 - 1));
        assert_nothing_stored(root.path());
    }

    #[tokio::test]
    async fn a_file_exactly_at_the_limit_is_stored() {
        let root = tempfile::tempdir().unwrap();
        let store = FileStore::new(root.path(), PDF.len() as u64);

        let stored = store.receive(chunks(PDF, 7)).await.unwrap();

        assert_eq!(stored.size, store.limit());
    }

    #[tokio::test]
    async fn html_is_not_allowed() {
        let error = rejection(b"<html><body>%PDF-1.4 %%EOF</body></html>").await;

        assert!(matches!(error, UploadError::NotAllowed));
    }

    #[tokio::test]
    async fn a_file_too_short_to_have_a_type_is_not_allowed() {
        assert!(matches!(rejection(b"%PD").await, UploadError::NotAllowed));
    }

    #[tokio::test]
    async fn a_png_without_iend_is_malformed() {
        let error = rejection(&PNG[..PNG_IEND_AT]).await;

        assert!(matches!(error, UploadError::Malformed { media_type: MediaType::Png }));
    }

    #[tokio::test]
    async fn a_png_of_zero_width_is_malformed() {
        let mut png = PNG.to_vec();
        png[16..20].copy_from_slice(&[0, 0, 0, 0]);

        let error = rejection(&png).await;

        assert!(matches!(error, UploadError::Malformed { media_type: MediaType::Png }));
    }

    #[tokio::test]
    async fn a_pdf_without_end_marker_is_malformed() {
        let error = rejection(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n").await;

        assert!(matches!(error, UploadError::Malformed { media_type: MediaType::Pdf }));
    }

    #[tokio::test]
    async fn a_pdf_whose_end_marker_is_far_from_the_end_is_malformed() {
        let mut pdf = PDF.to_vec();
        pdf.extend_from_slice(&[b' '; TAIL_LEN]);

        let error = rejection(&pdf).await;

        assert!(matches!(error, UploadError::Malformed { media_type: MediaType::Pdf }));
    }

    #[tokio::test]
    async fn a_pdf_of_unknown_version_is_malformed() {
        let error = rejection(b"%PDF-3.0\n%%EOF\n").await;

        assert!(matches!(error, UploadError::Malformed { media_type: MediaType::Pdf }));
    }

    #[tokio::test]
    async fn a_jpeg_without_end_marker_is_malformed() {
        let jpeg = jpeg();

        let error = rejection(&jpeg[..jpeg.len() - 2]).await;

        assert!(matches!(error, UploadError::Malformed { media_type: MediaType::Jpeg }));
    }

    #[tokio::test]
    async fn a_stream_failing_midway_leaves_nothing_behind() {
        let root = tempfile::tempdir().unwrap();
        let failing = stream::iter(vec![
            Ok(Bytes::from_static(&PDF[..20])),
            Err("connection reset".to_string()),
            Ok(Bytes::from_static(&PDF[20..])),
        ]);

        let error = store(&root).receive(failing).await.unwrap_err();

        assert!(matches!(&error, UploadError::Interrupted(reason) if reason == "connection reset"));
        assert_nothing_stored(root.path());
    }

    #[tokio::test]
    async fn an_upload_abandoned_midway_leaves_nothing_behind() {
        let root = tempfile::tempdir().unwrap();
        let stalled = chunks(&PDF[..40], 7).chain(stream::pending());

        let outcome = tokio::time::timeout(Duration::from_millis(50), store(&root).receive(stalled)).await;

        assert!(outcome.is_err(), "the upload should still be waiting");
        assert_nothing_stored(root.path());
    }

    #[tokio::test]
    async fn path_of_finds_stored_files_only() {
        let root = tempfile::tempdir().unwrap();
        let store = store(&root);
        let stored = store.receive(chunks(PDF, 7)).await.unwrap();

        let path = store.path_of(&stored.sha256).unwrap();

        assert_eq!(std::fs::read(path).unwrap(), PDF);
        assert_eq!(store.path_of(&sha256_hex(PNG)), None);
    }

    #[test]
    fn path_of_refuses_what_is_not_a_lowercase_sha256() {
        let root = tempfile::tempdir().unwrap();
        let store = store(&root);
        let sha256 = sha256_hex(PDF);
        let dotted = format!("../{}", &sha256[3..]);

        for name in ["../etc/passwd", &sha256.to_uppercase(), &sha256[..63], &dotted, "", "ab"] {
            assert_eq!(store.path_of(name), None, "{name}");
        }
    }

    #[tokio::test]
    async fn remove_deletes_a_stored_file_and_accepts_a_missing_one() {
        let root = tempfile::tempdir().unwrap();
        let store = store(&root);
        let stored = store.receive(chunks(&jpeg(), 7)).await.unwrap();

        store.remove(&stored.sha256).await.unwrap();
        store.remove(&stored.sha256).await.unwrap();

        assert_eq!(store.path_of(&stored.sha256), None);
        assert!(store.remove("../etc/passwd").await.is_err());
    }

    #[test]
    fn messages_are_in_vietnamese() {
        assert_eq!(UploadError::Empty.message(), "Tệp trống, vui lòng chọn lại tệp.");
        assert_eq!(
            UploadError::TooLarge { limit: 20 * MEGABYTE }.message(),
            "Tệp vượt quá dung lượng cho phép (tối đa 20 MB)."
        );
        assert_eq!(UploadError::NotAllowed.message(), "Chỉ nhận tệp PDF, JPEG hoặc PNG.");
        assert_eq!(
            UploadError::Malformed { media_type: MediaType::Png }.message(),
            "Tệp bị hỏng hoặc không đúng định dạng PDF/JPEG/PNG."
        );
        assert_eq!(
            UploadError::Interrupted("reset".to_string()).message(),
            "Tải tệp lên không thành công, vui lòng thử lại."
        );
        assert_eq!(
            UploadError::Io(io::Error::other("disk full")).message(),
            UploadError::Interrupted(String::new()).message()
        );
    }

    #[test]
    fn limits_are_stated_without_overstating() {
        assert_eq!(readable_size(20 * MEGABYTE), "20 MB");
        assert_eq!(readable_size(MEGABYTE * 3 / 2), "1,5 MB");
        assert_eq!(readable_size(20 * MEGABYTE - 1), "19,9 MB");
        assert_eq!(readable_size(512 * 1024), "512 KB");
    }

    #[test]
    fn media_types_keep_their_stored_names() {
        for media_type in MediaType::ALL {
            assert_eq!(MediaType::from_stored(media_type.stored()), Some(media_type));
            let json = serde_json::to_string(&media_type).unwrap();
            assert_eq!(json, format!("\"{}\"", media_type.stored()));
        }
        assert_eq!(MediaType::from_stored("gif"), None);
        assert_eq!(MediaType::Jpeg.mime(), "image/jpeg");
        assert_eq!(MediaType::Jpeg.extension(), "jpg");
    }
}
