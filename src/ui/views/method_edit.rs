//! The rows of the capacity methods a new district fills in (`docs/methods.md` §2–§3): A-value zones
//! and pollutants, river segments and lakes with their pollutants, non-point loads; each added,
//! named and removed as one undoable edit of the methods. And why a capacity cannot be derived
//! yet, in the interface's language.

use eframe::egui;

use crate::document::Edit;
use crate::engine::ModelError;
use crate::i18n::{Lang, Tr};
use crate::model::{
    AirPollutant, AirZone, Capacity, Label, Medium, Methods, WaterBody, WaterModel, WaterPollutant,
};
use crate::ui::{ViewCtx, widgets};

/// The first number n for which "{prefix} n" names nothing yet, so that a row added after
/// one was removed is never named (and found) like another.
fn fresh_number(names: &[String], prefix: &str) -> usize {
    (1..)
        .find(|n| !names.iter().any(|name| *name == format!("{prefix} {n}")))
        .expect("some number is free")
}

/// Sends the methods as `change` leaves them.
fn change_methods(ctx: &mut ViewCtx<'_>, change: impl FnOnce(&mut Methods)) {
    let mut methods = ctx.doc.scenario().methods.clone();
    change(&mut methods);
    ctx.apply(Edit::SetMethods {
        methods: Box::new(methods),
    });
}

/// A small "remove" button named for what it removes.
fn remove_button(ui: &mut egui::Ui, lang: Lang, what: &str) -> bool {
    ui.small_button(Tr::Remove.get(lang))
        .accessible_name(format!("{} {what}", Tr::Remove.get(lang)))
        .clicked()
}

/// The name of a zone, river or lake in both languages.
fn name_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    id: (&str, usize),
    name: &Label,
    set: impl FnOnce(&mut Methods, Label),
) {
    let lang = ctx.lang;
    let what = format!("{} {}", Tr::Name.get(lang), lang.label(name));
    if let Some(label) = widgets::label_pair_edit(ui, id, name, &what, 110.0, true, lang) {
        change_methods(ctx, |m| set(m, label));
    }
}

/// A zone's name and its remove button, shown beside its area.
pub fn air_zone_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, z: usize, zone: &AirZone) {
    name_ui(
        ui,
        ctx,
        ("air-zone-name", z),
        &zone.name,
        move |m, label| {
            m.air.zones[z].name = label;
        },
    );
    if remove_button(ui, ctx.lang, ctx.lang.label(&zone.name)) {
        change_methods(ctx, |m| {
            m.air.zones.remove(z);
        });
    }
}

/// "＋ zone" and "＋ pollutant" for the A-value method: a zone of no area to be typed, and each
/// air capacity the method has no limit for.
pub fn air_additions_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, capacities: &[&Capacity]) {
    let lang = ctx.lang;
    let air = &ctx.doc.scenario().methods.air;
    let names_of_zones: Vec<String> = air.zones.iter().map(|z| z.name.zh.clone()).collect();
    let missing: Vec<String> = capacities
        .iter()
        .filter(|c| !air.pollutants.iter().any(|p| p.pollutant == c.pollutant))
        .map(|c| c.pollutant.clone())
        .collect();
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(format!("＋ {}", Tr::AddAirZone.get(lang)))
            .clicked()
        {
            let number = fresh_number(&names_of_zones, "功能区");
            change_methods(ctx, |m| {
                m.air.zones.push(AirZone {
                    name: Label::new(&format!("功能区 {number}"), &format!("Zone {number}")),
                    area_km2: 0.0,
                });
            });
        }
        for pollutant in missing {
            let text = Tr::AddToMethod.fill(lang, &[&pollutant]);
            if ui.button(format!("＋ {text}")).clicked() {
                change_methods(ctx, |m| {
                    m.air.pollutants.push(AirPollutant {
                        limit_mg_m3: crate::plan::air_limit_mg_m3(&pollutant).unwrap_or(0.0),
                        pollutant,
                        background_mg_m3: 0.0,
                        note: Label::new(
                            "限值按 GB 3095-2012 二级年均浓度限值；背景浓度待录入",
                            "limit: GB 3095-2012 class II annual mean; background to be entered",
                        ),
                    });
                });
            }
        }
    });
}

/// The remove button of an air pollutant's row.
pub fn air_pollutant_remove_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    i: usize,
    pollutant: &str,
) {
    let what = format!("{} {pollutant}", Tr::AirMethod.get(ctx.lang));
    if remove_button(ui, ctx.lang, &what) {
        change_methods(ctx, |m| {
            m.air.pollutants.remove(i);
        });
    }
}

/// A river's or lake's name and its remove button.
pub fn water_body_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, b: usize, body: &WaterBody) {
    ui.horizontal(|ui| {
        name_ui(
            ui,
            ctx,
            ("water-body-name", b),
            &body.name,
            move |m, label| {
                m.water.bodies[b].name = label;
            },
        );
        if remove_button(ui, ctx.lang, ctx.lang.label(&body.name)) {
            change_methods(ctx, |m| {
                m.water.bodies.remove(b);
            });
        }
    });
}

