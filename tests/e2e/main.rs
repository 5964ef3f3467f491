//! End-to-end tests: `cargo test -p chitieu-e2e`. Each scenario runs on SQLite and, when
//! `CHITIEU_TEST_PG` is set, on PostgreSQL.

mod accounts;
mod auth;
mod catalogs;
mod completeness;
mod contract;
mod conventions;
mod data_exchange;
mod demo;
mod dhis2;
mod events;
mod hardening;
mod language;
mod month_walkthrough;
mod org_units;
mod outliers;
mod permissions;
mod plan_import;
mod plans;
mod progress;
mod proxies;
mod report_document;
mod reports;
mod sync;
mod validation;
mod webhooks;

fn main() {
    let mut scenarios = Vec::new();
    scenarios.extend(conventions::scenarios());
    scenarios.extend(contract::scenarios());
    scenarios.extend(org_units::scenarios());
    scenarios.extend(catalogs::scenarios());
    scenarios.extend(auth::scenarios());
    scenarios.extend(accounts::scenarios());
    scenarios.extend(permissions::scenarios());
    scenarios.extend(plans::scenarios());
    scenarios.extend(plan_import::scenarios());
    scenarios.extend(reports::scenarios());
    scenarios.extend(month_walkthrough::scenarios());
    scenarios.extend(data_exchange::scenarios());
    scenarios.extend(dhis2::scenarios());
    scenarios.extend(progress::scenarios());
    scenarios.extend(demo::scenarios());
    scenarios.extend(completeness::scenarios());
    scenarios.extend(sync::scenarios());
    scenarios.extend(hardening::scenarios());
    scenarios.extend(proxies::scenarios());
    scenarios.extend(report_document::scenarios());
    scenarios.extend(validation::scenarios());
    scenarios.extend(outliers::scenarios());
    scenarios.extend(events::scenarios());
    scenarios.extend(webhooks::scenarios());
    scenarios.extend(language::scenarios());
    chitieu_e2e::run_all(scenarios)
}
