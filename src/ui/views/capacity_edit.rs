//! Adding, editing and removing a medium's capacities: the pollutant (from the usual list or
//! typed), its name in both languages, the emission series it is compared with, the typed value
//! in its unit (converted to the series' unit; a unit that does not convert is refused), and
//! the source. Every change is one undoable edit, checked by the engine before it applies.

use eframe::egui::{self, RichText};

use crate::document::Edit;
use crate::i18n::{Lang, Tr};
use crate::model::{Capacity, CapacityBasis, Label, Medium, default_near_threshold};
use crate::ui::{ViewCtx, theme, widgets};
use crate::units::Unit;

/// What the "add a capacity" form holds while it is filled in.
#[derive(Clone, Debug, Default)]
struct AddForm {
    pollutant: String,
    label_zh: String,
    label_en: String,
    series: Option<String>,
    value: String,
    unit: String,
}

/// The capacity the form describes, or why it cannot be added yet.
fn capacity_of(form: &AddForm, medium: Medium, lang: Lang) -> Result<Capacity, String> {
    let pollutant = form.pollutant.trim();
    if pollutant.is_empty() {
        return Err(Tr::ChoosePollutant.get(lang).to_owned());
    }
    let series = form
        .series
        .clone()
        .ok_or_else(|| Tr::ChooseEmissionSeries.get(lang).to_owned())?;
    let value = crate::format::parse_typed(&form.value).ok_or_else(|| {
        crate::i18n::lead(
            lang,
            Tr::Capacity.get(lang),
            &crate::i18n::not_a_number(lang, &form.value),
        )
    })?;
    if value < 0.0 {
        return Err(crate::i18n::lead(
            lang,
            Tr::Capacity.get(lang),
            &format!("{value} {}", Tr::MustBeNonNegative.get(lang)),
        ));
    }
    let unit = Unit::parse(form.unit.trim()).map_err(|_| {
        crate::i18n::lead(
            lang,
            Tr::Unit.get(lang),
            &Tr::NotAUnit.fill(lang, &[&form.unit.trim()]),
        )
    })?;
    let (zh, en) = (form.label_zh.trim(), form.label_en.trim());
    Ok(Capacity {
        pollutant: pollutant.to_owned(),
        label: Label::new(
            if zh.is_empty() { pollutant } else { zh },
            if en.is_empty() { pollutant } else { en },
        ),
        medium,
        value,
        basis: CapacityBasis::Typed,
        unit,
        series,
        near_threshold: default_near_threshold(),
        source: Label::default(),
    })
}

