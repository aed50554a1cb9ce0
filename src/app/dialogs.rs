//! The modal questions: save changes?, a file that cannot be opened, remove a scenario?,
//! rename it, a path where no file dialog can open, and recovered work.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::{EcoplanApp, RecoveredWork};
use crate::charts::ChartSpec;
use crate::i18n::{Lang, Tr};
use crate::io;
use crate::io::export::Table;
use crate::ui::{Command, theme};

/// What a path is asked for.
#[derive(Clone, Debug)]
pub enum PathPurpose {
    Open,
    /// A filled-in table of indicator values.
    Import,
    SaveAs,
    /// A table as CSV, or every table as XLSX (`None`).
    Export(Option<Table>),
    /// The report (.docx).
    Report,
    SaveChart(Box<ChartSpec>),
}

impl PathPurpose {
    /// The extension the chosen file needs.
    pub fn extension(&self) -> &'static str {
        match self {
            PathPurpose::Open | PathPurpose::SaveAs => "ron",
            PathPurpose::Import => "xlsx",
            PathPurpose::Export(None | Some(Table::Indicators)) => "xlsx",
            PathPurpose::Report => "docx",
            PathPurpose::Export(Some(_)) => "csv",
            PathPurpose::SaveChart(_) => "png",
        }
    }
}

/// A modal question besides "save the changes?".
#[derive(Clone, Debug)]
pub enum Modal {
    /// Remove this member?
    ConfirmRemove(usize),
    /// File → Export the chapter: its frame, as edited (applied as one edit on export), and
    /// the outline of the frame last shown.
    Chapter {
        chapter: Box<crate::model::ChapterSettings>,
        outline: Vec<(u8, String)>,
        outline_of: Option<Box<crate::model::ChapterSettings>>,
    },
    /// The file was changed by someone else since it was opened or saved: overwrite it, save
    /// under another name, or not save.
    ChangedOnDisk {
        path: std::path::PathBuf,
        answers: super::documents::SaveAnswers,
        /// What waits for the save (closing, opening another file).
        then: Option<super::Pending>,
    },
    /// Members whose changes no change list holds would be saved whole, without their parent
    /// link: save so, or not save.
    Detach {
        path: std::path::PathBuf,
        names: Vec<String>,
        answers: super::documents::SaveAnswers,
        then: Option<super::Pending>,
    },
    /// The current member's new name, as typed.
    Rename(String),
    /// No file dialog could open: the path is typed here instead. `then` is what waits for the
    /// save (closing, opening another file) when "Save" answered "save the changes?".
    PathPrompt {
        purpose: PathPurpose,
        text: String,
        why: Tr,
        then: Option<super::Pending>,
    },
    /// File → New district…: what the new scenario is for.
    NewDistrict {
        name: String,
        region: String,
        /// As typed.
        base_year: String,
        kind: crate::plan::frame::PlaceKind,
        coastal: bool,
        /// As typed: "2027, 2030"; empty for base + 4 and base + 7.
        milestones: String,
        /// As typed: empty for the last milestone.
        horizon: String,
        /// The periods' names as typed, one per milestone: "创建期, 提升期".
        period_names: String,
        /// The path of a frame of one's own, as typed or picked.
        frame_path: String,
        /// The frame read from it (its file's name and rows); `None`: the national frame.
        frame: Option<Box<crate::plan::frame::Frame>>,
        /// Why the frame file could not be read, in the interface's language.
        frame_error: Option<String>,
    },
    /// The district's statistics, each row matched to a series (or a new one, or passed over)
    /// for the user to confirm or change before anything is applied.
    HistoryImport {
        path: PathBuf,
        /// Each sheet holding statistics, with its rows.
        sheets: Vec<(String, Vec<crate::io::history_table::HistoryRow>)>,
        sheet: usize,
        mapping: Vec<RowTarget>,
    },
    /// The changes a table would make, before they are applied.
    ImportPreview {
        path: PathBuf,
        values: Vec<crate::io::indicator_table::ImportedValue>,
    },
}

