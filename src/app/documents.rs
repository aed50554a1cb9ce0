//! Files: new, open, save (a scenario or the whole workspace), save as, revert, exports, and the
//! autosave to the recovery folder. One function names the file the work belongs to, so the
//! title and the status bar always agree.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::dialogs::PathPurpose;
use super::files::Picked;
use super::launch::{members_from, open_file};
use super::{AUTOSAVE_EVERY, EcoplanApp, Members, Pending};
use crate::document::{Document, Edit};
use crate::i18n::Tr;
use crate::io;
use crate::io::export::Table;

/// What the user answered to the questions a save asks: overwrite a file someone else changed,
/// store whole the members whose changes no change list holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaveAnswers {
    pub overwrite: bool,
    pub detach: bool,
}

impl EcoplanApp {
    /// Asks before replacing unsaved work.
    pub fn request(&mut self, ctx: &egui::Context, action: Pending) {
        if self.any_dirty() {
            self.pending = Some(action);
        } else {
            self.perform(ctx, action);
        }
    }

    pub(super) fn perform(&mut self, ctx: &egui::Context, action: Pending) {
        match action {
            Pending::New(scenario) => {
                let doc = Document::new(*scenario, None).expect("a new scenario is valid");
                self.replace_document(doc, None);
            }
            Pending::Open(path) => self.open(&path),
            Pending::Quit => {
                if let Some(recovery) = &self.recovery {
                    recovery.clear();
                }
                self.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Asks for a path: the native dialog, or where it cannot open, a field in the window
    /// that says why. The answer goes to `path_chosen`.
    pub(super) fn ask_path(&mut self, purpose: PathPurpose, suggested: &str) {
        let picked = match purpose {
            PathPurpose::Open => self.dialogs.pick_scenario(),
            PathPurpose::Import => self.dialogs.pick_table(),
            PathPurpose::SaveAs
            | PathPurpose::Export(_)
            | PathPurpose::Report
            | PathPurpose::SaveChart(_) => self.dialogs.pick_save(suggested, purpose.extension()),
        };
        match picked {
            Picked::Path(path) => self.path_chosen(purpose, path),
            Picked::Cancelled => {}
            Picked::Unavailable(why) => {
                let text = match purpose {
                    PathPurpose::Open | PathPurpose::Import => self.suggested_path(""),
                    PathPurpose::SaveAs
                    | PathPurpose::Export(_)
                    | PathPurpose::Report
                    | PathPurpose::SaveChart(_) => self.suggested_path(suggested),
                };
                self.modal = Some(super::dialogs::Modal::PathPrompt {
                    purpose,
                    text,
                    why,
                    then: None,
                });
            }
        }
    }

    /// The name files of this work are offered under: its file's, else its scenario's name
    /// (白鹭区) with what no file system takes left out, else "scenario".
    pub(super) fn file_stem(&self) -> String {
        if let Some(stem) = self.current_file().and_then(Path::file_stem) {
            return stem.to_string_lossy().into_owned();
        }
        let name: String = self
            .doc
            .scenario()
            .metadata
            .name
            .chars()
            .filter(|c| !c.is_control() && !r#"<>:"/\|?*"#.contains(*c))
            .take(80)
            .collect();
        let name = name.trim().trim_end_matches('.');
        if name.is_empty() {
            "scenario".to_owned()
        } else {
            name.to_owned()
        }
    }

    /// A whole path to start the typed path from: the folder of the work's file, or the home
    /// folder, with `name`.
    fn suggested_path(&self, name: &str) -> String {
        let folder = self
            .current_file()
            .and_then(Path::parent)
            .map(Path::to_owned)
            .or_else(|| {
                std::env::var_os("HOME")
                    .or_else(|| std::env::var_os("USERPROFILE"))
                    .map(PathBuf::from)
            })
            .and_then(|folder| std::path::absolute(folder).ok())
            .unwrap_or_default();
        folder.join(name).display().to_string()
    }

    /// Carries out what a path was asked for. A path to save or export without an extension
    /// gets the one its purpose needs; an export with another extension is refused, since the
    /// extension decides what an export writes. A file to open is taken as named.
    pub(super) fn path_chosen(&mut self, purpose: PathPurpose, path: PathBuf) {
        let needed = purpose.extension();
        let path = match purpose {
            PathPurpose::Open | PathPurpose::Import => path,
            PathPurpose::SaveAs
            | PathPurpose::Export(_)
            | PathPurpose::Report
            | PathPurpose::SaveChart(_)
                if path.extension().is_none() =>
            {
                path.with_extension(needed)
            }
            PathPurpose::SaveAs
            | PathPurpose::Export(_)
            | PathPurpose::Report
            | PathPurpose::SaveChart(_) => path,
        };
        let exporting = matches!(
            purpose,
            PathPurpose::Export(_) | PathPurpose::Report | PathPurpose::SaveChart(_)
        );
        let matches = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case(needed));
        if exporting && !matches {
            self.message = Some(Tr::NameMustEndIn.fill(self.lang(), &[&path.display(), &needed]));
            return;
        }
        match purpose {
            PathPurpose::Open => self.pending_open(path),
            PathPurpose::Import => self.read_import(path),
            PathPurpose::SaveAs => {
                self.save_to(path);
            }
            PathPurpose::Export(table) => self.export_to(table, &path),
            // The extension picks the report.
            PathPurpose::Report => self.export_to(None, &path),
            PathPurpose::SaveChart(spec) => {
                let lang = self.lang();
                let result = io::chart_png::write_png(&spec, &path)
                    .map(|undrawable| io::export::Exported { undrawable })
                    .map_err(|error| error.in_lang(lang, &path));
                self.report_written(result, &path);
            }
        }
    }

    /// Opens `path` once unsaved work is saved or discarded. (No context is needed: closing the
    /// window is the only pending action that uses one, and opening never closes it.)
    fn pending_open(&mut self, path: PathBuf) {
        if self.any_dirty() {
            self.pending = Some(Pending::Open(path));
        } else {
            self.open(&path);
        }
    }

    /// Opens a scenario or workspace file; a file that fails to load leaves the current work
    /// untouched.
    pub fn open(&mut self, path: &Path) {
        match open_file(path) {
            Ok((doc, members, on_disk)) => {
                self.replace_document(doc, members);
                self.on_disk = Some(on_disk);
                self.state.remember_file(path);
            }
            Err(error) => self.open_error = Some(error.in_lang(self.lang())),
        }
    }

    /// Whether any scenario of the workspace, or the workspace's shape, has unsaved changes.
    pub fn any_dirty(&self) -> bool {
        self.doc.is_dirty()
            || self.members.shape_is_dirty()
            || self
                .members
                .slots
                .iter()
                .any(|s| s.doc.as_ref().is_some_and(Document::is_dirty))
    }

    /// The file the work in the window belongs to: the workspace file, or the scenario's.
    pub fn current_file(&self) -> Option<&Path> {
        if self.members.is_workspace() {
            self.members.path.as_deref()
        } else {
            self.doc.path.as_deref()
        }
    }

    pub(super) fn replace_document(&mut self, doc: Document, members: Option<Members>) {
        self.members = members.unwrap_or_else(|| Members::single(&doc.scenario().metadata.name));
        self.doc = doc;
        self.on_disk = None;
        self.history.clear();
        self.future.clear();
        self.message = None;
        self.presentation = None;
        if let Some(recovery) = &self.recovery {
            recovery.clear();
        }
    }

    /// Saves to the file the work belongs to, or asks where. Returns whether the work is now
    /// saved (false also while a path is still being typed in the window).
    pub fn save(&mut self) -> bool {
        match self.current_file().map(Path::to_owned) {
            Some(path) => self.save_to(path),
            None => self.save_as(),
        }
    }

    /// Asks where, then saves the scenario, or the whole workspace when there are several.
    /// Returns whether the work is now saved (false while the path is still being typed).
    pub fn save_as(&mut self) -> bool {
        // Offered under the work's name: its file's, or its scenario's (白鹭区.ron).
        let suggested = format!("{}.ron", self.file_stem());
        self.ask_path(PathPurpose::SaveAs, &suggested);
        self.modal.is_none() && !self.any_dirty()
    }

    /// Writes the scenario, or the whole workspace, to `path`; refused where the file is its
    /// own and someone else changed it since it was opened or saved here (the user is asked).
    fn save_to(&mut self, path: PathBuf) -> bool {
        self.write_to(path, SaveAnswers::default())
    }

    /// Saves with what the user answered to the questions a save may ask.
    pub(super) fn save_answered(&mut self, path: PathBuf, answers: SaveAnswers) -> bool {
        self.write_to(path, answers)
    }

    fn write_to(&mut self, path: PathBuf, answers: SaveAnswers) -> bool {
        use super::dialogs::Modal;
        let expected = self
            .on_disk
            .filter(|_| !answers.overwrite && self.current_file() == Some(path.as_path()));
        let mut detached = Vec::new();
        let text = if self.members.is_workspace() {
            let views = self.member_views();
            detached = self.members.detached(|i| views[i].1);
            if !detached.is_empty() && !answers.detach {
                self.modal = Some(Modal::Detach {
                    path,
                    names: detached,
                    answers,
                    then: None,
                });
                return false;
            }
            io::workspace_to_ron_string(&self.members.to_workspace(|i| views[i].1))
        } else {
            io::to_ron_string(self.doc.scenario())
        };
        let saved = io::lock_writers(&path, io::LOCK_WAIT)
            .and_then(|lock| io::save_text_locked(&text, &path, &lock, expected));
        match saved {
            Err(io::SaveError::ChangedOnDisk { .. }) => {
                self.modal = Some(Modal::ChangedOnDisk {
                    path,
                    answers,
                    then: None,
                });
                false
            }
            Ok(saved) => {
                self.on_disk = Some(saved.fingerprint);
                if self.members.is_workspace() {
                    self.members.path = Some(path.clone());
                } else {
                    self.doc.path = Some(path.clone());
                }
                self.doc.mark_saved();
                for slot in &mut self.members.slots {
                    if let Some(doc) = &mut slot.doc {
                        doc.mark_saved();
                    }
                }
                // Saved whole, a detached member no longer inherits: the window says what the
                // file holds.
                for slot in &mut self.members.slots {
                    if detached.contains(&slot.name) {
                        slot.parent = None;
                    }
                }
                self.members.mark_shape_saved();
                self.state.remember_file(&path);
                self.message = None;
                let lang = self.lang();
                self.notice = Some(match &saved.original {
                    Some(original) => {
                        Tr::OriginalKept.fill(lang, &[&path.display(), &original.display()])
                    }
                    None => {
                        crate::i18n::lead(lang, Tr::SavedTo.get(lang), &path.display().to_string())
                    }
                });
                if let Some(recovery) = &self.recovery {
                    recovery.clear();
                }
                true
            }
            Err(error) => {
                // The file on disk and the work in memory are both as they were.
                self.message = Some(error.in_lang(self.lang()));
                false
            }
        }
    }

    /// Reloads the scenario's file from disk; undoable like any edit.
    pub(super) fn revert(&mut self) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        match io::load(&path) {
            Ok(scenario) => {
                let edit = Edit::ReplaceScenario {
                    scenario: Box::new(scenario),
                };
                match self.apply_to_current(edit, false) {
                    Ok(()) => {
                        self.doc.mark_saved();
                        // What was read is the file now: a save after it is no overwrite.
                        self.on_disk = io::Fingerprint::of_file(&path).ok().flatten();
                    }
                    Err(reason) => self.message = Some(reason.in_lang(self.lang())),
                }
            }
            Err(error) => self.open_error = Some(error.in_lang(self.lang())),
        }
    }

    pub(super) fn export_table(&mut self, table: Option<Table>) {
        let suffix = match table {
            None => ".xlsx",
            Some(Table::Projection) => "-projection.csv",
            Some(Table::Capacity) => "-capacity.csv",
            Some(Table::Targets) => "-targets.csv",
            Some(Table::Indicators) => "-indicator-values.xlsx",
        };
        let name = format!("{}{suffix}", self.file_stem());
        self.ask_path(PathPurpose::Export(table), &name);
    }

    /// The last Monte Carlo run, where it was of this very scenario: the chapter's frame set in
    /// the export dialog changes nothing the run drew.
    pub(super) fn last_run(&self) -> Option<&crate::engine::uncertainty::UncertaintyResult> {
        self.uncertainty
            .status
            .last
            .as_ref()
            .filter(|(scenario, _)| scenario.same_but_chapter(self.doc.scenario()))
            .map(|(_, result)| result)
    }

    fn export_to(&mut self, table: Option<Table>, path: &Path) {
        let uncertainty = self.last_run();
        // A workspace's chapter compares its scenarios.
        let members = self.member_views();
        let compared: &[_] = if members.len() >= 2 { &members } else { &[] };
        let result = io::export::export(
            io::export::Source {
                scenario: self.doc.scenario(),
                analysis: self.doc.analysis(),
                file: self.current_file(),
                uncertainty,
                compared,
            },
            self.lang(),
            table.unwrap_or(Table::Projection),
            None,
            path,
        );
        let lang = self.lang();
        self.report_written(result.map_err(|error| error.in_lang(lang)), path);
    }

    /// Says in the status bar what was written, or why not; characters its charts drew as
    /// blanks are said as the message, so they are not missed.
    fn report_written(&mut self, result: Result<io::export::Exported, String>, path: &Path) {
        let lang = self.lang();
        match result {
            Ok(exported) => {
                self.notice = Some(crate::i18n::lead(
                    lang,
                    Tr::Exported.get(lang),
                    &path.display().to_string(),
                ));
                if let Some(warning) = exported.warning(path, lang) {
                    self.message = Some(warning);
                }
            }
            Err(error) => self.message = Some(error),
        }
    }

    /// Puts recovered work back, marked unsaved, with the file it belonged to. Its recovery file
    /// becomes this instance's: it stays, and takes the autosaves, until the work is saved or
    /// discarded.
    pub fn restore(&mut self, work: super::RecoveredWork) {
        let restored = match &work.loaded {
            io::Loaded::Scenario(scenario) => {
                Document::new((**scenario).clone(), work.origin.clone())
                    .map(|doc| (doc, None))
                    .map_err(|error| error.in_lang(self.lang()))
            }
            io::Loaded::Workspace(workspace) => members_from(workspace, work.origin.clone())
                .map(|(doc, members)| (doc, Some(members)))
                .map_err(|error| error.in_lang(self.lang())),
        };
        let (mut doc, members) = match restored {
            Ok(restored) => restored,
            Err(error) => {
                // The claim is let go and the file stays for the next start.
                self.open_error = Some(error);
                return;
            }
        };
        doc.mark_unsaved();
        let members = members.map(|mut members| {
            for slot in &mut members.slots {
                if let Some(doc) = &mut slot.doc {
                    doc.mark_unsaved();
                }
            }
            members
        });
        self.replace_document(doc, members);
        self.restored_here = true;
        if let Some(recovery) = &mut self.recovery {
            recovery.adopt(work);
        }
    }

    /// What the work is called: a workspace's member by the name the navigator shows, a single
    /// scenario by its own.
    pub fn display_name(&self) -> &str {
        if self.members.is_workspace() {
            self.members.current_name()
        } else {
            &self.doc.scenario().metadata.name
        }
    }

    /// The window title: the file's name (or the work's), and ● while unsaved.
    pub fn title(&self) -> String {
        let name = self.current_file().and_then(Path::file_name).map_or_else(
            || self.display_name().to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mark = if self.any_dirty() { " ●" } else { "" };
        format!("{name}{mark} — ecoplan")
    }

    /// Autosaves every `AUTOSAVE_EVERY` while there is unsaved work, also when the window sits
    /// idle: eframe saves only on a frame, and an idle window draws none, so a repaint is asked
    /// for when the next autosave is due. Saved work leaves no recovery file behind.
    pub(super) fn autosave_when_due(&mut self, ctx: &egui::Context) {
        let Some(recovery) = &self.recovery else {
            return;
        };
        if !self.any_dirty() {
            if recovery.holds_work() {
                recovery.clear();
            }
            return;
        }
        let now = std::time::Instant::now();
        let due = self
            .last_autosave
            .is_none_or(|last| now.duration_since(last) >= AUTOSAVE_EVERY);
        if due {
            self.autosave();
            self.last_autosave = Some(now);
        }
        ctx.request_repaint_after(AUTOSAVE_EVERY);
    }

    /// Keeps the recovery folder in step with the work: unsaved work is written, saved work
    /// removed. Runs every `AUTOSAVE_EVERY` while there is unsaved work and on quit.
    pub fn autosave(&self) {
        let Some(recovery) = &self.recovery else {
            return;
        };
        if self.any_dirty() && !self.closing {
            let written = if self.members.is_workspace() {
                let views = self.member_views();
                let workspace = self.members.to_workspace(|i| views[i].1);
                recovery.write_text(
                    &io::workspace_to_ron_string(&workspace),
                    self.members.path.as_deref(),
                )
            } else {
                recovery.write(self.doc.scenario(), self.doc.path.as_deref())
            };
            if let Err(error) = written {
                crate::io::say(
                    &Tr::CannotAutosave.fill(self.lang(), &[&error.in_lang(self.lang())]),
                );
            }
        } else if !self.any_dirty() {
            recovery.clear();
        }
    }

    /// Reads a filled-in table and shows what it would change; nothing changes until Apply.
    fn read_import(&mut self, path: PathBuf) {
        // The district's statistics: each sheet's rows, matched for the user to confirm.
        if !io::history_table::is_indicator_template(&path) {
            let read = io::history_table::read_history_sheets(&path, None).and_then(|sheets| {
                if sheets.is_empty() {
                    Err(io::history_table::no_history_header(&path))
                } else {
                    Ok(sheets)
                }
            });
            match read {
                Ok(sheets) => {
                    self.message = None;
                    self.notice = None;
                    let scenario = self.doc.scenario();
                    let mapping = super::import_dialogs::matched(scenario, &sheets[0].1);
                    self.modal = Some(super::dialogs::Modal::HistoryImport(
                        super::import_dialogs::HistoryImportForm {
                            path,
                            sheets,
                            sheet: 0,
                            mapping,
                        },
                    ));
                }
                Err(error) => {
                    self.notice = None;
                    self.message = Some(error.in_lang(self.lang()));
                }
            }
            return;
        }
        match io::indicator_table::read_values(&path, self.doc.scenario()) {
            Ok(values) => {
                // A good read replaces the last import's refusal and export's confirmation.
                self.message = None;
                self.notice = None;
                self.modal = Some(super::dialogs::Modal::ImportPreview { path, values });
            }
            Err(error) => {
                self.notice = None;
                self.message = Some(error.in_lang(self.lang()));
            }
        }
    }
}
