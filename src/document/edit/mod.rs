//! Edits are values, applied in one place (`Document::apply`), so undo, the unsaved mark and
//! validation all follow from them.

use crate::i18n::{Lang, Tr};
use crate::model::{
    Capacity, CapacityBasis, Correlation, Indicator, Label, Metadata, Methods, Period, Project,
    Rule, Scenario, Series, Target, Uncertain,
};

mod describe;
mod refusal;
pub use refusal::EditRefusal;

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetBase {
        series: String,
        value: f64,
    },
    SetRule {
        series: String,
        rule: Rule,
    },
    /// A rule with the note of where it comes from (a fit to the history), in one step.
    SetRuleWithSource {
        series: String,
        rule: Rule,
        source: Label,
    },
    SetSeriesLabel {
        series: String,
        label: Label,
    },
    /// How many decimals a series is shown with everywhere (`None`: five significant digits).
    SetSeriesDecimals {
        series: String,
        decimals: Option<u8>,
    },
    /// Changes a series' key and every reference to it.
    RenameSeries {
        from: String,
        to: String,
    },
    AddSeries {
        series: Box<Series>,
    },
    RemoveSeries {
        series: String,
    },
    /// Puts a series back as the built-in plan has it.
    ReplaceSeries {
        series: Box<Series>,
    },
    /// Sets the horizon; refused below a milestone, which would hide it.
    SetHorizon {
        year: i32,
    },
    /// The plan's years: horizon, milestones and the periods' names, in one step.
    SetPlanYears {
        horizon: i32,
        milestones: Vec<i32>,
        periods: Vec<Period>,
    },
    /// The scenario's name, region, author and notes.
    SetMetadata {
        metadata: Box<Metadata>,
    },
    /// How the chapter is framed (number, title, sections, history years).
    SetChapter {
        chapter: Box<crate::model::ChapterSettings>,
    },
    /// Where a series' base value and rule come from, in both languages.
    SetSeriesSource {
        series: String,
        source: Label,
    },
    AddCapacity {
        capacity: Box<Capacity>,
    },
    /// Replaces the capacity of `pollutant` (its key may change with it).
    SetCapacityRow {
        pollutant: String,
        capacity: Box<Capacity>,
    },
    RemoveCapacity {
        pollutant: String,
    },
    AddTarget {
        target: Box<Target>,
    },
    /// Replaces the target `key` (its key may change with it).
    SetTarget {
        key: String,
        target: Box<Target>,
    },
    RemoveTarget {
        key: String,
    },
    SetNearThreshold {
        pollutant: String,
        fraction: f64,
    },
    SetCapacity {
        pollutant: String,
        value: f64,
    },
    SetCapacityBasis {
        pollutant: String,
        basis: CapacityBasis,
    },
    /// Replaces the list of uncertain rates (a correlation of a lever no longer uncertain
    /// goes with it).
    SetUncertainty {
        uncertainty: Vec<Uncertain>,
    },
    /// Replaces the rank correlations between uncertain levers.
    SetCorrelations {
        correlations: Vec<Correlation>,
    },
    /// Replaces the parameters of the capacity, footprint and EI methods.
    SetMethods {
        methods: Box<Methods>,
    },
    SetTargetThreshold {
        target: String,
        threshold: f64,
    },
    SetIndicator {
        index: usize,
        indicator: Box<Indicator>,
    },
    SetProject {
        index: usize,
        project: Box<Project>,
    },
    AddProject {
        project: Box<Project>,
    },
    RemoveProject {
        index: usize,
    },
    /// Moves the base year forward onto the history (`engine::rebase`): the scenario as the
    /// preview showed it.
    Rebase {
        scenario: Box<Scenario>,
        year: i32,
    },
    /// Replaces the whole scenario (New).
    ReplaceScenario {
        scenario: Box<Scenario>,
    },
    /// A workspace member takes up its parent's edit: the parent as edited, with the member's
    /// own changes on it (made by the window along with the parent's edit, undone with it).
    FollowParent {
        scenario: Box<Scenario>,
    },
    /// Replaces a series' observed values (a mid-term review's actual figures).
    SetSeriesObserved {
        series: String,
        observed: Vec<crate::model::Observation>,
    },
    /// Sets the values a table imported (File → Import values…), in one undo step: the
    /// scenario as the preview showed it (the preview is modal, so nothing changes between).
    ImportValues {
        scenario: Box<Scenario>,
        /// The table's file name.
        source: String,
    },
}

