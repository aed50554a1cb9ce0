//! Every place a scenario names a series by its key, listed once: renaming a series, removing
//! it and checking that every key names a series all walk these places, so none is missed (a
//! driver, a capacity's emissions, a water body's non-point load, an uncertain rate, the
//! footprint's population, a target's or an indicator's metric, the chapter's units).

use super::{IndicatorLink, Metric, Rule, Scenario};

/// Where a series key is used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeriesUse {
    /// The rule of this series is driven by, or grows as, the key.
    Driver { series: String },
    /// The emissions this capacity is compared with.
    Capacity { pollutant: String },
    /// The water method's non-point load of this pollutant follows the key.
    NonpointLoad { pollutant: String },
    /// An uncertain rate.
    Uncertain,
    /// The footprint's population.
    Footprint,
    /// This target's metric.
    Target { key: String },
    /// This indicator's link to the projection.
    Indicator { number: String },
    /// The unit the chapter prints the key in.
    ChapterUnit,
    /// What goal seek moves or watches (given by its caller, not held in the file).
    GoalSeek,
    /// What a sensitivity analysis watches.
    Sensitivity,
    /// A fan chart asked of a Monte Carlo run.
    FanChart,
    /// A series asked of a comparison of scenarios.
    Comparison,
}

impl std::fmt::Display for SeriesUse {
    /// The place in the words of a message (English: the file's names).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SeriesUse::Driver { series } => write!(f, "series \"{series}\""),
            SeriesUse::Capacity { pollutant } => write!(f, "capacity \"{pollutant}\""),
            SeriesUse::NonpointLoad { pollutant } => {
                write!(f, "the water method's non-point load of {pollutant}")
            }
            SeriesUse::Uncertain => write!(f, "an uncertain rate"),
            SeriesUse::Footprint => write!(f, "the footprint's population"),
            SeriesUse::Target { key } => write!(f, "target \"{key}\""),
            SeriesUse::Indicator { number } => write!(f, "indicator {number}"),
            SeriesUse::ChapterUnit => write!(f, "a unit of the chapter"),
            SeriesUse::GoalSeek => write!(f, "goal seek"),
            SeriesUse::Sensitivity => write!(f, "the sensitivity analysis"),
            SeriesUse::FanChart => write!(f, "a fan chart"),
            SeriesUse::Comparison => write!(f, "the comparison"),
        }
    }
}

fn metric_keys(metric: &Metric) -> Vec<&String> {
    match metric {
        Metric::Series(key) => vec![key],
        Metric::Ratio {
            numerator,
            denominator,
        } => vec![numerator, denominator],
    }
}

fn metric_keys_mut(metric: &mut Metric) -> Vec<&mut String> {
    match metric {
        Metric::Series(key) => vec![key],
        Metric::Ratio {
            numerator,
            denominator,
        } => vec![numerator, denominator],
    }
}

/// Every series key the scenario uses, with where: `place()` makes the place, so that a walk
/// that only reads the keys (the checks, on every edit) allocates nothing.
/// `for_each_series_key_mut` walks the same places in the same order (a test holds them
/// together).
pub fn for_each_series_key(
    scenario: &Scenario,
    mut visit: impl FnMut(&dyn Fn() -> SeriesUse, &str),
) {
    for series in &scenario.series {
        if let Rule::Driven { driver, .. } | Rule::GrowthAs { driver, .. } = &series.rule {
            let place = || SeriesUse::Driver {
                series: series.key.clone(),
            };
            visit(&place, driver);
        }
    }
    for capacity in &scenario.capacities {
        let place = || SeriesUse::Capacity {
            pollutant: capacity.pollutant.clone(),
        };
        visit(&place, &capacity.series);
    }
    for (pollutant, key) in &scenario.methods.water.nonpoint_series {
        let place = || SeriesUse::NonpointLoad {
            pollutant: pollutant.clone(),
        };
        visit(&place, key);
    }
    for uncertain in &scenario.uncertainty {
        visit(&|| SeriesUse::Uncertain, &uncertain.series);
    }
    for correlation in &scenario.correlations {
        visit(&|| SeriesUse::Uncertain, &correlation.between.0);
        visit(&|| SeriesUse::Uncertain, &correlation.between.1);
    }
    let population = &scenario.methods.footprint.population_series;
    if !population.is_empty() {
        visit(&|| SeriesUse::Footprint, population);
    }
    for target in &scenario.targets {
        let place = || SeriesUse::Target {
            key: target.key.clone(),
        };
        for key in metric_keys(&target.metric) {
            visit(&place, key);
        }
    }
    for indicator in &scenario.indicators {
        if let Some(IndicatorLink::Metric(metric)) = &indicator.link {
            let place = || SeriesUse::Indicator {
                number: indicator.number.clone(),
            };
            for key in metric_keys(metric) {
                visit(&place, key);
            }
        }
    }
    for shown in &scenario.chapter.units {
        visit(&|| SeriesUse::ChapterUnit, &shown.series);
    }
}

