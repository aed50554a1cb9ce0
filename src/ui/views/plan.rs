//! 规划设置: what the plan is (name, region, author, notes) and its years: the base year, the
//! horizon, and the milestones with the names of the periods they end. Every change is one
//! undoable edit; nothing is hidden when the years move (a milestone past the horizon extends
//! it and says so, a horizon before a milestone is refused by name).

use eframe::egui::{self, RichText};

use super::section;
use crate::document::Edit;
use crate::i18n::{Lang, Tr};
use crate::model::{Label, MAX_HORIZON, Metadata, Period, Scenario};
use crate::ui::{Command, ViewCtx, widgets};

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            section(ui, ctx.tr(Tr::PlanDescription));
            description_ui(ui, ctx);
            ui.separator();
            section(ui, ctx.tr(Tr::PlanYears));
            years_ui(ui, ctx);
        });
}

/// The scenario's name (the report's title), region, author and notes.
fn description_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let metadata = ctx.doc.scenario().metadata.clone();
    let lang = ctx.lang;
    egui::Grid::new("plan-description")
        .num_columns(2)
        .show(ui, |ui| {
            type Field = fn(&mut Metadata) -> &mut String;
            let fields: [(Tr, Field, bool); 3] = [
                (Tr::PlanName, |m| &mut m.name, true),
                (Tr::Region, |m| &mut m.region, false),
                (Tr::Author, |m| &mut m.author, false),
            ];
            for (label, field, required) in fields {
                ui.label(label.get(lang));
                let mut edited = metadata.clone();
                let shown = field(&mut edited).clone();
                let typed = widgets::validated_edit(
                    ui,
                    ("plan-text", label.name()),
                    shown,
                    360.0,
                    label.get(lang),
                    label.get(lang),
                    |text| {
                        let text = text.trim();
                        if required && text.is_empty() {
                            Err(Tr::MustNotBeEmpty.get(lang).to_owned())
                        } else {
                            Ok(text.to_owned())
                        }
                    },
                );
                if let Some(text) = typed {
                    *field(&mut edited) = text;
                    ctx.apply(Edit::SetMetadata {
                        metadata: Box::new(edited),
                    });
                }
                ui.end_row();
            }
            ui.label(Tr::Notes.get(lang));
            // The notes in the interface's language; the other language's are kept.
            if let Some(text) = multiline_edit(
                ui,
                "plan-notes",
                lang.text_of(&metadata.notes),
                Tr::Notes,
                lang,
            ) {
                let mut notes = metadata.notes.clone();
                lang.set_label(&mut notes, text);
                ctx.apply(Edit::SetMetadata {
                    metadata: Box::new(Metadata {
                        notes,
                        ..metadata.clone()
                    }),
                });
            }
            ui.end_row();
        });
}

/// A text of several lines, committed when the field is left; `None` while unchanged.
pub(super) fn multiline_edit(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    value: &str,
    name: Tr,
    lang: Lang,
) -> Option<String> {
    let id = ui.make_persistent_id(id_salt);
    let mut text: String = ui
        .data(|d| d.get_temp(id))
        .unwrap_or_else(|| value.to_owned());
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .id(id)
                .desired_rows(3)
                .desired_width(520.0),
        )
        .accessible_name(name.get(lang));
    if response.changed() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    }
    if response.lost_focus() {
        ui.data_mut(|d| d.remove::<String>(id));
        return (text != value).then_some(text);
    }
    None
}

/// The base year, the horizon and each milestone with its period's name in both languages.
fn years_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let scenario = ctx.doc.scenario().clone();
    let lang = ctx.lang;
    egui::Grid::new("plan-years").num_columns(2).show(ui, |ui| {
        ui.label(Tr::BaseYearLabel.get(lang));
        ui.label(scenario.base_year.to_string());
        ui.end_row();
        ui.label(Tr::Horizon.get(lang));
        ui.horizontal(|ui| super::assumptions::horizon_ui(ui, ctx));
        ui.end_row();
    });
    ui.add_space(6.0);
    ui.strong(Tr::Milestones.get(lang));
    egui::Grid::new("plan-milestones")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for header in [Tr::Year, Tr::PeriodNameZh, Tr::PeriodNameEn, Tr::Remove] {
                ui.strong(header.get(lang));
            }
            ui.end_row();
            for (index, &milestone) in scenario.milestones.iter().enumerate() {
                milestone_row(ui, ctx, &scenario, index, milestone);
                ui.end_row();
            }
        });
    ui.add_space(4.0);
    if ui
        .button(format!("＋ {}", Tr::AddMilestone.get(lang)))
        .clicked()
    {
        let year = scenario
            .milestones
            .iter()
            .max()
            .map_or(scenario.base_year + 1, |last| last + 1);
        if year > MAX_HORIZON {
            ctx.commands.push(Command::Notify(
                Tr::MilestoneBeyondLastYear.fill(lang, &[&MAX_HORIZON]),
            ));
        } else {
            let mut milestones = scenario.milestones.clone();
            milestones.push(year);
            set_years(ctx, &scenario, milestones, scenario.periods.clone());
        }
    }
    ui.label(RichText::new(Tr::PlanYearsHint.get(lang)).small().weak());
}