impl Edit {
    /// Applies the edit. Fails, leaving the scenario as it was, when what it names is gone.
    pub fn apply(&self, scenario: &mut Scenario) -> Result<(), EditRefusal> {
        let missing = |key: &str| EditRefusal::NoSeries(key.to_owned());
        match self {
            Edit::SetBase { series, value } => {
                scenario
                    .series_mut(series)
                    .ok_or_else(|| missing(series))?
                    .base = Some(*value);
            }
            Edit::SetRule { series, rule } => {
                let changed = scenario.series_mut(series).ok_or_else(|| missing(series))?;
                let before = crate::model::lever_value(&changed.rule);
                let rule_before = std::mem::replace(&mut changed.rule, rule.clone());
                // An uncertain rate whose distribution is centred on the lever keeps it so: the
                // lever sets the central value and the spread stays, so that bands follow a
                // slider. An off-centre distribution (typed so on purpose) stays where it is; so
                // does one whose rule changes kind (a rate is not an elasticity), or one that
                // moved would leave the valid rates: then the lever moves alone.
                let same_kind =
                    std::mem::discriminant(&rule_before) == std::mem::discriminant(rule);
                if let (Some(before), Some(after), true) =
                    (before, crate::model::lever_value(rule), same_kind)
                {
                    let elasticity = matches!(rule, Rule::GrowthAs { .. });
                    for uncertain in scenario
                        .uncertainty
                        .iter_mut()
                        .filter(|u| &u.series == series)
                    {
                        let moved = uncertain.distribution.recentred(before, after);
                        // Moved past what a rate may be (a lever set near ±100 %), its bounds
                        // stop there: the draws follow the lever rather than stay behind.
                        let (low, high) = crate::engine::lever_bounds(elasticity);
                        let moved = if crate::engine::distribution_is_valid(&moved, elasticity) {
                            moved
                        } else {
                            moved.within(low, high)
                        };
                        if crate::engine::distribution_is_valid(&moved, elasticity) {
                            uncertain.distribution = moved;
                        }
                    }
                }
            }
            Edit::SetRuleWithSource {
                series,
                rule,
                source,
            } => {
                let changed = scenario.series_mut(series).ok_or_else(|| missing(series))?;
                changed.rule = rule.clone();
                changed.source = source.clone();
            }
            Edit::SetSeriesLabel { series, label } => {
                scenario
                    .series_mut(series)
                    .ok_or_else(|| missing(series))?
                    .label = label.clone();
            }
            Edit::SetSeriesDecimals { series, decimals } => {
                scenario
                    .series_mut(series)
                    .ok_or_else(|| missing(series))?
                    .decimals = *decimals;
            }
            Edit::RenameSeries { from, to } => {
                if from == to {
                    return Ok(());
                }
                if scenario.series(to).is_some() {
                    return Err(EditRefusal::SeriesExists(to.clone()));
                }
                scenario.series_mut(from).ok_or_else(|| missing(from))?.key = to.clone();
                crate::model::references::rename_series_uses(scenario, from, to);
            }
            Edit::AddSeries { series } => scenario.series.push((**series).clone()),
            Edit::RemoveSeries { series } => {
                let before = scenario.series.len();
                scenario.series.retain(|s| &s.key != series);
                if scenario.series.len() == before {
                    return Err(missing(series));
                }
                // The chapter's unit for it goes with it; any other use keeps it.
                scenario.chapter.units.retain(|u| &u.series != series);
                let uses = crate::model::references::uses_of(scenario, series);
                if !uses.is_empty() {
                    return Err(EditRefusal::SeriesInUse {
                        series: series.clone(),
                        uses,
                    });
                }
            }
            Edit::ReplaceSeries { series } => {
                *scenario
                    .series_mut(&series.key)
                    .ok_or_else(|| missing(&series.key))? = (**series).clone();
            }
            Edit::SetHorizon { year } => {
                if let Some(&last) = scenario.milestones.iter().max()
                    && last > *year
                {
                    return Err(EditRefusal::HorizonBeforeMilestone {
                        horizon: *year,
                        milestone: last,
                    });
                }
                scenario.horizon = *year;
            }
            Edit::SetPlanYears {
                horizon,
                milestones,
                periods,
            } => {
                let mut sorted = milestones.clone();
                sorted.sort_unstable();
                sorted.dedup();
                if sorted.len() != milestones.len() {
                    return Err(EditRefusal::MilestoneTwice);
                }
                if let Some(&last) = sorted.last()
                    && last > *horizon
                {
                    return Err(EditRefusal::MilestoneAfterHorizon {
                        milestone: last,
                        horizon: *horizon,
                    });
                }
                scenario.horizon = *horizon;
                scenario.milestones = sorted;
                scenario.periods = periods
                    .iter()
                    .filter(|p| milestones.contains(&p.until) && !p.name.is_empty())
                    .cloned()
                    .collect();
            }
            Edit::SetMetadata { metadata } => scenario.metadata = (**metadata).clone(),
            Edit::SetChapter { chapter } => scenario.chapter = (**chapter).clone(),
            Edit::SetSeriesSource { series, source } => {
                scenario
                    .series_mut(series)
                    .ok_or_else(|| missing(series))?
                    .source = source.clone();
            }
            Edit::AddCapacity { capacity } => scenario.capacities.push((**capacity).clone()),
            Edit::SetCapacityRow {
                pollutant,
                capacity,
            } => {
                let row = scenario
                    .capacities
                    .iter_mut()
                    .find(|c| &c.pollutant == pollutant)
                    .ok_or_else(|| EditRefusal::NoCapacity(pollutant.clone()))?;
                *row = (**capacity).clone();
                if capacity.pollutant != *pollutant {
                    rename_pollutant(&mut scenario.methods, pollutant, &capacity.pollutant);
                }
            }
            Edit::RemoveCapacity { pollutant } => {
                let before = scenario.capacities.len();
                scenario.capacities.retain(|c| &c.pollutant != pollutant);
                if scenario.capacities.len() == before {
                    return Err(EditRefusal::NoCapacity(pollutant.clone()));
                }
            }
            Edit::AddTarget { target } => scenario.targets.push((**target).clone()),
            Edit::SetTarget { key, target } => {
                *scenario
                    .targets
                    .iter_mut()
                    .find(|t| &t.key == key)
                    .ok_or_else(|| EditRefusal::NoTarget(key.clone()))? = (**target).clone();
            }
            Edit::RemoveTarget { key } => {
                let before = scenario.targets.len();
                scenario.targets.retain(|t| &t.key != key);
                if scenario.targets.len() == before {
                    return Err(EditRefusal::NoTarget(key.clone()));
                }
            }
            Edit::SetNearThreshold {
                pollutant,
                fraction,
            } => {
                scenario
                    .capacities
                    .iter_mut()
                    .find(|c| &c.pollutant == pollutant)
                    .ok_or_else(|| EditRefusal::NoCapacity(pollutant.clone()))?
                    .near_threshold = *fraction;
            }
            Edit::SetCapacity { pollutant, value } => {
                scenario
                    .capacities
                    .iter_mut()
                    .find(|c| &c.pollutant == pollutant)
                    .ok_or_else(|| EditRefusal::NoCapacity(pollutant.clone()))?
                    .value = *value;
            }
            Edit::SetCapacityBasis { pollutant, basis } => {
                scenario
                    .capacities
                    .iter_mut()
                    .find(|c| &c.pollutant == pollutant)
                    .ok_or_else(|| EditRefusal::NoCapacity(pollutant.clone()))?
                    .basis = *basis;
            }
            Edit::SetMethods { methods } => scenario.methods = (**methods).clone(),
            Edit::SetUncertainty { uncertainty } => {
                scenario.uncertainty = uncertainty.clone();
                let uncertain = |key: &str| uncertainty.iter().any(|u| u.series == key);
                scenario
                    .correlations
                    .retain(|c| uncertain(&c.between.0) && uncertain(&c.between.1));
            }
            Edit::SetCorrelations { correlations } => {
                scenario.correlations = correlations.clone();
            }
            Edit::SetTargetThreshold { target, threshold } => {
                scenario
                    .targets
                    .iter_mut()
                    .find(|t| &t.key == target)
                    .ok_or_else(|| EditRefusal::NoTarget(target.clone()))?
                    .threshold = *threshold;
            }
            Edit::SetIndicator { index, indicator } => {
                *scenario
                    .indicators
                    .get_mut(*index)
                    .ok_or(EditRefusal::NoIndicatorRow(*index))? = (**indicator).clone();
            }
            Edit::SetProject { index, project } => {
                *scenario
                    .projects
                    .get_mut(*index)
                    .ok_or(EditRefusal::NoProjectRow(*index))? = (**project).clone();
            }
            Edit::AddProject { project } => scenario.projects.push((**project).clone()),
            Edit::RemoveProject { index } => {
                if *index >= scenario.projects.len() {
                    return Err(EditRefusal::NoProjectRow(*index));
                }
                scenario.projects.remove(*index);
            }
            Edit::ReplaceScenario { scenario: new }
            | Edit::FollowParent { scenario: new }
            | Edit::Rebase { scenario: new, .. } => *scenario = (**new).clone(),
            Edit::SetSeriesObserved { series, observed } => {
                scenario
                    .series_mut(series)
                    .ok_or_else(|| EditRefusal::NoSeries(series.clone()))?
                    .observed
                    .clone_from(observed);
            }
            Edit::ImportValues { scenario: new, .. } => *scenario = (**new).clone(),
        }
        Ok(())
    }

