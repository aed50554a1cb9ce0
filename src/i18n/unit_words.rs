//! Units as a reader of the English interface reads them: 亿元 as "100 million yuan", 万人 as
//! "10,000 people", tce/万元 as "tce/10,000 yuan". The scenario file keeps the symbols its author
//! wrote (they are what `units::Unit` parses); this is only how they are shown.

use std::borrow::Cow;

use super::Lang;

/// Chinese words of the statistics bureaus and their English symbol or word. Units written in
/// Latin letters already (t, tce, m³, km², a) stay as they are.
const WORDS: &[(&str, &str)] = &[
    ("吨标准煤", "tce"),
    ("标准煤", "tce"),
    ("平方公里", "km²"),
    ("平方千米", "km²"),
    ("平方米", "m²"),
    ("立方米", "m³"),
    ("千瓦时", "kWh"),
    ("公顷", "hm²"),
    ("千克", "kg"),
    ("公斤", "kg"),
    ("吨", "t"),
    ("元", "yuan"),
    ("年", "a"),
    ("天", "d"),
    ("日", "d"),
    ("户", "households"),
    ("个", "count"),
    ("次", "times"),
];

/// The scale prefixes of a Chinese unit, as English writes them before the unit.
const PREFIXES: &[(&str, &str)] = &[("万", "10,000"), ("亿", "100 million")];

/// A unit's text in `lang`: as written in Chinese; in English, each part of a quotient or
/// product (`/`, `·`) with its prefix spelled out and its Chinese word replaced. Text that holds
/// no such word is returned as it is (no copy).
pub fn unit_text(lang: Lang, symbol: &str) -> Cow<'_, str> {
    if lang == Lang::Zh || symbol.is_ascii() {
        return Cow::Borrowed(symbol);
    }
    let mut out = String::with_capacity(symbol.len() + 8);
    let mut part = String::new();
    let mut divided = false;
    for c in symbol.chars() {
        if c == '/' || c == '·' {
            out.push_str(&part_in_english(&part, divided));
            out.push(c);
            divided = c == '/';
            part.clear();
        } else {
            part.push(c);
        }
    }
    out.push_str(&part_in_english(&part, divided));
    Cow::Owned(out)
}

/// A unit as the English interface wrote it (a workbook exported in English, read back by an
/// import) in the scenario's symbols: "100 million yuan" as 亿元, "m³/person/d" as m³/人/d.
/// Text that is not such a unit is returned as it is.
pub fn unit_from_english(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut part = String::new();
    for c in text.chars().chain(std::iter::once('\0')) {
        if c == '/' || c == '·' || c == '\0' {
            let trimmed = part.trim();
            let (prefix, rest) = PREFIXES
                .iter()
                .find_map(|(zh, en)| {
                    trimmed
                        .strip_prefix(en)
                        .filter(|rest| rest.is_empty() || rest.starts_with(' '))
                        .map(|rest| (*zh, rest.trim()))
                })
                .unwrap_or(("", trimmed));
            let word = match rest {
                "yuan" => "元",
                "people" | "person" => "人",
                "households" => "户",
                "count" => "个",
                "times" => "次",
                other => other,
            };
            out.push_str(prefix);
            // 万 tce, 亿 m³: a Latin symbol after a prefix is written apart, as the plan writes it.
            if !prefix.is_empty() && word.starts_with(|c: char| c.is_ascii_alphabetic()) {
                out.push(' ');
            }
            out.push_str(word);
            if c != '\0' {
                out.push(c);
            }
            part.clear();
        } else {
            part.push(c);
        }
    }
    out
}

/// A quantity as a sentence writes it: (the number, the unit). In English a unit of one part
/// with a Chinese scale (亿元, 万人, 万 tce) is folded into the number, as English writes it
/// ("1,058.84 亿元" → "105.884 billion yuan", "109.40 万人" → "1.0940 million people", "2.26 万
/// gha" → "22,600 gha"), keeping the number's resolution: `decimals` more where the scale word
/// is larger than the unit's (`None`: five significant digits, as everywhere). Anything else,
/// and Chinese, is the number and the unit as the tables show them.
pub fn quantity_parts(
    lang: Lang,
    value: f64,
    decimals: Option<u8>,
    symbol: &str,
) -> (String, String) {
    let plain = || {
        (
            crate::format::with_decimals(value, decimals),
            unit_text(lang, symbol).into_owned(),
        )
    };
    if lang == Lang::Zh || symbol.contains(['/', '·']) || !value.is_finite() {
        return plain();
    }
    let trimmed = symbol.trim();
    let Some((scale, rest)) = [("万", 1e4), ("亿", 1e8)]
        .iter()
        .find_map(|(zh, scale)| trimmed.strip_prefix(zh).map(|rest| (*scale, rest.trim())))
    else {
        return plain();
    };
    let total = value * scale;
    let (word, unit) = if total.abs() >= 1e9 {
        (" billion", 1e9)
    } else if total.abs() >= 1e6 {
        (" million", 1e6)
    } else {
        ("", 1.0)
    };
    // 1,058.84 亿 has a resolution of 0.01 亿, 0.001 billion: one decimal more per tenfold;
    // 2.26 万 has one of 100, so it reads 22,600, not the 22,613 behind it.
    let mut shown = total / unit;
    let decimals = decimals.map(|d| {
        let places = i32::from(d) + (unit / scale).log10().round() as i32;
        if places < 0 {
            let step = 10f64.powi(-places);
            shown = (shown / step).round() * step;
        }
        places.clamp(0, i32::from(crate::model::MAX_DECIMALS)) as u8
    });
    let rest = part_in_english(rest, false);
    (
        crate::format::with_decimals(shown, decimals),
        format!(
            "{}{}{rest}",
            word.trim_start(),
            if word.is_empty() { "" } else { " " }
        ),
    )
}

