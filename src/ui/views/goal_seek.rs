//! 目标求解: the rate of one series that just meets a target or keeps a pollutant under its
//! capacity up to a year (bracketing and bisection), and a tornado of which rate moves a result
//! most when each is moved ±10 %.

use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart, Legend, Plot};

use super::section;
use crate::document::Edit;
use crate::engine::seek::{
    SeekOutcome, default_lever, goal_series, lever_moves_goal, seek, sensitivity,
};
use crate::format;
use crate::i18n::Tr;
use crate::model::{LeverKind, MAX_HORIZON, lever_value, with_lever};
use crate::ui::{GoalKind, SeekState, ViewCtx, theme, widgets};

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, state: &mut SeekState) {
    let lang = ctx.lang;
    let doc = ctx.doc;
    let scenario = doc.scenario();
    let form = state;
    form.fit_to(scenario);
    section(ui, ctx.tr(Tr::GoalSeek));
    egui::Grid::new("seek-form").num_columns(2).show(ui, |ui| {
        ui.label(ctx.tr(Tr::Goal));
        ui.horizontal(|ui| {
            ui.radio_value(&mut form.goal, GoalKind::Target, ctx.tr(Tr::Target));
            egui::ComboBox::from_id_salt("seek-target")
                .selected_text(
                    scenario
                        .targets
                        .iter()
                        .find(|t| t.key == form.target)
                        .map_or(form.target.as_str(), |t| lang.label(&t.label)),
                )
                .show_ui(ui, |ui| {
                    for target in &scenario.targets {
                        ui.selectable_value(
                            &mut form.target,
                            target.key.clone(),
                            lang.label(&target.label),
                        );
                    }
                })
                .response
                .accessible_name(ctx.tr(Tr::Target));
            ui.radio_value(&mut form.goal, GoalKind::Capacity, ctx.tr(Tr::Capacity));
            egui::ComboBox::from_id_salt("seek-capacity")
                .selected_text(crate::i18n::capacity_name_in(
                    scenario,
                    &form.pollutant,
                    lang,
                ))
                .show_ui(ui, |ui| {
                    for capacity in &scenario.capacities {
                        ui.selectable_value(
                            &mut form.pollutant,
                            capacity.pollutant.clone(),
                            crate::i18n::capacity_label(lang, capacity),
                        );
                    }
                })
                .response
                .accessible_name(ctx.tr(Tr::Capacity));
            ui.label(ctx.tr(Tr::Until));
            ui.add(
                egui::DragValue::new(&mut form.until).range(scenario.base_year + 1..=MAX_HORIZON),
            )
            .accessible_name(ctx.tr(Tr::Until));
        });
        ui.end_row();
        ui.label("");
        ui.horizontal(|ui| {
            ui.radio_value(&mut form.goal, GoalKind::Bound, ctx.tr(Tr::BoundOnSeries));
            egui::ComboBox::from_id_salt("seek-bound-series")
                .selected_text(
                    scenario
                        .series(&form.bound_series)
                        .map_or(form.bound_series.as_str(), |s| lang.label(&s.label)),
                )
                .show_ui(ui, |ui| {
                    for series in &scenario.series {
                        ui.selectable_value(
                            &mut form.bound_series,
                            series.key.clone(),
                            lang.label(&series.label),
                        );
                    }
                })
                .response
                .accessible_name(Tr::BoundSeries.get(lang));
            ui.add(
                egui::DragValue::new(&mut form.bound_year)
                    .range(scenario.base_year + 1..=MAX_HORIZON),
            )
            .accessible_name(Tr::BoundYear.get(lang));
            ui.selectable_value(&mut form.bound_at_most, true, "≤");
            ui.selectable_value(&mut form.bound_at_most, false, "≥");
            ui.add(egui::DragValue::new(&mut form.bound_value).speed(1.0))
                .accessible_name(Tr::BoundValue.get(lang));
            let unit = scenario
                .series(&form.bound_series)
                .map(|s| crate::i18n::unit(lang, &s.unit).into_owned())
                .unwrap_or_default();
            ui.label(unit);
        });
        ui.end_row();
        ui.label(ctx.tr(Tr::Lever));
        ui.horizontal(|ui| {
            egui::ComboBox::from_id_salt("seek-lever")
                .selected_text(
                    scenario
                        .series(&form.lever)
                        .map_or(form.lever.as_str(), |s| lang.label(&s.label)),
                )
                .show_ui(ui, |ui| {
                    for series in scenario
                        .series
                        .iter()
                        .filter(|s| lever_value(&s.rule).is_some())
                    {
                        ui.selectable_value(
                            &mut form.lever,
                            series.key.clone(),
                            lang.label(&series.label),
                        );
                    }
                })
                .response
                .accessible_name(ctx.tr(Tr::Lever));
            // The range in the lever's terms: % for a rate, plain for an elasticity.
            let kind = lever_kind_of(scenario, &form.lever);
            form.fit_range_to(kind);
            let (speed, suffix) = match kind {
                LeverKind::Rate => (0.1, " %"),
                LeverKind::Elasticity => (0.01, ""),
            };
            ui.label(ctx.tr(Tr::Range));
            ui.add(
                egui::DragValue::new(&mut form.low_percent)
                    .speed(speed)
                    .suffix(suffix),
            )
            .accessible_name(ctx.tr(Tr::RangeLow));
            ui.label("–");
            ui.add(
                egui::DragValue::new(&mut form.high_percent)
                    .speed(speed)
                    .suffix(suffix),
            )
            .accessible_name(ctx.tr(Tr::RangeHigh));
        });
        ui.end_row();
    });
    // A new goal (another kind, target, pollutant or series) brings the lever that fits it
    // (COD for a COD capacity, energy for energy per GDP); its numbers alone do not. The answer
    // to another question, or to another state of the scenario, goes.
    let goal = form.goal();
    let identity = form.goal_identity();
    if form.lever_chosen_for.as_ref() != Some(&identity) {
        // The first goal shown gets its lever too, where none is chosen yet.
        if (form.lever_chosen_for.is_some() || form.lever.is_empty())
            && let Some(lever) = default_lever(scenario, &goal).or_else(|| {
                scenario
                    .series
                    .iter()
                    .find(|s| lever_value(&s.rule).is_some())
                    .map(|s| s.key.clone())
            })
        {
            form.lever = lever;
        }
        form.lever_chosen_for = Some(identity);
    }
    let kind = lever_kind_of(scenario, &form.lever);
    let query = form.query(doc.revision(), kind);
    if form
        .answer
        .as_ref()
        .is_some_and(|(asked, _)| *asked != query)
    {
        form.answer = None;
    }
    // A scenario without targets or capacities has no such goal to ask about (a new district
    // before they are entered): said so, in the interface's language.
    let nothing_to_ask = match form.goal {
        GoalKind::Target => scenario.targets.is_empty(),
        GoalKind::Capacity => scenario.capacities.is_empty(),
        GoalKind::Bound => scenario.series.is_empty(),
    };
    if nothing_to_ask {
        ui.label(RichText::new(ctx.tr(Tr::NoGoalYet)).color(theme::pending()));
    }
    // A goal that measures nothing (no such target) is left to the engine to name.
    let moves =
        goal_series(scenario, &goal).is_empty() || lever_moves_goal(scenario, &form.lever, &goal);
    if !moves {
        ui.label(RichText::new(ctx.tr(Tr::LeverDoesNotMoveGoal)).color(theme::near()));
    }
    if ui
        .add_enabled(
            moves && !nothing_to_ask,
            egui::Button::new(ctx.tr(Tr::Solve)),
        )
        .clicked()
    {
        let answer = seek(scenario, &goal, &query.lever, query.range).map_err(|e| e.in_lang(lang));
        form.answer = Some((query, answer));
    }
    match form.answer.as_ref().map(|(_, answer)| answer) {
        Some(Ok(answer)) => {
            let (text, color) = match answer.outcome {
                SeekOutcome::Found => (Tr::Found, theme::ok()),
                SeekOutcome::MetAcrossRange => (Tr::MetAcrossRange, theme::pending()),
                SeekOutcome::NotMetInRange => (Tr::NotMetInRange, theme::bad()),
            };
            ui.horizontal(|ui| {
                widgets::status_chip(ui, text.get(lang), color);
                if let Some(value) = answer.value {
                    let name = scenario
                        .series(&answer.lever)
                        .map_or(answer.lever.as_str(), |s| lang.label(&s.label));
                    ui.label(
                        RichText::new(crate::i18n::lead(
                            lang,
                            name,
                            &format::lever(lever_kind_of(scenario, &answer.lever), value),
                        ))
                        .strong(),
                    );
                    ui.label(
                        RichText::new(format!(
                            "{} {}",
                            Tr::Margin.get(lang),
                            format::value(answer.margin)
                        ))
                        .weak(),
                    );
                    if let Some(rule) = scenario
                        .series(&answer.lever)
                        .and_then(|s| with_lever(&s.rule, value))
                        && ui.button(ctx.tr(Tr::ApplyValue)).clicked()
                    {
                        ctx.apply(Edit::SetRule {
                            series: answer.lever.clone(),
                            rule,
                        });
                    }
                }
            });
        }
        Some(Err(error)) => {
            ui.label(RichText::new(error).color(theme::bad()));
        }
        None => {}
    }

    ui.separator();
    section(ui, ctx.tr(Tr::Sensitivity));
    ui.horizontal(|ui| {
        ui.label(ctx.tr(Tr::Result));
        egui::ComboBox::from_id_salt("sensitivity-series")
            .selected_text(
                scenario
                    .series(&form.sensitivity_series)
                    .map_or(form.sensitivity_series.as_str(), |s| lang.label(&s.label)),
            )
            .show_ui(ui, |ui| {
                for series in &scenario.series {
                    ui.selectable_value(
                        &mut form.sensitivity_series,
                        series.key.clone(),
                        lang.label(&series.label),
                    );
                }
            })
            .response
            .accessible_name(ctx.tr(Tr::Result));
        ui.add(
            egui::DragValue::new(&mut form.sensitivity_year)
                .range(scenario.base_year + 1..=MAX_HORIZON),
        )
        .accessible_name(ctx.tr(Tr::Year));
        if ui.button(ctx.tr(Tr::Run)).clicked() {
            let result = sensitivity(
                scenario,
                &form.sensitivity_series,
                form.sensitivity_year,
                0.1,
            )
            .map_err(|e| e.in_lang(lang));
            form.swings = Some((doc.revision(), result));
        }
    });
    // A result for another state of the scenario (an edit, an undo, another member) goes.
    if form
        .swings
        .as_ref()
        .is_some_and(|(revision, _)| *revision != doc.revision())
    {
        form.swings = None;
    }
    match form.swings.as_ref().map(|(_, result)| result) {
        Some(Ok((base, swings))) => {
            ui.label(crate::i18n::lead(
                ctx.lang,
                ctx.tr(Tr::Result),
                &format::value(*base),
            ));
            // A tornado: each rate's bar spans the result at −10 % and +10 %, widest on top.
            let count = swings.len();
            let bars: Vec<Bar> = swings
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let name = scenario
                        .series(&s.series)
                        .map_or(s.series.clone(), |x| lang.label(&x.label).to_owned());
                    let (low, high) = (s.low.min(s.high), s.low.max(s.high));
                    Bar::new((count - i) as f64, high - low)
                        .base_offset(low)
                        .name(name)
                        .width(0.6)
                })
                .collect();
            let names: Vec<String> = swings
                .iter()
                .map(|s| {
                    scenario
                        .series(&s.series)
                        .map_or(s.series.clone(), |x| lang.label(&x.label).to_owned())
                })
                .collect();
            Plot::new("tornado")
                .height((60.0 + 36.0 * count as f32).min(theme::CHART_HEIGHT * 1.5))
                .legend(Legend::default())
                .y_axis_formatter(crate::ui::chart::bar_names(names))
                .show(ui, |plot_ui| {
                    plot_ui.bar_chart(
                        BarChart::new(ctx.tr(Tr::Sensitivity), bars)
                            .horizontal()
                            .color(theme::near()),
                    );
                });
        }
        Some(Err(error)) => {
            ui.label(RichText::new(error).color(theme::bad()));
        }
        None => {}
    }
}

/// The kind of the series' lever (a rate where the series has none, as the form's default).
fn lever_kind_of(scenario: &crate::model::Scenario, key: &str) -> LeverKind {
    scenario
        .series(key)
        .and_then(|s| crate::model::lever_kind(&s.rule))
        .unwrap_or(LeverKind::Rate)
}
