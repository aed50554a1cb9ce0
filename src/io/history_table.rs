//! A district's statistics as the bureau delivers them, read into the scenario's history: a
//! sheet with one row per series (the name as the bureau writes it, an optional unit, one
//! column per year headed "2019", "2019年", "２０１９" or 2019), the header row found wherever
//! it stands and title and note rows skipped; or a long table (series, year, value). Each row
//! is matched to a series by key, label (either language) or a known alias, its unit converted
//! to the series' (吨 of a year's emissions → t/a, 万吨 → t, 亿立方米 → 亿 m³, 万吨标准煤 →
//! 万 tce); a value of the base year becomes the base value, every other year an observed value.

use std::path::Path;

use super::indicator_table::{ImportTarget, ImportedValue};
use super::table_reader::{Cell, ImportError, Table, read_sheets, said};
use crate::model::{Label, MAX_HORIZON, MIN_BASE_YEAR, Scenario};
use crate::units::Unit;

/// One row of the statistics: a series as the bureau names it, with its values by year.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryRow {
    /// The name as written, without a unit in brackets.
    pub name: String,
    /// The unit as written (its own column, or in brackets after the name).
    pub unit: Option<String>,
    /// (year, value, BOOK!SHEET!CELL).
    pub values: Vec<(i32, f64, String)>,
    /// Where the row's name stands.
    pub place: String,
    /// Where its unit stands (its own cell, or the name's where the unit is in brackets).
    pub unit_place: String,
}

