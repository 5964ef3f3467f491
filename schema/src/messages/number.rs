use super::Lang;

/// `value` rounded to `decimals` places, as a reader of `lang` writes it: `3,5` and `1.234,5`
/// in Vietnamese, `3.5` and `1,234.5` in English. Trailing zeros after the separator are kept
/// only up to `decimals` and dropped when the rounded value is whole (`85` not `85,00`).
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    let (decimal, group) = match lang {
        Lang::Vi => (',', '.'),
        Lang::En => ('.', ','),
    };
    let factor = 10f64.powi(decimals as i32);
    let rounded = (value * factor).round() / factor;
    let text = format!("{:.*}", decimals, rounded.abs());
    let (integer, fraction) = match text.split_once('.') {
        Some((i, f)) => (i.to_owned(), f.trim_end_matches('0').to_owned()),
        None => (text.clone(), String::new()),
    };
    let mut grouped = String::new();
    for (index, digit) in integer.chars().enumerate() {
        if index > 0 && (integer.len() - index) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{decimal}{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers_use_a_decimal_comma_and_dots_between_thousands() {
        assert_eq!(format_number(46.783625730994146, 2, Lang::Vi), "46,78");
        assert_eq!(format_number(1234.5, 1, Lang::Vi), "1.234,5");
        assert_eq!(format_number(85.0, 2, Lang::Vi), "85");
    }

    #[test]
    fn english_numbers_use_a_decimal_point() {
        assert_eq!(format_number(46.783625730994146, 2, Lang::En), "46.78");
        assert_eq!(format_number(1234.5, 0, Lang::En), "1,235");
        assert_eq!(format_number(-0.0412, 2, Lang::En), "-0.04");
        assert_eq!(format_number(-0.001, 2, Lang::En), "0");
    }
}
