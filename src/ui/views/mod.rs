//! One module per view; each has `fn ui(ui, ctx, state)`.

mod assumptions;
mod baselines;
mod capacity;
mod capacity_edit;
mod compare;
mod ei;
mod footprint;
mod goal_seek;
mod history;
mod importance;
mod indicator_details;
mod indicator_target;
mod indicators;
mod method_edit;
mod methods;
mod overview;
mod plan;
mod projections;
mod projects;
mod rule_editor;
mod target_edit;
mod targets;
mod uncertainty;
mod whatif;
mod whatif_charts;

pub use whatif::{WHATIF_RUNS, bands_settings};

use eframe::egui;

use super::{UiState, View, ViewCtx};

use crate::charts::ChartKey;
use crate::i18n::Tr;
use crate::model::Medium;

/// One row per view: what it is called, its `--view` key (also its screenshot's name), the
/// charts it shows (presentation mode starts at them), and how it is drawn. The navigator, the
/// View menu, `--view` and the dispatch below all read this table.
pub struct ViewInfo {
    pub view: View,
    pub key: &'static str,
    pub title: Tr,
    pub charts: ChartsShown,
    pub ui: fn(&mut egui::Ui, &mut ViewCtx<'_>, &mut UiState),
}

/// Which of the scenario's charts (`charts::all_charts`) a view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartsShown {
    None,
    /// The capacity charts of one medium.
    Capacity(Medium),
    /// One chart per target.
    Targets,
    /// The projected series, one chart per group and unit.
    Groups,
    Footprint,
    Ei,
    /// The fans of the Monte Carlo run.
    Fans,
    /// The workspace's comparison.
    Comparison,
}

impl ChartsShown {
    pub fn shows(self, chart: &ChartKey, scenario: &crate::model::Scenario) -> bool {
        match (self, chart) {
            (ChartsShown::Capacity(medium), ChartKey::Capacity { pollutant }) => scenario
                .capacity(pollutant)
                .is_some_and(|c| c.medium == medium),
            (ChartsShown::Targets, ChartKey::Target { .. })
            | (ChartsShown::Groups, ChartKey::Group { .. })
            | (ChartsShown::Footprint, ChartKey::Footprint)
            | (ChartsShown::Ei, ChartKey::Ei)
            | (ChartsShown::Fans, ChartKey::Fan { .. })
            | (ChartsShown::Comparison, ChartKey::Comparison { .. }) => true,
            _ => false,
        }
    }
}

pub const VIEWS: [ViewInfo; 17] = [
    ViewInfo {
        view: View::Overview,
        key: "overview",
        title: Tr::Overview,
        charts: ChartsShown::None,
        ui: |ui, ctx, _| overview::ui(ui, ctx),
    },
    ViewInfo {
        view: View::Plan,
        key: "plan",
        title: Tr::PlanView,
        charts: ChartsShown::None,
        ui: |ui, ctx, _| plan::ui(ui, ctx),
    },
    ViewInfo {
        view: View::WhatIf,
        key: "whatif",
        title: Tr::WhatIfView,
        charts: ChartsShown::Capacity(Medium::Water),
        ui: |ui, ctx, state| whatif::ui(ui, ctx, &mut state.whatif),
    },
    ViewInfo {
        view: View::Baselines,
        key: "baselines",
        title: Tr::Baselines,
        charts: ChartsShown::None,
        ui: |ui, ctx, _| baselines::ui(ui, ctx),
    },
    ViewInfo {
        view: View::Assumptions,
        key: "assumptions",
        title: Tr::Assumptions,
        charts: ChartsShown::None,
        ui: |ui, ctx, _| assumptions::ui(ui, ctx),
    },
    ViewInfo {
        view: View::Projections,
        key: "projections",
        title: Tr::Projections,
        charts: ChartsShown::Groups,
        ui: |ui, ctx, state| projections::ui(ui, ctx, &mut state.projections),
    },
    ViewInfo {
        view: View::History,
        key: "history",
        title: Tr::HistoryView,
        charts: ChartsShown::None,
        ui: |ui, ctx, _| history::ui(ui, ctx),
    },
    ViewInfo {
        view: View::CapacityWater,
        key: "capacity-water",
        title: Tr::CapacityWater,
        charts: ChartsShown::Capacity(Medium::Water),
        ui: |ui, ctx, _| capacity::ui(ui, ctx, Medium::Water),
    },
    ViewInfo {
        view: View::CapacityAir,
        key: "capacity-air",
        title: Tr::CapacityAir,
        charts: ChartsShown::Capacity(Medium::Air),
        ui: |ui, ctx, _| capacity::ui(ui, ctx, Medium::Air),
    },
    ViewInfo {
        view: View::Indicators,
        key: "indicators",
        title: Tr::Indicators,
        charts: ChartsShown::None,
        ui: |ui, ctx, state| indicators::ui(ui, ctx, &mut state.indicators),
    },
    ViewInfo {
        view: View::Targets,
        key: "targets",
        title: Tr::Targets,
        charts: ChartsShown::Targets,
        ui: |ui, ctx, _| targets::ui(ui, ctx),
    },
    ViewInfo {
        view: View::Projects,
        key: "projects",
        title: Tr::Projects,
        charts: ChartsShown::None,
        ui: |ui, ctx, _| projects::ui(ui, ctx),
    },
    ViewInfo {
        view: View::Footprint,
        key: "footprint",
        title: Tr::Footprint,
        charts: ChartsShown::Footprint,
        ui: |ui, ctx, _| footprint::ui(ui, ctx),
    },
    ViewInfo {
        view: View::Ei,
        key: "ei",
        title: Tr::Ei,
        charts: ChartsShown::Ei,
        ui: |ui, ctx, _| ei::ui(ui, ctx),
    },
    ViewInfo {
        view: View::Uncertainty,
        key: "uncertainty",
        title: Tr::Uncertainty,
        charts: ChartsShown::Fans,
        ui: |ui, ctx, state| uncertainty::ui(ui, ctx, &mut state.uncertainty),
    },
    ViewInfo {
        view: View::GoalSeek,
        key: "goal-seek",
        title: Tr::GoalSeek,
        charts: ChartsShown::None,
        ui: |ui, ctx, state| goal_seek::ui(ui, ctx, &mut state.seek),
    },
    ViewInfo {
        view: View::Compare,
        key: "compare",
        title: Tr::Compare,
        charts: ChartsShown::Comparison,
        ui: |ui, ctx, state| compare::ui(ui, ctx, &mut state.compare),
    },
];

