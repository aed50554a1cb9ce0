//! 情景推演 (what if): the levers on the left, grouped by sector, and on the right what they
//! move, redrawn in the frame of the edit: the key figures, each pollutant's emission against
//! its capacity (small multiples) and each target's metric against its threshold. A ghost line
//! behind each curve is the parent scenario, or the scenario as saved, so a change shows as a
//! difference. Where the scenario has uncertain rates, shaded bands (p5–p95, p25–p75, median)
//! and each pollutant's probability of exceeding capacity by the horizon come from a Monte
//! Carlo run in the background, restarted as the levers move.

use eframe::egui::{self, Color32, RichText};
use egui_plot::{FilledArea, HLine, Line, LineStyle, Plot, PlotPoints, VLine};

use super::section;
use crate::engine::indicators::Status;
use crate::engine::uncertainty::UncertaintyResult;
use crate::engine::{Analysis, CapacityAnalysis, TargetCheck};
use crate::format;
use crate::i18n::Tr;
use crate::model::{Group, Medium, Scenario, Series};
use crate::ui::chart::color;
use crate::ui::view_state::WhatIfState;
use crate::ui::{Command, ViewCtx, theme};

/// Draws of the background run behind the bands: enough for a stable p5 and p95.
pub const WHATIF_RUNS: usize = 10_000;

/// The settings of the bands' runs, and of the importance asked of them.
pub fn bands_settings() -> crate::engine::uncertainty::MonteCarlo {
    crate::engine::uncertainty::MonteCarlo {
        runs: WHATIF_RUNS,
        ..Default::default()
    }
}

/// Height of one small multiple.
const SMALL_HEIGHT: f32 = 150.0;

/// The sectors the levers are grouped by, in the order a plan's chapter takes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::VariantArray)]
enum Sector {
    Economy,
    Population,
    Water,
    Energy,
    WaterPollutants,
    AirPollutants,
    Waste,
    Other,
}

impl Sector {
    const ALL: &[Sector] = <Sector as strum::VariantArray>::VARIANTS;

    fn title(self) -> Tr {
        match self {
            Sector::Economy => Tr::Economy,
            Sector::Population => Tr::Population,
            Sector::Water => Tr::WaterUse,
            Sector::Energy => Tr::Energy,
            Sector::WaterPollutants => Tr::WaterPollutants,
            Sector::AirPollutants => Tr::AirPollutants,
            Sector::Waste => Tr::MunicipalWaste,
            Sector::Other => Tr::Other,
        }
    }

    /// A series' sector: emissions by the medium of the capacity they are compared with.
    fn of(scenario: &Scenario, series: &Series) -> Sector {
        match series.group {
            Group::Economy => Sector::Economy,
            Group::Population => Sector::Population,
            Group::Water => Sector::Water,
            Group::Energy => Sector::Energy,
            Group::Waste => Sector::Waste,
            Group::Emissions => {
                match scenario
                    .capacities
                    .iter()
                    .find(|c| c.series == series.key)
                    .map(|c| c.medium)
                {
                    Some(Medium::Water) => Sector::WaterPollutants,
                    Some(Medium::Air) => Sector::AirPollutants,
                    None => Sector::Other,
                }
            }
            Group::Environment | Group::Land | Group::Other => Sector::Other,
        }
    }
}

