//! Data sets shared by the benchmarks.

pub mod national;
