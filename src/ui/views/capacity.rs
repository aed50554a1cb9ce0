//! 环境容量: each pollutant of one medium, its emission against its capacity, with utilisation,
//! headroom, status and the first year of exceedance, and the horizon up to 2060.

use eframe::egui::{self, RichText};

use super::assumptions::horizon_ui;
use super::methods::method_number;
use super::overview::status_text;
use super::{edit_number, section};
use crate::document::Edit;
use crate::format;
use crate::i18n::Tr;
use crate::model::Medium;
use crate::ui::chart::chart_ui;
use crate::ui::widgets::{Domain, NumberField};
use crate::ui::{ViewCtx, theme, widgets};

/// Typed or derived: the choice, both values, and how the derived one is computed.
fn basis_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    scenario: &crate::model::Scenario,
    capacity: &crate::model::Capacity,
    result: &crate::engine::CapacityAnalysis,
) {
    use crate::model::CapacityBasis;
    let derived = match capacity.medium {
        Medium::Air => {
            crate::engine::methods::air_capacity(&scenario.methods.air, &capacity.pollutant)
        }
        Medium::Water => {
            crate::engine::methods::water_capacity(&scenario.methods.water, &capacity.pollutant)
        }
    };
    ui.horizontal(|ui| {
        ui.label(crate::i18n::label_colon(ctx.lang, ctx.tr(Tr::Basis)));
        let mut basis = capacity.basis;
        let typed = format!(
            "{} {}",
            ctx.tr(Tr::Typed),
            crate::i18n::amount(
                ctx.lang,
                &format::value(capacity.value),
                &crate::i18n::unit(ctx.lang, &capacity.unit)
            )
        );
        ui.radio_value(&mut basis, CapacityBasis::Typed, typed);
        let derived_text = match &derived {
            Ok(d) => format!(
                "{} {}",
                ctx.tr(Tr::Derived),
                crate::i18n::amount(
                    ctx.lang,
                    &format::value(d.result),
                    &crate::i18n::unit_text(ctx.lang, &d.unit)
                )
            ),
            Err(error) => crate::i18n::bracketed(
                ctx.lang,
                ctx.tr(Tr::Derived),
                &super::method_edit::derivation_refusal(capacity.medium, error, ctx.lang),
            ),
        };
        ui.add_enabled_ui(derived.is_ok(), |ui| {
            ui.radio_value(&mut basis, CapacityBasis::Derived, derived_text);
        });
        if basis != capacity.basis {
            ctx.apply(Edit::SetCapacityBasis {
                pollutant: capacity.pollutant.clone(),
                basis,
            });
        }
        let in_use = crate::i18n::capacity_basis_tr(result.basis);
        widgets::status_chip(ui, in_use.get(ctx.lang), theme::pending());
    });
    if let Ok(derivation) = &derived {
        super::methods::how_computed_ui(ui, ctx, &capacity.pollutant, derivation);
    }
}

pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, medium: Medium) {
    let title = match medium {
        Medium::Water => Tr::CapacityWater,
        Medium::Air => Tr::CapacityAir,
    };
    let doc = ctx.doc;
    let scenario = doc.scenario();
    let analysis = doc.analysis();
    let lang = ctx.lang;
    section(ui, ctx.tr(title));
    ui.horizontal(|ui| {
        ui.label(ctx.tr(Tr::Horizon));
        horizon_ui(ui, ctx);
    });
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            super::capacity_edit::add_capacity_ui(ui, ctx, medium);
            if !analysis.capacities.iter().any(|c| c.medium == medium) {
                ui.label(RichText::new(ctx.tr(Tr::NoCapacityYet)).weak());
            }
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
                // Emission, capacity and headroom are in the emission series' unit and decimals.
                let decimals = series.decimals;
                ui.separator();
                ui.horizontal(|ui| {
                    ui.heading(format!(
                        "{} — {}",
                        crate::i18n::capacity_label(lang, capacity),
                        lang.label(&series.label)
                    ));
                    // The whole period, not the horizon alone: over capacity 2024–2025 and
                    // at 95 % in 2030 reads "2024—2025 年超载", not "临近饱和".
                    widgets::status_chip(
                        ui,
                        &crate::report::wording::course_words(result, scenario.base_year, lang),
                        theme::course_color(&result.course()),
                    )
                    .on_hover_text(crate::i18n::lead(
                        lang,
                        &format!("{} {}", ctx.tr(Tr::Status), scenario.horizon),
                        status_text(last.status, lang),
                    ));
                });
                ui.horizontal_wrapped(|ui| {
                    ui.label(crate::i18n::label_colon(ctx.lang, ctx.tr(Tr::Capacity)));
                    let pollutant = capacity.pollutant.clone();
                    let field = NumberField::of(
                        ctx.lang,
                        ctx.tr(Tr::Capacity),
                        &pollutant,
                        crate::i18n::capacity_label(ctx.lang, capacity),
                        &crate::i18n::unit(ctx.lang, &capacity.unit),
                        Domain::NonNegative,
                    );
                    edit_number(
                        ui,
                        ctx,
                        ("capacity", &pollutant),
                        capacity.value,
                        &field,
                        |value| Edit::SetCapacity {
                            pollutant: pollutant.clone(),
                            value,
                        },
                    );

                    ui.label(crate::i18n::unit(ctx.lang, &capacity.unit));
                    ui.separator();
                    ui.label(crate::i18n::label_colon(
                        ctx.lang,
                        ctx.tr(Tr::NearThreshold),
                    ));
                    let field = NumberField::of(
                        ctx.lang,
                        ctx.tr(Tr::NearThreshold),
                        &pollutant,
                        crate::i18n::capacity_label(ctx.lang, capacity),
                        "",
                        Domain::Share,
                    )
                    .in_percent();
                    edit_number(
                        ui,
                        ctx,
                        ("near", &pollutant),
                        capacity.near_threshold,
                        &field,
                        |fraction| Edit::SetNearThreshold {
                            pollutant: pollutant.clone(),
                            fraction,
                        },
                    );

                    ui.label("%");
                    if capacity.unit != result.unit {
                        ui.label(
                            RichText::new(format!(
                                "= {}",
                                crate::i18n::amount(
                                    ctx.lang,
                                    &format::with_decimals(last.capacity, decimals),
                                    &crate::i18n::unit(ctx.lang, &result.unit)
                                )
                            ))
                            .weak(),
                        );
                    }
                    ui.separator();
                    ui.label(crate::i18n::lead(
                        ctx.lang,
                        &format!("{} {}", ctx.tr(Tr::Utilisation), scenario.horizon),
                        &last
                            .utilisation
                            .map(format::percent)
                            .unwrap_or_else(|| "–".into()),
                    ));
                    ui.separator();
                    ui.label(crate::i18n::lead(
                        ctx.lang,
                        ctx.tr(Tr::Headroom),
                        &crate::i18n::amount(
                            ctx.lang,
                            &format::with_decimals(last.headroom, decimals),
                            &crate::i18n::unit(ctx.lang, &result.unit),
                        ),
                    ));
                    ui.separator();
                    let first = result
                        .first_exceedance_year
                        .map_or_else(|| ctx.tr(Tr::NoExceedance).to_owned(), |y| y.to_string());
                    ui.label(
                        RichText::new(crate::i18n::lead(
                            ctx.lang,
                            ctx.tr(Tr::FirstExceedance),
                            &first,
                        ))
                        .strong(),
                    );
                });
                basis_ui(ui, ctx, scenario, capacity, result);
                super::capacity_edit::capacity_fields_ui(ui, ctx, capacity);
                let spec =
                    crate::charts::capacity_chart(scenario, analysis, &result.pollutant, lang);
                // Said once: above the chart where the chart says it.
                let chart_says = spec
                    .as_ref()
                    .is_some_and(|s| s.note.as_deref() == Some(ctx.tr(Tr::SaturatedNote)));
                if last.capacity <= 0.0 && !chart_says {
                    ui.label(
                        RichText::new(ctx.tr(Tr::SaturatedNote)).color(theme::SATURATED_TONE.now()),
                    );
                }
                ui.label(RichText::new(lang.label(&capacity.source)).small().weak());
                if let Some(spec) = spec {
                    chart_ui(ui, &spec, theme::CHART_HEIGHT * 0.8, lang, ctx.commands);
                }
            }
            ui.separator();
            parameters_ui(ui, ctx, medium);
        });
}

