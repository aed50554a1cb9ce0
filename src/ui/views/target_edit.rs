//! Adding, editing and removing targets: the metric (a series, or the ratio of two with its
//! unit), ≥ or ≤, the threshold (absolute in the target's unit, or a change from a named year's
//! value: COD 10 % below 2025), the year and the source. Each change is one undoable edit that
//! the engine checks first.

use eframe::egui;

use super::edit_number;
use crate::document::Edit;
use crate::i18n::Tr;
use crate::model::{Comparison, Label, Metric, Scenario, Target};
use crate::ui::ViewCtx;
use crate::ui::widgets::{self, Domain, NumberField};
use crate::units::Unit;

/// "＋ Add a target": a target on the first series, to be set in its fields; its threshold is
/// the series' projected value in the target year, so it starts valid and met.
pub fn add_target_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let scenario = ctx.doc.scenario();
    let Some(series) = scenario.series.first() else {
        ui.label(ctx.tr(Tr::NoSeriesForTarget));
        return;
    };
    if ui.button(format!("＋ {}", ctx.tr(Tr::AddTarget))).clicked() {
        // The first number no target's key or name holds yet: the key and the name agree.
        let number = (1..)
            .find(|n| {
                scenario
                    .targets
                    .iter()
                    .all(|t| t.key != format!("target_{n}") && t.label.zh != format!("新目标 {n}"))
            })
            .expect("some number is free");
        let key = format!("target_{number}");
        let year = scenario
            .milestones
            .iter()
            .copied()
            .filter(|&y| y <= scenario.horizon)
            .max()
            .unwrap_or(scenario.horizon);
        let threshold = starting_threshold(
            scenario,
            ctx.doc.analysis(),
            (&Metric::Series(series.key.clone()), Comparison::AtMost),
            &series.unit,
            year,
        );

        ctx.apply(Edit::AddTarget {
            target: Box::new(Target {
                key,
                label: Label::new(&format!("新目标 {number}"), &format!("New target {number}")),
                metric: Metric::Series(series.key.clone()),
                comparison: Comparison::AtMost,
                threshold,
                unit: series.unit.clone(),
                year,
                relative_to: None,
                source: Label::default(),
            }),
        });
    }
}

/// The metric's projected value in `year`, in `unit`, to the decimals it is shown in (four
/// significant digits where it has none), rounded to the side that keeps the target met:
/// where a new threshold starts.
fn starting_threshold(
    scenario: &Scenario,
    analysis: &crate::engine::Analysis,
    (metric, comparison): (&Metric, Comparison),
    unit: &Unit,
    year: i32,
) -> f64 {
    let raw = crate::engine::metric_value(&analysis.projection, metric, year);
    let factor = unit_of(scenario, metric).and_then(|u| u.factor_to(unit).ok());
    let Some(value) = raw
        .zip(factor)
        .map(|(v, f)| v * f)
        .filter(|v| v.is_finite())
    else {
        return 0.0;
    };
    let decimals = match metric {
        Metric::Series(key) => scenario.series(key).and_then(|s| s.decimals),
        Metric::Ratio { .. } => None,
    };
    let decimals = decimals.map_or_else(
        || (3 - value.abs().log10().floor() as i32).max(0),
        i32::from,
    );
    let scale = 10f64.powi(decimals);
    match comparison {
        Comparison::AtMost => (value * scale).ceil() / scale,
        Comparison::AtLeast => (value * scale).floor() / scale,
        Comparison::Equal => (value * scale).round() / scale,
    }
}

/// The unit a metric's value is in, as the target shows it.
fn unit_of(scenario: &Scenario, metric: &Metric) -> Option<Unit> {
    crate::engine::metric_unit(scenario, metric)
}

