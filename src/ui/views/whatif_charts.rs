//! The what-if view's small charts: each capacity's emission and each target's series against the ghost and the bands.

use super::whatif::*;
use crate::engine::uncertainty::UncertaintyResult;
use crate::engine::{CapacityAnalysis, TargetCheck};
use crate::format;
use crate::i18n::Tr;
use crate::ui::theme::color;
use crate::ui::{ViewCtx, theme};
use eframe::egui::{self, Color32, RichText};
use egui_plot::{FilledArea, HLine, Line, LineStyle, Plot, PlotPoints, VLine};

/// `count` charts, two to a row where the width allows.
pub(super) fn small_multiples(
    ui: &mut egui::Ui,
    count: usize,
    mut chart: impl FnMut(&mut egui::Ui, usize),
) {
    let columns = if ui.available_width() > 640.0 { 2 } else { 1 };
    for row in (0..count).step_by(columns) {
        ui.columns(columns, |cells| {
            for (c, cell) in cells.iter_mut().enumerate() {
                if row + c < count {
                    chart(cell, row + c);
                }
            }
        });
    }
}

/// Marks on whole years (every year, every 5, every 10), so that a short horizon still shows
/// its years on a small chart.
pub(super) fn year_marks() -> Box<dyn Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark>> {
    egui_plot::uniform_grid_spacer(|input| {
        if input.bounds.1 - input.bounds.0 <= 15.0 {
            [1.0, 2.0, 10.0]
        } else {
            [1.0, 5.0, 10.0]
        }
    })
}

pub(super) fn ghost_color() -> Color32 {
    Color32::from_gray(140)
}