/// The parameters of the medium's method, editable.
fn parameters_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, medium: Medium) {
    let doc = ctx.doc;
    let methods = &doc.scenario().methods;
    let lang = ctx.lang;
    let capacities: Vec<&crate::model::Capacity> = doc
        .scenario()
        .capacities
        .iter()
        .filter(|c| c.medium == medium)
        .collect();
    match medium {
        Medium::Air => {
            let air = &methods.air;
            section(ui, ctx.tr(Tr::AirMethod));
            ui.horizontal(|ui| {
                ui.label(ctx.tr(Tr::ACoefficient));
                method_number(
                    ui,
                    ctx,
                    "air-a",
                    ctx.tr(Tr::ACoefficient),
                    air.a_coefficient,
                    |m, v| m.air.a_coefficient = v,
                );
            });
            ui.horizontal_wrapped(|ui| {
                // The functional zones Sᵢ of the A-value method; their areas add up to S.
                for (z, zone) in air.zones.iter().enumerate() {
                    let name = format!("{} km²", lang.label(&zone.name));
                    ui.label(&name);
                    method_number(
                        ui,
                        ctx,
                        &format!("air-zone-{z}"),
                        &name,
                        zone.area_km2,
                        move |m, v| m.air.zones[z].area_km2 = v,
                    );
                    super::method_edit::air_zone_ui(ui, ctx, z, zone);
                    ui.separator();
                }
            });
            egui::Grid::new("air-pollutants")
                .striped(true)
                .show(ui, |ui| {
                    for header in [
                        Tr::Capacity,
                        Tr::Limit,
                        Tr::Background,
                        Tr::Source,
                        Tr::Remove,
                    ] {
                        ui.strong(ctx.tr(header));
                    }
                    ui.end_row();
                    for (i, p) in air.pollutants.iter().enumerate() {
                        ui.label(&p.pollutant);
                        method_number(
                            ui,
                            ctx,
                            &format!("air-limit-{i}"),
                            &format!("{} {}", ctx.tr(Tr::Limit), p.pollutant),
                            p.limit_mg_m3,
                            move |m, v| m.air.pollutants[i].limit_mg_m3 = v,
                        );
                        method_number(
                            ui,
                            ctx,
                            &format!("air-bg-{i}"),
                            &format!("{} {}", ctx.tr(Tr::Background), p.pollutant),
                            p.background_mg_m3,
                            move |m, v| m.air.pollutants[i].background_mg_m3 = v,
                        );
                        ui.label(RichText::new(lang.label(&p.note)).small().weak());
                        super::method_edit::air_pollutant_remove_ui(ui, ctx, i, &p.pollutant);
                        ui.end_row();
                    }
                });
            super::method_edit::air_additions_ui(ui, ctx, &capacities);
            widgets::assumption_note(ui, &air.note, lang);
        }
        Medium::Water => {
            let water = &methods.water;
            section(ui, ctx.tr(Tr::WaterMethod));
            for (b, body) in water.bodies.iter().enumerate() {
                ui.strong(lang.label(&body.name));
                super::method_edit::water_body_ui(ui, ctx, b, body);
                ui.horizontal_wrapped(|ui| match body.model {
                    crate::model::WaterModel::River {
                        design_flow_m3_s,
                        side_inflow_m3_s,
                        velocity_m_s,
                        upstream_km,
                        downstream_km,
                    } => {
                        for (k, (label, value)) in [
                            (Tr::DesignFlow, design_flow_m3_s),
                            (Tr::SideInflow, side_inflow_m3_s),
                            (Tr::Velocity, velocity_m_s),
                            (Tr::UpstreamKm, upstream_km),
                            (Tr::DownstreamKm, downstream_km),
                        ]
                        .into_iter()
                        .enumerate()
                        {
                            ui.label(label.get(lang));
                            let name = format!("{} {}", label.get(lang), lang.label(&body.name));
                            method_number(
                                ui,
                                ctx,
                                &format!("water-{b}-{k}"),
                                &name,
                                value,
                                move |m, v| *river_fields(&mut m.water.bodies[b].model)[k] = v,
                            );
                        }
                    }
                    crate::model::WaterModel::Lake {
                        inflow_m3_s,
                        volume_m3,
                    } => {
                        for (k, (label, value)) in
                            [(Tr::Inflow, inflow_m3_s), (Tr::Volume, volume_m3)]
                                .into_iter()
                                .enumerate()
                        {
                            ui.label(label.get(lang));
                            let name = format!("{} {}", label.get(lang), lang.label(&body.name));
                            method_number(
                                ui,
                                ctx,
                                &format!("water-{b}-{k}"),
                                &name,
                                value,
                                move |m, v| *lake_fields(&mut m.water.bodies[b].model)[k] = v,
                            );
                        }
                    }
                });
                egui::Grid::new(("water-pollutants", b))
                    .striped(true)
                    .show(ui, |ui| {
                        for header in [
                            Tr::Capacity,
                            Tr::TargetConcentration,
                            Tr::UpstreamConcentration,
                            Tr::Decay,
                            Tr::Remove,
                        ] {
                            ui.label(RichText::new(ctx.tr(header)).weak());
                        }
                        ui.end_row();
                        for (p, params) in body.pollutants.iter().enumerate() {
                            ui.label(&params.pollutant);
                            let fields: [(Tr, f64); 3] = [
                                (Tr::TargetConcentration, params.target_mg_l),
                                (Tr::UpstreamConcentration, params.upstream_mg_l),
                                (Tr::Decay, params.decay_per_day),
                            ];
                            for (k, (label, value)) in fields.into_iter().enumerate() {
                                let name = format!(
                                    "{} {} {}",
                                    label.get(lang),
                                    params.pollutant,
                                    lang.label(&body.name)
                                );
                                method_number(
                                    ui,
                                    ctx,
                                    &format!("water-{b}-{p}-{k}"),
                                    &name,
                                    value,
                                    move |m, v| {
                                        let target = &mut m.water.bodies[b].pollutants[p];
                                        *[
                                            &mut target.target_mg_l,
                                            &mut target.upstream_mg_l,
                                            &mut target.decay_per_day,
                                        ][k] = v;
                                    },
                                );
                            }
                            super::method_edit::water_pollutant_remove_ui(
                                ui,
                                ctx,
                                (b, p),
                                &format!("{} {}", params.pollutant, lang.label(&body.name)),
                            );
                            ui.end_row();
                        }
                    });
                super::method_edit::water_body_additions_ui(ui, ctx, b, body, &capacities);
            }
            super::method_edit::water_additions_ui(ui, ctx, &capacities);
            ui.horizontal_wrapped(|ui| {
                for (i, (pollutant, load)) in water.nonpoint_t_per_year.iter().enumerate() {
                    let name = format!("{} {pollutant}", ctx.tr(Tr::Nonpoint));
                    ui.label(&name);
                    let follows = water
                        .nonpoint_series
                        .iter()
                        .find(|(p, _)| p == pollutant)
                        .map(|(_, k)| k.clone());
                    if follows.is_none() {
                        method_number(
                            ui,
                            ctx,
                            &format!("nonpoint-{i}"),
                            &name,
                            *load,
                            move |m, v| m.water.nonpoint_t_per_year[i].1 = v,
                        );
                    }
                    // Or the load follows a projected series, and the capacity changes by year.
                    let scenario = ctx.doc.scenario();
                    let t_per_year = crate::units::Unit::parse("t/a").expect("t/a is a unit");
                    let mut chosen = follows.clone();
                    let shown = chosen
                        .as_ref()
                        .and_then(|k| scenario.series(k))
                        .map_or(Tr::Fixed.get(lang).to_owned(), |s| {
                            lang.label(&s.label).to_owned()
                        });
                    egui::ComboBox::from_id_salt(("nonpoint-series", i))
                        .selected_text(shown)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut chosen, None, Tr::Fixed.get(lang));
                            for series in scenario
                                .series
                                .iter()
                                .filter(|s| s.unit.is_compatible(&t_per_year))
                            {
                                ui.selectable_value(
                                    &mut chosen,
                                    Some(series.key.clone()),
                                    lang.label(&series.label),
                                );
                            }
                        })
                        .response
                        .accessible_name(format!("{name} {}", Tr::FollowsSeries.get(lang)));
                    if chosen != follows {
                        let mut methods = scenario.methods.clone();
                        methods
                            .water
                            .nonpoint_series
                            .retain(|(p, _)| p != pollutant);
                        if let Some(key) = chosen {
                            methods.water.nonpoint_series.push((pollutant.clone(), key));
                        }
                        ctx.apply(Edit::SetMethods {
                            methods: Box::new(methods),
                        });
                    }
                    super::method_edit::nonpoint_remove_ui(ui, ctx, i, pollutant);
                    ui.separator();
                }
            });
            widgets::assumption_note(ui, &water.note, lang);
        }
    }
}

/// A river's parameters in the order the editor shows them.
fn river_fields(model: &mut crate::model::WaterModel) -> [&mut f64; 5] {
    match model {
        crate::model::WaterModel::River {
            design_flow_m3_s,
            side_inflow_m3_s,
            velocity_m_s,
            upstream_km,
            downstream_km,
        } => [
            design_flow_m3_s,
            side_inflow_m3_s,
            velocity_m_s,
            upstream_km,
            downstream_km,
        ],
        crate::model::WaterModel::Lake { .. } => {
            unreachable!("the editor shows river fields for rivers only")
        }
    }
}

/// A lake's parameters in the order the editor shows them.
fn lake_fields(model: &mut crate::model::WaterModel) -> [&mut f64; 2] {
    match model {
        crate::model::WaterModel::Lake {
            inflow_m3_s,
            volume_m3,
        } => [inflow_m3_s, volume_m3],
        crate::model::WaterModel::River { .. } => {
            unreachable!("the editor shows lake fields for lakes only")
        }
    }
}
