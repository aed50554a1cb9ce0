//! Writing so that a failure never destroys the previous version: a temporary beside the
//! target, synced and renamed over it, one writer at a time (a lock file), stale temporaries
//! of crashed writers removed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::read::{ReadError, file_kind, kind_tr};

/// Why a file could not be written. The previous file (if any) is as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: cannot save: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The name is taken by something that is not a file (a folder, a pipe): nothing replaced.
    #[error("{}: not saved: it is {kind}, not a file to replace", path.display())]
    NotAFile { path: PathBuf, kind: &'static str },
    /// The file is marked read-only.
    #[error(
        "{}: not saved: the file is read-only; save under another name or make it writable first",
        path.display()
    )]
    ReadOnly { path: PathBuf },
    /// The file as it is on disk cannot be read to compare it with what was opened.
    #[error("{0}")]
    Read(ReadError),
    /// Another program holds the file's writer lock (an import, a save in another window).
    #[error(
        "{}: not saved: another program is writing this file (its lock {} is held); try again when it has finished",
        path.display(),
        lock.display()
    )]
    Busy { path: PathBuf, lock: PathBuf },
    /// The file is no longer what was read or last saved: someone else saved over it.
    #[error(
        "{}: not saved: the file was changed by another program or person since it was opened; saving now would overwrite their change",
        path.display()
    )]
    ChangedOnDisk { path: PathBuf },
}

impl SaveError {
    /// The error in `lang`, starting with its file.
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Tr;
        match self {
            SaveError::Io { path, source } => Tr::CannotSave.fill(
                lang,
                &[&path.display(), &crate::refusals::io_words(source, lang)],
            ),
            SaveError::Busy { path, lock } => {
                Tr::SaveBusy.fill(lang, &[&path.display(), &lock.display()])
            }
            SaveError::ChangedOnDisk { path } => Tr::ChangedOnDisk.fill(lang, &[&path.display()]),
            SaveError::NotAFile { path, kind } => {
                Tr::SaveNotAFile.fill(lang, &[&path.display(), &kind_tr(kind).get(lang)])
            }
            SaveError::ReadOnly { path } => Tr::SaveReadOnly.fill(lang, &[&path.display()]),
            SaveError::Read(error) => error.in_lang(lang),
        }
    }
}

/// What a file held when it was read or written, to notice a change by someone else: its
/// size and a hash of its bytes (a time alone changes on a copy that changed nothing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
}

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Fingerprint {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        bytes.hash(&mut hasher);
        Fingerprint {
            len: bytes.len() as u64,
            hash: hasher.finish(),
        }
    }

    /// The fingerprint of the file `path` finally names now, or `None` where there is none.
    pub fn of_file(path: &Path) -> std::io::Result<Option<Fingerprint>> {
        let target = resolve_links(path)?;
        match std::fs::metadata(&target) {
            Ok(metadata) if metadata.is_file() => {
                Ok(Some(Fingerprint::of(&std::fs::read(&target)?)))
            }
            Ok(_) => Ok(None),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }
}

/// How long a writer waits for another to finish before it stops with `SaveError::Busy`: an
/// import or a save takes milliseconds, so this is long only for a stuck one.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// The advisory lock of one file's writers, held until dropped: every save of a scenario or
/// workspace file, and an import from its read to its write, holds it, so two writers never
/// interleave and neither overwrites the other's change.
///
/// It is a lock on `.NAME.lock` beside the file rather than on the file itself, since a save
/// renames a new file over the old one (a lock on the old one would guard nothing), and the
/// lock file stays: removing it would let a third writer lock a new one while a second still
/// waits on the removed one.
#[derive(Debug)]
pub struct WriteLock {
    _file: std::fs::File,
    target: PathBuf,
}

impl WriteLock {
    /// The file the lock guards (links followed).
    pub fn target(&self) -> &Path {
        &self.target
    }
}

/// Where the writer lock of `target` is.
fn lock_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.lock"))
}

/// Takes the writer lock of the file `path` names, waiting up to `wait` for another writer.
pub fn lock_writers(path: &Path, wait: std::time::Duration) -> Result<WriteLock, SaveError> {
    let fail = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    let target = resolve_links(path).map_err(fail)?;
    let lock = lock_path(&target);
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    // Writable by whoever may write the folder (the umask still applies), so a colleague in a
    // shared folder can take it too.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o666);
    // Hidden in Explorer, as the leading dot hides it elsewhere.
    #[cfg(windows)]
    std::os::windows::fs::OpenOptionsExt::attributes(&mut options, 0x2);
    let file = match options.open(&lock) {
        Ok(file) => file,
        // Someone else's lock file that this user may only read: a lock on a read-only handle
        // works as well.
        Err(error) if error.kind() == std::io::ErrorKind::PermissionDenied => {
            std::fs::File::open(&lock).map_err(|_| fail(error))?
        }
        Err(error) => return Err(fail(error)),
    };
    let start = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => {
                return Ok(WriteLock {
                    _file: file,
                    target,
                });
            }
            Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(SaveError::Busy {
                    path: path.to_owned(),
                    lock,
                });
            }
            Err(std::fs::TryLockError::Error(error)) => return Err(fail(error)),
        }
    }
}

