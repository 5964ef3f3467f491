//! Creating, replacing and deleting a plan's rules, and switching built-in rules on and off.
//! Every expression may name only indicators of the plan.

use diesel::prelude::*;

use super::builtin::built_in_rules;
use super::expression::Expression;
use super::read::{plan_id, rule_row};
use super::records::{RuleCode, RuleInput, ValidationRule};
use crate::db::Db;
use crate::schema::{indicators, plan_items, validation_rule_switches, validation_rules};
use crate::{StoreError, now_utc};

pub fn create_rule(
    conn: &mut Db,
    plan_code: &str,
    code: &RuleCode,
    input: RuleInput,
) -> Result<ValidationRule, StoreError> {
    conn.transaction(|conn| {
        let plan_id = plan_id(conn, plan_code)?;
        check_codes(conn, plan_id, plan_code, &input)?;
        let taken = validation_rules::table
            .filter(validation_rules::code.eq(code.as_str()))
            .count()
            .get_result::<i64>(conn)
            .map_err(StoreError::database("checking a rule code"))?;
        if taken > 0 {
            return Err(StoreError::conflict(
                crate::messages::Message::new("validation-rule-code-taken")
                    .arg("code", code.as_str()),
            ));
        }
        let now = now_utc();
        diesel::insert_into(validation_rules::table)
            .values((
                validation_rules::plan_id.eq(plan_id),
                validation_rules::code.eq(code.as_str()),
                validation_rules::version.eq(1),
                validation_rules::created_at.eq(now),
                validation_rules::updated_at.eq(now),
                validation_rules::name.eq(&input.name),
                validation_rules::description.eq(&input.description),
                validation_rules::left_expression.eq(input.left.as_str()),
                validation_rules::operator.eq(input.operator.as_str()),
                validation_rules::right_expression.eq(input.right.as_str()),
                validation_rules::importance.eq(input.importance.as_str()),
                validation_rules::missing_value_strategy.eq(input.missing_value_strategy.as_str()),
            ))
            .execute(conn)
            .map_err(StoreError::database("creating a validation rule"))?;
        let (row, plan_code) = rule_row(conn, code.as_str())?;
        row.into_rule(&plan_code)
    })
}

pub fn update_rule(
    conn: &mut Db,
    code: &str,
    expected_version: Option<i32>,
    input: RuleInput,
) -> Result<ValidationRule, StoreError> {
    conn.transaction(|conn| {
        let (row, plan_code) = rule_row(conn, code)?;
        check_version(row.version, expected_version)?;
        check_codes(conn, row.plan_id, &plan_code, &input)?;
        let updated = diesel::update(
            validation_rules::table
                .find(row.id)
                .filter(validation_rules::version.eq(row.version)),
        )
        .set((
            validation_rules::version.eq(row.version + 1),
            validation_rules::updated_at.eq(now_utc()),
            validation_rules::name.eq(&input.name),
            validation_rules::description.eq(&input.description),
            validation_rules::left_expression.eq(input.left.as_str()),
            validation_rules::operator.eq(input.operator.as_str()),
            validation_rules::right_expression.eq(input.right.as_str()),
            validation_rules::importance.eq(input.importance.as_str()),
            validation_rules::missing_value_strategy.eq(input.missing_value_strategy.as_str()),
        ))
        .execute(conn)
        .map_err(StoreError::database("changing a validation rule"))?;
        if updated == 0 {
            return Err(StoreError::VersionMismatch {
                expected: row.version,
                current: row.version + 1,
            });
        }
        let (row, plan_code) = rule_row(conn, code)?;
        row.into_rule(&plan_code)
    })
}

pub fn delete_rule(
    conn: &mut Db,
    code: &str,
    expected_version: Option<i32>,
) -> Result<(), StoreError> {
    conn.transaction(|conn| {
        let (row, _) = rule_row(conn, code)?;
        check_version(row.version, expected_version)?;
        diesel::delete(validation_rules::table.find(row.id))
            .execute(conn)
            .map_err(StoreError::database("deleting a validation rule"))?;
        Ok(())
    })
}

/// Switches the built-in rule `code` of the plan on or off; answers the plan's rule as it is now.
pub fn switch_built_in_rule(
    conn: &mut Db,
    plan_code: &str,
    code: &str,
    enabled: bool,
    actor: &str,
) -> Result<ValidationRule, StoreError> {
    conn.transaction(|conn| {
        let plan_id = plan_id(conn, plan_code)?;
        let Some((definition, _)) = built_in_rules(conn, plan_id)?
            .into_iter()
            .find(|(rule, _)| rule.code == code)
        else {
            return Err(StoreError::not_found("built-in validation rule", code));
        };
        let existing = validation_rule_switches::table
            .filter(validation_rule_switches::plan_id.eq(plan_id))
            .filter(validation_rule_switches::rule_code.eq(code));
        diesel::delete(existing)
            .execute(conn)
            .map_err(StoreError::database("switching a built-in rule"))?;
        if !enabled {
            diesel::insert_into(validation_rule_switches::table)
                .values((
                    validation_rule_switches::plan_id.eq(plan_id),
                    validation_rule_switches::rule_code.eq(code),
                    validation_rule_switches::switched_off_at.eq(now_utc()),
                    validation_rule_switches::switched_off_by.eq(actor),
                ))
                .execute(conn)
                .map_err(StoreError::database("switching a built-in rule"))?;
        }
        Ok(ValidationRule {
            plan_code: plan_code.to_owned(),
            definition,
            description: None,
            enabled,
            version: None,
            created_at: None,
            updated_at: None,
        })
    })
}

fn check_version(current: i32, expected: Option<i32>) -> Result<(), StoreError> {
    match expected {
        Some(expected) if expected != current => {
            Err(StoreError::VersionMismatch { expected, current })
        }
        _ => Ok(()),
    }
}

/// 422 at the side naming an indicator that is not an item of the plan, with its position.
fn check_codes(
    conn: &mut Db,
    plan_id: i64,
    plan_code: &str,
    input: &RuleInput,
) -> Result<(), StoreError> {
    let known: Vec<String> = plan_items::table
        .inner_join(indicators::table)
        .filter(plan_items::plan_id.eq(plan_id))
        .select(indicators::code)
        .load(conn)
        .map_err(StoreError::database("reading a plan's indicators"))?;
    let sides: [(&str, &Expression); 2] =
        [("/leftSide", &input.left), ("/rightSide", &input.right)];
    for (pointer, side) in sides {
        for (code, position) in side.indicator_positions() {
            if !known.iter().any(|k| k == code) {
                return Err(StoreError::RejectedAt {
                    pointer: pointer.to_owned(),
                    reason: format!(
                        "at position {position}: indicator {code} is not an item of plan {plan_code}"
                    ).into(),
                });
            }
        }
    }
    Ok(())
}
