//! Scenarios the benchmarks share.

use ecoplan::model::{Capacity, Label, Medium, Rule, Scenario, Series};
use ecoplan::units::Unit;

/// 200 series over 80 years (2021–2100 would pass the 2060 limit, so the base year moves back):
/// chains of driven and elasticity rules, and a capacity on every tenth series.
pub fn large_scenario() -> Scenario {
    let unit = Unit::parse("t/a").unwrap();
    let mut scenario = Scenario {
        base_year: 1981,
        horizon: 2060,
        milestones: vec![2025, 2028, 2040, 2060],
        ..Scenario::empty()
    };
    for i in 0..200 {
        let key = format!("s{i}");
        let rule = match i % 4 {
            0 => Rule::growth(0.01 + f64::from(i) * 1e-4),
            1 => Rule::Driven {
                driver: format!("s{}", i - 1),
                intensity: 0.5,
                intensity_unit: Unit::one(),
                change: -0.01,
            },
            2 => Rule::GrowthAs {
                driver: format!("s{}", i - 2),
                elasticity: 0.8,
            },
            _ => Rule::Interp {
                points: vec![(2000, 150.0), (2030, 300.0), (2060, 200.0)],
                after_rate: 0.0,
            },
        };
        scenario.series.push(Series {
            key: key.clone(),
            label: Label::new(&key, &key),
            unit: unit.clone(),
            group: Default::default(),
            base: Some(100.0),
            rule,
            source: Label::default(),
            observed: Vec::new(),
            decimals: None,
        });
        if i % 10 == 0 {
            scenario.capacities.push(Capacity {
                pollutant: format!("P{i}"),
                label: Label::new(&key, &key),
                medium: Medium::Water,
                value: 500.0,
                basis: Default::default(),
                unit: unit.clone(),
                series: key,
                near_threshold: 0.8,
                source: Label::default(),
            });
        }
    }
    scenario
}
