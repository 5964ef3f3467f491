//! The declared content type of a template's body: how `{{ value }}` is escaped in it and how
//! the rendered body is checked before anything is sent. JSON is parsed; XML must be
//! well-formed (one root element, tags closed in order, only the predefined or character
//! references); a form (`application/x-www-form-urlencoded`) must be `name=value` pairs with
//! only the characters an encoder writes; any other type (`text/plain`…) is sent as it is.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::TemplateError;

/// What the body is, by its declared content type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Json,
    Xml,
    Form,
    /// Sent as rendered, unchecked.
    Other,
}

impl BodyKind {
    /// `application/json` and `*+json`; `application/xml`, `text/xml` and `*+xml`;
    /// `application/x-www-form-urlencoded`; parameters (`; charset=utf-8`) ignored.
    pub fn of(content_type: &str) -> Self {
        let essence = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "application/json" => BodyKind::Json,
            "application/xml" | "text/xml" => BodyKind::Xml,
            "application/x-www-form-urlencoded" => BodyKind::Form,
            _ if essence.ends_with("+json") => BodyKind::Json,
            _ if essence.ends_with("+xml") => BodyKind::Xml,
            _ => BodyKind::Other,
        }
    }

    /// The rendered body as the content type requires, or why it would not be sent.
    pub fn check(self, body: &str) -> Result<(), TemplateError> {
        match self {
            BodyKind::Json => match serde_json::from_str::<serde::de::IgnoredAny>(body) {
                Ok(_) => Ok(()),
                Err(error) => Err(TemplateError::NotJson {
                    line: error.line(),
                    column: error.column(),
                    detail: error.to_string(),
                    excerpt: excerpt(body, error.line(), error.column()),
                }),
            },
            BodyKind::Xml => check_xml(body).map_err(|(offset, detail)| {
                not_well_formed("well-formed XML", body, offset, detail)
            }),
            BodyKind::Form => check_form(body).map_err(|(offset, detail)| {
                not_well_formed(
                    "a well-formed form (application/x-www-form-urlencoded)",
                    body,
                    offset,
                    detail,
                )
            }),
            BodyKind::Other => Ok(()),
        }
    }
}

fn not_well_formed(kind: &'static str, body: &str, offset: usize, detail: String) -> TemplateError {
    let (line, column) = line_column(body, offset);
    TemplateError::NotWellFormed {
        kind,
        line,
        column,
        detail,
        excerpt: excerpt(body, line, column),
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// The rendered line around an error, for the operator to see what came out.
pub fn excerpt(text: &str, line: usize, column: usize) -> String {
    let Some(row) = text.lines().nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let chars: Vec<char> = row.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let from = at.saturating_sub(40);
    let to = (at + 40).min(chars.len());
    chars[from..to].iter().collect()
}

/// Well-formed XML: the byte offset and the reason of the first fault.
fn check_xml(body: &str) -> Result<(), (usize, String)> {
    let mut reader = Reader::from_str(body);
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| (reader.error_position() as usize, e.to_string()))?;
        let element = |start: &quick_xml::events::BytesStart| -> Result<(), (usize, String)> {
            for attribute in start.attributes().with_checks(true) {
                let attribute = attribute.map_err(|e| (at, e.to_string()))?;
                attribute
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|e| (at, e.to_string()))?;
            }
            Ok(())
        };
        match event {
            Event::Start(start) => {
                element(&start)?;
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
            }
            Event::Empty(start) => {
                element(&start)?;
                if depth == 0 {
                    roots += 1;
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(text) if depth == 0 && !text.trim().is_empty() => {
                return Err((at, "text outside the root element".to_owned()));
            }
            Event::GeneralRef(reference) => {
                let name = reference.to_string();
                let known = match reference.resolve_char_ref() {
                    Ok(Some(_)) => true,
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(&name).is_some(),
                    Err(_) => false,
                };
                if !known || depth == 0 {
                    return Err((at, format!("the reference &{name}; is not defined in XML")));
                }
            }
            Event::Eof if depth > 0 => {
                return Err((body.len(), "an element is not closed".to_owned()));
            }
            Event::Eof => break,
            _ => {}
        }
        if roots > 1 {
            return Err((at, "more than one root element".to_owned()));
        }
    }
    match roots {
        0 => Err((0, "no root element".to_owned())),
        _ => Ok(()),
    }
}

/// A well-formed form: `name=value` pairs joined by `&`, every byte one an encoder writes
/// (letters, digits, `*-._~`, `+` for a space, `%` and two hex digits).
fn check_form(body: &str) -> Result<(), (usize, String)> {
    let bytes = body.as_bytes();
    let mut pair_start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let byte = bytes.get(i).copied();
        match byte {
            None | Some(b'&') => {
                let pair = &body[pair_start..i];
                if pair.is_empty() || pair.starts_with('=') {
                    return Err((pair_start, "a pair without a name".to_owned()));
                }
                pair_start = i + 1;
            }
            Some(b'%') => {
                let hex = bytes.get(i + 1..i + 3);
                if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                    return Err((i, "'%' is not followed by two hex digits".to_owned()));
                }
                i += 2;
            }
            Some(b'=' | b'+' | b'*' | b'-' | b'.' | b'_' | b'~') => {}
            Some(b) if b.is_ascii_alphanumeric() => {}
            Some(_) => {
                let ch = body[i..].chars().next().unwrap_or(' ');
                return Err((i, format!("{ch:?} must be percent-encoded")));
            }
        }
        i += 1;
    }
    Ok(())
}

