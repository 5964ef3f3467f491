//! What the validation endpoints answer: rules, judgements and violations, never database ids.

use chitieu_schema::validation::{self as rules, Judgement, SideValue, ValidationRule};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How the two sides compare (DHIS2's operators: `equal_to` … `exclusive_pair`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum RuleOperator {
    EqualTo,
    NotEqualTo,
    GreaterThan,
    GreaterThanOrEqualTo,
    LessThan,
    LessThanOrEqualTo,
    CompulsoryPair,
    ExclusivePair,
}

/// What a violation does to a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum RuleImportance {
    Blocking,
    Warning,
}

/// What a side does when a value it names is missing (DHIS2's `MissingValueStrategy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum MissingValueStrategy {
    SkipIfAnyValueMissing,
    SkipIfAllValuesMissing,
    NeverSkip,
}

/// How a rule judged a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum RuleOutcome {
    Passed,
    Violated,
    Skipped,
}

macro_rules! mirror {
    ($api:ident, $domain:path, [$($variant:ident),+]) => {
        impl From<$api> for $domain {
            fn from(value: $api) -> Self {
                match value { $($api::$variant => <$domain>::$variant),+ }
            }
        }
        impl From<$domain> for $api {
            fn from(value: $domain) -> Self {
                match value { $(<$domain>::$variant => $api::$variant),+ }
            }
        }
    };
}

mirror!(
    RuleOperator,
    rules::Operator,
    [
        EqualTo,
        NotEqualTo,
        GreaterThan,
        GreaterThanOrEqualTo,
        LessThan,
        LessThanOrEqualTo,
        CompulsoryPair,
        ExclusivePair
    ]
);
mirror!(RuleImportance, rules::Importance, [Blocking, Warning]);
mirror!(
    MissingValueStrategy,
    rules::MissingValueStrategy,
    [SkipIfAnyValueMissing, SkipIfAllValuesMissing, NeverSkip]
);
mirror!(RuleOutcome, rules::Outcome, [Passed, Violated, Skipped]);

/// A validation rule of a plan.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "code": "TT-DN-SO-HOA", "planCode": "TT-18-2025",
    "name": "Doanh nghiệp chuyển đổi số không vượt quá tổng số doanh nghiệp",
    "description": null, "leftSide": "#{NQ57-TT-7.1} + #{NQ57-TT-7.2}",
    "operator": "lessThanOrEqualTo", "rightSide": "#{NQ57-TT-7}", "importance": "blocking",
    "missingValueStrategy": "skipIfAnyValueMissing", "builtIn": false, "enabled": true,
    "version": 1, "createdAt": "2026-12-07T19:00:00", "updatedAt": "2026-12-07T19:00:00"}))]
pub struct ValidationRuleView {
    pub code: String,
    pub plan_code: String,
    pub name: String,
    pub description: Option<String>,
    /// DHIS2 notation: `#{indicatorCode}`, numbers, `+ - * /`, parentheses.
    pub left_side: String,
    pub operator: RuleOperator,
    pub right_side: String,
    pub importance: RuleImportance,
    pub missing_value_strategy: MissingValueStrategy,
    /// Derived from the catalog (a sub-item does not exceed its summed total); not editable,
    /// but can be switched off for the plan.
    pub built_in: bool,
    /// Only built-in rules can be off.
    pub enabled: bool,
    /// `null` for built-in rules; the ETag of a stored rule.
    pub version: Option<i32>,
    pub created_at: Option<NaiveDateTime>,
    pub updated_at: Option<NaiveDateTime>,
}

impl From<ValidationRule> for ValidationRuleView {
    fn from(rule: ValidationRule) -> Self {
        let d = rule.definition;
        Self {
            code: d.code,
            plan_code: rule.plan_code,
            name: d.name,
            description: rule.description,
            left_side: d.left.as_str().to_owned(),
            operator: d.operator.into(),
            right_side: d.right.as_str().to_owned(),
            importance: d.importance.into(),
            missing_value_strategy: d.missing_value_strategy.into(),
            built_in: d.built_in,
            enabled: rule.enabled,
            version: rule.version,
            created_at: rule.created_at,
            updated_at: rule.updated_at,
        }
    }
}

