//! Changing a series' rule from one kind to another (`docs/methods.md` §1): the new rule keeps the
//! base year's value always, and what the series projects where the new kind can say it. Growth
//! and a linear trend take the average change the series had to the horizon, so the horizon's
//! value stays too; a path through points passes through its horizon value (the years between
//! move onto a straight line); steps start flat at the base value until a point is added; a
//! driven series' intensity is its base value over its driver's; an elasticity starts at 1.

use super::Projection;
use crate::model::{Group, Rule, Scenario};

/// The kinds of rule, in the order the window offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::VariantArray)]
pub enum RuleKind {
    Growth,
    Linear,
    Interp,
    Step,
    Driven,
    GrowthAs,
}

impl RuleKind {
    pub const ALL: &[RuleKind] = <RuleKind as strum::VariantArray>::VARIANTS;

    pub fn of(rule: &Rule) -> RuleKind {
        match rule {
            Rule::Growth { .. } => RuleKind::Growth,
            Rule::Interp { .. } => RuleKind::Interp,
            Rule::Step { .. } => RuleKind::Step,
            Rule::Driven { .. } => RuleKind::Driven,
            Rule::GrowthAs { .. } => RuleKind::GrowthAs,
            Rule::Linear { .. } => RuleKind::Linear,
        }
    }

    /// Whether the rule reads another series.
    pub fn has_driver(self) -> bool {
        matches!(self, RuleKind::Driven | RuleKind::GrowthAs)
    }
}

/// The series `key` may be driven by: every other series that does not read `key` itself,
/// directly or through others (which would make a cycle), the economy and population first.
pub fn possible_drivers<'a>(scenario: &'a Scenario, key: &str) -> Vec<&'a str> {
    /// Whether the chain of drivers from `start` reaches `key`; a chain is at most as long as
    /// the list of series.
    fn reads<'s>(scenario: &'s Scenario, key: &str, start: &'s str) -> bool {
        let mut from = start;
        for _ in 0..=scenario.series.len() {
            if from == key {
                return true;
            }
            match scenario.series(from).and_then(|s| s.rule.driver()) {
                Some(next) => from = next,
                None => return false,
            }
        }
        true
    }
    let mut drivers: Vec<_> = scenario
        .series
        .iter()
        .filter(|s| s.key != key && !reads(scenario, key, &s.key))
        .collect();
    drivers.sort_by_key(|s| match s.group {
        Group::Economy => 0,
        Group::Population => 1,
        _ => 2,
    });
    drivers.into_iter().map(|s| s.key.as_str()).collect()
}

