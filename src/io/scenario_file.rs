//! Scenario files: RON with a `format_version`, pretty-printed in a stable order.

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::Deserialize;

use super::safe_file::{
    Backup, Fingerprint, LOCK_WAIT, ReadError, SaveError, WriteLock, line_col, lock_writers,
    read_text_bounded, write_atomically,
};
use crate::engine::workspace::{WorkspaceError, for_each_resolved};
use crate::engine::{ModelError, validate};
use crate::model::{FORMAT_VERSION, Scenario};

pub use super::safe_file::backup_path;

/// Files larger than this are refused before parsing: a scenario is a few hundred kilobytes.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

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
fn parse_message(code: &ron::Error) -> String {
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

fn parse_error<'a>(
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
fn past_spaces(text: &str, line: usize, col: usize) -> usize {
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
            } => format!("{}: {}", at(path, place), source.in_lang(lang)),
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
fn workspace_words(
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

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// The RON text of a scenario: four-space indent, `\n` line ends on every platform, fields in
/// declaration order, so that two people's files diff line by line.
pub fn to_ron_string(scenario: &Scenario) -> String {
    let mut text = options()
        .to_string_pretty(scenario, pretty())
        .expect("a scenario always serialises");
    text.push('\n');
    text
}

fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .new_line("\n".to_owned())
        .indentor("    ".to_owned())
        .struct_names(false)
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME)
}

#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
    /// Present in workspace files only.
    #[serde(default)]
    workspace: Option<serde::de::IgnoredAny>,
}

/// What a file holds: one scenario, or a workspace of several.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    Scenario(Box<Scenario>),
    Workspace(crate::model::Workspace),
}

/// Reads a scenario file or a workspace file; a workspace's names and parents must be sound
/// and its members must all resolve and validate.
pub fn load_any(path: &Path) -> Result<Loaded, LoadError> {
    load_any_str(&read_text(path)?, path)
}

/// Parses and validates the text of a scenario or workspace file; `path` is only used in
/// messages.
pub fn load_any_str(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    let probe: VersionProbe = options().from_str(text).map_err(parse_error(path, text))?;
    if probe.workspace.is_none() {
        return from_ron_str(text, path).map(|s| Loaded::Scenario(Box::new(s)));
    }
    if probe.format_version > FORMAT_VERSION {
        return Err(LoadError::NewerVersion {
            path: path.to_owned(),
            at: version_at(text),
            found: probe.format_version,
        });
    }
    if probe.format_version < 4 {
        return Err(LoadError::UnknownVersion {
            path: path.to_owned(),
            at: version_at(text),
            found: probe.format_version,
        });
    }
    let mut workspace: crate::model::Workspace = if probe.format_version < 5 {
        options()
            .from_str::<super::migrate::WorkspaceV4>(text)
            .map_err(parse_error(path, text))?
            .migrate()
    } else {
        // Versions 5 and 6 read as 7 (plain-string notes, no decimals; no periods, absolute
        // thresholds).
        options().from_str(text).map_err(parse_error(path, text))?
    };
    workspace.format_version = FORMAT_VERSION;
    for member in &mut workspace.workspace {
        if let crate::model::Definition::Full(scenario) = &mut member.scenario {
            scenario.format_version = FORMAT_VERSION;
        }
    }
    let workspace_error = |source: WorkspaceError| workspace_load_error(path, text, source);
    for_each_resolved(&workspace, |member, scenario| {
        match validate(scenario).into_iter().next() {
            None => Ok(()),
            Some(source) => Err(WorkspaceError::Member {
                member,
                name: workspace.workspace[member].name.clone(),
                source: Box::new(source),
            }),
        }
    })
    .map_err(workspace_error)?;
    Ok(Loaded::Workspace(workspace))
}

