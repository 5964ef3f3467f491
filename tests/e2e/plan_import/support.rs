//! Uploading files to `POST /api/v1/plans/import` and looking at the database around it.

use chitieu_e2e::TestApp;
use chitieu_schema::schema::{catalogs, indicators, org_units, plan_items, plans};
use diesel::prelude::*;
use serde_json::{Value, json};

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/plan_import");

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).expect("the fixture exists")
}

/// Hải Phòng (31) with Thái Tân (31001) and Nghi Dương (31002) and their agencies, named as
/// the communes name them, created through the API.
pub async fn units(app: &TestApp) {
    let unit = |code: &str, name: &str, kind: &str, parent: Option<&str>| json!({"code": code, "name": name, "kind": kind, "parentCode": parent});
    let mut bodies = vec![
        unit("31", "Thành phố Hải Phòng", "province", None),
        unit("31001", "Xã Thái Tân", "commune", Some("31")),
        unit("31002", "Xã Nghi Dương", "commune", Some("31")),
    ];
    for commune in ["31001", "31002"] {
        for (suffix, name) in [
            ("CA", "Công an xã"),
            ("KT", "Phòng Kinh tế"),
            ("TTHCC", "Trung tâm phục vụ hành chính công"),
            ("VHXH", "Phòng Văn hoá – Xã hội"),
        ] {
            bodies.push(unit(
                &format!("{commune}-{suffix}"),
                name,
                "unit",
                Some(commune),
            ));
        }
    }
    for body in bodies {
        let response = app.post_json("/api/v1/org-units", &body).await;
        assert_eq!(response.status().as_u16(), 201, "{body}");
    }
}

/// The plan part of the form.
pub fn plan_json(code: &str, commune: &str, catalog: &str) -> Value {
    json!({
        "code": code, "number": "18/KH-UBND", "issuedOn": "2025-08-18",
        "title": "Kế hoạch thực hiện Nghị quyết 57-NQ/TW", "issuingUnitCode": commune,
        "catalogCode": catalog, "validFrom": "2025-08-18", "validTo": "2045-12-31"
    })
}

/// A part of a form: its name, for a file its name and declared type, and its content.
pub type Part<'a> = (&'a str, Option<(&'a str, &'a str)>, &'a [u8]);

/// A `multipart/form-data` body of `parts`, with its content type.
pub fn multipart(parts: &[Part]) -> (String, Vec<u8>) {
    let boundary = "chitieu-e2e-boundary-7d1f";
    let mut body = Vec::new();
    for (name, file_name, content) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let disposition = match file_name {
            Some((file, media_type)) => format!(
                "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\n\
                 Content-Type: {media_type}\r\n\r\n"
            ),
            None => format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n"),
        };
        body.extend_from_slice(disposition.as_bytes());
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Uploads `file` as `file_name` with `plan`; returns the status and the JSON answer.
pub async fn import_as(
    app: &TestApp,
    client: &reqwest::Client,
    file_name: &str,
    file: &[u8],
    plan: &Value,
    dry_run: bool,
) -> (u16, Value) {
    let upload = Upload {
        file_name,
        media_type: "application/octet-stream",
        file,
    };
    upload_as(app, client, upload, plan, dry_run).await
}

/// A file as a form part: its name, its declared type and its bytes.
pub struct Upload<'a> {
    pub file_name: &'a str,
    pub media_type: &'a str,
    pub file: &'a [u8],
}

pub async fn upload_as(
    app: &TestApp,
    client: &reqwest::Client,
    upload: Upload<'_>,
    plan: &Value,
    dry_run: bool,
) -> (u16, Value) {
    let plan = plan.to_string();
    let (content_type, body) = multipart(&[
        (
            "file",
            Some((upload.file_name, upload.media_type)),
            upload.file,
        ),
        ("plan", None, plan.as_bytes()),
    ]);
    let path = format!("/api/v1/plans/import?dryRun={dry_run}");
    let response = client
        .post(app.url(&path))
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .expect("the import is answered");
    let status = response.status().as_u16();
    let text = response.text().await.expect("a body");
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

pub async fn import(
    app: &TestApp,
    file_name: &str,
    file: &[u8],
    plan: &Value,
    dry_run: bool,
) -> (u16, Value) {
    import_as(app, &app.client, file_name, file, plan, dry_run).await
}

/// How many plans, plan items, catalogs, indicators and units are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub plans: i64,
    pub items: i64,
    pub catalogs: i64,
    pub indicators: i64,
    pub units: i64,
}

pub async fn counts(app: &TestApp) -> Counts {
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().expect("a connection");
        let conn = &mut *conn;
        Counts {
            plans: plans::table.count().get_result(conn).expect("plans"),
            items: plan_items::table.count().get_result(conn).expect("items"),
            catalogs: catalogs::table.count().get_result(conn).expect("catalogs"),
            indicators: indicators::table
                .count()
                .get_result(conn)
                .expect("indicators"),
            units: org_units::table.count().get_result(conn).expect("units"),
        }
    })
    .await
    .expect("counting ends")
}

/// A problem document's status, type and detail, asserting it is problem+json.
pub fn detail(problem: &Value) -> String {
    problem["detail"].as_str().unwrap_or_default().to_owned()
}
