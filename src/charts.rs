//! What each chart shows, as plain data: the window draws these with egui_plot, the PNG export
//! with plotters, and presentation mode pages through them. Titles and legends are in the
//! interface language; colours are one per series everywhere.

use crate::engine::{Analysis, TargetCheck};
use crate::format;
use crate::i18n::{Lang, Tr};
use crate::model::{Group, Medium, Scenario};

pub type Rgb = [u8; 3];

/// A palette that stays distinguishable on a projector and for common colour blindness
/// (Okabe–Ito hues, then Tableau's), cycled by a series' position in the scenario, each dark
/// enough for 3:1 against white (a light window, an exported PNG) and light enough to show on
/// the dark theme. No pure red: red is the capacity line's.
pub const PALETTE: [Rgb; 12] = [
    [0, 114, 178],
    [190, 110, 0],
    [0, 140, 100],
    [190, 90, 150],
    [30, 135, 200],
    [213, 94, 0],
    [120, 94, 240],
    [160, 100, 85],
    [200, 70, 170],
    [120, 120, 0],
    [0, 140, 160],
    [148, 103, 189],
];

pub const CAPACITY_COLOR: Rgb = [200, 30, 30];
/// Amber dashes: they stand out from grey grid lines on either theme and on white.
pub const MILESTONE_COLOR: Rgb = [185, 125, 0];

/// The colour of a series in every chart and legend.
pub fn series_color(scenario: &Scenario, key: &str) -> Rgb {
    let index = scenario
        .series
        .iter()
        .position(|s| s.key == key)
        .unwrap_or(0);
    PALETTE[index % PALETTE.len()]
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartLine {
    pub name: String,
    pub color: Rgb,
    /// (year, value)
    pub points: Vec<(f64, f64)>,
}

/// A shaded band between two values by year: a fan chart's p5–p95 or p25–p75.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartBand {
    pub name: String,
    pub color: Rgb,
    /// How strongly the band is filled, 0–1: the inner band darker than the outer.
    pub opacity: f32,
    /// (year, low, high)
    pub points: Vec<(f64, f64, f64)>,
}

/// A horizontal reference line: a capacity or a target threshold.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLevel {
    pub name: String,
    pub color: Rgb,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// The name used by `ecoplan export --chart` (`capacity-COD`, `target-energy_intensity`,
    /// `group-water`).
    pub key: String,
    pub title: String,
    pub unit: String,
    /// The x axis' name (年份 / Year).
    pub x_label: String,
    pub lines: Vec<ChartLine>,
    /// Observed values of a series (a mid-term review's actual figures), drawn as points over
    /// its projected line.
    pub observed: Vec<ChartLine>,
    /// Shaded bands, drawn under the lines.
    pub bands: Vec<ChartBand>,
    pub levels: Vec<ChartLevel>,
    pub milestones: Vec<i32>,
    /// A year to mark, with its label (the first year of exceedance).
    pub marker: Option<(i32, String)>,
    /// Where the numbers come from, printed under exported charts.
    pub source_note: String,
}

/// The observed values of a series as points named "observed · GDP", in the series' colour.
fn observed_points(
    scenario: &Scenario,
    series: &crate::model::Series,
    lang: Lang,
) -> Option<ChartLine> {
    (!series.observed.is_empty()).then(|| ChartLine {
        name: format!(
            "{} · {}",
            Tr::BasisObserved.get(lang),
            lang.label(&series.label)
        ),
        color: series_color(scenario, &series.key),
        points: series
            .observed
            .iter()
            .map(|o| (f64::from(o.year), o.value))
            .collect(),
    })
}

/// Which top corner the legend goes in so that it covers no curve's end: the right when the
/// curves end lower than they start (falling emissions), the left otherwise (growth).
pub fn legend_on_the_right(spec: &ChartSpec) -> bool {
    let finite = |points: &[(f64, f64)], from_end: bool| {
        let mut iter: Box<dyn Iterator<Item = &(f64, f64)>> = if from_end {
            Box::new(points.iter().rev())
        } else {
            Box::new(points.iter())
        };
        iter.find(|p| p.1.is_finite()).map(|p| p.1)
    };
    let (mut starts, mut ends) = (0.0, 0.0);
    for line in &spec.lines {
        if let (Some(start), Some(end)) = (finite(&line.points, false), finite(&line.points, true))
        {
            starts += start;
            ends += end;
        }
    }
    ends < starts
}

