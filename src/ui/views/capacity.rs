//! 环境容量: each pollutant of one medium, its emission against its capacity, with utilisation,
//! headroom, status and the first year of exceedance, and the horizon up to 2060.

use eframe::egui::{self, RichText};

use super::assumptions::horizon_ui;
use super::overview::status_text;
use super::section;
use crate::document::Edit;
use crate::format;
use crate::i18n::Tr;
use crate::model::Medium;
use crate::ui::chart::chart_ui;
use crate::ui::{ViewCtx, theme, widgets};

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, medium: Medium) {
    let title = match medium {
        Medium::Water => Tr::CapacityWater,
        Medium::Air => Tr::CapacityAir,
    };
    let scenario = ctx.doc.scenario().clone();
    let analysis = ctx.doc.analysis().clone();
    let lang = ctx.lang;
    section(ui, ctx.tr(title));
    ui.horizontal(|ui| {
        ui.label(ctx.tr(Tr::Horizon));
        horizon_ui(ui, ctx);
    });
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for result in analysis.capacities.iter().filter(|c| c.medium == medium) {
                let Some(capacity) = scenario
                    .capacities
                    .iter()
                    .find(|c| c.pollutant == result.pollutant)
                else {
                    continue;
                };
                let Some(series) = scenario.series(&result.series) else {
                    continue;
                };
                let last = result.years.last().expect("a projection has years");
                ui.separator();
                ui.horizontal(|ui| {
                    ui.heading(format!(
                        "{} — {}",
                        lang.label(&capacity.label),
                        lang.label(&series.label)
                    ));
                    widgets::status_chip(
                        ui,
                        status_text(last.status, lang),
                        theme::capacity_status_color(last.status),
                    );
                });
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("{}:", ctx.tr(Tr::Capacity)));
                    let pollutant = capacity.pollutant.clone();
                    let edited = widgets::number_edit(
                        ui,
                        ("capacity", &pollutant),
                        capacity.value,
                        1.0,
                        &format!("{} {pollutant}", ctx.tr(Tr::Capacity)),
                        |value| {
                            ctx.doc.check(&Edit::SetCapacity {
                                pollutant: pollutant.clone(),
                                value,
                            })
                        },
                    );
                    if let Some(value) = edited {
                        ctx.apply(Edit::SetCapacity {
                            pollutant: pollutant.clone(),
                            value,
                        });
                    }
                    ui.label(capacity.unit.symbol());
                    ui.separator();
                    ui.label(format!("{}:", ctx.tr(Tr::NearThreshold)));
                    let edited = widgets::number_edit(
                        ui,
                        ("near", &pollutant),
                        capacity.near_threshold,
                        100.0,
                        &format!("{} {pollutant}", ctx.tr(Tr::NearThreshold)),
                        |fraction| {
                            ctx.doc.check(&Edit::SetNearThreshold {
                                pollutant: pollutant.clone(),
                                fraction,
                            })
                        },
                    );
                    if let Some(fraction) = edited {
                        ctx.apply(Edit::SetNearThreshold {
                            pollutant: pollutant.clone(),
                            fraction,
                        });
                    }
                    ui.label("%");
                    if capacity.unit != result.unit {
                        ui.label(
                            RichText::new(format!(
                                "= {} {}",
                                format::value(last.capacity),
                                result.unit
                            ))
                            .weak(),
                        );
                    }
                    ui.separator();
                    ui.label(format!(
                        "{} {}: {}",
                        ctx.tr(Tr::Utilisation),
                        scenario.horizon,
                        last.utilisation
                            .map(format::percent)
                            .unwrap_or_else(|| "–".into())
                    ));
                    ui.separator();
                    ui.label(format!(
                        "{}: {} {}",
                        ctx.tr(Tr::Headroom),
                        format::value(last.headroom),
                        result.unit
                    ));
                    ui.separator();
                    let first = result
                        .first_exceedance_year
                        .map_or_else(|| ctx.tr(Tr::NoExceedance).to_owned(), |y| y.to_string());
                    ui.label(
                        RichText::new(format!("{}: {first}", ctx.tr(Tr::FirstExceedance))).strong(),
                    );
                });
                if last.capacity <= 0.0 {
                    ui.label(RichText::new(ctx.tr(Tr::SaturatedNote)).color(theme::SATURATED));
                }
                ui.label(RichText::new(&capacity.source).small().weak());
                if let Some(spec) =
                    crate::charts::capacity_chart(&scenario, &analysis, &result.pollutant, lang)
                {
                    chart_ui(ui, &spec, theme::CHART_HEIGHT * 0.8, lang, ctx.commands);
                }
            }
        });
}