/// The fields of one target, under a header with its name.
pub fn target_fields_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, target: &Target) {
    let lang = ctx.lang;
    let key = target.key.clone();
    let set = |changed: Target| Edit::SetTarget {
        key: key.clone(),
        target: Box::new(changed),
    };
    egui::CollapsingHeader::new(format!(
        "{} {}",
        Tr::EditTarget.get(lang),
        lang.label(&target.label)
    ))
    .id_salt(("edit-target", &key))
    .show(ui, |ui| {
        egui::Grid::new(("target-fields", &key))
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(Tr::Name.get(lang));
                ui.horizontal(|ui| {
                    if let Some(label) = widgets::label_pair_edit(
                        ui,
                        ("target-label", &key),
                        &target.label,
                        &format!("{} {key}", Tr::Name.get(lang)),
                        160.0,
                        true,
                        lang,
                    ) {
                        ctx.apply(set(Target {
                            label,
                            ..target.clone()
                        }));
                    }
                });
                ui.end_row();
                metric_row(ui, ctx, target, &set);
                ui.label(Tr::Rule.get(lang));
                ui.horizontal(|ui| {
                    let mut comparison = target.comparison;
                    for option in [Comparison::AtMost, Comparison::AtLeast, Comparison::Equal] {
                        ui.radio_value(&mut comparison, option, option.symbol())
                            .accessible_name(format!("{} {key}", option.symbol()))
                            .on_hover_text(match option {
                                Comparison::AtMost => Tr::AtMostWords.get(lang),
                                Comparison::AtLeast => Tr::AtLeastWords.get(lang),
                                Comparison::Equal => Tr::EqualWords.get(lang),
                            });
                    }
                    if comparison != target.comparison {
                        ctx.apply(set(Target {
                            comparison,
                            ..target.clone()
                        }));
                    }
                });
                ui.end_row();
                threshold_rows(ui, ctx, target, &set);
                ui.label(Tr::Year.get(lang));
                let doc = ctx.doc;
                let year = widgets::validated_edit(
                    ui,
                    ("target-year", &key),
                    target.year.to_string(),
                    64.0,
                    &format!("{} {key}", Tr::Year.get(lang)),
                    &format!("{} · {}", Tr::Year.get(lang), lang.label(&target.label)),
                    |text| {
                        let scenario = doc.scenario();
                        let years = scenario.base_year + 1..=scenario.horizon;
                        let year = widgets::parse_year(text, Some(years), lang)?;
                        let edit = set(Target {
                            year,
                            ..target.clone()
                        });
                        doc.check_in(lang, &edit).map(|()| edit)
                    },
                );
                if let Some(edit) = year {
                    ctx.apply(edit);
                }
                ui.end_row();
                ui.label(Tr::Source.get(lang));
                ui.horizontal(|ui| {
                    if let Some(source) = widgets::label_pair_edit(
                        ui,
                        ("target-source", &key),
                        &target.source,
                        &format!("{} {key}", Tr::Source.get(lang)),
                        240.0,
                        false,
                        lang,
                    ) {
                        ctx.apply(set(Target {
                            source,
                            ..target.clone()
                        }));
                    }
                });
                ui.end_row();
            });
        let remove = ui
            .button(Tr::RemoveTarget.get(lang))
            .accessible_name(format!("{} {key}", Tr::RemoveTarget.get(lang)));
        if remove.clicked() {
            ctx.apply(Edit::RemoveTarget { key: key.clone() });
        }
    });
}

/// What the target measures: a series, or a ratio of two (with the unit it is read in).
fn metric_row(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    target: &Target,
    set: &dyn Fn(Target) -> Edit,
) {
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    let key = &target.key;
    // A change of metric takes the metric's own unit, and a threshold at the metric's
    // projected value in the target's year (as a new target starts): the old number measured
    // something else.
    let analysis = ctx.doc.analysis();
    let with_metric = |metric: Metric| {
        let unit = unit_of(scenario, &metric).unwrap_or_else(|| target.unit.clone());
        let unit = if unit.is_compatible(&target.unit) {
            target.unit.clone()
        } else {
            unit
        };
        let threshold = if target.relative_to.is_some() {
            target.threshold
        } else {
            starting_threshold(
                scenario,
                analysis,
                (&metric, target.comparison),
                &unit,
                target.year,
            )
        };
        set(Target {
            metric,
            unit,
            threshold,
            ..target.clone()
        })
    };
    ui.label(Tr::Metric.get(lang));
    ui.horizontal(|ui| {
        let is_ratio = matches!(target.metric, Metric::Ratio { .. });
        let mut ratio = is_ratio;
        for (option, text) in [(false, Tr::MetricSeries), (true, Tr::MetricRatio)] {
            ui.radio_value(&mut ratio, option, text.get(lang))
                .accessible_name(format!("{} {key}", text.get(lang)));
        }
        let first = |metric: &Metric| match metric {
            Metric::Series(k) => k.clone(),
            Metric::Ratio { numerator, .. } => numerator.clone(),
        };
        if ratio != is_ratio {
            let numerator = first(&target.metric);
            let metric = if ratio {
                let denominator = scenario
                    .series
                    .iter()
                    .find(|s| s.key != numerator)
                    .map_or_else(|| numerator.clone(), |s| s.key.clone());
                Metric::Ratio {
                    numerator,
                    denominator,
                }
            } else {
                Metric::Series(numerator)
            };
            ctx.apply(with_metric(metric));
        }
        match &target.metric {
            Metric::Series(series) => {
                if let Some(picked) = super::series_combo(
                    ui,
                    ("target-series", key),
                    scenario,
                    Some(series),
                    &format!("{} {key}", Tr::Metric.get(lang)),
                    lang,
                ) {
                    ctx.apply(with_metric(Metric::Series(picked)));
                }
            }
            Metric::Ratio {
                numerator,
                denominator,
            } => {
                if let Some(picked) = super::series_combo(
                    ui,
                    ("target-numerator", key),
                    scenario,
                    Some(numerator),
                    &format!("{} {key}", Tr::Numerator.get(lang)),
                    lang,
                ) {
                    ctx.apply(with_metric(Metric::Ratio {
                        numerator: picked,
                        denominator: denominator.clone(),
                    }));
                }
                ui.label("÷");
                if let Some(picked) = super::series_combo(
                    ui,
                    ("target-denominator", key),
                    scenario,
                    Some(denominator),
                    &format!("{} {key}", Tr::Denominator.get(lang)),
                    lang,
                ) {
                    ctx.apply(with_metric(Metric::Ratio {
                        numerator: numerator.clone(),
                        denominator: picked,
                    }));
                }
            }
        }
        ui.label(Tr::Unit.get(lang));
        let doc = ctx.doc;
        let unit = widgets::validated_edit(
            ui,
            ("target-unit", key),
            target.unit.symbol().to_owned(),
            90.0,
            &format!("{} {key}", Tr::Unit.get(lang)),
            &format!("{} · {}", Tr::Unit.get(lang), lang.label(&target.label)),
            |text| {
                let unit = Unit::parse(text.trim())
                    .map_err(|_| Tr::NotAUnit.fill(lang, &[&text.trim()]))?;
                if let Some(metric_unit) = unit_of(doc.scenario(), &target.metric)
                    && !unit.is_compatible(&metric_unit)
                {
                    return Err(Tr::UnitDoesNotConvert.fill(lang, &[&unit, &metric_unit]));
                }
                // The same threshold in the new unit (a relative one is a fraction, unchanged).
                let threshold = match target.relative_to {
                    Some(_) => target.threshold,
                    None => {
                        target.threshold
                            * target.unit.factor_to(&unit).map_err(|_| {
                                Tr::UnitDoesNotConvert.fill(lang, &[&unit, &target.unit])
                            })?
                    }
                };
                let edit = set(Target {
                    unit,
                    threshold,
                    ..target.clone()
                });
                doc.check_in(lang, &edit).map(|()| edit)
            },
        );
        if let Some(edit) = unit {
            ctx.apply(edit);
        }
    });
    ui.end_row();
}

