//! Progress against target: roll-ups over the tree checked by hand-computed figures, and a
//! unit's progress report with its exports.

mod conditional;
mod conditional_reads;
mod reports;
mod rollups;

use chitieu_e2e::Scenario;

macro_rules! scenarios {
    ($($module:ident :: $test:ident),+ $(,)?) => {
        vec![$(Scenario::new(stringify!($test), |app| Box::pin($module::$test(app)))),+]
    };
}

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        rollups::a_province_rolls_up_percentages_as_a_ratio_of_sums,
        rollups::a_merged_commune_counts_under_its_successor_from_the_merger_date,
        rollups::a_quarter_sums_the_months_of_a_count,
        rollups::a_missing_report_leaves_its_unit_out_of_the_count,
        rollups::only_approved_values_count_when_asked,
        rollups::statuses_roll_up_as_the_share_of_units_that_achieved_them,
        rollups::a_bad_period_is_refused_naming_the_parameter,
        reports::the_progress_report_judges_each_item_against_the_target_of_the_year,
        reports::the_trajectory_shows_the_numbers_it_was_computed_from,
        reports::the_xlsx_export_opens_with_vietnamese_headers_and_numeric_cells,
        reports::the_adx_export_follows_the_ihe_adx_schema,
        reports::the_dhis2_export_is_a_data_value_set_with_codes,
        reports::the_printable_page_and_the_csv_carry_the_table,
        reports::a_plan_the_caller_cannot_read_is_not_found,
        conditional::a_reread_with_its_tag_is_answered_304_without_a_body,
        conditional::a_value_entered_below_changes_the_tag_and_the_answer,
        conditional::a_merger_changes_what_the_successor_answers,
        conditional::each_format_of_a_progress_report_has_its_own_tag,
        conditional::completeness_answers_304_until_a_report_is_entered,
        conditional_reads::a_report_and_the_list_of_reports_answer_304_until_a_value_changes_them,
        conditional_reads::a_list_of_units_is_never_served_to_another_scope_nor_after_a_new_unit,
        conditional_reads::a_disabled_account_is_refused_at_once_though_it_was_just_let_in,
    ]
}
