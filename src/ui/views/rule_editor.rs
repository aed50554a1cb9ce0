//! A series' rule edited in place: its numbers with sliders and exact entry, its kind, its change years and its points.

use super::assumptions::*;
use crate::document::Edit;
use crate::i18n::Tr;
use crate::model::{MAX_HORIZON, Rule, Series};
use crate::ui::widgets::{self, Domain};
use crate::ui::{Command, ViewCtx};
use eframe::egui::{self, RichText};

pub(super) fn rule_editor_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    series: &Series,
    structure: bool,
) {
    let who = ctx.lang.label(&series.label).to_owned();
    // A driver by the name the user knows it by, not its key.
    let (doc, lang) = (ctx.doc, ctx.lang);
    let label_of = move |key: &str| {
        doc.scenario()
            .series(key)
            .map_or_else(|| key.to_owned(), |s| lang.label(&s.label).to_owned())
    };
    let who = who.as_str();
    let unit = &*crate::i18n::unit(lang, &series.unit);
    let rule = series.rule.clone();
    ui.vertical(|ui| {
        if structure {
            rule_kind_ui(ui, ctx, series);
        }
        rule_numbers_ui(ui, ctx, series, &rule, who, unit, &label_of);
        if structure {
            rule_structure_ui(ui, ctx, series);
        }
    });
    ui.label(RichText::new(crate::i18n::unit(lang, &series.unit)).weak());
}

/// The rule's numbers: rates, intensity, elasticity, points.
pub(super) fn rule_numbers_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    series: &Series,
    rule: &Rule,
    who: &str,
    unit: &str,
    label_of: &dyn Fn(&str) -> String,
) {
    let key = series.key.as_str();
    match rule {
        Rule::Growth { rate, changes } => {
            let changes_for_rate = changes.clone();
            rate_ui(
                ui,
                ctx,
                (key, "rate"),
                (ctx.tr(Tr::GrowthRate), who),
                *rate,
                move |r| Rule::Growth {
                    rate: r,
                    changes: changes_for_rate.clone(),
                },
            );
            for (i, change) in changes.iter().enumerate() {
                let (base_rate, all) = (*rate, changes.clone());
                let label = format!("{} {}", ctx.tr(Tr::RateFrom), change.from);
                rate_ui(
                    ui,
                    ctx,
                    (key, &format!("change-{i}")),
                    (&label, who),
                    change.rate,
                    move |r| {
                        let mut changes = all.clone();
                        changes[i].rate = r;
                        Rule::Growth {
                            rate: base_rate,
                            changes,
                        }
                    },
                );
            }
        }
        Rule::Driven {
            driver,
            intensity,
            intensity_unit,
            change,
        } => {
            let make = |intensity: f64, change: f64| Rule::Driven {
                driver: driver.clone(),
                intensity,
                intensity_unit: intensity_unit.clone(),
                change,
            };
            let (i0, c0) = (*intensity, *change);
            value_ui(
                ui,
                ctx,
                (key, "intensity".into()),
                (
                    &format!(
                        "{} × {}",
                        crate::i18n::bracketed(
                            ctx.lang,
                            ctx.tr(Tr::Intensity),
                            &crate::i18n::unit(ctx.lang, intensity_unit),
                        ),
                        label_of(driver)
                    ),
                    who,
                    &crate::i18n::unit(ctx.lang, intensity_unit),
                    Domain::NonNegative,
                ),
                i0,
                |v| make(v, c0),
            );
            rate_ui(
                ui,
                ctx,
                (key, "change"),
                (ctx.tr(Tr::IntensityChange), who),
                c0,
                |c| make(i0, c),
            );
        }
        Rule::GrowthAs { driver, elasticity } => {
            let driver = driver.clone();
            value_ui(
                ui,
                ctx,
                (key, "elasticity".into()),
                (
                    &crate::i18n::bracketed(ctx.lang, ctx.tr(Tr::Elasticity), &label_of(&driver)),
                    who,
                    "",
                    Domain::Elasticity,
                ),
                *elasticity,
                move |e| Rule::GrowthAs {
                    driver: driver.clone(),
                    elasticity: e,
                },
            );
        }
        Rule::Interp { points, after_rate } => {
            for (i, (year, value)) in points.iter().enumerate() {
                let (all, after) = (points.clone(), *after_rate);
                value_ui(
                    ui,
                    ctx,
                    (key, format!("point-{i}")),
                    (
                        &format!("{} {year}", ctx.tr(Tr::Points)),
                        who,
                        unit,
                        Domain::NonNegative,
                    ),
                    *value,
                    move |v| {
                        let mut points = all.clone();
                        points[i].1 = v;
                        Rule::Interp {
                            points,
                            after_rate: after,
                        }
                    },
                );
            }
            let all = points.clone();
            rate_ui(
                ui,
                ctx,
                (key, "after"),
                (ctx.tr(Tr::AfterRate), who),
                *after_rate,
                move |r| Rule::Interp {
                    points: all.clone(),
                    after_rate: r,
                },
            );
        }
        Rule::Linear { change_per_year } => {
            value_ui(
                ui,
                ctx,
                (key, "change-per-year".into()),
                (ctx.tr(Tr::ChangePerYear), who, unit, Domain::Any),
                *change_per_year,
                |v| Rule::Linear { change_per_year: v },
            );
        }
        Rule::Step { points } => {
            for (i, (year, value)) in points.iter().enumerate() {
                let all = points.clone();
                value_ui(
                    ui,
                    ctx,
                    (key, format!("step-{i}")),
                    (
                        &format!("{} {year}", ctx.tr(Tr::Points)),
                        who,
                        unit,
                        Domain::NonNegative,
                    ),
                    *value,
                    move |v| {
                        let mut points = all.clone();
                        points[i].1 = v;
                        Rule::Step { points }
                    },
                );
            }
            if points.is_empty() {
                ui.label(RichText::new(super::rule_summary(rule, ctx.lang)).weak());
            }
        }
    }
}

