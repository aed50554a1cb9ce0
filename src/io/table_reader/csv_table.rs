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

/// The cells of a CSV text, each named by line and column of `path`.
pub(super) fn table_of_csv(path: &Path, text: &str) -> Result<Table, ImportError> {
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
            Cell::Text(crate::io::csv::unneutralised(&value).to_owned())
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
