//! Outliers: values of a plan's reports that stand out against the unit's own history (the
//! previous 12 periods) and against its peers (siblings, same indicator, same period), scored
//! with DHIS2's methods (see [`score`]); listed for reviewers with the score, the median and
//! the reason in words.

mod detect;
mod load;
mod reason;
pub mod score;

use crate::StoreError;
use crate::accounts::SubtreeRange;
use crate::db::Db;
use crate::domain::Period;
use crate::messages::Message;
use crate::pagination::{Page, PageRequest};

pub use detect::{Basis, CheckedValue, Finding, Observations, PeerKey, SeriesKey, find};
pub use load::{HISTORY_PERIODS, history_periods};
pub use score::{Judging, OutlierMethod, Verdict, judge};

/// A value listed as an outlier on one basis.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlier {
    pub value: CheckedValue,
    pub period: String,
    pub basis: Basis,
    pub judging: Judging,
    pub verdict: Verdict,
    pub reason: Message,
}

/// The outliers of `plan_code`'s reports for `period` under the unit at `root_path`, judged
/// as `judging` says, the largest scores first. Peers outside `scope` are not compared with.
pub fn list_outliers(
    conn: &mut Db,
    root_path: &str,
    scope: Option<&SubtreeRange>,
    plan_code: &str,
    period: &Period,
    judging: Judging,
    page: PageRequest,
) -> Result<Page<Outlier>, StoreError> {
    let plan_id = crate::validation::plan_id(conn, plan_code)?;
    let observations = load::observations(conn, plan_id, root_path, period, scope)?;
    let mut listed: Vec<Outlier> = find(&observations, judging)
        .into_iter()
        .map(|finding| {
            let value = observations.checked[finding.checked].clone();
            let reason = reason::reason(&value, finding.basis, judging, &finding.verdict, period);
            Outlier {
                value,
                period: period.to_string(),
                basis: finding.basis,
                judging,
                verdict: finding.verdict,
                reason,
            }
        })
        .collect();
    listed.sort_by(|a, b| {
        b.verdict
            .score
            .total_cmp(&a.verdict.score)
            .then_with(|| a.value.unit_code.cmp(&b.value.unit_code))
            .then_with(|| a.value.indicator_code.cmp(&b.value.indicator_code))
            .then_with(|| a.basis.cmp(&b.basis))
    });
    Ok(Page::of_all(listed, page))
}

#[cfg(test)]
mod planted_tests;
