//! 情景假设: growth rates, intensities and elasticities with sliders and exact entry, and the
//! horizon. Every change is applied at once, so every view answers in the same frame.

use eframe::egui::{self, RichText};

use super::{edit_number, section};
use crate::document::Edit;
use crate::i18n::Tr;
use crate::model::{MAX_HORIZON, Rule, Series};
use crate::ui::widgets::{self, Domain, NumberField};
use crate::ui::{Command, ViewCtx};

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let doc = ctx.doc;
    let scenario = doc.scenario();
    section(ui, ctx.tr(Tr::Assumptions));
    egui::Grid::new("assumptions-general")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(ctx.tr(Tr::Horizon));
            horizon_ui(ui, ctx);
            ui.end_row();
        });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("assumptions")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for series in &scenario.series {
                        ui.label(RichText::new(ctx.lang.label(&series.label)).strong())
                            .on_hover_text(&series.key);
                        rule_ui(ui, ctx, series);
                        ui.end_row();
                    }
                });
        });
}

/// The horizon: a slider up to 2060 and the exact year beside it, shared by the capacity
/// views. The year commits when the field is left (Enter, Tab, a click elsewhere), so typing
/// 2060 never passes through 2, 20 and 206.
pub(super) fn horizon_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let scenario = ctx.doc.scenario();
    let years = (scenario.base_year + 1)..=MAX_HORIZON;
    let mut horizon = scenario.horizon;
    let response = ui
        .add(egui::Slider::new(&mut horizon, years.clone()).show_value(false))
        .accessible_name(format!("{} slider", ctx.tr(Tr::Horizon)));
    if response.changed() {
        push(ctx, Edit::SetHorizon { year: horizon }, &response);
    }
    release(&response);
    let lang = ctx.lang;
    let doc = ctx.doc;
    let typed = widgets::validated_edit(
        ui,
        "horizon-year",
        scenario.horizon.to_string(),
        56.0,
        &format!("{} {}", ctx.tr(Tr::Horizon), ctx.tr(Tr::Year)),
        ctx.tr(Tr::Horizon),
        |text| {
            let year = text
                .trim()
                .parse::<i32>()
                .map_err(|_| format!("\"{}\" {}", text.trim(), Tr::NotAYear.get(lang)))?;
            if !years.contains(&year) {
                return Err(format!(
                    "{year}: {} {}–{}",
                    Tr::YearOutside.get(lang),
                    years.start(),
                    years.end()
                ));
            }
            doc.check(&Edit::SetHorizon { year }).map(|()| year)
        },
    );
    if let Some(year) = typed {
        ctx.apply(Edit::SetHorizon { year });
    }
}

/// Sends a slider's edit: while it is being dragged, each change continues the same undo step.
fn push(ctx: &mut ViewCtx<'_>, edit: Edit, response: &egui::Response) {
    // One press of the pointer is one step: the jump to where the slider was pressed and every
    // move of the drag that follows (before the drag threshold too) continue the first change.
    let pressing = response.id.with("pressed-and-changed");
    let continuing = response.is_pointer_button_down_on()
        && response
            .ctx
            .data(|d| d.get_temp::<bool>(pressing))
            .unwrap_or(false);
    if response.is_pointer_button_down_on() {
        response.ctx.data_mut(|d| d.insert_temp(pressing, true));
    }
    ctx.commands.push(Command::Apply {
        edit,
        merge: continuing,
    });
}

/// Forgets a slider's press once the pointer is up, so that the next press is a new step.
fn release(response: &egui::Response) {
    if !response.is_pointer_button_down_on() {
        let pressing = response.id.with("pressed-and-changed");
        response.ctx.data_mut(|d| d.remove::<bool>(pressing));
    }
}

/// A rate as a slider in % and an exact field beside it.
fn rate_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    id: (&str, &str),
    (label, who): (&str, &str),
    rate: f64,
    make: impl Fn(f64) -> Rule,
) {
    let (series, field) = id;
    ui.horizontal(|ui| {
        ui.label(label);
        let mut percent = rate * 100.0;
        // A fixed scale, so that the thumb stays under the pointer; a rate beyond it (typed in
        // the field) shows at the end.
        let range = -20.0..=30.0;
        let response = ui
            .add(
                egui::Slider::new(&mut percent, range)
                    .suffix(" %")
                    .show_value(false)
                    // Clamping every frame would write the shown value back into the model.
                    .clamping(egui::SliderClamping::Edits),
            )
            .accessible_name(format!("{label} {series}"));
        if response.changed() {
            push(
                ctx,
                Edit::SetRule {
                    series: series.to_owned(),
                    rule: make(percent / 100.0),
                },
                &response,
            );
        }
        release(&response);
        // Found as "{label} {series} %": the percent sign tells the field from the slider.
        let number = NumberField::of(
            ctx.lang,
            label,
            &format!("{series} %"),
            who,
            "",
            Domain::Rate,
        )
        .in_percent();
        edit_number(ui, ctx, (series, field), rate, &number, |value| {
            Edit::SetRule {
                series: series.to_owned(),
                rule: make(value),
            }
        });
        ui.label("%");
    });
}

/// A plain number of a rule (intensity, elasticity, a point's value).
fn value_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    id: (&str, String),
    (label, who, unit, domain): (&str, &str, &str, Domain),
    value: f64,
    make: impl Fn(f64) -> Rule,
) {
    let series = id.0;
    ui.horizontal(|ui| {
        ui.label(label);
        let number = NumberField::of(ctx.lang, label, series, who, unit, domain);
        edit_number(ui, ctx, (series, &id.1), value, &number, |v| {
            Edit::SetRule {
                series: series.to_owned(),
                rule: make(v),
            }
        });
    });
}

pub(super) fn rule_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, series: &Series) {
    let key = series.key.as_str();
    let who = ctx.lang.label(&series.label).to_owned();
    // A driver by the name the user knows it by, not its key.
    let (doc, lang) = (ctx.doc, ctx.lang);
    let label_of = move |key: &str| {
        doc.scenario()
            .series(key)
            .map_or_else(|| key.to_owned(), |s| lang.label(&s.label).to_owned())
    };
    let who = who.as_str();
    let unit = series.unit.symbol();
    let rule = series.rule.clone();
    ui.vertical(|ui| match &rule {
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
                        "{} ({intensity_unit}) × {}",
                        ctx.tr(Tr::Intensity),
                        label_of(driver)
                    ),
                    who,
                    intensity_unit.symbol(),
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
                    &format!("{} ({})", ctx.tr(Tr::Elasticity), label_of(&driver)),
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
                ui.label(RichText::new(super::rule_summary(&rule, ctx.lang)).weak());
            }
        }
    });
    ui.label(RichText::new(series.unit.symbol()).weak());
}