/// The rule of `kind` for the series `key` that keeps its projection where it can; `driver`
/// for a driven or elastic rule (by default the current driver, else the first possible one).
/// `None` when the series is missing, or a rule with a driver has none to read.
pub fn rule_of_kind(
    scenario: &Scenario,
    projection: &Projection,
    key: &str,
    kind: RuleKind,
    driver: Option<&str>,
) -> Option<Rule> {
    let series = scenario.series(key)?;
    let value = |k: &str, year: i32| projection.value(k, year).filter(|v| v.is_finite());
    let base = value(key, scenario.base_year).or(series.base);
    let end = value(key, scenario.horizon);
    let years = f64::from(scenario.horizon - scenario.base_year);
    let current = &series.rule;
    Some(match kind {
        RuleKind::Growth => match current {
            Rule::Growth { .. } => current.clone(),
            _ => {
                let rate = match (base, end) {
                    (Some(b), Some(e)) if b > 0.0 && e > 0.0 => libm::pow(e / b, 1.0 / years) - 1.0,
                    _ => 0.0,
                };
                Rule::growth(rate.clamp(-super::MAX_RATE * 0.99, super::MAX_RATE))
            }
        },
        RuleKind::Linear => match current {
            Rule::Linear { .. } => current.clone(),
            _ => Rule::Linear {
                change_per_year: match (base, end) {
                    (Some(b), Some(e)) => (e - b) / years,
                    _ => 0.0,
                },
            },
        },
        RuleKind::Interp => match current {
            Rule::Interp { .. } => current.clone(),
            _ => Rule::Interp {
                points: vec![(scenario.horizon, end.or(base).unwrap_or(0.0))],
                after_rate: 0.0,
            },
        },
        RuleKind::Step => match current {
            Rule::Step { .. } => current.clone(),
            _ => Rule::Step { points: Vec::new() },
        },
        RuleKind::Driven | RuleKind::GrowthAs => {
            let driver = driver
                .or(current.driver())
                .filter(|d| possible_drivers(scenario, key).contains(d))
                .or_else(|| possible_drivers(scenario, key).first().copied())?;
            let driver_series = scenario.series(driver)?;
            if kind == RuleKind::GrowthAs {
                let elasticity = match current {
                    Rule::GrowthAs { elasticity, .. } => *elasticity,
                    _ => 1.0,
                };
                Rule::GrowthAs {
                    driver: driver.to_owned(),
                    elasticity,
                }
            } else {
                let (intensity_unit, change) = match current {
                    Rule::Driven {
                        intensity_unit,
                        change,
                        ..
                    } if intensity_unit.is_compatible(&series.unit.divide(&driver_series.unit)) => {
                        (intensity_unit.clone(), *change)
                    }
                    _ => (series.unit.divide(&driver_series.unit), 0.0),
                };
                // In the intensity's unit: the series' value over the driver's, converted.
                let factor = series
                    .unit
                    .divide(&driver_series.unit)
                    .factor_to(&intensity_unit)
                    .unwrap_or(1.0);
                let intensity = match (base, value(driver, scenario.base_year)) {
                    (Some(b), Some(d)) if d != 0.0 => b / d * factor,
                    _ => 0.0,
                };
                Rule::Driven {
                    driver: driver.to_owned(),
                    intensity,
                    intensity_unit,
                    change,
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::hanyang_plan;

    fn projected(scenario: &Scenario) -> Projection {
        crate::engine::analyse(scenario).unwrap().projection
    }

    #[test]
    fn a_change_of_kind_keeps_the_base_year_and_the_horizon_where_it_can() {
        let plan = hanyang_plan();
        let projection = projected(&plan);
        let value = |p: &Projection, year| p.value("msw", year).unwrap();
        for kind in [
            RuleKind::Growth,
            RuleKind::Linear,
            RuleKind::Interp,
            RuleKind::Driven,
        ] {
            let rule = rule_of_kind(&plan, &projection, "msw", kind, None).unwrap();
            assert_eq!(RuleKind::of(&rule), kind);
            let mut changed = plan.clone();
            changed.series_mut("msw").unwrap().rule = rule;
            let after = projected(&changed);
            let base = plan.base_year;
            assert!(
                (value(&after, base) - value(&projection, base)).abs() < 1e-9,
                "{kind:?} moved the base year"
            );
            if kind != RuleKind::Driven {
                let horizon = plan.horizon;
                let (a, b) = (value(&after, horizon), value(&projection, horizon));
                assert!((a - b).abs() < 1e-6 * b, "{kind:?}: {a} against {b}");
            }
        }
    }

    #[test]
    fn a_driven_intensity_is_the_base_value_over_the_drivers_in_the_intensitys_unit() {
        // Energy 万 tce against GDP 亿元, by hand: 万 tce/亿元 = tce/万元, the same number.
        let plan = hanyang_plan();
        let projection = projected(&plan);
        let rule =
            rule_of_kind(&plan, &projection, "energy", RuleKind::Driven, Some("gdp")).unwrap();
        let energy = projection.value("energy", plan.base_year).unwrap();
        let gdp = projection.value("gdp", plan.base_year).unwrap();
        match rule {
            Rule::Driven {
                driver, intensity, ..
            } => {
                assert_eq!(driver, "gdp");
                assert!((intensity - energy / gdp).abs() < 1e-12, "{intensity}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn no_series_is_offered_as_its_own_driver_or_one_that_reads_it() {
        let plan = hanyang_plan();
        // water_domestic reads population: population may not be driven by it.
        let drivers = possible_drivers(&plan, "population");
        assert!(!drivers.contains(&"population"));
        assert!(!drivers.contains(&"water_domestic"));
        assert!(drivers.contains(&"gdp"));
        assert_eq!(drivers.first(), Some(&"gdp"), "the economy comes first");
    }
}
