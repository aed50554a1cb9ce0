//! One frame of the window with nothing changing: the Baselines view of a scenario of 200 series
//! × 80 years (every field shown, none checked) and the what-if view of the built-in plan. A frame
//! must run no analysis; the benchmark says how many it ran and how long a frame takes (layout and
//! tessellation, without a GPU). Figures in BENCHMARKS.md.

use criterion::{Criterion, criterion_group, criterion_main};
use ecoplan::app::{EcoplanApp, FileDialogs, Picked};
use ecoplan::ui::View;
use eframe::egui;
use egui_kittest::Harness;

#[path = "common/scenarios.rs"]
mod scenarios;

/// No dialog opens in a benchmark.
struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_scenario(&self) -> Picked {
        Picked::Cancelled
    }
    fn pick_table(&self) -> Picked {
        Picked::Cancelled
    }
    fn pick_save(&self, _suggested_name: &str, _extension: &str) -> Picked {
        Picked::Cancelled
    }
}

fn harness(scenario: ecoplan::model::Scenario, view: View) -> Harness<'static, EcoplanApp> {
    let mut app = EcoplanApp::with_builtin_plan(Box::new(NoDialogs));
    app.doc = ecoplan::document::Document::new(scenario, None).unwrap();
    app.state.view = view;
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(ecoplan::ui::fonts::install)
        .build_ui_state(|ui, app: &mut EcoplanApp| app.window_ui(ui), app)
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    for (name, scenario, view) in [
        (
            "Baselines view, 200 series x 80 years",
            scenarios::large_scenario(),
            View::Baselines,
        ),
        (
            "what-if view, the built-in plan",
            ecoplan::plan::hanyang_plan(),
            View::WhatIf,
        ),
    ] {
        let mut harness = harness(scenario, view);
        harness.run();
        let before = ecoplan::engine::analyses_run();
        for _ in 0..10 {
            harness.step();
        }
        let per_frame = (ecoplan::engine::analyses_run() - before) as f64 / 10.0;
        println!("{name}: {per_frame} analyses per frame");
        assert_eq!(per_frame, 0.0, "{name}: a frame ran an analysis");
        group.bench_function(name, |b| b.iter(|| harness.step()));
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