fn source_note(scenario: &Scenario, lang: Lang) -> String {
    format!(
        "{}: {} · ecoplan",
        Tr::DataSource.get(lang),
        scenario.metadata.name
    )
}

/// A capacity's emission against the capacity, with the first year of exceedance marked.
pub fn capacity_chart(
    scenario: &Scenario,
    analysis: &Analysis,
    pollutant: &str,
    lang: Lang,
) -> Option<ChartSpec> {
    let result = analysis
        .capacities
        .iter()
        .find(|c| c.pollutant == pollutant)?;
    let capacity = scenario
        .capacities
        .iter()
        .find(|c| c.pollutant == pollutant)?;
    let series = scenario.series(&result.series)?;
    let capacity_value = result.years.first()?.capacity;
    // A capacity that changes by year (its non-point load follows a series) is drawn as a line.
    let varies = result.years.iter().any(|y| y.capacity != capacity_value);
    let medium = match result.medium {
        Medium::Water => Tr::CapacityWater,
        Medium::Air => Tr::CapacityAir,
    };
    Some(ChartSpec {
        key: format!("capacity-{pollutant}"),
        title: format!(
            "{} · {} · {}",
            medium.get(lang),
            lang.label(&capacity.label),
            lang.label(&series.label)
        ),
        unit: result.unit.to_string(),
        x_label: Tr::Year.get(lang).to_owned(),
        lines: std::iter::once(ChartLine {
            name: format!("{} ({})", Tr::Emission.get(lang), lang.label(&series.label)),
            color: series_color(scenario, &series.key),
            points: result
                .years
                .iter()
                .map(|y| (f64::from(y.year), y.emission))
                .collect(),
        })
        .chain(varies.then(|| {
            ChartLine {
                name: format!("{} ({})", Tr::Capacity.get(lang), result.unit),
                color: CAPACITY_COLOR,
                points: result
                    .years
                    .iter()
                    .map(|y| (f64::from(y.year), y.capacity))
                    .collect(),
            }
        }))
        .collect(),
        bands: Vec::new(),
        observed: observed_points(scenario, series, lang)
            .into_iter()
            .collect(),
        levels: (!varies)
            .then(|| ChartLevel {
                name: format!(
                    "{} {} {}",
                    Tr::Capacity.get(lang),
                    format::value(capacity_value),
                    result.unit
                ),
                color: CAPACITY_COLOR,
                value: capacity_value,
            })
            .into_iter()
            .collect(),
        milestones: scenario.milestones.clone(),
        marker: result
            .first_exceedance_year
            .map(|year| (year, format!("{} {year}", Tr::FirstExceedance.get(lang)))),
        source_note: format!("{} · {}", source_note(scenario, lang), capacity.source),
    })
}

/// A target's metric over the years against its threshold.
pub fn target_chart(scenario: &Scenario, check: &TargetCheck, lang: Lang) -> ChartSpec {
    ChartSpec {
        key: format!("target-{}", check.key),
        title: format!("{} · {}", Tr::Targets.get(lang), lang.label(&check.label)),
        unit: check.unit.to_string(),
        x_label: Tr::Year.get(lang).to_owned(),
        lines: vec![ChartLine {
            name: lang.label(&check.label).to_owned(),
            color: PALETTE[0],
            points: scenario
                .years()
                .zip(&check.values)
                .map(|(y, v)| (f64::from(y), *v))
                .collect(),
        }],
        observed: Vec::new(),
        bands: Vec::new(),
        levels: vec![ChartLevel {
            name: format!(
                "{} {} {} ({})",
                Tr::Threshold.get(lang),
                check.comparison.symbol(),
                format::value(check.threshold),
                check.year
            ),
            color: CAPACITY_COLOR,
            value: check.threshold,
        }],
        milestones: scenario.milestones.clone(),
        marker: None,
        source_note: source_note(scenario, lang),
    }
}

