//! Help beside the views: the guide (`docs/guide.zh.md`, `docs/guide.en.md`, the same files the
//! README links) and every command with its shortcuts, from `UiCommand`.

use eframe::egui::{self, RichText};

use super::EcoplanApp;
use crate::i18n::Tr;
use crate::ui::UiCommand;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpPage {
    Guide,
    KeyboardShortcuts,
}

/// Draws the guide's Markdown as the window's text: headings, bullets and paragraphs.
fn guide_ui(ui: &mut egui::Ui, text: &str) {
    for line in text.lines() {
        let plain = line.replace('`', "");
        if let Some(title) = plain.strip_prefix("### ") {
            ui.add_space(4.0);
            ui.label(RichText::new(title).strong());
        } else if let Some(title) = plain.strip_prefix("## ") {
            ui.add_space(8.0);
            ui.heading(title);
        } else if let Some(title) = plain.strip_prefix("# ") {
            ui.label(RichText::new(title).heading().strong());
        } else if let Some(item) = plain.strip_prefix("- ") {
            ui.horizontal_wrapped(|ui| {
                ui.label("•");
                ui.label(item);
            });
        } else if !plain.trim().is_empty() {
            ui.label(plain);
        }
    }
}

impl EcoplanApp {
    pub(super) fn help_ui(&mut self, ctx: &egui::Context) {
        let Some(page) = self.help else {
            return;
        };
        let lang = self.lang();
        let title = match page {
            HelpPage::Guide => Tr::Guide,
            HelpPage::KeyboardShortcuts => Tr::KeyboardShortcuts,
        };
        let mut open = true;
        egui::Window::new(title.get(lang))
            .id(egui::Id::unique("ecoplan-help"))
            .open(&mut open)
            .default_size([560.0, 640.0])
            // Beside the views, clear of the menu bar and the navigator.
            .default_pos(ctx.content_rect().right_top() + egui::vec2(-600.0, 40.0))
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| match page {
                    HelpPage::Guide => guide_ui(ui, crate::i18n::guide(lang)),
                    HelpPage::KeyboardShortcuts => {
                        egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                            for command in UiCommand::ALL.iter().copied() {
                                ui.label(command.text().get(lang));
                                let keys: Vec<String> = command
                                    .shortcuts()
                                    .iter()
                                    .map(|s| ctx.format_shortcut(s))
                                    .collect();
                                let keys = if keys.is_empty() {
                                    Tr::NoShortcut.get(lang).to_owned()
                                } else {
                                    keys.join(" · ")
                                };
                                ui.label(RichText::new(keys).monospace());
                                ui.end_row();
                            }
                        });
                    }
                });
            });
        if !open {
            self.help = None;
        }
    }
}