/// One part of a unit (`万 tce`, `人`, `亿元`) in English. A person under a division is singular
/// (m³/person), people counted are plural (10,000 people).
fn part_in_english(part: &str, divided: bool) -> String {
    let trimmed = part.trim();
    let (prefix, rest) = PREFIXES
        .iter()
        .find_map(|(zh, en)| {
            trimmed
                .strip_prefix(zh)
                .map(|rest| (Some(*en), rest.trim()))
        })
        .unwrap_or((None, trimmed));
    // Per person (m³/person), but per 10,000 people; people counted are plural.
    let word = if rest == "人" {
        Cow::Borrowed(if divided && prefix.is_none() {
            "person"
        } else {
            "people"
        })
    } else {
        match WORDS.iter().find(|(zh, _)| *zh == rest) {
            Some((_, en)) => Cow::Borrowed(*en),
            None => Cow::Owned(rest.to_owned()),
        }
    };
    match prefix {
        Some(prefix) if word.is_empty() => prefix.to_owned(),
        Some(prefix) => format!("{prefix} {word}"),
        None => word.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scaled_quantity_reads_as_english_writes_it_with_the_digits_it_had() {
        let en = |value, decimals, unit| quantity_parts(Lang::En, value, decimals, unit);
        assert_eq!(
            en(1058.84, Some(2), "亿元"),
            ("105.884".into(), "billion yuan".into())
        );
        assert_eq!(
            en(109.4, Some(2), "万人"),
            ("1.0940".into(), "million people".into())
        );
        assert_eq!(
            en(90.0, Some(2), "万人"),
            ("900,000".into(), "people".into())
        );
        assert_eq!(en(2.26, Some(2), "万 gha"), ("22,600".into(), "gha".into()));
        // The number behind a rounded one is rounded to the resolution it was shown with.
        assert_eq!(
            en(2.2613, Some(2), "万 gha"),
            ("22,600".into(), "gha".into())
        );
        assert_eq!(
            en(0.0488, Some(4), "亿 m³"),
            ("4.88".into(), "million m³".into())
        );
        // Five significant digits where no decimals are set.
        assert_eq!(
            en(167.91, None, "万 tce"),
            ("1.6791".into(), "million tce".into())
        );
        // A quotient, a unit without a scale, and Chinese stay as the tables write them.
        assert_eq!(
            en(0.159, Some(3), "tce/万元"),
            ("0.159".into(), "tce/10,000 yuan".into())
        );
        assert_eq!(en(15.5, Some(1), "t/a"), ("15.5".into(), "t/a".into()));
        assert_eq!(
            quantity_parts(Lang::Zh, 1058.84, Some(2), "亿元"),
            ("1,058.84".into(), "亿元".into())
        );
    }

    #[test]
    fn the_plans_units_read_in_english_and_stay_as_written_in_chinese() {
        for (zh, en) in [
            ("亿元", "100 million yuan"),
            ("万人", "10,000 people"),
            ("万 tce", "10,000 tce"),
            ("万吨标准煤", "10,000 tce"),
            ("亿 m³", "100 million m³"),
            ("tce/万元", "tce/10,000 yuan"),
            ("m³/人/d", "m³/person/d"),
            ("m²/人", "m²/person"),
            ("万立方米", "10,000 m³"),
            ("平方公里", "km²"),
            ("t/a", "t/a"),
            ("%", "%"),
            ("–", "–"),
            ("万元·人", "10,000 yuan·people"),
            ("张/万人", "张/10,000 people"),
        ] {
            assert_eq!(unit_text(Lang::En, zh), en, "{zh}");
            assert_eq!(unit_text(Lang::Zh, zh), zh);
        }
        // Read back from an English workbook, each parses to the unit it came from.
        for zh in [
            "亿元",
            "万人",
            "万 tce",
            "亿 m³",
            "tce/万元",
            "m³/人/d",
            "t/a",
            "%",
            "万立方米",
        ] {
            let english = unit_text(Lang::En, zh);
            let back = unit_from_english(&english);
            let (a, b) = (
                crate::units::Unit::parse(zh).unwrap(),
                crate::units::Unit::parse(&back)
                    .unwrap_or_else(|e| panic!("{zh} → {english} → {back}: {e}")),
            );
            assert_eq!(a.factor_to(&b), Ok(1.0), "{zh} → {english} → {back}");
        }
    }

    #[test]
    fn a_unit_of_ones_own_keeps_its_words() {
        // Nothing is invented for a word the table does not hold.
        assert_eq!(unit_text(Lang::En, "标准亩"), "标准亩");
        assert_eq!(unit_text(Lang::En, "万标准亩"), "10,000 标准亩");
    }
}