/// A workspace problem with the line and column of the member it is about, and for a name used
/// twice, of both members.
fn workspace_load_error(path: &Path, text: &str, source: WorkspaceError) -> LoadError {
    let positions = member_name_positions(text);
    let at = |member: usize| positions.get(member).copied();
    let other_at = match &source {
        WorkspaceError::DuplicateName { first, .. } => at(*first),
        _ => None,
    };
    LoadError::Workspace {
        path: path.to_owned(),
        at: source.member().and_then(at),
        other_at,
        source: Box::new(source),
    }
}

/// The line and column of each workspace member's `name`, in the listed order. A small scan of
/// the RON text (strings, raw strings, characters, comments and bracket depth), since the parser
/// keeps no positions of values; a layout it cannot follow gives fewer positions than members,
/// and messages then name members by their place in the list instead.
fn member_name_positions(text: &str) -> Vec<(usize, usize)> {
    // `(format_version: …, workspace: [ (name: …` puts a member's fields at depth 3.
    const MEMBER_DEPTH: usize = 3;
    let mut scanner = Scanner {
        chars: text.chars().peekable(),
        line: 1,
        col: 1,
    };
    let mut positions = Vec::new();
    let mut depth = 0usize;
    while let Some(&c) = scanner.chars.peek() {
        match c {
            '"' => {
                scanner.bump();
                scanner.skip_quoted('"');
            }
            '\'' => {
                scanner.bump();
                scanner.skip_quoted('\'');
            }
            '/' => {
                scanner.bump();
                match scanner.chars.peek() {
                    Some('/') => scanner.skip_line(),
                    Some('*') => {
                        scanner.bump();
                        scanner.skip_block_comment();
                    }
                    _ => {}
                }
            }
            '(' | '[' | '{' => {
                depth += 1;
                scanner.bump();
            }
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                scanner.bump();
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = (scanner.line, scanner.col);
                let mut word = String::new();
                while let Some(&c) = scanner.chars.peek() {
                    if !(c.is_alphanumeric() || c == '_') {
                        break;
                    }
                    word.push(c);
                    scanner.bump();
                }
                match scanner.chars.peek() {
                    // Raw strings: r"…", r#"…"#, br"…".
                    Some('"' | '#') if word == "r" || word == "br" => scanner.skip_raw_string(),
                    _ => {
                        scanner.skip_whitespace();
                        if depth == MEMBER_DEPTH
                            && word == "name"
                            && scanner.chars.peek() == Some(&':')
                        {
                            positions.push(start);
                        }
                    }
                }
            }
            _ => {
                scanner.bump();
            }
        }
    }
    positions
}

/// Walks RON text keeping the line and column (in characters, as the parser counts).
struct Scanner<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    col: usize,
}

