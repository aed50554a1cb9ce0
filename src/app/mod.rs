//! The eframe application. Split by what it does: `run` applies every command in one place,
//! `menus` draws the menu bar, navigator, status bar and command palette, `dialogs` the modal
//! questions, `documents` opens, saves, exports and autosaves, `history` holds undo over the
//! scenarios and the workspace's shape, `launch` starts the window, `recovery` keeps unsaved
//! work of each running instance, `files` asks for paths.

mod dialogs;
mod documents;
mod files;
mod help;
mod history;
mod import_dialogs;
mod jobs;
mod launch;
mod members;
mod menus;
mod new_district;
mod presentation;
mod recovery;
mod recovery_dialog;
mod run;
mod screenshot;

use std::path::PathBuf;

use eframe::egui;

pub use dialogs::PathPurpose;
pub use files::{FileDialogs, NativeDialogs, Picked};
pub use help::HelpPage;
pub use history::HistoryEntry;
pub use launch::{ScreenshotOutcome, main, window_icon};
pub use members::{MemberSlot, Members, StructureStep};
pub use recovery::{RecoveredWork, Recovery, RecoveryScan};
pub use screenshot::Screenshot;

use crate::document::Document;
use crate::i18n::{Lang, Tr};
use crate::model::Scenario;
use crate::plan::hanyang_plan;
use crate::ui::{self, Command, UiState, theme};

/// Opens a recovery file in a window of its own, in the given language.
type Launcher = dyn Fn(&std::path::Path, Lang) -> Result<(), String>;

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
    /// What the last copy, save or export did, said in the status bar until the next one.
    pub notice: Option<String>,
    /// A file that could not be opened, with why: shown in a dialog.
    pub open_error: Option<String>,
    /// An action waiting for save / discard / cancel.
    pub pending: Option<Pending>,
    /// Unsaved work of sessions that ended without saving, offered back (claimed by this
    /// instance while offered).
    pub offered_recovery: Vec<RecoveredWork>,
    /// Recovery files that could not be read, and where each was set aside.
    pub recovery_notes: Vec<String>,
    /// The chart shown full screen, by index into all charts.
    pub presentation: Option<usize>,
    /// The charts presentation mode pages through, and what they were made from.
    pub presentation_charts: Option<(
        presentation::ChartsMadeFrom,
        std::rc::Rc<Vec<crate::charts::ChartSpec>>,
    )>,
    /// The Monte Carlo run on its background thread, and its last result.
    pub uncertainty: jobs::UncertaintyJob,
    /// The what-if view's bands, computed in the background as levers move.
    pub whatif: jobs::UncertaintyJob,
    /// The scenarios of the workspace; `doc` is the current one's.
    pub members: Members,
    /// Undo over every member's edits and the workspace's shape, newest last.
    pub history: Vec<HistoryEntry>,
    /// What undo took back, for redo.
    pub future: Vec<HistoryEntry>,
    /// The modal open now, if any, besides the unsaved-changes question.
    pub modal: Option<dialogs::Modal>,
    /// Whether the command palette is open, and what is typed in it.
    pub palette: Option<String>,
    /// The help page open beside the views, if any.
    pub help: Option<help::HelpPage>,
    /// Whether recovered work was restored into this window already; more opens in new windows.
    restored_here: bool,
    launcher: Box<Launcher>,
    dialogs: Box<dyn FileDialogs>,
    recovery: Option<Recovery>,
    screenshot: Option<Screenshot>,
    applied_zoom: Option<f32>,
    applied_theme: Option<ui::ThemeChoice>,
    closing: bool,
    /// When unsaved work was last written to the recovery folder.
    last_autosave: Option<std::time::Instant>,
    /// What the current file held when it was opened or last saved here: a save over a file
    /// someone else has changed since asks first.
    pub on_disk: Option<crate::io::Fingerprint>,
}

/// How often unsaved work is written to the recovery folder: a crash loses at most this much.
pub const AUTOSAVE_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

