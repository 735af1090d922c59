//! Who runs this portal: the province named in the header and footer.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The portal's public identity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortalInfo {
    pub province_name: String,
}

/// The province this portal serves, from the server's configuration.
#[server(endpoint = "cong/thong-tin")]
pub async fn load_portal() -> Result<PortalInfo, AppError> {
    let context = crate::server::context()?;

    Ok(PortalInfo { province_name: context.province.name.clone() })
}

/// The province's name once known, for headings; empty while loading.
pub fn province_name() -> impl Fn() -> String + Copy {
    let portal = use_context::<OnceResource<Result<PortalInfo, AppError>>>();
    move || {
        portal
            .and_then(|resource| resource.get())
            .and_then(Result::ok)
            .map(|info| info.province_name)
            .unwrap_or_default()
    }
}
