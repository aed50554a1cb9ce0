//! The recovery folder where unsaved work is autosaved, one session per running instance.

use std::path::{Path, PathBuf};

use crate::io;
use crate::model::Scenario;

/// Where unsaved work goes while the program runs, so a crash loses at most the last 30 s.
///
/// Each running instance has a session of its own in the recovery folder: `ID.lock`, locked for
/// as long as the instance runs, `ID.ron` with the unsaved work and `ID.origin` with the file it
/// belonged to. No instance touches another's session while that one holds its lock; a session
/// whose lock can be taken belonged to an instance that ended without cleaning up (a crash, a
/// `kill -9`, a power cut), and its work is offered back.
pub struct Recovery {
    dir: PathBuf,
    session: Session,
}

/// One instance's files in the recovery folder, with its lock held.
#[derive(Debug)]
pub struct Session {
    id: String,
    /// `None` only while being dropped.
    lock: Option<std::fs::File>,
}

/// Work found in the recovery folder at start, claimed (locked) by this instance while offered.
#[derive(Debug)]
pub struct RecoveredWork {
    /// A scenario, or a whole workspace.
    pub loaded: io::Loaded,
    /// The file the work belonged to, if it had one.
    pub origin: Option<PathBuf>,
    /// When it was last autosaved.
    pub saved_at: Option<std::time::SystemTime>,
    session: Session,
}

impl RecoveredWork {
    /// The recovery file itself, for `--recover` and for messages.
    pub fn file(&self, dir: &Path) -> PathBuf {
        dir.join(format!("{}.ron", self.session.id))
    }
}

/// What the recovery folder held at start.
#[derive(Debug, Default)]
pub struct RecoveryScan {
    /// Orphaned work, oldest first.
    pub orphans: Vec<RecoveredWork>,
    /// Recovery files that could not be read: each was moved aside, never deleted, and this
    /// says where.
    pub unreadable: Vec<String>,
}

fn session_file(dir: &Path, id: &str, extension: &str) -> PathBuf {
    dir.join(format!("{id}.{extension}"))
}

/// Removes a session's work and the note of where it came from.
fn remove_work(dir: &Path, id: &str) {
    for extension in ["ron", "origin"] {
        let _ = std::fs::remove_file(session_file(dir, id, extension));
    }
}

impl Session {
    /// A new session with a unique id, its lock file created and locked.
    fn create(dir: &Path) -> std::io::Result<Session> {
        loop {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let id = format!("session-{nanos}-{}", std::process::id());
            let lock = match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(session_file(dir, &id, "lock"))
            {
                Ok(file) => file,
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(error) => return Err(error),
            };
            match lock.try_lock() {
                Ok(()) => {
                    return Ok(Session {
                        id,
                        lock: Some(lock),
                    });
                }
                // Another instance scanning took it for a moment: take a new id.
                Err(std::fs::TryLockError::WouldBlock) => continue,
                Err(std::fs::TryLockError::Error(error)) => return Err(error),
            }
        }
    }

    /// Takes the session `id` if no running instance holds it.
    fn claim(dir: &Path, id: &str) -> std::io::Result<Option<Session>> {
        let lock = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(session_file(dir, id, "lock"))?;
        match lock.try_lock() {
            Ok(()) => Ok(Some(Session {
                id: id.to_owned(),
                lock: Some(lock),
            })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(error)) => Err(error),
        }
    }

    /// Removes the session's files (the work was saved or discarded) and its lock.
    fn remove(mut self, dir: &Path) {
        remove_work(dir, &self.id);
        // Unlock before removing: Windows refuses to remove an open file.
        drop(self.lock.take());
        let _ = std::fs::remove_file(session_file(dir, &self.id, "lock"));
    }
}

impl Recovery {
    /// Opens this instance's session in `dir` and claims every orphaned session there.
    /// Opens the folder with a session of this instance's; what it found is said in `lang`.
    pub fn open(
        dir: PathBuf,
        lang: crate::i18n::Lang,
    ) -> std::io::Result<(Recovery, RecoveryScan)> {
        std::fs::create_dir_all(&dir)?;
        let session = Session::create(&dir)?;
        let scan = scan(&dir, &session.id, lang);
        Ok((Recovery { dir, session }, scan))
    }

