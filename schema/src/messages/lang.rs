use std::fmt;
use std::str::FromStr;

/// The languages chitieu speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    Vi,
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 tag (`vi`, `en`), as in `Content-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language an `Accept-Language` header (RFC 9110 §12.5.4) prefers: Vietnamese when the
    /// highest-weighted range we speak is `vi` (or `vi-VN` …), English otherwise, including when
    /// the header is absent, unreadable or names neither.
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        let Some(header) = header else {
            return Lang::En;
        };
        let mut best: Option<(f32, Lang)> = None;
        for range in header.split(',') {
            let mut parts = range.split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let weight = parts
                .filter_map(|p| p.trim().strip_prefix("q=").or(p.trim().strip_prefix("Q=")))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let lang = match tag.split('-').next() {
                Some("vi") => Lang::Vi,
                Some("en") => Lang::En,
                _ => continue,
            };
            if weight > 0.0 && best.is_none_or(|(w, _)| weight > w) {
                best = Some((weight, lang));
            }
        }
        best.map_or(Lang::En, |(_, lang)| lang)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Lang {
    type Err = String;

    /// `vi` or `en` (a region such as `vi-VN` is accepted and ignored).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().split(['-', '_']).next() {
            Some("vi") => Ok(Lang::Vi),
            Some("en") => Ok(Lang::En),
            _ => Err(format!(
                "{text:?} is not a language chitieu speaks: use vi or en"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_asking_for_vietnamese_gets_vietnamese() {
        assert_eq!(Lang::from_accept_language(Some("vi")), Lang::Vi);
        assert_eq!(
            Lang::from_accept_language(Some("vi-VN,vi;q=0.9,en;q=0.5")),
            Lang::Vi
        );
        assert_eq!(Lang::from_accept_language(Some("fr, vi;q=0.4")), Lang::Vi);
    }

    #[test]
    fn any_other_request_gets_english() {
        assert_eq!(Lang::from_accept_language(None), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("en-US,vi;q=0.5")), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("fr")), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("vi;q=0")), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("*")), Lang::En);
    }
}