/// One pollutant: its emission (and ghost, and bands) against its capacity, the first year of
/// exceedance marked, the utilisation at the horizon and the probability of exceeding by then.
pub(super) fn capacity_small(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    capacity: &CapacityAnalysis,
    ghost: Option<&Ghost<'_>>,
    bands: Option<&UncertaintyResult>,
) {
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    let name = crate::report::wording::capacity_name(scenario, capacity, lang);
    let last = capacity.years.last().expect("a projection has years");
    let utilisation = last.utilisation.map_or_else(|| "–".into(), format::percent);
    let mut title = format!(
        "{name} · {}",
        Tr::UtilisationAt.fill(lang, &[&last.year, &utilisation])
    );
    if let Some(p) = bands.and_then(|b| exceedance_by_horizon(b, &capacity.pollutant)) {
        title.push_str(&format!(
            " · {}",
            Tr::ProbabilityExceed.fill(lang, &[&last.year, &format::percent(p)])
        ));
    }
    ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
    let series_color = theme::series_color(scenario, &capacity.series);
    let years: Vec<f64> = capacity.years.iter().map(|y| f64::from(y.year)).collect();
    let emissions: Vec<[f64; 2]> = capacity
        .years
        .iter()
        .filter(|y| y.emission.is_finite())
        .map(|y| [f64::from(y.year), y.emission])
        .collect();
    let fan = bands.and_then(|b| b.fans.iter().find(|f| f.series == capacity.series));
    let ghost_points: Option<Vec<[f64; 2]>> = ghost.and_then(|g| {
        g.analysis
            .capacities
            .iter()
            .find(|c| c.pollutant == capacity.pollutant)
            .map(|c| {
                c.years
                    .iter()
                    .filter(|y| y.emission.is_finite())
                    .map(|y| [f64::from(y.year), y.emission])
                    .collect()
            })
    });
    // A capacity far above everything drawn is said in words, not drawn as a line that
    // flattens the curve to 0 (SO₂, PM10).
    let drawn = emissions
        .iter()
        .map(|p| p[1])
        .chain(fan.iter().flat_map(|f| f.percentiles.iter().map(|q| q[4])))
        .chain(ghost_points.iter().flatten().map(|p| p[1]));
    let decimals = scenario.series(&capacity.series).and_then(|s| s.decimals);
    let far_above =
        crate::charts::far_above_capacity(capacity, crate::charts::peak(drawn), decimals, lang);
    if let Some(note) = &far_above {
        ui.label(RichText::new(note).small());
    }
    Plot::new(("whatif-capacity", &capacity.pollutant))
        .grid_color(theme::chart_grid())
        .y_grid_spacer(crate::ui::chart::value_marks())
        .height(SMALL_HEIGHT)
        .width(ui.available_width())
        .label_formatter(crate::ui::chart::snapped(
            crate::i18n::unit(lang, &capacity.unit).into_owned(),
            decimals,
        ))
        .include_y(0.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .y_axis_formatter(crate::ui::chart::value_tick)
        .x_grid_spacer(year_marks())
        .show(ui, |plot| {
            if let Some(fan) = fan {
                // The bands cover the years of the run, which may end before the horizon moved.
                let n = fan.percentiles.len().min(years.len());
                let xs = &years[..n];
                let p = |k: usize| {
                    fan.percentiles[..n]
                        .iter()
                        .map(|q| q[k])
                        .collect::<Vec<_>>()
                };
                plot.add(
                    FilledArea::new("p5–p95", xs, &p(0), &p(4))
                        .fill_color(series_color.gamma_multiply(0.18)),
                );
                plot.add(
                    FilledArea::new("p25–p75", xs, &p(1), &p(3))
                        .fill_color(series_color.gamma_multiply(0.35)),
                );
                let median: Vec<[f64; 2]> = xs.iter().zip(p(2)).map(|(x, y)| [*x, y]).collect();
                plot.line(
                    Line::new(Tr::Median.get(lang), PlotPoints::from(median))
                        .color(series_color)
                        .style(LineStyle::dashed_loose())
                        .width(1.0),
                );
            }
            if let (Some(points), Some(g)) = (ghost_points, ghost) {
                plot.line(
                    Line::new(g.label.clone(), PlotPoints::from(points))
                        .color(ghost_color())
                        .style(LineStyle::dashed_dense())
                        .width(1.5),
                );
            }
            plot.line(
                Line::new(ctx.tr(Tr::Emission), PlotPoints::from(emissions))
                    .color(series_color)
                    .width(2.5),
            );
            let capacity_color = color(crate::charts::CAPACITY_COLOR);
            let first = capacity.years.first().map_or(0.0, |y| y.capacity);
            if far_above.is_some() {
                // Stated above the plot.
            } else if capacity.years.iter().all(|y| y.capacity == first) {
                plot.hline(
                    HLine::new(ctx.tr(Tr::Capacity), first)
                        .color(capacity_color)
                        .width(2.0),
                );
            } else {
                let points: Vec<[f64; 2]> = capacity
                    .years
                    .iter()
                    .map(|y| [f64::from(y.year), y.capacity])
                    .collect();
                plot.line(
                    Line::new(ctx.tr(Tr::Capacity), PlotPoints::from(points))
                        .color(capacity_color)
                        .width(2.0),
                );
            }
            if let Some(year) = capacity.first_exceedance_year {
                plot.vline(
                    VLine::new(
                        format!("{} {year}", ctx.tr(Tr::FirstExceedance)),
                        f64::from(year),
                    )
                    .color(capacity_color)
                    .style(LineStyle::dashed_loose()),
                );
            }
        });
}

/// One target: its metric (and ghost) against the threshold, the target year marked.
pub(super) fn target_small(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    check: &TargetCheck,
    ghost: Option<&Ghost<'_>>,
) {
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    let decimals = scenario.target_decimals(&check.key);
    let verdict = if check.met { Tr::Yes } else { Tr::No };
    ui.add(
        egui::Label::new(
            RichText::new(crate::i18n::lead(
                lang,
                &format!(
                    "{} · {} {} {} {} {} {}",
                    lang.label(&check.label),
                    check.year,
                    format::with_decimals(check.value, decimals),
                    crate::i18n::unit(lang, &check.unit),
                    check.comparison.symbol(),
                    crate::i18n::threshold_value(check, scenario.target_decimals(&check.key)),
                    crate::i18n::unit(lang, &check.unit),
                ),
                verdict.get(lang),
            ))
            .strong()
            .color(if check.met { theme::ok() } else { theme::bad() }),
        )
        .wrap(),
    );
    let points: Vec<[f64; 2]> = scenario
        .years()
        .zip(&check.values)
        .filter(|(_, v)| v.is_finite())
        .map(|(y, v)| [f64::from(y), *v])
        .collect();
    let ghost_points: Option<Vec<[f64; 2]>> = ghost.and_then(|g| {
        let other = g.analysis.targets.iter().find(|t| t.key == check.key)?;
        Some(
            (other.values.iter().enumerate())
                .filter(|(_, v)| v.is_finite())
                .map(|(i, v)| [f64::from(g.analysis.projection.base_year + i as i32), *v])
                .collect(),
        )
    });
    Plot::new(("whatif-target", &check.key))
        .grid_color(theme::chart_grid())
        .y_grid_spacer(crate::ui::chart::value_marks())
        .height(SMALL_HEIGHT)
        .width(ui.available_width())
        .label_formatter(crate::ui::chart::snapped(
            crate::i18n::unit(lang, &check.unit).into_owned(),
            decimals,
        ))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .y_axis_formatter(crate::ui::chart::value_tick)
        .x_grid_spacer(year_marks())
        .show(ui, |plot| {
            if let (Some(points), Some(g)) = (ghost_points, ghost) {
                plot.line(
                    Line::new(g.label.clone(), PlotPoints::from(points))
                        .color(ghost_color())
                        .style(LineStyle::dashed_dense())
                        .width(1.5),
                );
            }
            plot.line(
                Line::new(lang.label(&check.label), PlotPoints::from(points))
                    .color(color(crate::charts::PALETTE[0]))
                    .width(2.5),
            );
            plot.hline(
                HLine::new(
                    format!(
                        "{} {} {}",
                        ctx.tr(Tr::Threshold),
                        check.comparison.symbol(),
                        crate::i18n::threshold_value(check, scenario.target_decimals(&check.key))
                    ),
                    check.threshold,
                )
                .color(color(crate::charts::CAPACITY_COLOR))
                .width(2.0),
            );
            plot.vline(
                VLine::new(check.year.to_string(), f64::from(check.year))
                    .color(color(crate::charts::MILESTONE_COLOR))
                    .style(LineStyle::dashed_dense()),
            );
        });
}
