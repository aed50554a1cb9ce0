//! The chapter's frame as the export dialog shows it: number, title, numbering, which sections
//! in what order, the history years of the projection table, and the outline that results.
//! It edits a working copy; the dialog applies it as one undoable edit when the user exports.

use eframe::egui::{self, RichText};

use crate::i18n::{Lang, Tr};
use crate::model::{ChapterSettings, Numbering, Scenario, Section};

/// A section's name: the heading it gets in the chapter.
pub fn section_name(section: Section, lang: Lang) -> &'static str {
    match section {
        Section::Projection => Tr::SectionProjection,
        Section::Capacity => Tr::SectionCapacity,
        Section::Footprint => Tr::SectionFootprint,
        Section::Ecological => Tr::SectionEcological,
        Section::Targets => Tr::SectionTargets,
        Section::Indicators => Tr::SectionIndicators,
        Section::Scenarios => Tr::SectionScenarios,
        Section::Uncertainty => Tr::SectionUncertainty,
        Section::Assumptions => Tr::SectionAssumptions,
    }
    .get(lang)
}

/// The years of history before the base year that some series holds.
pub fn history_years(scenario: &Scenario) -> Vec<i32> {
    let mut years: Vec<i32> = scenario
        .series
        .iter()
        .flat_map(|s| s.observed.iter().map(|o| o.year))
        .filter(|&y| y < scenario.base_year)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// Moves `section` one place up (`-1`) or down (`+1`) among the chosen sections.
pub fn moved(sections: &[Section], section: Section, by: isize) -> Vec<Section> {
    let mut sections = sections.to_vec();
    if let Some(at) = sections.iter().position(|&s| s == section) {
        let to = at as isize + by;
        if (0..sections.len() as isize).contains(&to) {
            sections.swap(at, to as usize);
        }
    }
    sections
}

/// The form over `chapter`, for `scenario` (its history years) in `lang`.
pub fn chapter_form(
    ui: &mut egui::Ui,
    chapter: &mut ChapterSettings,
    scenario: &Scenario,
    lang: Lang,
) {
    egui::Grid::new("chapter-frame")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(Tr::ChapterNumber.get(lang));
            ui.horizontal(|ui| {
                ui.add(egui::DragValue::new(&mut chapter.number).range(0..=99))
                    .accessible_name(Tr::ChapterNumber.get(lang));
                ui.label(RichText::new(Tr::ChapterNumberHint.get(lang)).weak());
            });
            ui.end_row();
            ui.label(Tr::ChapterTitle.get(lang));
            let mut title = lang.label(&chapter.title).to_owned();
            let field = ui
                .add(egui::TextEdit::singleline(&mut title).desired_width(360.0))
                .accessible_name(Tr::ChapterTitle.get(lang));
            if field.changed() {
                lang.set_label(&mut chapter.title, title);
            }
            ui.end_row();
            ui.label(Tr::HeadingNumbering.get(lang));
            ui.horizontal(|ui| {
                ui.radio_value(
                    &mut chapter.numbering,
                    Numbering::Plan,
                    Tr::NumberingPlan.get(lang),
                );
                ui.radio_value(
                    &mut chapter.numbering,
                    Numbering::Decimal,
                    Tr::NumberingDecimal.get(lang),
                );
            });
            ui.end_row();
        });
    ui.add_space(4.0);
    ui.strong(Tr::ChapterSections.get(lang));
    // The chosen sections in their order, then the others, unticked.
    let mut listed = chapter.sections.clone();
    listed.extend(
        Section::ALL
            .iter()
            .filter(|s| !chapter.sections.contains(s)),
    );
    egui::Grid::new("chapter-sections")
        .num_columns(3)
        .show(ui, |ui| {
            for section in listed {
                let name = section_name(section, lang);
                let mut included = chapter.sections.contains(&section);
                if ui.checkbox(&mut included, name).changed() {
                    if included {
                        chapter.sections.push(section);
                    } else {
                        chapter.sections.retain(|&s| s != section);
                    }
                }
                let position = chapter.sections.iter().position(|&s| s == section);
                let up = ui
                    .add_enabled(
                        position.is_some_and(|p| p > 0),
                        egui::Button::new("↑").small(),
                    )
                    .on_hover_text(Tr::MoveUp.get(lang))
                    .accessible_name(format!("{} {name}", Tr::MoveUp.get(lang)));
                if up.clicked() {
                    chapter.sections = moved(&chapter.sections, section, -1);
                }
                let down = ui
                    .add_enabled(
                        position.is_some_and(|p| p + 1 < chapter.sections.len()),
                        egui::Button::new("↓").small(),
                    )
                    .on_hover_text(Tr::MoveDown.get(lang))
                    .accessible_name(format!("{} {name}", Tr::MoveDown.get(lang)));
                if down.clicked() {
                    chapter.sections = moved(&chapter.sections, section, 1);
                }
                ui.end_row();
            }
        });
    let years = history_years(scenario);
    ui.add_space(4.0);
    ui.strong(Tr::ChapterHistoryYears.get(lang));
    if years.is_empty() {
        // Named as the navigator names the view.
        let view = crate::ui::View::History.title().get(lang);
        ui.label(RichText::new(Tr::NoHistoryYears.fill(lang, &[&view])).weak());
    } else {
        ui.horizontal_wrapped(|ui| {
            for year in years {
                let mut shown = chapter.history_years.contains(&year);
                if ui.checkbox(&mut shown, year.to_string()).changed() {
                    if shown {
                        chapter.history_years.push(year);
                        chapter.history_years.sort_unstable();
                    } else {
                        chapter.history_years.retain(|&y| y != year);
                    }
                }
            }
        });
    }
    ui.checkbox(&mut chapter.every_figure, Tr::EveryFigure.get(lang));
    units_form(ui, chapter, scenario, lang);
}

