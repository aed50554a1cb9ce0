//! How numbers read in tables, on the command line and in the window: one rule everywhere.

/// Five significant digits, at least two decimals, trailing zeros beyond two decimals dropped:
/// 1058.84, 1.1158, 0.0488, 8.47, 377764.96.
pub fn value(v: f64) -> String {
    // No data (a series without a base value projects as NaN), or an overflow.
    if v.is_nan() {
        return "–".to_owned();
    }
    if !v.is_finite() {
        return v.to_string();
    }
    let magnitude = if v == 0.0 {
        0
    } else {
        v.abs().log10().floor() as i32
    };
    let decimals = (4 - magnitude).clamp(2, 8) as usize;
    let mut text = format!("{v:.decimals$}");
    if let Some(dot) = text.find('.') {
        let keep = dot + 3;
        while text.len() > keep && text.ends_with('0') {
            text.pop();
        }
    }
    text
}

/// A number as a person types it, in a field or a spreadsheet cell: full-width digits and signs
/// (Chinese input methods), thousands separators (`,` `，` spaces), a trailing `%`. `None` for
/// anything else, and for infinities and NaN.
pub fn parse_typed(text: &str) -> Option<f64> {
    let normalised: String = text
        .trim()
        .trim_end_matches(['%', '％'])
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '－' | '−' => '-',
            '＋' => '+',
            _ => c,
        })
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{a0}' | '\u{3000}'))
        .collect();
    normalised.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A fraction as a percentage with one decimal: 0.0702 → "7.0 %"; two decimals below 1 %.
pub fn percent(fraction: f64) -> String {
    let p = fraction * 100.0;
    if p.abs() < 1.0 && p != 0.0 {
        format!("{p:.2} %")
    } else {
        format!("{p:.1} %")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_the_plan() {
        assert_eq!(value(1058.840062), "1058.84");
        assert_eq!(value(1.115840), "1.1158");
        assert_eq!(value(0.048800001), "0.0488");
        assert_eq!(value(8.4700003), "8.47");
        assert_eq!(value(377764.96), "377764.96");
        assert_eq!(value(0.0), "0.00");
        assert_eq!(percent(0.0702), "7.0 %");
    }
}
