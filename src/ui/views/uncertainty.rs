//! 不确定性: which rates are uncertain and how; Monte Carlo on a background thread with a
//! progress bar and a cancel button; fan charts and the probability of exceeding capacity.

use eframe::egui::{self, RichText};

use super::section;
use crate::document::Edit;
use crate::engine::uncertainty::{MAX_RUNS, MonteCarlo, Sampling};
use crate::format;
use crate::i18n::Tr;
use crate::model::{Distribution, Uncertain, lever_value};
use crate::ui::view_state::UncertaintyState;
use crate::ui::{Command, ViewCtx, theme, widgets};

/// What the lever of a rule is, with its value.
fn lever_text(rule: &crate::model::Rule, value: f64, lang: crate::i18n::Lang) -> String {
    use crate::model::Rule;
    match rule {
        Rule::GrowthAs { .. } => format!("{} {}", Tr::Elasticity.get(lang), format::value(value)),
        Rule::Driven { .. } => format!(
            "{} {}",
            Tr::IntensityChange.get(lang),
            format::percent(value)
        ),
        Rule::Interp { .. } => format!("{} {}", Tr::AfterRate.get(lang), format::percent(value)),
        Rule::Growth { .. } | Rule::Step { .. } | Rule::Linear { .. } => {
            format!("{} {}", Tr::GrowthRate.get(lang), format::percent(value))
        }
    }
}

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, state: &mut UncertaintyState) {
    let lang = ctx.lang;
    let doc = ctx.doc;
    let scenario = doc.scenario();
    section(ui, ctx.tr(Tr::Uncertainty));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("uncertain-rates")
                .striped(true)
                .show(ui, |ui| {
                    for header in [Tr::Name, Tr::Uncertain, Tr::DistributionKind] {
                        ui.strong(ctx.tr(header));
                    }
                    ui.strong(ctx.tr(Tr::Parameters));
                    ui.end_row();
                    for series in &scenario.series {
                        let Some(rate) = lever_value(&series.rule) else {
                            continue;
                        };
                        let position = scenario
                            .uncertainty
                            .iter()
                            .position(|u| u.series == series.key);
                        ui.label(lang.label(&series.label));
                        let mut ticked = position.is_some();
                        let tick = ui.checkbox(&mut ticked, "").accessible_name(format!(
                            "{} {}",
                            ctx.tr(Tr::Uncertain),
                            series.key
                        ));
                        if tick.changed() {
                            let mut list = scenario.uncertainty.clone();
                            if ticked {
                                list.push(Uncertain {
                                    series: series.key.clone(),
                                    distribution: crate::model::lever_kind(&series.rule)
                                        .unwrap_or(crate::model::LeverKind::Rate)
                                        .default_distribution(rate),
                                });
                            } else {
                                list.retain(|u| u.series != series.key);
                            }
                            ctx.apply(Edit::SetUncertainty { uncertainty: list });
                        }
                        match position {
                            Some(i) => {
                                let kind = crate::model::lever_kind(&series.rule)
                                    .unwrap_or(crate::model::LeverKind::Rate);
                                distribution_ui(ui, ctx, &scenario.uncertainty, i, kind)
                            }
                            None => {
                                ui.label("");
                                ui.label(
                                    RichText::new(lever_text(&series.rule, rate, lang)).weak(),
                                );
                            }
                        }
                        ui.end_row();
                    }
                });
            correlations_ui(ui, ctx);
            ui.separator();
            run_ui(ui, ctx, state);
            results_ui(ui, ctx, state);
        });
}