/// Absolute, or a change from a year's value; then the threshold in the unit or in %.
fn threshold_rows(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    target: &Target,
    set: &dyn Fn(Target) -> Edit,
) {
    let lang = ctx.lang;
    let key = target.key.clone();
    let base_year = ctx.doc.scenario().base_year;
    ui.label(Tr::ThresholdKind.get(lang));
    ui.horizontal(|ui| {
        let relative = target.relative_to.is_some();
        let mut chosen = relative;
        for (option, text) in [
            (false, Tr::AbsoluteThreshold),
            (true, Tr::RelativeThreshold),
        ] {
            ui.radio_value(&mut chosen, option, text.get(lang))
                .accessible_name(format!("{} {key}", text.get(lang)));
        }
        if chosen != relative {
            // Switching keeps the threshold's meaning where it can: the absolute value becomes
            // the change from the base year's value, and back.
            let check = ctx.doc.analysis().targets.iter().find(|c| c.key == key);
            let base = check
                .map(|c| c.base_value)
                .filter(|v| v.is_finite() && *v > 0.0);
            let changed = if chosen {
                Target {
                    relative_to: Some(base_year),
                    threshold: base.map_or(0.0, |b| check.map_or(0.0, |c| c.threshold) / b - 1.0),
                    ..target.clone()
                }
            } else {
                Target {
                    relative_to: None,
                    threshold: check.map_or(0.0, |c| c.threshold),
                    ..target.clone()
                }
            };
            ctx.apply(set(changed));
        }
        if let Some(year) = target.relative_to {
            ui.label(Tr::RelativeToYear.get(lang));
            let doc = ctx.doc;
            let typed = widgets::validated_edit(
                ui,
                ("target-relative-year", &key),
                year.to_string(),
                64.0,
                &format!("{} {key}", Tr::RelativeToYear.get(lang)),
                &format!(
                    "{} · {}",
                    Tr::RelativeToYear.get(lang),
                    lang.label(&target.label)
                ),
                |text| {
                    let year = widgets::parse_year(text, None, lang)?;
                    let edit = set(Target {
                        relative_to: Some(year),
                        ..target.clone()
                    });
                    if year >= target.year {
                        return Err(Tr::ReferenceNotBefore.fill(lang, &[&year, &target.year]));
                    }
                    doc.check_in(lang, &edit)
                        .map_err(|_| Tr::NoValueInYear.fill(lang, &[&year]))
                        .map(|()| edit)
                },
            );
            if let Some(edit) = typed {
                ctx.apply(edit);
            }
        }
    });
    ui.end_row();
    ui.label(Tr::Threshold.get(lang));
    ui.horizontal(|ui| {
        let who = lang.label(&target.label).to_owned();
        let field = if target.relative_to.is_some() {
            NumberField::of(lang, Tr::Threshold.get(lang), &key, &who, "", Domain::Rate)
                .in_percent()
        } else {
            NumberField::of(
                lang,
                Tr::Threshold.get(lang),
                &key,
                &who,
                &crate::i18n::unit(lang, &target.unit),
                Domain::NonNegative,
            )
        };
        let target_now = target.clone();
        edit_number(
            ui,
            ctx,
            ("target-threshold", &key),
            target.threshold,
            &field,
            |threshold| {
                set(Target {
                    threshold,
                    ..target_now.clone()
                })
            },
        );
        ui.label(if target.relative_to.is_some() {
            "%".to_owned()
        } else {
            crate::i18n::unit(lang, &target.unit).into_owned()
        });
    });
    ui.end_row();
}
