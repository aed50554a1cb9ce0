//! 工程: group totals against the plan's stated figures, and the editable project list.

use eframe::egui::{self, RichText};

use super::section;
use crate::document::Edit;
use crate::engine::project_totals;
use crate::format;
use crate::i18n::Tr;
use crate::model::{Label, Project};
use crate::ui::{ViewCtx, theme, widgets};

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let lang = ctx.lang;
    let doc = ctx.doc;
    let scenario = doc.scenario();
    let totals = project_totals(scenario);
    section(ui, ctx.tr(Tr::Projects));
    egui::Grid::new("project-groups")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for header in [
                Tr::Group,
                Tr::StatedCount,
                Tr::StatedInvestment,
                Tr::Listed,
                Tr::ListedInvestment,
            ] {
                ui.strong(ctx.tr(header));
            }
            ui.end_row();
            for (group, total) in scenario.project_groups.iter().zip(&totals.groups) {
                ui.label(lang.label(&group.name));
                ui.label(total.stated_count.to_string());
                ui.label(format::value(total.stated_investment_yi_yuan));
                ui.label(total.listed_count.to_string());
                ui.label(format::value(total.listed_investment_yi_yuan));
                ui.end_row();
            }
            ui.strong(ctx.tr(Tr::Total));
            ui.strong(totals.stated_count.to_string());
            ui.strong(format::value(totals.stated_investment_yi_yuan));
            ui.label(crate::i18n::bracketed(
                lang,
                &totals.listed_count.to_string(),
                &format!("{} {}", totals.ungrouped_count, ctx.tr(Tr::Ungrouped)),
            ));
            ui.label("");
            ui.end_row();
        });
    // The list against the figures the plan states for its groups: every project listed, and
    // their investment adding up to the stated one. Nothing to check where none are stated.
    let listed_investment: f64 = totals
        .groups
        .iter()
        .map(|g| g.listed_investment_yi_yuan)
        .sum();
    if totals.stated_count > 0 {
        let matches = totals.listed_count == totals.stated_count
            && (listed_investment - totals.stated_investment_yi_yuan).abs() < 0.005;
        let (verdict, color) = if matches {
            (Tr::PlanCheckOk, theme::ok())
        } else {
            (Tr::PlanCheckDiffers, theme::bad())
        };
        ui.horizontal(|ui| {
            ui.label(crate::i18n::label_colon(ctx.lang, ctx.tr(Tr::PlanCheck)));
            widgets::status_chip(
                ui,
                &Tr::PlanCheckFigures.fill(
                    lang,
                    &[
                        &verdict.get(lang),
                        &totals.stated_count,
                        &format::value(totals.stated_investment_yi_yuan),
                        &totals.listed_count,
                        &format::value(listed_investment),
                    ],
                ),
                color,
            );
        });
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("projects")
                .striped(true)
                .num_columns(5)
                .show(ui, |ui| {
                    for header in [Tr::Name, Tr::Group, Tr::Investment, Tr::Source, Tr::Remove] {
                        ui.strong(ctx.tr(header));
                    }
                    ui.end_row();
                    for (index, project) in scenario.projects.iter().enumerate() {
                        let set = |changed: Project| Edit::SetProject {
                            index,
                            project: Box::new(changed),
                        };
                        let renamed = widgets::validated_edit(
                            ui,
                            ("project-name", index),
                            lang.label(&project.name).to_owned(),
                            320.0,
                            &format!("{} {}", ctx.tr(Tr::Name), index + 1),
                            &format!("{} {}", ctx.tr(Tr::Name), index + 1),
                            |text| {
                                if text.trim().is_empty() {
                                    Err(format!("{} ∅", ctx.tr(Tr::Name)))
                                } else {
                                    Ok(text.trim().to_owned())
                                }
                            },
                        );
                        if let Some(text) = renamed {
                            let mut name = project.name.clone();
                            lang.set_label(&mut name, text);
                            ctx.apply(set(Project {
                                name,
                                ..project.clone()
                            }));
                        }
                        let mut group = project.group.clone();
                        let group_name = |key: &str| {
                            scenario
                                .project_groups
                                .iter()
                                .find(|g| g.key == key)
                                .map_or_else(
                                    || ctx.tr(Tr::Ungrouped).to_owned(),
                                    |g| lang.label(&g.name).to_owned(),
                                )
                        };
                        egui::ComboBox::from_id_salt(("project-group", index))
                            .selected_text(group_name(&group))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(
                                    &mut group,
                                    String::new(),
                                    ctx.tr(Tr::Ungrouped),
                                );
                                for g in &scenario.project_groups {
                                    ui.selectable_value(
                                        &mut group,
                                        g.key.clone(),
                                        lang.label(&g.name),
                                    );
                                }
                            })
                            .response
                            .accessible_name(format!("{} {}", ctx.tr(Tr::Group), index + 1));
                        if group != project.group {
                            ctx.apply(set(Project {
                                group,
                                ..project.clone()
                            }));
                        }
                        let shown = project
                            .investment_yi_yuan
                            .map(|v| v.to_string())
                            .unwrap_or_default();
                        let invested = widgets::validated_edit(
                            ui,
                            ("project-investment", index),
                            shown,
                            80.0,
                            &format!("{} {}", ctx.tr(Tr::Investment), index + 1),
                            &format!("{} · {}", ctx.tr(Tr::Investment), lang.label(&project.name)),
                            |text| {
                                if text.trim().is_empty() {
                                    return Ok(None);
                                }
                                let value = widgets::parse_number(text)?;
                                if value < 0.0 {
                                    Err(Tr::InvestmentCannotBeNegative.get(lang).to_owned())
                                } else {
                                    Ok(Some(value))
                                }
                            },
                        );
                        if let Some(investment_yi_yuan) = invested {
                            ctx.apply(set(Project {
                                investment_yi_yuan,
                                ..project.clone()
                            }));
                        }
                        ui.label(RichText::new(lang.label(&project.notes)).small().weak());
                        if ui
                            .button(ctx.tr(Tr::Remove))
                            .accessible_name(format!("{} {}", ctx.tr(Tr::Remove), index + 1))
                            .clicked()
                        {
                            ctx.apply(Edit::RemoveProject { index });
                        }
                        ui.end_row();
                    }
                });
            if ui
                .button(format!("＋ {}", ctx.tr(Tr::AddProject)))
                .clicked()
            {
                ctx.apply(Edit::AddProject {
                    project: Box::new(Project {
                        name: Label::new("新项目", "New project"),
                        group: String::new(),
                        investment_yi_yuan: None,
                        notes: Default::default(),
                    }),
                });
            }
        });
}
