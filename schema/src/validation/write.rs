//! Creating, replacing and deleting a plan's rules, and switching built-in rules on and off.
//! Every expression may name only indicators of the plan. Each change is recorded in the audit
//! trail in its transaction, which first takes the chain's lock (see `audit::lock_chain`).

use diesel::prelude::*;

use super::audit::{
    BUILT_IN_SWITCHED, RULE_CHANGED, RULE_CREATED, RULE_DELETED, record, snapshot, switch_snapshot,
};
use super::builtin::built_in_rules;
use super::expression::Expression;
use super::read::{plan_id, rule_row};
use super::records::{RuleCode, RuleInput, ValidationRule};
use crate::audit::lock_chain;
use crate::db::Db;
use crate::reports::Actor;
use crate::schema::{indicators, plan_items, validation_rule_switches, validation_rules};
use crate::{StoreError, now_utc};

pub fn create_rule(
    conn: &mut Db,
    plan_code: &str,
    code: &RuleCode,
    input: RuleInput,
    actor: &Actor,
) -> Result<ValidationRule, StoreError> {
    conn.transaction(|conn| {
        lock_chain(conn)?;
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
        record(
            conn,
            actor,
            RULE_CREATED,
            plan_id,
            None,
            Some(snapshot(&row)),
        )?;
        row.into_rule(&plan_code)
    })
}

pub fn update_rule(
    conn: &mut Db,
    code: &str,
    expected_version: Option<i32>,
    input: RuleInput,
    actor: &Actor,
) -> Result<ValidationRule, StoreError> {
    conn.transaction(|conn| {
        lock_chain(conn)?;
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
        let before = snapshot(&row);
        let (row, plan_code) = rule_row(conn, code)?;
        record(
            conn,
            actor,
            RULE_CHANGED,
            row.plan_id,
            Some(before),
            Some(snapshot(&row)),
        )?;
        row.into_rule(&plan_code)
    })
}

pub fn delete_rule(
    conn: &mut Db,
    code: &str,
    expected_version: Option<i32>,
    actor: &Actor,
) -> Result<(), StoreError> {
    conn.transaction(|conn| {
        lock_chain(conn)?;
        let (row, _) = rule_row(conn, code)?;
        check_version(row.version, expected_version)?;
        diesel::delete(validation_rules::table.find(row.id))
            .execute(conn)
            .map_err(StoreError::database("deleting a validation rule"))?;
        record(
            conn,
            actor,
            RULE_DELETED,
            row.plan_id,
            Some(snapshot(&row)),
            None,
        )
    })
}

/// Switches the built-in rule `code` of the plan on or off; answers the plan's rule as it is now.
pub fn switch_built_in_rule(
    conn: &mut Db,
    plan_code: &str,
    code: &str,
    enabled: bool,
    actor: &Actor,
) -> Result<ValidationRule, StoreError> {
    conn.transaction(|conn| {
        lock_chain(conn)?;
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
        let was_enabled = existing
            .count()
            .get_result::<i64>(conn)
            .map_err(StoreError::database("reading a built-in rule's switch"))?
            == 0;
        diesel::delete(existing)
            .execute(conn)
            .map_err(StoreError::database("switching a built-in rule"))?;
        if !enabled {
            diesel::insert_into(validation_rule_switches::table)
                .values((
                    validation_rule_switches::plan_id.eq(plan_id),
                    validation_rule_switches::rule_code.eq(code),
                    validation_rule_switches::switched_off_at.eq(now_utc()),
                    validation_rule_switches::switched_off_by.eq(&actor.subject),
                ))
                .execute(conn)
                .map_err(StoreError::database("switching a built-in rule"))?;
        }
        // Repeating a switch changes nothing, and records nothing.
        if was_enabled != enabled {
            record(
                conn,
                actor,
                BUILT_IN_SWITCHED,
                plan_id,
                Some(switch_snapshot(code, was_enabled)),
                Some(switch_snapshot(code, enabled)),
            )?;
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
