//! Agencies named in the lead and coordinating columns, as officials write them: one a line
//! (or a paragraph), separated by semicolons, or listed with commas; the phrases that mean
//! "every agency"; abbreviations. Matching against the issuing unit's units is in
//! [`find_unit`]; codes for proposed units in [`unit_code_for`].

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::domain::name_key;

/// One agency named in a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgencyName {
    /// A single agency or a named group of agencies, as written (NFC, trimmed).
    Named(String),
    /// A phrase of [`EVERY_AGENCY`]: every agency of the issuing unit.
    Everyone(String),
}

/// Phrases meaning "every agency of the issuing unit", matched as whole phrases after
/// [`phrase_key`] (case, tone marks, punctuation and "và" ignored), with or without a leading
/// "Các" or "Tất cả các" and a trailing "liên quan" / "có liên quan". A phrase naming a
/// particular group ("Các cơ quan thuộc …", "Các trường … trực thuộc …") is not one of these:
/// it stays a named group.
pub const EVERY_AGENCY: &[&str] = &[
    "cơ quan, đơn vị",
    "cơ quan",
    "đơn vị",
    "phòng",
    "phòng, đơn vị",
    "phòng, ban",
    "phòng, ban, đơn vị",
    "phòng, ban, ngành",
    "phòng, ban, cơ quan, đơn vị",
    "phòng chuyên môn",
    "phòng chuyên môn, đơn vị",
    "cơ quan chuyên môn",
    "ban, ngành",
    "ban, ngành, đoàn thể",
    "ngành, đơn vị",
    "cơ quan, ban, ngành",
    "cơ quan, ban, ngành, đoàn thể",
    "cơ quan, đơn vị trực thuộc",
    "đơn vị trực thuộc",
    "cơ quan, đơn vị, địa phương",
    "sở, ban, ngành",
    "sở, ngành",
    "sở, ban, ngành, đoàn thể",
    "sở, ban, ngành, địa phương",
    "sở, ngành, địa phương",
    "ban, ngành, địa phương",
    "ban, ngành, đoàn thể, địa phương",
];

/// The first words of a name that make it recognisable as an agency (or a named group of
/// them) on its own: a comma-separated list splits only when every part starts so, or names
/// a known unit.
const AGENCY_WORDS: &[&str] = &[
    "phòng",
    "văn phòng",
    "công an",
    "trung tâm",
    "trạm",
    "ban",
    "ủy ban",
    "ubnd",
    "ubmttq",
    "hđnd",
    "hội đồng",
    "hội",
    "đoàn",
    "đảng ủy",
    "đảng bộ",
    "chi bộ",
    "mặt trận",
    "mttq",
    "trường",
    "sở",
    "chi cục",
    "cục",
    "ngân hàng",
    "kho bạc",
    "bưu điện",
    "chi nhánh",
    "đài",
    "bệnh viện",
    "công ty",
    "tổng công ty",
    "viễn thông",
    "viettel",
    "vnpt",
    "hợp tác xã",
    "quân sự",
    "bộ chỉ huy",
    "ban chỉ huy",
    "thanh tra",
    "tòa án",
    "viện kiểm sát",
    "bảo hiểm xã hội",
    "thuế",
    "liên đoàn",
    "các",
];

/// The agencies of a cell, as officials write them: one a line (or a paragraph), separated
/// by semicolons, or listed with commas. `known` says whether a name is an agency of the
/// issuing unit. A line continues the one above (a long name broken over lines) when the
/// line above ends in "và", a comma or a dash, or the line starts in lower case, or when it
/// is neither a known agency nor starts like one ("HCC" under "Trung tâm phục vụ"); a line
/// after a semicolon never does. Commas split only as [`comma_parts`] says.
pub fn split_agencies(cell: &str, known: impl Fn(&str) -> bool) -> Vec<AgencyName> {
    let mut names = Vec::new();
    for line in joined_lines(cell, &known) {
        for part in line.split(';').map(bare) {
            if part.is_empty() || !part.chars().any(char::is_alphanumeric) {
                continue;
            }
            let parts = comma_parts(&part, &known).unwrap_or_else(|| vec![part]);
            names.extend(parts.into_iter().map(|name| {
                if is_every_agency(&name) {
                    AgencyName::Everyone(name)
                } else {
                    AgencyName::Named(name)
                }
            }));
        }
    }
    names
}

/// A name without list marks around it: "- Phòng Kinh tế;" → "Phòng Kinh tế".
fn bare(name: &str) -> String {
    name.trim()
        .trim_start_matches(['-', '+', '•', '*', '–', '·'])
        .trim_end_matches([';', ',', '.', ':'])
        .trim()
        .to_owned()
}

fn joined_lines(cell: &str, known: &impl Fn(&str) -> bool) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let continues = lines.last().is_some_and(|above| {
            let above = above.trim_end();
            if above.ends_with(';') {
                return false;
            }
            let name = bare(line);
            name_key(above).ends_with(" và")
                || above.ends_with([',', '-', '–', '&'])
                || line.chars().next().is_some_and(char::is_lowercase)
                || !(known(&name) || looks_like_agency(&name) || is_every_agency(&name))
        });
        match lines.last_mut() {
            Some(above) if continues => {
                above.push(' ');
                above.push_str(line);
            }
            _ => lines.push(line.to_owned()),
        }
    }
    lines
}

