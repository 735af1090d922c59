//! Data store documents and dossier attachments in the database.

use serde_json::Value as Json;

use super::{Owner, StoredDocument};
use crate::server::Db;

/// The columns a `StoredDocument` reads, as a literal so queries stay
/// constant. `used_in` lists the codes of submitted dossiers using it.
macro_rules! document_columns {
    () => {
        "record::id(id) AS id, kind, title, issued_on, expires_on, size, media_type,
         time::format(uploaded_at + 7h, '%d/%m/%Y %H:%M') AS uploaded_at, uploaded_by.full_name AS uploaded_by,
         array::distinct((SELECT VALUE dossier.code FROM attachment WHERE document = $parent.id AND dossier.code != NONE)) AS used_in"
    };
}

/// A new document in an owner's store; returns its key.
pub struct NewDocument<'a> {
    pub owner: &'a Owner,
    /// Who uploaded it: a person, or an officer for a dossier's result.
    pub uploaded_by: &'a Owner,
    /// Whether it shows in the owner's store from the start; a result joins
    /// it only when it is returned.
    pub in_store: bool,
    pub kind: &'a str,
    pub title: &'a str,
    pub sha256: &'a str,
    pub size: u64,
    pub media_type: &'a str,
}

pub async fn create(db: &Db, document: NewDocument<'_>) -> Result<String, surrealdb::Error> {
    let mut response = db
        .query(
            "CREATE ONLY document CONTENT {
                owner: type::record($owner_table, $owner_key), uploaded_by: type::record($uploader_table, $uploader_key), kind: $kind,
                title: $title, sha256: $sha256, size: $size, media_type: $media_type, in_store: $in_store
             } RETURN VALUE record::id(id)",
        )
        .bind(("owner_table", document.owner.table.clone()))
        .bind(("owner_key", document.owner.key.clone()))
        .bind(("uploader_table", document.uploaded_by.table.clone()))
        .bind(("uploader_key", document.uploaded_by.key.clone()))
        .bind(("in_store", document.in_store))
        .bind(("kind", document.kind.to_string()))
        .bind(("title", document.title.to_string()))
        .bind(("sha256", document.sha256.to_string()))
        .bind(("size", i64::try_from(document.size).unwrap_or(i64::MAX)))
        .bind(("media_type", document.media_type.to_string()))
        .await?;
    let key: Option<String> = response.take(0)?;
    Ok(key.unwrap_or_default())
}

/// The documents in an owner's store, newest first.
pub async fn of_owner(db: &Db, owner: &Owner) -> Result<Vec<StoredDocument>, surrealdb::Error> {
    let mut response = db
        .query(concat!(
            "SELECT ",
            document_columns!(),
            ", uploaded_at AS sort FROM document WHERE owner = type::record($owner_table, $owner_key) AND in_store = true ORDER BY sort DESC"
        ))
        .bind(("owner_table", owner.table.clone()))
        .bind(("owner_key", owner.key.clone()))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows.into_iter().filter_map(decode).collect())
}

/// One document as its owner would see it.
pub async fn one(db: &Db, key: &str) -> Result<Option<StoredDocument>, surrealdb::Error> {
    let mut response = db
        .query(concat!("SELECT ", document_columns!(), " FROM type::record('document', $key)"))
        .bind(("key", key.to_string()))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows.into_iter().next().and_then(decode))
}

/// One document with its owner, for access checks and serving.
pub struct DocumentAccess {
    pub owner: Owner,
    pub sha256: String,
    pub media_type: String,
    pub title: String,
    pub in_store: bool,
    pub kind: String,
    /// Keys of the dossiers that use it.
    pub dossiers: Vec<String>,
    /// Keys of the dossiers it is the result of.
    pub results: Vec<String>,
}

pub async fn access(db: &Db, key: &str) -> Result<Option<DocumentAccess>, surrealdb::Error> {
    let mut response = db
        .query(
            "SELECT record::tb(owner) AS owner_table, record::id(owner) AS owner_key, sha256, media_type, title, in_store, kind,
                    (SELECT VALUE record::id(dossier) FROM attachment WHERE document = $parent.id) AS dossiers,
                    (SELECT VALUE record::id(id) FROM dossier WHERE result_document = $parent.id) AS results
             FROM type::record('document', $key)",
        )
        .bind(("key", key.to_string()))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows.into_iter().next().and_then(|row| {
        let text = |name: &str| row.get(name).and_then(Json::as_str).map(str::to_string);
        Some(DocumentAccess {
            owner: Owner { table: text("owner_table")?, key: text("owner_key")? },
            sha256: text("sha256")?,
            media_type: text("media_type")?,
            title: text("title").unwrap_or_default(),
            in_store: row.get("in_store").and_then(Json::as_bool).unwrap_or(false),
            kind: text("kind").unwrap_or_default(),
            dossiers: keys(&row, "dossiers"),
            results: keys(&row, "results"),
        })
    }))
}