/// The new plan the dialog's fields describe, or why a field cannot be read (a milestone that
/// is not a year, named as typed).
fn new_plan_from(
    (name, region): (&str, &str),
    base_year: &str,
    place: crate::plan::frame::Place,
    (milestones, horizon, period_names): (&str, &str, &str),
    lang: Lang,
) -> Result<crate::plan::NewPlan, String> {
    let year = |text: &str, field: Tr| {
        text.trim().parse::<i32>().map_err(|_| {
            format!(
                "{}: \"{}\" {}",
                field.get(lang),
                text.trim(),
                Tr::NotAYear.get(lang)
            )
        })
    };
    let base_year = year(base_year, Tr::BaseYearLabel)?;
    let milestones = list_items(milestones)
        .map(|item| year(item, Tr::Milestones))
        .collect::<Result<Vec<i32>, String>>()?;
    let horizon = match horizon.trim() {
        "" => None,
        text => Some(year(text, Tr::Horizon)?),
    };
    Ok(crate::plan::NewPlan {
        name: name.trim().to_owned(),
        region: if region.trim().is_empty() {
            name.trim().to_owned()
        } else {
            region.trim().to_owned()
        },
        place,
        base_year,
        horizon,
        milestones,
        // Names may hold spaces ("creation period"): only commas and 、 part them.
        period_names: period_names
            .split([',', '，', '、', ';', '；'])
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_owned)
            .collect(),
        lang,
        frame: None,
    })
}

/// The items of a list typed with commas (either width), 、 or spaces between.
fn list_items(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', '，', '、', ';', '；', ' '])
        .map(str::trim)
        .filter(|item| !item.is_empty())
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
    let mut values = Vec::new();
    for (i, (row, key)) in rows.iter().zip(&keys).enumerate() {
        if let Some(key) = key {
            values.extend(row_values(&with_new, row, key).map_err(|e| (i, e))?);
        }
    }
    let changed = crate::io::indicator_table::with_values(&with_new, &values);
    Ok((changed, values))
}

/// The answers to "save the changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

