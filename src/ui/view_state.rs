//! What each view keeps between frames, one struct per view (egui's demo keeps each demo's in
//! the demo): a view is handed its own and no other's, so a pick in one (a series overlaid in
//! Compare) cannot start work in another (the Uncertainty view's Monte Carlo). Where nothing
//! is chosen yet, what is shown comes from the open scenario, never from another district's
//! keys.

use serde::{Deserialize, Serialize};

use crate::model::Scenario;

/// The projections view: which series its chart draws.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectionsState {
    /// The series ticked; `None` until the user ticks one (`chart_series_in`).
    pub chart_series: Option<Vec<String>>,
}

impl ProjectionsState {
    /// The series the chart draws: those ticked that the scenario has, or, before any is
    /// ticked (or where none ticked is in this scenario, another district's), the first series
    /// of each group (the economy, the population, water, energy, emissions, …), so a new
    /// district's chart shows its own series.
    pub fn chart_series_in(&self, scenario: &Scenario) -> Vec<String> {
        let ticked: Vec<String> = self
            .chart_series
            .iter()
            .flatten()
            .filter(|key| scenario.series(key).is_some())
            .cloned()
            .collect();
        match &self.chart_series {
            Some(keys) if keys.is_empty() || !ticked.is_empty() => ticked,
            _ => crate::model::Group::ALL
                .iter()
                .filter_map(|group| scenario.series.iter().find(|s| s.group == *group))
                .map(|s| s.key.clone())
                .collect(),
        }
    }
}

/// The indicators view: its filters and the row whose details it shows.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IndicatorsState {
    pub not_met_only: bool,
    pub hard_only: bool,
    /// The indicator whose details the side panel shows, by position.
    pub selected: Option<usize>,
}

/// What a what-if ghost was made for: the scenario it shows (the parent member's document by
/// its revision, or the current document's reference state), the horizon it was projected to,
/// and the current scenario's revision it was compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GhostKey {
    pub parent: bool,
    pub source_revision: u64,
    pub horizon: i32,
    pub current_revision: u64,
}

/// The what-if view: its ghost and its question of which lever matters most.
#[derive(Clone, Debug, Default)]
pub struct WhatIfState {
    /// The ghost it draws (the parent or the saved scenario, at the current horizon): its
    /// analysis, or none where it is the current scenario itself, kept for the revisions it
    /// was made for.
    pub ghost: Option<(GhostKey, Option<Box<crate::engine::Analysis>>)>,
    /// Which assumption matters most, asked of the view's own runs.
    pub importance: super::ImportanceState,
}

/// The Uncertainty view: its run's settings, its fan and its question of which assumption
/// drives a result.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct UncertaintyState {
    pub runs: usize,
    pub seed: u64,
    pub latin_hypercube: bool,
    /// The fan's series where the user picked one (`fan_series_in`).
    pub fan_series: Option<String>,
    #[serde(skip)]
    pub importance: super::ImportanceState,
}

impl Default for UncertaintyState {
    fn default() -> UncertaintyState {
        UncertaintyState {
            runs: crate::engine::uncertainty::DEFAULT_RUNS,
            seed: 1,
            latin_hypercube: false,
            fan_series: None,
            importance: super::ImportanceState::default(),
        }
    }
}

impl UncertaintyState {
    /// The fan's series: the one picked, where the scenario has it, else `default_series`.
    pub fn fan_series_in(&self, scenario: &Scenario) -> String {
        picked_or_default(self.fan_series.as_deref(), scenario)
    }
}

/// The Compare view: the series it overlays (and its slide shows).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CompareState {
    /// Where the user picked one (`series_in`).
    pub series: Option<String>,
}

impl CompareState {
    /// The overlaid series, as `UncertaintyState::fan_series_in`, of the reference scenario.
    pub fn series_in(&self, scenario: &Scenario) -> String {
        picked_or_default(self.series.as_deref(), scenario)
    }
}

fn picked_or_default(picked: Option<&str>, scenario: &Scenario) -> String {
    picked
        .filter(|key| scenario.series(key).is_some())
        .map_or_else(|| default_series(scenario), str::to_owned)
}

/// The series a view about risks shows before the user picks one: what the first capacity
/// compares with its emission (COD in a plan that has a water capacity), else the first series.
pub fn default_series(scenario: &Scenario) -> String {
    scenario
        .capacities
        .iter()
        .map(|c| c.series.as_str())
        .find(|key| scenario.series(key).is_some())
        .or_else(|| scenario.series.first().map(|s| s.key.as_str()))
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in plan with its keys renamed as another district's statistics would name
    /// them: nothing may fall back on the plan's own keys.
    fn another_district() -> Scenario {
        let mut scenario = crate::plan::hanyang_plan();
        for (from, to) in [
            ("gdp", "grp"),
            ("cod", "cod_total"),
            ("energy", "energy_use"),
        ] {
            crate::document::Edit::RenameSeries {
                from: from.into(),
                to: to.into(),
            }
            .apply(&mut scenario)
            .unwrap();
        }
        scenario
    }

    #[test]
    fn what_a_view_shows_before_a_pick_is_the_open_scenarios() {
        let scenario = another_district();
        // The fan and the overlay: what the first capacity compares, by its new key.
        assert_eq!(
            UncertaintyState::default().fan_series_in(&scenario),
            "cod_total"
        );
        assert_eq!(CompareState::default().series_in(&scenario), "cod_total");
        // The projections chart: the first series of each group, the economy's by its new key.
        let shown = ProjectionsState::default().chart_series_in(&scenario);
        assert_eq!(shown.first().map(String::as_str), Some("grp"));
        assert!(shown.contains(&"energy_use".to_owned()), "{shown:?}");
        // A pick of another district's keys is no pick here.
        let picked = ProjectionsState {
            chart_series: Some(vec!["gdp".into(), "water_domestic".into()]),
        };
        assert_eq!(picked.chart_series_in(&scenario), ["water_domestic"]);
        let stale = ProjectionsState {
            chart_series: Some(vec!["gdp".into()]),
        };
        assert_eq!(stale.chart_series_in(&scenario), shown);
        // Nothing ticked on purpose stays nothing.
        let none = ProjectionsState {
            chart_series: Some(Vec::new()),
        };
        assert!(none.chart_series_in(&scenario).is_empty());
        let fan = UncertaintyState {
            fan_series: Some("gdp".into()),
            ..UncertaintyState::default()
        };
        assert_eq!(fan.fan_series_in(&scenario), "cod_total");
    }
}
