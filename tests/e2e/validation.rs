//! Validation rules: judged by hand-computed examples, enforced on submission (blocking
//! refuses, warnings acknowledged and kept), built-in rules from the catalog, and the subtree
//! listing for reviewers; changes to rules in the audit trail.

mod audit;
mod fixture;
mod judging;
mod submission;
mod subtree;

use chitieu_e2e::Scenario;

macro_rules! scenarios {
    ($($module:ident :: $test:ident),+ $(,)?) => {
        vec![$(Scenario::new(stringify!($test), |app| Box::pin($module::$test(app)))),+]
    };
}

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        judging::each_operator_judges_values_as_computed_by_hand,
        judging::pairs_look_at_which_sides_have_values_and_missing_values_follow_the_strategy,
        judging::a_division_by_zero_skips_the_rule_instead_of_inventing_a_value,
        judging::an_expression_that_does_not_parse_is_refused_naming_the_position,
        judging::rules_are_created_read_replaced_and_deleted_with_their_version,
        submission::a_blocking_rule_refuses_a_submission_listing_both_sides,
        submission::a_warning_is_acknowledged_and_kept_on_the_report_and_in_the_audit_trail,
        submission::built_in_rules_are_listed_beside_the_users_and_can_be_switched_off,
        subtree::the_subtree_listing_shows_each_units_violations_within_the_callers_scope,
        audit::rule_changes_are_in_the_audit_trail_with_who_when_before_and_after,
    ]
}
