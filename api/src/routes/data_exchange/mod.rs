//! `/api/v1/dataValueSets`: bulk data exchange in DHIS2's `dataValueSets` shape (JSON, CSV or
//! ADX), with `idScheme=code`: `dataSet` is a plan code, `orgUnit` a unit code, `dataElement`
//! an indicator code and `period` a DHIS2 period id. Values go into the (unit, plan, period)
//! reports, checked like `PUT /api/v1/reports/…/values`. The DHIS2 model and answer live in
//! `chitieu_schema::dhis2`; DHIS2's own surface (`/api/dataValueSets`) is `routes::dhis2`,
//! sharing [`run::import`].
//!
//! | Route | Who |
//! |---|---|
//! | `POST /dataValueSets` | `EnterData` on each value's unit: administrators, reporters for their unit; others 403 |

mod import;
pub(crate) mod params;
pub(crate) mod run;

use utoipa_actix_web::service_config::ServiceConfig;

pub(crate) use import::ensure_may_enter_data;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(import::import_data_values);
}
