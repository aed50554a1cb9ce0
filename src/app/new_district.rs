//! File → New district…: the dialog that asks what the new scenario is for (its name,
//! years, the kind of place and the indicator frame) and makes it from the national frame.

use eframe::egui::{self, RichText};

use super::EcoplanApp;
use crate::i18n::{Lang, Tr};
use crate::ui::theme;

/// What the dialog's fields hold, as typed.
#[derive(Clone, Debug)]
pub struct NewDistrictForm {
    pub name: String,
    pub region: String,
    /// As typed.
    pub base_year: String,
    pub kind: crate::plan::frame::PlaceKind,
    pub coastal: bool,
    /// As typed: "2027, 2030"; empty for base + 4 and base + 7.
    pub milestones: String,
    /// As typed: empty for the last milestone.
    pub horizon: String,
    /// The periods' names as typed, one per milestone: "创建期, 提升期".
    pub period_names: String,
    /// The path of a frame of one's own, as typed or picked.
    pub frame_path: String,
    /// The frame read from it (its file's name and rows); `None`: the national frame.
    pub frame: Option<Box<crate::plan::frame::Frame>>,
    /// Why the frame file could not be read, in the interface's language.
    pub frame_error: Option<String>,
}

impl EcoplanApp {
    /// The dialog; true when it is done (created, or cancelled).
    pub(super) fn new_district_ui(
        &mut self,
        ctx: &egui::Context,
        form: &mut NewDistrictForm,
    ) -> bool {
        let lang = self.lang();
        let mut done = false;
        let NewDistrictForm {
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
        } = form;
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
                    let list: Vec<String> = milestones.iter().map(ToString::to_string).collect();
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
                    *frame_error = Some(crate::i18n::lead(
                        lang,
                        why.get(lang),
                        Tr::TypeFramePath.get(lang),
                    ));
                }
            }
        }
        // The path field is what the plan is made from: Create reads it too, and a file
        // that cannot be read leaves no frame of the last one behind.
        if read_frame || (create && !frame_path.trim().is_empty()) {
            match crate::io::frame_table::read_frame(std::path::Path::new(frame_path.trim())) {
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
        done
    }
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
            crate::i18n::lead(
                lang,
                field.get(lang),
                &Tr::NotAYear.fill(lang, &[&text.trim()]),
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