/// Temporary files of writes beside `target` that were killed before they could remove them:
/// `.NAME.PID-N-NANOS.tmp` (and the backup's) of a process that no longer runs, or older than
/// any write takes. Called with the writer lock held, so no live save of this file is among them.
fn remove_stale_temporaries(target: &Path) {
    const STALE: std::time::Duration = std::time::Duration::from_secs(10 * 60);
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let folder = match target.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let prefixes = [format!(".{name}.bak."), format!(".{name}.")];
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let pid = prefixes.iter().find_map(|prefix| {
            let stem = file_name.strip_prefix(prefix)?.strip_suffix(".tmp")?;
            let parts: Vec<&str> = stem.split('-').collect();
            let [pid, count, nanos] = parts.as_slice() else {
                return None;
            };
            (count.parse::<u64>().is_ok() && nanos.parse::<u64>().is_ok())
                .then(|| pid.parse::<u32>().ok())
                .flatten()
        });
        let Some(pid) = pid.filter(|pid| *pid != std::process::id()) else {
            continue;
        };
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if old || !process_runs(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether a process with this id runs now, where the system says so cheaply (Linux); elsewhere
/// assumed so, and a temporary file is removed by its age alone.
fn process_runs(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Whether a write keeps the previous version as `FILE.bak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    /// Scenario and workspace files: the previous version is kept beside the new one.
    Keep,
    /// Exports, which can be made again from the scenario.
    None,
}

/// Where a write keeps the previous version of `path`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// The file a path finally names: a symbolic link is followed (a chain too), so that saving
/// through a link updates the file it points at instead of replacing the link.
fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_owned();
    // The limit of most systems (ELOOP); a loop of links ends here with an error.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) if target.is_relative() => folder.join(target),
                    _ => target,
                };
            }
            // An ordinary file, or nothing yet: write there.
            Ok(_) => return Ok(current),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(current),
            Err(error) => return Err(error),
        }
    }
    Err(std::io::Error::other(
        "too many levels of symbolic links (a loop?)",
    ))
}

/// A temporary file beside `target` with a name no other writer uses: process id, a counter
/// and a clock reading, created with `create_new` so two saves can never share one.
fn create_temporary(target: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    loop {
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let temporary = target.with_file_name(format!(
            ".{name}.{}-{count}-{nanos}.tmp",
            std::process::id()
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => return Ok((temporary, file)),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
}

/// Flushes a folder's entries (the rename) to disk. Windows has no handle for that; its rename
/// is flushed with the file.
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let folder = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        std::fs::File::open(folder)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

/// Writes `bytes` to `path` without ever losing the previous file: the bytes go to a uniquely
/// named temporary file in the same folder with the old file's permissions, which is flushed to
/// disk; with `Backup::Keep` the previous file is copied to `FILE.bak`; then the temporary file
/// is renamed over the old one (atomic on the same file system) and the folder is flushed. A
/// symbolic link is followed and its target replaced. If any step fails, the old file is as it
/// was and the temporary file is removed.
///
/// Temporary files of earlier writes of this file that were killed are removed first.
pub fn write_atomically(path: &Path, bytes: &[u8], backup: Backup) -> Result<(), SaveError> {
    let fail = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    let target = resolve_links(path).map_err(fail)?;
    remove_stale_temporaries(&target);
    let existing = match std::fs::metadata(&target) {
        Ok(metadata) if metadata.is_file() => Some(metadata),
        Ok(metadata) => {
            return Err(SaveError::NotAFile {
                path: path.to_owned(),
                kind: file_kind(metadata.file_type()),
            });
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(fail(error)),
    };
    if existing
        .as_ref()
        .is_some_and(|metadata| metadata.permissions().readonly())
    {
        return Err(SaveError::ReadOnly {
            path: path.to_owned(),
        });
    }
    let (temporary, mut file) = create_temporary(&target).map_err(fail)?;
    let mut backup_temporary = None;
    let written = (|| {
        if let Some(metadata) = &existing {
            file.set_permissions(metadata.permissions())?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        if existing.is_some() && backup == Backup::Keep {
            // The backup is written beside and renamed too, so a crash while copying never
            // leaves a half `.bak` in place of the last good one.
            let backup = backup_path(&target);
            let (copy, copy_file) = create_temporary(&backup)?;
            drop(copy_file);
            backup_temporary = Some(copy.clone());
            std::fs::copy(&target, &copy)?;
            std::fs::rename(&copy, &backup)?;
            backup_temporary = None;
        }
        std::fs::rename(&temporary, &target)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
        if let Some(copy) = backup_temporary {
            let _ = std::fs::remove_file(copy);
        }
    }
    written.map_err(fail)?;
    // The new file is in place; a folder that cannot be flushed (some file systems refuse)
    // does not make the save a failure.
    if let Err(error) = sync_folder(target.parent().unwrap_or(Path::new("."))) {
        let lang = crate::i18n::Lang::from_environment();
        crate::io::say(&crate::i18n::Tr::FolderNotFlushed.fill(
            lang,
            &[&target.display(), &crate::refusals::io_words(&error, lang)],
        ));
    }
    Ok(())
}