/// The key of a phrase: [`name_key`] of its words, punctuation and "và" left out.
fn phrase_key(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    name_key(&spaced)
        .split(' ')
        .filter(|w| !w.is_empty() && *w != "và")
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `name` is, as a whole, one of the [`EVERY_AGENCY`] phrases.
pub fn is_every_agency(name: &str) -> bool {
    let mut key = phrase_key(name);
    for lead in ["tất cả các ", "tất cả ", "toàn bộ các ", "các ", "cơ "] {
        if let Some(rest) = key.strip_prefix(lead) {
            key = rest.to_owned();
            break;
        }
    }
    for tail in [" có liên quan", " liên quan"] {
        if let Some(rest) = key.strip_suffix(tail) {
            key = rest.to_owned();
            break;
        }
    }
    EVERY_AGENCY.iter().any(|phrase| phrase_key(phrase) == key)
}

/// Whether a name starts like an agency ("Phòng …", "UBND …", "Các …").
pub fn looks_like_agency(name: &str) -> bool {
    let key = agency_key(name);
    AGENCY_WORDS.iter().any(|word| {
        let word = agency_key(word);
        key == word || key.starts_with(&format!("{word} "))
    })
}

/// The agencies of a comma-separated name when it lists several: each part starts like an
/// agency or names a known unit (`known`); a part that does not (", đơn vị", ", Thông tin")
/// belongs to the name before it. `None` when the name is one agency.
pub fn comma_parts(name: &str, known: &impl Fn(&str) -> bool) -> Option<Vec<String>> {
    if !name.contains(',') || known(name) {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    for piece in name.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let starts_agency = known(piece) || looks_like_agency(piece);
        match parts.last_mut() {
            Some(last) if !starts_agency => {
                last.push_str(", ");
                last.push_str(piece);
            }
            _ => parts.push(piece.to_owned()),
        }
    }
    let stands_alone = |part: &String| known(part) || looks_like_agency(part);
    (parts.len() > 1 && parts.iter().all(stands_alone)).then_some(parts)
}

/// Abbreviations officials use for agencies, expanded before matching.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("VH-XH", "Văn hóa - Xã hội"),
    ("VHXH", "Văn hóa - Xã hội"),
    ("HCC", "hành chính công"),
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("KH&CN", "Khoa học và Công nghệ"),
    ("KHCN", "Khoa học và Công nghệ"),
    ("TT&TT", "Thông tin và Truyền thông"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("GDĐT", "Giáo dục và Đào tạo"),
    ("KH&ĐT", "Kế hoạch và Đầu tư"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("NN&MT", "Nông nghiệp và Môi trường"),
    ("TN&MT", "Tài nguyên và Môi trường"),
];

/// The matching key of an agency name: [`name_key`] after expanding abbreviations, with
/// punctuation and dashes left out, so "Phòng Văn hoá-Xã hội", "Phòng VH-XH" and "phòng văn
/// hóa – xã hội" match, and so do "Văn phòng HĐND, UBND" and "Văn phòng HĐND UBND".
pub fn agency_key(name: &str) -> String {
    let text: String = name
        .nfc()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect();
    let words: Vec<String> = text
        .split_whitespace()
        .map(|word| {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            ABBREVIATIONS
                .iter()
                .find(|(short, _)| name_key(bare) == name_key(short))
                .map_or_else(|| word.to_owned(), |(_, long)| (*long).to_owned())
        })
        .collect();
    phrase_key(&words.join(" "))
}

/// The unit among `units` (`(code, name)`) that `name` designates: the same key, or the key
/// of "Phòng " or "Sở " + the name (a cell "Phòng VH-XH; Kinh tế" names Phòng Kinh tế; a
/// province's "Tài chính" names Sở Tài chính).
pub fn find_unit<'a>(units: &'a [(String, String)], name: &str) -> Option<&'a (String, String)> {
    // "Phòng Kinh tế (chủ trì)": a remark in brackets at the end is not part of the name.
    let name = match name
        .trim_end()
        .strip_suffix(')')
        .and_then(|n| n.rsplit_once('('))
    {
        Some((bare, _)) if find_unit_exactly(units, name).is_none() && !bare.trim().is_empty() => {
            bare.trim()
        }
        _ => name,
    };
    find_unit_exactly(units, name)
}

fn find_unit_exactly<'a>(
    units: &'a [(String, String)],
    name: &str,
) -> Option<&'a (String, String)> {
    let wanted = [
        agency_key(name),
        agency_key(&format!("Phòng {name}")),
        agency_key(&format!("Sở {name}")),
    ];
    units
        .iter()
        .find(|(_, unit_name)| wanted.contains(&agency_key(unit_name)))
}

/// A code for a new unit named `name` under `issuing`: the issuing code, a dash and an ASCII
/// slug of the name (`31001-CAC-NGAN-HANG`), at most 40 characters, made unique with `-2`, `-3`
/// … when `taken` says so.
pub fn unit_code_for(issuing: &str, name: &str, taken: impl Fn(&str) -> bool) -> String {
    let slug = ascii_slug(name);
    // Room for the issuing code, its dash and a "-NN" to make the code unique.
    let room = 40usize.saturating_sub(issuing.len() + 4).max(1);
    let slug = if slug.len() <= room {
        slug
    } else {
        // Whole words where possible: "…-HANH-CHINH", not "…-HANH-CHINH-CO".
        let cut = &slug[..room];
        match cut.rfind('-') {
            Some(at) if at > 0 => cut[..at].to_owned(),
            _ => cut.to_owned(),
        }
    };
    let base = format!("{issuing}-{slug}");
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|code| !taken(code))
        .unwrap_or(base)
}

/// Upper-case ASCII letters and digits, words joined by dashes: "Văn phòng HĐND và UBND" →
/// "VAN-PHONG-HDND-VA-UBND".
fn ascii_slug(name: &str) -> String {
    let letters: String = name
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect();
    letters
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_uppercase)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
#[path = "agencies_tests.rs"]
mod tests;
