//! Monte Carlo, goal seek and sensitivity.

use std::sync::atomic::{AtomicBool, AtomicUsize};

use ecoplan::engine::seek::{Goal, SeekOutcome, seek, sensitivity};
use ecoplan::engine::uncertainty::{
    MonteCarlo, PERCENTILES, Sampling, UncertaintyResult, monte_carlo,
};
use ecoplan::engine::{analyse, project};
use ecoplan::model::{Distribution, Scenario, Uncertain, with_lever};
use ecoplan::plan::hanyang_plan;
use statrs::distribution::{ContinuousCDF, Normal};

fn run(
    scenario: &Scenario,
    runs: usize,
    seed: u64,
    sampling: Sampling,
    fans: &[&str],
) -> UncertaintyResult {
    let fans: Vec<String> = fans.iter().map(|s| s.to_string()).collect();
    monte_carlo(
        scenario,
        MonteCarlo {
            runs,
            seed,
            sampling,
        },
        &fans,
        &AtomicUsize::new(0),
        &AtomicBool::new(false),
    )
    .unwrap()
    .unwrap()
}

fn uncertain(series: &str, distribution: Distribution) -> Scenario {
    let mut scenario = hanyang_plan();
    scenario.uncertainty = vec![Uncertain {
        series: series.into(),
        distribution,
    }];
    scenario
}

#[test]
fn the_same_seed_gives_the_same_numbers() {
    let scenario = uncertain(
        "cod",
        Distribution::Triangular {
            min: 0.04,
            mode: 0.07,
            max: 0.10,
        },
    );
    let a = run(&scenario, 3_000, 42, Sampling::Random, &["cod", "gdp"]);
    let b = run(&scenario, 3_000, 42, Sampling::Random, &["cod", "gdp"]);
    assert_eq!(a, b);
    let c = run(&scenario, 3_000, 43, Sampling::Random, &["cod", "gdp"]);
    assert_ne!(a.fans[0], c.fans[0]);
    // GDP carries no uncertainty here: its fan is a line.
    assert!(a.fans[1].percentiles.iter().all(|p| p[0] == p[4]));
    let lhs = run(&scenario, 3_000, 42, Sampling::LatinHypercube, &["cod"]);
    assert_eq!(
        lhs,
        run(&scenario, 3_000, 42, Sampling::LatinHypercube, &["cod"])
    );
}

#[test]
fn percentiles_follow_the_rate_quantiles_because_growth_is_monotone() {
    // GDP 2028 = 792.86·(1 + r)⁷ with r ~ N(7.5 %, 1 %): its p-quantile is that of r, grown.
    let (mean, sd) = (0.075, 0.01);
    let scenario = uncertain(
        "gdp",
        Distribution::Normal {
            mean,
            sd,
            min: mean - 8.0 * sd,
            max: mean + 8.0 * sd,
        },
    );
    let result = run(&scenario, 20_000, 7, Sampling::LatinHypercube, &["gdp"]);
    let normal = Normal::new(mean, sd).unwrap();
    let fan_2028 = result.fans[0].percentiles[7];
    for (k, p) in PERCENTILES.iter().enumerate() {
        let expected = 792.86 * (1.0 + normal.inverse_cdf(*p)).powi(7);
        assert!(
            (fan_2028[k] / expected - 1.0).abs() < 2e-3,
            "p{p}: {} vs {expected}",
            fan_2028[k]
        );
    }
}

#[test]
fn exceedance_probability_matches_the_closed_form() {
    // COD rate ~ U(4 %, 10 %): COD exceeds 15 314.61 t/a by year Y when the rate is above
    // (15 314.61 / base)^(1/(Y − 2021)) − 1.
    let mut scenario = uncertain(
        "cod",
        Distribution::Uniform {
            min: 0.04,
            max: 0.10,
        },
    );
    scenario.horizon = 2060;
    let base = scenario.series("cod").unwrap().base.unwrap();
    let result = run(&scenario, 10_000, 3, Sampling::LatinHypercube, &[]);
    let cod = result
        .exceedance
        .iter()
        .find(|e| e.pollutant == "COD")
        .unwrap();
    for year in [2035, 2040, 2050, 2060] {
        let threshold = (15_314.61 / base).powf(1.0 / f64::from(year - 2021)) - 1.0;
        let expected = ((0.10 - threshold) / 0.06).clamp(0.0, 1.0);
        let got = cod.by_year[(year - 2021) as usize];
        assert!((got - expected).abs() < 0.01, "{year}: {got} vs {expected}");
    }
    // NO₂'s capacity is 0: every draw exceeds it from the first year.
    let no2 = result
        .exceedance
        .iter()
        .find(|e| e.pollutant == "NO2")
        .unwrap();
    assert_eq!(no2.in_year[0], 1.0);
}

#[test]
fn a_run_can_be_cancelled() {
    let scenario = uncertain(
        "cod",
        Distribution::Uniform {
            min: 0.04,
            max: 0.10,
        },
    );
    let cancelled = AtomicBool::new(true);
    let result = monte_carlo(
        &scenario,
        MonteCarlo::default(),
        &[],
        &AtomicUsize::new(0),
        &cancelled,
    )
    .unwrap();
    assert!(result.is_none());
}