    /// Whether `self` continues `previous` (a slider being dragged), so that undo takes both back
    /// in one step.
    pub fn continues(&self, previous: &Edit) -> bool {
        match (self, previous) {
            (Edit::SetRule { series: a, .. }, Edit::SetRule { series: b, .. }) => a == b,
            (Edit::SetHorizon { .. }, Edit::SetHorizon { .. }) => true,
            (Edit::SetMethods { .. }, Edit::SetMethods { .. }) => true,
            // A parent's slider still moving: its children follow in the same step.
            (Edit::FollowParent { .. }, Edit::FollowParent { .. }) => true,
            (
                Edit::SetNearThreshold { pollutant: a, .. },
                Edit::SetNearThreshold { pollutant: b, .. },
            ) => a == b,
            _ => false,
        }
    }
}

/// A capacity's new key in the methods' parameters for it (A-value limits, water bodies'
/// concentrations, non-point loads).
fn rename_pollutant(methods: &mut Methods, from: &str, to: &str) {
    let rename = |key: &mut String| {
        if key == from {
            *key = to.to_owned();
        }
    };
    methods
        .air
        .pollutants
        .iter_mut()
        .for_each(|p| rename(&mut p.pollutant));
    for body in &mut methods.water.bodies {
        body.pollutants
            .iter_mut()
            .for_each(|p| rename(&mut p.pollutant));
    }
    methods
        .water
        .nonpoint_t_per_year
        .iter_mut()
        .for_each(|(p, _)| rename(p));
    methods
        .water
        .nonpoint_series
        .iter_mut()
        .for_each(|(p, _)| rename(p));
}

#[cfg(test)]
mod tests;
