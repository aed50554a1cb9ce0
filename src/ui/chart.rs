//! Draws a `ChartSpec` with egui_plot: legend, hover read-out with year, value and unit, zoom and
//! pan with a reset, milestone lines; and buttons to copy the chart as an image or save it as a
//! PNG.

use eframe::egui::{self, Color32};
use egui_plot::{HLine, Legend, Line, LineStyle, Plot, PlotPoints, VLine};

use super::Command;
use crate::charts::{ChartSpec, Rgb};
use crate::format;
use crate::i18n::{Lang, Tr};

pub fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

/// A chart with its toolbar. Copy and save go out as commands.
pub fn chart_ui(
    ui: &mut egui::Ui,
    spec: &ChartSpec,
    height: f32,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let reset_id = ui.make_persistent_id((&spec.key, "reset"));
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(&spec.unit).weak());
        if ui.small_button(Tr::ResetView.get(lang)).clicked() {
            ui.data_mut(|d| d.insert_temp(reset_id, true));
        }
        if ui.small_button(Tr::CopyImage.get(lang)).clicked() {
            commands.push(Command::CopyChart(Box::new(spec.clone())));
        }
        if ui.small_button(Tr::SavePng.get(lang)).clicked() {
            commands.push(Command::SaveChart(Box::new(spec.clone())));
        }
    });
    plot_ui(ui, spec, height, lang, reset_id);
}

/// What hovering shows. Only data is read out: the nearest point of the nearest series, a
/// level's value, or a marker's name; away from every item the cursor's coordinates are no
/// data and show nothing.
fn read_out(
    lines: &[String],
    levels: &[(String, f64)],
    unit: &str,
    position: &egui_plot::HoverPosition<'_>,
) -> Option<String> {
    match position {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => {
            if lines.iter().any(|l| l == plot_name) {
                Some(format!(
                    "{plot_name}\n{:.0}: {} {unit}",
                    position.x.round(),
                    format::value(position.y)
                ))
            } else if let Some((_, value)) = levels.iter().find(|(n, _)| n == plot_name) {
                Some(format!("{plot_name}: {} {unit}", format::value(*value)))
            } else {
                Some((*plot_name).to_owned())
            }
        }
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    }
}

/// `read_out` for a plot that is not a `ChartSpec` (the what-if view's small multiples): the
/// nearest data point of the nearest item with its year, or nothing.
pub fn snapped(unit: String) -> impl Fn(&egui_plot::HoverPosition<'_>) -> Option<String> + 'static {
    move |position| match position {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some(format!(
            "{plot_name}\n{:.0}: {} {unit}",
            position.x.round(),
            format::value(position.y)
        )),
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    }
}

/// The plot alone (presentation mode has its own controls).
pub fn plot_ui(ui: &mut egui::Ui, spec: &ChartSpec, height: f32, lang: Lang, reset_id: egui::Id) {
    let has_data = spec
        .lines
        .iter()
        .any(|l| l.points.iter().any(|(_, y)| y.is_finite()));
    if !spec.lines.is_empty() && !has_data {
        // A new district before its base values: say so rather than draw an empty frame.
        ui.label(egui::RichText::new(Tr::NoData.get(lang)).weak());
    }
    let reset = ui
        .data_mut(|d| d.remove_temp::<bool>(reset_id))
        .unwrap_or(false);
    let unit = spec.unit.clone();
    let lines: Vec<String> = spec.lines.iter().map(|l| l.name.clone()).collect();
    let levels: Vec<(String, f64)> = spec
        .levels
        .iter()
        .map(|l| (l.name.clone(), l.value))
        .collect();
    let mut plot = Plot::new(&spec.key)
        .height(height)
        .legend(
            // In the order drawn: a fan's bands from the outer one in, then its median.
            Legend::default().follow_insertion_order(true).position(
                if crate::charts::legend_on_the_right(spec) {
                    egui_plot::Corner::RightTop
                } else {
                    egui_plot::Corner::LeftTop
                },
            ),
        )
        .include_y(0.0)
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .label_formatter(move |position| read_out(&lines, &levels, &unit, position));
    if reset {
        plot = plot.reset();
    }
    let milestone_name = Tr::Milestone.get(lang);
    plot.show(ui, |plot_ui| {
        for &year in &spec.milestones {
            plot_ui.vline(
                VLine::new(format!("{milestone_name} {year}"), f64::from(year))
                    .color(color(crate::charts::MILESTONE_COLOR))
                    .style(LineStyle::dashed_dense()),
            );
        }
        for level in &spec.levels {
            plot_ui.hline(
                HLine::new(level.name.clone(), level.value)
                    .color(color(level.color))
                    .width(2.0),
            );
        }
        if let Some((year, label)) = &spec.marker {
            plot_ui.vline(
                VLine::new(label.clone(), f64::from(*year))
                    .color(color(crate::charts::CAPACITY_COLOR))
                    .width(2.0),
            );
        }
        for band in &spec.bands {
            let xs: Vec<f64> = band.points.iter().map(|p| p.0).collect();
            let low: Vec<f64> = band.points.iter().map(|p| p.1).collect();
            let high: Vec<f64> = band.points.iter().map(|p| p.2).collect();
            plot_ui.add(
                egui_plot::FilledArea::new(band.name.clone(), &xs, &low, &high)
                    .fill_color(color(band.color).gamma_multiply(band.opacity)),
            );
        }
        for line in &spec.lines {
            // Years without data (NaN) are left out rather than drawn as 0.
            let points: Vec<[f64; 2]> = line
                .points
                .iter()
                .filter(|(_, y)| y.is_finite())
                .map(|(x, y)| [*x, *y])
                .collect();
            plot_ui.line(
                Line::new(line.name.clone(), PlotPoints::from(points))
                    .color(color(line.color))
                    .width(2.5),
            );
        }
        for observed in &spec.observed {
            let points: Vec<[f64; 2]> = observed.points.iter().map(|(x, y)| [*x, *y]).collect();
            plot_ui.points(
                egui_plot::Points::new(observed.name.clone(), PlotPoints::from(points))
                    .color(color(observed.color))
                    .shape(egui_plot::MarkerShape::Diamond)
                    .filled(true)
                    .radius(5.0),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use egui_plot::{HoverPosition, PlotPoint};

    use super::read_out;

    #[test]
    fn hover_reads_out_data_only() {
        let lines = ["COD".to_owned()];
        let levels = [("Capacity".to_owned(), 15_314.61)];
        let near = |name, x, y| HoverPosition::NearDataPoint {
            plot_name: name,
            position: PlotPoint::new(x, y),
            index: 0,
        };
        // The nearest point's year and value, as every table shows the value.
        assert_eq!(
            read_out(&lines, &levels, "t/a", &near("COD", 2028.2, 5363.6)),
            Some(format!("COD\n2028: {} t/a", crate::format::value(5363.6)))
        );
        // A level shows its own value, wherever along it the cursor is.
        assert_eq!(
            read_out(&lines, &levels, "t/a", &near("Capacity", 2030.0, 15_000.0)),
            Some(format!("Capacity: {} t/a", crate::format::value(15_314.61)))
        );
        // Away from the lines: nothing, never the cursor's coordinates.
        let elsewhere = HoverPosition::Elsewhere {
            position: PlotPoint::new(2030.0, 1234.0),
        };
        assert_eq!(read_out(&lines, &levels, "t/a", &elsewhere), None);
    }
}