#[test]
fn bad_distributions_and_run_counts_are_named() {
    let scenario = uncertain(
        "cod",
        Distribution::Triangular {
            min: 0.1,
            mode: 0.05,
            max: 0.2,
        },
    );
    let error = monte_carlo(
        &scenario,
        MonteCarlo::default(),
        &[],
        &AtomicUsize::new(0),
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("\"cod\"") && error.to_string().contains("mode"),
        "{error}"
    );
    let scenario = uncertain("cod", Distribution::Uniform { min: 0.0, max: 3.0 });
    let error = monte_carlo(
        &scenario,
        MonteCarlo::default(),
        &[],
        &AtomicUsize::new(0),
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert!(error.to_string().contains("max = 3"), "{error}");
    let settings = MonteCarlo {
        runs: 200_000,
        ..MonteCarlo::default()
    };
    assert!(
        monte_carlo(
            &hanyang_plan(),
            settings,
            &[],
            &AtomicUsize::new(0),
            &AtomicBool::new(false)
        )
        .is_err()
    );
}

fn with_rate(scenario: &Scenario, key: &str, value: f64) -> Scenario {
    let mut scenario = scenario.clone();
    let series = scenario.series_mut(key).unwrap();
    series.rule = with_lever(&series.rule, value).unwrap();
    scenario
}

#[test]
fn energy_growth_that_meets_the_2028_intensity_target_is_checked_by_reprojection() {
    let plan = hanyang_plan();
    let answer = seek(
        &plan,
        &Goal::Target("energy_intensity".into()),
        "energy",
        (-0.2, 0.3),
    )
    .unwrap();
    assert_eq!(answer.outcome, SeekOutcome::Found);
    let rate = answer.value.unwrap();
    let check = |rate| {
        let analysis = analyse(&with_rate(&plan, "energy", rate)).unwrap();
        analysis
            .targets
            .into_iter()
            .find(|t| t.key == "energy_intensity")
            .unwrap()
    };
    let met = check(rate);
    assert!(met.met && (met.value - 0.136).abs() < 1e-9, "{}", met.value);
    assert!(!check(rate + 1e-6).met);
    assert!((rate - 0.0519).abs() < 5e-4, "{rate}");
}

#[test]
fn highest_cod_growth_that_keeps_cod_under_capacity_until_2040() {
    let plan = hanyang_plan();
    let answer = seek(
        &plan,
        &Goal::Capacity {
            pollutant: "COD".into(),
            until: 2040,
        },
        "cod",
        (0.0, 0.3),
    )
    .unwrap();
    let rate = answer.value.unwrap();
    let mut scenario = with_rate(&plan, "cod", rate);
    scenario.horizon = 2040;
    assert!((project(&scenario).unwrap().value("cod", 2040).unwrap() - 15_314.61).abs() < 1e-6);
    // Unreachable and always-met goals say so.
    let never = seek(
        &plan,
        &Goal::Capacity {
            pollutant: "NO2".into(),
            until: 2030,
        },
        "nox",
        (-0.5, 0.5),
    )
    .unwrap();
    assert_eq!(
        (never.outcome, never.value),
        (SeekOutcome::NotMetInRange, None)
    );
    let always = seek(
        &plan,
        &Goal::Capacity {
            pollutant: "SO2".into(),
            until: 2030,
        },
        "so2",
        (-0.1, 0.1),
    )
    .unwrap();
    assert_eq!(always.outcome, SeekOutcome::MetAcrossRange);
}

#[test]
fn sensitivity_ranks_the_levers_and_reprojects() {
    let plan = hanyang_plan();
    let (base, swings) = sensitivity(&plan, "water_ecological", 2028, 0.1).unwrap();
    assert!((base - 1.2917).abs() < 1e-4);
    // Ecological water follows domestic water (intensity change 0: no lever), which follows
    // population: its own elasticity and the population rate move it, nothing else.
    let mut levers: Vec<&str> = swings.iter().map(|s| s.series.as_str()).collect();
    assert!(
        swings.windows(2).all(|w| w[0].width() >= w[1].width()),
        "widest first"
    );
    levers.sort_unstable();
    assert_eq!(levers, ["population", "water_ecological"]);
    let population = swings.iter().find(|s| s.series == "population").unwrap();
    let high = project(&with_rate(&plan, "population", 0.055))
        .unwrap()
        .value("water_ecological", 2028)
        .unwrap();
    assert!((population.high - high).abs() < 1e-12);
}

#[test]
fn command_line_runs_uncertainty_and_seek() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ecoplan"))
            .env("LC_ALL", "en_US.UTF-8")
            .args(args)
            .output()
            .unwrap()
    };
    let output = run(&[
        "uncertainty",
        "--runs",
        "500",
        "--uncertain",
        "cod=uniform:0.04,0.1",
        "--series",
        "cod",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let csv = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        csv.lines().next(),
        Some("series,year,p5,p25,p50,p75,p95,unit")
    );
    assert_eq!(csv.lines().count(), 9);
    let again = run(&[
        "uncertainty",
        "--runs",
        "500",
        "--uncertain",
        "cod=uniform:0.04,0.1",
        "--series",
        "cod",
    ]);
    assert_eq!(again.stdout, csv.as_bytes(), "seeded");
    let output = run(&[
        "uncertainty",
        "--table",
        "exceedance",
        "--horizon",
        "2040",
        "--uncertain",
        "cod=normal:0.07,0.02",
    ]);
    let csv = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        csv.lines().next(),
        Some("pollutant,year,probability,cumulative")
    );
    let output = run(&["seek", "--lever", "energy", "--target", "energy_intensity"]);
    let csv = String::from_utf8(output.stdout).unwrap();
    assert!(
        csv.starts_with("lever,outcome,value,margin\nenergy,found,0.051"),
        "{csv}"
    );
    let output = run(&["uncertainty", "--uncertain", "cod=lognormal:1,2"]);
    assert_eq!(output.status.code(), Some(2));
    let output = run(&["seek", "--lever", "energy"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--target"));
}
