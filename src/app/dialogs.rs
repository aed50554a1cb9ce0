//! The modal questions: save changes?, a file changed on disk, remove a scenario?, rename it,
//! the chapter's frame, a path where no file dialog can open. The new district's dialog
//! (`new_district`), the imports' previews (`import_dialogs`) and recovered work
//! (`recovery_dialog`) have modules of their own.

use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText};

use super::EcoplanApp;
use crate::charts::ChartSpec;
use crate::i18n::Tr;
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
    /// Whether the chosen file is written, replacing one there (not read).
    pub fn writes(&self) -> bool {
        !matches!(self, PathPurpose::Open | PathPurpose::Import)
    }

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
    NewDistrict(super::new_district::NewDistrictForm),
    /// The district's statistics, each row matched to a series (or a new one, or passed over)
    /// for the user to confirm or change before anything is applied.
    HistoryImport(super::import_dialogs::HistoryImportForm),
    /// The changes a table would make, before they are applied.
    ImportPreview {
        path: PathBuf,
        values: Vec<crate::io::indicator_table::ImportedValue>,
    },
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
                    ui.label(Tr::RemoveQuestion.fill(lang, &[&name]));
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
                    let name = format!("{}.docx", self.file_stem());
                    self.ask_path(PathPurpose::Report, &name);
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
                        RichText::new(crate::i18n::lead(
                            lang,
                            Tr::NoFileDialog.get(lang),
                            why.get(lang),
                        ))
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
                    // A file already there is replaced only when the button says so, as a
                    // system's save dialog asks first.
                    let replaces = purpose.writes() && Path::new(text.trim()).is_file();
                    if replaces {
                        ui.label(RichText::new(Tr::ReplacesFile.get(lang)).color(theme::near()));
                    }
                    ui.horizontal(|ui| {
                        let ok = ui.add_enabled(
                            !text.trim().is_empty(),
                            egui::Button::new(
                                if replaces { Tr::ReplaceFile } else { Tr::Ok }.get(lang),
                            ),
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
            Modal::NewDistrict(form) => done |= self.new_district_ui(ctx, form),
            Modal::HistoryImport(form) => done |= self.history_import_ui(ctx, form, commands),
            Modal::ImportPreview { path, values } => {
                done |= self.import_preview_ui(ctx, path, values, commands);
            }
        }
        // A modal the path chosen replaced (another prompt) stays replaced.
        if !done && self.modal.is_none() {
            self.modal = Some(modal);
        }
    }
}
