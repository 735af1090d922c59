//! Settings, read in order of precedence from command-line flags, `MOTCUA_*`
//! environment variables, the configuration file, and built-in defaults.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// Every setting the server and the importer read. `README.md` documents
/// each one; keep the two in step.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Address the web server listens on.
    pub addr: SocketAddr,
    /// Folder for the embedded database and the uploads.
    pub data: PathBuf,
    /// Where the database is: empty for the embedded file database in
    /// `<data>/db`, `mem://` for a throw-away one, or `ws://`/`wss://` for a
    /// SurrealDB server.
    pub database_url: String,
    pub database_namespace: String,
    pub database_name: String,
    /// Credentials for a SurrealDB server; unused by the embedded engines.
    pub database_user: String,
    pub database_password: String,
    /// Folder for uploaded files; empty for `<data>/uploads`.
    pub uploads: String,
    /// The largest file one upload may be, in MB.
    pub upload_limit_mb: u64,
    /// Statistics office code of the province this portal serves.
    pub province: String,
    /// Folder of the national data the importer reads.
    pub seed: PathBuf,
    /// Whether `serve` imports the seed data when the catalogue is empty.
    pub import_on_first_start: bool,
    /// Folder of the compiled site (wasm, JavaScript, CSS, public files).
    pub site_root: PathBuf,
    /// `text` for people, `json` for log collectors.
    pub log_format: LogFormat,
    /// The portal's address as browsers reach it (`https://…` in
    /// production); empty for `http://<addr>`. Sign-in redirects come back
    /// here, and cookies are marked Secure when it is https.
    pub public_url: String,
    /// OpenID Connect issuer of the national e-ID for citizens and
    /// businesses; empty turns citizen sign-in off.
    pub citizen_issuer: String,
    pub citizen_client_id: String,
    pub citizen_client_secret: String,
    pub citizen_scopes: Vec<String>,
    /// The e-ID's claim names, which differ between providers.
    pub citizen_claims: CitizenClaims,
    /// OpenID Connect issuer of the province's central sign-in for
    /// officers; empty turns officer sign-in off.
    pub officer_issuer: String,
    pub officer_client_id: String,
    pub officer_client_secret: String,
    pub officer_scopes: Vec<String>,
    /// The claim carrying the login name administrators issue accounts for.
    pub officer_login_claim: String,
    /// A JSON file of officer accounts to issue at start when their login
    /// has none yet (the first administrator, or the demo's officers).
    pub officers_file: String,
    /// A session ends this long after its last request…
    pub session_idle_minutes: u64,
    /// …and in any case this long after sign-in.
    pub session_absolute_hours: u64,
    /// Sign-in attempts allowed per client address per minute.
    pub sign_in_per_minute: u32,
    /// Take the client address from `X-Forwarded-For` (behind a proxy that
    /// sets it); otherwise the peer address is used.
    pub trust_forwarded_for: bool,
}

/// Names of the claims read from the national e-ID; the defaults are those
/// the national portal's relying parties receive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CitizenClaims {
    pub full_name: String,
    pub id_number: String,
    pub birth_date: String,
    pub account_type: String,
    pub assurance_level: String,
    pub tax_code: String,
    pub organisation_name: String,
}

impl Default for CitizenClaims {
    fn default() -> Self {
        CitizenClaims {
            full_name: "HoVaTen".into(),
            id_number: "SoDinhDanh".into(),
            birth_date: "NgayThangNamSinh".into(),
            account_type: "LoaiTaiKhoan".into(),
            assurance_level: "IAL".into(),
            tax_code: "MaSoThue".into(),
            organisation_name: "TenDoanhNghiep".into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            data: PathBuf::from("var"),
            database_url: String::new(),
            database_namespace: "motcua".into(),
            database_name: "portal".into(),
            database_user: String::new(),
            database_password: String::new(),
            uploads: String::new(),
            upload_limit_mb: 20,
            province: "56".into(),
            seed: PathBuf::from("data"),
            import_on_first_start: true,
            site_root: PathBuf::from("target/site"),
            log_format: LogFormat::Text,
            public_url: String::new(),
            citizen_issuer: String::new(),
            citizen_client_id: "motcua".into(),
            citizen_client_secret: String::new(),
            citizen_scopes: vec!["openid".into(), "profile".into()],
            citizen_claims: CitizenClaims::default(),
            officer_issuer: String::new(),
            officer_client_id: "motcua".into(),
            officer_client_secret: String::new(),
            officer_scopes: vec!["openid".into(), "profile".into(), "email".into()],
            officer_login_claim: "preferred_username".into(),
            officers_file: String::new(),
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            sign_in_per_minute: 20,
            trust_forwarded_for: false,
        }
    }
}

/// The keys read from `MOTCUA_*` variables; other `MOTCUA_` variables (for
/// the scripts) are not settings and are left alone.
const ENV_KEYS: [&str; 27] = [
    "addr",
    "data",
    "database_url",
    "database_namespace",
    "database_name",
    "database_user",
    "database_password",
    "uploads",
    "upload_limit_mb",
    "province",
    "seed",
    "import_on_first_start",
    "site_root",
    "log_format",
    "public_url",
    "citizen_issuer",
    "citizen_client_id",
    "citizen_client_secret",
    "officer_issuer",
    "officer_client_id",
    "officer_client_secret",
    "officer_login_claim",
    "officers_file",
    "session_idle_minutes",
    "session_absolute_hours",
    "sign_in_per_minute",
    "trust_forwarded_for",
];

/// Read when no file is named, if present in the working folder.
const DEFAULT_FILE: &str = "motcua.toml";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration file {path} does not exist")]
    MissingFile { path: PathBuf },

    #[error("invalid configuration: {0}")]
    Invalid(#[from] Box<figment::Error>),
}

