//! How numbers read in tables, reports, exports, on the command line and in the window: one rule
//! everywhere. Thousands grouped with commas (1,058.84), no negative zero, percentages as
//! percentages; a series or indicator with its own precision (`decimals`) shows that many
//! decimals, as the plan prints it.

pub use crate::model::MAX_DECIMALS;

/// `v` with `decimals` decimals, grouped, never "-0.00".
pub fn fixed(v: f64, decimals: u8) -> String {
    if v.is_nan() {
        return "–".to_owned();
    }
    if !v.is_finite() {
        return v.to_string();
    }
    let decimals = usize::from(decimals.min(MAX_DECIMALS));
    grouped(&format!("{v:.decimals$}"))
}

/// Commas between thousands of the integer part; a minus sign only on a number that is not
/// zero as shown.
fn grouped(text: &str) -> String {
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let sign = if unsigned.chars().all(|c| c == '0' || c == '.') {
        ""
    } else {
        sign
    };
    let (integer, fraction) = unsigned.split_at(unsigned.find('.').unwrap_or(unsigned.len()));
    let mut out = String::with_capacity(text.len() + integer.len() / 3);
    out.push_str(sign);
    for (i, digit) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out.push_str(fraction);
    out
}

/// `v` in the fewest decimals that show it exactly (up to 8), grouped: a threshold as a plan
/// prints it (≥ 85, ≤ 0.136), an axis tick (2.5, 20,000).
pub fn exact(v: f64) -> String {
    if !v.is_finite() {
        return fixed(v, 0);
    }
    let decimals = (0..8u8)
        .find(|&d| {
            let scale = 10f64.powi(i32::from(d));
            ((v * scale).round() / scale - v).abs() <= 1e-9 * v.abs().max(1.0)
        })
        .unwrap_or(8);
    fixed(v, decimals)
}

/// A change with its sign, "+1,234.56" or "-0.02", never "+0.00" or "-0.00".
pub fn signed(v: f64, decimals: Option<u8>) -> String {
    let text = with_decimals(v, decimals);
    let zero = text.chars().all(|c| !c.is_ascii_digit() || c == '0');
    if v > 0.0 && !zero {
        format!("+{text}")
    } else {
        text
    }
}

/// A value in a series' (or indicator's) own precision where it has one, else as `value`.
pub fn with_decimals(v: f64, decimals: Option<u8>) -> String {
    match decimals {
        Some(d) => fixed(v, d),
        None => value(v),
    }
}

/// Five significant digits, at least two decimals, trailing zeros beyond two decimals dropped,
/// grouped: 1,058.84, 1.1158, 0.0488, 8.47, 377,764.96.
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
    grouped(&text)
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
/// A lever's value as it is read: a rate in % to three decimals (what goal seek finds is
/// read to a thousandth of a point), an elasticity as a plain number to three decimals.
pub fn lever(kind: crate::model::LeverKind, value: f64) -> String {
    match kind {
        crate::model::LeverKind::Rate => format!("{} %", fixed(value * 100.0, 3)),
        crate::model::LeverKind::Elasticity => fixed(value, 3),
    }
}

pub fn percent(fraction: f64) -> String {
    let p = fraction * 100.0;
    if p.is_nan() {
        return "–".to_owned();
    }
    let decimals = if p.abs() < 1.0 && p != 0.0 { 2 } else { 1 };
    format!("{} %", fixed(p, decimals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_the_plan() {
        assert_eq!(value(1058.840062), "1,058.84");
        assert_eq!(value(1.115840), "1.1158");
        assert_eq!(value(0.048800001), "0.0488");
        assert_eq!(value(8.4700003), "8.47");
        assert_eq!(value(377764.96), "377,764.96");
        assert_eq!(value(0.0), "0.00");
        assert_eq!(percent(0.0702), "7.0 %");
    }

    #[test]
    fn grouped_without_negative_zero_in_a_fixed_precision() {
        assert_eq!(fixed(6_313_873.48, 2), "6,313,873.48");
        assert_eq!(fixed(-1234.5, 1), "-1,234.5");
        assert_eq!(fixed(-0.0001, 2), "0.00");
        assert_eq!(fixed(-0.0, 0), "0");
        assert_eq!(fixed(999.999, 2), "1,000.00");
        assert_eq!(fixed(0.0488, 4), "0.0488");
        assert_eq!(value(-1e-12), "0.00");
        assert_eq!(value(-0.0), "0.00");
        assert_eq!(percent(-0.00001), "0.00 %");
        assert_eq!(percent(6.282), "628.2 %");
        assert_eq!(percent(12.5), "1,250.0 %");
        assert_eq!(with_decimals(8.4700003, Some(2)), "8.47");
        assert_eq!(with_decimals(9.1095, Some(2)), "9.11");
        assert_eq!(with_decimals(f64::NAN, Some(2)), "–");
        assert_eq!(exact(85.0), "85");
        assert_eq!(exact(0.136), "0.136");
        assert_eq!(exact(2.5), "2.5");
        assert_eq!(exact(0.1 + 0.2), "0.3");
        assert_eq!(exact(20_000.0), "20,000");
        assert_eq!(exact(-0.0), "0");
        assert_eq!(exact(f64::NAN), "–");
        assert_eq!(signed(1234.5600000000002, Some(2)), "+1,234.56");
        assert_eq!(signed(-0.02, None), "-0.02");
        assert_eq!(signed(0.0001, Some(2)), "0.00");
        assert_eq!(signed(-0.0001, Some(2)), "0.00");
        // What a field shows reads back as the same number.
        assert_eq!(parse_typed(&value(22_847.04)), Some(22_847.04));
    }
}
