//! The plan rows' requests. Reads look at the shared plan of the anchor's side (issued by the
//! province, assigning the commune and its agency); changes use a fresh plan issued at the
//! anchor itself, made by the administrator.

use chitieu_e2e::TestApp;
use reqwest::Method;
use serde_json::json;

use super::fixture::{INDICATOR, Side, plan_body};
use super::requests::{Prepared, created, patch, post};

#[derive(Debug, Clone, Copy)]
pub enum PlanReq {
    List,
    Create,
    Show,
    Update,
    Delete,
    ListItems,
    CreateItem,
    ShowItem,
    UpdateItem,
    DeleteItem,
    YearTargets,
}

const PLANS: &str = "/api/v1/plans";

pub async fn prepare(app: &TestApp, req: PlanReq, anchor: &str, n: u32) -> Prepared {
    let shared = Side::of(anchor).plan();
    let fresh = format!("PERM-P{n}");
    match req {
        PlanReq::List => Prepared::get(PLANS),
        PlanReq::Create => post(PLANS, plan_body(&fresh, anchor)),
        PlanReq::Show => Prepared::get(format!("{PLANS}/{shared}")),
        PlanReq::ListItems => Prepared::get(format!("{PLANS}/{shared}/items")),
        PlanReq::ShowItem => Prepared::get(format!("{PLANS}/{shared}/items/{INDICATOR}")),
        PlanReq::YearTargets => Prepared::get(format!("{PLANS}/{shared}/targets?year=2026")),
        PlanReq::Update | PlanReq::Delete => {
            let etag = created(app, PLANS, plan_body(&fresh, anchor)).await;
            let path = format!("{PLANS}/{fresh}");
            match req {
                PlanReq::Delete => Prepared::new(Method::DELETE, path, None, Some(etag)),
                _ => patch(path, etag, json!({"title": "Tên mới"})),
            }
        }
        PlanReq::CreateItem => {
            created(app, PLANS, plan_body(&fresh, anchor)).await;
            post(&format!("{PLANS}/{fresh}/items"), new_item())
        }
        PlanReq::UpdateItem | PlanReq::DeleteItem => {
            created(app, PLANS, plan_body(&fresh, anchor)).await;
            let etag = created(app, &format!("{PLANS}/{fresh}/items"), new_item()).await;
            let path = format!("{PLANS}/{fresh}/items/{INDICATOR}");
            match req {
                PlanReq::DeleteItem => Prepared::new(Method::DELETE, path, None, Some(etag)),
                _ => patch(path, etag, json!({"note": "Ghi chú mới"})),
            }
        }
    }
}

fn new_item() -> serde_json::Value {
    json!({"indicatorCode": INDICATOR, "targets": {"2026": "≥ 70%"},
        "outputProduct": "Bộ số liệu báo cáo"})
}
