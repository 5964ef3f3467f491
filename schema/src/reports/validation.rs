//! A report judged by its plan's validation rules, for the approval view.

use super::context::locate;
use super::key::ReportKey;
use crate::StoreError;
use crate::db::Db;
use crate::validation::{self, Judgement};

/// Every rule in force for the report's plan judged over its values as they are now.
pub fn judge(conn: &mut Db, key: &ReportKey) -> Result<Vec<Judgement>, StoreError> {
    let located = locate(conn, key)?;
    validation::judge_report(conn, located.row.id, located.plan.id)
}
