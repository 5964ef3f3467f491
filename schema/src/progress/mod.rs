//! Progress against target: a unit's figures rolled up over its subtree for any period, their
//! status against the year's target, their trajectory toward milestone targets, and the
//! completeness of reporting. Always computed from the stored values: no batch rebuild step.

mod assess;
mod completeness;
mod figure;
mod report;
mod rollup;
mod trajectory;
mod unit_progress;

pub use assess::{Assessment, TargetStatus, assess};
pub use completeness::{
    ChildCompleteness, Completeness, CompletenessQuery, ExpectedReport, ReportingStatus, Tally,
    UnitLabel, completeness,
};
pub use figure::{Figure, format_number};
pub use report::{PlanHeading, ProgressReport, ProgressRow, ProgressSection, UnitHeading};
pub use rollup::{IndicatorSelection, RolledUp, Rollup, RollupQuery, rollup};
pub use trajectory::{Observation, RateMethod, Trajectory, TrajectoryStatus, decimals, trajectory};
pub use unit_progress::{ProgressQuery, unit_progress};
