//! Validation rules (DHIS2's left side, operator, right side, importance): stored per plan,
//! plus rules derived from the catalog that a plan can switch off; judged over a report at
//! submission (blocking refuses, warnings are acknowledged) and over a subtree for reviewers.

mod audit;
mod builtin;
mod expression;
mod judge;
mod read;
mod records;
mod rule;
mod submission;
mod subtree;
mod write;

pub use audit::{BUILT_IN_SWITCHED, RULE_CHANGED, RULE_CREATED, RULE_DELETED};
pub use expression::{Expression, MissingValueStrategy, SideValue};
pub use judge::rule_number;
pub(crate) use judge::stored_number;
pub(crate) use read::plan_id;
pub use read::{find_rule, list_rules, rule_plan_code};
pub use records::{BUILT_IN_PREFIX, RuleCode, RuleInput, ValidationRule};
pub use rule::{Importance, Judgement, Operator, Outcome, RuleDefinition};
pub use submission::{
    AcknowledgedWarning, Submission, acknowledged_warnings, check_submission, describe,
};
pub use subtree::{UnitViolations, subtree_violations};
pub use write::{create_rule, delete_rule, switch_built_in_rule, update_rule};

/// Every rule in force judged over one report (by database ids), for the report's view.
pub fn judge_report(
    conn: &mut crate::db::Db,
    report_id: i64,
    plan_id: i64,
) -> Result<Vec<Judgement>, crate::StoreError> {
    judge::judge_report(conn, report_id, plan_id)
}
