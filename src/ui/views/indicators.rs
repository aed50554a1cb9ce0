//! 指标: the indicator frame by system; rows that do not apply are greyed; baseline, target,
//! status and difficulty are editable; filters for not met and hard.

use eframe::egui::{self, RichText};

use super::section;
use crate::document::Edit;
use crate::i18n::{Lang, Tr};
use crate::model::{Difficulty, Indicator, IndicatorStatus, IndicatorTarget};
use crate::ui::{UiState, ViewCtx, theme, widgets};

pub fn status_tr(status: IndicatorStatus) -> Tr {
    match status {
        IndicatorStatus::Met => Tr::Met,
        IndicatorStatus::Pending => Tr::Pending,
        IndicatorStatus::NotMet => Tr::NotMet,
        IndicatorStatus::NotAssessed => Tr::NotAssessed,
    }
}

fn difficulty_tr(difficulty: Difficulty) -> Tr {
    match difficulty {
        Difficulty::Normal => Tr::Normal,
        Difficulty::Easy => Tr::Easy,
        Difficulty::Hard => Tr::Hard,
    }
}

fn target_text(target: &IndicatorTarget, lang: Lang) -> String {
    match target {
        IndicatorTarget::AtLeast(v) => format!("≥ {v}"),
        IndicatorTarget::AtMost(v) => format!("≤ {v}"),
        IndicatorTarget::Equal(v) => format!("= {v}"),
        IndicatorTarget::Improving => Tr::Improving.get(lang).to_owned(),
        IndicatorTarget::Task(label) => lang.label(label).to_owned(),
    }
}

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, state: &mut UiState) {
    let lang = ctx.lang;
    let doc = ctx.doc;
    let indicators = &doc.scenario().indicators;
    ui.horizontal(|ui| {
        section(ui, ctx.tr(Tr::Indicators));
        ui.checkbox(&mut state.indicators_not_met_only, ctx.tr(Tr::FilterNotMet));
        ui.checkbox(&mut state.indicators_hard_only, ctx.tr(Tr::FilterHard));
    });
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("indicators")
                .striped(true)
                .num_columns(9)
                .show(ui, |ui| {
                    for header in [
                        Tr::Number,
                        Tr::System,
                        Tr::Name,
                        Tr::Unit,
                        Tr::Baseline,
                        Tr::Target,
                        Tr::Status,
                        Tr::Difficulty,
                        Tr::Applies,
                    ] {
                        ui.strong(ctx.tr(header));
                    }
                    ui.end_row();
                    for (index, indicator) in indicators.iter().enumerate() {
                        if state.indicators_not_met_only
                            && indicator.status != IndicatorStatus::NotMet
                        {
                            continue;
                        }
                        if state.indicators_hard_only && indicator.difficulty != Difficulty::Hard {
                            continue;
                        }
                        row_ui(ui, ctx, index, indicator, lang);
                        ui.end_row();
                    }
                });
        });
}

fn row_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    index: usize,
    indicator: &Indicator,
    lang: Lang,
) {
    let text = |t: &str| {
        let text = RichText::new(t.to_owned());
        if indicator.applies { text } else { text.weak() }
    };
    let set = |changed: Indicator| Edit::SetIndicator {
        index,
        indicator: Box::new(changed),
    };
    let number = indicator.number.clone();
    ui.label(text(&number));
    ui.label(text(lang.label(&indicator.system)));
    ui.label(text(lang.label(&indicator.name)))
        .on_hover_text(&indicator.notes);
    ui.label(text(&indicator.unit));
    ui.add_enabled_ui(indicator.applies, |ui| {
        let shown = indicator
            .baseline
            .map(|v| v.to_string())
            .unwrap_or_default();
        let edited = widgets::validated_edit(
            ui,
            ("indicator-baseline", index),
            shown,
            70.0,
            &format!("{} {number}", ctx.tr(Tr::Baseline)),
            &format!(
                "{} · {number} {}",
                ctx.tr(Tr::Baseline),
                lang.label(&indicator.name)
            ),
            |text| {
                if text.trim().is_empty() {
                    Ok(None)
                } else {
                    widgets::parse_number(text).map(Some)
                }
            },
        );
        if let Some(baseline) = edited {
            ctx.apply(set(Indicator {
                baseline,
                ..indicator.clone()
            }));
        }
    });
    match &indicator.target {
        IndicatorTarget::AtLeast(v) | IndicatorTarget::AtMost(v) | IndicatorTarget::Equal(v) => {
            ui.horizontal(|ui| {
                let symbol = target_text(&indicator.target, lang);
                ui.label(text(symbol.split(' ').next().unwrap_or_default()));
                let field = widgets::NumberField::of(
                    lang,
                    ctx.tr(Tr::Target),
                    &number,
                    &format!("{number} {}", lang.label(&indicator.name)),
                    &indicator.unit,
                    widgets::Domain::Any,
                );
                let edited =
                    widgets::number_edit(ui, ("indicator-target", index), *v, &field, |_| Ok(()));
                if let Some(value) = edited {
                    let target = match indicator.target {
                        IndicatorTarget::AtLeast(_) => IndicatorTarget::AtLeast(value),
                        IndicatorTarget::AtMost(_) => IndicatorTarget::AtMost(value),
                        // Only the three numeric kinds show this field.
                        IndicatorTarget::Equal(_)
                        | IndicatorTarget::Improving
                        | IndicatorTarget::Task(_) => IndicatorTarget::Equal(value),
                    };
                    ctx.apply(set(Indicator {
                        target,
                        ..indicator.clone()
                    }));
                }
            });
        }
        other => {
            ui.label(text(&target_text(other, lang)));
        }
    }
    let mut status = indicator.status;
    egui::ComboBox::from_id_salt(("indicator-status", index))
        .selected_text(
            RichText::new(status_tr(status).get(lang)).color(theme::indicator_status_color(status)),
        )
        .show_ui(ui, |ui| {
            for option in [
                IndicatorStatus::Met,
                IndicatorStatus::Pending,
                IndicatorStatus::NotMet,
                IndicatorStatus::NotAssessed,
            ] {
                ui.selectable_value(&mut status, option, status_tr(option).get(lang));
            }
        })
        .response
        .accessible_name(format!("{} {number}", ctx.tr(Tr::Status)));
    if status != indicator.status {
        ctx.apply(set(Indicator {
            status,
            ..indicator.clone()
        }));
    }
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
        ctx.apply(set(Indicator {
            difficulty,
            ..indicator.clone()
        }));
    }
    let mut applies = indicator.applies;
    if ui
        .checkbox(&mut applies, "")
        .accessible_name(format!("{} {number}", ctx.tr(Tr::Applies)))
        .changed()
    {
        let status = if applies {
            IndicatorStatus::Pending
        } else {
            IndicatorStatus::NotAssessed
        };
        ctx.apply(set(Indicator {
            applies,
            status,
            ..indicator.clone()
        }));
    }
}