/// The kind of rule, and for a rule with a driver, which series drives it.
pub(super) fn rule_kind_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, series: &Series) {
    use crate::engine::rule_kind::{RuleKind, possible_drivers, rule_of_kind};
    let lang = ctx.lang;
    let doc = ctx.doc;
    let scenario = doc.scenario();
    let key = series.key.as_str();
    let kind = RuleKind::of(&series.rule);
    ui.horizontal(|ui| {
        let mut chosen = kind;
        egui::ComboBox::from_id_salt(("rule-kind", key))
            .selected_text(rule_kind_name(kind).get(lang))
            .show_ui(ui, |ui| {
                for option in RuleKind::ALL.iter().copied() {
                    ui.selectable_value(&mut chosen, option, rule_kind_name(option).get(lang));
                }
            })
            .response
            .accessible_name(format!("{} {key}", Tr::RuleKind.get(lang)));
        if chosen != kind {
            match rule_of_kind(scenario, &doc.analysis().projection, key, chosen, None) {
                Some(rule) => ctx.apply(Edit::SetRule {
                    series: key.to_owned(),
                    rule,
                }),
                None => ctx.commands.push(Command::Notify(
                    Tr::NoDriverAvailable.fill(lang, &[&lang.label(&series.label)]),
                )),
            }
        }
        if let Some(driver) = series.rule.driver() {
            let mut picked = driver.to_owned();
            let shown = scenario
                .series(driver)
                .map_or(driver, |s| lang.label(&s.label));
            egui::ComboBox::from_id_salt(("rule-driver", key))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for candidate in possible_drivers(scenario, key) {
                        let label = scenario
                            .series(candidate)
                            .map_or(candidate, |s| lang.label(&s.label));
                        ui.selectable_value(&mut picked, candidate.to_owned(), label);
                    }
                })
                .response
                .accessible_name(format!("{} {key}", Tr::Driver.get(lang)));
            if picked != driver
                && let Some(rule) = rule_of_kind(
                    scenario,
                    &doc.analysis().projection,
                    key,
                    kind,
                    Some(&picked),
                )
            {
                ctx.apply(Edit::SetRule {
                    series: key.to_owned(),
                    rule,
                });
            }
        }
    });
}

