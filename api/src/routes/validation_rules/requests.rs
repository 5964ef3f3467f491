//! What callers send to create or replace a rule, parsed into the domain's input.

use chitieu_schema::domain::{Name, OptionalText};
use chitieu_schema::validation::{Expression, RuleCode, RuleInput};
use serde::Deserialize;
use utoipa::ToSchema;

use super::views::{MissingValueStrategy, RuleImportance, RuleOperator};
use crate::error::ApiError;
use crate::validation::FieldErrors;

/// A new validation rule of a plan.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({
    "code": "TT-DN-SO-HOA", "planCode": "TT-18-2025",
    "name": "Doanh nghiệp chuyển đổi số không vượt quá tổng số doanh nghiệp",
    "leftSide": "#{NQ57-TT-7.1} + #{NQ57-TT-7.2}", "operator": "lessThanOrEqualTo",
    "rightSide": "#{NQ57-TT-7}", "importance": "blocking"}))]
pub struct NewRuleRequest {
    /// 2 to 64 of `A-Z 0-9 . _ -`, unique across plans; `SUBITEM-…` is kept for built-in rules.
    pub code: String,
    pub plan_code: String,
    pub name: String,
    pub description: Option<String>,
    pub left_side: String,
    pub operator: RuleOperator,
    pub right_side: String,
    pub importance: RuleImportance,
    pub missing_value_strategy: Option<MissingValueStrategy>,
}

/// A rule's parts that can change (its code and plan stay).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({
    "name": "Doanh nghiệp chuyển đổi số không vượt quá tổng số doanh nghiệp",
    "leftSide": "#{NQ57-TT-7.1} + #{NQ57-TT-7.2}", "operator": "lessThanOrEqualTo",
    "rightSide": "#{NQ57-TT-7}", "importance": "warning",
    "missingValueStrategy": "neverSkip"}))]
pub struct RuleRequest {
    pub name: String,
    pub description: Option<String>,
    /// DHIS2 notation over indicator codes of the plan: `#{NQ57-TT-7.1} + #{NQ57-TT-7.2}`,
    /// numbers (a dot for decimals), `+ - * /`, parentheses. Errors name the position.
    pub left_side: String,
    pub operator: RuleOperator,
    pub right_side: String,
    pub importance: RuleImportance,
    /// Default `skipIfAnyValueMissing`; `neverSkip` treats missing values as 0.
    pub missing_value_strategy: Option<MissingValueStrategy>,
}

impl RuleRequest {
    pub fn parse(self, errors: &mut FieldErrors) -> Option<RuleInput> {
        let name = errors.check("/name", Name::parse(&self.name));
        let description = errors.check(
            "/description",
            OptionalText::parse(self.description.as_deref()),
        );
        let left = errors.check("/leftSide", Expression::parse(&self.left_side));
        let right = errors.check("/rightSide", Expression::parse(&self.right_side));
        Some(RuleInput {
            name: name?.into_string(),
            description: description?.into_option(),
            left: left?,
            operator: self.operator.into(),
            right: right?,
            importance: self.importance.into(),
            missing_value_strategy: self
                .missing_value_strategy
                .unwrap_or(MissingValueStrategy::SkipIfAnyValueMissing)
                .into(),
        })
    }

    pub fn parse_alone(self) -> Result<RuleInput, ApiError> {
        let mut errors = FieldErrors::new();
        let input = self.parse(&mut errors);
        errors.finish(|| input)
    }
}

impl NewRuleRequest {
    pub fn parse(self) -> Result<(RuleCode, String, RuleInput), ApiError> {
        let mut errors = FieldErrors::new();
        let code = errors.check("/code", RuleCode::parse(&self.code));
        let input = RuleRequest {
            name: self.name,
            description: self.description,
            left_side: self.left_side,
            operator: self.operator,
            right_side: self.right_side,
            importance: self.importance,
            missing_value_strategy: self.missing_value_strategy,
        }
        .parse(&mut errors);
        let plan_code = self.plan_code;
        errors.finish(|| Some((code?, plan_code, input?)))
    }
}