/// The rank correlations between the uncertain levers: a triangle of fields, one per pair
/// (0 is independent); a set the draws cannot have together is refused with the reason.
fn correlations_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    let levers: Vec<&str> = scenario
        .uncertainty
        .iter()
        .map(|u| u.series.as_str())
        .collect();
    ui.separator();
    ui.strong(ctx.tr(Tr::Correlations));
    if levers.len() < 2 {
        ui.label(RichText::new(ctx.tr(Tr::CorrelationsNeedTwo)).weak());
        return;
    }
    let name = |key: &str| {
        scenario
            .series(key)
            .map_or_else(|| key.to_owned(), |s| lang.label(&s.label).to_owned())
    };
    let rho_of = |a: &str, b: &str| {
        scenario
            .correlations
            .iter()
            .find(|c| {
                (c.between.0 == a && c.between.1 == b) || (c.between.0 == b && c.between.1 == a)
            })
            .map_or(0.0, |c| c.rho)
    };
    // The list with the pair set to `rho` (0 takes it out: independent is the default).
    let with = |a: &str, b: &str, rho: f64| {
        let mut correlations = scenario.correlations.clone();
        correlations.retain(|c| {
            !((c.between.0 == a && c.between.1 == b) || (c.between.0 == b && c.between.1 == a))
        });
        if rho != 0.0 {
            correlations.push(crate::model::Correlation {
                between: (a.to_owned(), b.to_owned()),
                rho,
            });
        }
        Edit::SetCorrelations { correlations }
    };
    let mut edit = None;
    egui::Grid::new("correlations")
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            for b in &levers[1..] {
                ui.strong(name(b));
            }
            ui.end_row();
            for (i, a) in levers[..levers.len() - 1].iter().enumerate() {
                ui.strong(name(a));
                for (j, b) in levers.iter().enumerate().skip(1) {
                    if j <= i {
                        ui.label("");
                        continue;
                    }
                    let field = widgets::NumberField {
                        name: format!("{} {a} {b}", Tr::Correlation.get(lang)),
                        label: format!("{} · {} · {}", Tr::Correlation.get(lang), name(a), name(b)),
                        scale: 1.0,
                        unit: String::new(),
                        domain: widgets::Domain::Any,
                        lang,
                        width: 64.0,
                        decimals: Some(2),
                    };
                    if let Some(rho) =
                        widgets::number_edit(ui, ("rho", *a, *b), rho_of(a, b), &field, |v| {
                            ctx.doc.check_in(lang, &with(a, b, v))
                        })
                    {
                        edit = Some(with(a, b, rho));
                    }
                }
                ui.end_row();
            }
        });
    ui.label(RichText::new(ctx.tr(Tr::CorrelationsHint)).weak());
    if let Some(edit) = edit {
        ctx.apply(edit);
    }
}

