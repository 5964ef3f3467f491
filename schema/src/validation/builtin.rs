//! Rules derived from the catalog: a sub-item of a summed total (7.1 under 7) does not exceed
//! it. They are warnings, not blocking: a catalog may sum sub-items that are not parts of the
//! total, and a plan can switch any of them off.

use std::collections::HashMap;

use diesel::prelude::*;

use super::expression::{Expression, MissingValueStrategy};
use super::records::BUILT_IN_PREFIX;
use super::rule::{Importance, Operator, RuleDefinition};
use crate::StoreError;
use crate::db::Db;
use crate::domain::Aggregation;
use crate::schema::{indicators, plan_items, validation_rule_switches};

/// The built-in rules of the plan with database id `plan_id`, with whether each is on, in
/// code order.
pub(super) fn built_in_rules(
    conn: &mut Db,
    plan_id: i64,
) -> Result<Vec<(RuleDefinition, bool)>, StoreError> {
    let rows: Vec<(i64, Option<i64>, String, String, String)> = plan_items::table
        .inner_join(indicators::table)
        .filter(plan_items::plan_id.eq(plan_id))
        .select((
            indicators::id,
            indicators::parent_id,
            indicators::code,
            indicators::number,
            indicators::aggregation,
        ))
        .load(conn)
        .map_err(StoreError::database("reading a plan's indicators"))?;
    let by_id: HashMap<i64, &(i64, Option<i64>, String, String, String)> =
        rows.iter().map(|row| (row.0, row)).collect();
    let off: Vec<String> = validation_rule_switches::table
        .filter(validation_rule_switches::plan_id.eq(plan_id))
        .select(validation_rule_switches::rule_code)
        .load(conn)
        .map_err(StoreError::database("reading a plan's switched-off rules"))?;
    let sum = Aggregation::Sum.as_db_str();
    let mut rules = Vec::new();
    for (_, parent_id, code, number, aggregation) in &rows {
        let Some(parent) = parent_id.and_then(|id| by_id.get(&id)) else {
            continue;
        };
        if aggregation != sum || parent.4 != sum {
            continue;
        }
        let rule_code = format!("{BUILT_IN_PREFIX}{code}");
        let definition = RuleDefinition {
            name: format!(
                "Chỉ tiêu {number} không vượt quá chỉ tiêu tổng {}",
                parent.3
            ),
            left: parsed(&format!("#{{{code}}}"))?,
            operator: Operator::LessThanOrEqualTo,
            right: parsed(&format!("#{{{}}}", parent.2))?,
            importance: Importance::Warning,
            missing_value_strategy: MissingValueStrategy::SkipIfAnyValueMissing,
            built_in: true,
            code: rule_code.clone(),
        };
        rules.push((definition, !off.contains(&rule_code)));
    }
    rules.sort_by(|a, b| a.0.code.cmp(&b.0.code));
    Ok(rules)
}

fn parsed(raw: &str) -> Result<Expression, StoreError> {
    Expression::parse(raw).map_err(|invalid| StoreError::Conflict {
        detail: format!("a catalog code does not make an expression: {}", invalid.0).into(),
    })
}
