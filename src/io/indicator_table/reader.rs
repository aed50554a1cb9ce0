//! A filled-in table read back: each row's indicator or series, each year's value, every bad
//! cell named by its place.

use std::path::Path;

use super::*;
use crate::io::table_reader::{Cell, Table, read_table, said};

/// Reads a filled-in table and says which observed values it changes; changes nothing.
pub fn read_values(path: &Path, scenario: &Scenario) -> Result<Vec<ImportedValue>, ImportError> {
    let table = read_table(path)?;
    values_of(&table, scenario)
}

/// A header's cell that heads the indicator numbers.
pub(super) fn is_number_header(cell: &Cell) -> bool {
    match cell {
        Cell::Text(t) => {
            let t = t.trim().to_lowercase();
            ["序号", "number", "序号/number", "编号", "no.", "no"].contains(&t.as_str())
        }
        _ => false,
    }
}

/// Whether a table is laid out as the indicator template: its first row with anything in it
/// starts with the numbers' header.
pub(crate) fn is_template(table: &Table) -> bool {
    table
        .rows
        .iter()
        .find(|row| row.iter().any(|c| *c != Cell::Empty))
        .and_then(|row| row.iter().find(|c| **c != Cell::Empty))
        .is_some_and(is_number_header)
}

pub(super) fn values_of(
    table: &Table,
    scenario: &Scenario,
) -> Result<Vec<ImportedValue>, ImportError> {
    let at = |r: usize, c: usize, message: Label| ImportError {
        place: (table.place)(r, c),
        message,
    };
    // The header: the first row with anything in it.
    let Some(header_row) = table
        .rows
        .iter()
        .position(|row| row.iter().any(|c| *c != Cell::Empty))
    else {
        return Err(at(0, 0, said("表格为空", "the table is empty")));
    };
    let header = &table.rows[header_row];
    let Some(number_col) = header.iter().position(|c| *c != Cell::Empty) else {
        unreachable!("the header row has a cell")
    };
    if !is_number_header(&header[number_col]) {
        return Err(at(
            header_row,
            number_col,
            said(
                "第一列须以“序号”（或 number）为表头，填写指标序号",
                "the first column must be headed 序号 (or number), the indicator numbers",
            ),
        ));
    }
    let years = MIN_BASE_YEAR..=MAX_HORIZON;
    let mut year_columns: Vec<(usize, i32)> = Vec::new();
    for (c, cell) in header.iter().enumerate().skip(number_col + 1) {
        // The one year parser: 2021, "2021年", "２０２１", "2021.0".
        let year = crate::io::history_table::year_written(cell).map(|y| y as f64);
        let Some(year) = year else { continue };
        if !years.contains(&(year as i32)) || year.abs() > 1e6 {
            return Err(at(
                header_row,
                c,
                said(
                    format!("年份 {year} 超出范围：可录入 {MIN_BASE_YEAR}–{MAX_HORIZON} 年的数值"),
                    format!(
                        "the year {year} is out of range: values can be given for {MIN_BASE_YEAR}–{MAX_HORIZON}"
                    ),
                ),
            ));
        }
        if let Some((first, _)) = year_columns.iter().find(|(_, y)| *y == year as i32) {
            return Err(at(
                header_row,
                c,
                said(
                    format!(
                        "年份 {year} 出现在两列（另见 {}）",
                        (table.place)(header_row, *first)
                    ),
                    format!(
                        "the year {year} heads two columns (also {})",
                        (table.place)(header_row, *first)
                    ),
                ),
            ));
        }
        year_columns.push((c, year as i32));
    }
    if year_columns.is_empty() {
        return Err(at(
            header_row,
            number_col,
            said(
                "没有以年份（如 2021）为表头的列，没有可导入的数值",
                "no column is headed by a year (such as 2021), so there are no values to import",
            ),
        ));
    }
    let mut values = Vec::new();
    let mut seen_rows: std::collections::HashMap<String, usize> = Default::default();
    for (r, row) in table.rows.iter().enumerate().skip(header_row + 1) {
        let number = match row.get(number_col).unwrap_or(&Cell::Empty) {
            Cell::Empty => {
                // A row without a number must be empty: a value there has no indicator.
                if let Some((c, _)) = year_columns
                    .iter()
                    .find(|(c, _)| !matches!(row.get(*c), None | Some(Cell::Empty)))
                {
                    return Err(at(
                        r,
                        *c,
                        said(
                            "此行有数值但没有指标序号",
                            "a value in a row without an indicator number",
                        ),
                    ));
                }
                continue;
            }
            // A number typed in a number cell: 3 (stored 3.0) is indicator "3".
            Cell::Number(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{v:.0}"),
            Cell::Number(v) | Cell::Percent(v) => v.to_string(),
            Cell::Text(t) | Cell::Date(t) | Cell::Uncomputed(t) => t.trim().to_owned(),
        };
        let target = match scenario.indicators.iter().position(|i| i.number == number) {
            Some(index) => ImportTarget::Indicator(index),
            None if scenario.series(&number).is_some() => ImportTarget::Series(number.clone()),
            // A row of another frame (the provincial rows of a template made from another
            // plan) with no values in it is nothing to import.
            None if year_columns
                .iter()
                .all(|(c, _)| matches!(row.get(*c), None | Some(Cell::Empty))) =>
            {
                continue;
            }
            None => {
                return Err(at(
                    r,
                    number_col,
                    said(
                        format!("情景中没有序号为“{number}”的指标（也没有此键名的序列）"),
                        format!(
                            "there is no indicator numbered \"{number}\" in the scenario (nor a series with that key)"
                        ),
                    ),
                ));
            }
        };
        if let Some(first) = seen_rows.insert(number.clone(), r) {
            return Err(at(
                r,
                number_col,
                said(
                    format!(
                        "{number} 出现在两行（另见 {}）",
                        (table.place)(first, number_col)
                    ),
                    format!(
                        "{number} has two rows (also {})",
                        (table.place)(first, number_col)
                    ),
                ),
            ));
        }
        let (observed, task) = match &target {
            ImportTarget::Indicator(index) => {
                let indicator = &scenario.indicators[*index];
                let task = matches!(indicator.target, IndicatorTarget::Task(_))
                    .then(|| indicator.name.zh.clone());
                (&indicator.observed, task)
            }
            ImportTarget::Series(key) => {
                (&scenario.series(key).expect("found above").observed, None)
            }
        };
        let unit = match &target {
            ImportTarget::Indicator(index) => scenario.indicators[*index].unit.clone(),
            ImportTarget::Series(key) => scenario
                .series(key)
                .map_or_else(String::new, |s| s.unit.to_string()),
        };
        for &(c, year) in &year_columns {
            let cell = row.get(c).unwrap_or(&Cell::Empty);
            let value = match cell {
                Cell::Empty => continue,
                Cell::Number(v) => *v,
                // "86.5%" shown: 86.5 for an indicator in %, refused for any other unit.
                Cell::Percent(v) => {
                    if !is_percent_unit(&unit) {
                        return Err(at(
                            r,
                            c,
                            said(
                                format!(
                                    "百分比格式的单元格（{} %），而指标 {number} 的单位是 {unit}",
                                    crate::format::exact(*v)
                                ),
                                format!(
                                    "a cell in percent format ({} %), while indicator {number} is in {unit}",
                                    crate::format::exact(*v)
                                ),
                            ),
                        ));
                    }
                    *v
                }
                Cell::Uncomputed(formula) => {
                    return Err(at(r, c, crate::io::table_reader::uncomputed(formula)));
                }
                Cell::Date(d) => {
                    return Err(at(
                        r,
                        c,
                        said(
                            format!("这是日期单元格（{d}），不是数值（指标 {number}，{year} 年）"),
                            format!("a date cell ({d}), not a number (indicator {number}, {year})"),
                        ),
                    ));
                }
                // Read as the statistics are: full-width digits, a trailing %, thousands in
                // groups of three; "1,5" and "1.234,5" are refused, never guessed at.
                Cell::Text(t) => match crate::io::history_table::value_of(cell) {
                    Ok(Some(v)) => v,
                    // "—" is the tables' way of saying there is no figure.
                    Ok(None) => continue,
                    Err(_) => {
                        return Err(at(
                            r,
                            c,
                            said(
                                format!("“{}”不是数值（指标 {number}，{year} 年）", t.trim()),
                                format!(
                                    "\"{}\" is not a number (indicator {number}, {year})",
                                    t.trim()
                                ),
                            ),
                        ));
                    }
                },
            };
            if !value.is_finite() {
                return Err(at(
                    r,
                    c,
                    said(
                        format!("{value} 不是有限数值（指标 {number}，{year} 年）"),
                        format!("{value} is not a finite number (indicator {number}, {year})"),
                    ),
                ));
            }
            // What the value can be is the model's rule (a share from 0 to 100 %, a fall at
            // most 100 %, no intensity or count below 0), said at the cell.
            let reason = match &target {
                ImportTarget::Indicator(index) => crate::engine::indicator_value_reason(
                    &scenario.indicators[*index],
                    value,
                    false,
                ),
                ImportTarget::Series(_) if value < 0.0 => Some(crate::engine::Reason::NonNegative),
                ImportTarget::Series(_) if is_percent_unit(&unit) && value > 100.0 => {
                    Some(crate::engine::Reason::PercentShare)
                }
                ImportTarget::Series(_) => None,
            };
            if let Some(reason) = reason {
                return Err(at(
                    r,
                    c,
                    said(
                        format!(
                            "{} 超出该指标可取的范围（指标 {number}，{year} 年）：{}",
                            crate::format::exact(value),
                            crate::refusals::reason(&reason, Lang::Zh)
                        ),
                        format!(
                            "{} is outside what the indicator can be (indicator {number}, {year}): {}",
                            crate::format::exact(value),
                            crate::refusals::reason(&reason, Lang::En)
                        ),
                    ),
                ));
            }
            if let Some(name) = &task {
                return Err(at(
                    r,
                    c,
                    said(
                        format!(
                            "指标 {number}（{name}）为任务类指标：其进展在窗口中填报，不录入数值"
                        ),
                        format!(
                            "indicator {number} is a task ({name}); its progress is set in the window, not as a number"
                        ),
                    ),
                ));
            }
            let old = observed.iter().find(|o| o.year == year).map(|o| o.value);
            if old == Some(value) {
                continue;
            }
            values.push(ImportedValue {
                target: target.clone(),
                number: number.clone(),
                year,
                old,
                new: value,
                source: (table.place)(r, c),
            });
        }
    }
    Ok(values)
}
