//! Plans (kế hoạch): a unit's plan with its indicators, a target per milestone year, and the
//! agencies that lead or coordinate each item. One file per action.
//!
//! A plan refers to one catalog; its items are indicators of that catalog. Targets keep the
//! cell as written and the structure [`crate::domain::Target::parse`] understood. Assigning a
//! unit to an item decides who reports it: see [`assigned_items`].

mod assignments;
mod create_item;
mod create_plan;
mod delete_item;
mod delete_plan;
mod find_item;
mod find_plan;
mod inputs;
mod list_items;
mod list_plans;
mod lookup;
mod records;
mod targets;
mod update_item;
mod update_plan;
mod year_targets;

pub use assignments::{AssignedItem, assigned_items, plan_assigns_within};
pub use create_item::create_item;
pub use create_plan::create_plan;
pub use delete_item::delete_item;
pub use delete_plan::delete_plan;
pub use find_item::find_item;
pub use find_plan::find_plan;
pub use inputs::{Assignees, ItemChanges, NewPlan, NewPlanItem, PlanChanges, PlanCode, TargetYear};
pub use list_items::list_items;
pub use list_plans::{PlanScope, list_plans};
pub use records::{
    AssignmentRole, Plan, PlanItem, StoredBound, StoredMeaning, StoredTarget, StoredUnit,
};
pub use update_item::update_item;
pub use update_plan::update_plan;
pub use year_targets::{TargetSource, YearTarget, year_targets};
