use std::collections::HashMap;

use super::ModelError;
use super::checks::value_errors;
use super::evaluate::{Frame, Lanes, Step, evaluate_block, evaluate_year};
use crate::model::{Rule, Scenario, Series};
use crate::units::Unit;

/// Every series for every year from the base year to the horizon.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub base_year: i32,
    pub horizon: i32,
    /// In the scenario's order.
    pub series: Vec<ProjectedSeries>,
    /// Position of each key in `series`, so that looking up every capacity's and target's
    /// series stays linear in a file with thousands of them.
    index: HashMap<String, usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProjectedSeries {
    pub key: String,
    pub unit: Unit,
    /// One value per year, `values[0]` in the base year.
    pub values: Vec<f64>,
}

impl Projection {
    pub fn new(base_year: i32, horizon: i32, series: Vec<ProjectedSeries>) -> Projection {
        let mut index = HashMap::with_capacity(series.len());
        for (i, s) in series.iter().enumerate() {
            // The first of a duplicated key wins, as a search from the front would find it.
            index.entry(s.key.clone()).or_insert(i);
        }
        Projection {
            base_year,
            horizon,
            series,
            index,
        }
    }

    pub fn years(&self) -> impl Iterator<Item = i32> + use<> {
        self.base_year..=self.horizon
    }

    pub fn get(&self, key: &str) -> Option<&ProjectedSeries> {
        self.index.get(key).map(|&i| &self.series[i])
    }

    pub fn value(&self, key: &str, year: i32) -> Option<f64> {
        self.get(key)?.at(self.base_year, year)
    }
}

impl ProjectedSeries {
    pub fn at(&self, base_year: i32, year: i32) -> Option<f64> {
        let index = usize::try_from(year - base_year).ok()?;
        self.values.get(index).copied()
    }
}

/// Projects every series of the scenario from its base year to its horizon.
///
/// Series are evaluated in dependency order, so a rule may use any series it does not
/// (directly or indirectly) feed; a cycle is an error that names it.
pub fn project(scenario: &Scenario) -> Result<Projection, ModelError> {
    let plan = ProjectionPlan::new(scenario)?;
    let values = plan.run(|_| None)?;
    Ok(plan.projection(values))
}

/// A scenario checked and put in evaluation order once, so that many projections with changed
/// rule parameters (Monte Carlo draws, goal seeking) skip the checks and the ordering.
pub struct ProjectionPlan<'a> {
    scenario: &'a Scenario,
    /// Position of each series by key.
    index: HashMap<&'a str, usize>,
    order: Vec<usize>,
    drivers: Vec<Option<usize>>,
    /// For a driven series, the factor from driver unit × intensity unit to its own unit.
    factors: Vec<f64>,
    year_count: usize,
}