pub fn view_ui(ui: &mut egui::Ui, view: View, ctx: &mut ViewCtx<'_>, state: &mut UiState) {
    (view.info().ui)(ui, ctx, state);
}

/// A rule in words, as the Baselines table shows it.
pub use crate::i18n::{rule_in_words, rule_summary};

/// A numeric field whose value reaches the scenario through `edit`: checked by its domain and
/// the engine as typed (the reason shows while it is invalid), applied when committed.
fn edit_number(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    id_salt: impl egui::AsIdSalt,
    value: impl Into<Option<f64>>,
    field: &crate::ui::widgets::NumberField,
    edit: impl Fn(f64) -> crate::document::Edit,
) {
    let (doc, lang) = (ctx.doc, ctx.lang);
    if let Some(v) =
        crate::ui::widgets::optional_number_edit(ui, id_salt, value.into(), field, |v| {
            doc.check_in(lang, &edit(v))
        })
    {
        ctx.apply(edit(v));
    }
}

/// A chooser of one of the scenario's series by name; returns the key picked when it changes.
/// Without a choice yet (or one the scenario lacks) it asks for one.
fn series_combo(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    scenario: &crate::model::Scenario,
    chosen: Option<&str>,
    accessible_name: &str,
    lang: crate::i18n::Lang,
) -> Option<String> {
    let shown = chosen.and_then(|k| scenario.series(k)).map_or_else(
        || Tr::ChooseSeries.get(lang).to_owned(),
        |s| lang.label(&s.label).to_owned(),
    );
    let mut picked = None;
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(shown)
        .width(200.0)
        .show_ui(ui, |ui| {
            for series in &scenario.series {
                if ui
                    .selectable_label(
                        chosen == Some(series.key.as_str()),
                        lang.label(&series.label),
                    )
                    .clicked()
                {
                    picked = Some(series.key.clone());
                }
            }
        })
        .response
        .accessible_name(accessible_name);
    picked.filter(|k| Some(k.as_str()) != chosen)
}

/// A section heading with a little space above it.
fn section(ui: &mut egui::Ui, text: &str) {
    ui.add_space(8.0);
    ui.heading(text);
    ui.add_space(2.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_every_view_once_in_the_navigators_order() {
        let table: Vec<View> = VIEWS.iter().map(|info| info.view).collect();
        assert_eq!(table, View::ALL.to_vec());
        let mut keys: Vec<&str> = VIEWS.iter().map(|info| info.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), VIEWS.len());
        for view in View::ALL.iter().copied() {
            assert_eq!(View::from_key(view.key()), Some(view));
        }
    }
}
