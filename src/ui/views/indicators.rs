//! 指标: the indicator frame with statuses computed from values, rules and links. The table
//! shows, per row, the base year's value (editable), the latest value, each milestone's target
//! and projected value, and the row's status; the side panel shows the selected row's values by
//! year, its rule, how its status is computed, the yearly change each milestone needs, and the
//! typed parts (a task's progress, the plan's stated status, difficulty, applicability).

use eframe::egui::{self, RichText};

use super::section;
use crate::document::Edit;
use crate::engine::indicators::{Assessed, IndicatorAssessment, NeededChange, Status};
use crate::format;
use crate::i18n::{Lang, Tr};
use crate::model::{
    Difficulty, Indicator, IndicatorLink, IndicatorTarget, Metric, Observation, Scenario, TaskState,
};
use crate::ui::view_state::IndicatorsState;
use crate::ui::{ViewCtx, theme, widgets};

pub use crate::i18n::{basis_tr, stated_tr, status_tr};

pub(super) fn difficulty_tr(difficulty: Difficulty) -> Tr {
    match difficulty {
        Difficulty::Normal => Tr::Normal,
        Difficulty::Easy => Tr::Easy,
        Difficulty::Hard => Tr::Hard,
    }
}

pub(super) fn task_tr(state: TaskState) -> Tr {
    match state {
        TaskState::Done => Tr::TaskDone,
        TaskState::InProgress => Tr::TaskInProgress,
        TaskState::NotStarted => Tr::TaskNotStarted,
    }
}

use super::indicator_details::*;
pub use crate::i18n::target_text;

/// The row's status as shown: "met", or "not met (stated)" where no value decides it.
pub fn status_text(indicator: &Indicator, assessment: &IndicatorAssessment, lang: Lang) -> String {
    let text = status_tr(assessment.status).get(lang);
    let stated_only = indicator.stated.is_some()
        && !matches!(indicator.target, IndicatorTarget::Task(_))
        && assessment.lines.iter().all(|l| l.value.is_none())
        && indicator.applies;
    if stated_only {
        Tr::StatedMark.fill(lang, &[&text])
    } else {
        text.to_owned()
    }
}

pub(super) fn needed_text(needed: NeededChange, unit: &str, lang: Lang) -> String {
    match needed {
        NeededChange::AlreadyMet => Tr::Met.get(lang).to_owned(),
        NeededChange::PerYear(v) if unit.trim() == "%" => {
            Tr::PointsPerYear.fill(lang, &[&format::signed(v, None)])
        }
        NeededChange::PerYear(v) => Tr::UnitsPerYear.fill(lang, &[&format::signed(v, None), &unit]),
        NeededChange::Rate(r) => Tr::RatePerYear.fill(
            lang,
            &[&format!(
                "{}{}",
                if r >= 0.0 { "+" } else { "" },
                format::percent(r)
            )],
        ),
    }
}

/// How the row's status is computed, in words.
pub fn how_computed(scenario: &Scenario, indicator: &Indicator, lang: Lang) -> Vec<String> {
    let name = |key: &str| {
        scenario
            .series(key)
            .map_or_else(|| key.to_owned(), |s| lang.label(&s.label).to_owned())
    };
    let mut lines = Vec::new();
    if matches!(indicator.target, IndicatorTarget::Task(_)) {
        lines.push(Tr::HowTask.get(lang).to_owned());
        return lines;
    }
    if !indicator.observed.is_empty() {
        lines.push(Tr::HowObserved.get(lang).to_owned());
    }
    match &indicator.link {
        Some(IndicatorLink::Metric(Metric::Series(key))) => {
            lines.push(Tr::HowLinkSeries.fill(lang, &[&name(key)]));
        }
        Some(IndicatorLink::Metric(Metric::Ratio {
            numerator,
            denominator,
        })) => lines.push(Tr::HowLinkRatio.fill(lang, &[&name(numerator), &name(denominator)])),
        Some(IndicatorLink::Ei) => lines.push(Tr::HowLinkEi.get(lang).to_owned()),
        None => {}
    }
    if indicator.observed.is_empty() && indicator.link.is_none() {
        lines.push(
            if indicator.stated.is_some() {
                Tr::HowStated
            } else {
                Tr::HowNoData
            }
            .get(lang)
            .to_owned(),
        );
    } else {
        lines.push(Tr::HowHeadline.get(lang).to_owned());
    }
    lines
}

