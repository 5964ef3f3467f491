//! Item numbers as printed, within their section: numbering that restarts in each section
//! (1, 2, 3 under I; 1, 2 under II) is the usual way and stays as printed. Within one section
//! a gap (1, 2, 4) is kept with a warning, and a real repeat is stored under the next free
//! number of that section (its sub-items following it), with a warning naming both places.
//! Plans without Roman sections may number their sections in Arabic numerals (1, with
//! items 1.1, 1.2): [`arabic_sections`] reads those.

use std::collections::{HashMap, HashSet};

use super::diagnostics::Diagnostic;
use super::header::Column;
use super::item::Gathered;
use super::rows::ParsedSection;
use super::table::{Table, one_line};
use crate::domain::{IndicatorNumber, Invalid, SectionCode};
use crate::messages::Message;

/// Where numbering stands in one section.
#[derive(Default)]
struct SectionNumbering {
    used: HashSet<String>,
    first_at: HashMap<String, String>,
    highest_top: u32,
    previous_top: Option<u32>,
    /// A repeated item's printed number and where it is stored, for its sub-items.
    remapped_parent: Option<(String, String)>,
}

fn top(number: &str) -> u32 {
    number
        .split('.')
        .next()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0)
}

/// The stored number of each item (`written` number, section, reference), in order, with a
/// diagnostic for each gap and repeat within a section.
pub(super) fn number_within_sections<'a>(
    written: impl Iterator<Item = (&'a String, Option<&'a SectionCode>, String)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<IndicatorNumber>, Invalid> {
    let written: Vec<(&String, Option<&SectionCode>, String)> = written.collect();
    let mut sections: HashMap<Option<&str>, SectionNumbering> = HashMap::new();
    for (number, section, _) in &written {
        let state = sections
            .entry(section.map(SectionCode::as_str))
            .or_default();
        state.highest_top = state.highest_top.max(top(number));
    }
    let mut numbers = Vec::with_capacity(written.len());
    for (number, section, reference) in written {
        let code = section.map(SectionCode::as_str);
        // Said as a part of the sentence, with its leading space, or as nothing.
        let part = |key: &'static str| {
            code.map_or_else(
                || Message::new("text-as-written").arg("text", ""),
                |c| Message::new(key).arg("code", c),
            )
        };
        let (of_section, in_section) = (part("import-of-section"), part("import-in-section"));
        let state = sections.entry(code).or_default();
        let stored = match number.split_once('.') {
            None => {
                let n = top(number);
                if let Some(previous) = state.previous_top
                    && n > previous + 1
                {
                    diagnostics.push(Diagnostic::warning(
                        reference.clone(),
                        Message::new("import-numbering-skips")
                            .message("ofSection", of_section.clone())
                            .arg("previous", previous)
                            .arg("number", number),
                    ));
                }
                state.previous_top = Some(n);
                if state.used.contains(number) {
                    state.highest_top += 1;
                    let stored = state.highest_top.to_string();
                    state.remapped_parent = Some((number.clone(), stored.clone()));
                    stored
                } else {
                    state.remapped_parent = None;
                    number.clone()
                }
            }
            Some((parent, rest)) => {
                let parent = match &state.remapped_parent {
                    Some((printed, stored)) if printed == parent => stored.clone(),
                    _ => parent.to_owned(),
                };
                // Under Arabic sections the parent of 1.1 is the section 1 itself.
                let parent_is_section = code == Some(parent.as_str());
                if !state.used.contains(&parent) && !parent_is_section {
                    diagnostics.push(Diagnostic::warning(
                        reference.clone(),
                        Message::new("import-sub-item-orphan")
                            .arg("number", number)
                            .arg("parent", &parent)
                            .message("inSection", in_section.clone()),
                    ));
                }
                let candidate = format!("{parent}.{rest}");
                if state.used.contains(&candidate) {
                    (1..)
                        .map(|k| format!("{parent}.{k}"))
                        .find(|n| !state.used.contains(n))
                        .unwrap_or(candidate)
                } else {
                    candidate
                }
            }
        };
        if stored != *number {
            let earlier = state.first_at.get(number.as_str()).map_or_else(
                || Message::new("text-as-written").arg("text", ""),
                |at| Message::new("import-first-at").arg("at", at),
            );
            diagnostics.push(Diagnostic::warning(
                reference.clone(),
                Message::new("import-number-twice")
                    .arg("number", number)
                    .message("inSection", in_section)
                    .message("earlier", earlier)
                    .arg("stored", &stored),
            ));
        }
        state.first_at.entry(number.clone()).or_insert(reference);
        state.used.insert(stored.clone());
        numbers.push(IndicatorNumber::parse(&stored)?);
    }
    Ok(numbers)
}

