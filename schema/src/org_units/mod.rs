//! Queries on the organisation tree: one file per action.
//!
//! The tree is stored as a materialised path of codes (see [`path`]), so subtrees and ancestors
//! are single queries, and a move rewrites a whole subtree with one UPDATE.

mod ancestors;
mod close;
mod create;
mod find;
mod list;
mod lock;
pub mod path;
mod row;
mod subtree;
mod update;

pub use ancestors::ancestors;
pub use close::{CloseError, Closure, close};
pub use create::{NewOrgUnit, create};
pub use find::find;
pub use list::{ListFilter, Scope, list};
pub use row::{OrgUnitRow, OrgUnitView};
pub use subtree::{SubtreeFilter, subtree};
pub use update::{OrgUnitChanges, update};
