//! The indicator values as a table a consultant fills in: a template (CSV or XLSX) with one row
//! per indicator and one column per year, and the import of a filled-in table (CSV, or any
//! workbook calamine reads: xlsx, xls, ods) back into the scenario's observed values.
//!
//! The layout is an interface other people's sheets follow: a header row whose first cell is
//! 序号 (or `number`), then columns headed by a year hold that year's values; any other column
//! (name, unit, notes) is ignored. Every bad cell is named the way a spreadsheet user finds it:
//! `BOOK!SHEET!CELL` in a workbook, `FILE:LINE:COL` in a CSV.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use super::csv::{field, with_bom};
pub use super::table_reader::ImportError;
use super::table_reader::{Cell, Table, read_table, said};
use crate::i18n::{Lang, Tr};
use crate::model::{IndicatorTarget, Label, MAX_HORIZON, MIN_BASE_YEAR, Observation, Scenario};

/// The years a template has columns for: from the earliest value (or the base year) to the
/// latest value (or the base year), every year between included.
pub fn template_years(scenario: &Scenario) -> Vec<i32> {
    let years = scenario
        .indicators
        .iter()
        .flat_map(|i| i.observed.iter().map(|o| o.year))
        .chain([scenario.base_year]);
    let (first, last) = years.fold((i32::MAX, i32::MIN), |(a, b), y| (a.min(y), b.max(y)));
    (first..=last).collect()
}

/// The header cells of the template, in `lang`.
fn header(scenario: &Scenario, lang: Lang) -> Vec<String> {
    let mut cells = vec![
        Tr::TemplateNumber.get(lang).to_owned(),
        Tr::Name.get(lang).to_owned(),
        Tr::Unit.get(lang).to_owned(),
    ];
    cells.extend(template_years(scenario).iter().map(i32::to_string));
    cells
}

/// The template as CSV text (with the BOM Excel needs to read UTF-8).
pub fn template_csv(scenario: &Scenario, lang: Lang) -> String {
    let years = template_years(scenario);
    let mut out = header(scenario, lang)
        .iter()
        .map(|c| field(c))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for indicator in &scenario.indicators {
        let mut cells = vec![
            field(&indicator.number),
            field(lang.label(&indicator.name)),
            field(&indicator.unit),
        ];
        cells.extend(years.iter().map(|&year| {
            indicator
                .observed_in(year)
                .map_or_else(String::new, |o| o.value.to_string())
        }));
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    with_bom(&out)
}

/// The template as an XLSX workbook: one sheet, the header frozen, numbers as numbers.
pub fn template_xlsx(scenario: &Scenario, lang: Lang) -> Result<Vec<u8>, String> {
    let years = template_years(scenario);
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = workbook
        .add_worksheet()
        .set_name(Tr::Indicators.get(lang))
        .map_err(|e| e.to_string())?;
    let error = |e: rust_xlsxwriter::XlsxError| e.to_string();
    for (col, text) in header(scenario, lang).iter().enumerate() {
        let col = col as u16;
        match text.parse::<i32>() {
            // A year header is a number, as a consultant who adds a column would type it.
            Ok(year) if col >= 3 => sheet.write_with_format(0, col, year, &bold),
            _ => sheet.write_with_format(0, col, text.as_str(), &bold),
        }
        .map_err(error)?;
    }
    for (row, indicator) in scenario.indicators.iter().enumerate() {
        let row = row as u32 + 1;
        sheet
            .write(row, 0, indicator.number.as_str())
            .map_err(error)?;
        sheet
            .write(row, 1, lang.label(&indicator.name))
            .map_err(error)?;
        sheet
            .write(row, 2, indicator.unit.as_str())
            .map_err(error)?;
        for (i, &year) in years.iter().enumerate() {
            if let Some(o) = indicator.observed_in(year) {
                sheet.write(row, 3 + i as u16, o.value).map_err(error)?;
            }
        }
    }
    sheet.set_column_width(1, 48).map_err(error)?;
    sheet.set_column_width(2, 10).map_err(error)?;
    sheet.set_freeze_panes(1, 3).map_err(error)?;
    workbook.save_to_buffer().map_err(error)
}

/// What a row of the table is about: an indicator (by its number), or a projected series (by its
/// key), whose observed values a mid-term review sets against the projection.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportTarget {
    /// The indicator's position in the scenario.
    Indicator(usize),
    Series(String),
}

