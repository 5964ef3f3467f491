//! Hardening (issue 15): sign-in throttling without lock-outs, tokens that end when the account
//! changes, bounded and clean input, an audit trail that resists forgery, and no 500 when the
//! database is busy.

mod contention;
mod inputs;
mod sign_in;
mod tokens;
mod trail;
mod upstream_checkpoint;
mod whole_import;

use chitieu_e2e::Scenario;

macro_rules! scenarios {
    ($($module:ident :: $test:ident),+ $(,)?) => {
        vec![$(Scenario::new(concat!("hardening::", stringify!($test)), |app| Box::pin($module::$test(app)))),+]
    };
}

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        sign_in::failures_from_one_address_do_not_keep_the_owner_out_from_another,
        sign_in::forty_concurrent_wrong_passwords_are_checked_at_most_five_times,
        sign_in::delays_grow_with_each_further_attempt,
        tokens::a_token_ends_when_the_password_role_or_unit_changes_or_the_account_is_disabled,
        tokens::a_password_set_by_someone_else_must_be_changed_first_and_is_logged,
        tokens::an_officer_cannot_set_the_password_of_a_peer_or_of_anyone_above,
        inputs::numbers_beyond_ten_to_the_fifteenth_are_refused_naming_the_field,
        inputs::names_with_direction_overrides_or_invisible_characters_are_refused,
        inputs::narrative_html_is_sanitised_on_input,
        inputs::an_out_of_scope_unit_and_a_missing_one_get_the_same_answer,
        trail::deleting_the_newest_entries_is_found_by_the_checkpoint,
        trail::a_rewritten_entry_with_relinked_hashes_is_found_without_the_key,
        trail::a_value_edited_without_an_entry_is_reported,
        contention::a_busy_database_answers_503_with_retry_after_and_key_reads_go_on,
        contention::a_national_import_leaves_other_writers_answered,
        upstream_checkpoint::each_submission_carries_a_checkpoint_that_matches_the_chain,
        whole_import::killing_the_server_mid_import_leaves_all_of_it_or_nothing,
    ]
}
