use actix_web::http::StatusCode;
use actix_web::{HttpResponse, put, web};
use chitieu_schema::domain::Name;
use chitieu_schema::reports::{self, NarrativeSection, SectionCode};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{ReportPath, ReportView, actor, authorize};
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// The whole narrative, replacing the stored one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"sections": [
    {"code": "I", "title": "Công tác lãnh đạo, chỉ đạo", "position": 1, "contentHtml": "<p>Thường trực HĐND xã đã ban hành kế hoạch triển khai.</p>"},
    {"code": "III", "title": "Đánh giá chung", "position": 3, "contentHtml": ""},
    {"code": "III.1", "parentCode": "III", "title": "Ưu điểm", "position": 1, "contentHtml": "<p>Nhận thức được nâng lên rõ rệt.</p>"}
]}))]
pub struct NarrativeRequest {
    pub sections: Vec<SectionItem>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SectionItem {
    /// A Roman numeral, optionally with item numbers: `I`, `III`, `III.1`.
    #[schema(example = "III.1")]
    pub code: String,
    /// Required for sub-sections: the code they are numbered under (`III` for `III.1`).
    #[schema(example = "III")]
    pub parent_code: Option<String>,
    #[schema(example = "Ưu điểm")]
    pub title: String,
    /// Order among siblings.
    #[schema(example = 1)]
    pub position: i32,
    /// Kept as given, only NFC-normalised.
    pub content_html: String,
}

const MAX_HTML_CHARS: usize = 200_000;

impl NarrativeRequest {
    fn parse(self) -> Result<Vec<NarrativeSection>, ApiError> {
        let mut errors = FieldErrors::new();
        let mut outline = Vec::new();
        let mut sections = Vec::new();
        for (index, item) in self.sections.into_iter().enumerate() {
            let at = |field: &str| format!("/sections/{index}/{field}");
            let code = errors.check(&at("code"), SectionCode::parse(&item.code));
            let parent = errors.check(
                &at("parentCode"),
                item.parent_code
                    .as_deref()
                    .map(SectionCode::parse)
                    .transpose(),
            );
            let title = errors.check(&at("title"), Name::parse(&item.title));
            if item.position < 0 {
                errors.add(&at("position"), "must be 0 or more");
            }
            let html = NarrativeSection::normalise_html(&item.content_html);
            if html.chars().count() > MAX_HTML_CHARS {
                errors.add(
                    &at("contentHtml"),
                    format!("must be at most {MAX_HTML_CHARS} characters"),
                );
            }
            if let (Some(code), Some(parent), Some(title)) = (code, parent, title) {
                outline.push((index, code.clone(), parent.clone()));
                sections.push(NarrativeSection {
                    code: code.as_str().to_owned(),
                    parent_code: parent.map(|p| p.as_str().to_owned()),
                    title: title.into_string(),
                    position: item.position,
                    content_html: html,
                });
            }
        }
        let pairs: Vec<_> = outline
            .iter()
            .map(|(_, c, p)| (c.clone(), p.clone()))
            .collect();
        for (i, field, reason) in NarrativeSection::check_outline(&pairs) {
            errors.add(&format!("/sections/{}/{field}", outline[i].0), reason);
        }
        errors.finish(|| Some(sections))
    }
}

/// Replace the narrative of a draft or returned report (seed 000's outline: I leadership,
/// II results, III assessment with III.1…, IV tasks, V proposals). Each section added,
/// changed or removed writes an audit entry.
#[utoipa::path(
    tag = "Reports",
    params(ReportPath,
        ("If-Match" = String, Header, description = "The report's ETag", example = "\"2\"")),
    request_body = NarrativeRequest,
    responses(
        (status = 200, description = "The report with its narrative", body = ReportView,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 403, description = "The caller may not enter data for this unit", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such report in the caller's subtree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The report is submitted or approved", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "Sections are invalid, each named", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid", "status": 422,
                "detail": "/sections/2/parentCode: III.1 is a sub-section: give parentCode III",
                "errors": [{"pointer": "/sections/2/parentCode", "detail": "III.1 is a sub-section: give parentCode III"}]})),
        crate::responses::EditPreconditions,
    )
)]
#[put("/reports/{unitCode}/{planCode}/{period}/narrative")]
pub async fn set_narrative(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ReportPath>,
    if_match: IfMatch,
    body: JsonBody<NarrativeRequest>,
) -> Result<HttpResponse, ApiError> {
    let key = path.key()?;
    authorize(&state, &caller, &key, Action::EnterData).await?;
    let sections = body.0.parse()?;
    let actor = actor(&caller);
    let report = state
        .db(move |conn| reports::set_narrative(conn, &key, if_match.expected(), sections, &actor))
        .await?;
    Ok(ReportView::from(report).respond(StatusCode::OK))
}