/// The unit the chapter prints each series in: empty for the scenario's own; one that does
/// not convert from it is refused in words.
fn units_form(ui: &mut egui::Ui, chapter: &mut ChapterSettings, scenario: &Scenario, lang: Lang) {
    egui::CollapsingHeader::new(Tr::ChapterUnits.get(lang))
        .id_salt("chapter-units")
        .show(ui, |ui| {
            ui.label(RichText::new(Tr::ChapterUnitsHint.get(lang)).weak());
            egui::ScrollArea::vertical()
                .id_salt("chapter-units-list")
                .max_height(160.0)
                .show(ui, |ui| {
                    egui::Grid::new("chapter-units-grid")
                        .num_columns(2)
                        .show(ui, |ui| {
                            for series in &scenario.series {
                                let name = lang.label(&series.label);
                                ui.label(name);
                                let shown = chapter
                                    .unit_of(&series.key)
                                    .map_or_else(String::new, ToString::to_string);
                                let own = series.unit.to_string();
                                let typed = crate::ui::widgets::validated_edit_hinted(
                                    ui,
                                    ("chapter-unit", &series.key),
                                    shown,
                                    110.0,
                                    &format!("{} {name}", Tr::ChapterUnits.get(lang)),
                                    name,
                                    &own,
                                    |text| {
                                        let text = text.trim();
                                        if text.is_empty() || text == own {
                                            return Ok(None);
                                        }
                                        crate::units::Unit::parse(text)
                                            .ok()
                                            .filter(|unit| series.unit.factor_to(unit).is_ok())
                                            .map(Some)
                                            .ok_or_else(|| {
                                                Tr::ChapterUnitRefused.fill(lang, &[&text, &own])
                                            })
                                    },
                                );
                                if let Some(unit) = typed {
                                    chapter.units.retain(|u| u.series != series.key);
                                    if let Some(unit) = unit {
                                        chapter.units.push(crate::model::ChapterUnit {
                                            series: series.key.clone(),
                                            unit,
                                        });
                                    }
                                }
                                ui.end_row();
                            }
                        });
                });
        });
}
