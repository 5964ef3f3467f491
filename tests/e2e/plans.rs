//! Plans: Thái Tân commune's plan 18/KH-UBND (seed 002, Appendix 2) loaded through the API,
//! its targets read by the parser, its agencies assigned, and who may see and change it.

mod access;
mod changes;
mod fixture;
mod loading;
mod refusals;

use chitieu_e2e::Scenario;

macro_rules! scenarios {
    ($($module:ident :: $test:ident),+ $(,)?) => {
        vec![$(Scenario::new(stringify!($test), |app| Box::pin($module::$test(app)))),+]
    };
}

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        loading::the_whole_thai_tan_plan_loads_with_every_target_read_by_the_parser,
        loading::lead_agencies_are_assigned_and_each_unit_knows_what_it_must_report,
        loading::a_year_without_its_own_target_is_judged_against_the_next_milestone,
        loading::deadlines_default_per_period_type_and_can_be_set_per_plan,
        refusals::an_indicator_of_another_catalog_is_refused_naming_the_indicator_code,
        refusals::a_unit_outside_the_issuing_unit_subtree_cannot_be_assigned,
        refusals::a_target_year_outside_2000_to_2100_is_refused,
        refusals::a_plan_valid_until_before_it_starts_is_refused,
        refusals::a_taken_plan_code_or_a_repeated_indicator_is_a_conflict,
        changes::changing_a_plan_or_an_item_needs_if_match_and_the_current_version,
        changes::targets_change_year_by_year_and_assignments_are_replaced,
        changes::a_plan_with_items_cannot_be_deleted_until_they_are_removed,
        access::a_reporter_cannot_create_a_plan,
        access::a_viewer_of_another_province_cannot_read_the_plan,
        access::a_unit_assigned_items_reads_the_plan_of_the_unit_above_but_cannot_change_it,
        access::an_officer_cannot_issue_a_plan_for_a_unit_outside_their_tree,
    ]
}
