//! The demo data set a newcomer's first `serve` shows, so the product is seen working rather
//! than empty: the province and communes of the seeds, their plans imported by the plan
//! importer from the seed appendix tables (Thái Tân's 18/KH-UBND with 28 indicators, an excerpt
//! of Nghi Dương's), and twelve months of reports in the states a real year leaves
//! (approved, awaiting approval, returned, draft, one late), and the last complete quarter's
//! reports of both communes with their narrative. Seeded only into an empty
//! database, in one transaction, and never when `CHITIEU_DEMO=off`.

mod plan;
mod quarterly;
mod reports;
mod tree;
mod values;

use crate::StoreError;
use crate::db::Db;
use crate::schema::org_units;
use chrono::NaiveDate;
use diesel::prelude::*;

pub use plan::{NGHI_DUONG_PLAN, PLAN};
pub use quarterly::last_complete_quarter;
pub use tree::{NGHI_DUONG, PROVINCE, THAI_TAN};

/// What the demo put in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seeded {
    pub values: usize,
}

/// Seeds the demo when the database holds no organisation unit; `None` when it held some.
/// `today` decides which twelve months the reports cover (the last twelve before it).
pub fn seed_if_empty(conn: &mut Db, today: NaiveDate) -> Result<Option<Seeded>, StoreError> {
    conn.transaction(|conn| {
        let units: i64 = org_units::table
            .count()
            .get_result(conn)
            .map_err(StoreError::database("counting organisation units"))?;
        if units > 0 {
            return Ok(None);
        }
        tree::seed(conn)?;
        plan::seed(conn)?;
        let values = reports::seed(conn, today)?;
        Ok(Some(Seeded { values }))
    })
}
