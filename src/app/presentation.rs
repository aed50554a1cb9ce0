//! Presentation mode (F11): one chart fills the window with large fonts; the arrow keys page
//! through every chart of the scenario (capacities, targets, series, footprint, EI), the
//! workspace's comparison and the last Monte Carlo run's fans; Esc or F11 returns to the
//! workbench.

use eframe::egui::{self, RichText};

use super::EcoplanApp;
use crate::charts::{ChartSpec, all_charts, comparison_chart, fan_chart};
use crate::i18n::Tr;
use crate::ui::chart::plot_ui;

/// What the charts are made from: they are made again only when one of these changes, not on
/// every frame of a slide.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartsMadeFrom {
    /// Which member is shown (its charts, its emphasis among those compared), and every
    /// member's name and document revision.
    current: usize,
    members: Vec<(String, u64)>,
    lang: crate::i18n::Lang,
    compared_series: Option<String>,
    runs_finished: u64,
}

fn made_from(app: &EcoplanApp) -> ChartsMadeFrom {
    let members = app
        .members
        .slots
        .iter()
        .enumerate()
        .map(|(i, slot)| {
            let revision = match &slot.doc {
                Some(doc) if i != app.members.current => doc.revision(),
                _ => app.doc.revision(),
            };
            (slot.name.clone(), revision)
        })
        .collect();
    ChartsMadeFrom {
        current: app.members.current,
        members,
        lang: app.lang(),
        compared_series: app.state.compare.series.clone(),
        runs_finished: app.uncertainty.status.finished,
    }
}

/// The charts of `charts`, made once per change of what they are made from.
pub fn cached_charts(app: &mut EcoplanApp) -> std::rc::Rc<Vec<ChartSpec>> {
    let key = made_from(app);
    match &app.presentation_charts {
        Some((made, charts)) if *made == key => charts.clone(),
        _ => {
            let charts = std::rc::Rc::new(charts(app));
            app.presentation_charts = Some((key, charts.clone()));
            charts
        }
    }
}

/// Every chart presentation mode pages through, in order.
pub fn charts(app: &EcoplanApp) -> Vec<ChartSpec> {
    let lang = app.lang();
    let (scenario, analysis) = (app.doc.scenario(), app.doc.analysis());
    let mut charts = all_charts(scenario, analysis, lang);
    // The fans of a run of this very scenario: a run of an earlier state would show numbers
    // the slide's other charts no longer have.
    if let Some((_, result)) = &app.uncertainty.status.last
        && app.uncertainty.status.last_revision == Some(app.doc.revision())
    {
        charts.extend(
            result
                .fans
                .iter()
                .map(|fan| fan_chart(scenario, analysis, result, fan, lang)),
        );
    }
    let members = app.member_views();
    if members.len() > 1 {
        let compared = app.state.compare.series_in(members[0].1);
        charts.extend(comparison_chart(
            &members,
            app.members.current,
            &compared,
            lang,
        ));
    }
    charts
}

pub fn ui(app: &mut EcoplanApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let charts = cached_charts(app);
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
