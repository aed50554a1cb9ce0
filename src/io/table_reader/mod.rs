//! Tables as users deliver them (CSV, or any workbook calamine reads: xlsx, xls, ods), read
//! into rows of cells with each cell's place named the way a spreadsheet user finds it:
//! `BOOK!SHEET!CELL` in a workbook, `FILE:LINE:COL` in a CSV. The indicator values, the
//! indicator frame and the statistics history are all read through here.

use std::path::Path;

use crate::i18n::Lang;
use crate::model::Label;

mod csv_table;
pub(crate) use csv_table::read_csv;
mod package;
use package::*;
mod xlsx_sheet;
pub(crate) use xlsx_sheet::uncomputed;
use xlsx_sheet::*;
mod workbook;
pub(crate) use workbook::read_sheets;
use workbook::*;

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
