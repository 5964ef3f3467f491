//! `/api/v1/webhooks`: subscriptions to the event feed, delivered as the Standard Webhooks
//! specification describes (signed `POST`s with `webhook-id`, `webhook-timestamp` and
//! `webhook-signature`) through the sync outbox. One file per action.
//!
//! | Route | Who |
//! |---|---|
//! | every route | whoever may read the subscription's unit: a subscription carries only events of units in its subtree, which its creator could read from the feed anyway |

mod create;
mod delete;
mod deliveries;
mod list;
mod requests;
mod rotate_secret;
mod show;
mod test_delivery;
mod update;
pub mod views;

use chitieu_schema::db::Db;
use chitieu_schema::webhooks::{self, Webhook};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::error::ApiError;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create::create_webhook)
        .service(list::list_webhooks)
        .service(show::get_webhook)
        .service(update::update_webhook)
        .service(delete::delete_webhook)
        .service(rotate_secret::rotate_webhook_secret)
        .service(test_delivery::test_webhook)
        .service(deliveries::list_webhook_deliveries)
        .service(deliveries::retry_webhook_delivery);
}

/// The subscription, when its unit is in the caller's part of the tree; the same 404 as a
/// missing one otherwise.
pub(crate) fn visible_webhook(
    conn: &mut Db,
    caller: &Caller,
    id: i64,
) -> Result<Webhook, ApiError> {
    let webhook = webhooks::find(conn, id)?;
    caller.ensure_readable(&webhook.unit_path).map_err(|_| {
        ApiError::from(chitieu_schema::StoreError::not_found(
            "webhook",
            id.to_string(),
        ))
    })?;
    Ok(webhook)
}
