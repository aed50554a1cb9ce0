//! 情景假设: growth rates, intensities and elasticities with sliders and exact entry, and the
//! horizon. Every change is applied at once, so every view answers in the same frame.

use eframe::egui::{self, RichText};

use super::rule_editor::*;
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
    // Never below the last milestone: a horizon before it would hide the milestone's figures.
    let last_milestone = scenario.milestones.iter().copied().max();
    let first = last_milestone.map_or(scenario.base_year + 1, |m| m.max(scenario.base_year + 1));
    let years = first..=MAX_HORIZON;
    let mut horizon = scenario.horizon;
    let response = ui
        .add(egui::Slider::new(&mut horizon, years.clone()).show_value(false))
        .accessible_name(Tr::SliderOf.fill(ctx.lang, &[&ctx.tr(Tr::Horizon)]));
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
            let year = widgets::parse_year(text, None, lang)?;
            if let Some(milestone) =
                last_milestone.filter(|&m| year < m && year > scenario.base_year)
            {
                return Err(Tr::HorizonBeforeMilestone.fill(lang, &[&year, &milestone]));
            }
            let year = widgets::parse_year(text, Some(years.clone()), lang)?;
            doc.check_in(lang, &Edit::SetHorizon { year })
                .map(|()| year)
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
pub(super) fn rate_ui(
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
pub(super) fn value_ui(
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

/// A series' rule in full: its kind and driver, its numbers, and its periods or points.
pub(super) fn rule_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, series: &Series) {
    rule_editor_ui(ui, ctx, series, true);
}

/// A series' levers only (rates, intensity, elasticity, points' values), as the what-if view
/// shows them beside what they move.
pub(super) fn levers_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, series: &Series) {
    rule_editor_ui(ui, ctx, series, false);
}
