//! The menu bar, the navigator's list of scenarios, the status bar and the command palette.
//! Each sends `Command`s; none changes the application itself.

use eframe::egui::{self, RichText};

use super::EcoplanApp;
use crate::i18n::{Lang, Tr};
use crate::ui::{Command, UiCommand, View, theme};

impl EcoplanApp {
    /// A menu entry for a named command: its text, its shortcut, greyed out when not possible.
    fn command_button(
        &self,
        ui: &mut egui::Ui,
        command: UiCommand,
        text: Option<String>,
        commands: &mut Vec<Command>,
    ) {
        let lang = self.lang();
        let mut button =
            egui::Button::new(text.unwrap_or_else(|| command.text().get(lang).to_owned()));
        if let Some(shortcut) = command.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        if ui.add_enabled(self.enabled(command), button).clicked() {
            commands.push(Command::Ui(command));
        }
    }

    pub(super) fn menu_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        ui.menu_button(Tr::MenuFile.get(lang), |ui| {
            for command in [
                UiCommand::NewFromPlan,
                UiCommand::NewEmpty,
                UiCommand::NewDistrict,
                UiCommand::Open,
            ] {
                self.command_button(ui, command, None, commands);
            }
            ui.menu_button(Tr::RecentFiles.get(lang), |ui| {
                if self.state.recent_files.is_empty() {
                    ui.label(Tr::NoRecentFiles.get(lang));
                }
                for path in &self.state.recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::OpenFile(path.clone()));
                    }
                }
            });
            ui.separator();
            for command in [UiCommand::Save, UiCommand::SaveAs, UiCommand::Revert] {
                self.command_button(ui, command, None, commands);
            }
            ui.separator();
            ui.menu_button(Tr::Export.get(lang), |ui| {
                for command in [
                    UiCommand::ExportXlsx,
                    UiCommand::ExportProjectionCsv,
                    UiCommand::ExportCapacityCsv,
                    UiCommand::ExportTargetsCsv,
                    UiCommand::ExportIndicatorTemplate,
                    UiCommand::ExportReport,
                ] {
                    self.command_button(ui, command, None, commands);
                }
            });
            self.command_button(ui, UiCommand::ImportValues, None, commands);
            ui.separator();
            self.command_button(ui, UiCommand::Quit, None, commands);
        });
        ui.menu_button(Tr::MenuEdit.get(lang), |ui| {
            // The menu names what undo and redo would do.
            let undo = self.history.last().map_or_else(
                || Tr::NothingToUndo.get(lang).to_owned(),
                |entry| crate::i18n::lead(lang, Tr::Undo.get(lang), &entry.describe(self, false)),
            );
            self.command_button(ui, UiCommand::Undo, Some(undo), commands);
            let redo = self.future.last().map_or_else(
                || Tr::NothingToRedo.get(lang).to_owned(),
                |entry| crate::i18n::lead(lang, Tr::Redo.get(lang), &entry.describe(self, true)),
            );
            self.command_button(ui, UiCommand::Redo, Some(redo), commands);
            ui.separator();
            for command in [
                UiCommand::NewChild,
                UiCommand::RenameScenario,
                UiCommand::MoveScenarioUp,
                UiCommand::MoveScenarioDown,
                UiCommand::RemoveScenario,
            ] {
                self.command_button(ui, command, None, commands);
            }
            ui.separator();
            self.command_button(ui, UiCommand::CommandPalette, None, commands);
        });
        ui.menu_button(Tr::MenuView.get(lang), |ui| {
            ui.label(RichText::new(Tr::Language.get(lang)).weak());
            for (command, language, name) in [
                (UiCommand::LanguageZh, Lang::Zh, "中文"),
                (UiCommand::LanguageEn, Lang::En, "English"),
            ] {
                if ui.radio(lang == language, name).clicked() {
                    commands.push(Command::Ui(command));
                }
            }
            ui.separator();
            ui.label(RichText::new(Tr::Theme.get(lang)).weak());
            for (command, choice) in [
                (UiCommand::ThemeLight, crate::ui::ThemeChoice::Light),
                (UiCommand::ThemeDark, crate::ui::ThemeChoice::Dark),
                (UiCommand::ThemeSystem, crate::ui::ThemeChoice::System),
            ] {
                if ui
                    .radio(self.state.theme == choice, command.text().get(lang))
                    .clicked()
                {
                    commands.push(Command::Ui(command));
                }
            }
            ui.separator();
            if ui
                .checkbox(&mut self.state.large_font.clone(), Tr::LargeFont.get(lang))
                .clicked()
            {
                commands.push(Command::Ui(UiCommand::LargeFont));
            }
            self.command_button(ui, UiCommand::Presentation, None, commands);
            ui.separator();
            for view in View::ALL.iter().copied() {
                if ui
                    .selectable_label(self.state.view == view, view.title().get(lang))
                    .clicked()
                {
                    commands.push(Command::Show(view));
                }
            }
        });
        ui.menu_button(Tr::MenuHelp.get(lang), |ui| {
            self.command_button(ui, UiCommand::Guide, None, commands);
            self.command_button(ui, UiCommand::KeyboardShortcuts, None, commands);
            ui.separator();
            ui.label(Tr::AboutText.get(lang));
            ui.label(format!("ecoplan {}", crate::assets::VERSION));
            ui.label(RichText::new(Tr::Licences.get(lang)).weak());
        });
    }

    /// The workspace's scenarios, children indented under their parents, and what can be done
    /// with the current one.
    pub(super) fn members_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        ui.label(RichText::new(Tr::Scenarios.get(lang)).weak());
        for (i, depth) in self.members.tree() {
            let slot = &self.members.slots[i];
            // A file of one scenario is called by the scenario's own name, which the Plan view
            // and Rename edit.
            let name = if self.members.is_workspace() {
                slot.name.as_str()
            } else {
                self.doc.scenario().metadata.name.as_str()
            };
            ui.horizontal(|ui| {
                ui.add_space(12.0 * depth as f32);
                let text = if self
                    .doc_at(i)
                    .is_some_and(crate::document::Document::is_dirty)
                {
                    format!("{name} ●")
                } else {
                    name.to_owned()
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
            for (command, text) in [
                (UiCommand::NewChild, Tr::NewChild.get(lang)),
                (UiCommand::RenameScenario, Tr::Rename.get(lang)),
                (UiCommand::MoveScenarioUp, "↑"),
                (UiCommand::MoveScenarioDown, "↓"),
                (UiCommand::RemoveScenario, Tr::RemoveScenario.get(lang)),
            ] {
                let button = egui::Button::new(text).small();
                let response = ui
                    .add_enabled(self.enabled(command), button)
                    .on_hover_text(command.text().get(lang))
                    .accessible_name(command.text().get(lang));
                if response.clicked() {
                    commands.push(Command::Ui(command));
                }
            }
        });
    }

    pub(super) fn status_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        ui.horizontal(|ui| {
            ui.label(RichText::new(self.display_name()).strong());
            let origin = self.current_file().map_or_else(
                || Tr::NoFileYet.get(lang).to_owned(),
                |p| p.display().to_string(),
            );
            ui.label(RichText::new(origin).weak());
            // "saved" only where there is a file to be saved in.
            if self.any_dirty() {
                ui.separator();
                ui.label(
                    RichText::new(format!("● {}", Tr::Unsaved.get(lang))).color(theme::near()),
                );
            } else if self.current_file().is_some() {
                ui.separator();
                ui.label(RichText::new(Tr::Saved.get(lang)).weak());
            }
            ui.separator();
            if let Some(notice) = &self.notice {
                ui.label(RichText::new(notice.as_str()).color(theme::ok()));
                ui.separator();
            }
            let count = self.doc.analysis().findings.len() + usize::from(self.message.is_some());
            let color = if count == 0 {
                theme::ok()
            } else {
                theme::near()
            };
            if ui
                .link(RichText::new(format!("⚠ {}", message_count(count, lang))).color(color))
                .clicked()
            {
                commands.push(Command::Show(View::Overview));
            }
        });
    }

    /// The command palette (Ctrl+Shift+P): every named command, filtered by what is typed in
    /// either language; Enter runs the first, Esc closes.
    pub(super) fn palette_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(mut query) = self.palette.take() else {
            return;
        };
        let lang = self.lang();
        let needle = query.trim().to_lowercase();
        let matching: Vec<UiCommand> = UiCommand::ALL
            .iter()
            .copied()
            .filter(|c| *c != UiCommand::CommandPalette && self.enabled(*c))
            .filter(|c| {
                let (zh, en) = (c.text().get(Lang::Zh), c.text().get(Lang::En));
                needle.is_empty() || zh.contains(&needle) || en.to_lowercase().contains(&needle)
            })
            .collect();
        let mut chosen = None;
        let mut close = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        egui::Modal::new(egui::Id::unique("ecoplan-palette")).show(ctx, |ui| {
            ui.set_width(420.0);
            let field = ui
                .add(egui::TextEdit::singleline(&mut query).hint_text(Tr::CommandPalette.get(lang)))
                .accessible_name(Tr::CommandPalette.get(lang));
            field.request_focus();
            if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                chosen = matching.first().copied();
            }
            for command in &matching {
                ui.horizontal(|ui| {
                    if ui.button(command.text().get(lang)).clicked() {
                        chosen = Some(*command);
                    }
                    if let Some(shortcut) = command.shortcuts().first() {
                        ui.label(RichText::new(ctx.format_shortcut(shortcut)).weak());
                    }
                });
            }
            if ui.button(Tr::Close.get(lang)).clicked() {
                close = true;
            }
        });
        if let Some(command) = chosen {
            commands.push(Command::Ui(command));
        } else if !close {
            self.palette = Some(query);
        }
    }
}

/// How many messages there are, as the status bar says it: "1 条提示", "1 message", "3 messages".
fn message_count(count: usize, lang: crate::i18n::Lang) -> String {
    if count == 1 {
        Tr::OneMessage.get(lang).to_owned()
    } else {
        Tr::Messages.fill(lang, &[&count])
    }
}
