//! Patterns and lengths of the official codes and periods, on every parameter and member of
//! our own routes (`/api/v1`) that the server parses with the domain's rule. The rules come
//! from the domain types themselves ([`CodeRule`], [`Period::pattern`]), so the document and
//! the server cannot disagree. DHIS2's surface reads its set as DHIS2 does and gets none.
//!
//! A parameter or member renamed without updating the lists below fails the contract test.

use chitieu_schema::domain::{
    CatalogCode, CodeRule, IndicatorCode, IndicatorNumber, OrgUnitCode, Period, SectionCode,
};
use chitieu_schema::plans::PlanCode;
use serde_json::{Value, json};

#[derive(Debug, Clone, Copy)]
enum Code {
    OrgUnit,
    Catalog,
    Indicator,
    Plan,
    Period,
    Section,
    Number,
}

impl Code {
    fn keywords(self) -> Value {
        let code = |rule: CodeRule| json!({"pattern": rule.pattern(), "minLength": rule.min, "maxLength": rule.max});
        match self {
            Code::OrgUnit => code(OrgUnitCode::RULE),
            Code::Catalog => code(CatalogCode::RULE),
            Code::Indicator => code(IndicatorCode::RULE),
            Code::Plan => code(PlanCode::RULE),
            Code::Period => json!({"pattern": Period::pattern()}),
            Code::Section => json!({"pattern": SectionCode::pattern()}),
            Code::Number => json!({"pattern": IndicatorNumber::pattern()}),
        }
    }
}

/// Path parameters named `code`, by the collection they sit in.
const PATH_CODES: &[(&str, Code)] = &[
    ("/api/v1/org-units/{code}", Code::OrgUnit),
    ("/api/v1/catalogs/{code}", Code::Catalog),
    ("/api/v1/indicators/{code}", Code::Indicator),
    ("/api/v1/plans/{code}", Code::Plan),
];

/// Other parameters, by name, wherever they appear under `/api/v1`.
const PARAMETERS: &[(&str, Code)] = &[
    ("unitCode", Code::OrgUnit),
    ("planCode", Code::Plan),
    ("indicatorCode", Code::Indicator),
    ("period", Code::Period),
    ("baseline", Code::Period),
    ("unit", Code::OrgUnit),
    ("plan", Code::Plan),
    ("indicator", Code::Indicator),
    ("catalog", Code::Catalog),
    ("parentCode", Code::OrgUnit),
    ("section", Code::Section),
    ("sectionCode", Code::Section),
];

/// Request members: (schema, member, code). An array member gets the rule on its items.
const MEMBERS: &[(&str, &str, Code)] = &[
    ("CloseOrgUnitRequest", "successorCodes", Code::OrgUnit),
    ("CreateApiKeyRequest", "homeUnitCode", Code::OrgUnit),
    ("CreateOrgUnitRequest", "code", Code::OrgUnit),
    ("CreateOrgUnitRequest", "parentCode", Code::OrgUnit),
    ("CreateUserRequest", "homeUnitCode", Code::OrgUnit),
    ("UpdateUserRequest", "homeUnitCode", Code::OrgUnit),
    ("UpdateOrgUnitRequest", "parentCode", Code::OrgUnit),
    ("IndicatorPatch", "parentCode", Code::Indicator),
    ("ItemPatch", "leadUnitCode", Code::OrgUnit),
    ("ItemPatch", "coordinatingUnitCodes", Code::OrgUnit),
    ("NewCatalogRequest", "code", Code::Catalog),
    ("NewIndicatorRequest", "catalogCode", Code::Catalog),
    ("NewIndicatorRequest", "code", Code::Indicator),
    ("NewIndicatorRequest", "parentCode", Code::Indicator),
    ("NewIndicatorRequest", "number", Code::Number),
    ("NewIndicatorRequest", "sectionCode", Code::Section),
    ("IndicatorPatch", "number", Code::Number),
    ("IndicatorPatch", "sectionCode", Code::Section),
    ("NewSectionRequest", "code", Code::Section),
    ("NewItemRequest", "indicatorCode", Code::Indicator),
    ("NewItemRequest", "leadUnitCode", Code::OrgUnit),
    ("NewItemRequest", "coordinatingUnitCodes", Code::OrgUnit),
    ("NewPlanRequest", "code", Code::Plan),
    ("NewPlanRequest", "catalogCode", Code::Catalog),
    ("NewPlanRequest", "issuingUnitCode", Code::OrgUnit),
    ("ValueItem", "indicatorCode", Code::Indicator),
];

pub fn apply(document: &mut Value) {
    if let Some(paths) = document["paths"].as_object_mut() {
        for (path, item) in paths.iter_mut() {
            if !path.starts_with("/api/v1/") {
                continue;
            }
            let Some(operations) = item.as_object_mut() else {
                continue;
            };
            for operation in operations.values_mut() {
                let Some(parameters) = operation["parameters"].as_array_mut() else {
                    continue;
                };
                for parameter in parameters {
                    if let Some(code) = parameter_code(path, parameter) {
                        constrain(&mut parameter["schema"], code);
                    }
                }
            }
        }
    }
    let schemas = &mut document["components"]["schemas"];
    for (schema, member, code) in MEMBERS {
        let property = &mut schemas[*schema]["properties"][*member];
        assert!(
            !property.is_null(),
            "{schema}.{member} is not in the document: update openapi/codes.rs"
        );
        constrain(property, *code);
    }
}

fn parameter_code(path: &str, parameter: &Value) -> Option<Code> {
    let name = parameter["name"].as_str()?;
    if parameter["in"] == "header" {
        return None;
    }
    if name == "code" && parameter["in"] == "path" {
        return PATH_CODES
            .iter()
            .find(|(prefix, _)| path.starts_with(prefix))
            .map(|(_, code)| *code);
    }
    PARAMETERS
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, code)| *code)
}

/// Adds the rule to a string schema, to the items of an array schema, or to the string
/// alternative of a nullable one.
fn constrain(schema: &mut Value, code: Code) {
    let types: Vec<&str> = match &schema["type"] {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if types.contains(&"array") {
        constrain(&mut schema["items"], code);
    } else if types.contains(&"string") {
        let keywords = code.keywords();
        for (name, value) in keywords.as_object().expect("an object") {
            schema[name] = value.clone();
        }
    } else if let Some(variants) = schema["oneOf"].as_array_mut() {
        for variant in variants {
            constrain(variant, code);
        }
    } else {
        panic!("a code is a string or a list of strings, not {schema}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_member_and_path_is_in_the_document() {
        let document = serde_json::to_value(crate::openapi::document()).unwrap();
        for (prefix, _) in PATH_CODES {
            assert!(
                document["paths"]
                    .as_object()
                    .unwrap()
                    .keys()
                    .any(|p| p.starts_with(prefix)),
                "{prefix}"
            );
        }
        let period = &document["paths"]["/api/v1/reports/{unitCode}/{planCode}/{period}"]["get"]["parameters"];
        let period = period
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "period")
            .unwrap();
        assert_eq!(period["schema"]["pattern"], Period::pattern());
    }
}
