//! The one place where commands change the application: every menu item, shortcut, palette
//! entry, button and view intent arrives here as a `Command`.

use eframe::egui;

use super::dialogs::{Modal, PathPurpose};
use super::{EcoplanApp, Pending};
use crate::i18n::{Lang, Tr};
use crate::io::export::Table;
use crate::model::Scenario;
use crate::plan::hanyang_plan;
use crate::ui::{Command, UiCommand};

impl EcoplanApp {
    /// Runs one command: the only place where the document, the workspace or the view changes.
    /// Applies an edit to the current document and records it for undo, or says why not.
    pub(super) fn apply_edit(&mut self, edit: crate::document::Edit) {
        self.apply_merging(edit, false);
    }

    fn apply_merging(&mut self, edit: crate::document::Edit, merge: bool) {
        match self.apply_to_current(edit, merge) {
            Ok(()) => self.message = None,
            Err(reason) => {
                let lang = self.lang();
                let reason = reason.in_lang_for(self.doc.scenario(), lang);
                self.message = Some(Tr::RejectedBecause.fill(lang, &[&reason]));
            }
        }
    }

    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Ui(command) => {
                if self.enabled(command) {
                    self.run_ui(ctx, command);
                }
            }
            Command::Apply { edit, merge } => self.apply_merging(edit, merge),
            Command::Show(view) => {
                // A refusal is about what was shown: another view does not carry it along.
                if view != self.state.view {
                    self.message = None;
                }
                self.state.view = view;
            }
            Command::OpenFile(path) => self.request(ctx, Pending::Open(path)),
            Command::CopyChart(spec) => match crate::io::chart_png::render_rgb(&spec, 1920, 1080) {
                Ok(rgb) => {
                    ctx.copy_image(egui::ColorImage::from_rgb([1920, 1080], &rgb));
                    let lang = self.lang();
                    self.notice = Some(crate::i18n::lead(
                        lang,
                        Tr::CopiedImage.get(lang),
                        &spec.title,
                    ));
                }
                Err(error) => self.message = Some(error),
            },
            Command::SaveChart(spec) => {
                let name = format!("{}.png", spec.key);
                self.ask_path(PathPurpose::SaveChart(spec), &name);
            }
            Command::RunUncertainty(settings) => {
                let fans = vec![self.state.uncertainty.fan_series_in(self.doc.scenario())];
                self.uncertainty.start(
                    self.doc.scenario().clone(),
                    self.doc.revision(),
                    settings,
                    fans,
                );
            }
            Command::CancelUncertainty => self.uncertainty.cancel(),
            Command::RunWhatIfBands(fans) => {
                // A run under way finishes first: restarting on every frame of a drag would
                // never finish one, so the bands follow the slider one run behind.
                if self.whatif.status.running.is_none() {
                    self.whatif.start(
                        self.doc.scenario().clone(),
                        self.doc.revision(),
                        crate::ui::views::bands_settings(),
                        fans,
                    );
                    // Frames keep coming while it runs (`poll`), from the next one on.
                    ctx.request_repaint();
                }
            }
            Command::SwitchMember(index) => self.switch_member(index),
            Command::RemoveMember(index) => self.remove_member(index),
            Command::RenameMember(name) => self.rename_member(&name),
            Command::Notify(text) => self.notice = Some(text),
        }
    }

    /// Whether a named command can run now; menus grey out those that cannot.
    pub fn enabled(&self, command: UiCommand) -> bool {
        let current = self.members.current;
        match command {
            UiCommand::Revert => {
                self.doc.path.is_some() && self.doc.is_dirty() && !self.members.is_workspace()
            }
            UiCommand::Undo => !self.history.is_empty(),
            UiCommand::Redo => !self.future.is_empty(),
            UiCommand::RemoveScenario => self.members.removable(current),
            // A member's name is the workspace's; a single scenario keeps the name in its file.
            UiCommand::RenameScenario => true,
            UiCommand::MoveScenarioUp => self.members.move_target(current, true).is_some(),
            UiCommand::MoveScenarioDown => self.members.move_target(current, false).is_some(),
            UiCommand::NewFromPlan
            | UiCommand::NewEmpty
            | UiCommand::NewDistrict
            | UiCommand::ExportIndicatorTemplate
            | UiCommand::ExportReport
            | UiCommand::ImportValues
            | UiCommand::Open
            | UiCommand::Save
            | UiCommand::SaveAs
            | UiCommand::ExportXlsx
            | UiCommand::ExportProjectionCsv
            | UiCommand::ExportCapacityCsv
            | UiCommand::ExportTargetsCsv
            | UiCommand::Quit
            | UiCommand::NewChild
            | UiCommand::LanguageZh
            | UiCommand::LanguageEn
            | UiCommand::LargeFont
            | UiCommand::ThemeLight
            | UiCommand::ThemeDark
            | UiCommand::ThemeSystem
            | UiCommand::Presentation
            | UiCommand::CommandPalette
            | UiCommand::Guide
            | UiCommand::KeyboardShortcuts => true,
        }
    }

    /// Presentation starts at the first chart the current view shows, or at the first chart.
    fn first_chart_of_view(&self) -> usize {
        let shown = self.state.view.info().charts;
        let scenario = self.doc.scenario();
        super::presentation::charts(self)
            .iter()
            .position(|chart| shown.shows(&chart.key, scenario))
            .unwrap_or(0)
    }

    fn run_ui(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::NewFromPlan => self.request(ctx, Pending::New(Box::new(hanyang_plan()))),
            UiCommand::NewEmpty => self.request(ctx, Pending::New(Box::new(Scenario::empty()))),
            UiCommand::NewDistrict => {
                self.modal = Some(Modal::NewDistrict(super::new_district::NewDistrictForm {
                    name: String::new(),
                    region: String::new(),
                    base_year: self.doc.scenario().base_year.to_string(),
                    kind: crate::plan::frame::PlaceKind::District,
                    coastal: false,
                    milestones: String::new(),
                    horizon: String::new(),
                    period_names: String::new(),
                    frame_path: String::new(),
                    frame: None,
                    frame_error: None,
                }));
            }
            UiCommand::ExportIndicatorTemplate => self.export_table(Some(Table::Indicators)),
            UiCommand::ExportReport => {
                self.modal = Some(super::dialogs::Modal::Chapter {
                    chapter: Box::new(self.doc.scenario().chapter.clone()),
                    outline: Vec::new(),
                    outline_of: None,
                });
            }
            UiCommand::ImportValues => self.ask_path(PathPurpose::Import, ""),
            UiCommand::Open => self.ask_path(PathPurpose::Open, ""),
            UiCommand::Save => {
                self.save();
            }
            UiCommand::SaveAs => {
                self.save_as();
            }
            UiCommand::Revert => self.revert(),
            UiCommand::ExportXlsx => self.export_table(None),
            UiCommand::ExportProjectionCsv => self.export_table(Some(Table::Projection)),
            UiCommand::ExportCapacityCsv => self.export_table(Some(Table::Capacity)),
            UiCommand::ExportTargetsCsv => self.export_table(Some(Table::Targets)),
            UiCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            UiCommand::Undo => self.undo(),
            UiCommand::Redo => self.redo(),
            UiCommand::NewChild => self.new_child(),
            UiCommand::RemoveScenario => {
                self.modal = Some(Modal::ConfirmRemove(self.members.current));
            }
            UiCommand::RenameScenario => {
                let name = if self.members.is_workspace() {
                    self.members.current_name().to_owned()
                } else {
                    self.doc.scenario().metadata.name.clone()
                };
                self.modal = Some(Modal::Rename(name));
            }
            UiCommand::MoveScenarioUp => self.move_member(true),
            UiCommand::MoveScenarioDown => self.move_member(false),
            UiCommand::LanguageZh => self.state.lang = Lang::Zh,
            UiCommand::LanguageEn => self.state.lang = Lang::En,
            UiCommand::LargeFont => self.state.large_font = !self.state.large_font,
            UiCommand::ThemeLight => self.state.theme = crate::ui::ThemeChoice::Light,
            UiCommand::ThemeDark => self.state.theme = crate::ui::ThemeChoice::Dark,
            UiCommand::ThemeSystem => self.state.theme = crate::ui::ThemeChoice::System,
            UiCommand::Presentation => {
                self.presentation = match self.presentation {
                    Some(_) => None,
                    None => Some(self.first_chart_of_view()),
                };
            }
            UiCommand::Guide => self.help = Some(super::help::HelpPage::Guide),
            UiCommand::KeyboardShortcuts => {
                self.help = Some(super::help::HelpPage::KeyboardShortcuts)
            }
            UiCommand::CommandPalette => {
                self.palette = match self.palette {
                    Some(_) => None,
                    None => Some(String::new()),
                };
            }
        }
    }
}
