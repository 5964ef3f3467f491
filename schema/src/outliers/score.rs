//! The three scores of DHIS2's outlier detection, over one value and the baseline it is judged
//! against. Definitions from dhis2-core (`dhis-service-validation`,
//! `outlierdetection/processor/ZscoreSqlStatementProcessor.java` and
//! `MinMaxSqlStatementProcessor.java`, `dataanalysis/MinMaxOutlierAnalysisService.java`):
//!
//! - modified z-score: `0.6745 × |x − median| / MAD`, MAD the median of `|v − median|`;
//!   bounds `median ± threshold × MAD / 0.6745`;
//! - z-score: `|x − mean| / σ`, σ the population standard deviation (`stddev_pop`); bounds
//!   `mean ± threshold × σ`;
//! - min–max: outside `mean ± factor × σ` (DHIS2 generates stored bounds so, with the system
//!   setting `factorDeviation`, 2 by default); the score is the distance beyond the nearer
//!   bound (DHIS2's `bound_abs_dev`).
//!
//! Where we differ, and why: DHIS2 computes the statistics over every value in its data window,
//! the judged one included; here the baseline is the unit's previous periods (or its peers),
//! never the value itself, because a value cannot be its own history, and because with 12
//! values that include it a z-score cannot exceed (n − 1)/√n ≈ 3.18. DHIS2 skips a series
//! whose MAD is 0; here the mean absolute deviation × 1.253314 stands in for it (Iglewicz and
//! Hoaglin's fallback, as IBM defines the modified z-score), since small counts often have a
//! MAD of 0; a baseline with no spread at all is not judged. DHIS2 rounds stored min–max bounds
//! to whole numbers; here they are kept exact, as percents and decimals need.

use crate::domain::Invalid;

/// DHIS2's constant of the modified z-score: the 0.75 quantile of the standard normal, so the
/// score of normal data reads like a z-score.
pub const MODIFIED_Z_FACTOR: f64 = 0.6745;

/// When the MAD is 0: the mean absolute deviation times √(π/2) estimates the same spread.
const MEAN_AD_FACTOR: f64 = 1.253314;

/// Fewer baseline values than this, and a value is not judged: a median of three says little.
pub const MIN_BASELINE: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutlierMethod {
    /// DHIS2 `MOD_Z_SCORE`: robust to outliers in the baseline itself (the default here).
    ModifiedZScore,
    /// DHIS2 `Z_SCORE` (DHIS2's default).
    ZScore,
    /// DHIS2 `MIN_MAX`, with bounds generated from the baseline.
    MinMax,
}

impl OutlierMethod {
    pub const ALL: [OutlierMethod; 3] = [Self::ModifiedZScore, Self::ZScore, Self::MinMax];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ModifiedZScore => "modifiedZScore",
            Self::ZScore => "zScore",
            Self::MinMax => "minMax",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str() == raw)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|m| m.as_str()).collect();
                Invalid::new(format!("must be one of {}, not {raw:?}", names.join(", ")))
            })
    }

    /// The score from which a value is an outlier: 3.5 for the modified z-score (Iglewicz and
    /// Hoaglin's recommendation; DHIS2's request default is 3 for both), 3 for the z-score
    /// (DHIS2's default), and for min–max the factor of σ (DHIS2's `factorDeviation`, 2).
    pub fn default_threshold(self) -> f64 {
        match self {
            Self::ModifiedZScore => 3.5,
            Self::ZScore => 3.0,
            Self::MinMax => 2.0,
        }
    }
}

/// A value scored against its baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    pub score: f64,
    pub median: f64,
    pub mean: f64,
    pub lower_bound: f64,
    pub upper_bound: f64,
    pub baseline_size: usize,
    pub outlier: bool,
}

impl Verdict {
    /// Whether the value lies above the baseline's middle (the median, or the mean for the
    /// methods built on it).
    pub fn above(&self, value: f64, method: OutlierMethod) -> bool {
        match method {
            OutlierMethod::ModifiedZScore => value > self.median,
            OutlierMethod::ZScore | OutlierMethod::MinMax => value > self.mean,
        }
    }
}

/// The median of `values` (not empty).
pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    if sorted.len().is_multiple_of(2) {
        (sorted[middle - 1] + sorted[middle]) / 2.0
    } else {
        sorted[middle]
    }
}

/// How a value is judged: the method and its threshold (DHIS2's `threshold` parameter).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judging {
    pub method: OutlierMethod,
    pub threshold: f64,
}

impl From<OutlierMethod> for Judging {
    fn from(method: OutlierMethod) -> Self {
        Self {
            method,
            threshold: method.default_threshold(),
        }
    }
}

