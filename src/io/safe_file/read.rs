//! Reading untrusted files within a bound: a path may name a FIFO, a device, a symbolic link or
//! a file of any size, and none of them hangs or fills the memory.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a file could not be read. `Display` starts with the path, as every message of ecoplan does.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not a regular file ({kind}); ecoplan reads only ordinary files", path.display())]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{}: the file is larger than the {} MB a scenario file may have", path.display(), limit / (1024 * 1024))]
    TooLarge { path: PathBuf, limit: u64 },
    /// `offset`: the first byte that is not text, from 0; `line` and `col` (from 1, the column
    /// in characters) where an editor shows it.
    #[error("{}:{line}:{col}: not UTF-8 text (byte {}); scenario files are UTF-8 text", path.display(), offset + 1)]
    NotText {
        path: PathBuf,
        offset: usize,
        line: usize,
        col: usize,
    },
    /// An Office file (a workbook, most likely: the statistics a user meant to import), told
    /// by its first bytes.
    #[error("{}: this is an Office file such as a workbook, not a scenario file; read a workbook's figures with File → Import values… or `ecoplan import`", path.display())]
    Office { path: PathBuf },
}

impl ReadError {
    /// The error in `lang`, starting with its file.
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::{Lang, Tr};
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ReadError::Io { path, source } => Tr::ReadIo.fill(
                lang,
                &[&path.display(), &crate::refusals::io_words(source, lang)],
            ),
            ReadError::NotAFile { path, kind } => {
                Tr::ReadNotAFile.fill(lang, &[&path.display(), &kind_tr(kind).get(lang)])
            }
            ReadError::TooLarge { path, limit } => {
                Tr::ReadTooLarge.fill(lang, &[&path.display(), &(limit / (1024 * 1024))])
            }
            ReadError::NotText {
                path,
                offset,
                line,
                col,
            } => Tr::ReadNotText.fill(lang, &[&path.display(), line, col, &(offset + 1)]),
            ReadError::Office { path } => Tr::ReadIsOffice.fill(lang, &[&path.display()]),
        }
    }
}

/// The words of a kind `file_kind` names.
pub(super) fn kind_tr(kind: &str) -> crate::i18n::Tr {
    use crate::i18n::Tr;
    match kind {
        "a named pipe" => Tr::KindPipe,
        "a device" => Tr::KindDevice,
        "a socket" => Tr::KindSocket,
        "a folder" => Tr::KindFolder,
        _ => Tr::KindOther,
    }
}

pub(super) fn file_kind(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "not an ordinary file"
    }
}

/// Reads a regular file of at most `limit` bytes, checked as `read_text_bounded` does.
pub fn read_bytes_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io_error = |source| ReadError::Io {
        path: path.to_owned(),
        source,
    };
    let not_a_file = |file_type| ReadError::NotAFile {
        path: path.to_owned(),
        kind: file_kind(file_type),
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if !metadata.is_file() {
        return Err(not_a_file(metadata.file_type()));
    }
    let file = std::fs::File::open(path).map_err(io_error)?;
    let opened = file.metadata().map_err(io_error)?;
    if !opened.is_file() {
        return Err(not_a_file(opened.file_type()));
    }
    let mut bytes = Vec::with_capacity(opened.len().min(limit) as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            limit,
        });
    }
    Ok(bytes)
}

/// Reads a regular file of at most `limit` bytes as UTF-8 text, without a byte-order mark.
///
/// The type is checked before opening (opening a FIFO blocks until a writer appears) and the
/// opened handle is checked again; at most `limit + 1` bytes are read whatever the metadata says,
/// since `/dev/zero` and files in `/proc` report a size of 0.
pub fn read_text_bounded(path: &Path, limit: u64) -> Result<String, ReadError> {
    text_of(path, read_bytes_bounded(path, limit)?)
}

/// The line and column (in characters, from 1) of a byte offset of `text`, as an editor
/// counts them.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// A file's bytes as UTF-8 text, without a byte-order mark; `path` names it in the error.
pub fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, ReadError> {
    // A zip package (xlsx, docx) or an OLE compound file (xls): never text.
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ReadError::Office {
            path: path.to_owned(),
        });
    }
    let mut text = String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        // What comes before is text: its lines and characters place the bad byte.
        let before = std::str::from_utf8(&error.as_bytes()[..offset]).unwrap_or_default();
        let (line, col) = line_col(before, before.len());
        ReadError::NotText {
            path: path.to_owned(),
            offset,
            line,
            col,
        }
    })?;
    // Notepad and Excel on Windows start UTF-8 files with a byte-order mark.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}
