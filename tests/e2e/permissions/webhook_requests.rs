//! The webhook rows' requests: a subscription at the anchor, made by the administrator, for
//! the rows that act on one; its URL refuses connections, so a test delivery answers at once.

use chitieu_e2e::{TestApp, expect_json};
use reqwest::Method;
use serde_json::{Value, json};

use super::requests::{Prepared, etag_of, post};

#[derive(Debug, Clone, Copy)]
pub enum WebhookReq {
    List,
    Create,
    Show,
    Update,
    Delete,
    RotateSecret,
    Test,
    Deliveries,
    RetryMissingDelivery,
}

const WEBHOOKS: &str = "/api/v1/webhooks";

fn body(anchor: &str) -> Value {
    json!({"unitCode": anchor, "url": "http://127.0.0.1:9/hook", "events": ["report.approved"]})
}

pub async fn prepare(app: &TestApp, req: WebhookReq, anchor: &str) -> Prepared {
    match req {
        WebhookReq::List => return Prepared::get(format!("{WEBHOOKS}?unit={anchor}")),
        WebhookReq::Create => return post(WEBHOOKS, body(anchor)),
        _ => {}
    }
    let response = app.post_json(WEBHOOKS, &body(anchor)).await;
    let etag = etag_of(&response);
    let id = expect_json(response, 201).await["id"].clone();
    let path = format!("{WEBHOOKS}/{id}");
    match req {
        WebhookReq::Show => Prepared::get(path),
        WebhookReq::Update => {
            let change = json!({"url": "http://127.0.0.1:9/other", "events": ["report.returned"]});
            Prepared::new(Method::PUT, path, Some(change), Some(etag))
        }
        WebhookReq::Delete => Prepared::new(Method::DELETE, path, None, Some(etag)),
        WebhookReq::RotateSecret => {
            Prepared::new(Method::POST, format!("{path}/rotate-secret"), None, None)
        }
        WebhookReq::Test => Prepared::new(Method::POST, format!("{path}/test"), None, None),
        WebhookReq::Deliveries => Prepared::get(format!("{path}/deliveries?state=dead")),
        WebhookReq::RetryMissingDelivery => Prepared::new(
            Method::POST,
            format!("{path}/deliveries/999999/retry"),
            None,
            None,
        ),
        WebhookReq::List | WebhookReq::Create => unreachable!("answered above"),
    }
}