pub(super) fn rule_kind_name(kind: crate::engine::rule_kind::RuleKind) -> Tr {
    use crate::engine::rule_kind::RuleKind;
    match kind {
        RuleKind::Growth => Tr::KindGrowth,
        RuleKind::Interp => Tr::KindInterp,
        RuleKind::Step => Tr::KindStep,
        RuleKind::Driven => Tr::KindDriven,
        RuleKind::GrowthAs => Tr::KindGrowthAs,
        RuleKind::Linear => Tr::KindLinear,
    }
}

/// A year field of a rule (a period's first year, a point's year), checked by the engine.
pub(super) fn rule_year_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    id: (&str, String),
    (name, who): (&str, &str),
    year: i32,
    make: impl Fn(i32) -> Rule,
) {
    let (key, field) = id;
    let lang = ctx.lang;
    let doc = ctx.doc;
    let typed = widgets::validated_edit(
        ui,
        (key, &field),
        year.to_string(),
        56.0,
        &format!("{name} {key}"),
        &format!("{name} · {who}"),
        |text| {
            let scenario = doc.scenario();
            let year = widgets::parse_year(text, Some(scenario.base_year + 1..=MAX_HORIZON), lang)?;
            let edit = Edit::SetRule {
                series: key.to_owned(),
                rule: make(year),
            };
            doc.check_in(lang, &edit).map(|()| year)
        },
    );
    if let Some(year) = typed {
        ctx.apply(Edit::SetRule {
            series: key.to_owned(),
            rule: make(year),
        });
    }
}

/// The rule's structure: a growth's periods (each from a year on), the points of a path or of
/// steps, a driven series' intensity unit; each added, moved and removed here.
pub(super) fn rule_structure_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, series: &Series) {
    let lang = ctx.lang;
    let key = series.key.as_str();
    let who = lang.label(&series.label).to_owned();
    let scenario = ctx.doc.scenario();
    let set = |rule: Rule| Edit::SetRule {
        series: key.to_owned(),
        rule,
    };
    match series.rule.clone() {
        Rule::Growth { rate, changes } => {
            for (i, change) in changes.iter().enumerate() {
                ui.horizontal(|ui| {
                    let all = changes.clone();
                    rule_year_ui(
                        ui,
                        ctx,
                        (key, format!("from-{i}")),
                        (&format!("{} {}", Tr::PeriodFrom.get(lang), i + 2), &who),
                        change.from,
                        move |from| {
                            let mut changes = all.clone();
                            changes[i].from = from;
                            changes.sort_by_key(|c| c.from);
                            Rule::Growth { rate, changes }
                        },
                    );
                    let remove = ui
                        .small_button(Tr::Remove.get(lang))
                        .accessible_name(format!(
                            "{} {} {} {key}",
                            Tr::Remove.get(lang),
                            Tr::PeriodFrom.get(lang),
                            i + 2
                        ));
                    if remove.clicked() {
                        let mut changes = changes.clone();
                        changes.remove(i);
                        ctx.apply(set(Rule::Growth { rate, changes }));
                    }
                });
            }
            // A new period starts the year after the next milestone (5.5 % to 2030, 4.5 %
            // from 2031), or the year after the last period's start.
            let after = changes.last().map_or(scenario.base_year, |c| c.from);
            let from = scenario
                .milestones
                .iter()
                .copied()
                .filter(|&m| m >= after && m > scenario.base_year)
                .min()
                .map_or(after + 1, |m| m + 1);
            // No period can start after the last year projected.
            let add = ui
                .add_enabled(
                    from <= MAX_HORIZON,
                    egui::Button::new(format!("＋ {}", Tr::AddPeriod.get(lang))).small(),
                )
                .accessible_name(format!("{} {key}", Tr::AddPeriod.get(lang)));
            if add.clicked() {
                let mut changes = changes.clone();
                let last_rate = changes.last().map_or(rate, |c| c.rate);
                changes.push(crate::model::RateChange {
                    from,
                    rate: last_rate,
                });
                ctx.apply(set(Rule::Growth { rate, changes }));
            }
        }
        Rule::Interp { points, after_rate } => {
            points_ui(ui, ctx, series, &points, &move |points| Rule::Interp {
                points,
                after_rate,
            });
        }
        Rule::Step { points } => {
            points_ui(ui, ctx, series, &points, &|points| Rule::Step { points });
        }
        Rule::Driven {
            driver,
            intensity,
            intensity_unit,
            change,
        } => {
            ui.horizontal(|ui| {
                ui.label(Tr::IntensityUnit.get(lang));
                let doc = ctx.doc;
                let driver_unit = scenario
                    .series(&driver)
                    .map(|s| series.unit.divide(&s.unit));
                let typed = widgets::validated_edit(
                    ui,
                    ("intensity-unit", key),
                    intensity_unit.symbol().to_owned(),
                    110.0,
                    &format!("{} {key}", Tr::IntensityUnit.get(lang)),
                    &format!("{} · {who}", Tr::IntensityUnit.get(lang)),
                    |text| {
                        let unit = crate::units::Unit::parse(text.trim())
                            .map_err(|_| Tr::NotAUnit.fill(lang, &[&text.trim()]))?;
                        let Some(expected) = &driver_unit else {
                            return Err(Tr::NoSuchDriver.fill(lang, &[&driver]));
                        };
                        // The same intensity in the new unit, so the projection stays.
                        let factor = intensity_unit
                            .factor_to(&unit)
                            .map_err(|_| Tr::UnitDoesNotConvert.fill(lang, &[&unit, expected]))?;
                        let rule = Rule::Driven {
                            driver: driver.clone(),
                            intensity: intensity * factor,
                            intensity_unit: unit,
                            change,
                        };
                        doc.check_in(
                            lang,
                            &Edit::SetRule {
                                series: key.to_owned(),
                                rule: rule.clone(),
                            },
                        )
                        .map(|()| rule)
                    },
                );
                if let Some(rule) = typed {
                    ctx.apply(set(rule));
                }
            });
        }
        Rule::GrowthAs { .. } | Rule::Linear { .. } => {}
    }
}

