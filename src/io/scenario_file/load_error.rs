//! Why a scenario file could not be used, and the RON library's parse errors in plain words in both languages.

use super::*;

/// Why a scenario file could not be used. `Display` gives `FILE:LINE:COL: message` or
/// `FILE: message`, the same text in the window and on the command line.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{}:{line}:{col}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
        /// The RON library's own error, for the words in another language.
        code: Box<ron::Error>,
    },
    /// `at`: the line and column of `format_version` in the file.
    #[error("{}{}: format version {found} is newer than this ecoplan reads ({FORMAT_VERSION}); update ecoplan to open it", path.display(), at.map_or_else(String::new, |(line, col)| format!(":{line}:{col}")))]
    NewerVersion {
        path: PathBuf,
        at: Option<(usize, usize)>,
        found: u32,
    },
    #[error("{}{}: format version {found} is not a version ecoplan ever wrote", path.display(), at.map_or_else(String::new, |(line, col)| format!(":{line}:{col}")))]
    UnknownVersion {
        path: PathBuf,
        at: Option<(usize, usize)>,
        found: u32,
    },
    /// A scenario that parses but is not valid; `at` is where in the file the item or field
    /// the error names stands, when the file's layout lets us find it.
    #[error("{}{}: {source}", path.display(), at.map_or_else(String::new, |(line, col)| format!(":{line}:{col}")))]
    Invalid {
        path: PathBuf,
        at: Option<(usize, usize)>,
        source: Box<ModelError>,
        /// The item the error is about as the views name it (指标 10“生态环境状况指数”),
        /// where the file's scenario was read far enough to say.
        item: Option<crate::model::Label>,
    },
    #[error("{}: this is a workspace of several scenarios; open it in the window, or compare its scenarios with `ecoplan compare`", path.display())]
    IsWorkspace { path: PathBuf },
    /// A workspace whose names or parents are wrong, or whose member does not resolve; `at` is
    /// the line and column of the member's name where the file's layout lets us find it, and
    /// `other_at` of the member first given that name, for a name used twice.
    #[error("{}{}: {}", path.display(), at.map_or_else(String::new, |(line, col)| format!(":{line}:{col}")), workspace_words(source, *other_at, crate::i18n::Lang::En))]
    Workspace {
        path: PathBuf,
        at: Option<(usize, usize)>,
        other_at: Option<(usize, usize)>,
        source: Box<WorkspaceError>,
    },
}

/// The RON library's message in the user's terms: its advice to programmers (raise
/// `ron::Options::recursion_limit`, use raw identifiers) means nothing to someone who opened a file.
pub(super) fn parse_message(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => {
            "the file nests brackets deeper than a scenario ever does (more than 128 levels)".into()
        }
        ron::Error::SuggestRawIdentifier(identifier) => {
            format!("\"{identifier}\" is not a valid name here")
        }
        // The probe that reads the version first is no name a user knows.
        other => other
            .to_string()
            .replace(
                "Expected struct `VersionProbe`",
                "Expected a scenario (a file that starts with \"(\")",
            )
            .replace("`VersionProbe`", "the scenario file"),
    }
}

pub(super) fn parse_error<'a>(
    path: &'a Path,
    text: &'a str,
) -> impl Fn(ron::error::SpannedError) -> LoadError + 'a {
    move |error| {
        let (line, col) = (error.span.start.line, error.span.start.col);
        LoadError::Parse {
            path: path.to_owned(),
            line,
            col: past_spaces(text, line, col),
            message: parse_message(&error.code),
            code: Box::new(error.code),
        }
    }
}

/// The column of what follows `col` on `line` past spaces and tabs: the RON library places an
/// error after a colon at the space before the value ("base: \"abc\"" at the space), where an
/// editor should show the value.
pub(super) fn past_spaces(text: &str, line: usize, col: usize) -> usize {
    let Some(row) = text.lines().nth(line.saturating_sub(1)) else {
        return col;
    };
    let skipped = row
        .chars()
        .skip(col.saturating_sub(1))
        .take_while(|c| *c == ' ' || *c == '\t')
        .count();
    // Spaces to the end of the line: the place is the line's end, as the library said.
    if row.chars().count() <= col.saturating_sub(1) + skipped {
        col
    } else {
        col + skipped
    }
}

impl LoadError {
    /// The error in `lang`, starting with its file (and line and column).
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::{Lang, Tr};
        // A parse error in plain words in either language (the library's own are terse:
        // "Expected comma"); the others' English is their `Display`.
        if let LoadError::Parse {
            path,
            line,
            col,
            code,
            ..
        } = self
        {
            return format!(
                "{}:{line}:{col}: {}",
                path.display(),
                crate::refusals::parse_words(code, lang)
            );
        }
        if lang == Lang::En {
            return self.to_string();
        }
        let at = |path: &Path, at: &Option<(usize, usize)>| {
            format!(
                "{}{}",
                path.display(),
                at.map_or_else(String::new, |(line, col)| format!(":{line}:{col}"))
            )
        };
        match self {
            LoadError::Read(error) => error.in_lang(lang),
            LoadError::Parse {
                path,
                line,
                col,
                code,
                ..
            } => format!(
                "{}:{line}:{col}: {}",
                path.display(),
                crate::refusals::parse_words(code, lang)
            ),
            LoadError::NewerVersion {
                path,
                at: place,
                found,
            } => Tr::LoadNewerVersion.fill(lang, &[&at(path, place), found, &FORMAT_VERSION]),
            LoadError::UnknownVersion {
                path,
                at: place,
                found,
            } => Tr::LoadUnknownVersion.fill(lang, &[&at(path, place), found]),
            LoadError::Invalid {
                path,
                at: place,
                source,
                item,
            } => format!(
                "{}: {}",
                at(path, place),
                source.in_lang_with(lang, item.as_ref())
            ),
            LoadError::IsWorkspace { path } => Tr::LoadIsWorkspace.fill(lang, &[&path.display()]),
            LoadError::Workspace {
                path,
                at: place,
                other_at,
                source,
            } => format!(
                "{}: {}",
                at(path, place),
                workspace_words(source, *other_at, lang)
            ),
        }
    }
}

/// A workspace error in `lang`; a name used twice says where the other member stands.
pub(super) fn workspace_words(
    source: &WorkspaceError,
    other_at: Option<(usize, usize)>,
    lang: crate::i18n::Lang,
) -> String {
    match (source, other_at) {
        (WorkspaceError::DuplicateName { name, .. }, Some((line, col))) => {
            crate::i18n::Tr::WorkspaceNamedTwiceAt.fill(lang, &[name, &line, &col])
        }
        _ => source.in_lang(lang),
    }
}
