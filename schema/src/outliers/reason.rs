//! The reason an outlier is listed, as a sentence from the catalogue: the value, what it was
//! compared with (the median or the mean, or the bounds), over how many periods or peers, and
//! the score against its threshold.

use super::detect::{Basis, CheckedValue};
use super::score::{Judging, OutlierMethod, Verdict};
use crate::domain::Period;
use crate::messages::Message;
use crate::progress::decimals;

pub(super) fn reason(
    value: &CheckedValue,
    basis: Basis,
    judging: Judging,
    verdict: &Verdict,
    period: &Period,
) -> Message {
    let method = judging.method;
    let key = match (method, basis) {
        (OutlierMethod::ModifiedZScore, Basis::History) => "outlier-modified-z-history",
        (OutlierMethod::ModifiedZScore, Basis::Peers) => "outlier-modified-z-peers",
        (OutlierMethod::ZScore, Basis::History) => "outlier-z-history",
        (OutlierMethod::ZScore, Basis::Peers) => "outlier-z-peers",
        (OutlierMethod::MinMax, Basis::History) => "outlier-min-max-history",
        (OutlierMethod::MinMax, Basis::Peers) => "outlier-min-max-peers",
    };
    let direction = if verdict.above(value.value, method) {
        "outlier-above"
    } else {
        "outlier-below"
    };
    // Medians and bounds of counts need not be whole: one more place than the figure.
    let places = decimals(value.kind);
    Message::new(key)
        .number("value", value.value, places)
        .message("direction", Message::new(direction))
        .number("median", verdict.median, places + 1)
        .number("mean", verdict.mean, places + 1)
        .number("lower", verdict.lower_bound, places + 1)
        .number("upper", verdict.upper_bound, places + 1)
        .number("score", verdict.score, 2)
        .number("threshold", judging.threshold, 2)
        .arg("count", verdict.baseline_size)
        .arg("period", period)
}
