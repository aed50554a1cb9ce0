//! An xlsx sheet read cell by cell, percent-formatted cells in percent and formulas without a cached value refused.

use super::*;

/// A fraction in percent, rounded to the 15 significant digits a spreadsheet shows: 0.801 is
/// 80.1, not 80.10000000000001.
pub(super) fn in_percent_of(fraction: f64) -> f64 {
    let percent = fraction * 100.0;
    format!("{percent:.12e}").parse().unwrap_or(percent)
}

/// Whether an Excel number format shows its value in percent: a `%` outside quotes, escapes
/// and brackets ("0.0%", "#,##0.00%", not "0.0\"%\"" or "[Red]0").
pub(super) fn is_percent_format(code: &str) -> bool {
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            '%' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

/// One sheet of an xlsx, streamed: cells beyond the bounds refused by their address, numbers
/// in percent format read in percent, formulas without a value kept as such.
pub(super) fn read_xlsx_sheet(
    bytes: &[u8],
    book: &str,
    wanted: Option<&str>,
) -> Result<Table, ImportError> {
    use calamine::{DataRef, Reader, Xlsx};
    let whole = |message: Label| ImportError {
        place: book.to_owned(),
        message,
    };
    let mut workbook: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| whole(not_a_workbook(&e)))?;
    let sheet = sheet_to_read(workbook.sheet_names(), wanted).ok_or_else(|| whole(no_sheet()))?;
    let unreadable = |e: calamine::XlsxError| whole(unreadable_sheet(&sheet, &e));
    let name = |r: u32, c: u32| format!("{book}!{sheet}!{}{}", column_letters(c as usize), r + 1);
    let beyond = |r: u32, c: u32| ImportError {
        place: name(r, c),
        message: said(
            format!("单元格超出可读取的范围（至多 {MAX_ROWS} 行、{MAX_COLUMNS} 列）"),
            format!(
                "the cell is beyond what is read (at most {MAX_ROWS} rows and {MAX_COLUMNS} columns)"
            ),
        ),
    };
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    // Cells with a value in the file, an empty string included (=IF(…,"",…) computed to
    // nothing is a computed formula).
    let mut valued: std::collections::HashSet<(u32, u32)> = Default::default();
    let put = |rows: &mut Vec<Vec<Cell>>, (r, c): (u32, u32), cell: Cell| {
        let (r, c) = (r as usize, c as usize);
        if rows.len() <= r {
            rows.resize(r + 1, Vec::new());
        }
        if rows[r].len() <= c {
            rows[r].resize(c + 1, Cell::Empty);
        }
        rows[r][c] = cell;
    };
    {
        let mut cells = workbook
            .worksheet_cells_reader(&sheet)
            .map_err(unreadable)?;
        let percent: Vec<bool> = cells
            .styles()
            .iter()
            .map(|style| {
                style
                    .number_format
                    .as_ref()
                    .is_some_and(|f| is_percent_format(&f.format_code))
            })
            .collect();
        while let Some((cell, style)) = cells.next_cell_with_style_id().map_err(unreadable)? {
            let (r, c) = cell.get_position();
            if r as usize >= MAX_ROWS || c as usize >= MAX_COLUMNS {
                // A cell formatted but empty far out (a style on a whole column) holds nothing
                // to read; one with a value there is refused by its address.
                if matches!(cell.get_value(), DataRef::Empty) {
                    continue;
                }
                return Err(beyond(r, c));
            }
            let in_percent = percent.get(style).copied().unwrap_or(false);
            let value = match cell.get_value() {
                // 0.801 shown as 80.1 %: in percent, without the binary noise of × 100.
                DataRef::Int(v) if in_percent => Cell::Percent(*v as f64 * 100.0),
                DataRef::Float(v) if in_percent => Cell::Percent(in_percent_of(*v)),
                DataRef::Int(v) => Cell::Number(*v as f64),
                DataRef::Float(v) => Cell::Number(*v),
                DataRef::String(t) if t.trim().is_empty() => Cell::Empty,
                DataRef::SharedString(t) if t.trim().is_empty() => Cell::Empty,
                DataRef::String(t) => Cell::Text(t.clone()),
                DataRef::SharedString(t) => Cell::Text((*t).to_owned()),
                DataRef::Bool(b) => Cell::Text(b.to_string()),
                DataRef::DateTime(d) => Cell::Date(d.to_string()),
                DataRef::DateTimeIso(t) | DataRef::DurationIso(t) => Cell::Date(t.clone()),
                DataRef::Error(e) => Cell::Text(format!("#{e:?}")),
                DataRef::Empty => Cell::Empty,
            };
            if !matches!(cell.get_value(), DataRef::Empty) {
                valued.insert((r, c));
            }
            if value != Cell::Empty {
                put(&mut rows, (r, c), value);
            }
        }
    }
    // A formula with no value in the file: what it says, where a value was expected.
    let mut formulas = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(unreadable)?;
    while let Some(formula) = formulas.next_formula().map_err(unreadable)? {
        let (r, c) = formula.get_position();
        if formula.get_value().is_empty() {
            continue;
        }
        if r as usize >= MAX_ROWS || c as usize >= MAX_COLUMNS {
            return Err(beyond(r, c));
        }
        if !valued.contains(&(r, c)) && !formula.get_value().is_empty() {
            put(
                &mut rows,
                (r, c),
                Cell::Uncomputed(format!("={}", formula.get_value())),
            );
        }
    }
    let (book, sheet) = (book.to_owned(), sheet.clone());
    Ok(Table {
        rows,
        place: Box::new(move |r, c| format!("{book}!{sheet}!{}{}", column_letters(c), r + 1)),
    })
}

/// Why a formula cell without a value is refused.
pub(crate) fn uncomputed(formula: &str) -> Label {
    said(
        format!(
            "公式 {formula} 在文件中没有计算结果：请在 Excel 或 WPS 中打开、重新计算并保存后再导入"
        ),
        format!(
            "the formula {formula} has no computed value in the file: open it in Excel or WPS, recalculate and save, then import"
        ),
    )
}
