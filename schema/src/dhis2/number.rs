/// A number as DHIS2 (and every machine reader) takes it: a dot decimal separator, no exponent
/// (Rust's `{}` never writes one), no trailing `.0`, no `-0`, and no binary noise from
/// arithmetic (`0.1 + 0.2` is `0.3`): rounded to nine decimals, far below anything a report
/// states.
pub fn machine_number(value: f64) -> String {
    let rounded = (value * 1e9).round() / 1e9;
    if rounded == 0.0 {
        return "0".to_owned();
    }
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_a_dot_and_drop_trailing_zeros_and_binary_noise() {
        assert_eq!(machine_number(75.0), "75");
        assert_eq!(machine_number(12.5), "12.5");
        assert_eq!(machine_number(0.1 + 0.2), "0.3");
        assert_eq!(machine_number(-0.0), "0");
        assert_eq!(machine_number(1234567.125), "1234567.125");
        assert_eq!(machine_number(1e-7), "0.0000001");
    }
}
