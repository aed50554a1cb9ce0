//! Scenario files: RON with a `format_version`, pretty-printed in a stable order.

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::Deserialize;

use super::safe_file::{
    Backup, Fingerprint, LOCK_WAIT, ReadError, SaveError, WriteLock, line_col, lock_writers,
    read_text_bounded, write_atomically,
};
use crate::engine::workspace::{WorkspaceError, for_each_resolved};
use crate::engine::{Analysis, ModelError, validated};
use crate::model::{FORMAT_VERSION, Scenario};

pub use super::safe_file::backup_path;

mod load_error;
pub use load_error::LoadError;
use load_error::*;
mod places;
use places::*;
mod save;
pub use save::{Saved, original_path, save, save_text, save_text_locked};

/// Files larger than this are refused before parsing: a scenario is a few hundred kilobytes.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

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

/// A file as the window opens it: what it holds, with the analysis each scenario was checked
/// with (a workspace's members resolved, in its order), so that nothing is analysed twice.
pub enum Opened {
    Scenario(Box<Scenario>, Box<Analysis>),
    Workspace(crate::model::Workspace, Vec<(Scenario, Analysis)>),
}

impl Opened {
    pub fn into_loaded(self) -> Loaded {
        match self {
            Opened::Scenario(scenario, _) => Loaded::Scenario(scenario),
            Opened::Workspace(workspace, _) => Loaded::Workspace(workspace),
        }
    }
}

/// Reads a scenario file or a workspace file; a workspace's names and parents must be sound
/// and its members must all resolve and validate.
pub fn load_any(path: &Path) -> Result<Loaded, LoadError> {
    open_any(path).map(Opened::into_loaded)
}

/// `load_any` with the analyses the checks computed, for a caller that goes on to use them.
pub fn open_any(path: &Path) -> Result<Opened, LoadError> {
    open_any_str(&read_text(path)?, path)
}

/// Parses and validates the text of a scenario or workspace file; `path` is only used in
/// messages.
pub fn load_any_str(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    open_any_str(text, path).map(Opened::into_loaded)
}

/// `load_any_str` with the analyses the checks computed.
pub fn open_any_str(text: &str, path: &Path) -> Result<Opened, LoadError> {
    let probe: VersionProbe = options().from_str(text).map_err(parse_error(path, text))?;
    if probe.workspace.is_none() {
        return analysed_from_ron_str(text, path)
            .map(|(s, a)| Opened::Scenario(Box::new(s), Box::new(a)));
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
    // Resolved parents first (depth first), kept in the file's order of members.
    let mut members: Vec<Option<(Scenario, Analysis)>> = vec![None; workspace.workspace.len()];
    for_each_resolved(&workspace, |member, scenario| match validated(scenario) {
        Ok(analysis) => {
            members[member] = Some((scenario.clone(), analysis));
            Ok(())
        }
        Err(source) => Err(WorkspaceError::Member {
            member,
            name: workspace.workspace[member].name.clone(),
            source: Box::new(source),
        }),
    })
    .map_err(workspace_error)?;
    let members = members
        .into_iter()
        .map(|m| m.expect("every member is resolved"))
        .collect();
    Ok(Opened::Workspace(workspace, members))
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
    analysed_from_ron_str(text, path).map(|(scenario, _)| scenario)
}

/// `from_ron_str` with the analysis the check computed.
fn analysed_from_ron_str(text: &str, path: &Path) -> Result<(Scenario, Analysis), LoadError> {
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
    match validated(&scenario) {
        Ok(analysis) => Ok((scenario, analysis)),
        Err(source) => Err(LoadError::Invalid {
            path: path.to_owned(),
            at: locate(text, &source),
            item: crate::refusals::item_label(&scenario, &source),
            source: Box::new(source),
        }),
    }
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
pub fn open_any_noting(path: &Path) -> Result<(Opened, Fingerprint), LoadError> {
    // The bytes as they are on disk, a byte-order mark included: what a save compares with.
    let bytes = super::safe_file::read_bytes_bounded(path, MAX_FILE_BYTES)?;
    let fingerprint = Fingerprint::of(&bytes);
    let text = super::safe_file::text_of(path, bytes)?;
    Ok((open_any_str(&text, path)?, fingerprint))
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
