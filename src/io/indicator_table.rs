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
use crate::i18n::{Lang, Tr};
use crate::model::{IndicatorTarget, Label, MAX_HORIZON, MIN_BASE_YEAR, Observation, Scenario};

/// The largest table read: the frame has 40 rows and a plan a dozen years; this is far beyond
/// any real sheet and keeps a hostile file's work bounded.
const MAX_ROWS: usize = 10_000;
const MAX_COLUMNS: usize = 500;
/// At most this many bytes are read from a table file.
const MAX_BYTES: u64 = 20 * 1024 * 1024;

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

/// A cell read from a table, whatever the file.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Empty,
    Number(f64),
    Text(String),
}

/// A table as rows of cells, with a way to name each cell's place.
struct Table {
    rows: Vec<Vec<Cell>>,
    /// (row, column) → "BOOK!SHEET!D5" or "FILE:5:12".
    place: Box<dyn Fn(usize, usize) -> String>,
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

/// Why a table cannot be imported: the first bad cell, named. The message is in both
/// languages: the command line prints the English, the window the interface's language.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{place}: {}", message.en)]
pub struct ImportError {
    pub place: String,
    pub message: Label,
}

impl ImportError {
    /// The error in `lang`, starting with its place.
    pub fn in_lang(&self, lang: Lang) -> String {
        format!("{}: {}", self.place, lang.label(&self.message))
    }
}

/// A message in both languages.
fn said(zh: impl Into<String>, en: impl Into<String>) -> Label {
    Label {
        zh: zh.into(),
        en: en.into(),
    }
}

/// A message from below (file access, the workbook reader), in English alone: its wording is
/// the library's.
fn same(text: String) -> Label {
    Label {
        zh: text.clone(),
        en: text,
    }
}

fn column_letters(mut col: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF), naming each cell by line
/// and column.
fn read_csv(path: &Path) -> Result<Table, ImportError> {
    let text = super::safe_file::read_text_bounded(path, MAX_BYTES).map_err(|e| ImportError {
        place: path.display().to_string(),
        message: match e {
            super::ReadError::Io { source, .. } => said(
                format!("无法读取：{source}"),
                format!("cannot read: {source}"),
            ),
            other => same(
                other
                    .to_string()
                    .replace(&format!("{}: ", path.display()), "")
                    .replace("scenario file", "table"),
            ),
        },
    })?;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    // (line, column) of each field's first character, by row and field.
    let mut starts: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut row_starts: Vec<(usize, usize)> = Vec::new();
    let mut chars = text.chars().peekable();
    let (mut line, mut col) = (1usize, 1usize);
    let too_big = |line| ImportError {
        place: format!("{}:{line}:1", path.display()),
        message: said(
            format!("表格超过 {MAX_ROWS} 行或 {MAX_COLUMNS} 列；指标数值表每项指标一行"),
            format!(
                "the table has more than {MAX_ROWS} rows or {MAX_COLUMNS} columns; an indicator table has one row per indicator"
            ),
        ),
    };
    loop {
        // One field.
        let start = (line, col);
        let mut value = String::new();
        let mut quoted = false;
        if chars.peek() == Some(&'"') {
            quoted = true;
            chars.next();
            col += 1;
            loop {
                match chars.next() {
                    None => {
                        return Err(ImportError {
                            place: format!("{}:{}:{}", path.display(), start.0, start.1),
                            message: said(
                                "引号内的内容没有结束（缺少一个 \"）",
                                "a quoted field is not closed (a \" is missing)",
                            ),
                        });
                    }
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        col += 2;
                        value.push('"');
                    }
                    Some('"') => {
                        col += 1;
                        break;
                    }
                    Some('\r') => {
                        // CRLF or a lone CR ends a line inside quotes as outside.
                        if chars.peek() == Some(&'\n') {
                            chars.next();
                        }
                        line += 1;
                        col = 1;
                        value.push('\n');
                    }
                    Some('\n') => {
                        line += 1;
                        col = 1;
                        value.push('\n');
                    }
                    Some(c) => {
                        col += 1;
                        value.push(c);
                    }
                }
            }
        }
        while let Some(&c) = chars.peek() {
            if c == ',' || c == '\n' || c == '\r' {
                break;
            }
            chars.next();
            col += 1;
            value.push(c);
        }
        let cell = if value.trim().is_empty() {
            Cell::Empty
        } else if !quoted && let Ok(v) = value.trim().parse::<f64>() {
            Cell::Number(v)
        } else {
            Cell::Text(value)
        };
        row.push(cell);
        row_starts.push(start);
        if row.len() > MAX_COLUMNS {
            return Err(too_big(line));
        }
        match chars.next() {
            Some(',') => col += 1,
            Some('\r') => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                line += 1;
                col = 1;
                rows.push(std::mem::take(&mut row));
                starts.push(std::mem::take(&mut row_starts));
            }
            Some('\n') => {
                line += 1;
                col = 1;
                rows.push(std::mem::take(&mut row));
                starts.push(std::mem::take(&mut row_starts));
            }
            None => {
                if !(row.len() == 1 && row[0] == Cell::Empty) {
                    rows.push(row);
                    starts.push(row_starts);
                }
                break;
            }
            Some(_) => unreachable!("a field ends at a comma, a line end or the end"),
        }
        if rows.len() > MAX_ROWS {
            return Err(too_big(line));
        }
    }
    let shown = path.display().to_string();
    Ok(Table {
        rows,
        place: Box::new(move |r, c| match starts.get(r).and_then(|s| s.get(c)) {
            Some((line, col)) => format!("{shown}:{line}:{col}"),
            None => format!("{shown}:{}", r + 1),
        }),
    })
}

