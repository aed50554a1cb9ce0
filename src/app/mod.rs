//! The eframe application: menus, navigator, status bar, shortcuts, files, recovery,
//! presentation mode, persistence, and the one place where commands from the views are run.

mod files;
mod presentation;
mod screenshot;
mod workspace;

use std::path::PathBuf;

use eframe::egui::{self, RichText};

pub use files::{FileDialogs, NativeDialogs, RecoveredWork, Recovery, RecoveryScan};
pub use screenshot::Screenshot;
pub use workspace::{MemberSlot, Members};

use crate::charts::ChartSpec;
use crate::cli::WindowArgs;
use crate::document::{Document, Edit};
use crate::i18n::{Lang, Tr};
use crate::io;
use crate::io::export::Table;
use crate::model::Scenario;
use crate::plan::hanyang_plan;
use crate::ui::{self, Command, UiState, View, ViewCtx, theme};

/// Opens a recovery file in a window of its own.
type Launcher = dyn Fn(&std::path::Path) -> Result<(), String>;

/// What waits for the answer to "save the changes?".
#[derive(Clone, Debug)]
pub enum Pending {
    New(Box<Scenario>),
    Open(PathBuf),
    Quit,
}

pub struct EcoplanApp {
    pub doc: Document,
    pub state: UiState,
    /// The message of the last refused edit, failed save or export, until the next change.
    pub message: Option<String>,
    /// A file that could not be opened, with why: shown in a dialog.
    pub open_error: Option<String>,
    /// An action waiting for save / discard / cancel.
    pub pending: Option<Pending>,
    /// Unsaved work of sessions that ended without saving, offered back (claimed by this
    /// instance while offered).
    pub offered_recovery: Vec<RecoveredWork>,
    /// Recovery files that could not be read, and where each was set aside.
    pub recovery_notes: Vec<String>,
    /// Whether recovered work was restored into this window already; more opens in new windows.
    restored_here: bool,
    /// Opens a recovery file in a new window of its own (`ecoplan --recover FILE`).
    launcher: Box<Launcher>,
    /// The chart shown full screen, by index into all charts.
    pub presentation: Option<usize>,
    /// The Monte Carlo run on its background thread, and its last result.
    pub uncertainty: ui::UncertaintyJob,
    /// The scenarios of the workspace; `doc` is the current one's.
    pub members: Members,
    dialogs: Box<dyn FileDialogs>,
    recovery: Option<Recovery>,
    screenshot: Option<Screenshot>,
    applied_zoom: Option<f32>,
    closing: bool,
    /// When unsaved work was last written to the recovery folder.
    last_autosave: Option<std::time::Instant>,
}

/// How often unsaved work is written to the recovery folder: a crash loses at most this much.
pub const AUTOSAVE_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

const UNDO: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Z);
const REDO: egui::KeyboardShortcut = egui::KeyboardShortcut::new(
    egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
    egui::Key::Z,
);
const REDO_Y: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Y);
const SAVE: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::S);
const OPEN: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::O);
const PRESENT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::NONE, egui::Key::F11);

impl EcoplanApp {
    pub fn new(doc: Document, state: UiState, dialogs: Box<dyn FileDialogs>) -> EcoplanApp {
        let members = Members::single(&doc.scenario().metadata.name);
        EcoplanApp {
            doc,
            state,
            message: None,
            open_error: None,
            pending: None,
            offered_recovery: Vec::new(),
            recovery_notes: Vec::new(),
            restored_here: false,
            launcher: Box::new(launch_recovery_window),
            presentation: None,
            uncertainty: ui::UncertaintyJob::default(),
            members,
            dialogs,
            recovery: None,
            screenshot: None,
            applied_zoom: None,
            closing: false,
            last_autosave: None,
        }
    }

    /// The built-in Hanyang plan with default interface settings: what a new user sees.
    pub fn with_builtin_plan(dialogs: Box<dyn FileDialogs>) -> EcoplanApp {
        let doc = Document::new(hanyang_plan(), None).expect("the built-in scenario is valid");
        EcoplanApp::new(doc, UiState::default(), dialogs)
    }

    /// Autosaves unsaved work to a session of its own in the recovery folder `dir`, and offers
    /// back the work of every session there whose instance ended without saving.
    pub fn with_recovery(mut self, dir: PathBuf) -> EcoplanApp {
        match Recovery::open(dir.clone()) {
            Ok((recovery, scan)) => {
                self.offered_recovery = scan.orphans;
                self.recovery_notes = scan.unreadable;
                self.recovery = Some(recovery);
            }
            Err(error) => {
                self.message = Some(format!(
                    "{}: {error} — {}",
                    dir.display(),
                    Tr::NoAutosave.get(self.lang())
                ));
            }
        }
        self
    }

