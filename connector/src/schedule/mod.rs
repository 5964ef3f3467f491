//! The sync calendar, in Vietnam time: by default a sync at 07:00 and 19:00 on days 1–5 of
//! each month, a final one at 21:00 on day 5, and a deadline watch at 08:00 on days 3–5.
//!
//! Every replica runs the same in-memory scheduler; each firing claims its (job, slot) row in
//! the database, and only the replica whose insert took the row runs it. A slot missed while
//! every replica was down is run at start-up (the latest one of each job within 31 days).

mod config;
mod deadline;
mod runner;

pub use config::{JobKind, JobSpec, ScheduleConfig, VIETNAM};
pub use deadline::{
    DeadlineWatch, default_deadline, has_passed, owed_message, previous_month, summary_message,
};
pub use runner::{ScheduleHandle, start};
