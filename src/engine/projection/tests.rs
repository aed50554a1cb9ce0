use super::*;
use crate::model::{Group, Label, RateChange};

fn series(key: &str, unit: &str, base: f64, rule: Rule) -> Series {
    Series {
        key: key.into(),
        label: Label::new(key, key),
        unit: Unit::parse(unit).unwrap(),
        group: Group::Other,
        base: Some(base),
        rule,
        source: Label::default(),
        observed: Vec::new(),
        decimals: None,
    }
}

fn scenario(series: Vec<Series>) -> Scenario {
    Scenario {
        series,
        ..Scenario::empty()
    }
}

fn values(s: &Scenario, key: &str) -> Vec<f64> {
    project(s).unwrap().get(key).unwrap().values.clone()
}

#[test]
fn growth_with_periods_changes_rate_from_the_given_year() {
    let rule = Rule::Growth {
        rate: 0.1,
        changes: vec![RateChange {
            from: 2024,
            rate: 0.0,
        }],
    };
    let v = values(&scenario(vec![series("a", "t/a", 100.0, rule)]), "a");
    assert_eq!(v.len(), 8);
    assert!((v[2] - 121.0).abs() < 1e-9); // 2023
    assert!((v[3] - 121.0).abs() < 1e-9); // 2024 holds
    assert!((v[7] - 121.0).abs() < 1e-9);
}

#[test]
fn interp_is_linear_between_points_then_grows() {
    let rule = Rule::Interp {
        points: vec![(2025, 140.0)],
        after_rate: 0.1,
    };
    let v = values(&scenario(vec![series("a", "t/a", 100.0, rule)]), "a");
    assert!((v[2] - 120.0).abs() < 1e-9);
    assert!((v[4] - 140.0).abs() < 1e-9);
    assert!((v[5] - 154.0).abs() < 1e-9);
}

#[test]
fn step_holds_each_value() {
    let rule = Rule::Step {
        points: vec![(2023, 5.0), (2026, 7.0)],
    };
    let v = values(&scenario(vec![series("a", "%", 1.0, rule)]), "a");
    assert_eq!(v, vec![1.0, 1.0, 5.0, 5.0, 5.0, 7.0, 7.0, 7.0]);
}

#[test]
fn driven_converts_units_and_changes_intensity() {
    let pop = series("pop", "万人", 90.0, Rule::growth(0.0));
    let water = series(
        "water",
        "亿 m³",
        0.0,
        Rule::Driven {
            driver: "pop".into(),
            intensity: 102.0,
            intensity_unit: Unit::parse("m³/人").unwrap(),
            change: -0.5,
        },
    );
    let v = values(&scenario(vec![water, pop]), "water");
    assert!((v[0] - 0.918).abs() < 1e-12);
    assert!((v[1] - 0.459).abs() < 1e-12);
}

#[test]
fn driven_with_wrong_units_names_the_series() {
    let pop = series("pop", "万人", 90.0, Rule::growth(0.0));
    let water = series(
        "water",
        "t/a",
        0.0,
        Rule::Driven {
            driver: "pop".into(),
            intensity: 1.0,
            intensity_unit: Unit::parse("m³/人").unwrap(),
            change: 0.0,
        },
    );
    let error = project(&scenario(vec![pop, water])).unwrap_err();
    assert!(
        matches!(&error, ModelError::Unit { key, .. } if key == "water"),
        "{error}"
    );
}

#[test]
fn growth_as_follows_its_driver_with_elasticity() {
    let gdp = series("gdp", "亿元", 100.0, Rule::growth(0.21));
    let e = series(
        "e",
        "万 tce",
        10.0,
        Rule::GrowthAs {
            driver: "gdp".into(),
            elasticity: 0.5,
        },
    );
    let v = values(&scenario(vec![e, gdp]), "e");
    assert!((v[2] - 12.1).abs() < 1e-9, "{}", v[2]);
}

#[test]
fn cycle_is_named() {
    let a = series(
        "a",
        "1",
        1.0,
        Rule::GrowthAs {
            driver: "b".into(),
            elasticity: 1.0,
        },
    );
    let b = series(
        "b",
        "1",
        1.0,
        Rule::GrowthAs {
            driver: "a".into(),
            elasticity: 1.0,
        },
    );
    let error = project(&scenario(vec![a, b])).unwrap_err();
    assert_eq!(
        error,
        ModelError::Cycle {
            cycle: vec!["a".into(), "b".into(), "a".into()]
        }
    );
    assert_eq!(
        error.to_string(),
        "series refer to each other in a cycle: a → b → a"
    );
}

#[test]
fn unknown_driver_is_named() {
    let a = series(
        "a",
        "1",
        1.0,
        Rule::GrowthAs {
            driver: "nope".into(),
            elasticity: 1.0,
        },
    );
    let error = project(&scenario(vec![a])).unwrap_err();
    assert_eq!(
        error.to_string(),
        "series \"a\" refers to the unknown series \"nope\""
    );
}

#[test]
fn absurd_rate_and_negative_base_are_refused() {
    let error = project(&scenario(vec![series(
        "gdp",
        "亿元",
        1.0,
        Rule::growth(3.0),
    )]))
    .unwrap_err();
    assert!(error.to_string().contains("\"gdp\": rate = 3"), "{error}");
    let error = project(&scenario(vec![series(
        "population",
        "万人",
        -5.0,
        Rule::growth(0.0),
    )]))
    .unwrap_err();
    assert!(
        error.to_string().contains("\"population\": base = -5"),
        "{error}"
    );
}