/// `for_each_series_key` with each key to change.
pub fn for_each_series_key_mut(
    scenario: &mut Scenario,
    mut visit: impl FnMut(SeriesUse, &mut String),
) {
    for series in &mut scenario.series {
        if let Rule::Driven { driver, .. } | Rule::GrowthAs { driver, .. } = &mut series.rule {
            visit(
                SeriesUse::Driver {
                    series: series.key.clone(),
                },
                driver,
            );
        }
    }
    for capacity in &mut scenario.capacities {
        let pollutant = capacity.pollutant.clone();
        visit(SeriesUse::Capacity { pollutant }, &mut capacity.series);
    }
    for (pollutant, key) in &mut scenario.methods.water.nonpoint_series {
        let pollutant = pollutant.clone();
        visit(SeriesUse::NonpointLoad { pollutant }, key);
    }
    for uncertain in &mut scenario.uncertainty {
        visit(SeriesUse::Uncertain, &mut uncertain.series);
    }
    for correlation in &mut scenario.correlations {
        visit(SeriesUse::Uncertain, &mut correlation.between.0);
        visit(SeriesUse::Uncertain, &mut correlation.between.1);
    }
    let population = &mut scenario.methods.footprint.population_series;
    if !population.is_empty() {
        visit(SeriesUse::Footprint, population);
    }
    for target in &mut scenario.targets {
        let key = target.key.clone();
        for series in metric_keys_mut(&mut target.metric) {
            visit(SeriesUse::Target { key: key.clone() }, series);
        }
    }
    for indicator in &mut scenario.indicators {
        let number = indicator.number.clone();
        if let Some(IndicatorLink::Metric(metric)) = &mut indicator.link {
            for series in metric_keys_mut(metric) {
                let use_ = SeriesUse::Indicator {
                    number: number.clone(),
                };
                visit(use_, series);
            }
        }
    }
    for shown in &mut scenario.chapter.units {
        visit(SeriesUse::ChapterUnit, &mut shown.series);
    }
}

/// Where `key` is used, in the visitor's order.
pub fn uses_of(scenario: &Scenario, key: &str) -> Vec<SeriesUse> {
    let mut uses = Vec::new();
    for_each_series_key(scenario, |place, used| {
        if used == key {
            uses.push(place());
        }
    });
    uses
}

/// Renames every use of the series `from` to `to` (the series itself is renamed by the caller).
pub fn rename_series_uses(scenario: &mut Scenario, from: &str, to: &str) {
    for_each_series_key_mut(scenario, |_, key| {
        if key == from {
            *key = to.to_owned();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::hanyang_plan;

    fn all(scenario: &Scenario) -> Vec<(SeriesUse, String)> {
        let mut found = Vec::new();
        for_each_series_key(scenario, |place, k| found.push((place(), k.to_owned())));
        found
    }

    #[test]
    fn both_walks_visit_the_same_places_in_the_same_order() {
        let mut scenario = hanyang_plan();
        scenario
            .methods
            .water
            .nonpoint_series
            .push(("COD".into(), "gdp".into()));
        let read = all(&scenario);
        let mut written = Vec::new();
        for_each_series_key_mut(&mut scenario, |u, k| written.push((u, k.clone())));
        assert_eq!(read, written);
        // The plan uses its series in each kind of place.
        for kind in [
            |u: &SeriesUse| matches!(u, SeriesUse::Driver { .. }),
            |u: &SeriesUse| matches!(u, SeriesUse::Capacity { .. }),
            |u: &SeriesUse| matches!(u, SeriesUse::NonpointLoad { .. }),
            |u: &SeriesUse| matches!(u, SeriesUse::Footprint),
            |u: &SeriesUse| matches!(u, SeriesUse::Target { .. }),
            |u: &SeriesUse| matches!(u, SeriesUse::Indicator { .. }),
        ] {
            assert!(read.iter().any(|(u, _)| kind(u)), "{read:?}");
        }
    }
}
