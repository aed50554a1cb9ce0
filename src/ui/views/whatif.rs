//! 情景推演 (what if): the levers on the left, grouped by sector, and on the right what they
//! move, redrawn in the frame of the edit: the key figures, each pollutant's emission against
//! its capacity (small multiples) and each target's metric against its threshold. A ghost line
//! behind each curve is the parent scenario, or the scenario as saved, so a change shows as a
//! difference. Where the scenario has uncertain rates, shaded bands (p5–p95, p25–p75, median)
//! and each pollutant's probability of exceeding capacity by the horizon come from a Monte
//! Carlo run in the background, restarted as the levers move.

use eframe::egui::{self, Color32, RichText};

use super::section;
use super::whatif_charts::*;
use crate::engine::indicators::Status;
use crate::engine::uncertainty::UncertaintyResult;
use crate::engine::{Analysis, CapacityAnalysis};
use crate::format;
use crate::i18n::Tr;
use crate::model::{Group, Medium, Scenario, Series};
use crate::ui::view_state::{GhostKey, WhatIfState};
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
pub(super) const SMALL_HEIGHT: f32 = 150.0;

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
pub(super) struct Ghost<'a> {
    pub(super) label: String,
    pub(super) analysis: &'a Analysis,
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
    let (reference, source_revision, label) = match ctx.parent {
        Some((parent, revision)) => {
            let name = ctx
                .members
                .iter()
                .find(|(_, scenario, _)| std::ptr::eq(*scenario, parent))
                .map_or("", |(name, _, _)| *name);
            (parent, revision, Tr::GhostParent.fill(lang, &[&name]))
        }
        None if doc.path.is_none() => (
            doc.reference_scenario(),
            doc.reference_revision(),
            ctx.tr(Tr::GhostOpened).to_owned(),
        ),
        None => (
            doc.reference_scenario(),
            doc.reference_revision(),
            ctx.tr(Tr::GhostSaved).to_owned(),
        ),
    };
    // Made again only when the scenario it shows, the horizon or the current scenario has
    // changed, told by their revisions: no scenario is compared or copied in other frames.
    let key = GhostKey {
        parent: ctx.parent.is_some(),
        source_revision,
        horizon: doc.scenario().horizon,
        current_revision: doc.revision(),
    };
    if state
        .ghost
        .as_ref()
        .is_none_or(|(made_for, _)| *made_for != key)
    {
        let wanted: std::borrow::Cow<'_, Scenario> = if reference.horizon == doc.scenario().horizon
        {
            std::borrow::Cow::Borrowed(reference)
        } else {
            let mut extended = reference.clone();
            extended.horizon = doc.scenario().horizon;
            std::borrow::Cow::Owned(extended)
        };
        // No ghost where it would be the current scenario itself.
        let analysis = (*wanted != *doc.scenario())
            .then(|| crate::engine::analyse(&wanted).ok().map(Box::new))
            .flatten();
        state.ghost = Some((key, analysis));
    }
    let ghost = state
        .ghost
        .as_ref()
        .and_then(|(_, analysis)| analysis.as_ref())
        .map(|analysis| Ghost {
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
                    for &medium in Medium::ALL {
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
pub(super) fn exceedance_by_horizon(bands: &UncertaintyResult, pollutant: &str) -> Option<f64> {
    bands
        .exceedance
        .iter()
        .find(|e| e.pollutant == pollutant)
        .and_then(|e| e.by_year.last().copied())
}
