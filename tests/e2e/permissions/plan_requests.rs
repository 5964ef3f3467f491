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
    Import,
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
        PlanReq::Import => import(&fresh, anchor),
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

/// A one-item table of the shared catalog, imported as a new plan issued at `anchor`.
fn import(code: &str, anchor: &str) -> Prepared {
    let boundary = "perm-matrix-boundary";
    let table = "STT,Chỉ tiêu,Năm 2026\nI,Phát triển hạ tầng\n1,Tỷ lệ phủ sóng 5G,≥ 70%\n";
    let plan = plan_body(code, anchor).to_string();
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bang.csv\"\r\n\r\n\
         {table}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"plan\"\r\n\r\n\
         {plan}\r\n--{boundary}--\r\n"
    );
    let mut prepared = Prepared::new(Method::POST, format!("{PLANS}/import"), None, None);
    prepared.raw = Some((
        format!("multipart/form-data; boundary={boundary}"),
        body.into_bytes(),
    ));
    prepared
}

fn new_item() -> serde_json::Value {
    json!({"indicatorCode": INDICATOR, "targets": {"2026": "≥ 70%"},
        "outputProduct": "Bộ số liệu báo cáo"})
}
