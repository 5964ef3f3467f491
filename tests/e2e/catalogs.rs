//! The indicator catalog: catalogs, Roman-numeral sections and indicators with sub-items,
//! built from Appendix 2 of Thái Tân commune's plan (seed 002).

mod changes_and_deletions;
mod fixture;
mod listing;
mod period_aggregation;
mod refusals;
mod tree_and_defaults;

use chitieu_e2e::Scenario;

macro_rules! scenarios {
    ($($module:ident :: $test:ident),+ $(,)?) => {
        vec![$(Scenario::new(stringify!($test), |app| Box::pin($module::$test(app)))),+]
    };
}

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        tree_and_defaults::the_tree_lists_sections_in_order_with_sub_items_nested_numerically,
        tree_and_defaults::a_sub_item_finds_its_parent_and_section_by_its_number,
        tree_and_defaults::direction_and_aggregation_default_by_value_kind,
        tree_and_defaults::a_section_takes_the_value_of_its_numeral_as_position,
        tree_and_defaults::a_created_indicator_has_a_location_and_an_etag,
        tree_and_defaults::vietnamese_names_come_back_in_nfc_exactly,
        refusals::a_rank_that_sums_is_refused_naming_the_aggregation,
        refusals::an_indicator_of_an_unknown_catalog_is_refused_naming_the_catalog_code,
        refusals::a_taken_indicator_code_is_a_conflict_naming_it,
        refusals::a_taken_number_in_the_same_section_is_a_conflict,
        refusals::a_number_ending_in_a_dot_is_refused,
        refusals::every_invalid_field_is_listed_at_once,
        refusals::a_parent_in_another_catalog_is_refused,
        refusals::a_parent_in_another_section_is_refused,
        refusals::a_duplicate_catalog_or_section_is_a_conflict,
        changes_and_deletions::a_change_needs_if_match_and_the_current_version,
        changes_and_deletions::clearing_a_field_that_cannot_be_empty_is_refused,
        changes_and_deletions::a_catalog_version_moves_only_when_its_fields_change,
        changes_and_deletions::an_indicator_cannot_sit_under_its_own_sub_item,
        changes_and_deletions::moving_an_item_to_another_section_moves_its_sub_items,
        changes_and_deletions::changing_the_kind_rechecks_the_aggregation,
        changes_and_deletions::a_catalog_with_indicators_cannot_be_deleted,
        changes_and_deletions::an_indicator_with_sub_items_cannot_be_deleted,
        changes_and_deletions::a_section_in_use_cannot_be_deleted,
        listing::lists_are_paged_with_totals,
        listing::indicators_filter_by_catalog_section_and_name,
        period_aggregation::an_indicator_takes_its_period_aggregation_from_its_kind_by_default,
        period_aggregation::an_indicator_can_be_created_with_a_period_aggregation,
        period_aggregation::a_status_indicator_cannot_sum_over_months,
        period_aggregation::both_misfits_of_a_rank_are_listed_at_once,
        period_aggregation::an_update_changes_the_period_aggregation,
        period_aggregation::changing_the_kind_rechecks_the_period_aggregation,
    ]
}