/// Chosen series of one unit on one chart.
pub fn series_chart(
    scenario: &Scenario,
    analysis: &Analysis,
    keys: &[&str],
    lang: Lang,
    key: String,
    title: String,
) -> Option<ChartSpec> {
    let chosen: Vec<_> = scenario
        .series
        .iter()
        .filter(|s| keys.contains(&s.key.as_str()))
        .collect();
    let unit = chosen.first()?.unit.clone();
    let lines = chosen
        .iter()
        .filter(|s| s.unit == unit)
        .filter_map(|s| {
            let projected = analysis.projection.get(&s.key)?;
            Some(ChartLine {
                name: lang.label(&s.label).to_owned(),
                color: series_color(scenario, &s.key),
                points: analysis
                    .projection
                    .years()
                    .zip(&projected.values)
                    .map(|(y, v)| (f64::from(y), *v))
                    .collect(),
            })
        })
        .collect();
    let observed = chosen
        .iter()
        .filter(|s| s.unit == unit)
        .filter_map(|s| observed_points(scenario, s, lang))
        .collect();
    Some(ChartSpec {
        key,
        title,
        unit: unit.to_string(),
        x_label: Tr::Year.get(lang).to_owned(),
        lines,
        observed,
        bands: Vec::new(),
        levels: Vec::new(),
        milestones: scenario.milestones.clone(),
        marker: None,
        source_note: source_note(scenario, lang),
    })
}

/// A Monte Carlo fan: p5–p95 light, p25–p75 darker, the median as a line, in percentile order,
/// with the capacity its series is compared with.
pub fn fan_chart(
    scenario: &Scenario,
    analysis: &Analysis,
    result: &crate::engine::uncertainty::UncertaintyResult,
    fan: &crate::engine::uncertainty::Fan,
    lang: Lang,
) -> ChartSpec {
    let color = series_color(scenario, &fan.series);
    let label = scenario
        .series(&fan.series)
        .map_or(fan.series.as_str(), |s| lang.label(&s.label));
    let year = |i: usize| f64::from(result.base_year + i as i32);
    let band = |name: &str, opacity: f32, low: usize, high: usize| ChartBand {
        name: name.to_owned(),
        color,
        opacity,
        points: fan
            .percentiles
            .iter()
            .enumerate()
            .map(|(i, p)| (year(i), p[low], p[high]))
            .collect(),
    };
    // The capacity the series is compared with, from the analysis the window already has: a
    // level where it is constant, a line where it changes by year.
    let capacity = analysis.capacities.iter().find(|c| c.series == fan.series);
    let first = capacity.and_then(|c| c.years.first().map(|y| y.capacity));
    let varies = capacity.is_some_and(|c| c.years.iter().any(|y| Some(y.capacity) != first));
    let capacity_name = |value: Option<f64>| match value {
        Some(v) => format!(
            "{} {} {}",
            Tr::Capacity.get(lang),
            format::value(v),
            fan.unit
        ),
        None => format!("{} ({})", Tr::Capacity.get(lang), fan.unit),
    };
    let mut lines = vec![ChartLine {
        name: format!("p50 ({})", Tr::Median.get(lang)),
        color,
        points: fan
            .percentiles
            .iter()
            .enumerate()
            .map(|(i, p)| (year(i), p[2]))
            .collect(),
    }];
    if let (Some(capacity), true) = (capacity, varies) {
        lines.push(ChartLine {
            name: capacity_name(None),
            color: CAPACITY_COLOR,
            points: capacity
                .years
                .iter()
                .map(|y| (f64::from(y.year), y.capacity))
                .collect(),
        });
    }
    ChartSpec {
        key: format!("fan-{}", fan.series),
        title: format!("{} · {label}", Tr::FanChart.get(lang)),
        unit: fan.unit.clone(),
        x_label: Tr::Year.get(lang).to_owned(),
        lines,
        observed: Vec::new(),
        bands: vec![band("p5–p95", 0.18, 0, 4), band("p25–p75", 0.38, 1, 3)],
        levels: first
            .filter(|_| !varies)
            .map(|value| ChartLevel {
                name: capacity_name(Some(value)),
                color: CAPACITY_COLOR,
                value,
            })
            .into_iter()
            .collect(),
        milestones: scenario.milestones.clone(),
        marker: None,
        source_note: format!(
            "{} · {} {}",
            source_note(scenario, lang),
            result.runs,
            Tr::RunsUnit.get(lang)
        ),
    }
}