    /// The platform's data folder for ecoplan (`~/.local/share/ecoplan/recovery` on Linux).
    pub fn data_dir() -> Option<PathBuf> {
        eframe::storage_dir("ecoplan").map(|dir| dir.join("recovery"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn work_path(&self) -> PathBuf {
        session_file(&self.dir, &self.session.id, "ron")
    }

    /// Whether this instance has work in the recovery folder now.
    pub fn holds_work(&self) -> bool {
        self.work_path().is_file()
    }

    /// Writes a scenario (atomically, like a save).
    pub fn write(&self, scenario: &Scenario, origin: Option<&Path>) -> Result<(), io::SaveError> {
        self.write_text(&io::to_ron_string(scenario), origin)
    }

    /// Writes a scenario's or a workspace's text.
    pub fn write_text(&self, text: &str, origin: Option<&Path>) -> Result<(), io::SaveError> {
        let origin = origin.map(|p| p.display().to_string()).unwrap_or_default();
        io::write_atomically(
            &session_file(&self.dir, &self.session.id, "origin"),
            origin.as_bytes(),
            io::Backup::None,
        )?;
        io::write_atomically(&self.work_path(), text.as_bytes(), io::Backup::None)
    }

    /// Forgets this instance's work: it was saved or deliberately discarded.
    pub fn clear(&self) {
        remove_work(&self.dir, &self.session.id);
    }

    /// Makes restored work this instance's session: its file stays where it is and receives the
    /// autosaves from now on, until the work is saved or discarded, so a crash after restoring
    /// offers it again. This instance's own (empty) session is removed.
    pub fn adopt(&mut self, work: RecoveredWork) {
        let own = std::mem::replace(&mut self.session, work.session);
        own.remove(&self.dir);
    }

    /// Deletes orphaned work the user chose to discard.
    pub fn discard(&self, work: RecoveredWork) {
        work.session.remove(&self.dir);
    }

    /// Claims the orphaned session whose work is `file` (for `ecoplan --recover FILE`, which
    /// restores a second orphan in a window of its own). Only a recovery file of `dir` is
    /// accepted: any other path would make its folder a recovery folder, and its files orphans.
    pub fn claim(
        dir: &Path,
        file: &Path,
        lang: crate::i18n::Lang,
    ) -> Result<RecoveredWork, String> {
        use crate::i18n::Tr;
        let not_recovery = || Tr::NotARecoveryFile.fill(lang, &[&file.display(), &dir.display()]);
        let canonical = |path: &Path| std::fs::canonicalize(path).map_err(|_| not_recovery());
        let (file_dir, own_dir) = (
            canonical(file.parent().unwrap_or(Path::new(".")))?,
            canonical(dir)?,
        );
        let id = file
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(|name| name.strip_suffix(".ron"))
            .filter(|id| is_session_id(id))
            .ok_or_else(not_recovery)?;
        if file_dir != own_dir {
            return Err(not_recovery());
        }
        let session = Session::claim(dir, id)
            .map_err(|e| {
                format!(
                    "{}: {}",
                    file.display(),
                    crate::refusals::io_words(&e, lang)
                )
            })?
            .ok_or_else(|| Tr::RecoveryHeldElsewhere.fill(lang, &[&file.display()]))?;
        load_session(dir, session).map_err(|(error, session)| {
            drop(session);
            error.in_lang(lang)
        })
    }
}

/// Whether a file stem names a recovery session: ours, or the single file of earlier versions.
fn is_session_id(id: &str) -> bool {
    id == LEGACY_ID || id.starts_with("session-")
}

/// The recovery file earlier versions wrote, shared by every instance.
const LEGACY_ID: &str = "unsaved";

/// A lock file this old without work beside it belongs to no starting instance: tidied away.
/// (A younger one may be an instance between creating its lock and writing its first work.)
const STALE_LOCK_AGE: std::time::Duration = std::time::Duration::from_secs(600);

impl Drop for Recovery {
    /// A clean exit with nothing unsaved leaves nothing behind; unsaved work stays for the next
    /// start (its lock is released with the process either way).
    fn drop(&mut self) {
        if !self.holds_work() {
            let own = Session {
                id: self.session.id.clone(),
                lock: self.session.lock.take(),
            };
            own.remove(&self.dir);
        }
    }
}

/// Reads a claimed session's work; on failure gives the session back with the error.
fn load_session(
    dir: &Path,
    session: Session,
) -> Result<RecoveredWork, (Box<io::LoadError>, Session)> {
    let work = session_file(dir, &session.id, "ron");
    match io::load_any(&work) {
        Ok(loaded) => {
            let origin = std::fs::read_to_string(session_file(dir, &session.id, "origin"))
                .ok()
                .filter(|text| !text.trim().is_empty())
                .map(|text| PathBuf::from(text.trim()));
            let saved_at = std::fs::metadata(&work).and_then(|m| m.modified()).ok();
            Ok(RecoveredWork {
                loaded,
                origin,
                saved_at,
                session,
            })
        }
        Err(error) => Err((Box::new(error), session)),
    }
}

/// Every orphaned session in `dir` except `own`, claimed; unreadable work is moved to
/// `dir/unreadable/` and named. Lock files left without work are tidied away.
fn scan(dir: &Path, own: &str, lang: crate::i18n::Lang) -> RecoveryScan {
    let mut result = RecoveryScan::default();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return result;
    };
    let mut ids: Vec<(std::time::SystemTime, String)> = Vec::new();
    let mut stale_locks = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
            continue;
        };
        if id == own || !is_session_id(&id) {
            continue;
        }
        let modified = entry
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(std::time::UNIX_EPOCH);
        match path.extension().and_then(|e| e.to_str()) {
            Some("ron") => ids.push((modified, id)),
            Some("lock")
                if !session_file(dir, &id, "ron").exists()
                    && modified.elapsed().is_ok_and(|age| age > STALE_LOCK_AGE) =>
            {
                stale_locks.push(id)
            }
            _ => {}
        }
    }
    for id in stale_locks {
        if let Ok(Some(session)) = Session::claim(dir, &id) {
            session.remove(dir);
        }
    }
    ids.sort();
    for (_, id) in ids {
        let Ok(Some(session)) = Session::claim(dir, &id) else {
            // A running instance's work, or a folder we cannot lock in: not ours to offer.
            continue;
        };
        match load_session(dir, session) {
            Ok(work) => result.orphans.push(work),
            // Work saved by a newer ecoplan is not damaged: it stays for that version.
            Err((error, session)) if matches!(*error, io::LoadError::NewerVersion { .. }) => {
                result.unreadable.push(error.in_lang(lang));
                drop(session);
            }
            Err((error, session)) => match set_aside(dir, &session.id, lang) {
                Ok(kept) => {
                    let error = error.in_lang(lang);
                    result
                        .unreadable
                        .push(format!("{error} → {}", kept.display()));
                    session.remove(dir);
                }
                // Left in place, to be named again at the next start.
                Err(why) => {
                    let error = error.in_lang(lang);
                    result.unreadable.push(format!("{error} — {why}"));
                }
            },
        }
    }
    result
}

/// Moves an unreadable recovery file (and its origin) to `dir/unreadable/` under a name no
/// earlier file there has; returns where.
fn set_aside(dir: &Path, id: &str, lang: crate::i18n::Lang) -> Result<PathBuf, String> {
    let aside = dir.join("unreadable");
    let from = session_file(dir, id, "ron");
    let fail = |error: std::io::Error| {
        crate::i18n::Tr::CannotSetAside.fill(
            lang,
            &[&from.display(), &crate::refusals::io_words(&error, lang)],
        )
    };
    std::fs::create_dir_all(&aside).map_err(fail)?;
    let stem = (0..)
        .map(|n| {
            if n == 0 {
                id.to_owned()
            } else {
                format!("{id}-{n}")
            }
        })
        .find(|stem| !aside.join(format!("{stem}.ron")).exists())
        .expect("some name is free");
    let to = aside.join(format!("{stem}.ron"));
    std::fs::rename(&from, &to).map_err(fail)?;
    let _ = std::fs::rename(
        session_file(dir, id, "origin"),
        aside.join(format!("{stem}.origin")),
    );
    Ok(to)
}
