//! An indicator's side panel: its values by year, its stated status, its difficulty and its task's progress.

use super::indicators::*;
use super::section;
use crate::engine::indicators::{Basis, IndicatorAssessment, Status};
use crate::i18n::Tr;
use crate::i18n::target_text;
use crate::i18n::{stated_tr, status_tr};
use crate::model::{
    Difficulty, Indicator, IndicatorTarget, Observation, StatedStatus, TaskProgress, TaskState,
};
use crate::ui::{ViewCtx, theme, widgets};
use eframe::egui::{self, RichText};

pub(super) fn details_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    index: usize,
    assessment: &IndicatorAssessment,
    milestones: &[i32],
) {
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    let indicator = &scenario.indicators[index];
    let number = indicator.number.clone();
    let is_task = matches!(indicator.target, IndicatorTarget::Task(_));
    ui.add_space(6.0);
    ui.heading(format!("{number} {}", lang.label(&indicator.name)));
    ui.label(
        RichText::new(format!(
            "{} · {}",
            lang.label(&indicator.system),
            crate::i18n::unit_text(lang, &indicator.unit)
        ))
        .weak(),
    );
    ui.horizontal(|ui| {
        widgets::status_chip(
            ui,
            &status_text(indicator, assessment, lang),
            theme::indicator_status_color(assessment.status),
        );
        let mut applies = indicator.applies;
        if ui
            .checkbox(&mut applies, ctx.tr(Tr::Applies))
            .accessible_name(format!("{} {number}", ctx.tr(Tr::Applies)))
            .changed()
        {
            ctx.apply(set(
                index,
                Indicator {
                    applies,
                    ..indicator.clone()
                },
            ));
        }
        ui.label(ctx.tr(Tr::Decimals));
        if let Some(decimals) = widgets::decimals_ui(
            ui,
            ("indicator-decimals", index),
            indicator.decimals,
            &format!("{} {number}", ctx.tr(Tr::Decimals)),
            lang,
        ) {
            ctx.apply(set(
                index,
                Indicator {
                    decimals,
                    ..indicator.clone()
                },
            ));
        }
    });

    section(ui, ctx.tr(Tr::HowComputed));
    for line in how_computed(scenario, indicator, lang) {
        ui.label(line);
    }

    section(ui, ctx.tr(Tr::Target));
    super::indicator_target::targets_ui(ui, ctx, index, indicator, milestones);

    if !milestones.is_empty() && indicator.applies && !is_task {
        section(ui, ctx.tr(Tr::Milestone));
        egui::Grid::new(("indicator-milestones", index))
            .striped(true)
            .show(ui, |ui| {
                ui.strong(ctx.tr(Tr::Year));
                ui.strong(ctx.tr(Tr::Target));
                ui.strong(ctx.tr(Tr::BasisProjected));
                ui.strong(ctx.tr(Tr::NeededChange));
                ui.end_row();
                for milestone in &assessment.milestones {
                    ui.label(milestone.year.to_string());
                    ui.label(target_text(&milestone.target, lang));
                    status_label(ui, milestone.projected.as_ref(), indicator.decimals, lang);
                    ui.label(milestone.needed.map_or_else(
                        || "–".into(),
                        |n| needed_text(n, &crate::i18n::unit_text(lang, &indicator.unit), lang),
                    ));
                    ui.end_row();
                }
            });
    }

    if is_task {
        section(ui, ctx.tr(Tr::TaskProgressLabel));
        task_ui(ui, ctx, index, indicator);
    } else {
        section(ui, ctx.tr(Tr::ValuesByYear));
        values_ui(ui, ctx, index, indicator, assessment);
        section(ui, ctx.tr(Tr::StatedStatusLabel));
        let mut stated = indicator.stated;
        egui::ComboBox::from_id_salt(("indicator-stated", index))
            .selected_text(stated.map_or(ctx.tr(Tr::NoneStated), |s| stated_tr(s).get(lang)))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut stated, None, ctx.tr(Tr::NoneStated));
                for option in [
                    StatedStatus::Met,
                    StatedStatus::Pending,
                    StatedStatus::NotMet,
                ] {
                    ui.selectable_value(&mut stated, Some(option), stated_tr(option).get(lang));
                }
            })
            .response
            .accessible_name(format!("{} {number}", ctx.tr(Tr::StatedStatusLabel)));
        if stated != indicator.stated {
            ctx.apply(set(
                index,
                Indicator {
                    stated,
                    ..indicator.clone()
                },
            ));
        }
    }

    section(ui, ctx.tr(Tr::Difficulty));
    let mut difficulty = indicator.difficulty;
    egui::ComboBox::from_id_salt(("indicator-difficulty", index))
        .selected_text(difficulty_tr(difficulty).get(lang))
        .show_ui(ui, |ui| {
            for option in [Difficulty::Normal, Difficulty::Easy, Difficulty::Hard] {
                ui.selectable_value(&mut difficulty, option, difficulty_tr(option).get(lang));
            }
        })
        .response
        .accessible_name(format!("{} {number}", ctx.tr(Tr::Difficulty)));
    if difficulty != indicator.difficulty {
        ctx.apply(set(
            index,
            Indicator {
                difficulty,
                ..indicator.clone()
            },
        ));
    }
    if !indicator.notes.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(lang.label(&indicator.notes)).weak().small());
    }
}