impl Scanner<'_> {
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    /// Past the closing `quote`, skipping escapes.
    fn skip_quoted(&mut self, quote: char) {
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                c if c == quote => return,
                _ => {}
            }
        }
    }

    /// From the `#`s or `"` after `r`, past the closing `"` and as many `#`s.
    fn skip_raw_string(&mut self) {
        let mut hashes = 0;
        while self.chars.peek() == Some(&'#') {
            hashes += 1;
            self.bump();
        }
        if self.bump() != Some('"') {
            return;
        }
        while let Some(c) = self.bump() {
            if c == '"' {
                let mut closing = 0;
                while closing < hashes && self.chars.peek() == Some(&'#') {
                    closing += 1;
                    self.bump();
                }
                if closing == hashes {
                    return;
                }
            }
        }
    }

    fn skip_line(&mut self) {
        while let Some(c) = self.bump() {
            if c == '\n' {
                return;
            }
        }
    }

    /// Past the end of a block comment whose `/*` was read; RON's block comments nest.
    fn skip_block_comment(&mut self) {
        let mut nesting = 1usize;
        while let Some(c) = self.bump() {
            match (c, self.chars.peek()) {
                ('/', Some('*')) => {
                    self.bump();
                    nesting += 1;
                }
                ('*', Some('/')) => {
                    self.bump();
                    nesting -= 1;
                    if nesting == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    fn skip_whitespace(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_whitespace()) {
            self.bump();
        }
    }
}

/// The RON text of a workspace, printed like a scenario's.
pub fn workspace_to_ron_string(workspace: &crate::model::Workspace) -> String {
    let mut text = options()
        .to_string_pretty(workspace, pretty())
        .expect("a workspace always serialises");
    text.push('\n');
    text
}

/// Parses and validates scenario text; `path` is only used in messages.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Scenario, LoadError> {
    let parse_error = parse_error(path, text);
    // Read the version first, so a newer file gets a clear message instead of a field error.
    let probe: VersionProbe = options().from_str(text).map_err(&parse_error)?;
    if probe.workspace.is_some() {
        return Err(LoadError::IsWorkspace {
            path: path.to_owned(),
        });
    }
    match probe.format_version {
        1..=FORMAT_VERSION => {}
        found if found > FORMAT_VERSION => {
            return Err(LoadError::NewerVersion {
                path: path.to_owned(),
                at: version_at(text),
                found,
            });
        }
        found => {
            return Err(LoadError::UnknownVersion {
                path: path.to_owned(),
                at: version_at(text),
                found,
            });
        }
    }
    let scenario: Scenario = match probe.format_version {
        1 => options()
            .from_str::<super::migrate::ScenarioV1>(text)
            .map_err(&parse_error)?
            .migrate(),
        2..=4 => options()
            .from_str::<super::migrate::ScenarioV4>(text)
            .map_err(&parse_error)?
            .migrate(),
        // Versions 5 and 6 read as 7 (plain-string notes, no decimals; no periods, absolute
        // thresholds).
        _ => {
            let mut scenario: Scenario = options().from_str(text).map_err(&parse_error)?;
            scenario.format_version = FORMAT_VERSION;
            scenario
        }
    };
    if let Some(source) = validate(&scenario).into_iter().next() {
        return Err(LoadError::Invalid {
            path: path.to_owned(),
            at: locate(text, &source),
            source: Box::new(source),
        });
    }
    Ok(scenario)
}

/// Where in a scenario's text the item and field an error names stand: a plain search for the
/// item's key (`key: "cod"`, `pollutant: "COD"`) and then the field after it, in the layout
/// ecoplan writes. A file laid out otherwise gives `None`, and the message names the item alone.
fn locate(text: &str, error: &ModelError) -> Option<(usize, usize)> {
    let key_of = |item: &str, key: &str| match item {
        "capacity" => format!("pollutant: \"{key}\""),
        "uncertainty" | "uncertain rate of series" => format!("series: \"{key}\""),
        "indicator" => format!("number: \"{key}\""),
        _ => format!("key: \"{key}\""),
    };
    let field_after = |start: usize, field: &str| -> usize {
        // A field named like `rate` or `base`; "rate from 2026" and the like stay at the item.
        let plain = !field.is_empty() && field.chars().all(|c| c.is_alphanumeric() || c == '_');
        plain
            .then(|| text[start..].find(&format!("{field}:")).map(|i| start + i))
            .flatten()
            // Only within the item: not past the next item's key.
            .filter(|&at| at == start || !text[start + 1..at].contains("key: \""))
            .unwrap_or(start)
    };
    let offset = match error {
        ModelError::BaseYearRange { .. } | ModelError::YearRange { .. } => {
            text.find("base_year:")?
        }
        ModelError::HorizonTooFar { .. } => text.find("horizon:")?,
        ModelError::DuplicateKey { item, key } => {
            let needle = key_of(item, key);
            let first = text.find(&needle)?;
            first + 1 + text[first + 1..].find(&needle)?
        }
        ModelError::EmptyKey { .. } => text.find("key: \"\"")?,
        ModelError::UnknownSeries { series, driver } => {
            let start = text.find(&key_of("series", series)).unwrap_or(0);
            start + text[start..].find(&format!("\"{driver}\""))?
        }
        ModelError::Cycle { cycle } => text.find(&key_of("series", cycle.first()?))?,
        ModelError::InvalidValue {
            item, key, field, ..
        }
        | ModelError::Invalid {
            item, key, field, ..
        } => {
            let start = match *item {
                "EI" => text.find("ei: (")?,
                "scenario" => text.find(&format!("{field}:"))?,
                _ => text.find(&key_of(item, key))?,
            };
            // A value of a year (an indicator's or a series' observation), a period's target:
            // at its entry of the item, found by the year it states.
            let of_year = field
                .strip_prefix("observed value of ")
                .or_else(|| field.strip_prefix("value of "))
                .map(|year| (format!("year: {year},"), "value:"))
                .or_else(|| {
                    field
                        .strip_prefix("target until ")
                        .map(|year| (format!("until: {year},"), "target:"))
                });
            if let Some((entry, value)) = of_year
                && let Some(at) = text[start..].find(&entry).map(|i| start + i)
                // Within the item: not past the next item's key.
                && !text[start + 1..at].contains("key: \"")
                && !text[start + 1..at].contains("number: \"")
            {
                // At the value itself, past its field's name.
                text[at..].find(value).map_or(at, |i| {
                    let after = at + i + value.len();
                    after + (text[after..].len() - text[after..].trim_start_matches(' ').len())
                })
            } else {
                field_after(start, field)
            }
        }
        ModelError::Unit { item, key, .. } => field_after(text.find(&key_of(item, key))?, "unit"),
        ModelError::NotFinite { item, key, .. } => text.find(&key_of(item, key))?,
        ModelError::UnknownSeriesUse { place, key } => {
            use crate::model::references::SeriesUse;
            let start = match place {
                SeriesUse::Capacity { pollutant } => text.find(&key_of("capacity", pollutant)),
                SeriesUse::Target { key } => text.find(&key_of("target", key)),
                SeriesUse::Indicator { number } => text.find(&key_of("indicator", number)),
                SeriesUse::NonpointLoad { .. } => text.find("nonpoint_series:"),
                SeriesUse::Footprint => text.find("population_series:"),
                SeriesUse::Uncertain => text.find("uncertainty:"),
                SeriesUse::ChapterUnit => text.find("units:"),
                // Given on the command line or in a view, not in the file.
                SeriesUse::GoalSeek
                | SeriesUse::Sensitivity
                | SeriesUse::FanChart
                | SeriesUse::Comparison => return None,
                SeriesUse::Driver { series } => text.find(&key_of("series", series)),
            }
            .unwrap_or(0);
            start + text[start..].find(&format!("\"{key}\""))?
        }
    };
    Some(line_col(text, offset))
}

/// Where the file states its format version.
fn version_at(text: &str) -> Option<(usize, usize)> {
    text.find("format_version")
        .map(|offset| line_col(text, offset))
}

/// Reads a regular file of at most `MAX_FILE_BYTES`.
fn read_text(path: &Path) -> Result<String, LoadError> {
    Ok(read_text_bounded(path, MAX_FILE_BYTES)?)
}

/// Reads, parses and validates a scenario file.
pub fn load(path: &Path) -> Result<Scenario, LoadError> {
    from_ron_str(&read_text(path)?, path)
}

/// Reads a scenario or workspace file with what it held, so that a later save notices a change
/// made by someone else in between (`save_text_locked`'s `expected`).
pub fn load_any_noting(path: &Path) -> Result<(Loaded, Fingerprint), LoadError> {
    // The bytes as they are on disk, a byte-order mark included: what a save compares with.
    let bytes = super::safe_file::read_bytes_bounded(path, MAX_FILE_BYTES)?;
    let fingerprint = Fingerprint::of(&bytes);
    let text = super::safe_file::text_of(path, bytes)?;
    Ok((load_any_str(&text, path)?, fingerprint))
}

/// What a save did besides writing.
#[derive(Debug)]
pub struct Saved {
    /// What the file holds now.
    pub fingerprint: Fingerprint,
    /// Where the file it replaced was kept because it was not in ecoplan's own layout (a file
    /// written or commented by hand, or of an older version): `FILE.orig`, which only the next
    /// such file replaces, so saves and imports in ecoplan's layout never lose the user's text.
    pub original: Option<PathBuf>,
}

/// Saves without ever losing data (see `safe_file::write_atomically`); the previous file is
/// kept as `FILE.bak`, and one not in ecoplan's layout as `FILE.orig` too.
pub fn save(scenario: &Scenario, path: &Path) -> Result<Saved, SaveError> {
    save_text(&to_ron_string(scenario), path)
}

/// Writes `text` the way `save` does, holding the file's writer lock while it writes.
pub fn save_text(text: &str, path: &Path) -> Result<Saved, SaveError> {
    let lock = lock_writers(path, LOCK_WAIT)?;
    save_text_locked(text, path, &lock, None)
}

/// Where a save keeps the replaced file when it was not in ecoplan's layout.
pub fn original_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".orig");
    path.with_file_name(name)
}

