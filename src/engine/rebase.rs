//! Moving the base year forward onto the history (`docs/methods.md` §1): each series starts from its
//! observed value of the new base year, or, where it has none, from what it projects for that
//! year, so a series without data goes on as before. The old base value stays as history; rules
//! keep their meaning from the new year (a driven series' intensity moves on by its yearly
//! change, points before the new base year go).

use super::Projection;
use crate::model::{Observation, Rule, Scenario};

/// Where a series' new base value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RebasedFrom {
    History,
    Projection,
}

/// One series' base value before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct RebasedSeries {
    pub key: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
    pub from: RebasedFrom,
}

/// Why the base year cannot move there (in words: `refusals`).
#[derive(Clone, Debug, PartialEq)]
pub enum RebaseError {
    NotForward {
        year: i32,
        base_year: i32,
    },
    PastHorizon {
        year: i32,
        horizon: i32,
    },
    Milestone {
        milestone: i32,
        year: i32,
    },
    Target {
        target: String,
        target_year: i32,
        year: i32,
    },
}

/// The scenario with its base year at `year`, and each series' base value before and after.
pub fn rebased(
    scenario: &Scenario,
    projection: &Projection,
    year: i32,
) -> Result<(Scenario, Vec<RebasedSeries>), RebaseError> {
    let old_base = scenario.base_year;
    if year <= old_base {
        return Err(RebaseError::NotForward {
            year,
            base_year: old_base,
        });
    }
    if year >= scenario.horizon {
        return Err(RebaseError::PastHorizon {
            year,
            horizon: scenario.horizon,
        });
    }
    if let Some(&milestone) = scenario.milestones.iter().find(|&&m| m <= year) {
        return Err(RebaseError::Milestone { milestone, year });
    }
    if let Some(target) = scenario.targets.iter().find(|t| t.year <= year) {
        return Err(RebaseError::Target {
            target: target.key.clone(),
            target_year: target.year,
            year,
        });
    }
    let mut changed = scenario.clone();
    changed.base_year = year;
    let mut rows = Vec::with_capacity(scenario.series.len());
    for series in &mut changed.series {
        let observed = series
            .observed
            .iter()
            .find(|o| o.year == year)
            .map(|o| o.value);
        let (new, from) = match observed {
            Some(v) => (Some(v), RebasedFrom::History),
            None => (
                projection
                    .value(&series.key, year)
                    .filter(|v| v.is_finite()),
                RebasedFrom::Projection,
            ),
        };
        rows.push(RebasedSeries {
            key: series.key.clone(),
            old: series.base,
            new,
            from,
        });
        // The old base value is history now; the new base year's value is the base.
        if let Some(old) = series.base
            && !series.observed.iter().any(|o| o.year == old_base)
        {
            let at = series.observed.partition_point(|o| o.year < old_base);
            series.observed.insert(
                at,
                Observation {
                    year: old_base,
                    value: old,
                    source: String::new(),
                },
            );
        }
        series.observed.retain(|o| o.year != year);
        series.base = new;
        let elapsed = year - old_base;
        match &mut series.rule {
            Rule::Driven {
                intensity, change, ..
            } => *intensity *= (1.0 + *change).powi(elapsed),
            Rule::Interp { points, .. } | Rule::Step { points } => {
                points.retain(|(y, _)| *y > year);
            }
            Rule::Growth { rate, changes } => {
                // A period that began by the new base year is the rate from it on.
                if let Some(last) = changes.iter().rposition(|c| c.from <= year) {
                    *rate = changes[last].rate;
                    changes.drain(..=last);
                }
            }
            Rule::GrowthAs { .. } | Rule::Linear { .. } => {}
        }
    }
    Ok((changed, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_moves_onto_the_history_and_the_rest_goes_on_from_its_projection() {
        let mut plan = crate::plan::hanyang_plan();
        plan.series_mut("gdp").unwrap().observed.push(Observation {
            year: 2023,
            value: 900.0,
            source: String::new(),
        });
        let analysis = crate::engine::analyse(&plan).unwrap();
        let (moved, rows) = rebased(&plan, &analysis.projection, 2023).unwrap_or_else(|e| {
            panic!("{e}");
        });
        assert_eq!(moved.base_year, 2023);
        let gdp = moved.series("gdp").unwrap();
        assert_eq!(gdp.base, Some(900.0));
        // The old base value is history, the new base year's observation the base.
        assert!(
            gdp.observed
                .iter()
                .any(|o| o.year == 2021 && o.value == 792.86)
        );
        assert!(!gdp.observed.iter().any(|o| o.year == 2023));
        let row = rows.iter().find(|r| r.key == "gdp").unwrap();
        assert_eq!(
            (row.old, row.new, row.from),
            (Some(792.86), Some(900.0), RebasedFrom::History)
        );
        // COD has no 2023 figure: it starts from its projection, and goes on unchanged.
        let cod_2028 = analysis.projection.value("cod", 2028).unwrap();
        let after = crate::engine::analyse(&moved).unwrap();
        assert!((after.projection.value("cod", 2028).unwrap() - cod_2028).abs() < 1e-9 * cod_2028);
        // A driven series' intensity moved on: domestic water follows population as before.
        let water =
            |a: &crate::engine::Analysis| a.projection.value("water_domestic", 2028).unwrap();
        assert!((water(&after) - water(&analysis)).abs() < 1e-9);
    }

    #[test]
    fn the_base_year_cannot_pass_a_milestone_a_target_or_the_horizon() {
        let plan = crate::plan::hanyang_plan();
        let projection = crate::engine::project(&plan).unwrap();
        assert!(matches!(
            rebased(&plan, &projection, 2025),
            Err(RebaseError::Milestone {
                milestone: 2025,
                ..
            })
        ));
        assert!(matches!(
            rebased(&plan, &projection, 2020),
            Err(RebaseError::NotForward { .. })
        ));
        assert!(matches!(
            rebased(&plan, &projection, 2028),
            Err(RebaseError::PastHorizon { .. })
        ));
    }
}
