//! A statistics book's cells read: a year, a number (a percent cell in percent; text, dates and formulas refused by what they are), a series name and its unit.

use super::*;

/// A year as a header may write it: 2019, 2019.0, "2019", "2019年", "２０１９", within the
/// years a plan may hold.
pub(crate) fn year_of(cell: &Cell) -> Option<i32> {
    let year = year_written(cell)?;
    (i64::from(MIN_BASE_YEAR)..=i64::from(MAX_HORIZON))
        .contains(&year)
        .then_some(year as i32)
}

/// What a header cell writes as a year, whatever its range (2099 is a year, out of range; "指
/// 标" is none): so that a year out of range is refused rather than its column passed over.
pub(crate) fn year_written(cell: &Cell) -> Option<i64> {
    Some(match cell {
        Cell::Number(v) if v.fract() == 0.0 => *v as i64,
        Cell::Text(t) => {
            let ascii: String = t
                .trim()
                .chars()
                .map(|c| match c {
                    '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                    other => other,
                })
                .collect();
            let digits = ascii.trim_end_matches('年').trim();
            let digits = digits.strip_suffix(".0").unwrap_or(digits);
            if digits.len() != 4 {
                return None;
            }
            digits.parse::<i64>().ok()?
        }
        _ => return None,
    })
}

/// A name and the unit written in brackets after it: "地区生产总值（亿元）" → ("地区生产总值",
/// Some("亿元")).
pub(super) fn split_unit(name: &str) -> (String, Option<String>) {
    let name = name.trim();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(stripped) = name.strip_suffix(close)
            && let Some(at) = stripped.rfind(open)
        {
            let unit = stripped[at + open.len_utf8()..].trim();
            if Unit::parse(unit).is_ok() {
                return (stripped[..at].trim().to_owned(), Some(unit.to_owned()));
            }
        }
    }
    (name.to_owned(), None)
}

/// A name compared without spaces, brackets' width or case.
pub(super) fn normalised(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect::<String>()
        .to_lowercase()
}

pub(super) fn text_of(cell: &Cell) -> Option<&str> {
    match cell {
        Cell::Text(t) if !t.trim().is_empty() => Some(t.trim()),
        _ => None,
    }
}

/// A value cell: a number, a text that is one without doubt ("1,234.5" with thousands in
/// groups of three, full-width digits), or a mark of no data ("—", "-", "…", "/"); any other
/// text is refused by the caller.
pub(crate) fn value_of(cell: &Cell) -> Result<Option<f64>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(v) | Cell::Percent(v) => Ok(Some(*v)),
        // A date's serial number is no figure of a series.
        Cell::Date(d) => Err(format!("📅 {d}")),
        Cell::Uncomputed(f) => Err(f.clone()),
        Cell::Text(t) => {
            // "86.5%" as typed text: 86.5 in a row in %.
            let t = t.trim().trim_end_matches(['%', '％']).trim_end();
            if ["—", "-", "–", "…", "/", "／", "——"].contains(&t) {
                return Ok(None);
            }
            let ascii: String = t
                .chars()
                .map(|c| match c {
                    '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                    '．' => '.',
                    '，' => ',',
                    '－' | '−' => '-',
                    other => other,
                })
                .collect();
            let grouped = ascii.contains(',');
            if grouped {
                // Thousands separators only in groups of three: "1,234.5", never "1,5".
                let whole = ascii.split('.').next().unwrap_or("");
                let groups: Vec<&str> = whole.trim_start_matches('-').split(',').collect();
                // "0,859" is a decimal comma, never a thousand.
                let sound = groups.len() > 1
                    && !groups[0].is_empty()
                    && !groups[0].starts_with('0')
                    && groups[0].len() <= 3
                    && groups[1..].iter().all(|g| g.len() == 3);
                if !sound {
                    return Err(t.to_owned());
                }
            }
            // "1e400", "inf" and "NaN" parse, but are no figure: refused by what was typed.
            ascii
                .replace(',', "")
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(Some)
                .ok_or_else(|| t.to_owned())
        }
    }
}

/// Whether a value cell is in percent: a percentage-formatted cell, or a text "86.5%".
pub(super) fn in_percent(cell: &Cell) -> bool {
    match cell {
        Cell::Percent(_) => true,
        Cell::Text(t) => t.trim().ends_with(['%', '％']),
        _ => false,
    }
}

/// The unit of a row whose values include percentages: "%" where it states none; a row in
/// another unit is refused by its first percent cell (86.5 % is not 86.5 万人).
pub(super) fn unit_with_percent(
    unit: Option<String>,
    percent_at: Option<String>,
    name: &str,
) -> Result<Option<String>, ImportError> {
    match (unit, percent_at) {
        (unit, None) => Ok(unit),
        (None, Some(_)) => Ok(Some("%".to_owned())),
        (Some(unit), Some(_)) if crate::io::indicator_table::is_percent_unit(&unit) => {
            Ok(Some(unit))
        }
        (Some(unit), Some(place)) => Err(ImportError {
            place,
            message: said(
                format!("百分比格式的数值，而“{name}”的单位是 {unit}"),
                format!(
                    "a value in percent, while \"{name}\" is in {}",
                    unit_in_english(&unit)
                ),
            ),
        }),
    }
}

/// A unit as the sheet writes it, in English words where it is one ecoplan knows (亿元 as 100
/// million yuan), else as written.
pub(super) fn unit_in_english(text: &str) -> String {
    Unit::parse(text).map_or_else(
        |_| text.to_owned(),
        |unit| crate::i18n::unit(crate::i18n::Lang::En, &unit).into_owned(),
    )
}

/// Why a value cell is refused: a text that is no number without doubt, or a date.
pub(super) fn not_a_number(
    place: &dyn Fn(usize, usize) -> String,
    (r, c): (usize, usize),
    cell: &Cell,
    (name, year): (&str, i32),
) -> ImportError {
    let message = match cell {
        Cell::Date(d) => said(
            format!("这是日期单元格（{d}），不是数值（{name}，{year} 年）"),
            format!("a date cell ({d}), not a number ({name}, {year})"),
        ),
        Cell::Text(t) => said(
            format!("“{}”不是数值（{name}，{year} 年）", t.trim()),
            format!("\"{}\" is not a number ({name}, {year})", t.trim()),
        ),
        Cell::Uncomputed(formula) => crate::io::table_reader::uncomputed(formula),
        Cell::Empty | Cell::Number(_) | Cell::Percent(_) => said(
            format!("不是数值（{name}，{year} 年）"),
            format!("not a number ({name}, {year})"),
        ),
    };
    ImportError {
        place: place(r, c),
        message,
    }
}

/// Whether a row's first text is a note's, as statistics tables write them under the figures:
/// 注、备注、说明、资料来源、数据来源 (with or without a colon), or "Note", "Source".
pub(super) fn is_note(name: &str) -> bool {
    let name = name
        .trim_start_matches(['*', '※', ' ', '　'])
        .to_lowercase();
    [
        "注",
        "备注",
        "说明",
        "资料来源",
        "数据来源",
        "来源",
        "note",
        "source",
    ]
    .iter()
    .any(|word| name.starts_with(word))
}