    /// Replaces how a second recovered work opens in a window of its own (tests record it).
    pub fn with_launcher(
        mut self,
        launcher: impl Fn(&std::path::Path) -> Result<(), String> + 'static,
    ) -> EcoplanApp {
        self.launcher = Box::new(launcher);
        self
    }

    /// This instance's recovery session, if it has one.
    pub fn recovery(&self) -> Option<&Recovery> {
        self.recovery.as_ref()
    }

    pub fn lang(&self) -> Lang {
        self.state.lang
    }

    /// Runs one command: the only place where the document or the view changes.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Apply { edit, merge } => match self.doc.apply_merging(edit, merge) {
                Ok(()) => self.message = None,
                Err(reason) => {
                    self.message = Some(format!("{}: {reason}", Tr::Rejected.get(self.lang())))
                }
            },
            Command::Undo => {
                self.doc.undo();
                self.message = None;
            }
            Command::Redo => {
                self.doc.redo();
                self.message = None;
            }
            Command::Show(view) => self.state.view = view,
            Command::CopyChart(spec) => match crate::io::chart_png::render_rgb(&spec, 1920, 1080) {
                Ok(rgb) => ctx.copy_image(egui::ColorImage::from_rgb([1920, 1080], &rgb)),
                Err(error) => self.message = Some(error),
            },
            Command::SaveChart(spec) => self.save_chart(&spec),
            Command::RunUncertainty(settings) => {
                let fans = vec![self.state.fan_series.clone()];
                self.uncertainty
                    .start(self.doc.scenario().clone(), settings, fans);
            }
            Command::CancelUncertainty => self.uncertainty.cancel(),
            Command::SwitchMember(index) => self.switch_member(index),
            Command::NewChild => self.new_child(),
            Command::RemoveMember(index) => self.remove_member(index),
        }
    }

    // ----- files -----

    /// Asks before replacing unsaved work.
    pub fn request(&mut self, ctx: &egui::Context, action: Pending) {
        if self.any_dirty() {
            self.pending = Some(action);
        } else {
            self.perform(ctx, action);
        }
    }

    fn perform(&mut self, ctx: &egui::Context, action: Pending) {
        match action {
            Pending::New(scenario) => {
                let doc = Document::new(*scenario, None).expect("a new scenario is valid");
                self.replace_document(doc);
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

    /// Opens a scenario or workspace file; a file that fails to load leaves the current work
    /// untouched.
    pub fn open(&mut self, path: &std::path::Path) {
        let opened = open_file(path);
        match opened {
            Ok((doc, members)) => {
                self.replace_document(doc);
                if let Some(members) = members {
                    self.members = members;
                }
                self.state.remember_file(path);
            }
            Err(error) => self.open_error = Some(error.to_string()),
        }
    }

    /// Whether any scenario of the workspace has unsaved changes.
    pub fn any_dirty(&self) -> bool {
        self.doc.is_dirty()
            || self
                .members
                .slots
                .iter()
                .any(|s| s.doc.as_ref().is_some_and(Document::is_dirty))
    }

    /// Makes member `index` the current one.
    pub fn switch_member(&mut self, index: usize) {
        if index == self.members.current || index >= self.members.slots.len() {
            return;
        }
        let Some(doc) = self.members.slots[index].doc.take() else {
            return;
        };
        let previous = std::mem::replace(&mut self.doc, doc);
        self.members.slots[self.members.current].doc = Some(previous);
        self.members.current = index;
        self.message = None;
        self.presentation = None;
    }

    /// A new scenario that inherits from the current one, starting as its copy.
    pub fn new_child(&mut self) {
        let parent = self.members.current_name().to_owned();
        let name = self.members.unique_name(&format!("{parent} ·"));
        let mut scenario = self.doc.scenario().clone();
        scenario.metadata.name = name.clone();
        let mut doc = Document::new(scenario, None).expect("a copy of a valid scenario is valid");
        doc.mark_unsaved();
        self.members.slots.push(MemberSlot {
            name,
            parent: Some(parent),
            doc: Some(doc),
        });
        self.switch_member(self.members.slots.len() - 1);
    }

    /// Removes a member that is not the root and has no children of its own.
    pub fn remove_member(&mut self, index: usize) {
        let slot = &self.members.slots[index];
        let Some(parent) = slot.parent.clone() else {
            return;
        };
        if self.members.has_children(index) {
            return;
        }
        if index == self.members.current
            && let Some(p) = self.members.index_of(&parent)
        {
            self.switch_member(p);
        }
        self.members.slots.remove(index);
        if self.members.current > index {
            self.members.current -= 1;
        }
    }

    /// Every member's name, scenario and analysis, in workspace order.
    pub fn member_views(&self) -> Vec<(&str, &Scenario, &crate::engine::Analysis)> {
        member_views(&self.doc, &self.members)
    }

    fn save_workspace(&mut self) -> bool {
        let path = match self.members.path.clone() {
            Some(path) => path,
            None => match self.dialogs.pick_save("workspace.ron", "ron") {
                Some(path) => path,
                None => return false,
            },
        };
        let workspace = {
            let views = self.member_views();
            self.members.to_workspace(|i| views[i].1)
        };
        match io::save_text(&io::workspace_to_ron_string(&workspace), &path) {
            Ok(()) => {
                self.doc.mark_saved();
                for slot in &mut self.members.slots {
                    if let Some(doc) = &mut slot.doc {
                        doc.mark_saved();
                    }
                }
                self.members.path = Some(path.clone());
                self.state.remember_file(&path);
                self.message = None;
                true
            }
            Err(error) => {
                self.message = Some(error.to_string());
                false
            }
        }
    }

    fn replace_document(&mut self, doc: Document) {
        self.members = Members::single(&doc.scenario().metadata.name);
        self.doc = doc;
        self.message = None;
        self.presentation = None;
        if let Some(recovery) = &self.recovery {
            recovery.clear();
        }
    }

    /// Saves to the document's file, or asks where. Returns whether the work is now saved.
    pub fn save(&mut self) -> bool {
        if self.members.is_workspace() {
            return self.save_workspace();
        }
        match self.doc.path.clone() {
            Some(path) => self.save_to(path),
            None => self.save_as(),
        }
    }

    pub fn save_as(&mut self) -> bool {
        let suggested = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "scenario.ron".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
        match self.dialogs.pick_save(&suggested, "ron") {
            Some(path) => self.save_to(path),
            None => false,
        }
    }

    fn save_to(&mut self, path: PathBuf) -> bool {
        match io::save(self.doc.scenario(), &path) {
            Ok(()) => {
                self.doc.path = Some(path.clone());
                self.doc.mark_saved();
                self.state.remember_file(&path);
                self.message = None;
                if let Some(recovery) = &self.recovery {
                    recovery.clear();
                }
                true
            }
            Err(error) => {
                // The file on disk and the work in memory are both as they were.
                self.message = Some(error.to_string());
                false
            }
        }
    }

    /// Reloads the file from disk; undoable like any edit.
    fn revert(&mut self) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        match io::load(&path) {
            Ok(scenario) => {
                let edit = Edit::ReplaceScenario {
                    scenario: Box::new(scenario),
                };
                match self.doc.apply(edit) {
                    Ok(()) => self.doc.mark_saved(),
                    Err(reason) => self.message = Some(reason),
                }
            }
            Err(error) => self.open_error = Some(error.to_string()),
        }
    }

    fn export_table(&mut self, table: Option<Table>) {
        let (name, extension) = match table {
            None => ("ecoplan.xlsx", "xlsx"),
            Some(Table::Projection) => ("projection.csv", "csv"),
            Some(Table::Capacity) => ("capacity.csv", "csv"),
            Some(Table::Targets) => ("targets.csv", "csv"),
        };
        let Some(path) = self.dialogs.pick_save(name, extension) else {
            return;
        };
        let result = io::export::export(
            self.doc.scenario(),
            self.doc.analysis(),
            self.lang(),
            table.unwrap_or(Table::Projection),
            None,
            &path,
        );
        self.report_export(result, &path);
    }

    fn save_chart(&mut self, spec: &ChartSpec) {
        let Some(path) = self.dialogs.pick_save(&format!("{}.png", spec.key), "png") else {
            return;
        };
        let result = io::chart_png::write_png(spec, &path);
        self.report_export(result, &path);
    }

    fn report_export(&mut self, result: Result<(), String>, path: &std::path::Path) {
        self.message = Some(match result {
            Ok(()) => format!("{}: {}", Tr::Exported.get(self.lang()), path.display()),
            Err(error) => error,
        });
    }

    // ----- drawing -----

    /// The whole window, separate from `eframe::App::ui` so tests drive it without a frame.
    pub fn window_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let presenting = self.presentation.is_some();
        let zoom = if self.state.large_font || presenting {
            theme::LARGE_FONT_ZOOM
        } else {
            1.0
        };
        if self.applied_zoom != Some(zoom) {
            ctx.set_zoom_factor(zoom);
            self.applied_zoom = Some(zoom);
        }
        let mut commands = Vec::new();
        if self.uncertainty.poll() {
            // Keep the progress bar moving while the draws run.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.shortcuts(&ctx, &mut commands);
        self.dropped_files(&ctx);
        if presenting {
            presentation::ui(self, ui);
        } else {
            self.workbench_ui(ui, &mut commands);
        }
        self.dialogs_ui(&ctx);
        for command in commands {
            self.run(&ctx, command);
        }
        // An entry refused when its field was left: the field went back to the scenario's
        // value, and the reason stays in the message list.
        if let Some(reason) = ui::widgets::take_rejections(&ctx).pop() {
            self.message = Some(format!("{}: {reason}", Tr::Rejected.get(self.lang())));
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let (undo, redo, save, open, present) = ctx.input_mut(|input| {
            let redo = input.consume_shortcut(&REDO) || input.consume_shortcut(&REDO_Y);
            let undo = !redo && input.consume_shortcut(&UNDO);
            (
                undo,
                redo,
                input.consume_shortcut(&SAVE),
                input.consume_shortcut(&OPEN),
                input.consume_shortcut(&PRESENT),
            )
        });
        if undo {
            commands.push(Command::Undo);
        }
        if redo {
            commands.push(Command::Redo);
        }
        if save {
            self.save();
        }
        if open && let Some(path) = self.dialogs.pick_scenario() {
            self.request(ctx, Pending::Open(path));
        }
        if present {
            self.presentation = if self.presentation.is_some() {
                None
            } else {
                Some(0)
            };
        }
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .find(|p| p.extension().is_some_and(|e| e == "ron"))
        });
        if let Some(path) = dropped {
            self.request(ctx, Pending::Open(path));
        }
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            egui::Area::new(egui::Id::unique("ecoplan-drop-hint"))
                .order(egui::Order::Foreground)
                .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
                .show(ctx, |ui| {
                    egui::Frame::popup(ui.style())
                        .show(ui, |ui| ui.heading(Tr::DropToOpen.get(self.lang())));
                });
        }
    }

    fn workbench_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menu_ui(ui, commands));
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui, commands));
        egui::Panel::left("navigator")
            .resizable(true)
            .default_size(170.0)
            .min_size(150.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                self.members_ui(ui, commands);
                ui.separator();
                for view in View::ALL {
                    if ui
                        .selectable_label(self.state.view == view, view.title().get(lang))
                        .clicked()
                    {
                        commands.push(Command::Show(view));
                    }
                }
            });
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(message) = &self.message {
                ui.label(RichText::new(format!("⚠ {message}")).color(theme::BAD));
            }
            let members = member_views(&self.doc, &self.members);
            let parent = self.members.slots[self.members.current]
                .parent
                .as_ref()
                .and_then(|name| self.members.index_of(name))
                .map(|i| members[i].1);
            let mut ctx = ViewCtx {
                doc: &self.doc,
                uncertainty: &self.uncertainty,
                members: &members,
                current_member: self.members.current,
                parent,
                lang,
                commands,
            };
            ui::views::view_ui(ui, self.state.view, &mut ctx, &mut self.state);
        });
    }

    /// The workspace's scenarios, children indented under their parents.
    fn members_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        ui.label(RichText::new(Tr::Scenarios.get(lang)).weak());
        for (i, slot) in self.members.slots.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.add_space(12.0 * self.members.depth(i) as f32);
                let dirty = if i == self.members.current {
                    self.doc.is_dirty()
                } else {
                    slot.doc.as_ref().is_some_and(Document::is_dirty)
                };
                let text = if dirty {
                    format!("{} ●", slot.name)
                } else {
                    slot.name.clone()
                };
                if ui
                    .selectable_label(i == self.members.current, text)
                    .clicked()
                {
                    commands.push(Command::SwitchMember(i));
                }
            });
        }
        ui.horizontal_wrapped(|ui| {
            if ui.small_button(Tr::NewChild.get(lang)).clicked() {
                commands.push(Command::NewChild);
            }
            let current = self.members.current;
            let removable =
                self.members.slots[current].parent.is_some() && !self.members.has_children(current);
            if ui
                .add_enabled(
                    removable,
                    egui::Button::new(Tr::RemoveScenario.get(lang)).small(),
                )
                .clicked()
            {
                commands.push(Command::RemoveMember(current));
            }
        });
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        let ctx = ui.ctx().clone();
        ui.menu_button(Tr::MenuFile.get(lang), |ui| {
            if ui.button(Tr::NewFromPlan.get(lang)).clicked() {
                self.request(&ctx, Pending::New(Box::new(hanyang_plan())));
            }
            if ui.button(Tr::NewEmpty.get(lang)).clicked() {
                self.request(&ctx, Pending::New(Box::new(Scenario::empty())));
            }
            let open =
                egui::Button::new(Tr::Open.get(lang)).shortcut_text(ctx.format_shortcut(&OPEN));
            if ui.add(open).clicked()
                && let Some(path) = self.dialogs.pick_scenario()
            {
                self.request(&ctx, Pending::Open(path));
            }
            ui.menu_button(Tr::RecentFiles.get(lang), |ui| {
                if self.state.recent_files.is_empty() {
                    ui.label(Tr::NoRecentFiles.get(lang));
                }
                for path in self.state.recent_files.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        self.request(&ctx, Pending::Open(path));
                    }
                }
            });
            ui.separator();
            let save =
                egui::Button::new(Tr::Save.get(lang)).shortcut_text(ctx.format_shortcut(&SAVE));
            if ui.add(save).clicked() {
                self.save();
            }
            if ui.button(Tr::SaveAs.get(lang)).clicked() {
                self.save_as();
            }
            let can_revert = self.doc.path.is_some() && self.doc.is_dirty();
            if ui
                .add_enabled(can_revert, egui::Button::new(Tr::Revert.get(lang)))
                .clicked()
            {
                self.revert();
            }
            ui.separator();
            ui.menu_button(Tr::Export.get(lang), |ui| {
                if ui.button(Tr::ExportXlsx.get(lang)).clicked() {
                    self.export_table(None);
                }
                for (table, label) in [
                    (Table::Projection, Tr::ExportProjectionCsv),
                    (Table::Capacity, Tr::ExportCapacityCsv),
                    (Table::Targets, Tr::ExportTargetsCsv),
                ] {
                    if ui.button(label.get(lang)).clicked() {
                        self.export_table(Some(table));
                    }
                }
            });
            ui.separator();
            if ui.button(Tr::Quit.get(lang)).clicked() {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button(Tr::MenuEdit.get(lang), |ui| {
            let scenario = self.doc.scenario();
            let undo = self.doc.undo_edit().map_or_else(
                || Tr::NothingToUndo.get(lang).to_owned(),
                |edit| format!("{}: {}", Tr::Undo.get(lang), edit.describe(lang, scenario)),
            );
            let button = egui::Button::new(undo).shortcut_text(ctx.format_shortcut(&UNDO));
            if ui
                .add_enabled(self.doc.undo_edit().is_some(), button)
                .clicked()
            {
                commands.push(Command::Undo);
            }
            let redo = self.doc.redo_edit().map_or_else(
                || Tr::NothingToRedo.get(lang).to_owned(),
                |edit| format!("{}: {}", Tr::Redo.get(lang), edit.describe(lang, scenario)),
            );
            let button = egui::Button::new(redo).shortcut_text(ctx.format_shortcut(&REDO));
            if ui
                .add_enabled(self.doc.redo_edit().is_some(), button)
                .clicked()
            {
                commands.push(Command::Redo);
            }
        });
        ui.menu_button(Tr::MenuView.get(lang), |ui| {
            ui.label(RichText::new(Tr::Language.get(lang)).weak());
            ui.radio_value(&mut self.state.lang, Lang::Zh, "中文");
            ui.radio_value(&mut self.state.lang, Lang::En, "English");
            ui.separator();
            ui.checkbox(&mut self.state.large_font, Tr::LargeFont.get(lang));
            let present = egui::Button::new(Tr::Presentation.get(lang))
                .shortcut_text(ctx.format_shortcut(&PRESENT));
            if ui.add(present).clicked() {
                self.presentation = Some(0);
            }
            ui.separator();
            for view in View::ALL {
                if ui
                    .selectable_label(self.state.view == view, view.title().get(lang))
                    .clicked()
                {
                    commands.push(Command::Show(view));
                }
            }
        });
        ui.menu_button(Tr::MenuHelp.get(lang), |ui| {
            ui.label(Tr::AboutText.get(lang));
            ui.label(format!("ecoplan {}", env!("CARGO_PKG_VERSION")));
        });
    }

    fn status_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        ui.horizontal(|ui| {
            ui.label(RichText::new(&self.doc.scenario().metadata.name).strong());
            let origin = self
                .members
                .path
                .as_ref()
                .or(self.doc.path.as_ref())
                .map_or_else(
                    || Tr::BuiltIn.get(lang).to_owned(),
                    |p| p.display().to_string(),
                );
            ui.label(RichText::new(origin).weak());
            ui.separator();
            if self.doc.is_dirty() {
                ui.label(RichText::new(format!("● {}", Tr::Unsaved.get(lang))).color(theme::NEAR));
            } else {
                ui.label(RichText::new(Tr::Saved.get(lang)).weak());
            }
            ui.separator();
            let count = self.doc.analysis().findings.len() + usize::from(self.message.is_some());
            let color = if count == 0 { theme::OK } else { theme::NEAR };
            if ui
                .link(RichText::new(format!("⚠ {count} {}", Tr::Messages.get(lang))).color(color))
                .clicked()
            {
                commands.push(Command::Show(View::Overview));
            }
        });
    }

    /// The modal questions: save changes, a file that cannot be opened, recovered work.
    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        if let Some(action) = self.pending.clone() {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("ecoplan-unsaved")).show(ctx, |ui| {
                ui.heading(Tr::UnsavedTitle.get(lang));
                ui.label(Tr::UnsavedQuestion.get(lang));
                ui.horizontal(|ui| {
                    for (key, label) in [(0, Tr::SaveChanges), (1, Tr::Discard), (2, Tr::Cancel)] {
                        if ui.button(label.get(lang)).clicked() {
                            answer = Some(key);
                        }
                    }
                });
            });
            match answer {
                Some(0) => {
                    self.pending = None;
                    if self.save() {
                        self.perform(ctx, action);
                    }
                }
                Some(1) => {
                    self.pending = None;
                    self.perform(ctx, action);
                }
                Some(_) => self.pending = None,
                None => {}
            }
        }
        if let Some(error) = self.open_error.clone() {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("ecoplan-open-error")).show(ctx, |ui| {
                ui.heading(Tr::CannotOpen.get(lang));
                ui.label(RichText::new(&error).monospace().color(theme::BAD));
                close = ui.button(Tr::Close.get(lang)).clicked();
            });
            if close {
                self.open_error = None;
            }
        }
        self.recovery_ui(ctx);
    }

    /// Offers back the work of every session that ended without saving, one row each.
    fn recovery_ui(&mut self, ctx: &egui::Context) {
        if self.offered_recovery.is_empty() && self.recovery_notes.is_empty() {
            return;
        }
        let lang = self.lang();
        #[derive(Clone, Copy)]
        enum Answer {
            Restore(usize),
            Discard(usize),
            Later,
        }
        let mut answer = None;
        let here = !self.restored_here && !self.any_dirty();
        egui::Modal::new(egui::Id::unique("ecoplan-recovery")).show(ctx, |ui| {
            ui.heading(Tr::RecoveryTitle.get(lang));
            if !self.offered_recovery.is_empty() {
                ui.label(Tr::RecoveryQuestion.get(lang));
            }
            let now = std::time::SystemTime::now();
            for (index, work) in self.offered_recovery.iter().enumerate() {
                ui.group(|ui| {
                    ui.set_width(520.0);
                    ui.label(RichText::new(recovered_names(work)).strong());
                    let origin = work.origin.as_ref().map_or_else(
                        || Tr::BuiltIn.get(lang).to_owned(),
                        |p| p.display().to_string(),
                    );
                    let age = work
                        .saved_at
                        .and_then(|t| now.duration_since(t).ok())
                        .map(|d| ago(lang, d))
                        .unwrap_or_default();
                    ui.label(RichText::new(format!("{origin} · {age}")).weak());
                    ui.horizontal(|ui| {
                        let restore = if here {
                            Tr::Restore
                        } else {
                            Tr::RestoreInNewWindow
                        };
                        if ui.button(restore.get(lang)).clicked() {
                            answer = Some(Answer::Restore(index));
                        }
                        if ui.button(Tr::Discard.get(lang)).clicked() {
                            answer = Some(Answer::Discard(index));
                        }
                    });
                });
            }
            if !self.recovery_notes.is_empty() {
                ui.separator();
                ui.label(RichText::new(Tr::RecoveryUnreadable.get(lang)).color(theme::BAD));
                for note in &self.recovery_notes {
                    ui.label(RichText::new(note).monospace());
                }
            }
            ui.separator();
            // With work left to offer, closing means "ask me again next time".
            let close = if self.offered_recovery.is_empty() {
                Tr::Close
            } else {
                Tr::Later
            };
            if ui.button(close.get(lang)).clicked() {
                answer = Some(Answer::Later);
            }
        });
        match answer {
            None => {}
            Some(Answer::Restore(index)) => {
                let work = self.offered_recovery.remove(index);
                if here {
                    self.restore(work);
                } else if let Some(recovery) = &self.recovery {
                    let file = work.file(recovery.dir());
                    // Let go of the claim first, so that the new window can take it.
                    drop(work);
                    if let Err(error) = (self.launcher)(&file) {
                        self.message = Some(error);
                    }
                }
            }
            Some(Answer::Discard(index)) => {
                let work = self.offered_recovery.remove(index);
                if let Some(recovery) = &self.recovery {
                    recovery.discard(work);
                }
            }
            // Unclaimed, the work is offered again at the next start.
            Some(Answer::Later) => {
                self.offered_recovery.clear();
                self.recovery_notes.clear();
            }
        }
    }

    /// Puts recovered work back, marked unsaved, with the file it belonged to. Its recovery file
    /// becomes this instance's: it stays, and takes the autosaves, until the work is saved or
    /// discarded.
    pub fn restore(&mut self, work: RecoveredWork) {
        let restored = match &work.loaded {
            io::Loaded::Scenario(scenario) => {
                Document::new((**scenario).clone(), work.origin.clone())
                    .map(|doc| (doc, None))
                    .map_err(|error| error.to_string())
            }
            io::Loaded::Workspace(workspace) => members_from(workspace, work.origin.clone())
                .map(|(doc, members)| (doc, Some(members)))
                .map_err(|error| error.to_string()),
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
        self.replace_document(doc);
        if let Some(mut members) = members {
            for slot in &mut members.slots {
                if let Some(doc) = &mut slot.doc {
                    doc.mark_unsaved();
                }
            }
            self.members = members;
        }
        self.restored_here = true;
        if let Some(recovery) = &mut self.recovery {
            recovery.adopt(work);
        }
    }

    fn title(&self) -> String {
        let name = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || self.doc.scenario().metadata.name.clone(),
                |n| n.to_string_lossy().into_owned(),
            );
        let mark = if self.doc.is_dirty() { " ●" } else { "" };
        format!("{name}{mark} — ecoplan")
    }

    /// Autosaves every `AUTOSAVE_EVERY` while there is unsaved work, also when the window sits
    /// idle: eframe saves only on a frame, and an idle window draws none, so a repaint is asked
    /// for when the next autosave is due.
    fn autosave_when_due(&mut self, ctx: &egui::Context) {
        if self.recovery.is_none() || !self.any_dirty() {
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
                eprintln!("ecoplan: cannot autosave: {error}");
            }
        } else if !self.any_dirty() {
            recovery.clear();
        }
    }
}

