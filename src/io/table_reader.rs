//! Tables as users deliver them (CSV, or any workbook calamine reads: xlsx, xls, ods), read
//! into rows of cells with each cell's place named the way a spreadsheet user finds it:
//! `BOOK!SHEET!CELL` in a workbook, `FILE:LINE:COL` in a CSV. The indicator values, the
//! indicator frame and the statistics history are all read through here.

use std::path::Path;

use crate::i18n::Lang;
use crate::model::Label;

/// The largest table read: the frame has 40 rows and a plan a dozen years; this is far beyond
/// any real sheet and keeps a hostile file's work bounded.
pub(crate) const MAX_ROWS: usize = 10_000;
pub(crate) const MAX_COLUMNS: usize = 500;
/// At most this many bytes are read from a table file.
const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Reads a table by its file's extension: `.csv`, or a workbook's first sheet.
pub(crate) fn read_table(path: &Path) -> Result<Table, ImportError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("csv") => read_csv(path),
        Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods") => read_workbook(path),
        _ => Err(ImportError {
            place: path.display().to_string(),
            message: said(
                "文件名须以 .xlsx、.xls、.ods 或 .csv 结尾",
                "the file name must end in .xlsx, .xls, .ods or .csv",
            ),
        }),
    }
}

/// A cell read from a table, whatever the file.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Number(f64),
    Text(String),
    /// A cell formatted as a date or time, as the workbook writes it: never a number, whatever
    /// serial lies behind it (2021-05-01 is 44317).
    Date(String),
    /// A number formatted as a percentage, as the reader sees it: 86.5 for a cell that holds
    /// 0.865 and shows "86.5%". Only a row in % may take it.
    Percent(f64),
    /// A formula the workbook holds no computed value for (saved by a program that does not
    /// compute): its text, to name it in the refusal.
    Uncomputed(String),
}

/// A table as rows of cells, with a way to name each cell's place.
pub(crate) struct Table {
    pub(crate) rows: Vec<Vec<Cell>>,
    /// (row, column) → "BOOK!SHEET!D5" or "FILE:5:12".
    pub(crate) place: Box<dyn Fn(usize, usize) -> String>,
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
        // A message that names its file itself (a read error) has no place of its own.
        if self.place.is_empty() {
            return lang.label(&self.message).to_owned();
        }
        format!("{}: {}", self.place, lang.label(&self.message))
    }
}

/// A message in both languages.
pub(crate) fn said(zh: impl Into<String>, en: impl Into<String>) -> Label {
    Label {
        zh: zh.into(),
        en: en.into(),
    }
}

/// A message from below (file access, the workbook reader), in English alone: its wording is
/// the library's.
/// A read error in both languages (it starts with its file: the place is left empty).
fn both_of(error: &super::ReadError) -> Label {
    Label {
        zh: error.in_lang(Lang::Zh),
        en: error.in_lang(Lang::En),
    }
}

