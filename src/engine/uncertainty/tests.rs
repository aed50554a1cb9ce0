//! The Monte Carlo against sorting every draw, across passes, seeds and correlations.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha12Rng as Generator;

use super::pass::{PassOptions, monte_carlo_pass_reading_levers};
use super::percentiles::{from_order_key, insertion_sort_within, order_key, percentiles_by_year};
use super::sampling::latin_hypercube;
use super::*;
use crate::model::Distribution;

#[test]
fn fans_computed_in_several_passes_equal_one_pass() {
    // Thirteen levers: most fans depend on several draws and must keep every draw's values.
    let mut scenario = crate::io::scenario_file::from_ron_str(
        include_str!("../../../benches/many-levers.ron"),
        std::path::Path::new("many-levers.ron"),
    )
    .unwrap();
    scenario.horizon = 2040;
    let settings = MonteCarlo {
        runs: 600,
        ..MonteCarlo::default()
    };
    let fans: Vec<String> = scenario.series.iter().map(|s| s.key.clone()).collect();
    let (progress, never) = (AtomicUsize::new(0), AtomicBool::new(false));
    let one = monte_carlo_in_passes(&scenario, settings, &fans, (&progress, &never), usize::MAX)
        .unwrap()
        .unwrap();
    assert_eq!(progress.swap(0, Ordering::Relaxed), 600);
    // Room for one kept fan at a time (its window of years and its order, the run stepped):
    // a pass for each of them.
    let room = (pass::WINDOW + 3) * 600;
    let groups = pass_groups(&scenario, 600, &fans, room).unwrap();
    assert!(groups.len() > 3, "{} passes", groups.len());
    assert!(groups[1..].iter().all(|group| group.len() == 1));
    let many = monte_carlo_in_passes(&scenario, settings, &fans, (&progress, &never), room)
        .unwrap()
        .unwrap();
    assert_eq!(one, many);
    assert_eq!(many.fans.len(), fans.len());
    assert_eq!(progress.load(Ordering::Relaxed), 600 * groups.len());
    assert!(
        many.exceedance
            .iter()
            .any(|e| e.by_year.last() > Some(&0.0))
    );
}

#[test]
fn quantiles_of_the_distributions() {
    let uniform = Distribution::Uniform {
        min: 0.02,
        max: 0.06,
    };
    assert!((quantile(&uniform, 0.25) - 0.03).abs() < 1e-12);
    let triangular = Distribution::Triangular {
        min: 0.0,
        mode: 0.5,
        max: 1.0,
    };
    assert!((quantile(&triangular, 0.5) - 0.5).abs() < 1e-12);
    let normal = Distribution::Normal {
        mean: 0.05,
        sd: 0.01,
        min: -0.5,
        max: 0.5,
    };
    assert!((quantile(&normal, 0.5) - 0.05).abs() < 1e-9);
    assert!((quantile(&normal, 0.975) - (0.05 + 1.959_964 * 0.01)).abs() < 1e-6);
    let truncated = Distribution::Normal {
        mean: 0.05,
        sd: 0.05,
        min: 0.04,
        max: 0.06,
    };
    assert!((0.04..=0.06).contains(&quantile(&truncated, 0.999)));
}

#[test]
fn latin_hypercube_puts_one_draw_in_each_stratum() {
    let table = latin_hypercube(100, 2, 7);
    for column in &table {
        let mut strata: Vec<usize> = column.iter().map(|u| (u * 100.0) as usize).collect();
        strata.sort_unstable();
        assert_eq!(strata, (0..100).collect::<Vec<_>>());
    }
}