/// `{{ value }}` in an XML body: the five characters XML reserves, as references.
pub fn xml_escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_are_read_by_their_essence() {
        assert_eq!(
            BodyKind::of("application/json; charset=utf-8"),
            BodyKind::Json
        );
        assert_eq!(BodyKind::of("application/problem+json"), BodyKind::Json);
        assert_eq!(BodyKind::of("Text/XML"), BodyKind::Xml);
        assert_eq!(BodyKind::of("application/soap+xml"), BodyKind::Xml);
        assert_eq!(
            BodyKind::of("application/x-www-form-urlencoded"),
            BodyKind::Form
        );
        assert_eq!(BodyKind::of("text/plain"), BodyKind::Other);
    }

    #[test]
    fn well_formed_xml_passes() {
        let body = "<?xml version=\"1.0\"?>\n<report unit=\"31001\" a=\"&amp;\">\
                    <row id=\"1\">Đã &lt;b&gt; &#x41; <![CDATA[<p>]]></row><empty/></report>\n";
        BodyKind::Xml.check(body).unwrap();
    }

    #[test]
    fn xml_that_is_not_well_formed_names_its_line_and_column() {
        let cases = [
            ("<a>\n  <b></a>", "expected `</b>`"),
            ("<a><b></b>", "not closed"),
            ("<a/><b/>", "more than one root"),
            ("<a>x &nbsp; y</a>", "not defined"),
            ("<a x=\"1\" x=\"2\"/>", "duplicat"),
            ("", "no root"),
            ("text <a/>", "outside the root"),
            ("<a>1 < 2</a>", ""),
        ];
        for (body, expected) in cases {
            let error = BodyKind::Xml.check(body).unwrap_err();
            let text = error.to_string();
            assert!(
                text.starts_with("the rendered body is not well-formed XML (line "),
                "{body}: {text}"
            );
            assert!(text.to_lowercase().contains(expected), "{body}: {text}");
        }
        let error = BodyKind::Xml.check("<a>\n  <b></a>").unwrap_err();
        assert!(
            matches!(error, TemplateError::NotWellFormed { line: 2, .. }),
            "{error}"
        );
    }

    #[test]
    fn a_form_must_be_encoded_pairs() {
        BodyKind::Form
            .check("unit=31001&period=202611&name=Ph%C3%B2ng+V%C4%83n&empty=")
            .unwrap();
        for (body, expected) in [
            ("unit=31001&name=Phòng", "must be percent-encoded"),
            ("a=1&&b=2", "without a name"),
            ("a=1 2", "must be percent-encoded"),
            ("a=%G1", "two hex digits"),
            ("a=%4", "two hex digits"),
            ("=1", "without a name"),
        ] {
            let text = BodyKind::Form.check(body).unwrap_err().to_string();
            assert!(text.contains("not a well-formed form"), "{body}: {text}");
            assert!(text.contains(expected), "{body}: {text}");
        }
    }

    #[test]
    fn other_content_types_are_sent_as_rendered() {
        BodyKind::Other.check("any { text < & }").unwrap();
    }
}
