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