/// One side of a judged rule.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct JudgedSide {
    #[schema(example = "#{NQ57-TT-7.1} + #{NQ57-TT-7.2}")]
    pub expression: String,
    /// `null` when a value it names is missing, or it divides by zero.
    #[schema(example = 120.0)]
    pub value: Option<f64>,
    /// Why there is no value: `missing` or `divisionByZero`.
    #[schema(example = json!(null))]
    pub no_value_because: Option<String>,
}

/// A rule judged over one report's values.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "ruleCode": "TT-DN-SO-HOA", "ruleName": "Doanh nghiệp chuyển đổi số không vượt quá tổng số doanh nghiệp",
    "importance": "blocking", "operator": "lessThanOrEqualTo", "builtIn": false,
    "leftSide": {"expression": "#{NQ57-TT-7.1} + #{NQ57-TT-7.2}", "value": 120.0, "noValueBecause": null},
    "rightSide": {"expression": "#{NQ57-TT-7}", "value": 100.0, "noValueBecause": null},
    "outcome": "violated"}))]
pub struct RuleJudgement {
    pub rule_code: String,
    pub rule_name: String,
    pub importance: RuleImportance,
    pub operator: RuleOperator,
    pub built_in: bool,
    pub left_side: JudgedSide,
    pub right_side: JudgedSide,
    pub outcome: RuleOutcome,
}

fn side(expression: &str, value: SideValue) -> JudgedSide {
    JudgedSide {
        expression: expression.to_owned(),
        value: value.value(),
        no_value_because: match value {
            SideValue::Value(_) => None,
            SideValue::Missing => Some("missing".to_owned()),
            SideValue::DivisionByZero => Some("divisionByZero".to_owned()),
        },
    }
}

impl From<Judgement> for RuleJudgement {
    fn from(j: Judgement) -> Self {
        Self {
            left_side: side(j.rule.left.as_str(), j.left),
            right_side: side(j.rule.right.as_str(), j.right),
            rule_code: j.rule.code,
            rule_name: j.rule.name,
            importance: j.rule.importance.into(),
            operator: j.rule.operator.into(),
            built_in: j.rule.built_in,
            outcome: j.outcome.into(),
        }
    }
}

/// A unit whose report violates rules, as the subtree listing shows it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UnitViolationsView {
    #[schema(example = "31001-VHXH")]
    pub unit_code: String,
    #[schema(example = "Phòng Văn hóa – Xã hội")]
    pub unit_name: String,
    /// The report's state: violations are listed in every state, so reviewers see them
    /// before approving.
    #[schema(example = "submitted")]
    pub report_state: String,
    pub violations: Vec<RuleJudgement>,
}

impl From<rules::UnitViolations> for UnitViolationsView {
    fn from(unit: rules::UnitViolations) -> Self {
        Self {
            unit_code: unit.unit_code,
            unit_name: unit.unit_name,
            report_state: unit.report_state,
            violations: unit.violations.into_iter().map(Into::into).collect(),
        }
    }
}

/// A validation warning acknowledged on submission, kept on the report.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"ruleCode": "SUBITEM-NQ57-TT-7.1", "leftValue": 130.0, "rightValue": 120.0,
    "comment": "Số doanh nghiệp tăng do sáp nhập xã, đã xác minh với Phòng Kinh tế",
    "acknowledgedAt": "2026-12-07T19:30:00", "acknowledgedBy": "user:thaitan.vhxh"}))]
pub struct AcknowledgedWarningView {
    pub rule_code: String,
    /// The left side's value when acknowledged.
    pub left_value: Option<f64>,
    pub right_value: Option<f64>,
    pub comment: Option<String>,
    pub acknowledged_at: NaiveDateTime,
    pub acknowledged_by: String,
}

impl From<rules::AcknowledgedWarning> for AcknowledgedWarningView {
    fn from(a: rules::AcknowledgedWarning) -> Self {
        Self {
            rule_code: a.rule_code,
            left_value: a.left_value,
            right_value: a.right_value,
            comment: a.comment,
            acknowledged_at: a.acknowledged_at,
            acknowledged_by: a.acknowledged_by,
        }
    }
}
