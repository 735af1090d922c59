//! The catalogue's overview (the counts behind the home page's ways in and
//! the search filters) kept in memory. Computing it scans the whole
//! catalogue, and it changes only when the catalogue is imported again, so
//! every home page and search page reading it afresh would be waste.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use super::api::CatalogueOverview;

/// How long an overview is reused. A catalogue imported by another process
/// (or against a shared database server) shows in the counts within this time.
pub const OVERVIEW_LIFETIME: Duration = Duration::from_secs(10 * 60);

/// One server's copy of the overview, shared by every request.
#[derive(Debug, Clone, Default)]
pub struct OverviewCache {
    slot: Arc<RwLock<Option<(Instant, CatalogueOverview)>>>,
}

impl OverviewCache {
    /// The kept overview, if it was computed less than `OVERVIEW_LIFETIME` ago.
    pub fn fresh(&self, now: Instant) -> Option<CatalogueOverview> {
        let slot = self.slot.read().ok()?;
        let (computed, overview) = slot.as_ref()?;
        (now.saturating_duration_since(*computed) < OVERVIEW_LIFETIME).then(|| overview.clone())
    }

    pub fn keep(&self, now: Instant, overview: &CatalogueOverview) {
        if let Ok(mut slot) = self.slot.write() {
            *slot = Some((now, overview.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overview(total: u64) -> CatalogueOverview {
        CatalogueOverview {
            total,
            detailed: 0,
            fields: Vec::new(),
            levels: Vec::new(),
            online_levels: Vec::new(),
            audiences: Vec::new(),
        }
    }

    #[test]
    fn a_kept_overview_is_reused_until_it_is_too_old() {
        let cache = OverviewCache::default();
        let start = Instant::now();

        cache.keep(start, &overview(5669));

        assert_eq!(cache.fresh(start + Duration::from_secs(60)).map(|o| o.total), Some(5669));
        assert_eq!(cache.fresh(start + OVERVIEW_LIFETIME), None);
    }

    #[test]
    fn an_empty_cache_has_nothing_fresh() {
        assert_eq!(OverviewCache::default().fresh(Instant::now()), None);
    }
}
