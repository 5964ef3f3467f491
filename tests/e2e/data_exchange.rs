//! `POST /api/v1/dataValueSets`: DHIS2-shaped bulk import into the commune's reports, on the
//! plan seeded by the reporting fixture.

mod csv;
mod imports;
mod refusals;
mod support;

use chitieu_e2e::Scenario;

macro_rules! scenarios {
    ($($module:ident :: $test:ident),+ $(,)?) => {
        vec![$(Scenario::new(stringify!($test), |app| Box::pin($module::$test(app)))),+]
    };
}

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        imports::a_json_import_creates_values_and_counts_them_exactly,
        imports::the_same_import_again_leaves_everything_unchanged,
        imports::the_update_strategy_changes_stored_values_and_ignores_new_ones,
        imports::the_create_strategy_ignores_stored_values,
        imports::the_delete_strategy_removes_values,
        imports::a_dry_run_counts_but_stores_nothing,
        imports::a_retried_import_with_the_same_key_returns_the_first_summary,
        imports::the_issuing_unit_imports_items_assigned_only_to_its_agencies,
        refusals::atomic_mode_all_with_one_bad_value_stores_nothing,
        refusals::atomic_mode_none_stores_the_good_values_and_lists_each_bad_one,
        refusals::an_unknown_id_scheme_is_refused_naming_it,
        refusals::a_reporter_importing_for_other_units_gets_conflicts,
        refusals::a_caller_who_enters_data_nowhere_is_forbidden,
        csv::a_csv_import_with_a_header_row_stores_its_values,
        csv::a_csv_import_without_a_header_row_stores_its_values,
    ]
}
