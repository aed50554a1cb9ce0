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

/// GDP growth and the secondary industry's elasticity to GDP, both uncertain, at `rho`.
fn correlated(rho: f64, sampling: Sampling) -> UncertaintyResult {
    use ecoplan::model::Correlation;
    let mut scenario = hanyang_plan();
    let normal = |mean: f64, sd: f64| Distribution::Normal {
        mean,
        sd,
        min: mean - 4.0 * sd,
        max: mean + 4.0 * sd,
    };
    scenario.uncertainty = vec![
        Uncertain {
            series: "gdp".into(),
            distribution: normal(0.075, 0.02),
        },
        Uncertain {
            series: "gdp_secondary".into(),
            distribution: normal(1.0, 0.2),
        },
    ];
    if rho != 0.0 {
        scenario.correlations = vec![Correlation {
            between: ("gdp".into(), "gdp_secondary".into()),
            rho,
        }];
    }
    assert!(ecoplan::engine::validate(&scenario).is_empty());
    run(&scenario, 4000, 11, sampling, &["gdp", "gdp_secondary"])
}

#[test]
fn correlated_levers_widen_or_narrow_what_they_drive_together_and_keep_each_lever() {
    for sampling in [Sampling::Random, Sampling::LatinHypercube] {
        let spread = |result: &UncertaintyResult, key: &str| {
            let fan = result.fans.iter().find(|f| f.series == key).unwrap();
            let last = fan.percentiles.last().unwrap();
            last[4] - last[0]
        };
        let (against, independent, together) = (
            correlated(-0.8, sampling),
            correlated(0.0, sampling),
            correlated(0.8, sampling),
        );
        // Secondary industry = f(GDP, elasticity): moving together widens its p5–p95, moving
        // against each other narrows it.
        let widths = [
            spread(&against, "gdp_secondary"),
            spread(&independent, "gdp_secondary"),
            spread(&together, "gdp_secondary"),
        ];
        assert!(
            widths[0] < 0.8 * widths[1] && widths[2] > 1.15 * widths[1],
            "{sampling:?}: {widths:?}"
        );
        // GDP alone moves with its own lever: correlating only reorders its draws, so its fan
        // is the same at any correlation (and the independent run's within sampling error).
        let gdp = |r: &UncertaintyResult| {
            r.fans
                .iter()
                .find(|f| f.series == "gdp")
                .unwrap()
                .percentiles
                .clone()
        };
        assert_eq!(gdp(&against), gdp(&together));
        for (a, b) in gdp(&together)
            .last()
            .unwrap()
            .iter()
            .zip(gdp(&independent).last().unwrap())
        {
            assert!((a / b - 1.0).abs() < 0.02, "{sampling:?}: {a} against {b}");
        }
    }
}

#[test]
fn correlations_that_cannot_hold_together_are_refused_by_their_pair_and_unticking_drops_them() {
    use ecoplan::document::{Document, Edit};
    use ecoplan::model::Correlation;
    let mut scenario = hanyang_plan();
    let normal = |mean: f64| Distribution::Normal {
        mean,
        sd: 0.01,
        min: mean - 0.04,
        max: mean + 0.04,
    };
    scenario.uncertainty = ["gdp", "energy", "cod"]
        .map(|key| Uncertain {
            series: key.into(),
            distribution: normal(0.05),
        })
        .to_vec();
    let pair = |a: &str, b: &str, rho: f64| Correlation {
        between: (a.into(), b.into()),
        rho,
    };
    scenario.correlations = vec![
        pair("gdp", "energy", 0.9),
        pair("energy", "cod", 0.9),
        pair("gdp", "cod", -0.9),
    ];
    let errors = ecoplan::engine::validate(&scenario);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = errors[0].in_lang(ecoplan::i18n::Lang::Zh);
    assert!(
        message.contains("相关系数") && message.contains("半正定"),
        "{message}"
    );
    // The same pairs at 0.5, 0.5 and 0.1 can hold together.
    scenario.correlations = vec![
        pair("gdp", "energy", 0.5),
        pair("energy", "cod", 0.5),
        pair("gdp", "cod", 0.1),
    ];
    assert!(ecoplan::engine::validate(&scenario).is_empty());
    // Unticking energy takes its two correlations with it; the edit is not refused.
    let mut doc = Document::new(scenario.clone(), None).unwrap();
    let kept: Vec<Uncertain> = scenario
        .uncertainty
        .iter()
        .filter(|u| u.series != "energy")
        .cloned()
        .collect();
    doc.apply(Edit::SetUncertainty { uncertainty: kept })
        .unwrap();
    assert_eq!(doc.scenario().correlations, vec![pair("gdp", "cod", 0.1)]);
    // Out of range, with itself, and of a lever that is not uncertain: each refused.
    for bad in [
        pair("gdp", "cod", 1.5),
        pair("gdp", "gdp", 0.5),
        pair("gdp", "msw", 0.5),
    ] {
        let mut with_bad = doc.scenario().clone();
        with_bad.correlations.push(bad.clone());
        assert!(!ecoplan::engine::validate(&with_bad).is_empty(), "{bad:?}");
    }
}

#[test]
fn importance_names_the_lever_that_drives_a_result_with_shares_between_zero_and_one() {
    let importance = |args: &[&str]| -> Vec<(String, f64)> {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_ecoplan"))
            .env("LC_ALL", "en_US.UTF-8")
            .args(["uncertainty", "--table", "importance"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("lever,share"));
        lines
            .map(|l| {
                let (lever, share) = l.split_once(',').unwrap();
                (lever.to_owned(), share.parse().unwrap())
            })
            .collect()
    };
    // The secondary industry in 2028 follows GDP with an elasticity: a wide elasticity and a
    // narrow GDP growth make the elasticity the first driver; COD, unrelated, reads about 0.
    let shares = importance(&[
        "--uncertain",
        "gdp=normal:0.075,0.002",
        "--uncertain",
        "gdp_secondary=normal:1.0,0.3,0.1,1.9",
        "--uncertain",
        "cod=normal:0.05,0.01",
        "--series",
        "gdp_secondary",
        "--year",
        "2028",
    ]);
    // Every uncertain lever has its row, the elasticity first; GDP's tiny spread and COD's
    // unrelated rate share what is left, within sampling error of 0.
    let mut levers: Vec<&str> = shares.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(levers[0], "gdp_secondary", "{shares:?}");
    levers.sort_unstable();
    assert_eq!(levers, ["cod", "gdp", "gdp_secondary"], "{shares:?}");
    assert!(
        shares.iter().all(|(_, s)| (0.0..=1.0).contains(s)),
        "{shares:?}"
    );
    assert!(shares[0].1 > 0.8 && shares[2].1 < 0.02, "{shares:?}");
    let sum: f64 = shares.iter().map(|(_, s)| s).sum();
    assert!((sum - 1.0).abs() < 0.1, "nearly additive: {shares:?}");
    // Having exceeded COD's capacity by 2050 depends on COD's own rate, not on GDP's.
    let shares = importance(&[
        "--horizon",
        "2060",
        "--uncertain",
        "gdp=normal:0.075,0.005",
        "--uncertain",
        "cod=normal:0.05,0.03",
        "--capacity",
        "COD",
        "--year",
        "2050",
    ]);
    assert_eq!(shares[0].0, "cod", "{shares:?}");
    assert!(shares[0].1 > 0.9 && shares[1].1 < 0.05, "{shares:?}");
}
