//! 情景比较: the workspace's scenarios side by side: any series overlaid, differences from the
//! first scenario at the milestone years, capacity and target status, and what the current
//! scenario changes against its parent.

use eframe::egui::{self, RichText};

use super::overview::status_text;
use super::section;
use crate::engine::workspace::changes_from;
use crate::format;
use crate::i18n::Tr;
use crate::io::csv::comparison_years;
use crate::ui::view_state::CompareState;
use crate::ui::{ViewCtx, theme, widgets};

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, state: &mut CompareState) {
    let lang = ctx.lang;
    let members = ctx.members;
    section(ui, ctx.tr(Tr::Compare));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            differences_ui(ui, ctx);
            let (_, reference, reference_analysis) = members[0];
            let mut key = state.series_in(reference);
            ui.horizontal(|ui| {
                ui.label(ctx.tr(Tr::Overlay));
                egui::ComboBox::from_id_salt("compare-series")
                    .selected_text(
                        reference
                            .series(&key)
                            .map_or(key.as_str(), |s| lang.label(&s.label)),
                    )
                    .show_ui(ui, |ui| {
                        for series in &reference.series {
                            if ui
                                .selectable_value(
                                    &mut key,
                                    series.key.clone(),
                                    lang.label(&series.label),
                                )
                                .clicked()
                            {
                                state.series = Some(series.key.clone());
                            }
                        }
                    })
                    .response
                    .accessible_name(ctx.tr(Tr::Overlay));
            });
            // The chart every other view draws, with Copy image and Save PNG, and the slide
            // presentation mode shows.
            if let Some(spec) =
                crate::charts::comparison_chart(members, ctx.current_member, &key, lang)
            {
                crate::ui::chart::chart_ui(ui, &spec, theme::CHART_HEIGHT, lang, ctx.commands);
            }

            section(
                ui,
                &crate::i18n::lead(
                    ctx.lang,
                    &format!("{} · {}", ctx.tr(Tr::Difference), ctx.tr(Tr::Reference)),
                    members[0].0,
                ),
            );
            let years = comparison_years(members);
            egui::Grid::new("compare-differences")
                .striped(true)
                .show(ui, |ui| {
                    ui.strong(ctx.tr(Tr::Name));
                    for year in &years {
                        ui.strong(year.to_string());
                    }
                    ui.end_row();
                    let decimals = reference.series(&key).and_then(|s| s.decimals);
                    for (name, _, analysis) in members {
                        ui.label(*name);
                        for &year in &years {
                            let text = match (
                                analysis.projection.value(&key, year),
                                reference_analysis.projection.value(&key, year),
                            ) {
                                (Some(value), Some(base)) if base != 0.0 => {
                                    format!(
                                        "{} ({} · {} %)",
                                        format::with_decimals(value, decimals),
                                        format::signed(value - base, decimals),
                                        format::signed((value - base) / base * 100.0, Some(1))
                                    )
                                }
                                (Some(value), _) => format::with_decimals(value, decimals),
                                (None, _) => "–".into(),
                            };
                            ui.label(text);
                        }
                        ui.end_row();
                    }
                });

            section(ui, ctx.tr(Tr::StatusSideBySide));
            egui::Grid::new("compare-status")
                .striped(true)
                .show(ui, |ui| {
                    ui.strong(ctx.tr(Tr::Name));
                    for capacity in &reference_analysis.capacities {
                        // By name (NH₃-N, 化学需氧量), not by key.
                        ui.strong(crate::i18n::capacity_name_in(
                            reference,
                            &capacity.pollutant,
                            lang,
                        ));
                    }
                    for target in &reference_analysis.targets {
                        ui.strong(lang.label(&target.label));
                    }
                    ui.end_row();
                    for (name, scenario, analysis) in members {
                        ui.label(crate::i18n::bracketed(
                            ctx.lang,
                            name,
                            &scenario.horizon.to_string(),
                        ));
                        for capacity in &analysis.capacities {
                            let last = capacity.years.last().expect("a projection has years");
                            let first = capacity
                                .first_exceedance_year
                                .map(|y| format!(" {y}"))
                                .unwrap_or_default();
                            widgets::status_chip(
                                ui,
                                &format!("{}{first}", status_text(last.status, lang)),
                                theme::capacity_status_color(last.status),
                            );
                        }
                        for target in &analysis.targets {
                            let (verdict, color) = if target.met {
                                (Tr::Yes, theme::ok())
                            } else {
                                (Tr::No, theme::bad())
                            };
                            widgets::status_chip(
                                ui,
                                &format!(
                                    "{} {}",
                                    format::with_decimals(
                                        target.value,
                                        scenario.target_decimals(&target.key)
                                    ),
                                    verdict.get(lang)
                                ),
                                color,
                            );
                        }
                        ui.end_row();
                    }
                });
        });
}

