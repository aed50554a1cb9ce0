//! Workbooks (xlsx, xls, ods) and their sheets: which sheets are read, and each read into a table.

use super::*;

/// Reads the first sheet of a workbook.
/// Reads the sheets a statistics book may hold its figures in: the one named, else every
/// visible worksheet (a hidden sheet is never read unless named); a CSV is one sheet named by
/// its file.
pub(crate) fn read_sheets(
    path: &Path,
    wanted: Option<&str>,
) -> Result<Vec<(String, Table)>, ImportError> {
    use calamine::{Reader, SheetType, SheetVisible, open_workbook_auto_from_rs};
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if extension.as_deref() == Some("csv")
        || !matches!(
            extension.as_deref(),
            Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
        )
    {
        return read_table(path).map(|table| vec![(file_name(path), table)]);
    }
    let book = file_name(path);
    // Read and measured once for every sheet.
    let bytes = workbook_bytes(path)?;
    let workbook =
        open_workbook_auto_from_rs(std::io::Cursor::new(bytes.as_slice())).map_err(|e| {
            ImportError {
                place: book.clone(),
                message: not_a_workbook(&e),
            }
        })?;
    let sheets: Vec<String> = match wanted {
        Some(name) => {
            let names: Vec<String> = workbook.sheet_names();
            if !names.iter().any(|n| n == name) {
                return Err(ImportError {
                    place: book,
                    message: said(
                        format!("没有名为“{name}”的工作表（有：{}）", names.join("、")),
                        format!(
                            "there is no sheet \"{name}\" (there are: {})",
                            names.join(", ")
                        ),
                    ),
                });
            }
            vec![name.to_owned()]
        }
        None => workbook
            .sheets_metadata()
            .iter()
            .filter(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
            .map(|s| s.name.clone())
            .collect(),
    };
    drop(workbook);
    if sheets.len() > MAX_SHEETS {
        return Err(ImportError {
            place: book,
            message: said(
                format!(
                    "工作簿有 {} 张可见工作表，至多读取 {MAX_SHEETS} 张；请用 --sheet 指明",
                    sheets.len()
                ),
                format!(
                    "the workbook has {} visible sheets; at most {MAX_SHEETS} are read: name one with --sheet",
                    sheets.len()
                ),
            ),
        });
    }
    sheets
        .into_iter()
        .map(|sheet| sheet_of(&bytes, &book, Some(&sheet)).map(|table| (sheet, table)))
        .collect()
}

/// The most visible sheets searched for figures at once.
pub(super) const MAX_SHEETS: usize = 100;

pub(super) fn read_workbook(path: &Path) -> Result<Table, ImportError> {
    sheet_of(&workbook_bytes(path)?, &file_name(path), None)
}

/// Whether a zip package is an OpenDocument spreadsheet: it says so in its `mimetype`.
pub(super) fn is_ods_package(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_ok_and(|mut archive| {
        use std::io::Read;
        let Ok(entry) = archive.by_name("mimetype") else {
            return false;
        };
        let mut kind = String::new();
        entry.take(200).read_to_string(&mut kind).is_ok()
            && kind.trim() == "application/vnd.oasis.opendocument.spreadsheet"
    })
}

/// Whether a zip package is an Excel workbook (whatever its file is called): it holds the
/// workbook part.
pub(super) fn is_xlsx_package(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK")
        && zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_ok_and(|archive| {
            archive
                .file_names()
                .any(|name| name.is_ok_and(|n| n.eq_ignore_ascii_case("xl/workbook.xml")))
        })
}

/// Reads one sheet of a workbook's bytes (read and measured): the one named, else the first.
pub(super) fn sheet_of(
    bytes: &[u8],
    book: &str,
    wanted: Option<&str>,
) -> Result<Table, ImportError> {
    use calamine::{Data, Reader, open_workbook_auto_from_rs};
    let book = book.to_owned();
    let whole = |message: Label| ImportError {
        place: book.clone(),
        message,
    };
    // An xlsx, whatever its name ends in, is read cell by cell: its declared extent is never
    // allocated (two cells at opposite corners would ask for 512 GB), and each cell keeps its
    // number format.
    if is_xlsx_package(bytes) {
        return read_xlsx_sheet(bytes, &book, wanted);
    }
    // A binary xlsb is read whole by its extent: refused rather than risked.
    if bytes.starts_with(b"PK") && !is_ods_package(bytes) {
        return Err(whole(said(
            "不支持 xlsb 等二进制工作簿：请在 Excel 或 WPS 中另存为 .xlsx 后再导入",
            "binary workbooks (xlsb) are not read: save it as .xlsx in Excel or WPS, then import",
        )));
    }
    let mut workbook = open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| whole(not_a_workbook(&e)))?;
    let sheet = sheet_to_read(workbook.sheet_names(), wanted).ok_or_else(|| whole(no_sheet()))?;
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|e| whole(unreadable_sheet(&sheet, &e)))?;
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
            Data::DateTime(d) => Cell::Date(d.to_string()),
            Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Date(s.clone()),
            Data::Error(e) => Cell::Text(format!("#{e:?}")),
        }));
        rows[first_row as usize + r] = row;
    }
    Ok(Table {
        rows,
        place: Box::new(move |r, c| format!("{book}!{sheet}!{}{}", column_letters(c), r + 1)),
    })
}

/// A workbook file's bytes, read within the size bound and, for a zip package (xlsx, ods),
/// measured before any reader allocates for what it declares.
pub(super) fn workbook_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    let bytes =
        crate::io::safe_file::read_bytes_bounded(path, MAX_BYTES).map_err(|e| ImportError {
            place: String::new(),
            message: both_of(&e),
        })?;
    if bytes.starts_with(b"PK") {
        measure_package(&bytes).map_err(|message| ImportError {
            place: file_name(path),
            message,
        })?;
    }
    Ok(bytes)
}

/// Why a file is no workbook: in English with the reader's own words after ours (they are
/// English; the Chinese says what matters without them).
pub(super) fn not_a_workbook(e: &dyn std::fmt::Display) -> Label {
    said(
        "不是 ecoplan 能读取的工作簿（xlsx、xls、ods）：文件已损坏，或不是这些格式之一".to_owned(),
        format!("not a workbook ecoplan can read (xlsx, xls, ods): {e}"),
    )
}

/// The sheet a reader reads: the one named, else the first.
pub(super) fn sheet_to_read(names: Vec<String>, wanted: Option<&str>) -> Option<String> {
    match wanted {
        Some(name) => Some(name.to_owned()),
        None => names.into_iter().next(),
    }
}

/// Why a sheet cannot be read: the reader's words after ours.
pub(super) fn unreadable_sheet(sheet: &str, e: &dyn std::fmt::Display) -> Label {
    said(
        format!("无法读取工作表 {sheet}：{e}"),
        format!("sheet {sheet} cannot be read: {e}"),
    )
}

pub(super) fn no_sheet() -> Label {
    said("工作簿中没有工作表", "the workbook has no sheet")
}
