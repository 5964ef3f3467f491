//! Sync to upstream systems, over real HTTP to the upstream simulator: exactly once through
//! injected failures, corrections sent as new versions, the deadline watch, and the real
//! `chitieu` binary killed mid-sync and run as two replicas on one database.

mod attention;
mod deadline;
mod delivery;
mod processes;
mod targets_api;
mod template;

use chitieu_e2e::Scenario;

macro_rules! scenarios {
    ($($module:ident :: $test:ident),+ $(,)?) => {
        vec![$(Scenario::new(stringify!($test), |app| Box::pin($module::$test(app)))),+]
    };
}

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        delivery::a_corrected_report_is_sent_again_as_a_new_version,
        delivery::five_hundred_reports_reach_a_flaky_upstream_exactly_once,
        attention::a_refused_report_waits_for_a_person_to_retry_or_discard_it,
        deadline::the_deadline_watch_lists_reports_missing_or_unapproved,
        processes::killing_the_service_mid_sync_loses_and_duplicates_nothing,
        processes::two_replicas_deliver_each_report_exactly_once,
        template::the_theodoinq_template_reaches_a_flaky_upstream_exactly_once,
        template::the_report_api_template_reaches_a_flaky_upstream_exactly_once,
        template::a_template_error_puts_the_entry_in_attention_without_sending,
        template::a_200_whose_body_refuses_is_a_refusal,
        template::an_xml_template_is_sent_escaped_and_a_malformed_one_waits_in_attention,
        targets_api::the_targets_file_is_reloaded_through_the_api_and_a_broken_template_is_refused,
    ]
}
