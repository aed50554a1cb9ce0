//! Projection plus capacity analysis (the work done on every edit), for the built-in scenario
//! and for a large one of 200 series × 80 years. Figures are recorded in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ecoplan::engine::{analyse, analyse_capacities, project};
use ecoplan::model::Rule;
use ecoplan::plan::hanyang_plan;

#[path = "common/scenarios.rs"]
mod scenarios;
use scenarios::large_scenario;

fn benches(c: &mut Criterion) {
    let default = hanyang_plan();
    c.bench_function("default: project + capacity", |b| {
        b.iter(|| {
            let projection = project(black_box(&default)).unwrap();
            analyse_capacities(&default, &projection).unwrap()
        })
    });
    c.bench_function("default: full analysis", |b| {
        b.iter(|| analyse(black_box(&default)).unwrap())
    });
    // One edit as the window makes it: the edit applied to a copy, checked and analysed once,
    // the step recorded. Each iteration starts from a fresh document (not timed), so the undo
    // history does not pile up thousands of copies as no session would.
    c.bench_function("default: one edit (document apply)", |b| {
        b.iter_batched(
            || ecoplan::document::Document::new(hanyang_plan(), None).unwrap(),
            |mut doc| {
                doc.apply(black_box(ecoplan::document::Edit::SetRule {
                    series: "cod".into(),
                    rule: Rule::growth(0.08),
                }))
                .unwrap();
                doc
            },
            criterion::BatchSize::SmallInput,
        )
    });
    let doc = ecoplan::document::Document::new(hanyang_plan(), None).unwrap();
    c.bench_function("default: copy of the scenario", |b| {
        b.iter(|| black_box(&default).clone())
    });
    c.bench_function("default: check one edit (document check)", |b| {
        b.iter(|| {
            doc.check(black_box(&ecoplan::document::Edit::SetRule {
                series: "cod".into(),
                rule: Rule::growth(0.09),
            }))
            .unwrap()
        })
    });
    let large = large_scenario();
    assert_eq!(large.years().count(), 80);
    c.bench_function("200 series x 80 years: project + capacity", |b| {
        b.iter(|| {
            let projection = project(black_box(&large)).unwrap();
            analyse_capacities(&large, &projection).unwrap()
        })
    });
    c.bench_function("200 series x 80 years: one edit (document apply)", |b| {
        b.iter_batched(
            || ecoplan::document::Document::new(large.clone(), None).unwrap(),
            |mut doc| {
                doc.apply(black_box(ecoplan::document::Edit::SetRule {
                    series: "s0".into(),
                    rule: Rule::growth(0.02),
                }))
                .unwrap();
                doc
            },
            criterion::BatchSize::SmallInput,
        )
    });
}