impl eframe::App for EcoplanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        // Closing with unsaved work asks first.
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing && self.any_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(Pending::Quit);
        }
        let title = self.title();
        self.window_ui(ui);
        self.autosave_when_due(&ctx);
        if self.title() != title || ctx.cumulative_frame_nr() == 0 {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.title()));
        }
        if let Some(screenshot) = &mut self.screenshot {
            screenshot.step(&ctx);
        }
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        AUTOSAVE_EVERY
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            eframe::set_value(storage, eframe::APP_KEY, &self.state);
            self.autosave();
        }
    }
}

/// A scenario file as one document, or a workspace file as its members (the first current).
fn open_file(path: &std::path::Path) -> Result<(Document, Option<Members>), io::LoadError> {
    let invalid = |source| io::LoadError::Invalid {
        path: path.to_owned(),
        source,
    };
    match io::load_any(path)? {
        io::Loaded::Scenario(scenario) => Document::new(*scenario, Some(path.to_owned()))
            .map(|doc| (doc, None))
            .map_err(invalid),
        io::Loaded::Workspace(workspace) => members_from(&workspace, Some(path.to_owned()))
            .map(|(doc, members)| (doc, Some(members))),
    }
}

/// A workspace's members as documents, the first current, with the file they came from.
fn members_from(
    workspace: &crate::model::Workspace,
    path: Option<PathBuf>,
) -> Result<(Document, Members), io::LoadError> {
    let place = path.clone().unwrap_or_default();
    let invalid = |source| io::LoadError::Invalid {
        path: place.clone(),
        source,
    };
    let resolved = crate::engine::workspace::resolve_all(workspace).map_err(|source| {
        io::LoadError::Workspace {
            path: place.clone(),
            at: None,
            message: source.to_string(),
            source: Box::new(source),
        }
    })?;
    let mut slots = Vec::with_capacity(resolved.len());
    for (member, scenario) in workspace.workspace.iter().zip(resolved) {
        let doc = Document::new(scenario, None).map_err(invalid)?;
        slots.push(MemberSlot {
            name: member.name.clone(),
            parent: member.parent.clone(),
            doc: Some(doc),
        });
    }
    let doc = slots
        .first_mut()
        .and_then(|s| s.doc.take())
        .ok_or_else(|| {
            invalid(crate::engine::ModelError::invalid(
                "workspace",
                "",
                "workspace",
                "holds no scenario",
            ))
        })?;
    Ok((
        doc,
        Members {
            slots,
            current: 0,
            path,
        },
    ))
}

