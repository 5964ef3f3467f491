//! What rendering a `template` target's request costs, with the template compiled and its
//! `sha256:` version computed for every delivery (as before the cache), and taken with its
//! version from the cache of compiled templates (`template::render` and
//! `template::version_of` now); the built-in `theodoinq` profile's body for comparison.
//!
//! The report is a commune's month as the national benchmark has it: 70 values and a
//! 30-row outline with HTML. `cargo bench -p chitieu-connector --bench template_render`
//! prints the median of 15 rounds of 400 renders per case, in microseconds per request.

use std::time::Instant;

use chitieu_connector::delivery::{DeliveredValue, Delivery, OutlineRow};
use chitieu_connector::template::{self, TemplateSpec};
use chitieu_connector::{Auth, CodeMapping, Profile, Target, TargetTls, payload};
use chitieu_schema::domain::ReportedValue;

const THEODOINQ: &str = include_str!("../profiles/theodoinq.json.j2");
const REPORT_API: &str = include_str!("../profiles/report-api.json.j2");
const ROUNDS: usize = 15;
const PER_ROUND: usize = 400;

fn delivery() -> Delivery {
    let mut delivery = template::sample_delivery("chitieu:31001:KH-57-2026:202601:v1:tinh");
    let report = &mut delivery.report;
    report.values = (1..=70)
        .map(|n| DeliveredValue {
            indicator_code: format!("NQ57-{n}"),
            value: ReportedValue::Number(f64::from(n) * 1.5),
            comment: (n % 7 == 0).then(|| "Theo báo cáo của xã".to_owned()),
        })
        .collect();
    report.outline = (1..=30)
        .map(|n| OutlineRow {
            code: format!("I.{n}"),
            name: format!("Mục {n}: công tác lãnh đạo, chỉ đạo"),
            parent: (n > 1).then(|| "I.1".to_owned()),
            order: n,
            html: format!("<p>Đã ban hành <b>{n}</b> văn bản; kết quả \"tốt\"</p>"),
        })
        .collect();
    delivery
}

fn target(body: &str, method: &str, path: &str) -> Target {
    Target {
        code: "tinh".into(),
        profile: Profile::Template,
        base_url: "http://127.0.0.1:1".into(),
        auth: Auth::None,
        mapping: CodeMapping::default(),
        tls: TargetTls::default(),
        template: Some(TemplateSpec {
            method: method.into(),
            path: path.into(),
            headers: [("X-Don-Vi".to_owned(), "{{ unit.code }}".to_owned())].into(),
            content_type: "application/json".into(),
            body: Some(body.into()),
            body_file: None,
            answer: Default::default(),
        }),
    }
}

/// The median over the rounds of the microseconds one call of `work` takes.
fn measure(name: &str, mut work: impl FnMut()) {
    let mut rounds: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..PER_ROUND {
                work();
            }
            started.elapsed().as_secs_f64() * 1e6 / PER_ROUND as f64
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    println!("{name:<62} {:>9.1} µs/request", rounds[ROUNDS / 2]);
}

fn main() {
    let delivery = delivery();
    let cases = [
        (
            "theodoinq.json.j2",
            target(THEODOINQ, "POST", "/api/v1/submissions"),
        ),
        (
            "report-api.json.j2",
            target(
                REPORT_API,
                "PUT",
                "/report_api/api/rp_objidx_data?grant_id={{ unit.code }}",
            ),
        ),
    ];
    for (name, target) in &cases {
        let spec = target.template.as_ref().expect("a template target");
        // Before the cache: `outgoing::prepare` compiled the template and hashed its version,
        // and the worker hashed the version again to record it.
        measure(
            &format!("{name}: before (compile + 2 versions + render)"),
            || {
                let compiled = spec.check().expect("the template compiles");
                let context = template::context(target, &delivery).expect("a context");
                std::hint::black_box(compiled.render(&context).expect("it renders"));
                std::hint::black_box(spec.version());
            },
        );
        // Now: both take the compiled template (and its version) from the cache.
        measure(
            &format!("{name}: after (cached; render + version_of)"),
            || {
                std::hint::black_box(template::render(target, &delivery).expect("it renders"));
                std::hint::black_box(template::version_of(spec));
            },
        );
        measure(
            &format!("{name}: compiling alone (with its version)"),
            || {
                std::hint::black_box(spec.check().expect("the template compiles"));
            },
        );
        measure(&format!("{name}: the sha256 version alone"), || {
            std::hint::black_box(spec.version());
        });
    }
    let builtin = Target {
        profile: Profile::Theodoinq,
        template: None,
        ..cases[0].1.clone()
    };
    measure("built-in theodoinq profile (no template)", || {
        std::hint::black_box(payload::build(&builtin, &delivery).expect("it builds"));
    });
}