/// "＋ Add a capacity": a form for one more pollutant of this medium.
pub fn add_capacity_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, medium: Medium) {
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    let id = ui.make_persistent_id(("add-capacity", medium.key()));
    let mut form: AddForm = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    egui::CollapsingHeader::new(format!("＋ {}", Tr::AddCapacity.get(lang)))
        .id_salt(("add-capacity-header", medium.key()))
        .show(ui, |ui| {
            egui::Grid::new(("add-capacity-form", medium.key()))
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label(Tr::Pollutant.get(lang));
                    ui.horizontal(|ui| {
                        egui::ComboBox::from_id_salt(("known-pollutant", medium.key()))
                            .selected_text(Tr::UsualPollutants.get(lang))
                            .show_ui(ui, |ui| {
                                for known in crate::plan::USUAL_POLLUTANTS.iter().filter(|k| {
                                    k.medium == medium
                                        && !scenario.capacities.iter().any(|c| c.pollutant == k.key)
                                }) {
                                    let text = format!(
                                        "{} {}",
                                        known.key,
                                        lang.label(&Label::new(known.zh, known.en))
                                    );
                                    if ui.selectable_label(false, text).clicked() {
                                        form.pollutant = known.key.to_owned();
                                        form.label_zh = known.zh.to_owned();
                                        form.label_en = known.en.to_owned();
                                        // The pollutant's own series, or none chosen yet: never the
                                        // series of the pollutant picked before.
                                        form.series =
                                            scenario.series(known.series).map(|s| s.key.clone());
                                        if form.unit.is_empty() {
                                            form.unit = "t/a".to_owned();
                                        }
                                    }
                                }
                            })
                            .response
                            .accessible_name(Tr::UsualPollutants.get(lang));
                        ui.add(egui::TextEdit::singleline(&mut form.pollutant).desired_width(90.0))
                            .accessible_name(format!(
                                "{} {}",
                                Tr::NewCapacity.get(lang),
                                Tr::Pollutant.get(lang)
                            ));
                    });
                    ui.end_row();
                    for (what, text) in [
                        (Tr::InChinese, &mut form.label_zh),
                        (Tr::InEnglish, &mut form.label_en),
                    ] {
                        let name = format!("{} {}", Tr::Name.get(lang), what.get(lang));
                        ui.label(&name);
                        ui.add(egui::TextEdit::singleline(text).desired_width(200.0))
                            .accessible_name(format!("{} {name}", Tr::NewCapacity.get(lang)));
                        ui.end_row();
                    }
                    ui.label(Tr::ComparedSeries.get(lang));
                    if let Some(key) = super::series_combo(
                        ui,
                        ("add-capacity-series", medium.key()),
                        scenario,
                        form.series.as_deref(),
                        &format!(
                            "{} {}",
                            Tr::NewCapacity.get(lang),
                            Tr::ComparedSeries.get(lang)
                        ),
                        lang,
                    ) {
                        form.series = Some(key);
                    }
                    ui.end_row();
                    ui.label(Tr::Capacity.get(lang));
                    ui.horizontal(|ui| {
                        ui.add(egui::TextEdit::singleline(&mut form.value).desired_width(96.0))
                            .accessible_name(format!(
                                "{} {}",
                                Tr::NewCapacity.get(lang),
                                Tr::Capacity.get(lang)
                            ));
                        ui.add(
                            egui::TextEdit::singleline(&mut form.unit)
                                .hint_text("t/a")
                                .desired_width(72.0),
                        )
                        .accessible_name(format!(
                            "{} {}",
                            Tr::NewCapacity.get(lang),
                            Tr::Unit.get(lang)
                        ));
                    });
                    ui.end_row();
                });
            let candidate = capacity_of(&form, medium, lang).and_then(|capacity| {
                if let Some(series) = scenario.series(&capacity.series)
                    && !capacity.unit.is_compatible(&series.unit)
                {
                    return Err(Tr::UnitDoesNotConvert.fill(lang, &[&capacity.unit, &series.unit]));
                }
                if scenario
                    .capacities
                    .iter()
                    .any(|c| c.pollutant == capacity.pollutant)
                {
                    return Err(Tr::PollutantTaken.fill(lang, &[&capacity.pollutant]));
                }
                let edit = Edit::AddCapacity {
                    capacity: Box::new(capacity),
                };
                ctx.doc.check_in(lang, &edit).map(|()| edit)
            });
            ui.horizontal(|ui| {
                let add = ui.add_enabled(
                    candidate.is_ok(),
                    egui::Button::new(Tr::AddCapacity.get(lang)),
                );
                if let Err(reason) = &candidate {
                    ui.label(RichText::new(reason).color(theme::pending()));
                }
                if add.clicked()
                    && let Ok(edit) = candidate.clone()
                {
                    ctx.apply(edit);
                    form = AddForm::default();
                }
            });
        });
    ui.data_mut(|d| d.insert_temp(id, form));
}

