//! Plan import: the appendix tables of seeds 001 (Nghi Dương, Appendices 1 and 2) and 002
//! (Thái Tân 18/KH-UBND, Appendix 2) as DOCX, XLSX and CSV/TSV files, read back through the
//! API and compared with hand-checked expectations; dry runs and refused files store nothing.

mod expected;
mod imports;
mod layout_appendices;
mod layouts;
mod refusals;
pub(crate) mod support;

use chitieu_e2e::Scenario;

macro_rules! scenarios {
    ($($module:ident :: $test:ident),+ $(,)?) => {
        vec![$(Scenario::new(stringify!($test), |app| Box::pin($module::$test(app)))),+]
    };
}

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        imports::the_thai_tan_appendix_imports_alike_from_docx_xlsx_ods_and_tsv,
        imports::nghi_duong_appendix_1_imports_with_sub_items_and_proposed_agencies,
        imports::nghi_duong_appendix_2_keeps_its_printed_numbering_in_each_section,
        imports::a_dry_run_answers_the_same_summary_and_stores_nothing,
        imports::an_existing_catalog_is_reused_and_its_indicators_matched_by_number,
        imports::the_command_line_imports_a_plan_and_its_dry_run_stores_nothing,
        layouts::a_yearly_plan_from_word_keeps_sections_numbers_and_agencies_as_printed,
        layouts::a_yearly_plan_from_excel_keeps_sections_numbers_and_agencies_as_printed,
        layouts::an_appendix_from_word_with_agencies_one_a_paragraph_reads_as_printed,
        layouts::an_appendix_from_excel_with_line_breaks_in_cells_reads_as_printed,
        refusals::a_docx_that_is_not_a_zip_is_refused_and_nothing_changes,
        refusals::a_zip_without_a_word_document_is_refused_and_nothing_changes,
        refusals::a_zip_bomb_is_refused_naming_the_limit_and_nothing_changes,
        refusals::a_file_over_the_upload_limit_is_refused_with_413_and_nothing_changes,
        refusals::a_table_over_the_row_limit_is_refused_naming_the_limit,
        refusals::a_table_without_a_recognisable_header_is_refused_naming_the_headers_looked_for,
        refusals::csv_that_is_not_utf8_and_a_pdf_are_refused_with_the_reason,
        refusals::an_error_late_in_the_import_rolls_back_the_catalog_and_the_units,
        refusals::an_officer_imports_into_an_existing_catalog_but_may_not_create_one,
        refusals::a_file_whose_declared_type_is_not_its_content_is_refused,
        refusals::an_invalid_plan_or_a_row_the_catalog_lacks_is_refused_naming_where,
        refusals::a_body_that_is_not_multipart_is_refused_with_415,
    ]
}