impl EcoplanApp {
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let lang = self.lang();
        if let Some(action) = self.pending.clone() {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("ecoplan-unsaved")).show(ctx, |ui| {
                ui.heading(Tr::UnsavedTitle.get(lang));
                let question = if self.members.is_workspace() {
                    Tr::UnsavedQuestionWorkspace
                } else {
                    Tr::UnsavedQuestion
                };
                ui.label(question.get(lang));
                ui.horizontal(|ui| {
                    for (choice, label) in [
                        (UnsavedAnswer::Save, Tr::SaveChanges),
                        (UnsavedAnswer::Discard, Tr::Discard),
                        (UnsavedAnswer::Cancel, Tr::Cancel),
                    ] {
                        if ui.button(label.get(lang)).clicked() {
                            answer = Some(choice);
                        }
                    }
                });
            });
            match answer {
                Some(UnsavedAnswer::Save) => {
                    self.pending = None;
                    // A path being typed, or a question the save asks: the action waits.
                    let saved = self.save();
                    self.then_after_save(ctx, saved, Some(action));
                }
                Some(UnsavedAnswer::Discard) => {
                    self.pending = None;
                    self.perform(ctx, action);
                }
                Some(UnsavedAnswer::Cancel) => self.pending = None,
                None => {}
            }
        }
        if let Some(error) = self.open_error.clone() {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("ecoplan-open-error")).show(ctx, |ui| {
                ui.heading(Tr::CannotOpen.get(lang));
                ui.label(RichText::new(&error).monospace().color(theme::bad()));
                close = ui.button(Tr::Close.get(lang)).clicked();
            });
            if close {
                self.open_error = None;
            }
        }
        self.modal_ui(ctx, commands);
        self.palette_ui(ctx, commands);
        self.recovery_ui(ctx);
    }

    /// The headings the chapter would have with `chapter` as its frame, then (level 0) the
    /// sections chosen that have nothing to say for this scenario and are left out.
    fn outline(&self, chapter: &crate::model::ChapterSettings) -> Vec<(u8, String)> {
        let scenario = crate::model::Scenario {
            chapter: chapter.clone(),
            ..self.doc.scenario().clone()
        };
        let members = self.member_views();
        let compared: &[_] = if members.len() >= 2 { &members } else { &[] };
        let uncertainty = self.last_run();
        let input = crate::report::ChapterInput {
            scenario: &scenario,
            analysis: self.doc.analysis(),
            file: None,
            uncertainty,
            compared,
        };
        let lang = self.lang();
        let document = crate::report::chapter(&input, lang);
        let left_out = chapter
            .sections
            .iter()
            .filter(|&&s| !crate::report::has_content(&input, s))
            .map(|&s| (0, crate::ui::chapter_form::section_name(s, lang).to_owned()));
        std::iter::once((1, document.heading.clone()))
            .chain(
                document
                    .headings()
                    .map(|(level, text)| (level, text.to_owned())),
            )
            .chain(left_out)
            .collect()
    }

    /// Lets `then` wait for the save the open dialog is asking about (a path, an overwrite, a
    /// parent link), if one is open; else the save failed and `then` is dropped with it.
    fn hand_on(&mut self, then: Option<super::Pending>) {
        if let Some(
            Modal::PathPrompt { then: waiting, .. }
            | Modal::ChangedOnDisk { then: waiting, .. }
            | Modal::Detach { then: waiting, .. },
        ) = &mut self.modal
        {
            *waiting = then;
        }
    }

    /// What waited for a save: done once saved, else handed to the question the save asks
    /// now (or dropped with a failed save).
    fn then_after_save(&mut self, ctx: &egui::Context, saved: bool, then: Option<super::Pending>) {
        match then {
            Some(action) if saved => self.perform(ctx, action),
            then => self.hand_on(then),
        }
    }

    fn modal_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let lang = self.lang();
        let Some(mut modal) = self.modal.take() else {
            return;
        };
        let mut done = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        match &mut modal {
            Modal::ConfirmRemove(index) => {
                let index = *index;
                let name = self
                    .members
                    .slots
                    .get(index)
                    .map_or_else(String::new, |s| s.name.clone());
                egui::Modal::new(egui::Id::unique("ecoplan-remove")).show(ctx, |ui| {
                    ui.heading(Tr::RemoveScenario.get(lang));
                    ui.label(format!("{} {name}", Tr::RemoveQuestion.get(lang)));
                    ui.horizontal(|ui| {
                        if ui.button(Tr::Remove.get(lang)).clicked() {
                            commands.push(Command::RemoveMember(index));
                            done = true;
                        }
                        if ui.button(Tr::Cancel.get(lang)).clicked() {
                            done = true;
                        }
                    });
                });
            }
            Modal::Chapter {
                chapter,
                outline,
                outline_of,
            } => {
                if outline_of.as_deref() != Some(&**chapter) {
                    *outline = self.outline(chapter);
                    *outline_of = Some(chapter.clone());
                }
                let mut export = false;
                egui::Modal::new(egui::Id::unique("ecoplan-chapter")).show(ctx, |ui| {
                    ui.heading(Tr::ChapterDialogTitle.get(lang));
                    ui.horizontal_top(|ui| {
                        ui.vertical(|ui| {
                            crate::ui::chapter_form::chapter_form(
                                ui,
                                chapter,
                                self.doc.scenario(),
                                lang,
                            );
                        });
                        // No vertical separator: it takes the whole height the modal had,
                        // and the modal grows by it every frame.
                        ui.add_space(24.0);
                        ui.vertical(|ui| {
                            ui.set_max_width(300.0);
                            ui.strong(Tr::ChapterOutline.get(lang));
                            egui::ScrollArea::vertical()
                                .id_salt("chapter-outline")
                                .max_height(360.0)
                                .show(ui, |ui| {
                                    for (level, text) in outline.iter().filter(|(l, _)| *l > 0) {
                                        let indent = 12.0 * f32::from(level.saturating_sub(1));
                                        ui.horizontal(|ui| {
                                            ui.add_space(indent);
                                            if *level <= 1 {
                                                ui.strong(text);
                                            } else {
                                                ui.label(text);
                                            }
                                        });
                                    }
                                    let left_out: Vec<&str> = outline
                                        .iter()
                                        .filter(|(level, _)| *level == 0)
                                        .map(|(_, text)| text.as_str())
                                        .collect();
                                    if !left_out.is_empty() {
                                        ui.add_space(6.0);
                                        ui.label(
                                            RichText::new(Tr::SectionsLeftOut.fill(
                                                lang,
                                                &[&left_out.join(Tr::ListSeparator.get(lang))],
                                            ))
                                            .weak(),
                                        );
                                    }
                                });
                        });
                    });
                    ui.separator();
                    ui.horizontal(|ui| {
                        export = ui.button(Tr::ExportChapter.get(lang)).clicked();
                        if ui.button(Tr::Cancel.get(lang)).clicked() {
                            done = true;
                        }
                    });
                });
                if export {
                    // The frame goes into the scenario (undoable, saved with it) before the
                    // chapter is written from it.
                    if **chapter != self.doc.scenario().chapter {
                        self.apply_edit(crate::document::Edit::SetChapter {
                            chapter: chapter.clone(),
                        });
                    }
                    done = true;
                    self.ask_path(PathPurpose::Report, "report.docx");
                }
            }
            Modal::Detach {
                path,
                names,
                answers,
                then,
            } => {
                let (path, answers) = (path.clone(), *answers);
                let mut save = None;
                egui::Modal::new(egui::Id::unique("ecoplan-detach")).show(ctx, |ui| {
                    ui.heading(Tr::DetachTitle.get(lang));
                    ui.label(Tr::DetachQuestion.fill(lang, &[&names.join("、")]));
                    ui.horizontal(|ui| {
                        if ui.button(Tr::SaveDetached.get(lang)).clicked() {
                            save = Some(true);
                        }
                        if ui.button(Tr::Cancel.get(lang)).clicked() {
                            save = Some(false);
                        }
                    });
                });
                match save {
                    Some(true) => {
                        done = true;
                        let answers = super::documents::SaveAnswers {
                            detach: true,
                            ..answers
                        };
                        let (saved, then) = (self.save_answered(path, answers), then.take());
                        self.then_after_save(ctx, saved, then);
                    }
                    Some(false) => done = true,
                    None => {}
                }
            }
            Modal::ChangedOnDisk {
                path,
                answers,
                then,
            } => {
                let (path, answers) = (path.clone(), *answers);
                let mut answer = None;
                egui::Modal::new(egui::Id::unique("ecoplan-changed-on-disk")).show(ctx, |ui| {
                    ui.heading(Tr::ChangedOnDiskTitle.get(lang));
                    ui.label(Tr::ChangedOnDiskQuestion.fill(lang, &[&path.display()]));
                    ui.horizontal(|ui| {
                        for (choice, label) in [
                            (UnsavedAnswer::Save, Tr::OverwriteTheirChange),
                            (UnsavedAnswer::Discard, Tr::SaveAs),
                            (UnsavedAnswer::Cancel, Tr::Cancel),
                        ] {
                            if ui.button(label.get(lang)).clicked() {
                                answer = Some(choice);
                            }
                        }
                    });
                });
                match answer {
                    Some(UnsavedAnswer::Save) => {
                        done = true;
                        let answers = super::documents::SaveAnswers {
                            overwrite: true,
                            ..answers
                        };
                        let (saved, then) = (self.save_answered(path, answers), then.take());
                        self.then_after_save(ctx, saved, then);
                    }
                    Some(UnsavedAnswer::Discard) => {
                        // Save as asks for the path in a dialog of its own.
                        done = true;
                        let (saved, then) = (self.save_as(), then.take());
                        self.then_after_save(ctx, saved, then);
                    }
                    Some(UnsavedAnswer::Cancel) => done = true,
                    None => {}
                }
            }
            Modal::Rename(text) => {
                let problem = self.members.rename_problem(self.members.current, text);
                egui::Modal::new(egui::Id::unique("ecoplan-rename")).show(ctx, |ui| {
                    ui.heading(Tr::RenameScenario.get(lang));
                    let field = ui
                        .add(egui::TextEdit::singleline(text).desired_width(320.0))
                        .accessible_name(Tr::NewName.get(lang));
                    // The field takes the keyboard when the dialog opens; Tab still reaches the buttons.
                    if ui.memory(|m| m.focused().is_none()) && !field.lost_focus() {
                        field.request_focus();
                    }
                    if let Some(problem) = problem {
                        ui.label(RichText::new(problem.get(lang)).color(theme::bad()));
                    }
                    let entered =
                        field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.horizontal(|ui| {
                        let ok = ui.add_enabled(
                            problem.is_none(),
                            egui::Button::new(Tr::Rename.get(lang)),
                        );
                        if (ok.clicked() || entered) && problem.is_none() {
                            commands.push(Command::RenameMember(text.clone()));
                            done = true;
                        }
                        if ui.button(Tr::Cancel.get(lang)).clicked() {
                            done = true;
                        }
                    });
                });
            }
            Modal::PathPrompt {
                purpose,
                text,
                why,
                then,
            } => {
                let mut chosen = None;
                egui::Modal::new(egui::Id::unique("ecoplan-path")).show(ctx, |ui| {
                    ui.heading(Tr::TypePath.get(lang));
                    ui.label(
                        RichText::new(format!("{}: {}", Tr::NoFileDialog.get(lang), why.get(lang)))
                            .weak(),
                    );
                    let field = ui
                        .add(egui::TextEdit::singleline(text).desired_width(480.0))
                        .accessible_name(Tr::FilePath.get(lang));
                    // Typing goes to the path at once, as in a file dialog.
                    // The field takes the keyboard when the dialog opens; Tab still reaches the buttons.
                    if ui.memory(|m| m.focused().is_none()) && !field.lost_focus() {
                        field.request_focus();
                    }
                    let entered =
                        field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.horizontal(|ui| {
                        let ok = ui.add_enabled(
                            !text.trim().is_empty(),
                            egui::Button::new(Tr::Ok.get(lang)),
                        );
                        if (ok.clicked() || entered) && !text.trim().is_empty() {
                            chosen = Some(PathBuf::from(text.trim()));
                        }
                        if ui.button(Tr::Cancel.get(lang)).clicked() {
                            done = true;
                        }
                    });
                });
                if let Some(path) = chosen {
                    self.path_chosen(purpose.clone(), path);
                    done = true;
                    if let Some(action) = then.take()
                        && !self.any_dirty()
                    {
                        self.perform(ctx, action);
                    }
                }
            }
            Modal::NewDistrict {
                name,
                region,
                base_year,
                kind,
                coastal,
                milestones,
                horizon,
                period_names,
                frame_path,
                frame,
                frame_error,
            } => {
                use crate::plan::frame::{Place, PlaceKind};
                let mut create = false;
                let (mut read_frame, mut browse, mut national) = (false, false, false);
                let plan = new_plan_from(
                    (name, region),
                    base_year,
                    Place {
                        kind: *kind,
                        coastal: *coastal,
                    },
                    (milestones, horizon, period_names),
                    lang,
                )
                .map(|plan| crate::plan::NewPlan {
                    frame: frame.as_deref().cloned(),
                    ..plan
                });
                egui::Modal::new(egui::Id::unique("ecoplan-new-district")).show(ctx, |ui| {
                    ui.heading(Tr::NewDistrict.get(lang).trim_end_matches('…'));
                    egui::Grid::new("new-district")
                        .num_columns(2)
                        .show(ui, |ui| {
                            for (label, text) in
                                [(Tr::DistrictName, &mut *name), (Tr::Region, &mut *region)]
                            {
                                ui.label(label.get(lang));
                                ui.add(egui::TextEdit::singleline(text).desired_width(280.0))
                                    .accessible_name(label.get(lang));
                                ui.end_row();
                            }
                            for (label, hint, text) in [
                                (Tr::BaseYearLabel, Tr::BaseYearHint, &mut *base_year),
                                (Tr::Milestones, Tr::MilestonesHint, &mut *milestones),
                                (Tr::PeriodNames, Tr::PeriodNamesHint, &mut *period_names),
                                (Tr::Horizon, Tr::HorizonHint, &mut *horizon),
                            ] {
                                ui.label(label.get(lang));
                                ui.add(
                                    egui::TextEdit::singleline(text)
                                        .hint_text(hint.get(lang))
                                        .desired_width(280.0),
                                )
                                .accessible_name(label.get(lang));
                                ui.end_row();
                            }
                            ui.label(Tr::PlaceKindLabel.get(lang));
                            ui.horizontal(|ui| {
                                for (option, label) in [
                                    (PlaceKind::District, Tr::KindDistrict),
                                    (PlaceKind::County, Tr::KindCounty),
                                    (PlaceKind::City, Tr::KindCity),
                                ] {
                                    ui.radio_value(kind, option, label.get(lang));
                                }
                            });
                            ui.end_row();
                            ui.label("");
                            ui.checkbox(coastal, Tr::CoastalLabel.get(lang));
                            ui.end_row();
                        });
                    let place = Place {
                        kind: *kind,
                        coastal: *coastal,
                    };
                    // The frame: the national one, or a workbook of one's own.
                    ui.horizontal_wrapped(|ui| {
                        ui.label(Tr::IndicatorFrame.get(lang));
                        ui.add(
                            egui::TextEdit::singleline(frame_path)
                                .hint_text(Tr::FrameFileHint.get(lang))
                                .desired_width(220.0),
                        )
                        .accessible_name(Tr::FrameFile.get(lang));
                        read_frame = ui.button(Tr::ReadFrame.get(lang)).clicked();
                        browse = ui.button(Tr::Browse.get(lang)).clicked();
                        national = ui
                            .add_enabled(
                                frame.is_some(),
                                egui::Button::new(Tr::UseNationalFrame.get(lang)),
                            )
                            .clicked();
                    });
                    if let Some(error) = frame_error.as_deref() {
                        ui.label(RichText::new(error).color(theme::bad()));
                    }
                    let shown = frame
                        .as_deref()
                        .unwrap_or_else(|| crate::plan::frame::national_frame());
                    let applying = shown
                        .rows
                        .iter()
                        .filter(|r| r.scope.applies_to(place))
                        .count();
                    ui.label(
                        RichText::new(Tr::FrameRows.fill(
                            lang,
                            &[
                                &lang.label(&shown.name),
                                &Tr::NewDistrictRows.fill(lang, &[&applying, &shown.rows.len()]),
                            ],
                        ))
                        .weak(),
                    );
                    let years = plan
                        .as_ref()
                        .map_err(Clone::clone)
                        .and_then(|plan| plan.years().map_err(|error| error.message(lang)));
                    match &years {
                        Ok((milestones, horizon, _)) => {
                            let list: Vec<String> =
                                milestones.iter().map(ToString::to_string).collect();
                            ui.label(
                                RichText::new(Tr::NewPlanYearsSummary.fill(
                                    lang,
                                    &[
                                        &base_year.trim(),
                                        &list.join(Tr::ListSeparator.get(lang)),
                                        horizon,
                                    ],
                                ))
                                .weak(),
                            );
                        }
                        Err(reason) => {
                            ui.label(RichText::new(reason).color(theme::bad()));
                        }
                    }
                    ui.horizontal(|ui| {
                        create = ui
                            .add_enabled(
                                years.is_ok(),
                                egui::Button::new(Tr::CreateDistrict.get(lang)),
                            )
                            .clicked();
                        if ui.button(Tr::Cancel.get(lang)).clicked() {
                            done = true;
                        }
                    });
                });
                if browse {
                    match self.dialogs.pick_table() {
                        super::Picked::Path(path) => {
                            *frame_path = path.display().to_string();
                            read_frame = true;
                        }
                        super::Picked::Cancelled => {}
                        super::Picked::Unavailable(why) => {
                            *frame_error = Some(format!(
                                "{}: {}",
                                why.get(lang),
                                Tr::TypeFramePath.get(lang)
                            ));
                        }
                    }
                }
                // The path field is what the plan is made from: Create reads it too, and a file
                // that cannot be read leaves no frame of the last one behind.
                if read_frame || (create && !frame_path.trim().is_empty()) {
                    match crate::io::frame_table::read_frame(std::path::Path::new(
                        frame_path.trim(),
                    )) {
                        Ok(read) => {
                            *frame = Some(Box::new(read));
                            *frame_error = None;
                        }
                        Err(error) => {
                            *frame = None;
                            *frame_error = Some(error.in_lang(lang));
                            create = false;
                        }
                    }
                }
                if national {
                    *frame = None;
                    *frame_error = None;
                    frame_path.clear();
                }
                let plan = plan.map(|plan| crate::plan::NewPlan {
                    frame: frame.as_deref().cloned(),
                    ..plan
                });
                if create
                    && let Ok(plan) = &plan
                    && let Ok(scenario) = crate::plan::new_district(plan)
                {
                    done = true;
                    self.request(ctx, super::Pending::New(Box::new(scenario)));
                }
            }
            Modal::HistoryImport {
                path,
                sheets,
                sheet,
                mapping,
            } => {
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
                                    for header in
                                        [Tr::RowInSheet, Tr::Unit, Tr::HistoryYears, Tr::GoesInto]
                                    {
                                        ui.strong(header.get(lang));
                                    }
                                    ui.end_row();
                                    for (i, row) in sheets[*sheet].1.iter().enumerate() {
                                        ui.label(&row.name).on_hover_text(&row.place);
                                        ui.label(row.unit.as_deref().unwrap_or("–"));
                                        let years: Vec<i32> =
                                            row.values.iter().map(|v| v.0).collect();
                                        ui.label(format!(
                                            "{}–{} ({})",
                                            years.iter().min().unwrap_or(&0),
                                            years.iter().max().unwrap_or(&0),
                                            years.len()
                                        ));
                                        let shown = match &mapping[i] {
                                            RowTarget::Skip => Tr::DoNotImport.get(lang).to_owned(),
                                            RowTarget::NewSeries => {
                                                Tr::AsNewSeries.get(lang).to_owned()
                                            }
                                            RowTarget::Series(key) => {
                                                scenario.series(key).map_or_else(
                                                    || key.clone(),
                                                    |s| lang.label(&s.label).to_owned(),
                                                )
                                            }
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
                                                RichText::new(error.in_lang(lang))
                                                    .color(theme::bad()),
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
                                    values_grid(
                                        ui,
                                        "history-values-grid",
                                        changed,
                                        values,
                                        lang,
                                        220.0,
                                    );
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
            }
            Modal::ImportPreview { path, values } => {
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
                    let changed =
                        crate::io::indicator_table::with_values(self.doc.scenario(), values);
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
            }
        }
        // A modal the path chosen replaced (another prompt) stays replaced.
        if !done && self.modal.is_none() {
            self.modal = Some(modal);
        }
    }

    /// Offers back the work of every session that ended without saving, one row each.
    fn recovery_ui(&mut self, ctx: &egui::Context) {
        if self.offered_recovery.is_empty() && self.recovery_notes.is_empty() {
            return;
        }
        let lang = self.lang();
        #[derive(Clone, Copy)]
        enum Answer {
            Restore(usize),
            Discard(usize),
            Later,
        }
        let mut answer = None;
        let here = !self.restored_here && !self.any_dirty();
        egui::Modal::new(egui::Id::unique("ecoplan-recovery")).show(ctx, |ui| {
            ui.heading(Tr::RecoveryTitle.get(lang));
            if !self.offered_recovery.is_empty() {
                ui.label(Tr::RecoveryQuestion.get(lang));
            }
            let now = std::time::SystemTime::now();
            for (index, work) in self.offered_recovery.iter().enumerate() {
                ui.group(|ui| {
                    ui.set_width(520.0);
                    ui.label(RichText::new(recovered_names(work)).strong());
                    let origin = work.origin.as_ref().map_or_else(
                        || Tr::BuiltIn.get(lang).to_owned(),
                        |p| p.display().to_string(),
                    );
                    let age = work
                        .saved_at
                        .and_then(|t| now.duration_since(t).ok())
                        .map(|d| ago(lang, d))
                        .unwrap_or_default();
                    ui.label(RichText::new(format!("{origin} · {age}")).weak());
                    ui.horizontal(|ui| {
                        let restore = if here {
                            Tr::Restore
                        } else {
                            Tr::RestoreInNewWindow
                        };
                        if ui.button(restore.get(lang)).clicked() {
                            answer = Some(Answer::Restore(index));
                        }
                        if ui.button(Tr::Discard.get(lang)).clicked() {
                            answer = Some(Answer::Discard(index));
                        }
                    });
                });
            }
            if !self.recovery_notes.is_empty() {
                ui.separator();
                ui.label(RichText::new(Tr::RecoveryUnreadable.get(lang)).color(theme::bad()));
                for note in &self.recovery_notes {
                    ui.label(RichText::new(note).monospace());
                }
            }
            ui.separator();
            // With work left to offer, closing means "ask me again next time".
            let close = if self.offered_recovery.is_empty() {
                Tr::Close
            } else {
                Tr::Later
            };
            if ui.button(close.get(lang)).clicked() {
                answer = Some(Answer::Later);
            }
        });
        match answer {
            None => {}
            Some(Answer::Restore(index)) => {
                let work = self.offered_recovery.remove(index);
                if here {
                    self.restore(work);
                } else if let Some(recovery) = &self.recovery {
                    let file = work.file(recovery.dir());
                    // Let go of the claim first, so that the new window can take it.
                    drop(work);
                    if let Err(error) = (self.launcher)(&file, self.lang()) {
                        self.message = Some(error);
                    }
                }
            }
            Some(Answer::Discard(index)) => {
                let work = self.offered_recovery.remove(index);
                if let Some(recovery) = &self.recovery {
                    recovery.discard(work);
                }
            }
            // Unclaimed, the work is offered again at the next start.
            Some(Answer::Later) => {
                self.offered_recovery.clear();
                self.recovery_notes.clear();
            }
        }
    }
}

/// The scenario, or the workspace's members, that recovered work holds.
fn recovered_names(work: &RecoveredWork) -> String {
    match &work.loaded {
        io::Loaded::Scenario(scenario) => scenario.metadata.name.clone(),
        io::Loaded::Workspace(workspace) => {
            let names: Vec<&str> = workspace
                .workspace
                .iter()
                .map(|m| m.name.as_str())
                .collect();
            names.join(" / ")
        }
    }
}

/// How long ago, in the largest whole unit.
fn ago(lang: Lang, elapsed: std::time::Duration) -> String {
    let minutes = elapsed.as_secs() / 60;
    let (count, unit) = match minutes {
        0 => return Tr::JustNow.get(lang).to_owned(),
        1..60 => (minutes, Tr::MinutesAgo),
        60..1440 => (minutes / 60, Tr::HoursAgo),
        _ => (minutes / 1440, Tr::DaysAgo),
    };
    format!("{count} {}", unit.get(lang))
}