fn milestone_row(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    scenario: &Scenario,
    index: usize,
    milestone: i32,
) {
    let lang = ctx.lang;
    let base_year = scenario.base_year;
    let typed = widgets::validated_edit(
        ui,
        ("milestone", index),
        milestone.to_string(),
        64.0,
        &format!("{} {}", Tr::Milestone.get(lang), index + 1),
        &format!("{} {milestone}", Tr::Milestone.get(lang)),
        |text| {
            let year = widgets::parse_year(text, Some(base_year + 1..=MAX_HORIZON), lang)?;
            if year != milestone && scenario.milestones.contains(&year) {
                return Err(Tr::MilestoneTwice.fill(lang, &[&year]));
            }
            Ok(year)
        },
    );
    if let Some(year) = typed {
        let mut milestones = scenario.milestones.clone();
        milestones[index] = year;
        // The period keeps its name when its milestone moves.
        let periods = scenario
            .periods
            .iter()
            .map(|p| Period {
                until: if p.until == milestone { year } else { p.until },
                name: p.name.clone(),
            })
            .collect();
        set_years(ctx, scenario, milestones, periods);
    }
    let name = scenario.period_name(milestone).cloned().unwrap_or_default();
    for (period_lang, what) in [(Lang::Zh, Tr::PeriodNameZh), (Lang::En, Tr::PeriodNameEn)] {
        let shown = period_lang.text_of(&name).to_owned();
        let typed = widgets::validated_edit(
            ui,
            ("period-name", index, period_lang.code()),
            shown,
            140.0,
            &format!("{} {milestone}", what.get(lang)),
            &format!("{} {milestone}", what.get(lang)),
            |text| Ok::<_, String>(text.trim().to_owned()),
        );
        if let Some(text) = typed {
            let mut label = name.clone();
            period_lang.set_label(&mut label, text);
            let mut periods: Vec<Period> = scenario
                .periods
                .iter()
                .filter(|p| p.until != milestone)
                .cloned()
                .collect();
            if !label.is_empty() {
                periods.push(Period {
                    until: milestone,
                    name: label,
                });
            }
            set_years(ctx, scenario, scenario.milestones.clone(), periods);
        }
    }
    let remove = ui.button(Tr::Remove.get(lang)).accessible_name(format!(
        "{} {} {milestone}",
        Tr::Remove.get(lang),
        Tr::Milestone.get(lang)
    ));
    if remove.clicked() {
        let milestones = scenario
            .milestones
            .iter()
            .copied()
            .filter(|&y| y != milestone)
            .collect();
        set_years(ctx, scenario, milestones, scenario.periods.clone());
    }
}

/// Sends the plan's years; a milestone past the horizon extends the horizon, and the user is
/// told so.
fn set_years(
    ctx: &mut ViewCtx<'_>,
    scenario: &Scenario,
    mut milestones: Vec<i32>,
    periods: Vec<Period>,
) {
    milestones.sort_unstable();
    let last = milestones.last().copied().unwrap_or(scenario.horizon);
    let horizon = scenario.horizon.max(last);
    if horizon > scenario.horizon {
        ctx.commands.push(Command::Notify(
            Tr::HorizonExtendedTo.fill(ctx.lang, &[&horizon, &last]),
        ));
    }
    ctx.apply(Edit::SetPlanYears {
        horizon,
        milestones,
        periods: periods
            .into_iter()
            .filter(|p| !p.name.is_empty())
            .map(|p| Period {
                name: Label {
                    zh: p.name.zh.trim().to_owned(),
                    en: p.name.en.trim().to_owned(),
                },
                ..p
            })
            .collect(),
    });
}