/// Every member's name, scenario and analysis, in workspace order; `doc` is the current one's.
fn member_views<'a>(
    doc: &'a Document,
    members: &'a Members,
) -> Vec<(&'a str, &'a Scenario, &'a crate::engine::Analysis)> {
    members
        .slots
        .iter()
        .enumerate()
        .map(|(i, slot)| {
            let doc = if i == members.current {
                doc
            } else {
                slot.doc
                    .as_ref()
                    .expect("other members hold their documents")
            };
            (slot.name.as_str(), doc.scenario(), doc.analysis())
        })
        .collect()
}

/// Opens the window (or renders a screenshot); returns the process exit code.
pub fn main(args: &WindowArgs) -> i32 {
    let opened = match &args.file {
        Some(path) => match open_file(path) {
            Ok(opened) => Some(opened),
            Err(error) => {
                eprintln!("{error}");
                return 2;
            }
        },
        None => None,
    };
    let view = match args
        .view
        .as_deref()
        .map(|name| View::from_key(name).ok_or(name))
    {
        Some(Err(name)) => {
            let names: Vec<&str> = View::ALL.iter().map(|v| v.key()).collect();
            eprintln!("--view {name}: unknown view; one of {}", names.join(", "));
            return 2;
        }
        Some(Ok(view)) => Some(view),
        None => None,
    };
    let path = args.file.clone();
    let (doc, members) = match opened {
        Some(opened) => opened,
        None => (
            Document::new(hanyang_plan(), None).expect("the built-in scenario is valid"),
            None,
        ),
    };
    let screenshot = args.screenshot.clone().map(Screenshot::new);
    let outcome = screenshot.as_ref().map(Screenshot::outcome);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("ecoplan")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        persist_window: screenshot.is_none(),
        ..Default::default()
    };
    let lang = args.lang;
    let recover = args.recover.clone();
    let result = eframe::run_native(
        "ecoplan",
        options,
        Box::new(move |cc| {
            ui::fonts::install(&cc.egui_ctx);
            // A screenshot shows the defaults, not this machine's remembered settings or work.
            let mut state: UiState = match (&screenshot, cc.storage) {
                (None, Some(storage)) => {
                    eframe::get_value(storage, eframe::APP_KEY).unwrap_or_default()
                }
                _ => UiState::default(),
            };
            if let Some(view) = view {
                state.view = view;
            }
            if let Some(lang) = lang {
                state.lang = lang;
            }
            if let Some(path) = &path {
                state.remember_file(path);
            }
            let mut app = EcoplanApp::new(doc, state, Box::new(NativeDialogs));
            if let Some(members) = members {
                app.members = members;
            }
            // `--recover FILE` claims that work before the scan, so the scan leaves it alone.
            let recovery_dir = Recovery::data_dir();
            let recovered = recover.as_deref().map(|file| match &recovery_dir {
                Some(dir) => Recovery::claim(dir, file),
                None => Err(format!(
                    "{}: no recovery folder on this system",
                    file.display()
                )),
            });
            if screenshot.is_none()
                && let Some(dir) = recovery_dir
            {
                app = app.with_recovery(dir);
            }
            match recovered {
                Some(Ok(work)) => app.restore(work),
                Some(Err(error)) => app.open_error = Some(error),
                None => {}
            }
            app.screenshot = screenshot;
            Ok(Box::new(app))
        }),
    );
    if let Err(error) = result {
        eprintln!("ecoplan: cannot open the window: {error}");
        return 1;
    }
    match outcome.map(|o| o.lock().map(|r| r.clone()).unwrap_or(None)) {
        None => 0,
        Some(Some(Ok(path))) => {
            eprintln!("wrote {}", path.display());
            0
        }
        Some(Some(Err(message))) => {
            eprintln!("{message}");
            1
        }
        Some(None) => {
            eprintln!("ecoplan: the window closed before the screenshot was taken");
            1
        }
    }
}

