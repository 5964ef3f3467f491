//! Finding outliers among numbers already loaded: each value of the judged period against the
//! same unit's values of the previous periods (its history) and against the values of its
//! siblings for the same indicator in the same period (its peers). Pure, so the planted-data
//! test measures exactly what the route runs.

use std::collections::HashMap;

use super::score::{Judging, Verdict, judge};
use crate::domain::ValueKind;

/// What a value is judged against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Basis {
    /// The unit's own values of the previous periods.
    History,
    /// The siblings' values of the same indicator in the same period.
    Peers,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::History => "history",
            Self::Peers => "peers",
        }
    }
}

/// A value of the judged period, with what the listing says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedValue {
    pub unit_code: String,
    pub unit_name: String,
    /// The parent's code: siblings share it (`None` for top-level units, siblings too).
    pub parent_code: Option<String>,
    pub report_state: String,
    pub indicator_code: String,
    pub indicator_name: String,
    pub kind: ValueKind,
    pub value: f64,
}

/// (parent code, indicator code): a group of peers.
pub type PeerKey = (Option<String>, String);
/// (unit code, indicator code): a series.
pub type SeriesKey = (String, String);

/// The numbers outliers are looked for in.
#[derive(Debug, Clone, Default)]
pub struct Observations {
    /// The values judged.
    pub checked: Vec<CheckedValue>,
    /// Per peer group, each unit's value in the judged period (units outside the listed
    /// subtree included, when the caller may read them).
    pub peers: HashMap<PeerKey, Vec<(String, f64)>>,
    /// Per series, the values of the previous periods.
    pub history: HashMap<SeriesKey, Vec<f64>>,
}

/// One value found to stand out on one basis: an index into `checked`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finding {
    pub checked: usize,
    pub basis: Basis,
    pub verdict: Verdict,
}

/// Every value of `observations.checked` found an outlier, on each basis.
pub fn find(observations: &Observations, judging: Judging) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, value) in observations.checked.iter().enumerate() {
        let series = (value.unit_code.clone(), value.indicator_code.clone());
        if let Some(history) = observations.history.get(&series)
            && let Some(verdict) = judge(judging, value.value, history)
            && verdict.outlier
        {
            findings.push(Finding {
                checked: index,
                basis: Basis::History,
                verdict,
            });
        }
        let group = (value.parent_code.clone(), value.indicator_code.clone());
        if let Some(peers) = observations.peers.get(&group) {
            let others: Vec<f64> = peers
                .iter()
                .filter(|(unit, _)| *unit != value.unit_code)
                .map(|(_, v)| *v)
                .collect();
            if let Some(verdict) = judge(judging, value.value, &others)
                && verdict.outlier
            {
                findings.push(Finding {
                    checked: index,
                    basis: Basis::Peers,
                    verdict,
                });
            }
        }
    }
    findings
}