/// The editable fields of one capacity: key, names, compared series, unit, source, remove.
pub fn capacity_fields_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, capacity: &Capacity) {
    let lang = ctx.lang;
    let scenario = ctx.doc.scenario();
    let pollutant = capacity.pollutant.clone();
    let set = |changed: Capacity| Edit::SetCapacityRow {
        pollutant: pollutant.clone(),
        capacity: Box::new(changed),
    };
    egui::CollapsingHeader::new(format!(
        "{} {}",
        Tr::EditCapacity.get(lang),
        crate::i18n::capacity_named(lang, capacity)
    ))
    .id_salt(("edit-capacity", &capacity.pollutant))
    .show(ui, |ui| {
        egui::Grid::new(("capacity-fields", &capacity.pollutant))
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(Tr::Pollutant.get(lang));
                let doc = ctx.doc;
                let renamed = widgets::validated_edit(
                    ui,
                    ("capacity-key", &pollutant),
                    pollutant.clone(),
                    120.0,
                    &format!("{} {pollutant}", Tr::Pollutant.get(lang)),
                    &format!("{} {pollutant}", Tr::Pollutant.get(lang)),
                    |text| {
                        let key = text.trim();
                        if key.is_empty() {
                            return Err(Tr::MustNotBeEmpty.get(lang).to_owned());
                        }
                        let edit = set(Capacity {
                            pollutant: key.to_owned(),
                            ..capacity.clone()
                        });
                        doc.check_in(lang, &edit).map(|()| edit)
                    },
                );
                if let Some(edit) = renamed {
                    ctx.apply(edit);
                }
                ui.end_row();
                ui.label(Tr::Name.get(lang));
                ui.horizontal(|ui| {
                    if let Some(label) = widgets::label_pair_edit(
                        ui,
                        ("capacity-label", &pollutant),
                        &capacity.label,
                        &format!("{} {pollutant}", Tr::Name.get(lang)),
                        140.0,
                        true,
                        lang,
                    ) {
                        ctx.apply(set(Capacity {
                            label,
                            ..capacity.clone()
                        }));
                    }
                });
                ui.end_row();
                ui.label(Tr::ComparedSeries.get(lang));
                if let Some(series) = super::series_combo(
                    ui,
                    ("capacity-series", &pollutant),
                    scenario,
                    Some(&capacity.series),
                    &format!("{} {pollutant}", Tr::ComparedSeries.get(lang)),
                    lang,
                ) {
                    ctx.apply(set(Capacity {
                        series,
                        ..capacity.clone()
                    }));
                }
                ui.end_row();
                ui.label(Tr::Unit.get(lang));
                let doc = ctx.doc;
                let unit = widgets::validated_edit(
                    ui,
                    ("capacity-unit", &pollutant),
                    capacity.unit.symbol().to_owned(),
                    96.0,
                    &format!("{} {pollutant}", Tr::Unit.get(lang)),
                    &format!("{} {pollutant}", Tr::Unit.get(lang)),
                    |text| {
                        let unit = Unit::parse(text.trim())
                            .map_err(|_| Tr::NotAUnit.fill(lang, &[&text.trim()]))?;
                        let series_unit = doc.scenario().series(&capacity.series).map(|s| &s.unit);
                        if let Some(series_unit) = series_unit
                            && !unit.is_compatible(series_unit)
                        {
                            return Err(Tr::UnitDoesNotConvert.fill(lang, &[&unit, series_unit]));
                        }
                        // The same capacity in the new unit: 0.05 万 t/a becomes 500 t/a.
                        let factor = capacity.unit.factor_to(&unit).map_err(|_| {
                            Tr::UnitDoesNotConvert.fill(lang, &[&unit, &capacity.unit])
                        })?;
                        let edit = set(Capacity {
                            value: capacity.value * factor,
                            unit,
                            ..capacity.clone()
                        });
                        doc.check_in(lang, &edit).map(|()| edit)
                    },
                );
                if let Some(edit) = unit {
                    ctx.apply(edit);
                }
                ui.end_row();
                ui.label(Tr::Source.get(lang));
                ui.horizontal(|ui| {
                    if let Some(source) = widgets::label_pair_edit(
                        ui,
                        ("capacity-source", &pollutant),
                        &capacity.source,
                        &format!("{} {pollutant}", Tr::Source.get(lang)),
                        260.0,
                        false,
                        lang,
                    ) {
                        ctx.apply(set(Capacity {
                            source,
                            ..capacity.clone()
                        }));
                    }
                });
                ui.end_row();
            });
        let remove = ui
            .button(format!(
                "{} {}",
                Tr::RemoveCapacity.get(lang),
                capacity.pollutant
            ))
            .accessible_name(format!("{} {pollutant}", Tr::RemoveCapacity.get(lang)));
        if remove.clicked() {
            ctx.apply(Edit::RemoveCapacity {
                pollutant: pollutant.clone(),
            });
        }
    });
}
