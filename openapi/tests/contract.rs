//! The conventions of the contract hold for every operation, including routes added later:
//! pinned operationIds, global security, errors from the shared vocabulary of responses.
//!
//! Adding an operation: give it a line in `OPERATION_IDS` (`api/src/openapi/operation_ids.rs`),
//! declare only the statuses particular to it in its `#[utoipa::path]` (the shared ones are
//! added by `api/src/openapi/conventions.rs`), and regenerate `openapi/openapi.json`.

use chitieu_api::openapi::conventions::dhis2::{ERROR_RESPONSE, error_statuses};
use chitieu_api::openapi::conventions::{HTTP_METHODS, VOCABULARY, is_dhis2_surface, is_public};
use chitieu_api::openapi::operation_ids::OPERATION_IDS;
use serde_json::Value;

fn document() -> Value {
    serde_json::from_str(&chitieu_api::openapi::document_json()).expect("the document is JSON")
}

/// (method, path, operation) of every documented operation.
fn operations(document: &Value) -> Vec<(String, String, Value)> {
    let mut found = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in HTTP_METHODS {
            if let Some(operation) = item.get(method) {
                found.push((method.to_owned(), path.clone(), operation.clone()));
            }
        }
    }
    found
}

#[test]
fn every_operation_has_its_pinned_id_and_every_pinned_id_an_operation() {
    let document = document();
    let operations = operations(&document);
    let mut unpinned = Vec::new();
    for (method, path, operation) in &operations {
        let pinned = OPERATION_IDS
            .iter()
            .find(|(m, p, _)| m.eq_ignore_ascii_case(method) && p == path);
        match pinned {
            Some((_, _, id)) => assert_eq!(operation["operationId"], *id, "{method} {path}"),
            None => unpinned.push(format!("{} {path}", method.to_uppercase())),
        }
    }
    assert!(
        unpinned.is_empty(),
        "operations without a pinned operationId (add them to OPERATION_IDS): {unpinned:?}"
    );
    let stale: Vec<_> = OPERATION_IDS
        .iter()
        .filter(|(m, p, _)| {
            !operations
                .iter()
                .any(|(method, path, _)| m.eq_ignore_ascii_case(method) && p == path)
        })
        .collect();
    assert!(stale.is_empty(), "pinned ids of no operation: {stale:?}");
    let mut ids: Vec<&str> = OPERATION_IDS.iter().map(|(_, _, id)| *id).collect();
    ids.sort_unstable();
    let count = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), count, "an operationId is pinned twice");
}

#[test]
fn credentials_are_required_globally_and_only_the_public_operations_waive_them() {
    let document = document();
    assert_eq!(
        document["security"],
        serde_json::json!([{"bearerAuth": []}, {"apiKey": []}])
    );
    for (method, path, operation) in operations(&document) {
        let responses = &operation["responses"];
        if is_public(&method, &path) {
            assert_eq!(
                operation["security"],
                serde_json::json!([]),
                "{method} {path}"
            );
        } else if is_dhis2_surface(&path) {
            // DHIS2 clients send Basic or `ApiToken`; ours are taken there too.
            assert_eq!(
                operation["security"],
                serde_json::json!([{"basicAuth": []}, {"apiToken": []}, {"bearerAuth": []}, {"apiKey": []}]),
                "{method} {path}"
            );
        } else {
            assert!(operation.get("security").is_none(), "{method} {path}");
            for status in ["401", "403"] {
                assert!(
                    responses.get(status).is_some(),
                    "{method} {path} lacks {status}"
                );
            }
        }
    }
    assert!(
        operations(&document)
            .iter()
            .any(|(m, p, _)| m == "post" && p == "/api/v1/auth/token")
    );
}

#[test]
fn every_error_is_a_shared_response_of_the_one_problem_schema() {
    let document = document();
    let shared = document["components"]["responses"]
        .as_object()
        .expect("components/responses");
    for (status, name, _) in VOCABULARY {
        let response = &shared[*name];
        assert_eq!(
            response["content"]["application/problem+json"]["schema"]["$ref"],
            "#/components/schemas/Problem",
            "{status} {name}"
        );
    }
    for (method, path, operation) in operations(&document) {
        for (status, response) in operation["responses"].as_object().expect("responses") {
            let code: u16 = status.parse().expect("a numeric status");
            if code < 400 || (path == "/health/ready" && code == 503) {
                continue;
            }
            if is_dhis2_surface(&path) {
                // DHIS2's surface answers DHIS2's WebMessage; 409 is the import's own answer.
                if code != 409 {
                    assert!(
                        error_statuses(&path).contains(&code),
                        "{method} {path} {status}"
                    );
                    assert_eq!(
                        response["$ref"],
                        format!("#/components/responses/{ERROR_RESPONSE}"),
                        "{method} {path} {status}"
                    );
                }
                continue;
            }
            let (_, name, _) = VOCABULARY
                .iter()
                .find(|(s, _, _)| *s == code)
                .unwrap_or_else(|| panic!("{method} {path}: {status} is not in the vocabulary"));
            assert_eq!(
                response["$ref"],
                format!("#/components/responses/{name}"),
                "{method} {path} {status}"
            );
        }
    }
}

