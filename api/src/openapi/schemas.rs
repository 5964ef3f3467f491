//! Schema conventions that make generated clients name things well:
//!
//! - `Paged_<Model>` lists reference their item model instead of an inline copy of it (an
//!   item model that is no component yet becomes one).
//! - A `oneOf` whose variants are inline objects told apart by one property with a single
//!   value (`kind: "number"`, `grantType: "password"`) gets each variant as its own schema,
//!   `<Parent><Value>` (`FigureViewNumber`, `TokenRequestPassword`), and a discriminator.

use serde_json::{Map, Value, json};

pub fn apply(document: &mut Value) {
    let Some(schemas) = document["components"]["schemas"].as_object_mut() else {
        return;
    };
    reference_paged_items(schemas);
    name_tagged_variants(schemas);
}

fn reference_paged_items(schemas: &mut Map<String, Value>) {
    let names: Vec<String> = schemas.keys().cloned().collect();
    for name in &names {
        let Some(item) = name.strip_prefix("Paged_") else {
            continue;
        };
        let paged = schemas.get_mut(name).expect("listed above");
        if paged["properties"]["items"]["type"] != "array" {
            continue;
        }
        let inline = std::mem::replace(
            &mut paged["properties"]["items"]["items"],
            json!({ "$ref": format!("#/components/schemas/{item}") }),
        );
        // An item type that is not a component of its own becomes one, under its name.
        if !schemas.contains_key(item) && inline.get("$ref").is_none() {
            schemas.insert(item.to_owned(), inline);
        }
    }
}

fn name_tagged_variants(schemas: &mut Map<String, Value>) {
    let names: Vec<String> = schemas.keys().cloned().collect();
    for parent in names {
        let Some(variants) = schemas[&parent]["oneOf"].as_array().cloned() else {
            continue;
        };
        let Some(tag) = common_tag(&variants) else {
            continue;
        };
        let mut references = Vec::new();
        let mut mapping = Map::new();
        for variant in variants {
            let value = variant["properties"][&tag]["enum"][0]
                .as_str()
                .expect("common_tag checked it")
                .to_owned();
            let name = format!("{parent}{}", pascal_case(&value));
            let reference = format!("#/components/schemas/{name}");
            mapping.insert(value, Value::String(reference.clone()));
            references.push(json!({ "$ref": reference }));
            schemas.insert(name, variant);
        }
        let schema = schemas.get_mut(&parent).expect("listed above");
        schema["oneOf"] = Value::Array(references);
        schema["discriminator"] = json!({ "propertyName": tag, "mapping": mapping });
    }
}

/// The property every variant has, required, with one string value of its own.
fn common_tag(variants: &[Value]) -> Option<String> {
    let first = variants.first()?;
    let mut candidates = first["properties"].as_object()?.keys();
    candidates
        .find(|name| {
            variants.iter().all(|variant| {
                let values = &variant["properties"][name.as_str()]["enum"];
                let required = variant["required"]
                    .as_array()
                    .is_some_and(|r| r.iter().any(|n| n == name.as_str()));
                required
                    && values
                        .as_array()
                        .is_some_and(|v| v.len() == 1 && v[0].is_string())
            })
        })
        .cloned()
}

fn pascal_case(value: &str) -> String {
    let mut out = String::new();
    let mut upper = true;
    for c in value.chars() {
        if c.is_ascii_alphanumeric() {
            if upper {
                out.push(c.to_ascii_uppercase());
            } else {
                out.push(c);
            }
            upper = false;
        } else {
            upper = true;
        }
    }
    out
}
