//! The narrative of a report, following seed 000's outline: I leadership and direction,
//! II results, III assessment (III.1 strengths, III.2 shortcomings, III.3 causes), IV tasks,
//! V proposals. Sections nest by parent code; HTML is sanitised on input to an allow-list of
//! tags and attributes (see [`NarrativeSection::normalise_html`]) and NFC-normalised.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::key::{Actor, ReportKey};
use super::record::{Report, bump_version, reread};
use super::values::check_editable;
use crate::StoreError;
use crate::audit::{self, NewAuditEntry};
use crate::db::Db;
use crate::domain::Invalid;
use crate::schema::report_sections;

/// A section code: a Roman numeral, optionally followed by item numbers (`III`, `III.1`,
/// `III.1.2`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionCode(String);

impl SectionCode {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let raw = raw.trim();
        let mut parts = raw.split('.');
        let numeral = parts.next().unwrap_or("");
        crate::domain::SectionCode::parse(numeral).map_err(|_| {
            Invalid::said(
                crate::messages::Message::new("invalid-narrative-section")
                    .arg("raw", format!("{raw:?}")),
            )
        })?;
        let rest: Vec<&str> = parts.collect();
        let numbered = rest.len() <= 3
            && rest
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
        if !numbered || numeral != numeral.to_ascii_uppercase() {
            return Err(Invalid::said(
                crate::messages::Message::new("invalid-narrative-section")
                    .arg("raw", format!("{raw:?}")),
            ));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code this one sits under by its numbering (`III` for `III.1`).
    pub fn implied_parent(&self) -> Option<&str> {
        self.0.rsplit_once('.').map(|(parent, _)| parent)
    }
}

fn sanitiser() -> ammonia::Builder<'static> {
    let tags = [
        "p",
        "br",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "s",
        "sub",
        "sup",
        "span",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "caption",
        "colgroup",
        "col",
        "a",
    ];
    let mut builder = ammonia::Builder::empty();
    builder
        .add_tags(tags)
        .add_generic_attributes(["title"])
        .add_tag_attributes("a", ["href"])
        .add_tag_attributes("td", ["colspan", "rowspan"])
        .add_tag_attributes("th", ["colspan", "rowspan"])
        .add_url_schemes(["http", "https", "mailto"])
        .link_rel(Some("noopener noreferrer"));
    builder
}

/// One section of the narrative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NarrativeSection {
    pub code: String,
    pub parent_code: Option<String>,
    pub title: String,
    pub position: i32,
    pub content_html: String,
}

impl NarrativeSection {
    pub(super) fn from_row(row: (String, Option<String>, String, i32, String)) -> Self {
        let (code, parent_code, title, position, content_html) = row;
        Self {
            code,
            parent_code,
            title,
            position,
            content_html,
        }
    }

    /// The HTML kept: NFC-normalised, then sanitised by `ammonia` so that software reading the
    /// API never receives scripts. Kept are text formatting (`p br b strong i em u s sub sup
    /// span blockquote`), headings `h1`–`h6`, lists (`ul ol li`), tables (`table thead tbody
    /// tfoot tr th td caption colgroup col`), links (`a` with `href` http, https or mailto, given
    /// `rel="noopener noreferrer"`), and the attributes `title`, `colspan`, `rowspan`; scripts,
    /// styles, event handlers (`onerror` …), images, forms and frames are removed.
    pub fn normalise_html(raw: &str) -> String {
        let text: String = raw.nfc().collect();
        sanitiser().clean(&text).to_string()
    }

    /// Problems with the outline as a whole, by index and field: codes are unique, a parent is
    /// listed and is the code's own numbering parent (`III` for `III.1`), a sub-section has one.
    pub fn check_outline(
        sections: &[(SectionCode, Option<SectionCode>)],
    ) -> Vec<(usize, &'static str, String)> {
        let mut problems = Vec::new();
        let mut first_at: HashMap<&str, usize> = HashMap::new();
        for (index, (code, _)) in sections.iter().enumerate() {
            if let Some(first) = first_at.insert(code.as_str(), index) {
                problems.push((
                    index,
                    "code",
                    format!("{} is already listed at /sections/{first}", code.as_str()),
                ));
            }
        }
        for (index, (code, parent)) in sections.iter().enumerate() {
            let implied = code.implied_parent();
            match (parent, implied) {
                (None, None) => {}
                (None, Some(implied)) => problems.push((
                    index,
                    "parentCode",
                    format!(
                        "{} is a sub-section: give parentCode {implied}",
                        code.as_str()
                    ),
                )),
                (Some(parent), implied) if Some(parent.as_str()) != implied => problems.push((
                    index,
                    "parentCode",
                    format!("{} cannot sit under {}", code.as_str(), parent.as_str()),
                )),
                (Some(parent), _) if !first_at.contains_key(parent.as_str()) => problems.push((
                    index,
                    "parentCode",
                    format!("the parent {} is not in the list", parent.as_str()),
                )),
                _ => {}
            }
        }
        problems
    }
}