/// Observed values by year: each editable or removable, with its status and source; a new year
/// is added by typing it and its value.
pub(super) fn values_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    index: usize,
    indicator: &Indicator,
    assessment: &IndicatorAssessment,
) {
    let lang = ctx.lang;
    let number = indicator.number.clone();
    let name = lang.label(&indicator.name).to_owned();
    egui::Grid::new(("indicator-values", index))
        .striped(true)
        .show(ui, |ui| {
            ui.strong(ctx.tr(Tr::Year));
            ui.strong(ctx.tr(Tr::Value));
            ui.strong(ctx.tr(Tr::Status));
            ui.strong(ctx.tr(Tr::Source));
            ui.strong("");
            ui.end_row();
            for observation in &indicator.observed {
                let year = observation.year;
                ui.label(year.to_string());
                // Named apart from the table's base-year field of the same row.
                let field = widgets::NumberField::of(
                    lang,
                    &format!("{} {year}", ctx.tr(Tr::ValuesByYear)),
                    &number,
                    &format!("{number} {name}"),
                    &crate::i18n::unit_text(lang, &indicator.unit),
                    widgets::Domain::Any,
                )
                .with_decimals(indicator.decimals);
                if let Some(value) = widgets::number_edit(
                    ui,
                    ("indicator-value", index, year),
                    observation.value,
                    &field,
                    |v| value_check(indicator, v, lang),
                ) {
                    let mut changed = indicator.clone();
                    changed.set_observed(Observation {
                        year,
                        value,
                        source: String::new(),
                    });
                    ctx.apply(set(index, changed));
                }
                let status = assessment
                    .lines
                    .iter()
                    .find(|l| l.year == year && l.basis == Basis::Observed)
                    .map_or(Status::NoData, |l| l.status);
                ui.label(
                    RichText::new(status_tr(status).get(lang))
                        .color(theme::indicator_status_color(status)),
                );
                ui.label(RichText::new(&observation.source).weak().small());
                if ui
                    .small_button(ctx.tr(Tr::Remove))
                    .accessible_name(format!("{} {number} {year}", ctx.tr(Tr::Remove)))
                    .clicked()
                {
                    let mut changed = indicator.clone();
                    changed.observed.retain(|o| o.year != year);
                    ctx.apply(set(index, changed));
                }
                ui.end_row();
            }
        });
    // A new value: the year first (the next after the latest, by default), then the value.
    let year_id = ui.make_persistent_id(("indicator-new-year", index));
    let default_year = indicator
        .observed
        .last()
        .map_or(ctx.doc.scenario().base_year, |o| o.year + 1);
    let mut year: i32 = ui.data(|d| d.get_temp(year_id)).unwrap_or(default_year);
    ui.horizontal(|ui| {
        ui.label(ctx.tr(Tr::AddValue));
        if ui
            .add(
                egui::DragValue::new(&mut year)
                    .range(crate::model::MIN_BASE_YEAR..=crate::model::MAX_HORIZON),
            )
            .accessible_name(format!(
                "{} {} {number}",
                ctx.tr(Tr::AddValue),
                ctx.tr(Tr::Year)
            ))
            .changed()
        {
            ui.data_mut(|d| d.insert_temp(year_id, year));
        }
        let field = widgets::NumberField::of(
            lang,
            &Tr::ValueInYear.fill(lang, &[&year]),
            &number,
            &format!("{number} {name}"),
            &crate::i18n::unit_text(lang, &indicator.unit),
            widgets::Domain::Any,
        );
        if let Some(value) =
            widgets::optional_number_edit(ui, ("indicator-new-value", index), None, &field, |v| {
                value_check(indicator, v, lang)
            })
        {
            let mut changed = indicator.clone();
            changed.set_observed(Observation {
                year,
                value,
                source: String::new(),
            });
            ui.data_mut(|d| d.remove::<i32>(year_id));
            ctx.apply(set(index, changed));
        }
    });
}