impl<'a> ProjectionPlan<'a> {
    pub fn new(scenario: &'a Scenario) -> Result<ProjectionPlan<'a>, ModelError> {
        if let Some(error) = value_errors(scenario).into_iter().next() {
            return Err(error);
        }
        let index: HashMap<&str, usize> = scenario
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.as_str(), i))
            .collect();
        let order = evaluation_order(&scenario.series, &index)?;
        let drivers: Vec<Option<usize>> = scenario
            .series
            .iter()
            .map(|s| s.rule.driver().map(|key| index[key]))
            .collect();
        let factors = scenario
            .series
            .iter()
            .zip(&drivers)
            .map(|(series, driver)| match (&series.rule, driver) {
                (Rule::Driven { intensity_unit, .. }, Some(d)) => scenario.series[*d]
                    .unit
                    .multiply(intensity_unit)
                    .factor_to(&series.unit)
                    .map_err(|source| ModelError::unit("series", &series.key, source)),
                _ => Ok(1.0),
            })
            .collect::<Result<Vec<f64>, ModelError>>()?;
        let year_count = usize::try_from(scenario.horizon - scenario.base_year).unwrap_or(0) + 1;
        Ok(ProjectionPlan {
            scenario,
            index,
            order,
            drivers,
            factors,
            year_count,
        })
    }

    pub fn scenario(&self) -> &'a Scenario {
        self.scenario
    }

    /// The values of `run` as a projection, with keys and units.
    pub fn projection(&self, values: Vec<Vec<f64>>) -> Projection {
        let scenario = self.scenario;
        Projection::new(
            scenario.base_year,
            scenario.horizon,
            scenario
                .series
                .iter()
                .zip(values)
                .map(|(s, values)| ProjectedSeries {
                    key: s.key.clone(),
                    unit: s.unit.clone(),
                    values,
                })
                .collect(),
        )
    }

    /// The index of a series by key.
    pub fn series_index(&self, key: &str) -> Option<usize> {
        self.index.get(key).copied()
    }

    /// Every series' values, in the scenario's order; `rule_for(i)` may replace series i's rule
    /// (same kind, other numbers).
    pub fn run(
        &self,
        rule_for: impl Fn(usize) -> Option<Rule>,
    ) -> Result<Vec<Vec<f64>>, ModelError> {
        let scenario = self.scenario;
        let mut values: Vec<Vec<f64>> = vec![Vec::new(); scenario.series.len()];
        for &i in &self.order {
            let series = &scenario.series[i];
            let replaced = rule_for(i);
            let rule = replaced.as_ref().unwrap_or(&series.rule);
            let mut out = Vec::with_capacity(self.year_count);
            let driver = self.drivers[i].map(|d| (&scenario.series[d], one_lane(&values[d])));
            evaluate_block(self.frame(i), series, rule, None, driver, 1, &mut out)?;
            values[i] = out;
        }
        Ok(values)
    }

    /// Which series depend on any of `roots` (themselves included), through their drivers:
    /// the only ones a change of the roots' rules can move.
    pub fn dependents(&self, roots: &[usize]) -> Vec<bool> {
        let mut moved = vec![false; self.scenario.series.len()];
        for &root in roots {
            moved[root] = true;
        }
        // In evaluation order every driver comes before the series it drives.
        for &i in &self.order {
            if let Some(d) = self.drivers[i] {
                moved[i] |= moved[d];
            }
        }
        moved
    }

    /// For each series, the one root (its position in `roots`) it moves with, where each step
    /// from that root's lever to the series is weakly increasing in floating point: growth by a
    /// rate, an intensity change or the rate after the last point (products of non-negative
    /// numbers, rounded monotonically), a driven series, and an elasticity of exactly 1. Then the
    /// series' percentiles in every year are its values at the lever's percentiles, exactly.
    /// `None` for a series moved by two roots, by an uncertain elasticity, through an elasticity
    /// other than 1 (`powf` is not monotone on every platform), or by nothing.
    pub fn monotone_in_one(&self, roots: &[usize]) -> Vec<Option<usize>> {
        #[derive(Clone, Copy, PartialEq)]
        enum Moves {
            Not,
            With(usize),
            Otherwise,
        }
        let increasing_in_own_lever = |rule: &Rule| {
            matches!(
                rule,
                Rule::Growth { .. } | Rule::Interp { .. } | Rule::Driven { .. }
            )
        };
        let increasing_in_driver = |rule: &Rule| match rule {
            Rule::Driven { .. } => true,
            Rule::GrowthAs { elasticity, .. } => *elasticity == 1.0,
            Rule::Growth { .. } | Rule::Interp { .. } | Rule::Step { .. } | Rule::Linear { .. } => {
                false
            }
        };
        let mut moves = vec![Moves::Not; self.scenario.series.len()];
        for &i in &self.order {
            let rule = &self.scenario.series[i].rule;
            let own = roots.iter().position(|&r| r == i);
            let through = self.drivers[i].map_or(Moves::Not, |d| moves[d]);
            moves[i] = match (own, through) {
                (None, Moves::Not) => Moves::Not,
                (Some(p), Moves::Not) if increasing_in_own_lever(rule) => Moves::With(p),
                (None, Moves::With(p)) if increasing_in_driver(rule) => Moves::With(p),
                _ => Moves::Otherwise,
            };
        }
        moves
            .into_iter()
            .map(|m| match m {
                Moves::With(p) => Some(p),
                Moves::Not | Moves::Otherwise => None,
            })
            .collect()
    }

    /// The moved series for a block of `lanes` draws at once: `block[i]` gets series i's
    /// values year-major (`[year * lanes + lane]`), with `levers[i]`, where given, each lane's
    /// value of series i's lever. A series not moved keeps its one value per year in `base`
    /// (a run's), shared by every lane; `block[i]` of it is left alone. Allocates nothing once
    /// `block`'s buffers have grown.
    pub fn run_block(
        &self,
        base: &[Vec<f64>],
        moved: &[bool],
        levers: &[Option<&[f64]>],
        lanes: usize,
        block: &mut [Vec<f64>],
    ) -> Result<(), ModelError> {
        let scenario = self.scenario;
        for &i in &self.order {
            if !moved[i] {
                continue;
            }
            let series = &scenario.series[i];
            let mut out = std::mem::take(&mut block[i]);
            let driver = self.drivers[i].map(|d| {
                let values = if moved[d] {
                    Lanes {
                        values: &block[d],
                        lanes,
                    }
                } else {
                    one_lane(&base[d])
                };
                (&scenario.series[d], values)
            });
            let result = evaluate_block(
                self.frame(i),
                series,
                &series.rule,
                levers[i],
                driver,
                lanes,
                &mut out,
            );
            block[i] = out;
            result?;
        }
        Ok(())
    }

    /// Year `y` of the moved series for a block of `lanes` draws stepped a year at a time:
    /// `state` holds each moved series' values of the year before and gets this year's
    /// (`BlockYear::values`); a series not moved keeps its one value per year in `base`.
    /// The same formulas as `run_block`, so the same bits for each draw. Allocates nothing
    /// once `state`'s buffers have grown.
    pub(super) fn run_year(
        &self,
        base: &[Vec<f64>],
        moved: &[bool],
        levers: &[Option<&[f64]>],
        y: usize,
        lanes: usize,
        state: &mut BlockYear,
    ) -> Result<(), ModelError> {
        let scenario = self.scenario;
        let count = scenario.series.len();
        state.values.resize_with(count, Vec::new);
        state.previous.resize_with(count, Vec::new);
        state.steps.resize_with(count, Step::default);
        for &i in &self.order {
            if !moved[i] {
                continue;
            }
            let series = &scenario.series[i];
            // Last year's values become the ones read; this year's are written over the year
            // before's buffer.
            std::mem::swap(&mut state.values[i], &mut state.previous[i]);
            let mut now = std::mem::take(&mut state.values[i]);
            now.resize(lanes, 0.0);
            let driver = self.drivers[i].map(|d| {
                let values = if moved[d] {
                    Lanes {
                        values: &state.values[d],
                        lanes,
                    }
                } else {
                    one_lane(&base[d][y..=y])
                };
                (&scenario.series[d], values)
            });
            let previous = (y > 0).then_some(state.previous[i].as_slice());
            let result = evaluate_year(
                self.frame(i),
                series,
                &series.rule,
                (levers[i], driver),
                y,
                &mut state.steps[i],
                previous,
                &mut now,
            );
            state.values[i] = now;
            result?;
        }
        Ok(())
    }

    fn frame(&self, series: usize) -> Frame {
        Frame {
            base_year: self.scenario.base_year,
            year_count: self.year_count,
            factor: self.factors[series],
        }
    }

    /// Recomputes, in `values` (a previous run's, every series' allocation kept), only the
    /// series marked in `moved`, with `rule_for`'s rules: a Monte Carlo draw moves a few
    /// uncertain series and what they drive, not the whole scenario, and allocates nothing.
    pub fn rerun(
        &self,
        values: &mut [Vec<f64>],
        moved: &[bool],
        rule_for: impl Fn(usize) -> Option<Rule>,
    ) -> Result<(), ModelError> {
        let scenario = self.scenario;
        for &i in &self.order {
            if !moved[i] {
                continue;
            }
            let series = &scenario.series[i];
            let replaced = rule_for(i);
            let rule = replaced.as_ref().unwrap_or(&series.rule);
            // The series' own buffer is taken out while its driver's values are read.
            let mut out = std::mem::take(&mut values[i]);
            let driver = self.drivers[i].map(|d| (&scenario.series[d], one_lane(&values[d])));
            let result = evaluate_block(self.frame(i), series, rule, None, driver, 1, &mut out);
            values[i] = out;
            result?;
        }
        Ok(())
    }
}

