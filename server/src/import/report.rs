//! What an import did, file by file, and which records it had to skip.

use std::fmt;

/// The outcome of importing one file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FileReport {
    pub file: String,
    /// Records found in the file.
    pub read: usize,
    /// Records written to the database.
    pub written: usize,
    pub skipped: Vec<Skipped>,
}

/// A record left out, where it is in the file, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// `line 17`, `record 3 (1.000080)`, or `whole file`.
    pub location: String,
    pub reason: String,
}

impl FileReport {
    pub fn new(file: &str) -> FileReport {
        FileReport { file: file.to_string(), ..FileReport::default() }
    }

    pub fn skip(&mut self, location: impl Into<String>, reason: impl fmt::Display) {
        let skipped = Skipped { location: location.into(), reason: reason.to_string() };
        tracing::warn!(file = %self.file, location = %skipped.location, reason = %skipped.reason, "record skipped");
        self.skipped.push(skipped);
    }
}

/// The outcome of a whole import.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
}

impl ImportReport {
    pub fn skipped(&self) -> usize {
        self.files.iter().map(|file| file.skipped.len()).sum()
    }

    pub fn written(&self) -> usize {
        self.files.iter().map(|file| file.written).sum()
    }

    pub fn file(&self, name: &str) -> Option<&FileReport> {
        self.files.iter().find(|file| file.file == name)
    }
}

/// Every skipped record as `file: location: reason`, then one line of counts
/// per file.
impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for file in &self.files {
            for skipped in &file.skipped {
                writeln!(f, "{}: {}: {}", file.file, skipped.location, skipped.reason)?;
            }
        }
        for file in &self.files {
            writeln!(
                f,
                "{:<24} read {:>6}  written {:>6}  skipped {:>4}",
                file.file,
                file.read,
                file.written,
                file.skipped.len()
            )?;
        }
        Ok(())
    }
}