/// The points of a path or of steps: each point's year (its value is above), removed or added.
pub(super) fn points_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    series: &Series,
    points: &[(i32, f64)],
    make: &dyn Fn(Vec<(i32, f64)>) -> Rule,
) {
    let lang = ctx.lang;
    let key = series.key.as_str();
    let who = lang.label(&series.label).to_owned();
    for (i, &(year, _)) in points.iter().enumerate() {
        ui.horizontal(|ui| {
            let all = points.to_vec();
            rule_year_ui(
                ui,
                ctx,
                (key, format!("point-year-{i}")),
                (&format!("{} {}", Tr::PointYear.get(lang), i + 1), &who),
                year,
                |y| {
                    let mut points = all.clone();
                    points[i].0 = y;
                    points.sort_by_key(|p| p.0);
                    make(points)
                },
            );
            let remove = ui
                .small_button(Tr::Remove.get(lang))
                .accessible_name(format!(
                    "{} {} {} {key}",
                    Tr::Remove.get(lang),
                    Tr::PointYear.get(lang),
                    i + 1
                ));
            if remove.clicked() {
                let mut points = points.to_vec();
                points.remove(i);
                ctx.apply(Edit::SetRule {
                    series: key.to_owned(),
                    rule: make(points),
                });
            }
        });
    }
    let scenario = ctx.doc.scenario();
    let last = points.last().map_or(scenario.base_year, |p| p.0);
    if last < MAX_HORIZON {
        let add = ui
            .small_button(format!("＋ {}", Tr::AddPoint.get(lang)))
            .accessible_name(format!("{} {key}", Tr::AddPoint.get(lang)));
        if add.clicked() {
            let year = scenario
                .milestones
                .iter()
                .copied()
                .find(|&m| m > last)
                .unwrap_or(last + 1);
            // The new point holds the value the series projects in its year, so nothing moves.
            let value = ctx
                .doc
                .analysis()
                .projection
                .value(key, year)
                .filter(|v| v.is_finite())
                .or_else(|| points.last().map(|p| p.1))
                .unwrap_or(0.0);
            let mut points = points.to_vec();
            points.push((year, value));
            ctx.apply(Edit::SetRule {
                series: key.to_owned(),
                rule: make(points),
            });
        }
    }
}