/// Replaces the narrative; one audit entry per section added, changed or removed.
pub fn set_narrative(
    conn: &mut Db,
    key: &ReportKey,
    expected_version: Option<i32>,
    sections: Vec<NarrativeSection>,
    actor: &Actor,
) -> Result<Report, StoreError> {
    conn.transaction(|conn| {
        audit::lock_chain(conn)?;
        let located = super::context::locate(conn, key)?;
        check_editable(&located, expected_version)?;
        let report_id = located.row.id;
        let old: BTreeMap<String, NarrativeSection> = report_sections::table
            .filter(report_sections::report_id.eq(report_id))
            .select((
                report_sections::code,
                report_sections::parent_code,
                report_sections::title,
                report_sections::position,
                report_sections::content_html,
            ))
            .load::<(String, Option<String>, String, i32, String)>(conn)
            .map_err(StoreError::database("reading a report's narrative"))?
            .into_iter()
            .map(|row| (row.0.clone(), NarrativeSection::from_row(row)))
            .collect();
        let new: BTreeMap<String, NarrativeSection> =
            sections.into_iter().map(|s| (s.code.clone(), s)).collect();
        let mut entries = Vec::new();
        let codes: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
        for code in codes {
            let (before, after) = (old.get(code), new.get(code));
            if before == after {
                continue;
            }
            entries.push(NewAuditEntry {
                actor: actor.subject.clone(),
                request_id: actor.request_id.clone(),
                action: "narrative_set",
                unit_code: located.unit.code.clone(),
                plan_code: located.plan.code.clone(),
                period: located.row.period.clone(),
                indicator_code: None,
                old_value: before.map(|s| format!("{}: {}", s.title, s.content_html)),
                new_value: after.map(|s| format!("{}: {}", s.title, s.content_html)),
                reason: Some(format!("section {code}")),
            });
        }
        if entries.is_empty() {
            return reread(conn, located);
        }
        diesel::delete(report_sections::table.filter(report_sections::report_id.eq(report_id)))
            .execute(conn)
            .map_err(StoreError::database("replacing a report's narrative"))?;
        for section in new.values() {
            diesel::insert_into(report_sections::table)
                .values((
                    report_sections::report_id.eq(report_id),
                    report_sections::code.eq(&section.code),
                    report_sections::parent_code.eq(&section.parent_code),
                    report_sections::title.eq(&section.title),
                    report_sections::position.eq(section.position),
                    report_sections::content_html.eq(&section.content_html),
                ))
                .execute(conn)
                .map_err(StoreError::database("storing a narrative section"))?;
        }
        bump_version(conn, &located.row, expected_version)?;
        audit::append(conn, &entries)?;
        reread(conn, located)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(raw: &[(&str, Option<&str>)]) -> Vec<(SectionCode, Option<SectionCode>)> {
        raw.iter()
            .map(|(c, p)| {
                (
                    SectionCode::parse(c).unwrap(),
                    p.map(|p| SectionCode::parse(p).unwrap()),
                )
            })
            .collect()
    }

    #[test]
    fn seed_000s_outline_is_accepted() {
        let ok = outline(&[
            ("I", None),
            ("II", None),
            ("III", None),
            ("III.1", Some("III")),
            ("IV", None),
            ("V", None),
        ]);
        assert!(NarrativeSection::check_outline(&ok).is_empty());
    }

    #[test]
    fn a_sub_section_under_the_wrong_parent_or_without_one_is_refused() {
        let bad = outline(&[("III", None), ("III.1", Some("II")), ("III.2", None)]);
        let problems = NarrativeSection::check_outline(&bad);
        assert_eq!(problems.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 2]);
        assert!(SectionCode::parse("3.1").is_err());
        assert!(SectionCode::parse("iii").is_err());
    }

    #[test]
    fn scripts_and_event_handlers_are_removed_and_formatting_is_kept() {
        let raw = "<p onclick=\"x()\">Thường trực <b>HĐND</b></p><script>alert(1)</script>\
                   <img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a>\
                   <table><tr><td colspan=\"2\">Tổng</td></tr></table>";
        let kept = NarrativeSection::normalise_html(raw);
        assert!(
            !kept.contains("script") && !kept.contains("onerror"),
            "{kept}"
        );
        assert!(
            !kept.contains("onclick") && !kept.contains("javascript"),
            "{kept}"
        );
        assert!(kept.contains("<p>Thường trực <b>HĐND</b></p>"), "{kept}");
        assert!(kept.contains("<td colspan=\"2\">Tổng</td>"), "{kept}");
    }
}
