//! `/api/v1/dataValueSets`: bulk data exchange in DHIS2's `dataValueSets` shape (JSON or CSV),
//! with `idScheme=code`: `dataSet` is a plan code, `orgUnit` a unit code, `dataElement` an
//! indicator code and `period` a DHIS2 period id. Values go into the (unit, plan, period)
//! reports, checked like `PUT /api/v1/reports/…/values`. One file per concern.
//!
//! | Route | Who |
//! |---|---|
//! | `POST /dataValueSets` | `EnterData` on each value's unit: administrators, reporters for their unit; others 403 |

mod csv;
mod import;
mod request;
pub(crate) mod rows;
mod summary;

use utoipa_actix_web::service_config::ServiceConfig;

pub use request::{DataValue, DataValueSet};
pub use summary::{ConflictView, ImportCountView, ImportSummaryView};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(import::import_data_values);
}