/// A task's progress: its state, when, and a note.
pub(super) fn task_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    index: usize,
    indicator: &Indicator,
) {
    let lang = ctx.lang;
    let number = indicator.number.clone();
    let mut state = indicator.task.as_ref().map(|t| t.state);
    egui::ComboBox::from_id_salt(("indicator-task", index))
        .selected_text(state.map_or(ctx.tr(Tr::NoProgress), |s| task_tr(s).get(lang)))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state, None, ctx.tr(Tr::NoProgress));
            for option in [
                TaskState::Done,
                TaskState::InProgress,
                TaskState::NotStarted,
            ] {
                ui.selectable_value(&mut state, Some(option), task_tr(option).get(lang));
            }
        })
        .response
        .accessible_name(format!("{} {number}", ctx.tr(Tr::TaskProgressLabel)));
    if state != indicator.task.as_ref().map(|t| t.state) {
        let task = state.map(|state| TaskProgress {
            state,
            ..indicator.task.clone().unwrap_or(TaskProgress {
                state,
                date: String::new(),
                note: String::new(),
            })
        });
        ctx.apply(set(
            index,
            Indicator {
                task,
                ..indicator.clone()
            },
        ));
    }
    let Some(task) = &indicator.task else { return };
    for (label, value, is_date) in [
        (Tr::DateLabel, &task.date, true),
        (Tr::NoteLabel, &task.note, false),
    ] {
        ui.horizontal(|ui| {
            ui.label(ctx.tr(label));
            let edited = widgets::validated_edit(
                ui,
                ("indicator-task-text", index, is_date),
                value.clone(),
                if is_date { 120.0 } else { 240.0 },
                &format!("{} {number}", ctx.tr(label)),
                ctx.tr(label),
                |text| Ok::<_, String>(text.trim().to_owned()),
            );
            if let Some(text) = edited {
                let mut changed = task.clone();
                if is_date {
                    changed.date = text;
                } else {
                    changed.note = text;
                }
                ctx.apply(set(
                    index,
                    Indicator {
                        task: Some(changed),
                        ..indicator.clone()
                    },
                ));
            }
        });
    }
}

/// What an indicator's value can be (the model's rule: a share from 0 to 100 %, EI from 0 to
/// 100, …), checked as it is typed so the field shows why before it is left.
fn value_check(indicator: &Indicator, value: f64, lang: crate::i18n::Lang) -> Result<(), String> {
    match crate::engine::indicator_value_reason(indicator, value, false) {
        Some(reason) => Err(crate::i18n::lead(
            lang,
            &value.to_string(),
            &crate::refusals::reason(&reason, lang),
        )),
        None => Ok(()),
    }
}