pub(super) fn status_label(
    ui: &mut egui::Ui,
    assessed: Option<&Assessed>,
    decimals: Option<u8>,
    lang: Lang,
) {
    match assessed {
        Some(a) => {
            let value = a.value.map_or_else(
                || Tr::NoData.get(lang).to_owned(),
                |v| format::with_decimals(v, decimals),
            );
            ui.label(RichText::new(value).color(theme::indicator_status_color(a.status)))
                .on_hover_text(format!(
                    "{} · {}",
                    basis_tr(a.basis).get(lang),
                    status_tr(a.status).get(lang)
                ));
        }
        None => {
            ui.label(RichText::new("–").weak());
        }
    }
}

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, state: &mut IndicatorsState) {
    let lang = ctx.lang;
    let doc = ctx.doc;
    let scenario = doc.scenario();
    let assessments = &doc.analysis().indicators;
    let milestones = crate::engine::indicators::assessed_milestones(scenario);
    if state
        .selected
        .is_some_and(|i| i >= scenario.indicators.len())
    {
        state.selected = None;
    }
    // The details of the selected row; without one, the table has the whole width.
    if let Some(index) = state.selected {
        egui::Panel::right("indicator-details")
            .resizable(true)
            .default_size(300.0)
            .min_size(240.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        if ui
                            .small_button("×")
                            .on_hover_text(ctx.tr(Tr::Close))
                            .accessible_name(ctx.tr(Tr::Close))
                            .clicked()
                        {
                            state.selected = None;
                        }
                        details_ui(ui, ctx, index, &assessments[index], &milestones);
                    });
            });
    }
    ui.horizontal(|ui| {
        section(ui, ctx.tr(Tr::Indicators));
        ui.checkbox(&mut state.not_met_only, ctx.tr(Tr::FilterNotMet));
        ui.checkbox(&mut state.hard_only, ctx.tr(Tr::FilterHard));
        if state.selected.is_none() {
            ui.label(RichText::new(ctx.tr(Tr::SelectIndicator)).weak());
        }
    });
    // Both ways: in a window narrower than 1400 px the table scrolls sideways rather than run
    // under the details panel.
    // The name takes the width the other columns leave, between a short and a long name.
    let others = 30.0 + 60.0 + 80.0 + 95.0 + MILESTONE_WIDTH * milestones.len() as f32 + 150.0;
    let spacing = ui.spacing().item_spacing.x * (6 + milestones.len()) as f32;
    let name_width = (ui.available_width() - others - spacing).clamp(NAME_WIDTH, 3.0 * NAME_WIDTH);
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("indicators")
                .striped(true)
                .num_columns(6 + milestones.len())
                .show(ui, |ui| {
                    ui.strong(ctx.tr(Tr::Number));
                    ui.strong(ctx.tr(Tr::Name));
                    ui.strong(ctx.tr(Tr::Unit));
                    ui.strong(Tr::ValueInYear.fill(lang, &[&scenario.base_year]));
                    ui.strong(ctx.tr(Tr::LatestValue));
                    for year in &milestones {
                        // Cut to the column, so that a long header never widens the table.
                        let header = Tr::TargetProjectedInYear.fill(lang, &[year]);
                        truncated(ui, MILESTONE_WIDTH, RichText::new(header).strong())
                            .on_hover_text(format!(
                                "{} · {}",
                                Tr::TargetInYear.fill(lang, &[year]),
                                Tr::ProjectedInYear.fill(lang, &[year])
                            ));
                    }
                    ui.strong(ctx.tr(Tr::Status));
                    ui.end_row();
                    for (index, (indicator, assessment)) in
                        scenario.indicators.iter().zip(assessments).enumerate()
                    {
                        // Not met at the plan's end, or not met now (good-air days: 79.4 % in
                        // 2021, met on the projection by 2028).
                        let not_met = assessment.status == Status::NotMet
                            || assessment
                                .latest
                                .as_ref()
                                .is_some_and(|l| l.status == Status::NotMet);
                        if state.not_met_only && !not_met {
                            continue;
                        }
                        if state.hard_only && indicator.difficulty != Difficulty::Hard {
                            continue;
                        }
                        row_ui(ui, ctx, state, (index, name_width), indicator, assessment);
                        ui.end_row();
                    }
                });
        });
}

