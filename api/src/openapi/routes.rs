//! The documented paths and their methods, read from the finished document, so the server can
//! answer what the document promises for requests no route takes: 405 with `Allow` for a
//! method a path does not have, 400 for a body sent to an operation that reads none.

use serde_json::Value;

use super::conventions::HTTP_METHODS;

/// One documented path: its segments (`None` for a `{parameter}`) and its methods.
#[derive(Debug, Clone)]
struct Template {
    segments: Vec<Option<String>>,
    /// Upper-case method and whether the operation reads a request body.
    methods: Vec<(String, bool)>,
}

#[derive(Debug, Clone, Default)]
pub struct RouteTable {
    templates: Vec<Template>,
}

/// What the document says about a method on a concrete path.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// No documented path matches: the request goes its way (404, or an undocumented route
    /// such as `/metrics`).
    UnknownPath,
    /// The path has the method; `takes_body` when some operation it may be routed to reads a
    /// request body.
    Allowed { takes_body: bool },
    /// The path exists without this method; the methods it has, for `Allow`.
    NotAllowed { allow: String },
}

impl RouteTable {
    pub fn from_document(document: &utoipa::openapi::OpenApi) -> Self {
        let json = serde_json::to_value(document).expect("the OpenAPI document serialises");
        let mut templates = Vec::new();
        if let Some(paths) = json["paths"].as_object() {
            for (path, item) in paths {
                let methods = HTTP_METHODS
                    .iter()
                    .filter_map(|method| {
                        let operation = item.get(*method)?;
                        let takes_body = operation.get("requestBody").is_some_and(Value::is_object);
                        Some((method.to_ascii_uppercase(), takes_body))
                    })
                    .collect();
                templates.push(Template {
                    segments: split(path)
                        .map(|segment| {
                            (!(segment.starts_with('{') && segment.ends_with('}')))
                                .then(|| segment.to_owned())
                        })
                        .collect(),
                    methods,
                });
            }
        }
        RouteTable { templates }
    }

    pub fn lookup(&self, method: &str, path: &str) -> Lookup {
        let segments: Vec<&str> = split(path).collect();
        let candidates: Vec<&Template> = self
            .templates
            .iter()
            .filter(|template| template.matches(&segments))
            .collect();
        // As in OpenAPI, a concrete path wins over a templated one (`/plans/import` over
        // `/plans/{code}`).
        let Some(most_literal) = candidates.iter().map(|t| t.literals()).max() else {
            return Lookup::UnknownPath;
        };
        let matching: Vec<&Template> = candidates
            .into_iter()
            .filter(|template| template.literals() == most_literal)
            .collect();
        let mut found = false;
        let mut takes_body = false;
        let mut allow: Vec<&str> = Vec::new();
        for template in &matching {
            for (name, body) in &template.methods {
                if name == method {
                    found = true;
                    takes_body |= *body;
                }
                if !allow.contains(&name.as_str()) {
                    allow.push(name);
                }
            }
        }
        if found {
            Lookup::Allowed { takes_body }
        } else {
            Lookup::NotAllowed {
                allow: allow.join(", "),
            }
        }
    }
}

impl Template {
    fn literals(&self) -> usize {
        self.segments.iter().filter(|s| s.is_some()).count()
    }

    fn matches(&self, segments: &[&str]) -> bool {
        self.segments.len() == segments.len()
            && self
                .segments
                .iter()
                .zip(segments)
                .all(|(template, segment)| match template {
                    Some(literal) => literal == segment,
                    None => !segment.is_empty(),
                })
    }
}

fn split(path: &str) -> impl Iterator<Item = &str> {
    path.trim_end_matches('/').split('/').skip(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> RouteTable {
        RouteTable::from_document(&crate::openapi::document())
    }

    #[test]
    fn a_documented_method_is_allowed_and_says_whether_it_reads_a_body() {
        assert_eq!(
            table().lookup("GET", "/api/v1/org-units/31001"),
            Lookup::Allowed { takes_body: false }
        );
        assert_eq!(
            table().lookup("PATCH", "/api/v1/org-units/31001"),
            Lookup::Allowed { takes_body: true }
        );
    }

    #[test]
    fn an_undocumented_method_on_a_documented_path_lists_the_methods_it_has() {
        assert_eq!(
            table().lookup("DELETE", "/api/v1/org-units/31001"),
            Lookup::NotAllowed {
                allow: "GET, PATCH".into()
            }
        );
    }

    #[test]
    fn a_literal_path_wins_over_a_parameter_at_the_same_place() {
        assert_eq!(
            table().lookup("GET", "/api/v1/plans/import"),
            Lookup::NotAllowed {
                allow: "POST".into()
            }
        );
        assert_eq!(
            table().lookup("GET", "/api/v1/plans/TT-18-2025"),
            Lookup::Allowed { takes_body: false }
        );
        assert_eq!(
            table().lookup("POST", "/api/v1/plans/import"),
            Lookup::Allowed { takes_body: true }
        );
    }

    #[test]
    fn a_path_the_document_does_not_have_is_left_alone() {
        assert_eq!(table().lookup("GET", "/metrics"), Lookup::UnknownPath);
        assert_eq!(
            table().lookup("GET", "/api/v1/nothing/here"),
            Lookup::UnknownPath
        );
    }
}