/// Reads the first sheet of a workbook.
fn read_workbook(path: &Path) -> Result<Table, ImportError> {
    use calamine::{Data, Reader, open_workbook_auto_from_rs};
    let book = file_name(path);
    let whole = |message: Label| ImportError {
        place: book.clone(),
        message,
    };
    let bytes = super::safe_file::read_bytes_bounded(path, MAX_BYTES).map_err(|e| ImportError {
        place: path.display().to_string(),
        message: same(
            e.to_string()
                .replace(&format!("{}: ", path.display()), "")
                .replace("scenario file", "table"),
        ),
    })?;
    let mut workbook = open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| {
        whole(said(
            format!("不是 ecoplan 能读取的工作簿（xlsx、xls、ods）：{e}"),
            format!("not a workbook ecoplan can read (xlsx, xls, ods): {e}"),
        ))
    })?;
    let sheet = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| whole(said("工作簿中没有工作表", "the workbook has no sheet")))?;
    let range = workbook.worksheet_range(&sheet).map_err(|e| {
        whole(said(
            format!("无法读取工作表 {sheet}：{e}"),
            format!("sheet {sheet} cannot be read: {e}"),
        ))
    })?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let (height, width) = range.get_size();
    // The rows and columns before the range's start are kept (absolute cell names), so they
    // count too: data far down or far right is as much work as data that fills the sheet.
    let (height, width) = (first_row as usize + height, first_col as usize + width);
    if height > MAX_ROWS || width > MAX_COLUMNS {
        return Err(whole(said(
            format!(
                "工作表 {sheet} 有 {height} 行 {width} 列；指标数值表每项指标一行，至多 {MAX_COLUMNS} 列"
            ),
            format!(
                "sheet {sheet} has {height} rows and {width} columns; an indicator table has one row per indicator and at most {MAX_COLUMNS} columns"
            ),
        )));
    }
    // Rows and columns before the range's start are empty: keep absolute positions.
    let mut rows = vec![Vec::new(); height];
    for (r, cells) in range.rows().enumerate() {
        let mut row = vec![Cell::Empty; first_col as usize];
        row.extend(cells.iter().map(|cell| match cell {
            Data::Int(v) => Cell::Number(*v as f64),
            Data::Float(v) => Cell::Number(*v),
            Data::String(s) if s.trim().is_empty() => Cell::Empty,
            Data::String(s) => Cell::Text(s.clone()),
            Data::Empty => Cell::Empty,
            Data::Bool(b) => Cell::Text(b.to_string()),
            Data::DateTime(d) => Cell::Text(d.to_string()),
            Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
            Data::Error(e) => Cell::Text(format!("#{e:?}")),
        }));
        rows[first_row as usize + r] = row;
    }
    Ok(Table {
        rows,
        place: Box::new(move |r, c| format!("{book}!{sheet}!{}{}", column_letters(c), r + 1)),
    })
}

/// Reads a filled-in table and says which observed values it changes; changes nothing.
pub fn read_values(path: &Path, scenario: &Scenario) -> Result<Vec<ImportedValue>, ImportError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let table = match extension.as_deref() {
        Some("csv") => read_csv(path)?,
        Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods") => read_workbook(path)?,
        _ => {
            return Err(ImportError {
                place: path.display().to_string(),
                message: said(
                    "文件名须以 .xlsx、.xls、.ods 或 .csv 结尾",
                    "the file name must end in .xlsx, .xls, .ods or .csv",
                ),
            });
        }
    };
    values_of(&table, scenario)
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
    let is_number_header = |cell: &Cell| match cell {
        Cell::Text(t) => {
            let t = t.trim().to_lowercase();
            ["序号", "number", "序号/number", "编号", "no.", "no"].contains(&t.as_str())
        }
        _ => false,
    };
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
        let year = match cell {
            Cell::Number(v) if v.fract() == 0.0 => Some(*v),
            Cell::Text(t) => t
                .trim()
                .trim_end_matches('年')
                .parse::<i32>()
                .ok()
                .map(f64::from),
            Cell::Number(_) | Cell::Empty => None,
        };
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
            Cell::Number(v) => v.to_string(),
            Cell::Text(t) => t.trim().to_owned(),
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
        for &(c, year) in &year_columns {
            let value = match row.get(c).unwrap_or(&Cell::Empty) {
                Cell::Empty => continue,
                Cell::Number(v) => *v,
                Cell::Text(t) => crate::format::parse_typed(t).ok_or_else(|| {
                    at(
                        r,
                        c,
                        said(
                            format!("“{}”不是数值（指标 {number}，{year} 年）", t.trim()),
                            format!(
                                "\"{}\" is not a number (indicator {number}, {year})",
                                t.trim()
                            ),
                        ),
                    )
                })?,
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
pub fn write_template(scenario: &Scenario, lang: Lang, out: &Path) -> Result<(), String> {
    let extension = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match extension.as_deref() {
        Some("csv") => template_csv(scenario, lang).into_bytes(),
        Some("xlsx") => template_xlsx(scenario, lang)?,
        _ => {
            return Err(format!(
                "{}: the indicator template is written as .xlsx or .csv",
                out.display()
            ));
        }
    };
    super::write_atomically(out, &bytes, super::Backup::None).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn an_unclosed_quote_is_named_at_its_start() {
        let path = csv_file("open.csv", "序号,2021\n3,\"25\n");
        let error = read_csv(&path).err().unwrap();
        assert_eq!(error.place, format!("{}:2:3", path.display()));
        assert!(error.message.en.contains("not closed") && error.message.zh.contains("没有结束"));
    }
}