/// Years whose draws keep their ranks, move them a little, reshuffle them and tie: each
/// year's percentiles, sorted from the year before's order, are those of sorting it.
#[test]
fn percentiles_by_year_equal_sorted_ones_for_any_count_order_and_ties() {
    let mut rng = Generator::seed_from_u64(5);
    for n in (1..=60).chain([99, 100, 101, 1001, 10_000]) {
        let first: Vec<f64> = (0..n).map(|_| rng.random::<f64>()).collect();
        let mut years = vec![vec![1.0; n], first.clone()];
        // The same ranks grown; a little noise (some ranks swap); reshuffled; tied.
        years.push(first.iter().map(|v| v * 1.07).collect());
        years.push(
            first
                .iter()
                .map(|v| v * 1.07 + 0.01 * rng.random::<f64>())
                .collect(),
        );
        years.push((0..n).map(|_| rng.random::<f64>()).collect());
        years.push(
            (0..n)
                .map(|_| (rng.random::<f64>() * 4.0).floor())
                .collect(),
        );
        years.push(first.iter().rev().copied().collect());
        let got = percentiles_by_year(years.len(), |y, values| values.extend(&years[y]));
        for (y, year) in years.iter().enumerate() {
            let mut sorted = year.clone();
            sorted.sort_by(f64::total_cmp);
            assert_eq!(
                got[y],
                PERCENTILES.map(|p| percentile_of_sorted(&sorted, p)),
                "{n} draws, year {y}"
            );
        }
    }
}

#[test]
fn an_insertion_sort_past_its_budget_stops_and_keeps_every_pair() {
    // Last year's order ascending, this year's values descending: a budget too small.
    let values: Vec<f64> = (0..100).rev().map(f64::from).collect();
    let mut pairs: Vec<(i64, u32)> = (0..100).map(|d| (0, d)).collect();
    assert!(!insertion_sort_within(&mut pairs, 50, |d| values[d as usize]));
    let mut draws: Vec<u32> = pairs.iter().map(|p| p.1).collect();
    draws.sort_unstable();
    assert_eq!(draws, (0..100).collect::<Vec<_>>());
    // Nearly in order, negative values too: sorted by this year's values, each key its own.
    let values: Vec<f64> = (0..100).map(|i| f64::from(i ^ 1) - 50.0).collect();
    let mut nearly: Vec<(i64, u32)> = (0..100).map(|d| (0, d)).collect();
    assert!(insertion_sort_within(&mut nearly, 100, |d| values[d as usize]));
    assert!(
        nearly
            .windows(2)
            .all(|w| from_order_key(w[0].0) <= from_order_key(w[1].0))
    );
    assert!(
        nearly
            .iter()
            .all(|&(key, d)| from_order_key(key) == values[d as usize])
    );
}

#[test]
fn order_keys_order_as_total_cmp_and_give_the_value_back() {
    let values = [
        f64::NEG_INFINITY,
        -1e300,
        -2.5,
        -0.0,
        0.0,
        1e-310,
        3.0,
        f64::INFINITY,
        f64::NAN,
    ];
    for a in values {
        assert_eq!(from_order_key(order_key(a)).to_bits(), a.to_bits());
        for b in values {
            assert_eq!(order_key(a).cmp(&order_key(b)), a.total_cmp(&b), "{a} {b}");
        }
    }
}

#[test]
fn percentiles_interpolate() {
    let values = [1.0, 2.0, 3.0, 4.0, 5.0];
    assert_eq!(percentile_of_sorted(&values, 0.5), 3.0);
    assert_eq!(percentile_of_sorted(&values, 0.25), 2.0);
    assert!((percentile_of_sorted(&values, 0.05) - 1.2).abs() < 1e-12);
}