pub(crate) fn column_letters(mut col: usize) -> String {
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
pub(crate) fn read_csv(path: &Path) -> Result<Table, ImportError> {
    let text = csv_text(path)?;
    table_of_csv(path, &text)
}

/// A CSV file's text: UTF-8 (with or without the byte-order mark Excel writes) or, as Excel on
/// a Chinese Windows saves "CSV", GBK. A file that is neither is refused by the byte where it
/// stops being text.
fn csv_text(path: &Path) -> Result<String, ImportError> {
    let utf8 = super::safe_file::read_text_bounded(path, MAX_BYTES);
    if let Err(super::ReadError::NotText { offset, .. }) = &utf8 {
        let bytes =
            super::safe_file::read_bytes_bounded(path, MAX_BYTES).map_err(|e| ImportError {
                place: String::new(),
                message: both_of(&e),
            })?;
        return encoding_rs::GBK
            .decode_without_bom_handling_and_without_replacement(&bytes)
            .map(std::borrow::Cow::into_owned)
            .ok_or_else(|| ImportError {
                place: path.display().to_string(),
                message: said(
                    format!("第 {offset} 字节起既不是 UTF-8 也不是 GBK 文本"),
                    format!("from byte {offset} on, the file is neither UTF-8 nor GBK text"),
                ),
            });
    }
    utf8.map_err(|e| ImportError {
        place: path.display().to_string(),
        message: match e {
            super::ReadError::Io { source, .. } => said(
                format!("无法读取：{}", crate::refusals::io_words(&source, Lang::Zh)),
                format!(
                    "cannot read: {}",
                    crate::refusals::io_words(&source, Lang::En)
                ),
            ),
            other => {
                return ImportError {
                    place: String::new(),
                    message: both_of(&other),
                };
            }
        },
    })
}

/// The cells of a CSV text, each named by line and column of `path`.
fn table_of_csv(path: &Path, text: &str) -> Result<Table, ImportError> {
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
        } else if !quoted
            && let Ok(v) = value.trim().parse::<f64>()
            && v.is_finite()
        {
            // ("1e400", "inf" and "NaN" stay text, refused by what was typed.)
            Cell::Number(v)
        } else {
            // A text ecoplan wrote with the apostrophe that keeps Excel from evaluating it
            // ("'=HYPERLINK(…)") reads back as the text it was.
            Cell::Text(super::csv::unneutralised(&value).to_owned())
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
const MAX_SHEETS: usize = 100;

fn read_workbook(path: &Path) -> Result<Table, ImportError> {
    sheet_of(&workbook_bytes(path)?, &file_name(path), None)
}

/// Whether a zip package is an OpenDocument spreadsheet: it says so in its `mimetype`.
fn is_ods_package(bytes: &[u8]) -> bool {
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
fn is_xlsx_package(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK")
        && zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_ok_and(|archive| {
            archive
                .file_names()
                .any(|name| name.is_ok_and(|n| n.eq_ignore_ascii_case("xl/workbook.xml")))
        })
}

/// Reads one sheet of a workbook's bytes (read and measured): the one named, else the first.
fn sheet_of(bytes: &[u8], book: &str, wanted: Option<&str>) -> Result<Table, ImportError> {
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

/// What a workbook's zip package may hold once inflated: a 20 MB xlsx of real figures inflates
/// to well under this; a zip bomb is stopped here instead of being read for seconds to gigabytes.
const MAX_INFLATED: u64 = 256 * 1024 * 1024;
/// Entries of a package: a workbook has a few dozen.
const MAX_ENTRIES: usize = 10_000;
/// Distinct texts a workbook may declare (its shared strings, for which the reader reserves
/// memory up front): a million is far beyond any statistics book.
const MAX_SHARED_STRINGS: u64 = 1_000_000;
/// How much of the shared strings is read for their opening.
const MAX_SST_HEAD: u64 = 1024 * 1024;

/// A workbook file's bytes, read within the size bound and, for a zip package (xlsx, ods),
/// measured before any reader allocates for what it declares.
fn workbook_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
    let bytes = super::safe_file::read_bytes_bounded(path, MAX_BYTES).map_err(|e| ImportError {
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

/// Inflates every entry of a zip package into nothing, counting: refused past `MAX_INFLATED`
/// in all (whatever sizes the entries declare, since a bomb lies about them) or past
/// `MAX_ENTRIES`; the shared strings' declared count is bounded too.
fn measure_package(bytes: &[u8]) -> Result<(), Label> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        said(
            format!("不是完整的 xlsx 或 ods 文件（压缩包无法打开：{e}）"),
            format!("not a whole xlsx or ods file (the zip package cannot be opened: {e})"),
        )
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(said(
            format!(
                "压缩包中有 {} 个条目，工作簿至多 {MAX_ENTRIES} 个",
                archive.len()
            ),
            format!(
                "the package has {} entries; a workbook has at most {MAX_ENTRIES}",
                archive.len()
            ),
        ));
    }
    let too_large = || {
        said(
            format!(
                "解压后超过 {} MB（可能是“压缩炸弹”），不予读取",
                MAX_INFLATED / (1024 * 1024)
            ),
            format!(
                "it inflates to more than {} MB (a zip bomb?) and is not read",
                MAX_INFLATED / (1024 * 1024)
            ),
        )
    };
    let mut inflated = 0u64;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|e| {
            said(
                format!("压缩包的第 {} 个条目无法读取：{e}", index + 1),
                format!("entry {} of the package cannot be read: {e}", index + 1),
            )
        })?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        // Found as the reader finds it: any case, either separator.
        let shared_strings = name
            .to_ascii_lowercase()
            .replace('\\', "/")
            .ends_with("sharedstrings.xml");
        // The opening of the shared strings, where their count is declared.
        let mut head = Vec::new();
        if shared_strings {
            (&mut entry)
                .take(MAX_SST_HEAD)
                .read_to_end(&mut head)
                .map_err(|e| unreadable_entry(&name, &e))?;
        }
        let rest = std::io::copy(
            &mut (&mut entry).take(MAX_INFLATED - inflated + 1),
            &mut std::io::sink(),
        )
        .map_err(|e| unreadable_entry(&name, &e))?;
        inflated += head.len() as u64 + rest;
        if inflated > MAX_INFLATED {
            return Err(too_large());
        }
        if shared_strings {
            let count = match declared_count(&head) {
                Some(count) => count,
                // No table opening in the first megabyte: the reader would go on looking.
                None if rest > 0 => Some(u64::MAX),
                None => None,
            };
            if let Some(count) = count.filter(|&c| c > MAX_SHARED_STRINGS) {
                let shown = if count == u64::MAX {
                    "?".to_owned()
                } else {
                    count.to_string()
                };
                return Err(said(
                    format!(
                        "工作簿声明了 {shown} 个不同的文本，至多可读取 {MAX_SHARED_STRINGS} 个"
                    ),
                    format!(
                        "the workbook declares {shown} distinct texts; at most {MAX_SHARED_STRINGS} are read"
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn unreadable_entry(name: &str, e: &std::io::Error) -> Label {
    said(
        format!("压缩包条目 {name} 无法解压：{e}"),
        format!("the package's entry {name} cannot be inflated: {e}"),
    )
}

/// What the shared strings' opening declares, read as the workbook reader reads it: the first
/// element named `sst` (any prefix, after any declaration, comment or other element), its
/// `uniqueCount` attribute (spaces around `=`, either quote) as digits. `Some(None)`: an
/// opening without a count the reader would use; `None`: no opening in `head`.
fn declared_count(head: &[u8]) -> Option<Option<u64>> {
    let text = String::from_utf8_lossy(head);
    let mut rest: &str = &text;
    loop {
        let open = rest.find('<')?;
        rest = &rest[open + 1..];
        // Declarations, comments and instructions hold no element.
        if let Some(after) = rest.strip_prefix("!--") {
            rest = &after[after.find("-->")? + 3..];
            continue;
        }
        if rest.starts_with('?') || rest.starts_with('!') {
            rest = &rest[rest.find('>')? + 1..];
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        let local = name.rsplit(':').next().unwrap_or(name);
        let tag_end = rest.find('>')?;
        if local != "sst" {
            rest = &rest[tag_end + 1..];
            continue;
        }
        return Some(
            attribute(&rest[name_end..tag_end], "uniqueCount").and_then(|v| v.parse().ok()),
        );
    }
}

/// The value of the attribute whose local name is `wanted` in a start tag's attributes.
fn attribute<'a>(mut attributes: &'a str, wanted: &str) -> Option<&'a str> {
    loop {
        attributes = attributes.trim_start();
        let name_end = attributes.find(|c: char| c == '=' || c.is_whitespace())?;
        let name = &attributes[..name_end];
        let after = attributes[name_end..]
            .trim_start()
            .strip_prefix('=')?
            .trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let value_end = after[1..].find(quote)?;
        let value = &after[1..1 + value_end];
        if name.rsplit(':').next() == Some(wanted) {
            return Some(value);
        }
        attributes = &after[value_end + 2..];
    }
}

/// Why a file is no workbook: in English with the reader's own words after ours (they are
/// English; the Chinese says what matters without them).
fn not_a_workbook(e: &dyn std::fmt::Display) -> Label {
    said(
        "不是 ecoplan 能读取的工作簿（xlsx、xls、ods）：文件已损坏，或不是这些格式之一".to_owned(),
        format!("not a workbook ecoplan can read (xlsx, xls, ods): {e}"),
    )
}

/// The sheet a reader reads: the one named, else the first.
fn sheet_to_read(names: Vec<String>, wanted: Option<&str>) -> Option<String> {
    match wanted {
        Some(name) => Some(name.to_owned()),
        None => names.into_iter().next(),
    }
}

/// Why a sheet cannot be read: the reader's words after ours.
fn unreadable_sheet(sheet: &str, e: &dyn std::fmt::Display) -> Label {
    said(
        format!("无法读取工作表 {sheet}：{e}"),
        format!("sheet {sheet} cannot be read: {e}"),
    )
}

fn no_sheet() -> Label {
    said("工作簿中没有工作表", "the workbook has no sheet")
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

/// A fraction in percent, rounded to the 15 significant digits a spreadsheet shows: 0.801 is
/// 80.1, not 80.10000000000001.
fn in_percent_of(fraction: f64) -> f64 {
    let percent = fraction * 100.0;
    format!("{percent:.12e}").parse().unwrap_or(percent)
}

/// Whether an Excel number format shows its value in percent: a `%` outside quotes, escapes
/// and brackets ("0.0%", "#,##0.00%", not "0.0\"%\"" or "[Red]0").
fn is_percent_format(code: &str) -> bool {
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
fn read_xlsx_sheet(bytes: &[u8], book: &str, wanted: Option<&str>) -> Result<Table, ImportError> {
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

#[cfg(test)]
mod tests {
    use super::declared_count;

    #[test]
    fn the_shared_strings_count_is_read_in_every_form_the_reader_accepts() {
        let big = Some(Some(10_000_000_000_000));
        for head in [
            r#"<?xml version="1.0"?><sst xmlns="x" count="3" uniqueCount="10000000000000">"#,
            r#"<x:sst xmlns:x="x" uniqueCount = '10000000000000'>"#,
            r#"<?xml version="1.0"?><!-- a comment <sst uniqueCount="1"> --><sst uniqueCount="10000000000000"/>"#,
            r#"<other/><sst
                uniqueCount="10000000000000">"#,
        ] {
            assert_eq!(declared_count(head.as_bytes()), big, "{head}");
        }
        // `count` is not what the reader reserves for; a count it cannot parse it ignores.
        assert_eq!(
            declared_count(br#"<sst count="10000000000000">"#),
            Some(None)
        );
        assert_eq!(declared_count(br#"<sst uniqueCount=" 12">"#), Some(None));
        assert_eq!(declared_count(b"<?xml version=\"1.0\"?>"), None);
    }
}