/// Writes `text` to `path` with the writer lock held by the caller (an import holds it from its
/// read). With `expected`, the file must still hold what was read or last saved: otherwise the
/// save is refused with `SaveError::ChangedOnDisk`, the other writer's change intact.
pub fn save_text_locked(
    text: &str,
    path: &Path,
    lock: &WriteLock,
    expected: Option<Fingerprint>,
) -> Result<Saved, SaveError> {
    let target = lock.target();
    let existing = match std::fs::metadata(target) {
        // Refused before anything is written beside it: no `FILE.orig` of a save that fails.
        Ok(metadata) if metadata.is_file() && metadata.permissions().readonly() => {
            return Err(SaveError::ReadOnly {
                path: path.to_owned(),
            });
        }
        Ok(metadata) if metadata.is_file() => Some(
            super::safe_file::read_bytes_bounded(target, MAX_FILE_BYTES)
                .map_err(SaveError::Read)?,
        ),
        _ => None,
    };
    if let (Some(expected), Some(bytes)) = (expected, &existing)
        && Fingerprint::of(bytes) != expected
    {
        return Err(SaveError::ChangedOnDisk {
            path: path.to_owned(),
        });
    }
    let original = match &existing {
        Some(bytes) if !in_own_layout(bytes) => {
            let original = original_path(target);
            write_atomically(&original, bytes, Backup::None)?;
            Some(original)
        }
        _ => None,
    };
    write_atomically(path, text.as_bytes(), Backup::Keep)?;
    Ok(Saved {
        fingerprint: Fingerprint::of(text.as_bytes()),
        original,
    })
}

/// Whether a file's bytes are exactly what ecoplan writes for what they hold: no comments, no
/// layout of the user's own, the current version. Anything else is the user's text to keep.
fn in_own_layout(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match load_any_str(text, Path::new("")) {
        Ok(Loaded::Scenario(scenario)) => to_ron_string(&scenario) == text,
        Ok(Loaded::Workspace(workspace)) => workspace_to_ron_string(&workspace) == text,
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::member_name_positions;

    #[test]
    fn member_names_are_found_past_strings_raw_strings_characters_and_comments() {
        let text = r##"(
    format_version: 4,
    // name: "not a member"
    workspace: [
        (name: "a", parent: None, scenario: Full((metadata: (name: "deep")))),
        /* a (nested /* comment */) with name: */
        (
            name: "b\"(",
            parent: Some("a"),
            scenario: Changes((series: [(key: r#"x")"#, note: '(')])),
        ),
        (name: "c", parent: Some("b\"("), scenario: Changes(())),
    ],
)"##;
        assert_eq!(member_name_positions(text), [(5, 10), (8, 13), (12, 10)]);
    }
}