/// What the ghost lines are: the parent's analysis, or the saved scenario's.
struct Ghost<'a> {
    label: String,
    analysis: &'a Analysis,
}

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, state: &mut WhatIfState) {
    let lang = ctx.lang;
    egui::Panel::left("whatif-levers")
        .resizable(true)
        .default_size(400.0)
        .min_size(300.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| levers_ui(ui, ctx));
        });

    // The ghost: the parent scenario, else the scenario as saved (or as opened), projected to
    // this scenario's horizon so that it reaches as far as the curves; analysed when it changes
    // and kept.
    let doc = ctx.doc;
    let (reference, label) = match ctx.parent {
        Some(parent) => {
            let name = ctx
                .members
                .iter()
                .find(|(_, scenario, _)| std::ptr::eq(*scenario, parent))
                .map_or("", |(name, _, _)| *name);
            (parent, Tr::GhostParent.fill(lang, &[&name]))
        }
        None if doc.path.is_none() => {
            (doc.reference_scenario(), ctx.tr(Tr::GhostOpened).to_owned())
        }
        None => (doc.reference_scenario(), ctx.tr(Tr::GhostSaved).to_owned()),
    };
    let wanted: std::borrow::Cow<'_, Scenario> = if reference.horizon == doc.scenario().horizon {
        std::borrow::Cow::Borrowed(reference)
    } else {
        let mut extended = reference.clone();
        extended.horizon = doc.scenario().horizon;
        std::borrow::Cow::Owned(extended)
    };
    let differs = *wanted != *doc.scenario();
    if differs
        && state
            .ghost
            .as_ref()
            .is_none_or(|(analysed, _)| *analysed != *wanted)
    {
        state.ghost = crate::engine::analyse(&wanted)
            .ok()
            .map(|analysis| (wanted.clone().into_owned(), Box::new(analysis)));
    }
    let ghost = state
        .ghost
        .as_ref()
        .filter(|(analysed, _)| differs && *analysed == *wanted)
        .map(|(_, analysis)| Ghost {
            label: label.clone(),
            analysis,
        });

    let state_of_bands = bands_for(ctx);
    let bands = state_of_bands.shown;
    // The rest of the width, as a panel of its own: the charts size to it.
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    key_figures_ui(ui, ctx, bands);
                    if ctx.doc.scenario().uncertainty.is_empty() {
                        ui.label(RichText::new(ctx.tr(Tr::NoUncertainRates)).weak());
                    } else if let Some(error) = state_of_bands.error {
                        ui.label(RichText::new(error.in_lang(ctx.lang)).color(theme::bad()));
                    } else {
                        ui.horizontal(|ui| {
                            if state_of_bands.updating {
                                ui.spinner();
                            }
                            ui.label(
                                RichText::new(if bands.is_some() {
                                    ctx.tr(Tr::BandsLegend)
                                } else {
                                    ctx.tr(Tr::BandsComputing)
                                })
                                .weak(),
                            );
                        });
                    }
                    if let Some(ghost) = &ghost {
                        ui.label(
                            RichText::new(Tr::GhostCaption.fill(ctx.lang, &[&ghost.label]))
                                .color(ghost_color()),
                        );
                    }
                    for medium in [Medium::Water, Medium::Air] {
                        let capacities: Vec<&CapacityAnalysis> = ctx
                            .doc
                            .analysis()
                            .capacities
                            .iter()
                            .filter(|c| c.medium == medium)
                            .collect();
                        if capacities.is_empty() {
                            continue;
                        }
                        section(
                            ui,
                            match medium {
                                Medium::Water => ctx.tr(Tr::CapacityWater),
                                Medium::Air => ctx.tr(Tr::CapacityAir),
                            },
                        );
                        small_multiples(ui, capacities.len(), |ui, i| {
                            capacity_small(ui, ctx, capacities[i], ghost.as_ref(), bands);
                        });
                    }
                    let targets = &ctx.doc.analysis().targets;
                    if !targets.is_empty() {
                        section(ui, ctx.tr(Tr::Targets));
                        small_multiples(ui, targets.len(), |ui, i| {
                            target_small(ui, ctx, &targets[i], ghost.as_ref());
                        });
                    }
                    // Which lever drives a capacity's series or its exceedance, from draws of
                    // the bands' own settings.
                    if !ctx.doc.scenario().uncertainty.is_empty() {
                        let series = capacity_series(ctx);
                        super::importance::importance_ui(
                            ui,
                            ctx,
                            &mut state.importance,
                            bands_settings(),
                            &series,
                        );
                    }
                });
        });
}

/// The levers of every series, by sector, and the horizon.
fn levers_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let scenario = ctx.doc.scenario();
    // Wider sliders than elsewhere: this is where they are dragged.
    ui.spacing_mut().slider_width = 170.0;
    section(ui, ctx.tr(Tr::Levers));
    ui.horizontal(|ui| {
        ui.label(ctx.tr(Tr::Horizon));
        super::assumptions::horizon_ui(ui, ctx);
    });
    for sector in Sector::ALL.iter().copied() {
        let series: Vec<&Series> = scenario
            .series
            .iter()
            .filter(|s| Sector::of(scenario, s) == sector)
            .collect();
        if series.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(RichText::new(ctx.tr(sector.title())).strong())
            .id_salt(("whatif-sector", sector as u8))
            .default_open(sector != Sector::Other)
            .show(ui, |ui| {
                for s in series {
                    // The series' colour as a swatch, the name in the text colour: a pale
                    // palette colour as text would not read on the light theme.
                    ui.horizontal(|ui| {
                        ui.label(RichText::new("●").color(theme::series_color(scenario, &s.key)));
                        ui.label(RichText::new(ctx.lang.label(&s.label)).strong());
                    });
                    ui.indent(("whatif-lever", &s.key), |ui| {
                        super::assumptions::levers_ui(ui, ctx, s);
                    });
                }
            });
    }
}