impl Settings {
    /// Loads the settings. `file` is the configuration file named on the
    /// command line, if any; otherwise `motcua.toml` is read when present.
    /// `overrides` holds the flags given on the command line.
    pub fn load(file: Option<&Path>, overrides: &Overrides) -> Result<Settings, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        match file {
            Some(path) if !path.exists() => {
                return Err(ConfigError::MissingFile { path: path.to_path_buf() });
            }
            Some(path) => figment = figment.merge(Toml::file_exact(path)),
            None if Path::new(DEFAULT_FILE).exists() => {
                figment = figment.merge(Toml::file_exact(DEFAULT_FILE))
            }
            None => {}
        }
        let figment =
            figment.merge(Env::prefixed("MOTCUA_").only(&ENV_KEYS)).merge(Serialized::defaults(overrides));

        figment.extract().map_err(|error| ConfigError::Invalid(Box::new(error)))
    }

    /// The upload folder, defaulting to `<data>/uploads`.
    pub fn uploads_dir(&self) -> PathBuf {
        if self.uploads.is_empty() { self.data.join("uploads") } else { PathBuf::from(&self.uploads) }
    }

    /// The database address the SurrealDB client connects to.
    pub fn database_endpoint(&self) -> String {
        if self.database_url.is_empty() {
            format!("surrealkv://{}", self.data.join("db").display())
        } else {
            self.database_url.clone()
        }
    }

    /// The portal's public address, without a trailing slash.
    pub fn public_origin(&self) -> String {
        if self.public_url.is_empty() {
            format!("http://{}", self.addr)
        } else {
            self.public_url.trim_end_matches('/').to_string()
        }
    }

    /// Where uploaded files go, and how large one may be.
    pub fn file_store(&self) -> app::store::file::FileStore {
        app::store::file::FileStore::new(self.uploads_dir(), self.upload_limit_mb.max(1) * 1024 * 1024)
    }

    pub fn session_policy(&self) -> app::server::SessionPolicy {
        app::server::SessionPolicy {
            idle: std::time::Duration::from_secs(self.session_idle_minutes.max(1) * 60),
            absolute: std::time::Duration::from_secs(self.session_absolute_hours.max(1) * 3600),
        }
    }

    /// Whether the database is a server reached over the network.
    pub fn database_is_remote(&self) -> bool {
        let url = self.database_endpoint();
        ["ws://", "wss://", "http://", "https://"].iter().any(|scheme| url.starts_with(scheme))
    }
}

/// Settings given as command-line flags; unset ones leave the lower layers be.
#[derive(Debug, Default, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addr: Option<SocketAddr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<PathBuf>,
}

/// Hides the database password from logs and panics.
impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("addr", &self.addr)
            .field("data", &self.data)
            .field("database", &self.database_endpoint())
            .field("database_namespace", &self.database_namespace)
            .field("database_name", &self.database_name)
            .field("database_user", &self.database_user)
            .field("province", &self.province)
            .field("seed", &self.seed)
            .field("site_root", &self.site_root)
            .field("public_url", &self.public_origin())
            .field("citizen_issuer", &self.citizen_issuer)
            .field("officer_issuer", &self.officer_issuer)
            .finish_non_exhaustive()
    }
}

// figment::Jail takes closures returning its own large error type.
#[cfg(test)]
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn defaults_serve_the_demo_province_from_an_embedded_database() {
        figment::Jail::expect_with(|_jail| {
            let settings = Settings::load(None, &Overrides::default()).unwrap();

            assert_eq!(settings.province, "56");
            assert_eq!(settings.database_endpoint(), "surrealkv://var/db");
            assert!(!settings.database_is_remote());
            assert_eq!(settings.uploads_dir(), PathBuf::from("var/uploads"));
            Ok(())
        });
    }

    #[test]
    fn flags_beat_environment_which_beats_the_file() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "motcua.toml",
                "addr = \"127.0.0.1:4000\"\nprovince = \"01\"\ndata = \"/srv/a\"",
            )?;
            jail.set_env("MOTCUA_ADDR", "127.0.0.1:5000");
            jail.set_env("MOTCUA_DATABASE_URL", "ws://db.internal:8000");
            let overrides = Overrides { data: Some(PathBuf::from("/srv/b")), ..Overrides::default() };

            let settings = Settings::load(None, &overrides).unwrap();

            assert_eq!(settings.addr.port(), 5000);
            assert_eq!(settings.province, "01");
            assert_eq!(settings.data, PathBuf::from("/srv/b"));
            assert!(settings.database_is_remote());
            Ok(())
        });
    }

    #[test]
    fn a_misspelt_setting_in_the_file_is_an_error() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("motcua.toml", "provnce = \"01\"")?;

            let result = Settings::load(None, &Overrides::default());

            assert!(result.is_err());
            Ok(())
        });
    }

    #[test]
    fn a_named_file_that_is_missing_is_an_error() {
        let result = Settings::load(Some(Path::new("/nonexistent/motcua.toml")), &Overrides::default());

        assert!(matches!(result, Err(ConfigError::MissingFile { .. })));
    }

    #[test]
    fn the_password_never_appears_in_debug_output() {
        let settings = Settings {
            database_password: "s3cret".into(),
            citizen_client_secret: "c1ient".into(),
            officer_client_secret: "0fficer".into(),
            ..Settings::default()
        };

        let debug = format!("{settings:?}");
        assert!(!debug.contains("s3cret") && !debug.contains("c1ient") && !debug.contains("0fficer"));
    }
}