/// Opens `file` (orphaned recovered work) in a new window of this program.
fn launch_recovery_window(file: &std::path::Path) -> Result<(), String> {
    let program = std::env::current_exe().map_err(|e| format!("ecoplan: {e}"))?;
    let mut child = std::process::Command::new(program)
        .arg("--recover")
        .arg(file)
        .spawn()
        .map_err(|e| format!("{}: cannot open a new window: {e}", file.display()))?;
    // Waited for, so that the finished window leaves no zombie behind.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// The scenario, or the workspace's members, that recovered work holds.
fn recovered_names(work: &RecoveredWork) -> String {
    match &work.loaded {
        io::Loaded::Scenario(scenario) => scenario.metadata.name.clone(),
        io::Loaded::Workspace(workspace) => {
            let names: Vec<&str> = workspace
                .workspace
                .iter()
                .map(|m| m.name.as_str())
                .collect();
            names.join(" / ")
        }
    }
}

/// How long ago, in the largest whole unit.
fn ago(lang: Lang, elapsed: std::time::Duration) -> String {
    let minutes = elapsed.as_secs() / 60;
    let (count, unit) = match minutes {
        0 => return Tr::JustNow.get(lang).to_owned(),
        1..60 => (minutes, Tr::MinutesAgo),
        60..1440 => (minutes / 60, Tr::HoursAgo),
        _ => (minutes / 1440, Tr::DaysAgo),
    };
    format!("{count} {}", unit.get(lang))
}

/// Where a screenshot run reports: the PNG written, or why not.
pub type ScreenshotOutcome = std::sync::Arc<std::sync::Mutex<Option<Result<PathBuf, String>>>>;