/// The bands of the current scenario, or of the last finished run while the next one runs
/// (the curves themselves are always the current scenario's). Asks for a run when the last one
/// is of another scenario.
fn bands_for<'a>(ctx: &mut ViewCtx<'a>) -> Bands<'a> {
    let scenario = ctx.doc.scenario();
    let mut bands = Bands {
        shown: None,
        updating: false,
        error: None,
    };
    if scenario.uncertainty.is_empty() {
        return bands;
    }
    let job = ctx.whatif;
    let revision = ctx.doc.revision();
    if job.failed_for == Some(revision) {
        // Not run again until the scenario changes: the same run would fail the same way.
        bands.error = job.error.as_ref();
        return bands;
    }
    let current = job.last_revision == Some(revision);
    let running_current = job.running.as_ref().is_some_and(|r| r.revision == revision);
    bands.updating = !current;
    if !current && !running_current {
        let fans = capacity_series(ctx);
        ctx.commands.push(Command::RunWhatIfBands(fans));
    }
    // The last run's bands stand in while the next runs (one run behind a moving lever, whose
    // distribution moves with it), but only for the same years, series and uncertain series:
    // another file, member or horizon would draw bands this scenario has not.
    bands.shown = job
        .last
        .as_ref()
        .filter(|(s, _)| {
            s.base_year == scenario.base_year
                && s.horizon == scenario.horizon
                && s.uncertainty.len() == scenario.uncertainty.len()
                && s.uncertainty
                    .iter()
                    .zip(&scenario.uncertainty)
                    .all(|(a, b)| a.series == b.series)
                && s.series.len() == scenario.series.len()
                && s.series
                    .iter()
                    .zip(&scenario.series)
                    .all(|(a, b)| a.key == b.key)
        })
        .map(|(_, result)| result);
    bands
}

/// The series compared with a capacity, each once: the bands' fans.
fn capacity_series(ctx: &ViewCtx<'_>) -> Vec<String> {
    let mut series: Vec<String> = ctx
        .doc
        .analysis()
        .capacities
        .iter()
        .map(|c| c.series.clone())
        .collect();
    series.sort();
    series.dedup();
    series
}

/// The bands the view draws, and whether newer ones are on their way.
struct Bands<'a> {
    shown: Option<&'a UncertaintyResult>,
    /// The shown bands (if any) are of an earlier state of the levers.
    updating: bool,
    error: Option<&'a crate::ui::JobError>,
}

/// The strip of key figures: first exceedance per pollutant, targets met, indicators met.
fn key_figures_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, bands: Option<&UncertaintyResult>) {
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    let analysis = ctx.doc.analysis();
    section(ui, ctx.tr(Tr::KeyFigures));
    let mut chips: Vec<(String, Color32)> = Vec::new();
    for capacity in &analysis.capacities {
        let name = crate::report::wording::capacity_name(scenario, capacity, lang);
        let (text, status) = match capacity.first_exceedance_year {
            Some(year) => (
                format!("{name} {year}"),
                crate::engine::CapacityStatus::Exceeded,
            ),
            None => (
                format!("{name} {}", ctx.tr(Tr::NoExceedanceShort)),
                crate::engine::CapacityStatus::Ok,
            ),
        };
        let text = match bands.and_then(|b| exceedance_by_horizon(b, &capacity.pollutant)) {
            Some(p) => format!("{text} · P {}", format::percent(p)),
            None => text,
        };
        chips.push((text, theme::capacity_status_color(status)));
    }
    let met = analysis.targets.iter().filter(|t| t.met).count();
    chips.push((
        Tr::TargetsMet.fill(lang, &[&met, &analysis.targets.len()]),
        if met == analysis.targets.len() {
            theme::ok()
        } else {
            theme::bad()
        },
    ));
    let assessed: Vec<Status> = analysis
        .indicators
        .iter()
        .map(|a| a.status)
        .filter(|s| *s != Status::NotAssessed)
        .collect();
    let indicators_met = assessed.iter().filter(|s| **s == Status::Met).count();
    chips.push((
        Tr::IndicatorsMet.fill(lang, &[&indicators_met, &assessed.len()]),
        theme::indicator_status_color(if indicators_met == assessed.len() {
            Status::Met
        } else {
            Status::NotMet
        }),
    ));
    let capacities = analysis.capacities.len();
    for (i, response) in crate::ui::widgets::chip_rows(ui, &chips)
        .into_iter()
        .enumerate()
    {
        if i < capacities {
            response.on_hover_text(ctx.tr(Tr::FirstExceedance));
        }
    }
}

/// The probability of having exceeded capacity by the horizon.
fn exceedance_by_horizon(bands: &UncertaintyResult, pollutant: &str) -> Option<f64> {
    bands
        .exceedance
        .iter()
        .find(|e| e.pollutant == pollutant)
        .and_then(|e| e.by_year.last().copied())
}

/// `count` charts, two to a row where the width allows.
fn small_multiples(ui: &mut egui::Ui, count: usize, mut chart: impl FnMut(&mut egui::Ui, usize)) {
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
fn year_marks() -> Box<dyn Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark>> {
    egui_plot::uniform_grid_spacer(|input| {
        if input.bounds.1 - input.bounds.0 <= 15.0 {
            [1.0, 2.0, 10.0]
        } else {
            [1.0, 5.0, 10.0]
        }
    })
}

fn ghost_color() -> Color32 {
    Color32::from_gray(140)
}

/// One pollutant: its emission (and ghost, and bands) against its capacity, the first year of
/// exceedance marked, the utilisation at the horizon and the probability of exceeding by then.
fn capacity_small(
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
    let series_color = color(crate::charts::series_color(scenario, &capacity.series));
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
fn target_small(
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