/// What a block of draws stepped a year at a time carries from one year to the next
/// (`ProjectionPlan::run_year`): each moved series' values of the year last run, of the year
/// before, and what its rule carries (`Step`).
#[derive(Debug, Default)]
pub(super) struct BlockYear {
    values: Vec<Vec<f64>>,
    previous: Vec<Vec<f64>>,
    steps: Vec<Step>,
}

impl BlockYear {
    /// Series `series`' values in the year last run, one per lane (a moved series only).
    pub(super) fn values(&self, series: usize) -> &[f64] {
        &self.values[series]
    }
}

/// A series' values as the block of one lane.
fn one_lane(values: &[f64]) -> Lanes<'_> {
    Lanes { values, lanes: 1 }
}

/// Depth-first topological order of the series by their driver references.
fn evaluation_order(
    series: &[Series],
    index: &HashMap<&str, usize>,
) -> Result<Vec<usize>, ModelError> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let mut marks = vec![Mark::New; series.len()];
    let mut order = Vec::with_capacity(series.len());
    for start in 0..series.len() {
        // Each series has at most one driver, so the references form chains: walk one.
        let mut path = Vec::new();
        let mut current = Some(start);
        while let Some(i) = current {
            match marks[i] {
                Mark::Done => break,
                Mark::Active => {
                    let from = path.iter().position(|&p| p == i).unwrap_or(0);
                    let mut cycle: Vec<String> = path[from..]
                        .iter()
                        .map(|&p: &usize| series[p].key.clone())
                        .collect();
                    cycle.push(series[i].key.clone());
                    return Err(ModelError::Cycle { cycle });
                }
                Mark::New => {
                    marks[i] = Mark::Active;
                    path.push(i);
                    current = series[i]
                        .rule
                        .driver()
                        .and_then(|key| index.get(key).copied());
                }
            }
        }
        for &i in path.iter().rev() {
            marks[i] = Mark::Done;
            order.push(i);
        }
    }
    Ok(order)
}

#[cfg(test)]
mod tests;
