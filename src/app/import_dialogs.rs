//! The imports' previews: the district's statistics matched row by row to series (or new
//! ones, or passed over) before they are applied, and an indicator table's values.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::EcoplanApp;
use crate::i18n::{Lang, Tr};
use crate::ui::{Command, theme};

/// The statistics read, and what each row is matched to.
#[derive(Clone, Debug)]
pub struct HistoryImportForm {
    pub path: PathBuf,
    /// Each sheet holding statistics, with its rows.
    pub sheets: Vec<(String, Vec<crate::io::history_table::HistoryRow>)>,
    pub sheet: usize,
    pub mapping: Vec<RowTarget>,
}

impl EcoplanApp {
    /// The statistics' preview; true when it is done (applied, or cancelled).
    pub(super) fn history_import_ui(
        &mut self,
        ctx: &egui::Context,
        form: &mut HistoryImportForm,
        commands: &mut Vec<Command>,
    ) -> bool {
        let lang = self.lang();
        let mut done = false;
        let HistoryImportForm {
            path,
            sheets,
            sheet,
            mapping,
        } = form;
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        let scenario = self.doc.scenario();
        let mut apply = false;
        let mut chosen_sheet = *sheet;
        let result = imported(scenario, &sheets[*sheet].1, mapping, &file);
        egui::Modal::new(egui::Id::unique("ecoplan-history-import")).show(ctx, |ui| {
            ui.heading(Tr::ImportPreviewTitle.fill(lang, &[&file]));
            if sheets.len() > 1 {
                ui.horizontal_wrapped(|ui| {
                    ui.label(Tr::ChooseSheet.get(lang));
                    for (i, (name, _)) in sheets.iter().enumerate() {
                        ui.radio_value(&mut chosen_sheet, i, name);
                    }
                });
            }
            ui.label(RichText::new(Tr::ConfirmMatching.get(lang)).weak());
            egui::ScrollArea::vertical()
                .max_height(440.0)
                .show(ui, |ui| {
                    egui::Grid::new("history-matching")
                        .striped(true)
                        .show(ui, |ui| {
                            for header in [Tr::RowInSheet, Tr::Unit, Tr::HistoryYears, Tr::GoesInto]
                            {
                                ui.strong(header.get(lang));
                            }
                            ui.end_row();
                            for (i, row) in sheets[*sheet].1.iter().enumerate() {
                                ui.label(&row.name).on_hover_text(&row.place);
                                ui.label(row.unit.as_deref().unwrap_or("–"));
                                let years: Vec<i32> = row.values.iter().map(|v| v.0).collect();
                                ui.label(crate::i18n::bracketed(
                                    lang,
                                    &format!(
                                        "{}–{}",
                                        years.iter().min().unwrap_or(&0),
                                        years.iter().max().unwrap_or(&0)
                                    ),
                                    &years.len().to_string(),
                                ));
                                let shown = match &mapping[i] {
                                    RowTarget::Skip => Tr::DoNotImport.get(lang).to_owned(),
                                    RowTarget::NewSeries => Tr::AsNewSeries.get(lang).to_owned(),
                                    RowTarget::Series(key) => scenario.series(key).map_or_else(
                                        || key.clone(),
                                        |s| lang.label(&s.label).to_owned(),
                                    ),
                                };
                                egui::ComboBox::from_id_salt(("row-target", i))
                                    .selected_text(shown)
                                    .show_ui(ui, |ui| {
                                        ui.selectable_value(
                                            &mut mapping[i],
                                            RowTarget::Skip,
                                            Tr::DoNotImport.get(lang),
                                        );
                                        ui.selectable_value(
                                            &mut mapping[i],
                                            RowTarget::NewSeries,
                                            Tr::AsNewSeries.get(lang),
                                        );
                                        for series in &scenario.series {
                                            ui.selectable_value(
                                                &mut mapping[i],
                                                RowTarget::Series(series.key.clone()),
                                                lang.label(&series.label),
                                            );
                                        }
                                    })
                                    .response
                                    .accessible_name(format!(
                                        "{} {}",
                                        Tr::GoesInto.get(lang),
                                        row.name
                                    ));
                                if let Err((bad, error)) = &result
                                    && *bad == i
                                {
                                    ui.label(
                                        RichText::new(error.in_lang(lang)).color(theme::bad()),
                                    );
                                }
                                ui.end_row();
                            }
                        });
                });
            ui.horizontal(|ui| {
                apply = ui
                    .add_enabled(
                        result.as_ref().is_ok_and(|(_, v)| !v.is_empty()),
                        egui::Button::new(Tr::ImportApply.get(lang)),
                    )
                    .clicked();
                if ui.button(Tr::Cancel.get(lang)).clicked() {
                    done = true;
                }
            });
            match &result {
                Ok((changed, values)) => {
                    ui.label(Tr::ValuesToImport.fill(lang, &[&values.len()]));
                    // Every value, old → new, before anything is applied.
                    egui::CollapsingHeader::new(Tr::EachValue.get(lang))
                        .id_salt("history-values")
                        .show(ui, |ui| {
                            values_grid(ui, "history-values-grid", changed, values, lang, 220.0);
                        });
                }
                Err(_) => {
                    ui.label(RichText::new(Tr::FixRowsFirst.get(lang)).color(theme::bad()));
                }
            }
        });
        if chosen_sheet != *sheet {
            *sheet = chosen_sheet;
            *mapping = matched(scenario, &sheets[chosen_sheet].1);
        }
        if apply && let Ok((changed, values)) = result {
            commands.push(Command::Apply {
                edit: crate::document::Edit::ImportValues {
                    scenario: Box::new(changed),
                    source: file.clone(),
                },
                merge: false,
            });
            self.notice = Some(Tr::ImportedValues.fill(lang, &[&values.len(), &file]));
            done = true;
        }
        done
    }