/// 10 000 Monte Carlo draws of the built-in scenario to 2060, COD and GDP uncertain, with fan
/// tables for every series and exceedance for every capacity.
fn monte_carlo_benches(c: &mut Criterion) {
    use ecoplan::engine::uncertainty::{MonteCarlo, Sampling, monte_carlo};
    use ecoplan::model::{Distribution, Uncertain};
    use std::sync::atomic::{AtomicBool, AtomicUsize};
    let mut scenario = hanyang_plan();
    scenario.horizon = 2060;
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
    ];
    let all: Vec<String> = scenario.series.iter().map(|s| s.key.clone()).collect();
    let mut group = c.benchmark_group("monte carlo");
    group.sample_size(10);
    for (name, fans) in [
        ("10 000 runs to 2060, exceedance only", Vec::new()),
        (
            "10 000 runs to 2060, exceedance and one fan (the window's run)",
            vec!["cod".to_owned()],
        ),
        ("10 000 runs to 2060, fans of every series", all),
        (
            "10 000 runs to 2060, exceedance and the fans of every capacity (the what-if view's run)",
            ["cod", "nh3n", "so2", "nox", "dust"]
                .map(str::to_owned)
                .to_vec(),
        ),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let settings = MonteCarlo {
                    runs: 10_000,
                    seed: 1,
                    sampling: Sampling::Random,
                };
                monte_carlo(
                    black_box(&scenario),
                    settings,
                    &fans,
                    &AtomicUsize::new(0),
                    &AtomicBool::new(false),
                )
                .unwrap()
            })
        });
    }
    group.bench_function("100 000 runs to 2060, exceedance and one fan", |b| {
        b.iter(|| {
            let settings = MonteCarlo {
                runs: 100_000,
                seed: 1,
                sampling: Sampling::Random,
            };
            monte_carlo(
                black_box(&scenario),
                settings,
                &["cod".to_owned()],
                &AtomicUsize::new(0),
                &AtomicBool::new(false),
            )
            .unwrap()
        })
    });
    // The same run with GDP and COD growth rank-correlated (the uniforms made first and
    // reordered, Iman–Conover), and each lever's share of COD's 2040 value from 10 000 draws.
    let mut correlated = scenario.clone();
    correlated.correlations = vec![ecoplan::model::Correlation {
        between: ("gdp".into(), "cod".into()),
        rho: 0.6,
    }];
    let settings = MonteCarlo {
        runs: 10_000,
        seed: 1,
        sampling: Sampling::Random,
    };
    group.bench_function(
        "10 000 runs to 2060, exceedance and one fan, two levers correlated",
        |b| {
            b.iter(|| {
                monte_carlo(
                    black_box(&correlated),
                    settings,
                    &["cod".to_owned()],
                    &AtomicUsize::new(0),
                    &AtomicBool::new(false),
                )
                .unwrap()
            })
        },
    );
    // Issue 23's case: the plan made driven, 13 levers uncertain, every fan and every
    // capacity's exceedance (benches/many-levers.ron, written by tools/make-many-levers.py).
    let many: ecoplan::model::Scenario = ecoplan::io::from_ron_str(
        include_str!("many-levers.ron"),
        std::path::Path::new("many-levers.ron"),
    )
    .expect("the fixture reads");
    let every: Vec<String> = many.series.iter().map(|s| s.key.clone()).collect();
    for (name, runs) in [
        (
            "13 levers, 10 000 runs to 2060, every fan and exceedance",
            10_000,
        ),
        (
            "13 levers, 100 000 runs to 2060, every fan and exceedance",
            100_000,
        ),
    ] {
        group.bench_function(name, |b| {
            let settings = MonteCarlo {
                runs,
                seed: 1,
                sampling: Sampling::Random,
            };
            b.iter(|| {
                monte_carlo(
                    black_box(&many),
                    settings,
                    &every,
                    &AtomicUsize::new(0),
                    &AtomicBool::new(false),
                )
                .unwrap()
            })
        });
    }
    group.bench_function("importance of COD in 2040, 10 000 runs", |b| {
        use ecoplan::engine::importance::{Outcome, importance};
        let outcome = Outcome::Series {
            key: "cod".into(),
            year: 2040,
        };
        b.iter(|| importance(black_box(&correlated), settings, &outcome).unwrap())
    });
    group.finish();
}

/// What `ecoplan check` does with hostile shapes of file (issue: nothing hangs): 8 000 identical
/// series (the identical-series finding), and a workspace of 2 000 members each the child of the
/// one before (resolution and validation of every member).
fn hostile_file_benches(c: &mut Criterion) {
    use ecoplan::io::{from_ron_str, load_any_str, to_ron_string, workspace_to_ron_string};
    use ecoplan::model::{Changes, Definition, Member, SeriesChange, Workspace};
    use std::path::Path;
    let mut copies = hanyang_plan();
    let cod = copies.series("cod").unwrap().clone();
    for i in 0..8_000 {
        let mut copy = cod.clone();
        copy.key = format!("cod{i}");
        copies.series.push(copy);
    }
    let copies_text = to_ron_string(&copies);
    let mut members = vec![Member {
        name: "m0".into(),
        parent: None,
        scenario: Definition::Full(Box::new(hanyang_plan())),
    }];
    for k in 1..2_000 {
        members.push(Member {
            name: format!("m{k}"),
            parent: Some(format!("m{}", k - 1)),
            scenario: Definition::Changes(Changes {
                series: vec![SeriesChange {
                    key: "cod".into(),
                    base: None,
                    rule: Some(Rule::growth(0.05 + f64::from(k) * 1e-5)),
                    ..SeriesChange::default()
                }],
                ..Changes::default()
            }),
        });
    }
    let chain_text = workspace_to_ron_string(&Workspace {
        format_version: ecoplan::model::FORMAT_VERSION,
        workspace: members,
    });
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.bench_function("8 000 identical series: parse, validate, analyse", |b| {
        b.iter(|| from_ron_str(black_box(&copies_text), Path::new("copies.ron")).unwrap())
    });
    group.bench_function(
        "2 000-member chain: parse, resolve, validate every member",
        |b| b.iter(|| load_any_str(black_box(&chain_text), Path::new("chain.ron")).unwrap()),
    );
    group.finish();
}

criterion_group!(
    projection,
    benches,
    monte_carlo_benches,
    hostile_file_benches
);
criterion_main!(projection);
