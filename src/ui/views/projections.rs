//! 预测结果: the year × series table with milestone columns highlighted, charts of the series
//! the user picks (one chart per unit), and the table as tab-separated text for Excel.

use eframe::egui::{self, RichText};

use super::section;
use crate::charts::series_chart;
use crate::format;
use crate::i18n::Tr;
use crate::io::csv::projection_tsv;
use crate::ui::chart::chart_ui;
use crate::ui::{UiState, ViewCtx, theme};

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, state: &mut UiState) {
    let doc = ctx.doc;
    let scenario = doc.scenario();
    let projection = &doc.analysis().projection;
    let lang = ctx.lang;
    ui.horizontal(|ui| {
        section(ui, ctx.tr(Tr::Projections));
        if ui.button(ctx.tr(Tr::CopyTable)).clicked() {
            ui.ctx()
                .copy_text(projection_tsv(scenario, projection, lang));
        }
    });
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::ScrollArea::horizontal()
                .id_salt("projection-table")
                .show(ui, |ui| {
                    let fill = theme::milestone_fill(ui.visuals());
                    egui::Grid::new("projection-table")
                        .striped(true)
                        .show(ui, |ui| {
                            ui.strong(ctx.tr(Tr::Name));
                            ui.strong(ctx.tr(Tr::Unit));
                            for year in projection.years() {
                                cell(
                                    ui,
                                    RichText::new(year.to_string()).strong(),
                                    scenario.milestones.contains(&year).then_some(fill),
                                );
                            }
                            ui.end_row();
                            for (series, projected) in
                                scenario.series.iter().zip(&projection.series)
                            {
                                ui.label(lang.label(&series.label));
                                ui.label(series.unit.symbol());
                                for (year, value) in projection.years().zip(&projected.values) {
                                    cell(
                                        ui,
                                        RichText::new(format::value(*value)),
                                        scenario.milestones.contains(&year).then_some(fill),
                                    );
                                }
                                ui.end_row();
                            }
                        });
                });

            section(ui, ctx.tr(Tr::ChartSeries));
            ui.horizontal_wrapped(|ui| {
                for series in &scenario.series {
                    let mut shown = state.chart_series.contains(&series.key);
                    let text = RichText::new(lang.label(&series.label))
                        .color(theme::series_color(scenario, &series.key));
                    if ui.checkbox(&mut shown, text).changed() {
                        if shown {
                            state.chart_series.push(series.key.clone());
                        } else {
                            state.chart_series.retain(|k| k != &series.key);
                        }
                    }
                }
            });
            // Series of different units never share an axis: one chart per unit.
            let mut units: Vec<&str> = Vec::new();
            for series in scenario
                .series
                .iter()
                .filter(|s| state.chart_series.contains(&s.key))
            {
                if !units.contains(&series.unit.symbol()) {
                    units.push(series.unit.symbol());
                }
            }
            for unit in units {
                let keys: Vec<&str> = scenario
                    .series
                    .iter()
                    .filter(|s| state.chart_series.contains(&s.key) && s.unit.symbol() == unit)
                    .map(|s| s.key.as_str())
                    .collect();
                let title = format!("{} ({unit})", ctx.tr(Tr::Projections));
                let analysis = doc.analysis();
                if let Some(spec) = series_chart(
                    scenario,
                    analysis,
                    &keys,
                    lang,
                    format!("projection-{unit}"),
                    title,
                ) {
                    ui.add_space(6.0);
                    chart_ui(ui, &spec, theme::CHART_HEIGHT, lang, ctx.commands);
                }
            }
        });
}

fn cell(ui: &mut egui::Ui, text: RichText, fill: Option<egui::Color32>) {
    match fill {
        Some(fill) => {
            egui::Frame::new()
                .fill(fill)
                .inner_margin(egui::Margin::symmetric(4, 0))
                .show(ui, |ui| ui.label(text));
        }
        None => {
            ui.label(text);
        }
    }
}