fn row_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    state: &mut IndicatorsState,
    (index, name_width): (usize, f32),
    indicator: &Indicator,
    assessment: &IndicatorAssessment,
) {
    let lang = ctx.lang;
    let base_year = ctx.doc.scenario().base_year;
    let text = |t: &str| {
        let text = RichText::new(t.to_owned());
        if indicator.applies { text } else { text.weak() }
    };
    let number = indicator.number.clone();
    let selected = state.selected == Some(index);
    if ui
        .selectable_label(selected, text(&number))
        .on_hover_text(ctx.tr(Tr::SelectIndicator))
        .clicked()
    {
        state.selected = if selected { None } else { Some(index) };
    }
    let name = lang.label(&indicator.name);
    truncated(ui, name_width, text(name))
        .on_hover_text(format!("{name}\n{}", lang.label(&indicator.notes)));
    ui.label(text(&crate::i18n::unit_text(lang, &indicator.unit)));
    let is_task = matches!(indicator.target, IndicatorTarget::Task(_));
    if indicator.applies && !is_task {
        let field = widgets::NumberField::of(
            lang,
            &Tr::ValueInYear.fill(lang, &[&base_year]),
            &number,
            &format!("{number} {name}"),
            &crate::i18n::unit_text(lang, &indicator.unit),
            widgets::Domain::Any,
        )
        .narrow()
        .with_decimals(indicator.decimals);
        let current = indicator.observed_in(base_year).map(|o| o.value);
        if let Some(value) = widgets::optional_number_edit(
            ui,
            ("indicator-base-value", index),
            current,
            &field,
            |_| Ok(()),
        ) {
            let mut changed = indicator.clone();
            changed.set_observed(Observation {
                year: base_year,
                value,
                source: String::new(),
            });
            ctx.apply(set(index, changed));
        }
    } else {
        ui.label("");
    }
    match &assessment.latest {
        Some(latest) => {
            // In its status's colour: a row can be met on its projection and not met now.
            ui.label(
                RichText::new(crate::i18n::bracketed(
                    lang,
                    &latest.value.map_or_else(
                        || "–".into(),
                        |v| format::with_decimals(v, indicator.decimals),
                    ),
                    &latest.year.to_string(),
                ))
                .color(theme::indicator_status_color(latest.status)),
            )
            .on_hover_text(format!(
                "{} · {}",
                basis_tr(latest.basis).get(lang),
                status_tr(latest.status).get(lang)
            ));
        }
        None => {
            ui.label(RichText::new("–").weak());
        }
    }
    for milestone in &assessment.milestones {
        // "≥ 85.00 · 82.60": the target, and the projected value in its status's colour.
        let target = target_text(&milestone.target, lang);
        let mut job = egui::text::LayoutJob::default();
        let style = ui.style().clone();
        text(&target).append_to(
            &mut job,
            &style,
            egui::FontSelection::Default,
            egui::Align::Center,
        );
        if let Some(projected) = &milestone.projected {
            let value = projected.value.map_or_else(
                || Tr::NoData.get(lang).to_owned(),
                |v| format::with_decimals(v, indicator.decimals),
            );
            RichText::new(format!("  {value}"))
                .color(theme::indicator_status_color(projected.status))
                .strong()
                .append_to(
                    &mut job,
                    &style,
                    egui::FontSelection::Default,
                    egui::Align::Center,
                );
        }
        let hover = match &milestone.projected {
            Some(p) => format!(
                "{} {target}\n{} {}",
                Tr::TargetInYear.fill(lang, &[&milestone.year]),
                Tr::ProjectedInYear.fill(lang, &[&milestone.year]),
                crate::i18n::bracketed(
                    lang,
                    &p.value.map_or_else(
                        || Tr::NoData.get(lang).to_owned(),
                        |v| format::with_decimals(v, indicator.decimals)
                    ),
                    status_tr(p.status).get(lang),
                )
            ),
            None => format!(
                "{} {target}",
                Tr::TargetInYear.fill(lang, &[&milestone.year])
            ),
        };
        truncated(ui, MILESTONE_WIDTH, job).on_hover_text(hover);
    }
    widgets::status_chip(
        ui,
        &status_text(indicator, assessment, lang),
        theme::indicator_status_color(assessment.status),
    )
    .on_hover_text(how_computed(ctx.doc.scenario(), indicator, lang).join("\n"));
}

/// Column widths that keep the table within a 1400 px window beside the navigator and the
/// details panel; the name is at least this wide, and wider where the window allows.
const NAME_WIDTH: f32 = 140.0;
const MILESTONE_WIDTH: f32 = 104.0;

/// A left-aligned label cut to `width` with "…"; the full text is the caller's hover.
fn truncated(ui: &mut egui::Ui, width: f32, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.allocate_ui_with_layout(
        egui::vec2(width, ui.spacing().interact_size.y),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_width(width);
            ui.add(egui::Label::new(text).truncate())
        },
    )
    .inner
}

pub(super) fn set(index: usize, indicator: Indicator) -> Edit {
    Edit::SetIndicator {
        index,
        indicator: Box::new(indicator),
    }
}
