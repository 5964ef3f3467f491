//! Reading rules: one by code, all of a plan (user and built-in), and the ones that apply.

use diesel::prelude::*;

use super::builtin::built_in_rules;
use super::records::{RuleRow, ValidationRule};
use super::rule::RuleDefinition;
use crate::StoreError;
use crate::db::Db;
use crate::schema::{plans, validation_rules};

/// The plan id and code of the stored rule `code`, with its row.
pub(super) fn rule_row(conn: &mut Db, code: &str) -> Result<(RuleRow, String), StoreError> {
    validation_rules::table
        .inner_join(plans::table)
        .filter(validation_rules::code.eq(code))
        .select((validation_rules::all_columns, plans::code))
        .first::<(RuleRow, String)>(conn)
        .optional()
        .map_err(StoreError::database("reading a validation rule"))?
        .ok_or_else(|| StoreError::not_found("validation rule", code))
}

/// The plan code of the stored rule `code`, for access checks before anything else.
pub fn rule_plan_code(conn: &mut Db, code: &str) -> Result<String, StoreError> {
    Ok(rule_row(conn, code)?.1)
}

pub fn find_rule(conn: &mut Db, code: &str) -> Result<ValidationRule, StoreError> {
    let (row, plan_code) = rule_row(conn, code)?;
    row.into_rule(&plan_code)
}

pub(crate) fn plan_id(conn: &mut Db, plan_code: &str) -> Result<i64, StoreError> {
    plans::table
        .filter(plans::code.eq(plan_code))
        .select(plans::id)
        .first(conn)
        .optional()
        .map_err(StoreError::database("reading a plan"))?
        .ok_or_else(|| StoreError::not_found("plan", plan_code))
}

/// Every rule of the plan: the user's in code order, then the built-in ones (also those
/// switched off, marked so).
pub fn list_rules(conn: &mut Db, plan_code: &str) -> Result<Vec<ValidationRule>, StoreError> {
    let plan_id = plan_id(conn, plan_code)?;
    let rows: Vec<RuleRow> = validation_rules::table
        .filter(validation_rules::plan_id.eq(plan_id))
        .order(validation_rules::code)
        .load(conn)
        .map_err(StoreError::database("reading a plan's validation rules"))?;
    let mut rules = rows
        .into_iter()
        .map(|row| row.into_rule(plan_code))
        .collect::<Result<Vec<_>, _>>()?;
    for (definition, enabled) in built_in_rules(conn, plan_id)? {
        rules.push(ValidationRule {
            plan_code: plan_code.to_owned(),
            definition,
            description: None,
            enabled,
            version: None,
            created_at: None,
            updated_at: None,
        });
    }
    Ok(rules)
}

/// The rules that judge reports of the plan with id `plan_id`: the user's and the built-in
/// ones that are on.
pub(super) fn rules_in_force(
    conn: &mut Db,
    plan_id: i64,
) -> Result<Vec<RuleDefinition>, StoreError> {
    let rows: Vec<RuleRow> = validation_rules::table
        .filter(validation_rules::plan_id.eq(plan_id))
        .order(validation_rules::code)
        .load(conn)
        .map_err(StoreError::database("reading a plan's validation rules"))?;
    let mut rules = rows
        .iter()
        .map(RuleRow::definition)
        .collect::<Result<Vec<_>, _>>()?;
    rules.extend(
        built_in_rules(conn, plan_id)?
            .into_iter()
            .filter_map(|(rule, enabled)| enabled.then_some(rule)),
    );
    Ok(rules)
}
