//! Validation rules as callers get them and give them: never database ids.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::expression::{Expression, MissingValueStrategy};
use super::rule::{Importance, Operator, RuleDefinition};
use crate::StoreError;
use crate::domain::Invalid;
use crate::plans::PlanCode;

/// The prefix of the codes of built-in rules; user rules may not use it.
pub const BUILT_IN_PREFIX: &str = "SUBITEM-";

/// A user rule's code, unique across plans because it names the rule in URLs: 2 to 64 of
/// `A-Z 0-9 . _ -`, not starting with the built-in prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCode(String);

impl RuleCode {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        PlanCode::parse(raw)?;
        if raw.starts_with(BUILT_IN_PREFIX) {
            return Err(Invalid::new(format!(
                "codes starting with {BUILT_IN_PREFIX} are kept for the built-in rules"
            )));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a caller gives to create a rule, or to replace one (the code and plan stay).
#[derive(Debug, Clone, PartialEq)]
pub struct RuleInput {
    pub name: String,
    pub description: Option<String>,
    pub left: Expression,
    pub operator: Operator,
    pub right: Expression,
    pub importance: Importance,
    pub missing_value_strategy: MissingValueStrategy,
}

/// A rule of a plan: stored by a user, or built in (derived from the catalog).
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationRule {
    pub plan_code: String,
    pub definition: RuleDefinition,
    pub description: Option<String>,
    /// Built-in rules can be switched off per plan; user rules are always on.
    pub enabled: bool,
    /// `None` for built-in rules, which are not stored.
    pub version: Option<i32>,
    pub created_at: Option<NaiveDateTime>,
    pub updated_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable)]
pub(super) struct RuleRow {
    pub id: i64,
    pub plan_id: i64,
    pub code: String,
    pub name: String,
    pub description: Option<String>,
    pub left_expression: String,
    pub operator: String,
    pub right_expression: String,
    pub importance: String,
    pub missing_value_strategy: String,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl RuleRow {
    pub fn definition(&self) -> Result<RuleDefinition, StoreError> {
        let corrupt = |invalid: Invalid| StoreError::Conflict {
            detail: format!(
                "validation rule {} is stored unreadably: {}",
                self.code, invalid.0
            )
            .into(),
        };
        Ok(RuleDefinition {
            code: self.code.clone(),
            name: self.name.clone(),
            left: Expression::parse(&self.left_expression).map_err(corrupt)?,
            operator: Operator::parse(&self.operator).map_err(corrupt)?,
            right: Expression::parse(&self.right_expression).map_err(corrupt)?,
            importance: Importance::parse(&self.importance).map_err(corrupt)?,
            missing_value_strategy: MissingValueStrategy::parse(&self.missing_value_strategy)
                .map_err(corrupt)?,
            built_in: false,
        })
    }

    pub fn into_rule(self, plan_code: &str) -> Result<ValidationRule, StoreError> {
        Ok(ValidationRule {
            plan_code: plan_code.to_owned(),
            definition: self.definition()?,
            description: self.description,
            enabled: true,
            version: Some(self.version),
            created_at: Some(self.created_at),
            updated_at: Some(self.updated_at),
        })
    }
}
