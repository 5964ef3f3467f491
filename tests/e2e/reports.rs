//! Reports of a commune with two agencies under a plan seeded straight into the database:
//! values by kind, narrative, submission, return, approval up the tree, the audit trail and
//! idempotent retries.

mod audit;
mod backup;
mod consolidation;
mod idempotency;
mod narrative;
mod refusals;
mod scope;
pub(crate) mod support;
mod workflow;

use chitieu_e2e::Scenario;

macro_rules! scenarios {
    ($($module:ident :: $test:ident),+ $(,)?) => {
        vec![$(Scenario::new(stringify!($test), |app| Box::pin($module::$test(app)))),+]
    };
}

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        workflow::agencies_report_and_approval_climbs_the_tree,
        workflow::a_commune_report_waits_for_its_agencies_unless_an_override_is_given,
        workflow::approving_a_returned_report_is_rejected,
        workflow::a_report_submitted_after_its_deadline_is_recorded_as_late,
        workflow::an_approved_report_is_reopened_only_with_a_reason,
        refusals::invalid_values_are_all_named_and_nothing_is_stored,
        refusals::a_percent_above_100_is_refused_naming_the_value,
        refusals::a_period_outside_the_plan_is_refused_naming_the_period,
        refusals::a_unit_without_assignments_cannot_open_a_report,
        refusals::changes_need_if_match_and_the_current_version,
        narrative::the_narrative_follows_seed_000s_outline_and_keeps_its_html,
        narrative::a_sub_section_under_the_wrong_parent_is_refused,
        scope::reports_outside_the_callers_subtree_are_not_found,
        scope::only_reporters_of_the_unit_enter_data_and_only_officers_above_approve,
        idempotency::a_retried_submission_returns_the_first_answer,
        idempotency::a_key_reused_for_another_request_is_refused,
        audit::the_audit_trail_lists_every_step_and_verifies,
        audit::editing_a_stored_entry_is_detected_at_its_id,
        audit::concurrent_changes_never_fork_the_chain,
        consolidation::the_issuing_unit_reports_every_item_of_its_plan,
        backup::a_backup_taken_during_writes_restores_to_a_consistent_database,
    ]
}
