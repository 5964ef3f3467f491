//! A unit's progress against its plan for one period: the API views of the appendix table and
//! its renderings for download and exchange (CSV, XLSX, HTML, DHIS2 JSON, ADX). Pure
//! presentation: the route that builds the `ProgressReport` lives elsewhere.

pub mod export;
pub mod views;