    /// An indicator table's values before they are applied; true when it is done.
    pub(super) fn import_preview_ui(
        &mut self,
        ctx: &egui::Context,
        path: &std::path::Path,
        values: &[crate::io::indicator_table::ImportedValue],
        commands: &mut Vec<Command>,
    ) -> bool {
        let lang = self.lang();
        let mut done = false;
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        let mut apply = false;
        egui::Modal::new(egui::Id::unique("ecoplan-import")).show(ctx, |ui| {
            ui.heading(Tr::ImportPreviewTitle.fill(lang, &[&file]));
            if values.is_empty() {
                ui.label(Tr::ImportNothing.get(lang));
            } else {
                values_grid(
                    ui,
                    "import-preview",
                    self.doc.scenario(),
                    values,
                    lang,
                    420.0,
                );
            }
            ui.horizontal(|ui| {
                apply = ui
                    .add_enabled(
                        !values.is_empty(),
                        egui::Button::new(Tr::ImportApply.get(lang)),
                    )
                    .clicked();
                if ui.button(Tr::Cancel.get(lang)).clicked() {
                    done = true;
                }
            });
        });
        if apply {
            let changed = crate::io::indicator_table::with_values(self.doc.scenario(), values);
            commands.push(Command::Apply {
                edit: crate::document::Edit::ImportValues {
                    scenario: Box::new(changed),
                    source: file.clone(),
                },
                merge: false,
            });
            self.notice = Some(Tr::ImportedValues.fill(lang, &[&values.len(), &file]));
            done = true;
        }
        done
    }
}

/// Every value an import sets, old → new, with the cell it comes from.
fn values_grid(
    ui: &mut egui::Ui,
    id_salt: &str,
    scenario: &crate::model::Scenario,
    values: &[crate::io::indicator_table::ImportedValue],
    lang: Lang,
    height: f32,
) {
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .max_height(height)
        .show(ui, |ui| {
            egui::Grid::new(id_salt).striped(true).show(ui, |ui| {
                for header in [
                    Tr::Number,
                    Tr::Name,
                    Tr::Year,
                    Tr::OldValue,
                    Tr::NewValue,
                    Tr::Source,
                ] {
                    ui.strong(header.get(lang));
                }
                ui.end_row();
                for value in values {
                    ui.label(&value.number);
                    let name = value.target.name(scenario, lang);
                    ui.add_sized(
                        [220.0, ui.spacing().interact_size.y],
                        egui::Label::new(name).truncate(),
                    );
                    ui.label(value.year.to_string());
                    ui.label(value.old.map_or_else(|| "–".into(), crate::format::value));
                    ui.label(RichText::new(crate::format::value(value.new)).strong());
                    ui.label(RichText::new(&value.source).weak().small());
                    ui.end_row();
                }
            });
        });
}

/// Where a row of the statistics goes.
#[derive(Clone, Debug, PartialEq)]
pub enum RowTarget {
    Series(String),
    /// A series made from the row: its name, its unit.
    NewSeries,
    Skip,
}

/// Each row's series as the names say (key, label, alias), else passed over.
pub fn matched(
    scenario: &crate::model::Scenario,
    rows: &[crate::io::history_table::HistoryRow],
) -> Vec<RowTarget> {
    rows.iter()
        .map(|row| {
            crate::io::history_table::match_series(scenario, &row.name, &[])
                .map_or(RowTarget::Skip, RowTarget::Series)
        })
        .collect()
}

/// The scenario with the new series the mapping asks for, and the values every row sets, or
/// the first row's refusal (a unit that does not convert, a value out of its domain).
fn imported(
    scenario: &crate::model::Scenario,
    rows: &[crate::io::history_table::HistoryRow],
    mapping: &[RowTarget],
    file: &str,
) -> Result<
    (
        crate::model::Scenario,
        Vec<crate::io::indicator_table::ImportedValue>,
    ),
    (usize, crate::io::indicator_table::ImportError),
> {
    use crate::io::history_table::row_values;
    let mut with_new = scenario.clone();
    let mut keys = Vec::with_capacity(rows.len());
    for (row, target) in rows.iter().zip(mapping) {
        keys.push(match target {
            RowTarget::Skip => None,
            RowTarget::Series(key) => Some(key.clone()),
            RowTarget::NewSeries => {
                let key = (1..)
                    .map(|n| format!("series_{n}"))
                    .find(|k| with_new.series(k).is_none())
                    .expect("some key is free");
                let unit = row
                    .unit
                    .as_deref()
                    .and_then(|u| crate::units::Unit::parse(u).ok())
                    .unwrap_or_else(crate::units::Unit::one);
                with_new.series.push(crate::model::Series {
                    key: key.clone(),
                    label: crate::io::history_table::label_of(row),
                    unit,
                    group: crate::model::Group::Other,
                    base: None,
                    rule: crate::model::Rule::growth(0.0),
                    source: crate::model::Label::same(file),
                    observed: Vec::new(),
                    decimals: None,
                });
                Some(key)
            }
        });
    }
    if let Some(refused) = crate::io::history_table::given_twice(&with_new, rows, &keys) {
        return Err(refused);
    }
    let mut values = Vec::new();
    for (i, (row, key)) in rows.iter().zip(&keys).enumerate() {
        if let Some(key) = key {
            values.extend(row_values(&with_new, row, key).map_err(|e| (i, e))?);
        }
    }
    let changed = crate::io::indicator_table::with_values(&with_new, &values);
    Ok((changed, values))
}
