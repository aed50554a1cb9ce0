//! The eframe application: menus, navigator, status bar, shortcuts, persistence, and the one
//! place where commands from the views are run.

mod screenshot;

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use crate::cli::WindowArgs;
use crate::document::{Document, Edit};
use crate::i18n::{Lang, Tr};
use crate::io;
use crate::model::Scenario;
use crate::plan::hanyang_plan;
use crate::ui::{self, Command, UiState, View, ViewCtx, theme};

pub use screenshot::Screenshot;

pub struct EcoplanApp {
    pub doc: Document,
    pub state: UiState,
    /// The message of the last refused edit or failed save, shown until the next change.
    pub message: Option<String>,
    screenshot: Option<Screenshot>,
    applied_zoom: Option<f32>,
}

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

impl EcoplanApp {
    pub fn new(doc: Document, state: UiState) -> EcoplanApp {
        EcoplanApp {
            doc,
            state,
            message: None,
            screenshot: None,
            applied_zoom: None,
        }
    }

    /// The built-in Hanyang plan with default interface settings: what a new user sees.
    pub fn with_builtin_plan() -> EcoplanApp {
        let doc = Document::new(hanyang_plan(), None).expect("the built-in scenario is valid");
        EcoplanApp::new(doc, UiState::default())
    }

    pub fn lang(&self) -> Lang {
        self.state.lang
    }

    /// Runs one command: the only place where the document or the view changes.
    pub fn run(&mut self, command: Command) {
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
        }
    }

    fn save(&mut self) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        match io::save(self.doc.scenario(), &path) {
            Ok(()) => {
                self.doc.mark_saved();
                self.message = None;
            }
            Err(error) => self.message = Some(error.to_string()),
        }
    }

    /// The whole window, separate from `eframe::App::ui` so tests drive it without a frame.
    pub fn window_ui(&mut self, ui: &mut egui::Ui) {
        let zoom = if self.state.large_font {
            theme::LARGE_FONT_ZOOM
        } else {
            1.0
        };
        if self.applied_zoom != Some(zoom) {
            ui.ctx().set_zoom_factor(zoom);
            self.applied_zoom = Some(zoom);
        }
        let mut commands = Vec::new();
        ui.ctx().input_mut(|input| {
            if input.consume_shortcut(&REDO) || input.consume_shortcut(&REDO_Y) {
                commands.push(Command::Redo);
            } else if input.consume_shortcut(&UNDO) {
                commands.push(Command::Undo);
            }
        });
        if ui.ctx().input_mut(|input| input.consume_shortcut(&SAVE)) {
            self.save();
        }
        let lang = self.lang();

        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menu_ui(ui, &mut commands));
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui, &mut commands));
        egui::Panel::left("navigator")
            .resizable(true)
            .default_size(170.0)
            .min_size(150.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
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
            let mut ctx = ViewCtx {
                doc: &self.doc,
                lang,
                commands: &mut commands,
            };
            ui::views::view_ui(ui, self.state.view, &mut ctx, &mut self.state);
        });
        for command in commands {
            self.run(command);
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        ui.menu_button(Tr::MenuFile.get(lang), |ui| {
            if ui.button(Tr::NewFromPlan.get(lang)).clicked() {
                commands.push(Command::Apply {
                    edit: Edit::ReplaceScenario {
                        scenario: Box::new(hanyang_plan()),
                    },
                    merge: false,
                });
            }
            if ui.button(Tr::NewEmpty.get(lang)).clicked() {
                commands.push(Command::Apply {
                    edit: Edit::ReplaceScenario {
                        scenario: Box::new(Scenario::empty()),
                    },
                    merge: false,
                });
            }
            let can_save = self.doc.path.is_some();
            if ui
                .add_enabled(
                    can_save,
                    egui::Button::new(Tr::Save.get(lang))
                        .shortcut_text(ui.ctx().format_shortcut(&SAVE)),
                )
                .clicked()
            {
                self.save();
            }
            ui.separator();
            if ui.button(Tr::Quit.get(lang)).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button(Tr::MenuEdit.get(lang), |ui| {
            let scenario = self.doc.scenario();
            let undo = self.doc.undo_edit().map_or_else(
                || Tr::NothingToUndo.get(lang).to_owned(),
                |edit| format!("{}: {}", Tr::Undo.get(lang), edit.describe(lang, scenario)),
            );
            let button = egui::Button::new(undo).shortcut_text(ui.ctx().format_shortcut(&UNDO));
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
            let button = egui::Button::new(redo).shortcut_text(ui.ctx().format_shortcut(&REDO));
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
            let origin = self.doc.path.as_ref().map_or_else(
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
}

impl eframe::App for EcoplanApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let title = self.title();
        self.window_ui(ui);
        if self.title() != title || ui.ctx().cumulative_frame_nr() == 0 {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(self.title()));
        }
        if let Some(screenshot) = &mut self.screenshot {
            screenshot.step(ui.ctx());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            eframe::set_value(storage, eframe::APP_KEY, &self.state);
        }
    }
}

/// Opens the window (or renders a screenshot); returns the process exit code.
pub fn main(args: &WindowArgs) -> i32 {
    let (scenario, path) = match &args.file {
        Some(path) => match io::load(path) {
            Ok(scenario) => (scenario, Some(path.clone())),
            Err(error) => {
                eprintln!("{error}");
                return 2;
            }
        },
        None => (hanyang_plan(), None),
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
    let doc = match Document::new(scenario, path) {
        Ok(doc) => doc,
        Err(error) => {
            eprintln!("{error}");
            return 2;
        }
    };
    let screenshot = args.screenshot.clone().map(Screenshot::new);
    let outcome = screenshot.as_ref().map(Screenshot::outcome);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("ecoplan")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0]),
        persist_window: screenshot.is_none(),
        ..Default::default()
    };
    let lang = args.lang;
    let result = eframe::run_native(
        "ecoplan",
        options,
        Box::new(move |cc| {
            ui::fonts::install(&cc.egui_ctx);
            // A screenshot shows the defaults, not this machine's remembered settings.
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
            let mut app = EcoplanApp::new(doc, state);
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

/// Where a screenshot run reports: the PNG written, or why not.
pub type ScreenshotOutcome = std::sync::Arc<std::sync::Mutex<Option<Result<PathBuf, String>>>>;