fn group_name(group: Group, lang: Lang) -> &'static str {
    match group {
        Group::Economy => Tr::Economy.get(lang),
        Group::Population => Tr::Population.get(lang),
        Group::Water => Tr::WaterUse.get(lang),
        Group::Energy => Tr::Energy.get(lang),
        Group::Emissions => Tr::Emissions.get(lang),
        Group::Waste => Tr::MunicipalWaste.get(lang),
        Group::Environment => Tr::Environment.get(lang),
        Group::Land => Tr::Land.get(lang),
        Group::Other => Tr::Other.get(lang),
    }
}

/// Every chart of a scenario, in the order presentation mode shows them: water capacity, air
/// capacity, targets, then the series by group (one chart per group and unit).
pub fn all_charts(scenario: &Scenario, analysis: &Analysis, lang: Lang) -> Vec<ChartSpec> {
    let mut charts = Vec::new();
    for medium in [Medium::Water, Medium::Air] {
        for capacity in analysis.capacities.iter().filter(|c| c.medium == medium) {
            charts.extend(capacity_chart(
                scenario,
                analysis,
                &capacity.pollutant,
                lang,
            ));
        }
    }
    charts.extend(
        analysis
            .targets
            .iter()
            .map(|check| target_chart(scenario, check, lang)),
    );
    for group in Group::ALL {
        let members: Vec<_> = scenario
            .series
            .iter()
            .filter(|s| s.group == group)
            .collect();
        let mut units: Vec<String> = Vec::new();
        for series in &members {
            if !units.contains(&series.unit.to_string()) {
                units.push(series.unit.to_string());
            }
        }
        for (i, unit) in units.iter().enumerate() {
            let keys: Vec<&str> = members
                .iter()
                .filter(|s| &s.unit.to_string() == unit)
                .map(|s| s.key.as_str())
                .collect();
            let key = if i == 0 {
                format!("group-{}", group_key(group))
            } else {
                format!("group-{}-{}", group_key(group), i + 1)
            };
            let title = format!("{} ({unit})", group_name(group, lang));
            charts.extend(series_chart(scenario, analysis, &keys, lang, key, title));
        }
    }
    charts
}

fn group_key(group: Group) -> &'static str {
    match group {
        Group::Economy => "economy",
        Group::Population => "population",
        Group::Water => "water",
        Group::Energy => "energy",
        Group::Emissions => "emissions",
        Group::Waste => "waste",
        Group::Environment => "environment",
        Group::Land => "land",
        Group::Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analyse;
    use crate::plan::hanyang_plan;

    #[test]
    fn every_capacity_target_and_group_has_a_chart() {
        let scenario = hanyang_plan();
        let analysis = analyse(&scenario).unwrap();
        let charts = all_charts(&scenario, &analysis, Lang::En);
        let keys: Vec<&str> = charts.iter().map(|c| c.key.as_str()).collect();
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
        assert!(keys.contains(&"group-water"));
        let emissions = charts.iter().find(|c| c.key == "group-emissions").unwrap();
        assert_eq!(emissions.lines.len(), 5);
        let cod = &charts[0];
        assert_eq!(cod.levels[0].value, 15_314.61);
        assert_eq!(cod.unit, "t/a");
    }

    #[test]
    fn the_legend_goes_where_no_curve_ends() {
        let scenario = hanyang_plan_to_2060();
        let analysis = crate::engine::analyse(&scenario).unwrap();
        let charts = all_charts(&scenario, &analysis, Lang::En);
        let chart = |key: &str| charts.iter().find(|c| c.key == key).unwrap();
        // COD grows: its end is top right, the legend top left.
        assert!(!legend_on_the_right(chart("capacity-COD")));
        // SO2 falls: its start is top left, the legend top right.
        assert!(legend_on_the_right(chart("capacity-SO2")));
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
}