impl EcoplanApp {
    pub fn new(doc: Document, state: UiState, dialogs: Box<dyn FileDialogs>) -> EcoplanApp {
        let members = Members::single(&doc.scenario().metadata.name);
        EcoplanApp {
            doc,
            state,
            message: None,
            notice: None,
            open_error: None,
            pending: None,
            offered_recovery: Vec::new(),
            recovery_notes: Vec::new(),
            presentation: None,
            presentation_charts: None,
            uncertainty: jobs::UncertaintyJob::default(),
            whatif: jobs::UncertaintyJob::default(),
            members,
            history: Vec::new(),
            future: Vec::new(),
            modal: None,
            palette: None,
            help: None,
            restored_here: false,
            launcher: Box::new(launch::launch_recovery_window),
            dialogs,
            recovery: None,
            screenshot: None,
            applied_zoom: None,
            applied_theme: None,
            closing: false,
            last_autosave: None,
            on_disk: None,
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
        match Recovery::open(dir.clone(), self.lang()) {
            Ok((recovery, scan)) => {
                self.offered_recovery = scan.orphans;
                self.recovery_notes = scan.unreadable;
                self.recovery = Some(recovery);
            }
            Err(error) => {
                let lang = self.lang();
                self.message = Some(format!(
                    "{} — {}",
                    Tr::InFile.fill(
                        lang,
                        &[&dir.display(), &crate::refusals::io_words(&error, lang)]
                    ),
                    Tr::NoAutosave.get(lang)
                ));
            }
        }
        self
    }

    /// Replaces how a second recovered work opens in a window of its own (tests record it).
    pub fn with_launcher(
        mut self,
        launcher: impl Fn(&std::path::Path, Lang) -> Result<(), String> + 'static,
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
        if self.applied_theme != Some(self.state.theme) {
            ctx.set_visuals_of(egui::Theme::Light, theme::visuals(false));
            ctx.set_visuals_of(egui::Theme::Dark, theme::visuals(true));
            ctx.set_theme(match self.state.theme {
                ui::ThemeChoice::Light => egui::ThemePreference::Light,
                ui::ThemeChoice::Dark => egui::ThemePreference::Dark,
                ui::ThemeChoice::System => egui::ThemePreference::System,
            });
            self.applied_theme = Some(self.state.theme);
        }
        theme::set_dark(ui.visuals().dark_mode);
        let mut commands = Vec::new();
        // Polled every frame: a finished run shows at once, and a running one keeps frames
        // coming until it finishes.
        if self.uncertainty.poll() | self.whatif.poll() {
            // Keep the progress bar moving while the draws run.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.shortcuts(&ctx, &mut commands);
        self.dropped_files(&ctx, &mut commands);
        if presenting {
            presentation::ui(self, ui);
        } else {
            self.workbench_ui(ui, &mut commands);
        }
        self.help_ui(&ctx);
        self.dialogs_ui(&ctx, &mut commands);
        for command in commands {
            self.run(&ctx, command);
        }
        // An entry refused when its field was left: the field went back to the scenario's
        // value, and the reason stays in the message list.
        if let Some((field, reason)) = ui::widgets::take_rejections(&ctx).pop() {
            let lang = self.lang();
            let reason = crate::i18n::lead(lang, &field, &reason);
            self.message = Some(Tr::RejectedBecause.fill(lang, &[&reason]));
        }
    }

    /// Every shortcut of every command, as a command. While a text field has the keyboard
    /// (its own Ctrl+Z undoes typing), or a question, the palette or recovered work is shown,
    /// none acts.
    fn shortcuts(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let busy = self.pending.is_some()
            || self.modal.is_some()
            || self.palette.is_some()
            || self.open_error.is_some()
            || !self.offered_recovery.is_empty()
            || !self.recovery_notes.is_empty();
        if busy || ctx.text_edit_focused() {
            return;
        }
        for (command, shortcut) in ui::UiCommand::by_shortcut_order() {
            if ctx.input_mut(|input| input.consume_shortcut(&shortcut)) {
                commands.push(Command::Ui(command));
            }
        }
    }

    fn dropped_files(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .find(|p| p.extension().is_some_and(|e| e == "ron"))
        });
        if let Some(path) = dropped {
            commands.push(Command::OpenFile(path));
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
                for view in ui::View::ALL.iter().copied() {
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
                let mut dismissed = false;
                ui.horizontal_wrapped(|ui| {
                    dismissed = ui.small_button(Tr::DismissMessage.get(lang)).clicked();
                    ui.label(egui::RichText::new(format!("⚠ {message}")).color(theme::bad()));
                });
                if dismissed {
                    self.message = None;
                }
            }
            let members = launch::member_views(&self.doc, &self.members);
            let parent = self.members.slots[self.members.current]
                .parent
                .as_ref()
                .and_then(|name| self.members.index_of(name))
                .and_then(|i| {
                    let revision = self.members.slots[i].doc.as_ref()?.revision();
                    Some((members[i].1, revision))
                });
            let mut ctx = ui::ViewCtx {
                doc: &self.doc,
                uncertainty: &self.uncertainty.status,
                whatif: &self.whatif.status,
                members: &members,
                current_member: self.members.current,
                parent,
                lang,
                commands,
            };
            ui::views::view_ui(ui, self.state.view, &mut ctx, &mut self.state);
        });
    }

    /// Every member's name, scenario and analysis, in workspace order.
    pub fn member_views(&self) -> Vec<(&str, &Scenario, &crate::engine::Analysis)> {
        launch::member_views(&self.doc, &self.members)
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

    /// A screenshot shows the view as it is, not where the display's pointer happens to rest
    /// (a chart's crosshair and read-out): its input has no pointer.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.screenshot.is_some() {
            raw_input.events.retain(|event| {
                !matches!(
                    event,
                    egui::Event::PointerMoved(_) | egui::Event::PointerButton { .. }
                )
            });
            raw_input.events.push(egui::Event::PointerGone);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            eframe::set_value(storage, eframe::APP_KEY, &self.state);
            self.autosave();
        }
    }
}
