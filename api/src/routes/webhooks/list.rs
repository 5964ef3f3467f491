use actix_web::{HttpResponse, get, web};
use chitieu_schema::webhooks;
use serde::Deserialize;
use utoipa::IntoParams;

use super::views::WebhookView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::routes::org_units::listing_root;
use crate::state::AppState;

/// Whose subscriptions.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WebhookQuery {
    /// Only subscriptions of this unit and the units below it (default: the caller's part of
    /// the tree).
    #[param(example = "31001")]
    pub unit: Option<String>,
}

/// List webhook subscriptions.
///
/// Subscriptions whose unit is in the caller's part of the tree (or under `unit`), oldest
/// first; secrets are never listed.
#[utoipa::path(
    tag = "Webhooks",
    params(WebhookQuery, PageQuery),
    responses(
        (status = 200, description = "A page of subscriptions", body = Paged<WebhookView>),
        (status = 404, description = "No such unit in the caller's part of the tree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A page out of range", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/webhooks")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<WebhookQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner().to_request()?;
    let unit = query.into_inner().unit;
    let found = state
        .db(move |conn| {
            let root = listing_root(conn, &caller, unit.as_deref())?;
            Ok::<_, ApiError>(webhooks::list(conn, root.as_deref(), page)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Paged::from_page(found, WebhookView::from)))
}