#[test]
fn paged_lists_reference_their_item_model() {
    let document = document();
    let schemas = document["components"]["schemas"]
        .as_object()
        .expect("schemas");
    let paged: Vec<_> = schemas.keys().filter(|n| n.starts_with("Paged_")).collect();
    assert!(!paged.is_empty());
    for name in paged {
        let item = name.trim_start_matches("Paged_");
        assert_eq!(
            schemas[name]["properties"]["items"]["items"]["$ref"],
            format!("#/components/schemas/{item}"),
            "{name}"
        );
    }
}

#[test]
fn tagged_variants_have_names_and_a_discriminator() {
    let document = document();
    let schemas = &document["components"]["schemas"];
    for (parent, tag) in [("FigureView", "kind"), ("TokenRequest", "grantType")] {
        assert_eq!(schemas[parent]["discriminator"]["propertyName"], tag);
        for variant in schemas[parent]["oneOf"].as_array().expect("oneOf") {
            let reference = variant["$ref"].as_str().expect("a named variant");
            let name = reference.trim_start_matches("#/components/schemas/");
            assert!(
                name.starts_with(parent) && schemas.get(name).is_some(),
                "{name}"
            );
        }
    }
}

#[test]
fn the_document_names_its_server_contact_licence_and_describes_every_tag() {
    let document = document();
    assert!(document["servers"][0]["url"].is_string());
    assert!(document["info"]["contact"]["name"].is_string());
    assert!(document["info"]["license"]["identifier"].is_string());
    for tag in document["tags"].as_array().expect("tags") {
        assert!(
            tag["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{tag}"
        );
    }
}

#[test]
fn every_export_format_is_its_own_operation_with_its_media_type() {
    let document = document();
    for (suffix, media_type) in [
        ("csv", "text/csv"),
        (
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("html", "text/html"),
        ("adx.xml", "application/adx+xml"),
        ("dhis2.json", "application/json"),
    ] {
        let path = format!("/api/v1/org-units/{{code}}/progress.{suffix}");
        let content = &document["paths"][&path]["get"]["responses"]["200"]["content"];
        let types: Vec<&String> = content.as_object().expect(&path).keys().collect();
        assert_eq!(types, [media_type], "{path}");
    }
    let xlsx = &document["paths"]["/api/v1/org-units/{code}/progress.xlsx"]["get"]["responses"]["200"]
        ["content"]["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];
    assert_eq!(xlsx["schema"]["format"], "binary", "{xlsx}");
    let dhis2 = &document["paths"]["/api/v1/org-units/{code}/progress.dhis2.json"]["get"]["responses"]
        ["200"]["content"]["application/json"];
    assert_eq!(dhis2["schema"]["$ref"], "#/components/schemas/DataValueSet");
}

#[test]
fn every_value_of_every_closed_set_is_described() {
    let document = document();
    for (name, schema) in document["components"]["schemas"]
        .as_object()
        .expect("schemas")
    {
        let Some(values) = schema["enum"].as_array() else {
            continue;
        };
        for value in values {
            let value = value.as_str().expect("string enums");
            assert!(
                schema["x-enumDescriptions"][value].is_string(),
                "{name}: `{value}` has no meaning in api/src/openapi/enum_values.rs"
            );
        }
    }
}

#[test]
fn every_schema_reference_names_a_component() {
    fn references(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(members) => {
                for (name, member) in members {
                    match (name.as_str(), member.as_str()) {
                        ("$ref", Some(target)) => found.push(target.to_owned()),
                        _ => references(member, found),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|item| references(item, found)),
            _ => {}
        }
    }
    let document = document();
    let mut found = Vec::new();
    references(&document, &mut found);
    for target in found {
        let pointer = target.trim_start_matches('#');
        assert!(
            document.pointer(pointer).is_some(),
            "{target} names nothing: register the type in the document's components"
        );
    }
}

/// The reads answered 304 on `If-None-Match` (issue 21).
const CONDITIONAL_READS: &[&str] = &[
    "getProgressReport",
    "getProgressCsv",
    "getProgressXlsx",
    "getProgressHtml",
    "getProgressDataValueSet",
    "getProgressAdx",
    "getRollup",
    "getCompleteness",
    "getReport",
    "listReports",
    "listPlans",
    "listOrgUnits",
    "listOrgUnitChildren",
];

#[test]
fn every_conditional_read_declares_the_shared_304_and_takes_if_none_match() {
    let document = document();
    let shared = &document["components"]["responses"]["NotModified"];
    assert!(shared["headers"]["ETag"].is_object(), "{shared}");
    let mut found = Vec::new();
    for (method, path, operation) in operations(&document) {
        let Some(response) = operation["responses"].get("304") else {
            continue;
        };
        assert_eq!(method, "get", "{path}");
        assert_eq!(
            response["$ref"], "#/components/responses/NotModified",
            "{path}"
        );
        let parameters = operation["parameters"].as_array().expect("parameters");
        assert!(
            parameters
                .iter()
                .any(|p| p["in"] == "header" && p["name"] == "If-None-Match"),
            "{path}"
        );
        found.push(operation["operationId"].as_str().unwrap().to_owned());
    }
    found.sort();
    let mut expected: Vec<String> = CONDITIONAL_READS.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(found, expected);
}