#[test]
fn fans_read_off_a_lever_equal_fans_selected_among_every_draw() {
    use crate::model::{Rule, Uncertain};
    let mut scenario = crate::plan::hanyang_plan();
    scenario.horizon = 2060;
    // A growth rate (COD), a rate driving elasticity-1 shares (GDP), an intensity change
    // (domestic water) and the rate after the last point (good-air days).
    scenario.uncertainty = vec![
        Uncertain {
            series: "cod".into(),
            distribution: Distribution::Normal {
                mean: 0.07,
                sd: 0.015,
                min: 0.0,
                max: 0.15,
            },
        },
        Uncertain {
            series: "gdp".into(),
            distribution: Distribution::Uniform {
                min: 0.05,
                max: 0.09,
            },
        },
        Uncertain {
            series: "water_domestic".into(),
            distribution: Distribution::Triangular {
                min: -0.02,
                mode: 0.0,
                max: 0.01,
            },
        },
        Uncertain {
            series: "good_air_days".into(),
            distribution: Distribution::Uniform {
                min: -0.01,
                max: 0.01,
            },
        },
    ];
    // An elasticity other than 1 is not read off its driver: selected as before.
    scenario.series_mut("gdp_tertiary").unwrap().rule = Rule::GrowthAs {
        driver: "gdp".into(),
        elasticity: 1.2,
    };
    let all: Vec<String> = scenario.series.iter().map(|s| s.key.clone()).collect();
    let plan = ProjectionPlan::new(&scenario).unwrap();
    let roots: Vec<usize> = ["cod", "gdp", "water_domestic", "good_air_days"]
        .map(|k| plan.series_index(k).unwrap())
        .to_vec();
    let one = plan.monotone_in_one(&roots);
    let index = |k: &str| plan.series_index(k).unwrap();
    assert_eq!(one[index("cod")], Some(0));
    assert_eq!(one[index("gdp_secondary")], Some(1));
    assert_eq!(one[index("water_ecological")], Some(2));
    assert_eq!(one[index("good_air_days")], Some(3));
    assert_eq!(one[index("gdp_tertiary")], None);
    assert_eq!(one[index("so2")], None, "moved by nothing");
    for sampling in [Sampling::Random, Sampling::LatinHypercube] {
        let settings = MonteCarlo {
            runs: 2_000,
            seed: 3,
            sampling,
        };
        let never = (&AtomicUsize::new(0), &AtomicBool::new(false));
        let pass = |read_levers, threads, stepped| {
            let options = PassOptions {
                read_levers,
                threads,
                stepped: Some(stepped),
            };
            monte_carlo_pass_reading_levers(&scenario, settings, &all, never, options).unwrap()
        };
        // Each chunk over every year, every draw's values kept, every fan selected among them.
        let selected = pass(false, None, false);
        assert_eq!(pass(true, None, false), selected, "{sampling:?}");
        // The same numbers stepped a year at a time, and on one thread and on five: chunks
        // carry their own generators and the percentiles are exact whoever computes them.
        assert_eq!(pass(true, None, true), selected, "{sampling:?} stepped");
        for stepped in [false, true] {
            for threads in [1, 5] {
                assert_eq!(
                    pass(false, Some(threads), stepped),
                    selected,
                    "{sampling:?} on {threads} threads, stepped {stepped}"
                );
            }
        }
    }
}

#[test]
fn a_run_stepped_a_year_at_a_time_equals_one_projecting_each_chunk_over_every_year() {
    // Thirteen levers: driven series, elasticities other than 1, fans of several draws.
    let scenario = crate::io::scenario_file::from_ron_str(
        include_str!("../../../benches/many-levers.ron"),
        std::path::Path::new("many-levers.ron"),
    )
    .unwrap();
    let fans: Vec<String> = scenario.series.iter().map(|s| s.key.clone()).collect();
    for sampling in [Sampling::Random, Sampling::LatinHypercube] {
        let settings = MonteCarlo {
            runs: 3_000,
            seed: 7,
            sampling,
        };
        let progress = AtomicUsize::new(0);
        let never = AtomicBool::new(false);
        let pass = |stepped, threads| {
            let options = PassOptions {
                read_levers: true,
                threads,
                stepped: Some(stepped),
            };
            monte_carlo_pass_reading_levers(
                &scenario,
                settings,
                &fans,
                (&progress, &never),
                options,
            )
            .unwrap()
            .unwrap()
        };
        let chunked = pass(false, None);
        assert_eq!(progress.swap(0, Ordering::Relaxed), 3_000);
        for threads in [1, 3] {
            assert_eq!(
                pass(true, Some(threads)),
                chunked,
                "{sampling:?} on {threads}"
            );
            // Progress counts every draw once, a year of them at a time.
            assert_eq!(progress.swap(0, Ordering::Relaxed), 3_000);
        }
        assert!(
            chunked
                .exceedance
                .iter()
                .any(|e| e.by_year.last() > Some(&0.0))
        );
        assert!(
            chunked
                .fans
                .iter()
                .any(|f| f.percentiles.last().is_some_and(|p| p[0] < p[4]))
        );
    }
}
