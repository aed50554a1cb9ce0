//! Scenario files: RON with a `format_version`, pretty-printed in a stable order.

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::Deserialize;

use crate::engine::{ModelError, validate};
use crate::model::{FORMAT_VERSION, Scenario};

/// Files larger than this are refused before parsing: a scenario is a few hundred kilobytes.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Why a scenario file could not be used. `Display` gives `FILE:LINE:COL: message` or
/// `FILE: message`, the same text in the window and on the command line.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the file is {bytes} bytes, more than the {} MB a scenario file may have", path.display(), MAX_FILE_BYTES / (1024 * 1024))]
    TooLarge { path: PathBuf, bytes: u64 },
    #[error("{}:{line}:{col}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{}: format version {found} is newer than this ecoplan reads ({FORMAT_VERSION}); update ecoplan to open it", path.display())]
    NewerVersion { path: PathBuf, found: u32 },
    #[error("{}: format version {found} is not a version ecoplan ever wrote", path.display())]
    UnknownVersion { path: PathBuf, found: u32 },
    #[error("{}: {source}", path.display())]
    Invalid { path: PathBuf, source: ModelError },
    #[error("{}: this is a workspace of several scenarios; open it in the window, or compare its scenarios with `ecoplan compare`", path.display())]
    IsWorkspace { path: PathBuf },
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

/// Reads a scenario file or a workspace file; a workspace's members must all resolve and
/// validate.
pub fn load_any(path: &Path) -> Result<Loaded, LoadError> {
    let text = read_text(path)?;
    let parse_error = |error: ron::error::SpannedError| LoadError::Parse {
        path: path.to_owned(),
        line: error.span.start.line,
        col: error.span.start.col,
        message: error.code.to_string(),
    };
    let probe: VersionProbe = options().from_str(&text).map_err(parse_error)?;
    if probe.workspace.is_none() {
        return from_ron_str(&text, path).map(|s| Loaded::Scenario(Box::new(s)));
    }
    if probe.format_version > FORMAT_VERSION {
        return Err(LoadError::NewerVersion {
            path: path.to_owned(),
            found: probe.format_version,
        });
    }
    if probe.format_version < 4 {
        return Err(LoadError::UnknownVersion {
            path: path.to_owned(),
            found: probe.format_version,
        });
    }
    let workspace: crate::model::Workspace = options().from_str(&text).map_err(parse_error)?;
    for member in &workspace.workspace {
        let invalid = |source| LoadError::Invalid {
            path: path.to_owned(),
            source,
        };
        let scenario =
            crate::engine::workspace::resolve(&workspace, &member.name).map_err(invalid)?;
        if let Some(source) = validate(&scenario).into_iter().next() {
            return Err(invalid(source));
        }
    }
    Ok(Loaded::Workspace(workspace))
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
    let parse_error = |error: ron::error::SpannedError| LoadError::Parse {
        path: path.to_owned(),
        line: error.span.start.line,
        col: error.span.start.col,
        message: error.code.to_string(),
    };
    // Read the version first, so a newer file gets a clear message instead of a field error.
    let probe: VersionProbe = options().from_str(text).map_err(parse_error)?;
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
                found,
            });
        }
        found => {
            return Err(LoadError::UnknownVersion {
                path: path.to_owned(),
                found,
            });
        }
    }
    let scenario: Scenario = match probe.format_version {
        1 => options()
            .from_str::<super::migrate::ScenarioV1>(text)
            .map_err(parse_error)?
            .migrate(),
        // Version 2 lacks only fields that have defaults.
        _ => Scenario {
            format_version: FORMAT_VERSION,
            ..options().from_str(text).map_err(parse_error)?
        },
    };
    if let Some(source) = validate(&scenario).into_iter().next() {
        return Err(LoadError::Invalid {
            path: path.to_owned(),
            source,
        });
    }
    Ok(scenario)
}

/// Reads a file of at most `MAX_FILE_BYTES`.
fn read_text(path: &Path) -> Result<String, LoadError> {
    let read_error = |source| LoadError::Read {
        path: path.to_owned(),
        source,
    };
    let bytes = std::fs::metadata(path).map_err(read_error)?.len();
    if bytes > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            bytes,
        });
    }
    std::fs::read_to_string(path).map_err(read_error)
}

/// Reads, parses and validates a scenario file.
pub fn load(path: &Path) -> Result<Scenario, LoadError> {
    from_ron_str(&read_text(path)?, path)
}

/// Why a save failed. The file on disk and the work in memory are both left as they were.
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot save: {source}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// Saves without ever losing data: the text goes to a temporary file in the same folder, which
/// is flushed to disk; the previous file is kept as `FILE.bak`; then the temporary file is renamed
/// over the old one, which the file system does atomically. If any step fails, the old file is
/// as it was and the temporary file is removed.
pub fn save(scenario: &Scenario, path: &Path) -> Result<(), SaveError> {
    save_text(&to_ron_string(scenario), path)
}

/// Writes `text` the way `save` does.
pub fn save_text(text: &str, path: &Path) -> Result<(), SaveError> {
    use std::io::Write;
    let fail = |source| SaveError {
        path: path.to_owned(),
        source,
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{file_name}.tmp"));
    let backup = backup_path(path);
    let written = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        if path.is_file() {
            std::fs::copy(path, &backup)?;
        }
        std::fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written.map_err(fail)
}

/// Where `save` keeps the previous version of `path`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}
