//! The permission matrix (issue 3's acceptance test): every endpoint × every role × a target in
//! and out of the caller's scope, each cell run against fresh targets and its status checked.
//! The whole matrix is printed to stderr; all mismatches are listed before failing.

mod fixture;
mod listing;
mod plan_requests;
mod report_requests;
mod requests;
mod table;
mod validation_requests;
mod webhook_requests;

use chitieu_e2e::{Scenario, TestApp};
use serde_json::Value;

use fixture::{Callers, Side};
use table::{MATRIX, ROLES, Row};

pub fn scenarios() -> Vec<Scenario> {
    let mut scenarios = vec![
        Scenario::new(
            "every_endpoint_answers_every_role_in_and_out_of_scope_as_the_matrix_says",
            |app| Box::pin(every_endpoint_answers_as_the_matrix_says(app)),
        ),
        Scenario::new(
            "every_operation_of_the_openapi_document_is_in_the_matrix",
            |app| Box::pin(every_operation_is_in_the_matrix(app)),
        ),
    ];
    scenarios.extend(listing::scenarios());
    scenarios
}

/// The statuses one row got: `[in, out]` per role, and the anonymous one.
struct Outcome {
    actual: [[u16; 2]; 6],
    anonymous: u16,
}

async fn every_endpoint_answers_as_the_matrix_says(app: TestApp) {
    let callers = fixture::build(&app).await;
    let mut outcomes = Vec::new();
    for row in MATRIX {
        outcomes.push(run_row(&app, &callers, row).await);
    }
    eprintln!("{}", render(&outcomes));
    let mismatches = mismatches(&outcomes);
    assert!(
        mismatches.is_empty(),
        "{} of {} cells differ from the matrix:\n{}",
        mismatches.len(),
        MATRIX.len() * (ROLES.len() * 2 + 1),
        mismatches.join("\n")
    );
}

async fn run_row(app: &TestApp, callers: &Callers, row: &Row) -> Outcome {
    let mut actual = [[0u16; 2]; 6];
    for (column, role) in ROLES.into_iter().enumerate() {
        for (index, side) in [Side::In, Side::Out].into_iter().enumerate() {
            let request = requests::prepare(app, row.request, role.anchor(side)).await;
            actual[column][index] = request.send(app, callers.client(role)).await;
        }
    }
    let anchor = ROLES[0].anchor(Side::In);
    let request = requests::prepare(app, row.request, anchor).await;
    let anonymous = request.send(app, &callers.anonymous).await;
    Outcome { actual, anonymous }
}

fn label(row: &Row) -> String {
    if row.case.is_empty() {
        row.endpoint.to_owned()
    } else {
        format!("{} ({})", row.endpoint, row.case)
    }
}

fn mismatches(outcomes: &[Outcome]) -> Vec<String> {
    let mut found = Vec::new();
    for (row, outcome) in MATRIX.iter().zip(outcomes) {
        for (column, role) in ROLES.into_iter().enumerate() {
            for (index, side) in ["in scope", "out of scope"].into_iter().enumerate() {
                let (expected, actual) =
                    (row.expected[column][index], outcome.actual[column][index]);
                if expected != actual {
                    found.push(format!(
                        "  {} as {} {side}: expected {expected}, got {actual}",
                        label(row),
                        role.heading()
                    ));
                }
            }
        }
        if row.anonymous != outcome.anonymous {
            found.push(format!(
                "  {} anonymously: expected {}, got {}",
                label(row),
                row.anonymous,
                outcome.anonymous
            ));
        }
    }
    found
}

/// The matrix as an aligned table: `in/out` per role, `*` after a cell that differs.
fn render(outcomes: &[Outcome]) -> String {
    let mut lines = vec![{
        let mut heading = vec!["endpoint (in scope/out of scope)".to_owned()];
        heading.extend(ROLES.iter().map(|role| role.heading().to_owned()));
        heading.push("anonymous".to_owned());
        heading
    }];
    for (row, outcome) in MATRIX.iter().zip(outcomes) {
        let mut line = vec![label(row)];
        for column in 0..ROLES.len() {
            let [got_in, got_out] = outcome.actual[column];
            let mark = if outcome.actual[column] == row.expected[column] {
                ""
            } else {
                "*"
            };
            line.push(format!("{got_in}/{got_out}{mark}"));
        }
        let mark = if outcome.anonymous == row.anonymous {
            ""
        } else {
            "*"
        };
        line.push(format!("{}{mark}", outcome.anonymous));
        lines.push(line);
    }
    let widths: Vec<usize> = (0..lines[0].len())
        .map(|i| {
            lines
                .iter()
                .map(|l| l[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut text = String::from("\nPermission matrix (status in scope/out of scope):\n");
    for line in &lines {
        let cells: Vec<String> = line
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        text.push_str(cells.join("  ").trim_end());
        text.push('\n');
    }
    text
}

async fn every_operation_is_in_the_matrix(_app: TestApp) {
    let document: Value =
        serde_json::from_str(&chitieu_api::openapi::document_json()).expect("the document is JSON");
    let paths = document["paths"].as_object().expect("paths");
    let mut documented = Vec::new();
    for (path, item) in paths
        .iter()
        .filter(|(path, _)| !path.starts_with("/health/"))
    {
        for method in [
            "get", "put", "post", "patch", "delete", "head", "options", "trace",
        ] {
            if item.get(method).is_some() {
                documented.push(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    let in_matrix: Vec<&str> = MATRIX.iter().map(|row| row.endpoint).collect();
    let missing: Vec<&String> = documented
        .iter()
        .filter(|op| !in_matrix.contains(&op.as_str()))
        .collect();
    let unknown: Vec<&&str> = in_matrix
        .iter()
        .filter(|endpoint| !documented.iter().any(|op| op == *endpoint))
        .collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "operations missing from the permission matrix: {missing:?}; \
         matrix rows naming no documented operation: {unknown:?}"
    );
}
