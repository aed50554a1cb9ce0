//! A CSV file as a table: its text (UTF-8 or GBK) and its cells by line and column.

use super::*;

/// Reads a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF), naming each cell by line
/// and column.
pub(crate) fn read_csv(path: &Path) -> Result<Table, ImportError> {
    let text = csv_text(path)?;
    table_of_csv(path, &text)
}

/// A CSV file's text: UTF-8 (with or without the byte-order mark Excel writes) or, as Excel on
/// a Chinese Windows saves "CSV", GBK. A file that is neither is refused by the byte where it
/// stops being text.
pub(super) fn csv_text(path: &Path) -> Result<String, ImportError> {
    let utf8 = crate::io::safe_file::read_text_bounded(path, MAX_BYTES);
    if let Err(crate::io::ReadError::NotText { offset, .. }) = &utf8 {
        let bytes =
            crate::io::safe_file::read_bytes_bounded(path, MAX_BYTES).map_err(|e| ImportError {
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
            crate::io::ReadError::Io { source, .. } => said(
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

/// The cells of a CSV text, each named by line and column of `path`. The fields are read by
/// `csv_core` (RFC 4180: quoted fields, doubled quotes, CR, LF or CRLF line ends; an empty line
/// is no row); where each field starts is counted here, so a bad cell is placed at its line
/// and column.
fn table_of_csv(path: &Path, text: &str) -> Result<Table, ImportError> {
    let bytes = text.as_bytes();
    let mut reader = csv_core::ReaderBuilder::new().build();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    // (line, column) of each field's first character, by row and field.
    let mut starts: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut row_starts: Vec<(usize, usize)> = Vec::new();
    let mut cursor = Cursor::default();
    let too_big = |line| ImportError {
        place: format!("{}:{line}:1", path.display()),
        message: said(
            format!("表格超过 {MAX_ROWS} 行或 {MAX_COLUMNS} 列；指标数值表每项指标一行"),
            format!(
                "the table has more than {MAX_ROWS} rows or {MAX_COLUMNS} columns; an indicator table has one row per indicator"
            ),
        ),
    };
    let mut output = [0u8; 4096];
    let mut value: Vec<u8> = Vec::new();
    // The byte where the field being read starts, and where the input has been read to.
    let (mut start, mut read) = (0usize, 0usize);
    loop {
        let (result, nin, nout) = reader.read_field(&bytes[read..], &mut output);
        value.extend_from_slice(&output[..nout]);
        read += nin;
        let record_end = match result {
            csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::OutputFull => {
                continue;
            }
            csv_core::ReadFieldResult::End => break,
            csv_core::ReadFieldResult::Field { record_end } => record_end,
        };
        // A record starts past the line ends (and empty lines) before it.
        if row.is_empty() {
            while start < read && matches!(bytes[start], b'\r' | b'\n') {
                start += 1;
            }
        }
        let at = cursor.advance_to(text, start);
        let raw = &text[start..read];
        let quoted = raw.starts_with('"');
        // A quote opened and never closed: the reader takes the rest of the file as the field.
        if quoted && raw.matches('"').count() % 2 == 1 {
            return Err(ImportError {
                place: format!("{}:{}:{}", path.display(), at.0, at.1),
                message: said(
                    "引号内的内容没有结束（缺少一个 \"）",
                    "a quoted field is not closed (a \" is missing)",
                ),
            });
        }
        let text_value = String::from_utf8_lossy(&value)
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        value.clear();
        let cell = if text_value.trim().is_empty() {
            Cell::Empty
        } else if !quoted
            && let Ok(v) = text_value.trim().parse::<f64>()
            && v.is_finite()
        {
            // ("1e400", "inf" and "NaN" stay text, refused by what was typed.)
            Cell::Number(v)
        } else {
            // A text ecoplan wrote with the apostrophe that keeps Excel from evaluating it
            // ("'=HYPERLINK(…)") reads back as the text it was.
            Cell::Text(crate::io::csv::unneutralised(&text_value).to_owned())
        };
        row.push(cell);
        row_starts.push(at);
        if row.len() > MAX_COLUMNS {
            return Err(too_big(at.0));
        }
        start = read;
        if record_end {
            rows.push(std::mem::take(&mut row));
            starts.push(std::mem::take(&mut row_starts));
            if rows.len() > MAX_ROWS {
                return Err(too_big(at.0));
            }
        }
    }
    let shown = path.display().to_string();
    Ok(Table {
        rows,
        place: Box::new(move |r, c| match starts.get(r) {
            Some(row) => match row.get(c) {
                Some((line, col)) => format!("{shown}:{line}:{col}"),
                // Past the row's last field: its line.
                None => format!("{shown}:{}", row.first().map_or(r + 1, |s| s.0)),
            },
            None => format!("{shown}:{}", r + 1),
        }),
    })
}

/// A line and column in a text, moved forward as the fields are read: a line ends at CR, LF
/// or CRLF, as the reader ends a record; a column counts characters.
#[derive(Clone, Copy)]
struct Cursor {
    offset: usize,
    line: usize,
    col: usize,
}

impl Default for Cursor {
    fn default() -> Cursor {
        Cursor {
            offset: 0,
            line: 1,
            col: 1,
        }
    }
}

impl Cursor {
    /// The line and column of byte `offset` (at or after the last one asked for).
    fn advance_to(&mut self, text: &str, offset: usize) -> (usize, usize) {
        let mut chars = text[self.offset..offset].chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' if chars.peek() == Some(&'\n') => {}
                '\r' | '\n' => {
                    self.line += 1;
                    self.col = 1;
                }
                _ => self.col += 1,
            }
        }
        self.offset = offset;
        (self.line, self.col)
    }
}