fn keys(row: &Json, name: &str) -> Vec<String> {
    row.get(name)
        .and_then(Json::as_array)
        .map(|list| list.iter().filter_map(|value| value.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// Documents of one kind in an owner's store, to offer for a component.
pub async fn offers(
    db: &Db,
    owner: &Owner,
    kinds: Vec<String>,
) -> Result<Vec<StoredDocument>, surrealdb::Error> {
    let mut response = db
        .query(concat!(
            "SELECT ",
            document_columns!(),
            ", uploaded_at AS sort FROM document WHERE owner = type::record($owner_table, $owner_key) AND in_store = true AND kind IN $kinds
             ORDER BY sort DESC"
        ))
        .bind(("owner_table", owner.table.clone()))
        .bind(("owner_key", owner.key.clone()))
        .bind(("kinds", kinds))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows.into_iter().filter_map(decode).collect())
}

/// The documents filling a dossier's document fields, by field.
pub async fn attachments(db: &Db, dossier: &str) -> Result<Vec<(String, StoredDocument)>, surrealdb::Error> {
    let mut response = db
        .query(concat!(
            "SELECT slot, (SELECT ",
            document_columns!(),
            " FROM ONLY $parent.document) AS document FROM attachment WHERE dossier = type::record('dossier', $dossier)"
        ))
        .bind(("dossier", dossier.to_string()))
        .await?;
    let rows: Vec<Json> = response.take(0)?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let slot = row.get("slot")?.as_str()?.to_string();
            let document = decode(row.get("document")?.clone())?;
            Some((slot, document))
        })
        .collect())
}

/// Puts a document in a dossier's field, replacing what was there.
pub async fn attach(db: &Db, dossier: &str, slot: &str, document: &str) -> Result<(), surrealdb::Error> {
    db.query(
        "BEGIN TRANSACTION;
         DELETE attachment WHERE dossier = type::record('dossier', $dossier) AND slot = $slot;
         CREATE attachment CONTENT {
             dossier: type::record('dossier', $dossier), slot: $slot, document: type::record('document', $document)
         };
         COMMIT TRANSACTION;",
    )
    .bind(("dossier", dossier.to_string()))
    .bind(("slot", slot.to_string()))
    .bind(("document", document.to_string()))
    .await?
    .check()?;
    Ok(())
}

pub async fn detach(db: &Db, dossier: &str, slot: &str) -> Result<(), surrealdb::Error> {
    db.query("DELETE attachment WHERE dossier = type::record('dossier', $dossier) AND slot = $slot")
        .bind(("dossier", dossier.to_string()))
        .bind(("slot", slot.to_string()))
        .await?
        .check()?;
    Ok(())
}

pub async fn describe(
    db: &Db,
    key: &str,
    title: &str,
    issued_on: Option<String>,
    expires_on: Option<String>,
) -> Result<(), surrealdb::Error> {
    db.query("UPDATE type::record('document', $key) SET title = $title, issued_on = $issued_on, expires_on = $expires_on")
        .bind(("key", key.to_string()))
        .bind(("title", title.to_string()))
        .bind(("issued_on", issued_on))
        .bind(("expires_on", expires_on))
        .await?
        .check()?;
    Ok(())
}

/// What deleting a document from the store did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removal {
    /// Gone, and its file is no longer referred to by any document: the
    /// caller removes the file.
    Deleted { orphaned_file: Option<String> },
    /// Submitted dossiers use it: it left the store but stays with them.
    KeptForDossiers,
}

/// Deletes a document from its owner's store. Drafts using it lose it;
/// submitted dossiers keep it.
pub async fn remove(db: &Db, key: &str) -> Result<Removal, surrealdb::Error> {
    let mut response = db
        .query(
            "BEGIN TRANSACTION;
             LET $document = type::record('document', $key);
             LET $sha256 = $document.sha256;
             DELETE attachment WHERE document = $document AND dossier.status = 'draft';
             LET $kept = (SELECT VALUE id FROM attachment WHERE document = $document LIMIT 1);
             IF array::len($kept) > 0 {
                 UPDATE $document SET in_store = false;
             } ELSE {
                 DELETE $document;
             };
             LET $others = (SELECT VALUE id FROM document WHERE sha256 = $sha256 LIMIT 1);
             RETURN { kept: array::len($kept) > 0, orphaned: array::len($others) = 0, sha256: $sha256 };
             COMMIT TRANSACTION;",
        )
        .bind(("key", key.to_string()))
        .await?;
    let outcome: Json = crate::server::returned(&mut response).unwrap_or(Json::Null);

    if outcome.get("kept").and_then(Json::as_bool).unwrap_or(true) {
        return Ok(Removal::KeptForDossiers);
    }
    let orphaned = outcome.get("orphaned").and_then(Json::as_bool).unwrap_or(false);
    let sha256 = outcome.get("sha256").and_then(Json::as_str).map(str::to_string);
    Ok(Removal::Deleted { orphaned_file: sha256.filter(|_| orphaned) })
}

fn decode(row: Json) -> Option<StoredDocument> {
    serde_json::from_value(row)
        .map_err(|error| tracing::error!(error = %error, "stored document does not match its type"))
        .ok()
}
