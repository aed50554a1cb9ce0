//! Every chart of the built-in plan: keys, levels, notes, in both languages.

use super::*;
use crate::engine::analyse;
use crate::plan::hanyang_plan;

#[test]
fn every_capacity_target_and_group_has_a_chart() {
    let scenario = hanyang_plan();
    let analysis = analyse(&scenario).unwrap();
    let charts = all_charts(&scenario, &analysis, Lang::En);
    let keys: Vec<String> = charts.iter().map(|c| c.key.to_string()).collect();
    assert_eq!(
        &keys[..7],
        [
            "capacity-COD",
            "capacity-NH3-N",
            "capacity-SO2",
            "capacity-NO2",
            "capacity-PM10",
            "target-energy_intensity",
            "target-good_air_days"
        ]
    );
    assert!(keys.iter().any(|k| k == "group-water"));
    let emissions = charts
        .iter()
        .find(|c| c.key.to_string() == "group-emissions")
        .unwrap();
    assert_eq!(emissions.lines.len(), 5);
    let cod = &charts[0];
    assert_eq!(cod.levels[0].value, 15_314.61);
    assert_eq!(cod.unit, "t/a");
}

#[test]
fn a_capacity_far_above_the_curve_is_stated_not_drawn() {
    let scenario = hanyang_plan_to_2060();
    let analysis = crate::engine::analyse(&scenario).unwrap();
    let charts = all_charts(&scenario, &analysis, Lang::Zh);
    let chart = |key: &str| charts.iter().find(|c| c.key.to_string() == key).unwrap();
    // SO₂'s capacity is thousands of times its emission: drawn, the emission would be a
    // flat line at 0. It is said in words with the headroom instead.
    let so2 = chart("capacity-SO2");
    assert!(so2.levels.is_empty());
    let note = so2.note.as_deref().unwrap();
    assert!(note.starts_with("环境容量 20,600.00 t/a"), "{note}");
    assert!(note.contains("2060 年利用率 0.02 %"), "{note}");
    assert!(note.contains("余量 99.98 %"), "{note}");
    // COD comes within reach of its capacity: the line is drawn, nothing to say.
    let cod = chart("capacity-COD");
    assert_eq!(cod.levels.len(), 1);
    assert_eq!(cod.note, None);
    assert_eq!(cod.title, "化学需氧量排放总量与水环境容量");
    // NOx compared with the NO₂ capacity: both named, the emission not called NO₂'s.
    assert_eq!(
        chart("capacity-NO2").title,
        "氮氧化物排放量与二氧化氮大气环境容量"
    );
    // No chart carries the plan's line notes ("(line 310)"), in either language.
    assert!(!cod.source_note.contains("line"), "{}", cod.source_note);
    let en = all_charts(&scenario, &analysis, Lang::En);
    let cod_en = en
        .iter()
        .find(|c| c.key.to_string() == "capacity-COD")
        .unwrap();
    assert_eq!(cod_en.title, "COD emissions and the water capacity");
    assert!(!cod_en.source_note.contains("line 310"));
    assert!(cod_en.source_note.starts_with("Source: "));
}

#[test]
fn the_legend_lists_bands_lines_points_levels_the_mark_and_the_milestones_in_that_order() {
    let scenario = hanyang_plan_to_2060();
    let analysis = crate::engine::analyse(&scenario).unwrap();
    let charts = all_charts(&scenario, &analysis, Lang::En);
    let cod = charts
        .iter()
        .find(|c| c.key.to_string() == "capacity-COD")
        .unwrap();
    let glyphs: Vec<Glyph> = legend(cod).iter().map(|e| e.glyph).collect();
    assert_eq!(
        glyphs,
        [Glyph::Line, Glyph::Level, Glyph::Marker, Glyph::Milestones]
    );
    let entries = legend(cod);
    assert!(entries[2].name.contains("2044"), "{:?}", entries[2]);
    assert_eq!(entries[1].color, CAPACITY_COLOR);
    // The dashed milestone lines are named, with their years.
    assert_eq!(entries[3].name, "Milestone 2025, 2028");
}

