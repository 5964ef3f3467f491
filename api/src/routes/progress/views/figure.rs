//! A unit's figure for an indicator and its status against the year's target, as the API
//! spells them.

use chitieu_schema::progress::{Figure, TargetStatus};
use serde::Serialize;
use utoipa::ToSchema;

/// The figure, tagged by `kind`: a number; Σ numerator / Σ denominator; one unit's status; a
/// status rolled up as the units that achieved it out of those reporting it; a text. The
/// report endpoints' `RatioBody` and `StatusBody` are not reused: they forbid unknown
/// properties, so adding the `kind` tag to them would make the schema unsatisfiable.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[schema(example = json!({"kind": "ratio", "numerator": 30, "denominator": 40}))]
pub enum FigureView {
    Number {
        value: f64,
    },
    Ratio {
        numerator: f64,
        denominator: f64,
    },
    Status {
        achieved: bool,
        /// The outcome as written: Đạt, Có, Duy trì, Kết nối …
        label: Option<String>,
    },
    Share {
        achieved: u32,
        reporting: u32,
    },
    Text {
        text: String,
    },
}

impl From<&Figure> for FigureView {
    fn from(figure: &Figure) -> Self {
        match figure {
            Figure::Number(value) => FigureView::Number { value: *value },
            Figure::Ratio {
                numerator,
                denominator,
            } => FigureView::Ratio {
                numerator: *numerator,
                denominator: *denominator,
            },
            Figure::Status { achieved, label } => FigureView::Status {
                achieved: *achieved,
                label: label.clone(),
            },
            Figure::Share {
                achieved,
                reporting,
            } => FigureView::Share {
                achieved: *achieved,
                reporting: *reporting,
            },
            Figure::Text(text) => FigureView::Text { text: text.clone() },
        }
    }
}

/// Status against the year's target ("So với chỉ tiêu kế hoạch").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum ProgressStatus {
    Achieved,
    /// Met and strictly better than the target's figure.
    Exceeded,
    NotAchieved,
    NoData,
    NoTarget,
    /// The target is qualitative, or the figure cannot be compared with it: a person decides.
    NeedsJudgement,
}

impl From<TargetStatus> for ProgressStatus {
    fn from(status: TargetStatus) -> Self {
        match status {
            TargetStatus::Achieved => ProgressStatus::Achieved,
            TargetStatus::Exceeded => ProgressStatus::Exceeded,
            TargetStatus::NotAchieved => ProgressStatus::NotAchieved,
            TargetStatus::NoData => ProgressStatus::NoData,
            TargetStatus::NoTarget => ProgressStatus::NoTarget,
            TargetStatus::NeedsJudgement => ProgressStatus::NeedsJudgement,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_is_spelled_as_the_domain_spells_it() {
        let all = [
            TargetStatus::Achieved,
            TargetStatus::Exceeded,
            TargetStatus::NotAchieved,
            TargetStatus::NoData,
            TargetStatus::NoTarget,
            TargetStatus::NeedsJudgement,
        ];
        for status in all {
            let json = serde_json::to_value(ProgressStatus::from(status)).unwrap();
            assert_eq!(json, status.as_str());
        }
    }

    #[test]
    fn the_figure_schema_admits_its_kind_tag() {
        use utoipa::PartialSchema;
        let schema = serde_json::to_string(&FigureView::schema()).unwrap();
        assert!(!schema.contains("additionalProperties"), "{schema}");
        assert!(!schema.contains("$ref"), "{schema}");
    }

    #[test]
    fn a_figure_is_tagged_by_its_kind() {
        let ratio = FigureView::from(&Figure::Ratio {
            numerator: 30.0,
            denominator: 40.0,
        });
        assert_eq!(
            serde_json::to_value(ratio).unwrap(),
            serde_json::json!({"kind": "ratio", "numerator": 30.0, "denominator": 40.0})
        );
        let share = FigureView::from(&Figure::Share {
            achieved: 3,
            reporting: 4,
        });
        assert_eq!(
            serde_json::to_value(share).unwrap(),
            serde_json::json!({"kind": "share", "achieved": 3, "reporting": 4})
        );
        let status = FigureView::from(&Figure::Status {
            achieved: true,
            label: Some("Đạt".into()),
        });
        assert_eq!(
            serde_json::to_value(status).unwrap(),
            serde_json::json!({"kind": "status", "achieved": true, "label": "Đạt"})
        );
    }
}
