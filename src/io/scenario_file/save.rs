//! Saving a scenario or workspace: atomically, under a lock, keeping a backup and, for a file written by hand, its original.

use super::*;

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
            crate::io::safe_file::read_bytes_bounded(target, MAX_FILE_BYTES)
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
pub(super) fn in_own_layout(bytes: &[u8]) -> bool {
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