/// What the current scenario changes against its parent.
fn differences_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>) {
    let lang = ctx.lang;
    let Some((parent, _)) = ctx.parent else {
        return;
    };
    let current = ctx.doc.scenario();
    section(ui, ctx.tr(Tr::DifferencesFromParent));
    match changes_from(parent, current) {
        Some(changes) => {
            // (what, the parent's value, this scenario's value)
            let mut rows: Vec<(String, String, String)> = Vec::new();
            if let Some(horizon) = changes.horizon {
                rows.push((
                    ctx.tr(Tr::Horizon).to_owned(),
                    parent.horizon.to_string(),
                    horizon.to_string(),
                ));
            }
            for change in &changes.series {
                let name = current
                    .series(&change.key)
                    .map_or(change.key.as_str(), |s| lang.label(&s.label));
                let Some(before) = parent.series(&change.key) else {
                    continue;
                };
                if let Some(base) = change.base {
                    let number = |v: f64| format::with_decimals(v, before.decimals);
                    rows.push((
                        format!("{name} · {}", ctx.tr(Tr::BaseValue)),
                        before.base.map_or_else(|| "–".into(), number),
                        number(base),
                    ));
                }
                if let Some(rule) = &change.rule {
                    rows.push((
                        format!("{name} · {}", ctx.tr(Tr::Rule)),
                        super::rule_in_words(parent, &before.rule, lang),
                        super::rule_in_words(current, rule, lang),
                    ));
                }
            }
            for change in &changes.capacities {
                let before = parent
                    .capacities
                    .iter()
                    .find(|c| c.pollutant == change.pollutant);
                // The capacity by its name (化学需氧量), as the capacity views show it.
                let name = before.map_or(change.pollutant.as_str(), |c| {
                    crate::i18n::capacity_label(lang, c)
                });
                if let (Some(value), Some(before)) = (change.value, before) {
                    rows.push((
                        format!("{} · {name}", ctx.tr(Tr::Capacity)),
                        format::value(before.value),
                        format::value(value),
                    ));
                }
                if let (Some(basis), Some(before)) = (change.basis, before) {
                    rows.push((
                        format!("{} · {name}", ctx.tr(Tr::Basis)),
                        crate::i18n::capacity_basis_tr(before.basis)
                            .get(lang)
                            .to_owned(),
                        crate::i18n::capacity_basis_tr(basis).get(lang).to_owned(),
                    ));
                }
            }
            for change in &changes.targets {
                let before = parent
                    .targets
                    .iter()
                    .find(|t| t.key == change.key)
                    .map_or(String::new(), |t| format::value(t.threshold));
                rows.push((
                    format!("{} {}", ctx.tr(Tr::Threshold), change.key),
                    before,
                    format::value(change.threshold),
                ));
            }
            if let Some(uncertainty) = &changes.uncertainty {
                rows.push((
                    ctx.tr(Tr::Uncertainty).to_owned(),
                    parent.uncertainty.len().to_string(),
                    uncertainty.len().to_string(),
                ));
            }
            if rows.is_empty() {
                ui.label(RichText::new(ctx.tr(Tr::NoDifferences)).weak());
            } else {
                egui::Grid::new("differences-from-parent")
                    .striped(true)
                    .show(ui, |ui| {
                        ui.strong(ctx.tr(Tr::Name));
                        ui.strong(Tr::Parent.get(lang));
                        ui.strong(Tr::ThisScenario.get(lang));
                        ui.end_row();
                        for (what, before, after) in rows {
                            ui.label(what);
                            ui.label(before);
                            ui.label(RichText::new(after).strong());
                            ui.end_row();
                        }
                    });
            }
        }
        None => {
            ui.label(RichText::new(Tr::DiffersFromTheParentBeyond.get(lang)).color(theme::near()));
        }
    }
}
