//! File dialogs behind a trait (rfd needs a desktop portal, which tests and Xvfb do not have),
//! and the recovery folder where unsaved work is autosaved.

use std::path::{Path, PathBuf};

use crate::io;
use crate::model::Scenario;

/// Asks the user for paths. The window uses native dialogs; tests script the answers.
pub trait FileDialogs {
    fn pick_scenario(&self) -> Option<PathBuf>;
    /// Where to save a file; `extension` without the dot ("ron", "csv", "xlsx", "png").
    fn pick_save(&self, suggested_name: &str, extension: &str) -> Option<PathBuf>;
}

/// Native dialogs through rfd (xdg-desktop-portal on Linux).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_scenario(&self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("ecoplan scenario (*.ron)", &["ron"])
            .pick_file()
    }

    fn pick_save(&self, suggested_name: &str, extension: &str) -> Option<PathBuf> {
        let path = rfd::FileDialog::new()
            .add_filter(extension, &[extension])
            .set_file_name(suggested_name)
            .save_file()?;
        // Dialogs on some desktops drop the extension the filter implies.
        Some(if path.extension().is_none() {
            path.with_extension(extension)
        } else {
            path
        })
    }
}

/// Where unsaved work goes while the program runs, so a crash loses at most the last 30 s.
#[derive(Clone, Debug)]
pub struct Recovery {
    dir: PathBuf,
}

/// Work found in the recovery folder at start.
#[derive(Clone, Debug)]
pub struct RecoveredWork {
    /// A scenario, or a whole workspace.
    pub loaded: io::Loaded,
    /// The file the work belonged to, if it had one.
    pub origin: Option<PathBuf>,
}

impl Recovery {
    pub fn new(dir: PathBuf) -> Recovery {
        Recovery { dir }
    }

    /// The platform's data folder for ecoplan (`~/.local/share/ecoplan/recovery` on Linux).
    pub fn in_data_dir() -> Option<Recovery> {
        eframe::storage_dir("ecoplan").map(|dir| Recovery::new(dir.join("recovery")))
    }

    fn scenario_path(&self) -> PathBuf {
        self.dir.join("unsaved.ron")
    }

    fn origin_path(&self) -> PathBuf {
        self.dir.join("unsaved.origin")
    }

    /// Writes a scenario (atomically, like a save).
    pub fn write(&self, scenario: &Scenario, origin: Option<&Path>) -> Result<(), String> {
        self.write_text(&io::to_ron_string(scenario), origin)
    }

    /// Writes a scenario's or a workspace's text.
    pub fn write_text(&self, text: &str, origin: Option<&Path>) -> Result<(), String> {
        std::fs::create_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        io::save_text(text, &self.scenario_path()).map_err(|e| e.to_string())?;
        let origin = origin.map(|p| p.display().to_string()).unwrap_or_default();
        std::fs::write(self.origin_path(), origin)
            .map_err(|e| format!("{}: {e}", self.origin_path().display()))?;
        // The backup of the previous autosave is not worth keeping.
        let _ = std::fs::remove_file(io::scenario_file::backup_path(&self.scenario_path()));
        Ok(())
    }

    /// Forgets the work: it was saved or deliberately discarded.
    pub fn clear(&self) {
        for path in [self.scenario_path(), self.origin_path()] {
            let _ = std::fs::remove_file(path);
        }
    }

    /// Work left by a session that did not end cleanly.
    pub fn find(&self) -> Option<RecoveredWork> {
        let loaded = io::load_any(&self.scenario_path()).ok()?;
        let origin = std::fs::read_to_string(self.origin_path())
            .ok()
            .filter(|text| !text.trim().is_empty())
            .map(|text| PathBuf::from(text.trim()));
        Some(RecoveredWork { loaded, origin })
    }
}