/// How the rows of a statistics sheet are taken: which sheet, names mapped to keys by hand,
/// and whether rows no series matches are passed over.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HistoryOptions {
    pub sheet: Option<String>,
    /// (name as written, series key).
    pub map: Vec<(String, String)>,
    pub skip_unmatched: bool,
}

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
fn split_unit(name: &str) -> (String, Option<String>) {
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
fn normalised(text: &str) -> String {
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

/// The series a name stands for: by key, by label in either language, by a known alias of the
/// statistics bureaus, or as mapped by hand.
pub fn match_series(scenario: &Scenario, name: &str, map: &[(String, String)]) -> Option<String> {
    let wanted = normalised(name);
    if let Some((_, key)) = map.iter().find(|(n, _)| normalised(n) == wanted) {
        return Some(key.clone());
    }
    scenario
        .series
        .iter()
        .find(|s| {
            normalised(&s.key) == wanted
                || normalised(&s.label.zh) == wanted
                || normalised(&s.label.en) == wanted
        })
        .or_else(|| {
            crate::plan::aliases::key_of_alias(&wanted).and_then(|key| scenario.series(key))
        })
        .map(|s| s.key.clone())
}

fn text_of(cell: &Cell) -> Option<&str> {
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
fn in_percent(cell: &Cell) -> bool {
    match cell {
        Cell::Percent(_) => true,
        Cell::Text(t) => t.trim().ends_with(['%', '％']),
        _ => false,
    }
}

/// The unit of a row whose values include percentages: "%" where it states none; a row in
/// another unit is refused by its first percent cell (86.5 % is not 86.5 万人).
fn unit_with_percent(
    unit: Option<String>,
    percent_at: Option<String>,
    name: &str,
) -> Result<Option<String>, ImportError> {
    match (unit, percent_at) {
        (unit, None) => Ok(unit),
        (None, Some(_)) => Ok(Some("%".to_owned())),
        (Some(unit), Some(_)) if super::indicator_table::is_percent_unit(&unit) => Ok(Some(unit)),
        (Some(unit), Some(place)) => Err(ImportError {
            place,
            message: said(
                format!("百分比格式的数值，而“{name}”的单位是 {unit}"),
                format!("a value in percent, while \"{name}\" is in {unit}"),
            ),
        }),
    }
}

/// Why a value cell is refused: a text that is no number without doubt, or a date.
fn not_a_number(
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
        Cell::Uncomputed(formula) => super::table_reader::uncomputed(formula),
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
fn is_note(name: &str) -> bool {
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

/// The rows of one table in the wide layout (a column per year), or `None` when it has no
/// header row of years.
fn wide_rows(table: &Table) -> Option<Result<Vec<HistoryRow>, ImportError>> {
    // The header: the first row with two or more years in it, or one year after a name's
    // header (a sheet of a single year).
    let (header_row, year_columns) = table.rows.iter().enumerate().find_map(|(r, row)| {
        let years: Vec<(usize, i32)> = row
            .iter()
            .enumerate()
            .filter_map(|(c, cell)| year_of(cell).map(|y| (c, y)))
            .collect();
        let named = years.first().is_some_and(|&(first, _)| {
            row[..first].iter().any(|c| {
                text_of(c).is_some_and(|t| {
                    [
                        "指标",
                        "指标名称",
                        "名称",
                        "项目",
                        "name",
                        "series",
                        "indicator",
                    ]
                    .contains(&normalised(t).as_str())
                })
            })
        });
        (years.len() >= 2 || named).then_some((r, years))
    })?;
    let first_year_column = year_columns[0].0;
    let header = &table.rows[header_row];
    let unit_column = header.iter().position(|cell| {
        text_of(cell)
            .is_some_and(|t| ["单位", "计量单位", "unit"].contains(&normalised(t).as_str()))
    });
    Some((|| {
        let mut rows = Vec::new();
        for (r, row) in table.rows.iter().enumerate().skip(header_row + 1) {
            // The name: the first text left of the years that is not the unit.
            let Some((name_column, name)) = row
                .iter()
                .enumerate()
                .take(first_year_column)
                .filter(|(c, _)| Some(*c) != unit_column)
                .find_map(|(c, cell)| text_of(cell).map(|t| (c, t)))
            else {
                continue;
            };
            let mut values = Vec::new();
            for &(c, year) in &year_columns {
                let cell = row.get(c).unwrap_or(&Cell::Empty);
                match value_of(cell) {
                    Ok(Some(v)) => values.push((year, v, (table.place)(r, c))),
                    Ok(None) => {}
                    Err(_) => {
                        // A note row ("注：……", "资料来源：……") may run into the year columns;
                        // any other row with something unreadable there is refused by that
                        // cell, even where it is the row's only figure (a sheet of one year).
                        let any_number = year_columns.iter().any(|&(c2, _)| {
                            matches!(value_of(row.get(c2).unwrap_or(&Cell::Empty)), Ok(Some(_)))
                        });
                        if !any_number && is_note(name) && matches!(cell, Cell::Text(_)) {
                            values.clear();
                            break;
                        }
                        return Err(not_a_number(&table.place, (r, c), cell, (name, year)));
                    }
                }
            }
            if values.is_empty() {
                continue;
            }
            let percent_at = year_columns
                .iter()
                .find(|&&(c, _)| row.get(c).is_some_and(in_percent))
                .map(|&(c, _)| (table.place)(r, c));
            let (name, bracketed) = split_unit(name);
            let own_unit =
                unit_column.and_then(|c| row.get(c).and_then(text_of).map(|u| (c, u.to_owned())));
            let unit_place = (table.place)(r, own_unit.as_ref().map_or(name_column, |(c, _)| *c));
            let unit =
                unit_with_percent(own_unit.map(|(_, u)| u).or(bracketed), percent_at, &name)?;
            rows.push(HistoryRow {
                name,
                unit,
                values,
                place: (table.place)(r, name_column),
                unit_place,
            });
        }
        if rows.is_empty() {
            return Err(ImportError {
                place: (table.place)(header_row, 0),
                message: said(
                    "表头之下没有可导入的数据行：每行须有名称和数值",
                    "there is no row of figures below the header: each row needs a name and numbers",
                ),
            });
        }
        Ok(rows)
    })())
}

/// The rows of a long table (series, year, value and maybe unit columns), or `None` when it
/// has no such header.
fn long_rows(table: &Table) -> Option<Result<Vec<HistoryRow>, ImportError>> {
    let find = |row: &[Cell], names: &[&str]| {
        row.iter()
            .position(|c| text_of(c).is_some_and(|t| names.contains(&normalised(t).as_str())))
    };
    let (header_row, (name_c, year_c, value_c), unit_c) =
        table.rows.iter().enumerate().find_map(|(r, row)| {
            let name = find(
                row,
                &["指标", "指标名称", "项目", "series", "name", "indicator"],
            )?;
            let year = find(row, &["年份", "年度", "year"])?;
            let value = find(row, &["数值", "数据", "值", "value"])?;
            Some((
                r,
                (name, year, value),
                find(row, &["单位", "计量单位", "unit"]),
            ))
        })?;
    Some((|| {
        let mut rows: Vec<HistoryRow> = Vec::new();
        for (r, row) in table.rows.iter().enumerate().skip(header_row + 1) {
            let Some(name) = row.get(name_c).and_then(text_of) else {
                continue;
            };
            let year_cell = row.get(year_c).unwrap_or(&Cell::Empty);
            let year = year_of(year_cell).ok_or_else(|| ImportError {
                place: (table.place)(r, year_c),
                message: said(
                    format!("不是 {MIN_BASE_YEAR}—{MAX_HORIZON} 之间的年份"),
                    format!("not a year within {MIN_BASE_YEAR}–{MAX_HORIZON}"),
                ),
            })?;
            let value = match value_of(row.get(value_c).unwrap_or(&Cell::Empty)) {
                Ok(Some(v)) => v,
                Ok(None) => continue,
                Err(_) => {
                    let cell = row.get(value_c).unwrap_or(&Cell::Empty);
                    return Err(not_a_number(&table.place, (r, value_c), cell, (name, year)));
                }
            };
            let value_cell = row.get(value_c).unwrap_or(&Cell::Empty);
            let percent_at = in_percent(value_cell).then(|| (table.place)(r, value_c));
            let (name, bracketed) = split_unit(name);
            let own_unit =
                unit_c.and_then(|c| row.get(c).and_then(text_of).map(|u| (c, u.to_owned())));
            let unit_place = (table.place)(r, own_unit.as_ref().map_or(name_c, |(c, _)| *c));
            let unit =
                unit_with_percent(own_unit.map(|(_, u)| u).or(bracketed), percent_at, &name)?;
            let place = (table.place)(r, value_c);
            match rows.iter_mut().find(|h| h.name == name && h.unit == unit) {
                Some(existing) => existing.values.push((year, value, place)),
                None => rows.push(HistoryRow {
                    name,
                    unit,
                    values: vec![(year, value, place)],
                    place: (table.place)(r, name_c),
                    unit_place,
                }),
            }
        }
        Ok(rows)
    })())
}

/// Reads the statistics rows of a book: the sheet named, or the one visible sheet that holds
/// a header of years (several such sheets: refused, naming them).
pub fn read_history(path: &Path, sheet: Option<&str>) -> Result<Vec<HistoryRow>, ImportError> {
    let mut found = read_history_sheets(path, sheet)?;
    let book = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match found.len() {
        0 => Err(no_history_header(path)),
        1 => Ok(found.pop().expect("one").1),
        _ => {
            let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
            Err(ImportError {
                place: book,
                message: said(
                    format!(
                        "有多个工作表含统计数据：{}；请指定其一（--sheet）",
                        names.join("、")
                    ),
                    format!(
                        "several sheets hold statistics: {}; name one (--sheet)",
                        names.join(", ")
                    ),
                ),
            })
        }
    }
}

/// A book in which no sheet holds a header of years.
pub fn no_history_header(path: &Path) -> ImportError {
    ImportError {
        place: path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
        message: said(
            "找不到年份表头：须有一行写明两个以上年份（如 2019、2020年），或有“指标、年份、数值”三列",
            "no header of years: a row must give two or more years (2019, 2020年), or the columns 指标, 年份, 数值 (series, year, value)",
        ),
    }
}

/// Every sheet that holds statistics (the one named, else every visible one with a header of
/// years), each with its rows: the window lets the user choose among several.
pub fn read_history_sheets(
    path: &Path,
    sheet: Option<&str>,
) -> Result<Vec<(String, Vec<HistoryRow>)>, ImportError> {
    let mut found = Vec::new();
    for (name, table) in read_sheets(path, sheet)? {
        // A long table names its columns (series, year, value); looked for first, so that its
        // year column is never taken for a header of years.
        if let Some(rows) = long_rows(&table).or_else(|| wide_rows(&table)) {
            found.push((name, rows?));
        }
    }
    Ok(found)
}

/// Whether a book is the indicator template (its first column headed 序号), read as it always
/// has been, rather than statistics.
pub fn is_indicator_template(path: &Path) -> bool {
    super::table_reader::read_table(path)
        .is_ok_and(|table| super::indicator_table::is_template(&table))
}

/// The values the rows set in the scenario, matched and converted: refused at the first row no
/// series matches (unless passed over), at a unit that does not convert, or at a value outside
/// the series' domain.
pub fn history_values(
    scenario: &Scenario,
    rows: &[HistoryRow],
    options: &HistoryOptions,
) -> Result<Vec<ImportedValue>, ImportError> {
    let mut values = Vec::new();
    for row in rows {
        let Some(key) = match_series(scenario, &row.name, &options.map) else {
            if options.skip_unmatched {
                continue;
            }
            return Err(ImportError {
                place: row.place.clone(),
                message: said(
                    format!(
                        "“{}”与情景中的序列都对不上：用 --map “{}=序列键” 指定，或用 --skip-unmatched 跳过",
                        row.name, row.name
                    ),
                    format!(
                        "\"{}\" matches no series of the scenario: name it with --map \"{}=KEY\", or pass over it with --skip-unmatched",
                        row.name, row.name
                    ),
                ),
            });
        };
        values.extend(row_values(scenario, row, &key)?);
    }
    Ok(values)
}

/// One row's values for the series `key`, converted to its unit.
pub fn row_values(
    scenario: &Scenario,
    row: &HistoryRow,
    key: &str,
) -> Result<Vec<ImportedValue>, ImportError> {
    let series = scenario.series(key).ok_or_else(|| ImportError {
        place: row.place.clone(),
        message: said(
            format!("情景中没有序列“{key}”"),
            format!("the scenario has no series \"{key}\""),
        ),
    })?;
    let factor = match &row.unit {
        None => 1.0,
        Some(text) => {
            // A workbook exported in English writes its units in English words.
            let unit = Unit::parse(text)
                .or_else(|error| {
                    Unit::parse(&crate::i18n::unit_from_english(text)).map_err(|_| error)
                })
                .map_err(|_| ImportError {
                    place: row.unit_place.clone(),
                    message: said(
                        format!("不认识的单位“{text}”（{}）", row.name),
                        format!("unknown unit \"{text}\" ({})", row.name),
                    ),
                })?;
            unit.factor_as_annual(&series.unit)
                .map_err(|_| ImportError {
                    place: row.unit_place.clone(),
                    message: said(
                        format!(
                            "{}的单位“{text}”无法换算为序列{}的单位 {}",
                            row.name, series.label.zh, series.unit
                        ),
                        format!(
                            "{}: the unit \"{text}\" does not convert to {}, the unit of {}",
                            row.name, series.unit, series.label.en
                        ),
                    ),
                })?
        }
    };
    let mut values = Vec::new();
    for (year, raw, place) in &row.values {
        let new = raw * factor;
        if !new.is_finite() || new < 0.0 {
            return Err(ImportError {
                place: place.clone(),
                message: said(
                    format!(
                        "{raw} 不能作为{}的数值（须为不小于 0 的有限数）",
                        series.label.zh
                    ),
                    format!(
                        "{raw} cannot be a value of {} (it must be a finite number of at least 0)",
                        series.label.en
                    ),
                ),
            });
        }
        // A share cannot pass the whole: 250 % of good-air days is a typing error.
        if super::indicator_table::is_percent_unit(&series.unit.to_string()) && new > 100.0 {
            return Err(ImportError {
                place: place.clone(),
                message: said(
                    format!(
                        "{raw} 不能作为{}的数值（百分比须在 0 到 100 之间）",
                        series.label.zh
                    ),
                    format!(
                        "{raw} cannot be a value of {} (a percentage lies between 0 and 100)",
                        series.label.en
                    ),
                ),
            });
        }
        let old = if *year == scenario.base_year {
            series.base
        } else {
            series
                .observed
                .iter()
                .find(|o| o.year == *year)
                .map(|o| o.value)
        };
        if old == Some(new) {
            continue;
        }
        values.push(ImportedValue {
            target: ImportTarget::Series(key.to_owned()),
            number: key.to_owned(),
            year: *year,
            old,
            new,
            source: place.clone(),
        });
    }
    Ok(values)
}

/// What a book sets in the scenario: the indicator template (its first column headed 序号)
/// as it always has, else the district's statistics.
pub fn read_import(
    path: &Path,
    scenario: &Scenario,
    options: &HistoryOptions,
) -> Result<Vec<ImportedValue>, ImportError> {
    if options.sheet.is_none() && is_indicator_template(path) {
        return super::indicator_table::read_values(path, scenario);
    }
    let rows = read_history(path, options.sheet.as_deref())?;
    history_values(scenario, &rows, options)
}

/// A label for a new series made from a row nobody matched: its name in both languages.
pub fn label_of(row: &HistoryRow) -> Label {
    Label::same(&row.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_read_as_headers_write_them() {
        for cell in [
            Cell::Number(2021.0),
            Cell::Text("2021".into()),
            Cell::Text("2021年".into()),
            Cell::Text("２０２１".into()),
            Cell::Text("2021.0".into()),
            Cell::Text(" 2021 年".into()),
        ] {
            assert_eq!(year_of(&cell), Some(2021), "{cell:?}");
        }
        for cell in [
            Cell::Number(2021.5),
            Cell::Text("21".into()),
            Cell::Text("指标".into()),
        ] {
            assert_eq!(year_of(&cell), None, "{cell:?}");
        }
    }

    #[test]
    fn text_numbers_are_read_only_when_unambiguous() {
        assert_eq!(value_of(&Cell::Text("1,234.5".into())), Ok(Some(1234.5)));
        assert_eq!(value_of(&Cell::Text("１２３".into())), Ok(Some(123.0)));
        assert_eq!(value_of(&Cell::Text("—".into())), Ok(None));
        assert!(value_of(&Cell::Text("1,5".into())).is_err());
        assert!(value_of(&Cell::Text("0,859".into())).is_err());
        assert!(value_of(&Cell::Text("1.234,5".into())).is_err());
        assert!(value_of(&Cell::Text("约 5".into())).is_err());
    }

    #[test]
    fn a_unit_in_brackets_is_taken_from_the_name() {
        assert_eq!(
            split_unit("地区生产总值（亿元）"),
            ("地区生产总值".into(), Some("亿元".into()))
        );
        assert_eq!(
            split_unit("用水总量(亿立方米)"),
            ("用水总量".into(), Some("亿立方米".into()))
        );
        assert_eq!(
            split_unit("烟（粉）尘排放量"),
            ("烟（粉）尘排放量".into(), None)
        );
    }
}
