//! `Accept-Language` on every operation: the API says what it says to people (problem titles
//! and details, field errors, import diagnostics, trajectory explanations, the deadline watch)
//! in Vietnamese when the caller asks for `vi`, in English otherwise. Added to each operation
//! here (inline: utoipa's model has no parameter references), so a route added later gets it.

use serde_json::{Value, json};

pub fn apply(document: &mut Value) {
    let parameter = json!({
        "name": "Accept-Language",
        "in": "header",
        "required": false,
        "description": "The language of the texts for people in the answer: Vietnamese when \
            the highest-weighted language range is `vi` (`vi`, `vi-VN`), English otherwise. \
            Machine fields (`type`, `pointer`, codes, enum values) are the same in both. Problem \
            documents carry `Content-Language`. The progress files (`progress.html`, `.xlsx`, \
            `.csv`) follow their `lang` parameter instead.",
        "schema": {"type": "string"},
        "example": "vi-VN,vi;q=0.9,en;q=0.5"
    });
    let Some(paths) = document["paths"].as_object_mut() else {
        return;
    };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, operation) in item.iter_mut() {
            if !matches!(
                method.as_str(),
                "get" | "put" | "post" | "delete" | "patch" | "head" | "options"
            ) {
                continue;
            }
            let parameters = operation
                .as_object_mut()
                .map(|o| o.entry("parameters").or_insert_with(|| json!([])));
            if let Some(Value::Array(parameters)) = parameters {
                if !parameters.iter().any(|p| p["name"] == "Accept-Language") {
                    parameters.push(parameter.clone());
                }
            }
        }
    }
}
