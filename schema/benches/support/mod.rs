//! Data sets and reporting shared by the benchmarks.

pub mod national;
// Each benchmark uses part of the reporting helpers.
#[allow(dead_code)]
pub mod report;
