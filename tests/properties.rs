//! Properties of the rules that hold for any valid input.

use ecoplan::engine::project;
use ecoplan::model::{Label, Rule, Scenario, Series};
use ecoplan::units::Unit;
use proptest::prelude::*;

fn series(key: &str, base: f64, rule: Rule) -> Series {
    Series {
        key: key.into(),
        label: Label::new(key, key),
        unit: Unit::parse("t/a").unwrap(),
        group: Default::default(),
        base: Some(base),
        rule,
        source: Label::default(),
        observed: Vec::new(),
        decimals: None,
    }
}

fn scenario(horizon: i32, series: Vec<Series>) -> Scenario {
    Scenario {
        horizon,
        milestones: vec![],
        series,
        ..Scenario::empty()
    }
}

fn rule_strategy() -> impl Strategy<Value = Rule> {
    prop_oneof![
        (-0.99f64..1.0).prop_map(Rule::growth),
        (prop::collection::vec(0.0f64..1e6, 1..5), -0.5f64..0.5).prop_map(
            |(values, after_rate)| Rule::Interp {
                points: values
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (2023 + 3 * i as i32, v))
                    .collect(),
                after_rate,
            }
        ),
        prop::collection::vec(0.0f64..1e6, 0..5).prop_map(|values| Rule::Step {
            points: values
                .into_iter()
                .enumerate()
                .map(|(i, v)| (2022 + 2 * i as i32, v))
                .collect(),
        }),
        (0.0f64..1e3, -0.5f64..0.5).prop_map(|(intensity, change)| Rule::Driven {
            driver: "driver".into(),
            intensity,
            intensity_unit: Unit::one(),
            change,
        }),
        (-3.0f64..3.0).prop_map(|elasticity| Rule::GrowthAs {
            driver: "driver".into(),
            elasticity
        }),
    ]
}

proptest! {
    #[test]
    fn valid_inputs_give_finite_nonnegative_values(
        base in 0.0f64..1e7,
        driver_base in 0.001f64..1e6,
        driver_rate in -0.5f64..0.5,
        rule in rule_strategy(),
        horizon in 2022i32..=2060,
    ) {
        let s = scenario(horizon, vec![
            series("driver", driver_base, Rule::growth(driver_rate)),
            series("x", base, rule),
        ]);
        let projection = project(&s).unwrap();
        let values = &projection.get("x").unwrap().values;
        prop_assert_eq!(values.len(), (horizon - 2021 + 1) as usize);
        for v in values {
            prop_assert!(v.is_finite() && *v >= 0.0, "{}", v);
        }
    }

    #[test]
    fn growth_composes(base in 0.0f64..1e6, r1 in -0.5f64..0.5, r2 in -0.5f64..0.5, split in 2023i32..2059) {
        // Growing at r1 up to `split`, then at r2, equals growing the split-year value at r2.
        let s = scenario(2060, vec![series("x", base, Rule::Growth {
            rate: r1,
            changes: vec![ecoplan::model::RateChange { from: split + 1, rate: r2 }],
        })]);
        let values = project(&s).unwrap().get("x").unwrap().values.clone();
        let at_split = values[(split - 2021) as usize];
        prop_assert!((at_split - base * (1.0 + r1).powi(split - 2021)).abs() <= 1e-9 * at_split.max(1.0));
        let end = at_split * (1.0 + r2).powi(2060 - split);
        prop_assert!((values[values.len() - 1] - end).abs() <= 1e-9 * end.max(1.0));
    }

    #[test]
    fn interp_passes_through_its_points(base in 0.0f64..1e6, values in prop::collection::vec(0.0f64..1e6, 1..6)) {
        let points: Vec<(i32, f64)> = values.iter().enumerate().map(|(i, v)| (2022 + 5 * i as i32, *v)).collect();
        let s = scenario(2060, vec![series("x", base, Rule::Interp { points: points.clone(), after_rate: 0.0 })]);
        let projection = project(&s).unwrap();
        prop_assert_eq!(projection.value("x", 2021), Some(base));
        for (year, value) in points {
            let projected = projection.value("x", year).unwrap();
            prop_assert!((projected - value).abs() <= 1e-9 * value.max(1.0));
        }
    }
}

/// Three damaged copies of `text`: cut at `cut`, one byte flipped, `insert` inserted.
fn damaged(text: &str, cut: usize, (flip_at, flip_to): (usize, u8), insert: &str) -> [String; 3] {
    let mut bytes = text.as_bytes().to_vec();
    let at = flip_at % bytes.len();
    bytes[at] = flip_to;
    let insert_at = text.floor_char_boundary(flip_at % text.len());
    [
        text[..text.floor_char_boundary(cut % text.len())].to_owned(),
        String::from_utf8_lossy(&bytes).into_owned(),
        format!("{}{insert}{}", &text[..insert_at], &text[insert_at..]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The loader never panics on a damaged file: a cut, a flipped byte or inserted text give a
    /// scenario or an error with a message.
    #[test]
    fn damaged_files_never_panic_the_loader(
        cut in 0usize..40_000,
        flip_at in 0usize..40_000,
        flip_to in any::<u8>(),
        insert in "[(),:\"a-z0-9 \\n]{0,12}",
    ) {
        let text = ecoplan::io::to_ron_string(&ecoplan::plan::hanyang_plan());
        let path = std::path::Path::new("damaged.ron");
        for candidate in damaged(&text, cut, (flip_at, flip_to), &insert) {
            match ecoplan::io::from_ron_str(&candidate, path) {
                Ok(scenario) => prop_assert!(ecoplan::engine::analyse(&scenario).is_ok()),
                Err(error) => prop_assert!(error.to_string().starts_with("damaged.ron")),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// The same for the example workspace: what loads resolves and analyses in every member;
    /// what does not gives a message that starts with the file.
    #[test]
    fn damaged_workspaces_never_panic_the_loader(
        cut in 0usize..200_000,
        flip_at in 0usize..200_000,
        flip_to in any::<u8>(),
        insert in "[(),:\"a-z0-9 \n]{0,12}",
    ) {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/hanyang-workspace.ron"),
        )
        .unwrap();
        let path = std::path::Path::new("damaged.ron");
        for candidate in damaged(&text, cut, (flip_at, flip_to), &insert) {
            match ecoplan::io::load_any_str(&candidate, path) {
                Ok(ecoplan::io::Loaded::Workspace(workspace)) => {
                    for scenario in ecoplan::engine::workspace::resolve_all(&workspace).unwrap() {
                        prop_assert!(ecoplan::engine::analyse(&scenario).is_ok());
                    }
                }
                Ok(ecoplan::io::Loaded::Scenario(scenario)) => {
                    prop_assert!(ecoplan::engine::analyse(&scenario).is_ok());
                }
                Err(error) => prop_assert!(error.to_string().starts_with("damaged.ron")),
            }
        }
    }
}