fn distribution_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    list: &[Uncertain],
    i: usize,
    kind: crate::model::LeverKind,
) {
    let lang = ctx.lang;
    let item = &list[i];
    let (min, max, centre) = match item.distribution {
        Distribution::Uniform { min, max } => (min, max, 0.5 * (min + max)),
        Distribution::Triangular { min, mode, max } => (min, max, mode),
        Distribution::Normal { mean, min, max, .. } => (min, max, mean),
    };
    let kinds = [
        (Tr::UniformDist, Distribution::Uniform { min, max }),
        (
            Tr::TriangularDist,
            Distribution::Triangular {
                min,
                mode: centre,
                max,
            },
        ),
        (
            Tr::NormalDist,
            Distribution::Normal {
                mean: centre,
                sd: (max - min) / 8.0,
                min,
                max,
            },
        ),
    ];
    let current = match item.distribution {
        Distribution::Uniform { .. } => 0,
        Distribution::Triangular { .. } => 1,
        Distribution::Normal { .. } => 2,
    };
    let set = |distribution: Distribution| {
        let mut list = list.to_vec();
        list[i].distribution = distribution;
        Edit::SetUncertainty { uncertainty: list }
    };
    let mut chosen = current;
    egui::ComboBox::from_id_salt(("distribution", &item.series))
        .selected_text(kinds[current].0.get(lang))
        .show_ui(ui, |ui| {
            for (k, (label, _)) in kinds.iter().enumerate() {
                ui.selectable_value(&mut chosen, k, label.get(lang));
            }
        })
        .response
        .accessible_name(format!("{} {}", ctx.tr(Tr::DistributionKind), item.series));
    if chosen != current {
        ctx.apply(set(kinds[chosen].1.clone()));
    }
    ui.horizontal(|ui| {
        let fields: Vec<(Tr, f64)> = match item.distribution {
            Distribution::Uniform { min, max } => vec![(Tr::Min, min), (Tr::Max, max)],
            Distribution::Triangular { min, mode, max } => {
                vec![(Tr::Min, min), (Tr::Mode, mode), (Tr::Max, max)]
            }
            Distribution::Normal { mean, sd, min, max } => vec![
                (Tr::Mean, mean),
                (Tr::Sd, sd),
                (Tr::Min, min),
                (Tr::Max, max),
            ],
        };
        // An elasticity's fields without "%".
        let plain = |label: Tr| match (kind, label) {
            (crate::model::LeverKind::Rate, _) => label,
            (_, Tr::Min) => Tr::FieldMin,
            (_, Tr::Mode) => Tr::FieldMode,
            (_, Tr::Max) => Tr::FieldMax,
            (_, Tr::Mean) => Tr::FieldMean,
            (_, Tr::Sd) => Tr::FieldSd,
            (_, other) => other,
        };
        for (k, (label, value)) in fields.into_iter().enumerate() {
            let label = plain(label);
            ui.label(label.get(lang));
            let with = |v: f64| {
                let mut d = item.distribution.clone();
                match &mut d {
                    Distribution::Uniform { min, max } => *[min, max][k] = v,
                    Distribution::Triangular { min, mode, max } => *[min, mode, max][k] = v,
                    Distribution::Normal { mean, sd, min, max } => *[mean, sd, min, max][k] = v,
                }
                set(d)
            };
            let name = format!("{} {}", label.get(lang), item.series);
            // A rate's parameters in %, an elasticity's as they are.
            let field = widgets::NumberField {
                label: name.clone(),
                name,
                scale: kind.shown_scale(),
                unit: match kind {
                    crate::model::LeverKind::Rate => "%".to_owned(),
                    crate::model::LeverKind::Elasticity => String::new(),
                },
                domain: widgets::Domain::Any,
                lang,
                width: 96.0,
                decimals: None,
            };
            if let Some(v) =
                widgets::number_edit(ui, ("dist", &item.series, k), value, &field, |v| {
                    ctx.doc.check_in(lang, &with(v))
                })
            {
                ctx.apply(with(v));
            }
        }
    });
}

fn run_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, state: &mut UncertaintyState) {
    let lang = ctx.lang;
    ui.horizontal(|ui| {
        ui.label(ctx.tr(Tr::Runs));
        let runs = widgets::validated_edit(
            ui,
            "mc-runs",
            state.runs.to_string(),
            80.0,
            ctx.tr(Tr::Runs),
            ctx.tr(Tr::Runs),
            |text| {
                text.trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=MAX_RUNS).contains(n))
                    .ok_or_else(|| format!("1 – {MAX_RUNS}"))
            },
        );
        if let Some(runs) = runs {
            state.runs = runs;
        }
        ui.label(ctx.tr(Tr::Seed));
        let seed = widgets::validated_edit(
            ui,
            "mc-seed",
            state.seed.to_string(),
            80.0,
            ctx.tr(Tr::Seed),
            ctx.tr(Tr::Seed),
            |text| {
                text.trim()
                    .parse::<u64>()
                    .map_err(|_| format!("\"{}\"", text.trim()))
            },
        );
        if let Some(seed) = seed {
            state.seed = seed;
        }
        ui.checkbox(&mut state.latin_hypercube, ctx.tr(Tr::LatinHypercube));
        match &ctx.uncertainty.running {
            Some(running) => {
                let done = running.done.load(std::sync::atomic::Ordering::Relaxed);
                ui.add(
                    egui::ProgressBar::new(done as f32 / running.runs as f32)
                        .desired_width(200.0)
                        .text(format!("{} {done} / {}", ctx.tr(Tr::Running), running.runs)),
                );
                if ui.button(ctx.tr(Tr::Cancel)).clicked() {
                    ctx.commands.push(Command::CancelUncertainty);
                }
            }
            None => {
                let enabled = !ctx.doc.scenario().uncertainty.is_empty();
                if ui
                    .add_enabled(enabled, egui::Button::new(ctx.tr(Tr::Run)))
                    .clicked()
                {
                    let sampling = if state.latin_hypercube {
                        Sampling::LatinHypercube
                    } else {
                        Sampling::Random
                    };
                    ctx.commands.push(Command::RunUncertainty(MonteCarlo {
                        runs: state.runs,
                        seed: state.seed,
                        sampling,
                    }));
                }
            }
        }
    });
    if ctx.doc.scenario().uncertainty.is_empty() {
        ui.label(RichText::new(ctx.tr(Tr::NoUncertainty)).weak());
    }
    if let Some(error) = &ctx.uncertainty.error {
        ui.label(RichText::new(error.in_lang(lang)).color(theme::bad()));
    }
    let _ = lang;
}