impl ImportTarget {
    /// The row's name in `lang`.
    pub fn name<'a>(&self, scenario: &'a Scenario, lang: Lang) -> &'a str {
        match self {
            ImportTarget::Indicator(index) => scenario
                .indicators
                .get(*index)
                .map_or("", |i| lang.label(&i.name)),
            ImportTarget::Series(key) => scenario.series(key).map_or("", |s| lang.label(&s.label)),
        }
    }
}

/// One value the import sets.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedValue {
    pub target: ImportTarget,
    /// The first cell of the row: the indicator's number or the series' key.
    pub number: String,
    pub year: i32,
    pub old: Option<f64>,
    pub new: f64,
    /// Where it came from: `BOOK!SHEET!CELL` or `FILE:LINE:COL`.
    pub source: String,
}

/// Reads a filled-in table and says which observed values it changes; changes nothing.
pub fn read_values(path: &Path, scenario: &Scenario) -> Result<Vec<ImportedValue>, ImportError> {
    let table = read_table(path)?;
    values_of(&table, scenario)
}

/// Whether a unit is a percentage: "%", "％".
pub(crate) use crate::model::is_percent_unit;

/// A header's cell that heads the indicator numbers.
fn is_number_header(cell: &Cell) -> bool {
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

fn values_of(table: &Table, scenario: &Scenario) -> Result<Vec<ImportedValue>, ImportError> {
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
        let year = super::history_table::year_written(cell).map(|y| y as f64);
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
                    return Err(at(r, c, super::table_reader::uncomputed(formula)));
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
                Cell::Text(t) => match super::history_table::value_of(cell) {
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

/// The scenario with the imported values set, each remembering its cell.
pub fn with_values(scenario: &Scenario, values: &[ImportedValue]) -> Scenario {
    let mut changed = scenario.clone();
    for value in values {
        let observation = Observation {
            year: value.year,
            value: value.new,
            source: value.source.clone(),
        };
        match &value.target {
            ImportTarget::Indicator(index) => changed.indicators[*index].set_observed(observation),
            // The base year's value is the base value; every other year's an observed one.
            ImportTarget::Series(key) if value.year == scenario.base_year => {
                let series = changed.series_mut(key).expect("a series the import found");
                series.base = Some(value.new);
                // A series without a source (a new district's) gets where its base value came
                // from; a source the user wrote stays.
                if series.source.zh.trim().is_empty() && series.source.en.trim().is_empty() {
                    series.source = crate::model::Label {
                        zh: Tr::BaseFromStatistics.fill(Lang::Zh, &[&value.year, &value.source]),
                        en: Tr::BaseFromStatistics.fill(Lang::En, &[&value.year, &value.source]),
                    };
                }
            }
            ImportTarget::Series(key) => {
                let series = changed.series_mut(key).expect("a series the import found");
                series.observed.retain(|o| o.year != observation.year);
                let at = series
                    .observed
                    .partition_point(|o| o.year < observation.year);
                series.observed.insert(at, observation);
            }
        }
    }
    changed
}

/// The `number,year,old,new` lines `ecoplan import` prints.
pub fn changes_csv(values: &[ImportedValue]) -> String {
    let mut out = String::from("number,year,old,new\n");
    for v in values {
        out.push_str(&format!(
            "{},{},{},{}\n",
            field(&v.number),
            v.year,
            v.old.map_or_else(String::new, |o| o.to_string()),
            v.new
        ));
    }
    out
}

/// Writes the template in the format the extension names.
pub fn write_template(
    scenario: &Scenario,
    lang: Lang,
    out: &Path,
) -> Result<(), super::export::WriteError> {
    use super::export::WriteError;
    let extension = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match extension.as_deref() {
        Some("csv") => template_csv(scenario, lang).into_bytes(),
        Some("xlsx") => template_xlsx(scenario, lang).map_err(WriteError::Build)?,
        // `export` refuses other extensions before it gets here.
        _ => {
            return Err(WriteError::Build(
                Tr::TemplateExtension.get(lang).to_owned(),
            ));
        }
    };
    Ok(super::write_atomically(out, &bytes, super::Backup::None)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::table_reader::{column_letters, read_csv};

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn typed_numbers_are_read_with_separators_percent_signs_and_full_width_digits() {
        use crate::format::parse_typed;
        assert_eq!(parse_typed(" 1,234.5 "), Some(1234.5));
        assert_eq!(parse_typed("1，234"), Some(1234.0));
        assert_eq!(parse_typed("85.9%"), Some(85.9));
        assert_eq!(parse_typed("２５"), Some(25.0));
        assert_eq!(parse_typed("−3.5"), Some(-3.5));
        assert_eq!(parse_typed("abc"), None);
        assert_eq!(parse_typed("inf"), None);
        assert_eq!(parse_typed(""), None);
    }

    fn csv_file(name: &str, text: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("ecoplan-csv-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn csv_fields_follow_rfc_4180_and_keep_their_line_and_column() {
        // A BOM, a quoted name with a comma, a doubled quote, a name over two lines (CRLF inside
        // the quotes), CRLF line ends, and a lone CR.
        let text = "\u{feff}序号,名称,2021\r\n3,\"考核, \"\"比例\"\"\",25\r\n7,\"优良\r\n天数\",80\r11,林草,18\n";
        let path = csv_file("rfc.csv", text);
        let table = read_csv(&path).unwrap();
        assert_eq!(table.rows.len(), 4);
        assert_eq!(table.rows[1][1], Cell::Text("考核, \"比例\"".into()));
        assert_eq!(table.rows[2][1], Cell::Text("优良\n天数".into()));
        assert_eq!(table.rows[3][2], Cell::Number(18.0));
        let shown = path.display().to_string();
        assert_eq!((table.place)(1, 2), format!("{shown}:2:16"));
        // The value after the two-line name is on line 4; the row after the lone CR on line 5.
        assert_eq!((table.place)(2, 2), format!("{shown}:4:5"));
        assert_eq!((table.place)(3, 0), format!("{shown}:5:1"));
        let scenario = crate::plan::hanyang_plan();
        let values: Vec<(String, f64)> = values_of(&table, &scenario)
            .unwrap()
            .into_iter()
            .map(|v| (v.number, v.new))
            .collect();
        assert_eq!(
            values,
            [("3".into(), 25.0), ("7".into(), 80.0), ("11".into(), 18.0)]
        );
    }

    #[test]
    fn an_empty_line_is_no_row_and_every_cell_keeps_its_line_and_column() {
        let path = csv_file("gaps.csv", "序号,名称\r\n\r\n3,\"a \"\"b\"\"\",25\n");
        let table = read_csv(&path).unwrap();
        let shown = path.display().to_string();
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[1][1], Cell::Text("a \"b\"".into()));
        assert_eq!(table.rows[1][2], Cell::Number(25.0));
        assert_eq!((table.place)(1, 0), format!("{shown}:3:1"));
        assert_eq!((table.place)(1, 2), format!("{shown}:3:13"));
    }

    #[test]
    fn an_unclosed_quote_is_named_at_its_start() {
        let path = csv_file("open.csv", "序号,2021\n3,\"25\n");
        let error = read_csv(&path).err().unwrap();
        assert_eq!(error.place, format!("{}:2:3", path.display()));
        assert!(error.message.en.contains("not closed") && error.message.zh.contains("没有结束"));
    }
}