/// Sections numbered in Arabic numerals, in a table without Roman or lettered ones: when every
/// whole-numbered row (1, 2) has no target and heads sub-items (1.1, 1.2), those rows are the
/// sections and the sub-items their items, keeping their printed numbers.
pub(super) fn arabic_sections(
    gathered: &mut Vec<Gathered>,
    table: &Table,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ParsedSection> {
    let is_top = |g: &Gathered| !g.number.contains('.');
    let has_target = |g: &Gathered| {
        g.cells.iter().any(|(role, text)| {
            matches!(role, Column::Year(_) | Column::Result) && !text.trim().is_empty()
        })
    };
    let heads_sub_items = |g: &Gathered| {
        let prefix = format!("{}.", g.number);
        gathered.iter().any(|s| s.number.starts_with(&prefix))
    };
    let tops: Vec<&Gathered> = gathered.iter().filter(|g| is_top(g)).collect();
    let all_headings = !tops.is_empty()
        && tops.len() < gathered.len()
        && tops.iter().all(|g| {
            !has_target(g) && heads_sub_items(g) && SectionCode::heading(&g.number).is_ok()
        });
    if !all_headings {
        return Vec::new();
    }
    let mut sections = Vec::new();
    let mut current: Option<SectionCode> = None;
    gathered.retain_mut(|g| {
        if is_top(g) {
            let code = SectionCode::heading(&g.number).expect("checked above");
            let title = g
                .cells
                .iter()
                .find(|(role, _)| *role == Column::Name)
                .map_or_else(|| format!("Phần {}", g.number), |(_, t)| one_line(t));
            diagnostics.push(Diagnostic::info(
                table.row_ref(g.row),
                Message::new("import-arabic-section")
                    .arg("code", code.as_str())
                    .arg("number", &g.number)
                    .arg("title", &title),
            ));
            sections.push(ParsedSection {
                code: code.clone(),
                title,
                reference: table.row_ref(g.row),
            });
            current = Some(code);
            false
        } else {
            g.section.clone_from(&current);
            true
        }
    });
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(numbers: &[(&str, Option<&str>)]) -> (Vec<String>, Vec<Diagnostic>) {
        let numbers: Vec<(String, Option<SectionCode>)> = numbers
            .iter()
            .map(|(n, s)| ((*n).to_owned(), s.map(|s| SectionCode::heading(s).unwrap())))
            .collect();
        let mut diagnostics = Vec::new();
        let stored = number_within_sections(
            numbers
                .iter()
                .enumerate()
                .map(|(i, (n, s))| (n, s.as_ref(), format!("line {}", i + 1))),
            &mut diagnostics,
        )
        .unwrap();
        (
            stored.iter().map(|n| n.as_str().to_owned()).collect(),
            diagnostics,
        )
    }

    #[test]
    fn numbering_that_restarts_in_each_section_is_kept_without_a_word() {
        let (stored, diagnostics) = run(&[
            ("1", Some("I")),
            ("2", Some("I")),
            ("3", Some("I")),
            ("1", Some("II")),
            ("1.1", Some("II")),
            ("2", Some("II")),
        ]);
        assert_eq!(stored, ["1", "2", "3", "1", "1.1", "2"]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
    }

    #[test]
    fn a_gap_within_a_section_is_kept_with_a_warning_but_not_across_sections() {
        let (stored, diagnostics) = run(&[
            ("1", Some("I")),
            ("2", Some("I")),
            ("4", Some("I")),
            ("4.1", Some("I")),
            ("14", Some("II")),
        ]);
        assert_eq!(stored, ["1", "2", "4", "4.1", "14"]);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert!(
            diagnostics[0]
                .message
                .contains("section I skips from 2 to 4")
        );
    }

    #[test]
    fn a_real_repeat_within_a_section_is_stored_under_its_next_free_number() {
        let (stored, diagnostics) = run(&[
            ("1", Some("I")),
            ("2", Some("I")),
            ("2", Some("I")),
            ("2.1", Some("I")),
        ]);
        assert_eq!(stored, ["1", "2", "3", "3.1"]);
        let repeats: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.message.contains("appears twice"))
            .collect();
        assert_eq!(repeats.len(), 2, "{diagnostics:?}");
        assert!(repeats[0].message.contains("first at line 2"));
    }
}
