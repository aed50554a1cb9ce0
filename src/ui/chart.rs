//! Draws a `ChartSpec` with egui_plot: the legend above the plotting area (it covers no curve),
//! hover read-out with year, value and unit, zoom and pan with a reset, milestone lines, the
//! first exceedance labelled at its mark; and buttons to copy the chart as an image or save it
//! as a PNG.

use eframe::egui::{self, Color32};
use egui_plot::{HLine, Line, LineStyle, Plot, PlotPoints, VLine};

use super::Command;
use super::theme::color;
use crate::charts::{ChartSpec, Glyph};
use crate::format;
use crate::i18n::{Lang, Tr};

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
    (unit, decimals): (&str, Option<u8>),
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
                    format::with_decimals(position.y, decimals)
                ))
            } else if let Some((_, value)) = levels.iter().find(|(n, _)| n == plot_name) {
                Some(format!(
                    "{plot_name}: {} {unit}",
                    format::with_decimals(*value, decimals)
                ))
            } else {
                Some((*plot_name).to_owned())
            }
        }
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    }
}

/// `read_out` for a plot that is not a `ChartSpec` (the what-if view's small multiples): the
/// nearest data point of the nearest item with its year, or nothing.
pub fn snapped(
    unit: String,
    decimals: Option<u8>,
) -> impl Fn(&egui_plot::HoverPosition<'_>) -> Option<String> + 'static {
    move |position| match position {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => Some(format!(
            "{plot_name}\n{:.0}: {} {unit}",
            position.x.round(),
            format::with_decimals(position.y, decimals)
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
    let decimals = spec.decimals;
    // Legend and note above the plot, inside the height asked for.
    let top = ui.cursor().top();
    legend_ui(ui, spec);
    if let Some(note) = &spec.note {
        ui.label(note.as_str());
    }
    let height = (height - (ui.cursor().top() - top)).max(120.0);
    let mut plot = Plot::new(&spec.key)
        .height(height)
        .grid_color(super::theme::chart_grid())
        .y_grid_spacer(value_marks())
        // The unit on its axis, in the window and on a presentation slide alike.
        .y_axis_label(spec.unit.clone())
        .x_axis_label(spec.x_label.clone())
        .include_y(0.0)
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .y_axis_formatter(value_tick)
        .label_formatter(move |position| read_out(&lines, &levels, (&unit, decimals), position));
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
            let x = f64::from(*year);
            plot_ui.vline(
                VLine::new(label.clone(), x)
                    .color(color(crate::charts::CAPACITY_COLOR))
                    .width(2.0),
            );
            // Said at the mark, where the eye already is: "首次超载年份 2044", at the top of
            // the data (a text counts towards the axis range: placed at the plot's own top, it
            // would push the axis up frame after frame).
            let bounds = plot_ui.plot_bounds();
            let right_half = x > 0.5 * (bounds.min()[0] + bounds.max()[0]);
            let top = crate::charts::peak(
                spec.lines
                    .iter()
                    .flat_map(|l| l.points.iter().map(|p| p.1))
                    .chain(spec.bands.iter().flat_map(|b| b.points.iter().map(|p| p.2)))
                    .chain(spec.levels.iter().map(|l| l.value)),
            );
            plot_ui.text(
                egui_plot::Text::new(
                    label.clone(),
                    egui_plot::PlotPoint::new(x, if top.is_finite() { top } else { 0.0 }),
                    egui::RichText::new(format!(" {label} "))
                        .color(color(crate::charts::CAPACITY_COLOR))
                        .size(15.0)
                        .strong(),
                )
                .anchor(if right_half {
                    egui::Align2::RIGHT_TOP
                } else {
                    egui::Align2::LEFT_TOP
                }),
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
                    .width(if line.emphasis { 4.0 } else { 2.5 }),
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

/// Value marks at about five round steps over what is shown (1, 2 or 5 times a power of ten):
/// egui_plot's powers of ten alone leave a chart of 4.5 to 9.1 with a single label, "0".
pub fn value_marks() -> Box<dyn Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark>> {
    egui_plot::uniform_grid_spacer(|input| {
        let step = round_step((input.bounds.1 - input.bounds.0) / 5.0);
        [step / 5.0, step, step * 5.0]
    })
}

/// A value axis label exactly, grouped like the tables: 20,000, 2.5 and 0.05, never 20000,
/// "2" for 2.5, or 0.0500000001.
/// The axis of horizontal bars placed at `count`, `count − 1`, … 1 (the first on top): each
/// whole mark is named by its bar, the others left blank (a tornado, the importance bars).
pub fn bar_names(
    names: Vec<String>,
) -> impl Fn(egui_plot::GridMark, &std::ops::RangeInclusive<f64>) -> String {
    let count = names.len() as f64;
    move |mark, _| {
        let i = count - mark.value;
        if mark.value.fract() == 0.0 && i >= 0.0 {
            names.get(i as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    }
}

pub fn value_tick(mark: egui_plot::GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    format::exact(mark.value)
}

/// The smallest 1, 2 or 5 times a power of ten at least `raw`.
fn round_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude)
}

/// The legend as a row above the plot: every entry's glyph in its colour and its name.
fn legend_ui(ui: &mut egui::Ui, spec: &ChartSpec) {
    ui.horizontal_wrapped(|ui| {
        for entry in crate::charts::legend(spec) {
            // Glyph and name move to the next row together, the name never broken.
            let font = egui::TextStyle::Body.resolve(ui.style());
            let text_width = ui
                .painter()
                .layout_no_wrap(entry.name.clone(), font, Color32::PLACEHOLDER)
                .size()
                .x;
            let needed = 24.0 + 3.0 * ui.spacing().item_spacing.x + text_width + 10.0;
            if needed > ui.available_size_before_wrap().x
                && ui.cursor().left() > ui.max_rect().left()
            {
                ui.end_row();
            }
            ui.horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(24.0, 14.0), egui::Sense::hover());
                let painter = ui.painter();
                let c = color(entry.color);
                match entry.glyph {
                    Glyph::Line => {
                        painter.line_segment([rect.left_center(), rect.right_center()], (2.5, c));
                    }
                    Glyph::Level => {
                        painter.line_segment([rect.left_center(), rect.right_center()], (3.5, c));
                    }
                    Glyph::Band(opacity) => {
                        painter.rect_filled(
                            rect.shrink2(egui::vec2(0.0, 2.0)),
                            0.0,
                            c.gamma_multiply(opacity),
                        );
                    }
                    Glyph::Points => {
                        painter.circle_filled(rect.center(), 4.5, c);
                    }
                    Glyph::Marker => {
                        painter.line_segment([rect.center_top(), rect.center_bottom()], (2.5, c));
                    }
                    Glyph::Milestones => {
                        let y = rect.center().y;
                        for x in [rect.left(), rect.left() + 9.0, rect.left() + 18.0] {
                            painter
                                .line_segment([egui::pos2(x, y), egui::pos2(x + 5.0, y)], (1.5, c));
                        }
                    }
                }
                ui.add(egui::Label::new(&entry.name).extend());
                ui.add_space(10.0);
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use egui_plot::{HoverPosition, PlotPoint};

    use super::read_out;

    #[test]
    fn value_marks_are_round_steps_about_a_fifth_of_the_range() {
        use super::round_step;
        assert_eq!(round_step(9.5 / 5.0), 2.0);
        assert_eq!(round_step(100_000.0 / 5.0), 20_000.0);
        assert_eq!(round_step(0.16 / 5.0), 0.05);
        assert_eq!(round_step(3.0), 5.0);
        assert_eq!(round_step(1.0), 1.0);
        assert_eq!(round_step(0.0), 1.0);
        assert_eq!(round_step(f64::NAN), 1.0);
    }

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
            read_out(&lines, &levels, ("t/a", None), &near("COD", 2028.2, 5363.6)),
            Some(format!("COD\n2028: {} t/a", crate::format::value(5363.6)))
        );
        // A level shows its own value, wherever along it the cursor is.
        assert_eq!(
            read_out(
                &lines,
                &levels,
                ("t/a", None),
                &near("Capacity", 2030.0, 15_000.0)
            ),
            Some(format!("Capacity: {} t/a", crate::format::value(15_314.61)))
        );
        // Away from the lines: nothing, never the cursor's coordinates.
        let elsewhere = HoverPosition::Elsewhere {
            position: PlotPoint::new(2030.0, 1234.0),
        };
        assert_eq!(read_out(&lines, &levels, ("t/a", None), &elsewhere), None);
    }
}
