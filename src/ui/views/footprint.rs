//! 生态承载力: the ecological footprint against the ecological capacity over the projection,
//! driven by projected population, with the land types and consumption items editable.

use eframe::egui::{self, RichText};

use super::methods::method_number;
use super::section;
use crate::format;
use crate::i18n::Tr;
use crate::ui::chart::chart_ui;
use crate::ui::{ViewCtx, theme, widgets};

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let lang = ctx.lang;
    let doc = ctx.doc;
    let scenario = doc.scenario();
    let footprint = doc.analysis().footprint.as_ref();
    section(ui, ctx.tr(Tr::Footprint));
    let Some(years) = footprint else {
        ui.label(Tr::ThisScenarioHasNoFootprint.get(lang));
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let last = years.last().expect("a projection has years");
            ui.horizontal(|ui| {
                let (word, color) = if last.balance_gha < 0.0 {
                    (Tr::Deficit, theme::bad())
                } else {
                    (Tr::Surplus, theme::ok())
                };
                widgets::status_chip(ui, &format!("{} {}", last.year, word.get(lang)), color);
                ui.label(format!(
                    "{} {} gha · {} {} gha · {} {} gha ({} gha/{})",
                    ctx.tr(Tr::FootprintTotal),
                    format::value(last.footprint_gha),
                    ctx.tr(Tr::CapacityTotal),
                    format::value(last.capacity_gha),
                    ctx.tr(Tr::Balance),
                    format::value(last.balance_gha),
                    format::value(last.footprint_per_person() - last.capacity_per_person()),
                    Tr::Person.get(lang),
                ));
            });
            if let Some(spec) = crate::charts::footprint_chart(scenario, doc.analysis(), lang) {
                chart_ui(ui, &spec, theme::CHART_HEIGHT, lang, ctx.commands);
            }
            widgets::assumption_note(ui, &scenario.methods.footprint.note, lang);

            section(ui, ctx.tr(Tr::LandTypes));
            egui::Grid::new("land-types").striped(true).show(ui, |ui| {
                for header in [
                    Tr::Name,
                    Tr::EquivalenceFactor,
                    Tr::YieldFactor,
                    Tr::AreaHm2,
                ] {
                    ui.strong(ctx.tr(header));
                }
                ui.end_row();
                for (i, land) in scenario.methods.footprint.land_types.iter().enumerate() {
                    let name = lang.label(&land.name).to_owned();
                    ui.label(&name);
                    method_number(
                        ui,
                        ctx,
                        &format!("land-r-{i}"),
                        &format!("{} {name}", ctx.tr(Tr::EquivalenceFactor)),
                        land.equivalence_factor,
                        move |m, v| m.footprint.land_types[i].equivalence_factor = v,
                    );
                    method_number(
                        ui,
                        ctx,
                        &format!("land-y-{i}"),
                        &format!("{} {name}", ctx.tr(Tr::YieldFactor)),
                        land.yield_factor,
                        move |m, v| m.footprint.land_types[i].yield_factor = v,
                    );
                    method_number(
                        ui,
                        ctx,
                        &format!("land-a-{i}"),
                        &format!("{} {name}", ctx.tr(Tr::AreaHm2)),
                        land.area_hm2,
                        move |m, v| m.footprint.land_types[i].area_hm2 = v,
                    );
                    ui.end_row();
                }
            });
            section(ui, ctx.tr(Tr::Items));
            egui::Grid::new("consumption-items")
                .striped(true)
                .show(ui, |ui| {
                    for header in [Tr::Name, Tr::LandTypes, Tr::PerPerson, Tr::WorldYield] {
                        ui.strong(ctx.tr(header));
                    }
                    ui.end_row();
                    for (i, item) in scenario.methods.footprint.items.iter().enumerate() {
                        let name = lang.label(&item.name).to_owned();
                        ui.label(&name);
                        // The land type by its name in the interface's language, not its key.
                        ui.label(
                            scenario
                                .methods
                                .footprint
                                .land_types
                                .iter()
                                .find(|l| l.key == item.land_type)
                                .map_or(item.land_type.as_str(), |l| lang.label(&l.name)),
                        );
                        method_number(
                            ui,
                            ctx,
                            &format!("item-c-{i}"),
                            &format!("{} {name}", ctx.tr(Tr::PerPerson)),
                            item.t_per_person,
                            move |m, v| m.footprint.items[i].t_per_person = v,
                        );
                        method_number(
                            ui,
                            ctx,
                            &format!("item-p-{i}"),
                            &format!("{} {name}", ctx.tr(Tr::WorldYield)),
                            item.world_yield_t_per_hm2,
                            move |m, v| m.footprint.items[i].world_yield_t_per_hm2 = v,
                        );
                        ui.end_row();
                    }
                });
            ui.label(
                RichText::new("EF = N·Σ_j r_j·Σ_i c_i/p_i;  EC = (1 − 0.12)·Σ_j A_j·r_j·y_j")
                    .monospace()
                    .weak(),
            );
        });
}
