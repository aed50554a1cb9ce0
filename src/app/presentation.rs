//! Presentation mode (F11): one chart fills the window with large fonts; the arrow keys page
//! through every chart of the scenario; Esc or F11 returns to the workbench.

use eframe::egui::{self, RichText};

use super::EcoplanApp;
use crate::charts::all_charts;
use crate::i18n::Tr;
use crate::ui::chart::plot_ui;

pub fn ui(app: &mut EcoplanApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let charts = all_charts(app.doc.scenario(), app.doc.analysis(), lang);
    if charts.is_empty() {
        app.presentation = None;
        return;
    }
    let (next, previous, leave) = ui.ctx().input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight)
                || i.consume_key(egui::Modifiers::NONE, egui::Key::PageDown),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowLeft)
                || i.consume_key(egui::Modifiers::NONE, egui::Key::PageUp),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
        )
    });
    let count = charts.len();
    let mut index = app.presentation.unwrap_or(0).min(count - 1);
    if next {
        index = (index + 1) % count;
    }
    if previous {
        index = (index + count - 1) % count;
    }
    app.presentation = if leave { None } else { Some(index) };
    let spec = &charts[index];
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(RichText::new(&spec.title).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(Tr::Close.get(lang)).clicked() {
                    app.presentation = None;
                }
                ui.label(
                    RichText::new(format!(
                        "{} / {count} · {}",
                        index + 1,
                        Tr::PresentationHint.get(lang)
                    ))
                    .weak(),
                );
            });
        });
        let height = ui.available_height() - 30.0;
        plot_ui(
            ui,
            spec,
            height.max(200.0),
            lang,
            ui.make_persistent_id(("present", &spec.key)),
        );
        ui.label(RichText::new(&spec.source_note).small().weak());
    });
}