#[test]
fn a_comparison_draws_every_scenario_the_current_one_thicker_and_one_capacity_line() {
    let plan = crate::plan::hanyang_plan();
    let mut high = plan.clone();
    high.series_mut("cod").unwrap().rule = crate::model::Rule::growth(0.09);
    let (a, b) = (
        crate::engine::analyse(&plan).unwrap(),
        crate::engine::analyse(&high).unwrap(),
    );
    let members = [("plan", &plan, &a), ("high", &high, &b)];
    let chart = comparison_chart(&members, 1, "cod", Lang::Zh).unwrap();
    let emphasis: Vec<(&str, bool)> = chart
        .lines
        .iter()
        .map(|l| (l.name.as_str(), l.emphasis))
        .collect();
    assert_eq!(emphasis, [("plan", false), ("high", true)]);
    assert_ne!(chart.lines[0].color, chart.lines[1].color);
    // Both have COD's capacity: one line, named without the scenarios.
    assert_eq!(chart.levels.len(), 1);
    assert_eq!(chart.levels[0].name, "环境容量 15,314.61 t/a");
    assert!(comparison_chart(&members, 0, "no-such-series", Lang::Zh).is_none());
}

#[test]
fn footprint_and_ei_have_charts_of_their_own() {
    let scenario = crate::plan::hanyang_plan();
    let analysis = crate::engine::analyse(&scenario).unwrap();
    let charts = all_charts(&scenario, &analysis, Lang::En);
    let ei = charts.iter().find(|c| c.key.to_string() == "ei").unwrap();
    assert_eq!(ei.lines.len(), 3);
    assert_eq!(ei.levels[0].value, 60.0);
    // Every curve starts at today's EI and rises as built-up land turns green.
    let today = crate::engine::methods::ecological_index(&scenario.methods.ei).ei;
    for line in &ei.lines {
        assert!((line.points[0].1 - today).abs() < 1e-9);
        assert!(line.points.last().unwrap().1 > today);
    }
    let footprint = charts
        .iter()
        .find(|c| c.key.to_string() == "footprint")
        .unwrap();
    let years = analysis.footprint.as_ref().unwrap();
    assert_eq!(footprint.lines[0].points.len(), years.len());
    assert!((footprint.lines[0].points[0].1 - years[0].footprint_gha / 1e4).abs() < 1e-9);
}

fn hanyang_plan_to_2060() -> Scenario {
    let mut scenario = crate::plan::hanyang_plan();
    scenario.horizon = 2060;
    scenario
}

#[test]
fn a_fan_chart_has_its_bands_in_percentile_order_its_median_and_its_capacity() {
    use crate::engine::uncertainty::{MonteCarlo, monte_carlo};
    use crate::model::{Distribution, Uncertain};
    let mut scenario = hanyang_plan_to_2060();
    scenario.uncertainty = vec![Uncertain {
        series: "cod".into(),
        distribution: Distribution::Uniform {
            min: 0.05,
            max: 0.09,
        },
    }];
    let never = std::sync::atomic::AtomicBool::new(false);
    let progress = std::sync::atomic::AtomicUsize::new(0);
    let result = monte_carlo(
        &scenario,
        MonteCarlo {
            runs: 500,
            ..MonteCarlo::default()
        },
        &["cod".to_owned()],
        &progress,
        &never,
    )
    .unwrap()
    .unwrap();
    let analysis = crate::engine::analyse(&scenario).unwrap();
    let spec = fan_chart(&scenario, &analysis, &result, &result.fans[0], Lang::Zh);
    let names: Vec<&str> = spec.bands.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["p5–p95", "p25–p75"]);
    assert!(
        spec.bands[0].opacity < spec.bands[1].opacity,
        "the inner band darker"
    );
    // Every band holds its line: p5 ≤ p25 ≤ p50 ≤ p75 ≤ p95 in every year.
    for (i, median) in spec.lines[0].points.iter().enumerate() {
        let (outer, inner) = (spec.bands[0].points[i], spec.bands[1].points[i]);
        assert!(outer.1 <= inner.1 && inner.1 <= median.1);
        assert!(median.1 <= inner.2 && inner.2 <= outer.2);
    }
    assert_eq!(spec.levels[0].value, 15_314.61, "COD's capacity");
    assert!(spec.title.starts_with("不确定性区间"));
    // It draws as a PNG like any chart.
    let rgb = crate::io::chart_png::render_rgb(&spec, 640, 360).unwrap();
    assert_eq!(rgb.len(), 640 * 360 * 3);
}

#[test]
fn every_series_colour_shows_on_white_and_on_the_dark_theme() {
    // WCAG's non-text contrast, 3:1, against an exported PNG's white and the dark panels.
    let luminance = |c: Rgb| {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])
    };
    let contrast = |a: Rgb, b: Rgb| {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    };
    for colour in PALETTE.iter().chain([&CAPACITY_COLOR, &MILESTONE_COLOR]) {
        for background in [[255, 255, 255], [27, 27, 27]] {
            let ratio = contrast(*colour, background);
            assert!(ratio >= 3.0, "{colour:?} on {background:?}: {ratio:.2}");
        }
    }
}