/// `value` judged against `baseline`; `None` when the baseline is too small
/// ([`MIN_BASELINE`]) or has no spread, so no score is defined.
pub fn judge(judging: Judging, value: f64, baseline: &[f64]) -> Option<Verdict> {
    let n = baseline.len();
    if n < MIN_BASELINE {
        return None;
    }
    let median = median(baseline);
    let mean = baseline.iter().sum::<f64>() / n as f64;
    let Judging { method, threshold } = judging;
    let verdict = |score: f64, lower_bound: f64, upper_bound: f64, outlier: bool| Verdict {
        score,
        median,
        mean,
        lower_bound,
        upper_bound,
        baseline_size: n,
        outlier,
    };
    match method {
        OutlierMethod::ModifiedZScore => {
            let deviations: Vec<f64> = baseline.iter().map(|v| (v - median).abs()).collect();
            let mad = self::median(&deviations);
            // The spread in MAD units: the MAD itself, or the mean deviation scaled to it.
            let spread = if mad > 0.0 {
                mad / MODIFIED_Z_FACTOR
            } else {
                MEAN_AD_FACTOR * deviations.iter().sum::<f64>() / n as f64
            };
            if spread <= 0.0 {
                return None;
            }
            let score = (value - median).abs() / spread;
            let half_width = threshold * spread;
            Some(verdict(
                score,
                median - half_width,
                median + half_width,
                score >= threshold,
            ))
        }
        OutlierMethod::ZScore | OutlierMethod::MinMax => {
            let variance = baseline.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n as f64;
            let sigma = variance.sqrt();
            let (lower, upper) = (mean - threshold * sigma, mean + threshold * sigma);
            if method == OutlierMethod::ZScore {
                if sigma <= 0.0 {
                    return None;
                }
                let score = (value - mean).abs() / sigma;
                return Some(verdict(score, lower, upper, score >= threshold));
            }
            // DHIS2 would store min = max for a series without spread and flag any other
            // value; a value equal to the bound is inside.
            let outside = value < lower || value > upper;
            let score = if outside {
                (value - lower).abs().min((value - upper).abs())
            } else {
                0.0
            };
            Some(verdict(score, lower, upper, outside))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HISTORY: [f64; 6] = [10.0, 12.0, 11.0, 13.0, 9.0, 11.0];

    #[test]
    fn the_modified_z_score_follows_dhis2s_formula_computed_by_hand() {
        // median 11; deviations 1,1,0,2,2,0 → MAD 1; 0.6745 × |20 − 11| / 1 = 6.0705.
        let verdict = judge(OutlierMethod::ModifiedZScore.into(), 20.0, &HISTORY).unwrap();
        assert!((verdict.score - 6.0705).abs() < 1e-9, "{verdict:?}");
        assert_eq!(verdict.median, 11.0);
        assert!(verdict.outlier);
        assert!((verdict.upper_bound - (11.0 + 3.5 / 0.6745)).abs() < 1e-9);
        let calm = judge(OutlierMethod::ModifiedZScore.into(), 12.0, &HISTORY).unwrap();
        assert!(!calm.outlier);
    }

    #[test]
    fn the_z_score_uses_the_population_standard_deviation() {
        // mean 11, population variance (1+1+0+4+4+0)/6 = 10/6.
        let verdict = judge(OutlierMethod::ZScore.into(), 20.0, &HISTORY).unwrap();
        let sigma = (10.0f64 / 6.0).sqrt();
        assert!((verdict.score - 9.0 / sigma).abs() < 1e-9);
        assert!(verdict.outlier);
    }

    #[test]
    fn min_max_flags_values_outside_two_standard_deviations_with_the_distance_as_score() {
        let sigma = (10.0f64 / 6.0).sqrt();
        let verdict = judge(OutlierMethod::MinMax.into(), 20.0, &HISTORY).unwrap();
        assert!((verdict.upper_bound - (11.0 + 2.0 * sigma)).abs() < 1e-9);
        assert!((verdict.score - (20.0 - verdict.upper_bound)).abs() < 1e-9);
        assert!(verdict.outlier);
        assert!(
            !judge(OutlierMethod::MinMax.into(), 12.0, &HISTORY)
                .unwrap()
                .outlier
        );
    }

    #[test]
    fn a_mad_of_zero_falls_back_to_the_mean_deviation_and_no_spread_is_not_judged() {
        let mostly_zero = [0.0, 0.0, 1.0, 0.0, 0.0, 1.0];
        let verdict = judge(OutlierMethod::ModifiedZScore.into(), 100.0, &mostly_zero).unwrap();
        // mean |v − 0| = 1/3; 100 / (1.253314 / 3).
        assert!((verdict.score - 100.0 / (1.253314 / 3.0)).abs() < 1e-6);
        assert!(judge(OutlierMethod::ModifiedZScore.into(), 100.0, &[5.0; 6]).is_none());
        assert!(judge(OutlierMethod::ZScore.into(), 100.0, &[5.0; 6]).is_none());
        assert!(
            judge(OutlierMethod::MinMax.into(), 6.0, &[5.0; 6])
                .unwrap()
                .outlier
        );
    }

    #[test]
    fn a_baseline_of_fewer_than_four_values_is_not_judged() {
        assert!(
            judge(
                OutlierMethod::ModifiedZScore.into(),
                100.0,
                &[1.0, 2.0, 3.0]
            )
            .is_none()
        );
    }

    #[test]
    fn methods_parse_by_their_names_only() {
        for method in OutlierMethod::ALL {
            assert_eq!(OutlierMethod::parse(method.as_str()).unwrap(), method);
        }
        assert!(OutlierMethod::parse("MOD_Z_SCORE").is_err());
    }
}
