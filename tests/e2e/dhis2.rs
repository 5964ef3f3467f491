//! DHIS2's own surface, `/api/dataValueSets` and `/api/{version}/dataValueSets`: DHIS2's
//! logins, lenient reading, deletions, CSV and ADX, and answers per DHIS2 version, on the plan
//! seeded by the reporting fixture.

mod answers;
mod export;
mod logins;
mod sets;

use chitieu_e2e::Scenario;

macro_rules! scenarios {
    ($($module:ident :: $test:ident),+ $(,)?) => {
        vec![$(Scenario::new(stringify!($test), |app| Box::pin($module::$test(app)))),+]
    };
}

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        sets::a_set_exactly_as_dhis2_2_40_exports_it_is_imported,
        sets::members_dhis2_ignores_are_ignored_here_and_refused_on_our_own_route,
        sets::an_empty_value_or_deleted_true_deletes_and_an_absent_value_is_a_conflict,
        sets::a_csv_deleted_column_deletes_and_the_first_row_is_always_skipped,
        sets::an_adx_import_stores_its_values,
        sets::a_set_level_attribute_option_combo_is_a_conflict_on_every_value,
        answers::a_partial_import_is_200_warning_unversioned_and_409_warning_on_api_40,
        answers::an_unknown_data_set_is_409_error_with_e7600,
        answers::api_versions_before_38_answer_the_bare_summary_and_unknown_ones_404,
        logins::basic_authentication_takes_a_password_and_is_throttled_like_sign_in,
        logins::an_api_token_header_takes_an_api_key,
        export::dhis2_export_reads_a_posted_set_back_as_json_csv_and_adx,
        export::dhis2_export_takes_subtrees_dates_and_changes_since,
        export::dhis2_export_query_dhis2_calls_illegal_is_409_with_its_error_code,
        export::dhis2_errors_before_the_handler_are_web_messages,
        export::dhis2_an_oversize_set_is_413_as_a_web_message,
    ]
}
