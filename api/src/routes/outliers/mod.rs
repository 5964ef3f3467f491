//! `GET /api/v1/org-units/{code}/outliers`: values of a plan's reports that stand out against
//! the unit's own history and against its siblings, for reviewers (DHIS2's outlier detection
//! methods; see `chitieu_schema::outliers::score`). One file per action.
//!
//! | Route | Who |
//! |---|---|
//! | `GET /org-units/{code}/outliers` | whoever may read the unit and the plan |

mod list;
pub mod views;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_outliers);
}