/// "＋ COD" for each water capacity a body has no parameters for.
pub fn water_body_additions_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    b: usize,
    body: &WaterBody,
    capacities: &[&Capacity],
) {
    let lang = ctx.lang;
    let lake = matches!(body.model, WaterModel::Lake { .. });
    ui.horizontal_wrapped(|ui| {
        for capacity in capacities
            .iter()
            .filter(|c| !body.pollutants.iter().any(|p| p.pollutant == c.pollutant))
        {
            let pollutant = capacity.pollutant.clone();
            let text = format!("＋ {} {}", pollutant, lang.label(&body.name));
            if ui.button(text).clicked() {
                change_methods(ctx, |m| {
                    m.water.bodies[b].pollutants.push(WaterPollutant {
                        target_mg_l: crate::plan::class_iii_mg_l(&pollutant, lake).unwrap_or(0.0),
                        pollutant,
                        upstream_mg_l: 0.0,
                        decay_per_day: 0.0,
                    });
                });
            }
        }
    });
}

/// The remove button of a pollutant's row in a river or lake.
pub fn water_pollutant_remove_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    (b, p): (usize, usize),
    what: &str,
) {
    if remove_button(ui, ctx.lang, what) {
        change_methods(ctx, |m| {
            m.water.bodies[b].pollutants.remove(p);
        });
    }
}

/// "＋ river segment", "＋ lake" and "＋ non-point load" for each water capacity without one.
pub fn water_additions_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, capacities: &[&Capacity]) {
    let lang = ctx.lang;
    let water = &ctx.doc.scenario().methods.water;
    let names_of_bodies: Vec<String> = water.bodies.iter().map(|b| b.name.zh.clone()).collect();
    let without_load: Vec<String> = capacities
        .iter()
        .filter(|c| {
            !water
                .nonpoint_t_per_year
                .iter()
                .any(|(p, _)| p == &c.pollutant)
        })
        .map(|c| c.pollutant.clone())
        .collect();
    ui.horizontal_wrapped(|ui| {
        for (tr, lake) in [(Tr::AddRiver, false), (Tr::AddLake, true)] {
            if ui.button(format!("＋ {}", tr.get(lang))).clicked() {
                let number = fresh_number(&names_of_bodies, if lake { "湖库" } else { "河段" });
                let (zh, en) = if lake {
                    (format!("湖库 {number}"), format!("Lake {number}"))
                } else {
                    (format!("河段 {number}"), format!("River segment {number}"))
                };
                let model = if lake {
                    WaterModel::Lake {
                        inflow_m3_s: 0.0,
                        volume_m3: 0.0,
                    }
                } else {
                    WaterModel::River {
                        design_flow_m3_s: 0.0,
                        side_inflow_m3_s: 0.0,
                        velocity_m_s: 0.0,
                        upstream_km: 0.0,
                        downstream_km: 0.0,
                    }
                };
                change_methods(ctx, |m| {
                    m.water.bodies.push(WaterBody {
                        name: Label::new(&zh, &en),
                        model,
                        pollutants: Vec::new(),
                    });
                });
            }
        }
        for pollutant in without_load {
            let text = format!("＋ {} {pollutant}", Tr::Nonpoint.get(lang));
            if ui.button(text).clicked() {
                change_methods(ctx, |m| m.water.nonpoint_t_per_year.push((pollutant, 0.0)));
            }
        }
    });
}

/// The remove button of a non-point load.
pub fn nonpoint_remove_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, i: usize, pollutant: &str) {
    let what = format!("{} {pollutant}", Tr::Nonpoint.get(ctx.lang));
    if remove_button(ui, ctx.lang, &what) {
        change_methods(ctx, |m| {
            let (removed, _) = m.water.nonpoint_t_per_year.remove(i);
            m.water.nonpoint_series.retain(|(p, _)| p != &removed);
        });
    }
}

/// Why a capacity cannot be derived yet, in the interface's language: the method has no
/// parameters for the pollutant, or one of them is out of range (named by its label).
pub fn derivation_refusal(medium: Medium, error: &ModelError, lang: Lang) -> String {
    match error {
        ModelError::Invalid { field, .. } if field == "basis" => match medium {
            Medium::Air => Tr::NoAirParameters.get(lang).to_owned(),
            Medium::Water => Tr::NoWaterParameters.get(lang).to_owned(),
        },
        // Short, for the choice it stands beside: the parameter by its label, the reason
        // in words (`refusals` words both).
        ModelError::InvalidValue {
            item,
            key,
            field,
            value,
            reason,
        } => Tr::FieldValueRefused.fill(
            lang,
            &[
                key,
                &crate::refusals::field_of(item, field, lang),
                value,
                &crate::refusals::reason(reason, lang),
            ],
        ),
        other => other.in_lang(lang),
    }
}
