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

mod cells;
use cells::*;
pub(crate) use cells::{value_of, year_of, year_written};
mod layout;
use layout::*;

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
    let mut keys = Vec::with_capacity(rows.len());
    for row in rows {
        let key = match_series(scenario, &row.name, &options.map);
        if key.is_none() && !options.skip_unmatched {
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
        }
        keys.push(key);
    }
    if let Some((_, refused)) = given_twice(scenario, rows, &keys) {
        return Err(refused);
    }
    let mut values = Vec::new();
    for (row, key) in rows.iter().zip(&keys) {
        if let Some(key) = key {
            values.extend(row_values(scenario, row, key)?);
        }
    }
    Ok(values)
}

/// The first row that gives a series a value in a year an earlier row already gave it (a row
/// given twice, or two names matched to one series), refused at its name: which is meant is
/// the user's to say, not the last row's to decide. `keys` are the rows' series, `None` for a
/// row passed over.
pub fn given_twice(
    scenario: &Scenario,
    rows: &[HistoryRow],
    keys: &[Option<String>],
) -> Option<(usize, ImportError)> {
    let mut seen: std::collections::HashMap<(&str, i32), &str> = std::collections::HashMap::new();
    for (i, (row, key)) in rows.iter().zip(keys).enumerate() {
        let Some(key) = key else { continue };
        for (year, _, place) in &row.values {
            let Some(first) = seen.insert((key.as_str(), *year), place.as_str()) else {
                continue;
            };
            let (zh, en) = scenario
                .series(key)
                .map_or((key.as_str(), key.as_str()), |s| {
                    (s.label.zh.as_str(), s.label.en.as_str())
                });
            return Some((
                i,
                ImportError {
                    place: row.place.clone(),
                    message: said(
                        format!(
                            "{zh}的 {year} 年数值给出了两次：此行与 {first}；请删去其一，或把此行指定给别的序列"
                        ),
                        format!(
                            "{en} is given a value for {year} twice: in this row and at {first}; delete one, or give this row another series"
                        ),
                    ),
                },
            ));
        }
    }
    None
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
                            "{}: the unit \"{}\" does not convert to {}, the unit of {}",
                            row.name,
                            cells::unit_in_english(text),
                            crate::i18n::unit(crate::i18n::Lang::En, &series.unit),
                            series.label.en
                        ),
                    ),
                })?
        }
    };
    let mut values = Vec::new();
    for (year, raw, place) in &row.values {
        let new = converted(*raw, factor);
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

/// `raw` in the series' unit. A factor below 1 is a power of ten's inverse (万元 to 亿元: 10⁻⁴),
/// which no binary number holds exactly: dividing by the power itself gives the nearest
/// number to the true value (5 123 000 万元 is 512.3 亿元, not 512.3000000000001).
fn converted(raw: f64, factor: f64) -> f64 {
    let inverse = 1.0 / factor;
    if factor < 1.0 && (inverse - inverse.round()).abs() <= inverse * 1e-12 {
        raw / inverse.round()
    } else {
        raw * factor
    }
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
