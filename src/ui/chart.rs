//! Line charts over the projection years: legend, hover read-out with unit, zoom and pan with a
//! reset, and vertical lines at the milestone years.

use eframe::egui::{self, Color32};
use egui_plot::{HLine, Legend, Line, LineStyle, Plot, PlotPoints, VLine};

use super::theme;
use crate::format;
use crate::i18n::{Lang, Tr};

/// One line of a chart.
pub struct ChartLine {
    pub name: String,
    pub color: Color32,
    pub points: Vec<[f64; 2]>,
    pub dashed: bool,
}

/// A horizontal reference (a capacity).
pub struct ChartLevel {
    pub name: String,
    pub color: Color32,
    pub value: f64,
}

pub struct Chart<'a> {
    pub id: &'a str,
    pub unit: &'a str,
    pub lines: Vec<ChartLine>,
    pub levels: Vec<ChartLevel>,
    pub milestones: &'a [i32],
    /// A year to mark (first exceedance), with its label.
    pub marker: Option<(i32, String)>,
    pub height: f32,
}

impl Chart<'_> {
    pub fn ui(self, ui: &mut egui::Ui, lang: Lang) {
        let reset_id = ui.make_persistent_id((self.id, "reset"));
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(self.unit).weak());
            if ui.small_button(Tr::ResetView.get(lang)).clicked() {
                ui.data_mut(|d| d.insert_temp(reset_id, true));
            }
        });
        let reset = ui
            .data_mut(|d| d.remove_temp::<bool>(reset_id))
            .unwrap_or(false);
        let unit = self.unit.to_owned();
        let mut plot = Plot::new(self.id)
            .height(self.height)
            .legend(Legend::default())
            .include_y(0.0)
            .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
            .label_formatter(move |position| {
                let (name, point) = match position {
                    egui_plot::HoverPosition::NearDataPoint {
                        plot_name,
                        position,
                        ..
                    } => (*plot_name, position),
                    egui_plot::HoverPosition::Elsewhere { position } => ("", position),
                };
                Some(format!(
                    "{name}\n{:.0}: {} {unit}",
                    point.x.round(),
                    format::value(point.y)
                ))
            });
        if reset {
            plot = plot.reset();
        }
        let milestone_name = Tr::Milestone.get(lang).to_owned();
        plot.show(ui, |plot_ui| {
            for &year in self.milestones {
                plot_ui.vline(
                    VLine::new(format!("{milestone_name} {year}"), f64::from(year))
                        .color(theme::MILESTONE_LINE)
                        .style(LineStyle::dashed_dense()),
                );
            }
            for level in self.levels {
                plot_ui.hline(
                    HLine::new(level.name, level.value)
                        .color(level.color)
                        .width(2.0),
                );
            }
            if let Some((year, label)) = self.marker {
                plot_ui.vline(
                    VLine::new(label, f64::from(year))
                        .color(theme::BAD)
                        .width(2.0),
                );
            }
            for line in self.lines {
                let mut item = Line::new(line.name, PlotPoints::from(line.points))
                    .color(line.color)
                    .width(2.0);
                if line.dashed {
                    item = item.style(LineStyle::dashed_loose());
                }
                plot_ui.line(item);
            }
        });
    }
}
