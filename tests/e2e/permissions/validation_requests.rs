//! The validation rows' requests. Reads look at a rule of the shared plan of the anchor's side
//! and its agency's report; changes use a fresh plan issued at the anchor, made by the
//! administrator (with two summed indicators for the built-in rule's switch).

use chitieu_e2e::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

use super::fixture::{CATALOG, INDICATOR, PERIOD, SECTION, Side, plan_body};
use super::requests::{Prepared, created, post};

#[derive(Debug, Clone, Copy)]
pub enum ValidationReq {
    List,
    Create,
    Show,
    Update,
    Delete,
    SwitchBuiltIn,
    Subtree,
    /// The outlier listing of a subtree (the same scope as the violations').
    Outliers,
    Report,
    /// The event feed, which has no unit in its URL.
    EventFeed,
}

const RULES: &str = "/api/v1/validation-rules";

fn rule_body(code: &str, plan: &str) -> Value {
    json!({"code": code, "planCode": plan, "name": "Tỷ lệ không quá 100",
        "leftSide": format!("#{{{INDICATOR}}}"), "operator": "lessThanOrEqualTo",
        "rightSide": "100", "importance": "warning"})
}

/// A plan issued at `anchor` with the shared indicator as its item.
async fn fresh_plan(app: &TestApp, code: &str, anchor: &str) {
    created(app, "/api/v1/plans", plan_body(code, anchor)).await;
    let item = json!({"indicatorCode": INDICATOR, "targets": {"2026": "≥ 70%"}});
    created(app, &format!("/api/v1/plans/{code}/items"), item).await;
}

pub async fn prepare(app: &TestApp, req: ValidationReq, anchor: &str, n: u32) -> Prepared {
    let side = Side::of(anchor);
    let shared = side.plan();
    let fresh = format!("PERM-V{n}");
    match req {
        ValidationReq::List => Prepared::get(format!("{RULES}?plan={shared}")),
        ValidationReq::Show => {
            created(app, RULES, rule_body(&fresh, shared)).await;
            Prepared::get(format!("{RULES}/{fresh}"))
        }
        ValidationReq::Create => {
            fresh_plan(app, &fresh, anchor).await;
            post(RULES, rule_body(&fresh, &fresh))
        }
        ValidationReq::Update | ValidationReq::Delete => {
            fresh_plan(app, &fresh, anchor).await;
            let etag = created(app, RULES, rule_body(&fresh, &fresh)).await;
            let path = format!("{RULES}/{fresh}");
            if matches!(req, ValidationReq::Delete) {
                return Prepared::new(Method::DELETE, path, None, Some(etag));
            }
            let mut body = rule_body(&fresh, &fresh);
            let fields = body.as_object_mut().expect("an object");
            fields.remove("code");
            fields.remove("planCode");
            Prepared::new(Method::PUT, path, Some(body), Some(etag))
        }
        ValidationReq::SwitchBuiltIn => {
            let (total, part) = (format!("{fresh}-TOTAL"), format!("{fresh}-PART"));
            let numbers = (format!("{}", 100 + n), format!("{}.1", 100 + n));
            for (code, number, parent) in [
                (&total, &numbers.0, None),
                (&part, &numbers.1, Some(&total)),
            ] {
                let indicator = json!({"catalogCode": CATALOG, "code": code, "number": number,
                    "name": format!("Số doanh nghiệp {code}"), "sectionCode": SECTION,
                    "parentCode": parent, "valueKind": "count"});
                created(app, "/api/v1/indicators", indicator).await;
            }
            created(app, "/api/v1/plans", plan_body(&fresh, anchor)).await;
            for code in [&total, &part] {
                let item = json!({"indicatorCode": code, "targets": {"2026": "≥ 1"}});
                created(app, &format!("/api/v1/plans/{fresh}/items"), item).await;
            }
            let path = format!("{RULES}/built-in/{fresh}/SUBITEM-{part}");
            Prepared::new(Method::PUT, path, Some(json!({"enabled": false})), None)
        }
        ValidationReq::Subtree => Prepared::get(format!(
            "/api/v1/org-units/{anchor}/validation?plan={shared}&period={PERIOD}"
        )),
        ValidationReq::Outliers => Prepared::get(format!(
            "/api/v1/org-units/{anchor}/outliers?plan={shared}&period={PERIOD}"
        )),
        ValidationReq::EventFeed => Prepared::get("/api/v1/events"),
        ValidationReq::Report => Prepared::get(format!(
            "/api/v1/reports/{}/{shared}/{PERIOD}/validation",
            side.agency()
        )),
    }
}
