//! 生态环境状况指数: EI (HJ 192-2015) from land cover and the other inputs, its sub-indices, and
//! how much built-up land would have to become forest, grass or wetland to reach 60 (indicator
//! 10).

use eframe::egui::{self, RichText};

use super::methods::method_number;
use super::section;
use crate::engine::methods::{EI_TARGET, LandCover, area_for_ei, ecological_index};
use crate::format;
use crate::i18n::Tr;
use crate::model::EiMethod;
use crate::ui::{ViewCtx, theme, widgets};

/// An input of EI: 中文 and English names, how to read it and how to set it.
type EiField = (Tr, fn(&EiMethod) -> f64, fn(&mut EiMethod, f64));

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
    let lang = ctx.lang;
    let doc = ctx.doc;
    let method = &doc.scenario().methods.ei;
    let result = ecological_index(method);
    section(ui, ctx.tr(Tr::Ei));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Without the district's land the index has nothing to be computed from: said, not
            // scored (a 25.00 "较差" of zeros).
            if !method.has_land_cover() {
                ui.label(RichText::new(ctx.tr(Tr::EiNoLandCover)).color(theme::pending()));
            } else {
                ui.horizontal(|ui| {
                    ui.heading(format!(
                        "EI = {}",
                        format::fixed(result.ei, crate::engine::methods::EI_DECIMALS)
                    ));
                    let color = if result.ei >= EI_TARGET {
                        theme::ok()
                    } else {
                        theme::bad()
                    };
                    widgets::status_chip(
                        ui,
                        &format!(
                            "{} {} · {} ≥ {EI_TARGET}",
                            ctx.tr(Tr::Grade),
                            Tr::ei_grade(result.grade()).get(lang),
                            Tr::Indicator10.get(lang)
                        ),
                        color,
                    );
                    ui.label(crate::i18n::lead(
                        ctx.lang,
                        ctx.tr(Tr::StatedEi),
                        &format::fixed(method.stated, crate::engine::methods::EI_DECIMALS),
                    ));
                });
                section(ui, ctx.tr(Tr::SubIndices));
                egui::Grid::new("ei-sub").striped(true).show(ui, |ui| {
                    let [w_bio, w_veg, w_water, w_land, w_pollution] =
                        crate::engine::methods::EI_WEIGHTS.map(|w| format!("{w:.2}"));
                    for (name, weight, value) in [
                        (
                            Tr::BiologicalAbundance.get(lang),
                            w_bio,
                            result.biological_abundance,
                        ),
                        (
                            Tr::VegetationCover.get(lang),
                            w_veg,
                            result.vegetation_cover,
                        ),
                        (
                            Tr::WaterNetworkDensity.get(lang),
                            w_water,
                            result.water_network,
                        ),
                        (Tr::LandStressIndex.get(lang), w_land, result.land_stress),
                        (
                            Tr::PollutionLoadIndex.get(lang),
                            w_pollution,
                            result.pollution_load,
                        ),
                    ] {
                        ui.label(name);
                        ui.label(RichText::new(format!("× {weight}")).weak());
                        ui.label(format::fixed(value, crate::engine::methods::EI_DECIMALS));
                        ui.end_row();
                    }
                });
                ui.label(RichText::new(ctx.tr(Tr::EiFormula)).monospace().weak());

                section(ui, ctx.tr(Tr::WhatIf));
                egui::Grid::new("ei-what-if").striped(true).show(ui, |ui| {
                    ui.strong(ctx.tr(Tr::Name));
                    ui.strong(ctx.tr(Tr::ToReach60));
                    ui.strong(ctx.tr(Tr::EiMax));
                    ui.end_row();
                    for &cover in LandCover::ALL {
                        let answer = area_for_ei(method, cover, EI_TARGET);
                        ui.label(crate::i18n::land_cover_tr(cover).get(lang));
                        ui.label(answer.area_km2.map_or_else(
                            || ctx.tr(Tr::NotReachable).to_owned(),
                            |km2| {
                                format!(
                                    "{} km²",
                                    format::fixed(km2, crate::engine::methods::EI_DECIMALS)
                                )
                            },
                        ));
                        ui.label(format::fixed(
                            answer.best_ei,
                            crate::engine::methods::EI_DECIMALS,
                        ));
                        ui.end_row();
                    }
                });

                let spec = crate::charts::ei_chart(doc.scenario(), lang);
                crate::ui::chart::chart_ui(ui, &spec, theme::CHART_HEIGHT, lang, ctx.commands);
            }

            section(ui, ctx.tr(Tr::Inputs));
            let fields: [EiField; 15] = [
                (Tr::EiForest, |m| m.forest_km2, |m, v| m.forest_km2 = v),
                (Tr::EiGrass, |m| m.grass_km2, |m, v| m.grass_km2 = v),
                (
                    Tr::EiWaterWetland,
                    |m| m.water_wetland_km2,
                    |m, v| m.water_wetland_km2 = v,
                ),
                (
                    Tr::EiCropland,
                    |m| m.cropland_km2,
                    |m, v| m.cropland_km2 = v,
                ),
                (Tr::EiBuiltUp, |m| m.built_up_km2, |m, v| m.built_up_km2 = v),
                (Tr::EiUnused, |m| m.unused_km2, |m, v| m.unused_km2 = v),
                (
                    Tr::EiRiverLength,
                    |m| m.river_length_km,
                    |m, v| m.river_length_km = v,
                ),
                (
                    Tr::EiWaterResources,
                    |m| m.water_resources_1e8_m3,
                    |m, v| m.water_resources_1e8_m3 = v,
                ),
                (
                    Tr::EiSevereErosion,
                    |m| m.severe_erosion_km2,
                    |m, v| m.severe_erosion_km2 = v,
                ),
                (
                    Tr::EiModerateErosion,
                    |m| m.moderate_erosion_km2,
                    |m, v| m.moderate_erosion_km2 = v,
                ),
                (
                    Tr::EiOtherStress,
                    |m| m.other_stress_km2,
                    |m, v| m.other_stress_km2 = v,
                ),
                (
                    Tr::EiVegetationCoefficient,
                    |m| m.vegetation_coefficient,
                    |m, v| m.vegetation_coefficient = v,
                ),
                (Tr::EiMeanNdvi, |m| m.mean_ndvi, |m, v| m.mean_ndvi = v),
                (
                    Tr::EiPollutionLoadIndex,
                    |m| m.pollution_load_index,
                    |m, v| m.pollution_load_index = v,
                ),
                (Tr::EiTotalArea, |m| m.area_km2, |m, v| m.area_km2 = v),
            ];
            egui::Grid::new("ei-inputs")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    for (i, (text, get, set)) in fields.into_iter().enumerate() {
                        let name = text.get(lang);
                        ui.label(name);
                        method_number(
                            ui,
                            ctx,
                            &format!("ei-{i}"),
                            name,
                            get(method),
                            move |m, v| set(&mut m.ei, v),
                        );
                        if i % 2 == 1 {
                            ui.end_row();
                        }
                    }
                });
            widgets::assumption_note(ui, &method.note, lang);
        });
}