fn results_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, state: &mut UncertaintyState) {
    let lang = ctx.lang;
    let Some((scenario, result)) = &ctx.uncertainty.last else {
        return;
    };
    // Of an earlier state of the document (told by its revision, not by comparing scenarios).
    if ctx.uncertainty.last_revision != Some(ctx.doc.revision()) {
        ui.label(RichText::new(ctx.tr(Tr::Stale)).color(theme::near()));
    }
    section(
        ui,
        &format!(
            "{} · {} {}",
            ctx.tr(Tr::FanSeries),
            result.runs,
            Tr::RunsUnit.get(lang)
        ),
    );
    let mut fan_series = state.fan_series_in(scenario);
    let picked = egui::ComboBox::from_id_salt("fan-series")
        .selected_text(
            scenario
                .series(&fan_series)
                .map_or(fan_series.as_str(), |s| lang.label(&s.label)),
        )
        .show_ui(ui, |ui| {
            let mut picked = false;
            for series in &scenario.series {
                picked |= ui
                    .selectable_value(
                        &mut fan_series,
                        series.key.clone(),
                        lang.label(&series.label),
                    )
                    .clicked();
            }
            picked
        });
    picked.response.accessible_name(ctx.tr(Tr::FanSeries));
    if picked.inner == Some(true) {
        state.fan_series = Some(fan_series.clone());
    }
    // Another series' fan: the same draws again (same seed), with that fan.
    let have_fan = result.fans.iter().any(|f| f.series == fan_series);
    if !have_fan
        && ctx.uncertainty.running.is_none()
        && ctx.uncertainty.error.is_none()
        && scenario.series(&fan_series).is_some()
        && let Some(settings) = ctx.uncertainty.last_settings
    {
        ctx.commands.push(Command::RunUncertainty(settings));
    }
    if let Some(fan) = result.fans.iter().find(|f| f.series == fan_series) {
        // Shaded bands with the median and the capacity, with Copy image and Save PNG.
        let spec = crate::charts::fan_chart(scenario, ctx.doc.analysis(), result, fan, lang);
        crate::ui::chart::chart_ui(ui, &spec, theme::CHART_HEIGHT, lang, ctx.commands);
    }
    section(ui, ctx.tr(Tr::ExceedanceProbability));
    let milestones: Vec<usize> = (0..result.exceedance.first().map_or(0, |e| e.by_year.len()))
        .filter(|i| {
            let year = result.base_year + *i as i32;
            scenario.milestones.contains(&year) || year % 5 == 0 || year == scenario.horizon
        })
        .collect();
    egui::Grid::new("exceedance").striped(true).show(ui, |ui| {
        ui.strong(ctx.tr(Tr::Capacity));
        for &i in &milestones {
            ui.strong((result.base_year + i as i32).to_string());
        }
        ui.end_row();
        for e in &result.exceedance {
            ui.label(&e.pollutant);
            for &i in &milestones {
                let p = e.by_year[i];
                let color = if p >= 0.5 {
                    theme::bad()
                } else if p > 0.05 {
                    theme::near()
                } else {
                    theme::ok()
                };
                ui.label(RichText::new(format::percent(p)).color(color));
            }
            ui.end_row();
        }
    });
    if let Some(settings) = ctx.uncertainty.last_settings {
        let fan_series = [state.fan_series_in(scenario)];
        super::importance::importance_ui(ui, ctx, &mut state.importance, settings, &fan_series);
    }
}
