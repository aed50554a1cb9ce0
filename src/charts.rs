//! What each chart shows, as plain data: the window draws these with egui_plot, the PNG export
//! with plotters, and presentation mode pages through them. Titles and legends are in the
//! interface language; colours are one per series everywhere.

use crate::engine::{Analysis, TargetCheck};
use crate::format;
use crate::i18n::{Lang, Tr, unit, unit_text};
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

/// The palette's hues in the order scenarios take them: the most different first (the
/// palette's two blues, 0 and 4, never side by side).
const MEMBER_HUES: [usize; 12] = [0, 5, 2, 3, 6, 1, 7, 10, 9, 8, 11, 4];

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
    /// Drawn thicker: the scenario being edited among those compared.
    pub emphasis: bool,
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
    /// A year to mark, with its label (the first year of exceedance), drawn beside the mark.
    pub marker: Option<(i32, String)>,
    /// What the axis range leaves out, in words: a capacity far above the curve is stated here
    /// rather than drawn (drawn, it would flatten the curve into a line at 0).
    pub note: Option<String>,
    /// Where the numbers come from, printed under exported charts.
    pub source_note: String,
    /// Decimals of the values read out (its series' printed precision); `None`: five
    /// significant digits.
    pub decimals: Option<u8>,
    /// The chart's language: its legend's own words (the milestones) are in it.
    pub lang: Lang,
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
        emphasis: false,
    })
}

/// What a legend entry draws beside its name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Glyph {
    Line,
    /// A capacity or threshold: a thicker line.
    Level,
    /// A shaded band, with its opacity.
    Band(f32),
    Points,
    /// The first year of exceedance: a short vertical stroke.
    Marker,
    /// The milestone years: a dashed stroke.
    Milestones,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub name: String,
    pub color: Rgb,
    pub glyph: Glyph,
}

/// The legend, drawn beside the plotting area by the window and the PNG alike, so that it
/// covers no curve: a fan's bands from the outer one in and its median (percentile order),
/// the lines, the observed points, the capacities and thresholds, the exceedance mark, the
/// milestone years.
pub fn legend(spec: &ChartSpec) -> Vec<LegendEntry> {
    let entry = |name: &str, color: Rgb, glyph| LegendEntry {
        name: name.to_owned(),
        color,
        glyph,
    };
    spec.bands
        .iter()
        .map(|b| entry(&b.name, b.color, Glyph::Band(b.opacity)))
        .chain(
            spec.lines
                .iter()
                .map(|l| entry(&l.name, l.color, Glyph::Line)),
        )
        .chain(
            spec.observed
                .iter()
                .map(|o| entry(&o.name, o.color, Glyph::Points)),
        )
        .chain(
            spec.levels
                .iter()
                .map(|l| entry(&l.name, l.color, Glyph::Level)),
        )
        .chain(
            spec.marker
                .iter()
                .map(|(_, label)| entry(label, CAPACITY_COLOR, Glyph::Marker)),
        )
        .chain((!spec.milestones.is_empty()).then(|| {
            let years: Vec<String> = spec.milestones.iter().map(i32::to_string).collect();
            entry(
                &format!(
                    "{} {}",
                    Tr::Milestone.get(spec.lang),
                    years.join(Tr::ListSeparator.get(spec.lang))
                ),
                MILESTONE_COLOR,
                Glyph::Milestones,
            )
        }))
        .collect()
}

/// A capacity more than this many times everything drawn is stated in words instead of drawn:
/// SO₂'s and PM10's capacities are some 2 500 times their emissions, and an axis reaching them
/// shows the emission as a flat line at 0.
pub const FAR_ABOVE: f64 = 4.0;

/// The highest finite value of `values` (NaN when there is none): what a chart's axis must reach.
pub fn peak(values: impl IntoIterator<Item = f64>) -> f64 {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(f64::NAN, f64::max)
}

/// The words that replace a capacity line too far above everything drawn (peaking at `peak`)
/// to share its axis: the capacity and the headroom at the horizon. `None` where the line is
/// drawn: a capacity within reach, or one that changes by year. Every capacity chart (the
/// window's, the slides', the what-if view's small multiples) asks here.
pub fn far_above_capacity(
    capacity: &crate::engine::CapacityAnalysis,
    peak: f64,
    decimals: Option<u8>,
    lang: Lang,
) -> Option<String> {
    let value = capacity.years.first()?.capacity;
    let last = capacity.years.last()?;
    let constant = capacity.years.iter().all(|y| y.capacity == value);
    let out_of_scale = peak.is_finite() && value.is_finite() && peak * FAR_ABOVE < value;
    (constant && out_of_scale).then(|| {
        Tr::FarBelowCapacity.fill(
            lang,
            &[
                &format::with_decimals(value, decimals),
                &unit(lang, &capacity.unit),
                &last.year,
                &last.utilisation.map_or_else(|| "–".into(), format::percent),
                // Two decimals: 99.98 %, not a rounded 100.0 % that reads as no emission.
                &last.utilisation.map_or_else(
                    || "–".into(),
                    |u| format!("{} %", format::fixed((1.0 - u) * 100.0, 2)),
                ),
            ],
        )
    })
}

/// "资料来源：本规划测算": what a plan prints under its own figures. Never the program's name,
/// which a delivered plan does not carry. On a slide the scenario is named too ("…；情景：高增长"): a meeting compares scenarios.
/// The chapter's figures carry the plan's own line (`report_source_note`).
fn source_note(scenario: &Scenario, lang: Lang) -> String {
    Tr::SourceLineOfScenario.fill(
        lang,
        &[&source_words(scenario, lang), &scenario.metadata.name],
    )
}

/// A figure's source line in the plan's chapter, which is the scenario's own document.
pub fn report_source_note(scenario: &Scenario, lang: Lang) -> String {
    Tr::SourceLine.fill(lang, &[&source_words(scenario, lang)])
}

/// Where a plan's figures come from, in words: the district's statistics (where the scenario
/// holds history) and this plan's computation.
pub fn source_words(scenario: &Scenario, lang: Lang) -> String {
    if scenario.series.iter().any(|s| !s.observed.is_empty()) {
        Tr::StatisticsAndPlan.get(lang).to_owned()
    } else {
        Tr::ComputedForPlan.get(lang).to_owned()
    }
}

/// A source line with one more note: "…；HJ 192-2015".
fn and_note(line: String, note: &str, lang: Lang) -> String {
    format!("{line}{}{note}", Tr::NoteSeparator.get(lang))
}

/// "目标：单位地区生产总值能耗" / "Targets: energy intensity".
fn titled(kind: Tr, what: &str, lang: Lang) -> String {
    Tr::TitleOf.fill(lang, &[&kind.get(lang), &what])
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
        Medium::Water => Tr::CapacityChartWater,
        Medium::Air => Tr::CapacityChartAir,
    };
    let note = far_above_capacity(
        result,
        peak(result.years.iter().map(|y| y.emission)),
        series.decimals,
        lang,
    );
    let stated = note.is_some();
    // A capacity of 0 lies on the axis: said in words ("已达到饱和").
    let note = note.or_else(|| {
        (!varies && capacity_value == 0.0).then(|| Tr::SaturatedNote.get(lang).to_owned())
    });
    Some(ChartSpec {
        key: format!("capacity-{pollutant}"),
        title: medium.fill(lang, &[&lang.label(&capacity.label)]),
        unit: unit(lang, &result.unit).into_owned(),
        x_label: Tr::Year.get(lang).to_owned(),
        lines: std::iter::once(ChartLine {
            name: format!("{} ({})", Tr::Emission.get(lang), lang.label(&series.label)),
            color: series_color(scenario, &series.key),
            points: result
                .years
                .iter()
                .map(|y| (f64::from(y.year), y.emission))
                .collect(),
            emphasis: false,
        })
        .chain(varies.then(|| {
            ChartLine {
                name: format!("{} ({})", Tr::Capacity.get(lang), unit(lang, &result.unit)),
                color: CAPACITY_COLOR,
                points: result
                    .years
                    .iter()
                    .map(|y| (f64::from(y.year), y.capacity))
                    .collect(),
                emphasis: false,
            }
        }))
        .collect(),
        bands: Vec::new(),
        observed: observed_points(scenario, series, lang)
            .into_iter()
            .collect(),
        levels: (!varies && !stated)
            .then(|| ChartLevel {
                name: format!(
                    "{} {} {}",
                    Tr::Capacity.get(lang),
                    format::with_decimals(capacity_value, series.decimals),
                    unit(lang, &result.unit)
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
        note,
        // The capacity's own note (the plan's line, "理想环境容量 (line 310)") stays in the
        // Capacity view and the workbook: on a slide it reads as noise in either language.
        source_note: source_note(scenario, lang),
        decimals: series.decimals,
        lang,
    })
}

/// A target's metric over the years against its threshold.
pub fn target_chart(scenario: &Scenario, check: &TargetCheck, lang: Lang) -> ChartSpec {
    ChartSpec {
        key: format!("target-{}", check.key),
        title: titled(Tr::Targets, lang.label(&check.label), lang),
        unit: unit(lang, &check.unit).into_owned(),
        x_label: Tr::Year.get(lang).to_owned(),
        lines: vec![ChartLine {
            name: lang.label(&check.label).to_owned(),
            color: PALETTE[0],
            points: scenario
                .years()
                .zip(&check.values)
                .map(|(y, v)| (f64::from(y), *v))
                .collect(),
            emphasis: false,
        }],
        observed: Vec::new(),
        bands: Vec::new(),
        levels: vec![ChartLevel {
            name: format!(
                "{} {} {} ({})",
                Tr::Threshold.get(lang),
                check.comparison.symbol(),
                crate::i18n::threshold_value(check, scenario.target_decimals(&check.key)),
                check.year
            ),
            color: CAPACITY_COLOR,
            value: check.threshold,
        }],
        milestones: scenario.milestones.clone(),
        marker: None,
        note: None,
        source_note: source_note(scenario, lang),
        decimals: None,
        lang,
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
            // The history before the base year leads into the projection on one line (its
            // points are drawn too, as observed values).
            let mut points: Vec<(f64, f64)> = s
                .observed
                .iter()
                .filter(|o| o.year < scenario.base_year && o.value.is_finite())
                .map(|o| (f64::from(o.year), o.value))
                .collect();
            points.extend(
                analysis
                    .projection
                    .years()
                    .zip(&projected.values)
                    .map(|(y, v)| (f64::from(y), *v)),
            );
            Some(ChartLine {
                name: lang.label(&s.label).to_owned(),
                color: series_color(scenario, &s.key),
                points,
                emphasis: false,
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
        unit: crate::i18n::unit(lang, &unit).into_owned(),
        x_label: Tr::Year.get(lang).to_owned(),
        lines,
        observed,
        bands: Vec::new(),
        levels: Vec::new(),
        milestones: scenario.milestones.clone(),
        marker: None,
        note: None,
        source_note: source_note(scenario, lang),
        // One precision for the chart: the finest of its series'.
        decimals: chosen.iter().filter_map(|s| s.decimals).max(),
        lang,
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
    let decimals = scenario.series(&fan.series).and_then(|s| s.decimals);
    let capacity_name = |value: Option<f64>| match value {
        Some(v) => format!(
            "{} {} {}",
            Tr::Capacity.get(lang),
            format::with_decimals(v, decimals),
            unit_text(lang, &fan.unit)
        ),
        None => format!(
            "{} ({})",
            Tr::Capacity.get(lang),
            unit_text(lang, &fan.unit)
        ),
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
        emphasis: false,
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
            emphasis: false,
        });
    }
    // The band's top decides whether the line is drawn; the note states the scenario's own
    // projection at the horizon, as the capacity chart does.
    let note = capacity.and_then(|c| {
        far_above_capacity(
            c,
            peak(fan.percentiles.iter().map(|p| p[4])),
            decimals,
            lang,
        )
    });
    let stated = note.is_some();
    ChartSpec {
        key: format!("fan-{}", fan.series),
        title: titled(Tr::FanChart, label, lang),
        unit: unit_text(lang, &fan.unit).into_owned(),
        x_label: Tr::Year.get(lang).to_owned(),
        lines,
        observed: Vec::new(),
        bands: vec![band("p5–p95", 0.18, 0, 4), band("p25–p75", 0.38, 1, 3)],
        levels: first
            .filter(|_| !varies && !stated)
            .map(|value| ChartLevel {
                name: capacity_name(Some(value)),
                color: CAPACITY_COLOR,
                value,
            })
            .into_iter()
            .collect(),
        milestones: scenario.milestones.clone(),
        marker: None,
        note,
        source_note: and_note(
            source_note(scenario, lang),
            &format!("{} {}", result.runs, Tr::RunsUnit.get(lang)),
            lang,
        ),
        decimals,
        lang,
    }
}

/// The ecological footprint against the ecological capacity over the projection, in 10⁴ gha,
/// with the balance crossing 0 where a surplus turns into a deficit.
pub fn footprint_chart(scenario: &Scenario, analysis: &Analysis, lang: Lang) -> Option<ChartSpec> {
    let years = analysis.footprint.as_ref()?;
    let points = |f: fn(&crate::engine::methods::FootprintYear) -> f64| {
        years
            .iter()
            .map(|y| (f64::from(y.year), f(y) / 1e4))
            .collect()
    };
    let line = |name: Tr, color: Rgb, points| ChartLine {
        name: name.get(lang).to_owned(),
        color,
        points,
        emphasis: false,
    };
    Some(ChartSpec {
        key: "footprint".into(),
        // What the chart shows: the footprint against the capacity, and their balance.
        title: Tr::FootprintTable.get(lang).to_owned(),
        unit: Tr::TenThousandGha.get(lang).to_owned(),
        x_label: Tr::Year.get(lang).to_owned(),
        lines: vec![
            line(Tr::FootprintTotal, PALETTE[5], points(|y| y.footprint_gha)),
            line(Tr::CapacityTotal, PALETTE[2], points(|y| y.capacity_gha)),
            line(Tr::Balance, PALETTE[0], points(|y| y.balance_gha)),
        ],
        observed: Vec::new(),
        bands: Vec::new(),
        levels: vec![ChartLevel {
            name: Tr::BreakEven.get(lang).to_owned(),
            color: [120, 120, 120],
            value: 0.0,
        }],
        milestones: scenario.milestones.clone(),
        marker: None,
        note: None,
        // The method's assumptions (English, with the plan's line) stay in the view beside it.
        source_note: source_note(scenario, lang),
        decimals: Some(2),
        lang,
    })
}

/// EI (HJ 192-2015) as built-up land becomes forest, grass or wetland, against indicator 10's
/// 60: how much land a district must turn green, read off the curve where it crosses.
pub fn ei_chart(scenario: &Scenario, lang: Lang) -> ChartSpec {
    use crate::engine::methods::{EI_TARGET, LandCover, ei_after_conversion};
    const STEPS: u32 = 40;
    let method = &scenario.methods.ei;
    let built_up = method.built_up_km2.max(0.0);
    let lines = [
        (LandCover::Forest, Tr::Forest, PALETTE[2]),
        (LandCover::Grass, Tr::Grass, PALETTE[1]),
        (LandCover::Wetland, Tr::Wetland, PALETTE[0]),
    ]
    .into_iter()
    .map(|(cover, name, color)| ChartLine {
        name: name.get(lang).to_owned(),
        color,
        points: (0..=STEPS)
            .map(|i| {
                let km2 = built_up * f64::from(i) / f64::from(STEPS);
                (km2, ei_after_conversion(method, cover, km2))
            })
            .collect(),
        emphasis: false,
    })
    .collect();
    ChartSpec {
        key: "ei".into(),
        title: Tr::EiChartTitle.get(lang).to_owned(),
        unit: "EI".into(),
        x_label: Tr::BuiltUpConverted.get(lang).to_owned(),
        lines,
        observed: Vec::new(),
        bands: Vec::new(),
        levels: vec![ChartLevel {
            name: format!("{} EI ≥ {EI_TARGET}", Tr::Indicator10.get(lang)),
            color: CAPACITY_COLOR,
            value: EI_TARGET,
        }],
        milestones: Vec::new(),
        marker: None,
        note: None,
        source_note: and_note(source_note(scenario, lang), "HJ 192-2015", lang),
        decimals: Some(crate::engine::methods::EI_DECIMALS),
        lang,
    }
}

/// One series of every scenario of a workspace on one chart, the `current` one thicker, with the
/// capacity it is compared with (one line per distinct value, named by the scenarios that have
/// it).
pub fn comparison_chart(
    members: &[(&str, &Scenario, &Analysis)],
    current: usize,
    key: &str,
    lang: Lang,
) -> Option<ChartSpec> {
    let (_, reference, _) = members.first()?;
    let series = reference.series(key)?;
    let lines = members
        .iter()
        .enumerate()
        .filter_map(|(i, (name, _, analysis))| {
            let projected = analysis.projection.get(key)?;
            Some(ChartLine {
                name: (*name).to_owned(),
                color: PALETTE[MEMBER_HUES[i % MEMBER_HUES.len()]],
                points: analysis
                    .projection
                    .years()
                    .zip(&projected.values)
                    .map(|(y, v)| (f64::from(y), *v))
                    .collect(),
                emphasis: i == current,
            })
        })
        .collect();
    let mut levels: Vec<(f64, Vec<&str>)> = Vec::new();
    for (name, _, analysis) in members {
        if let Some(capacity) = analysis.capacities.iter().find(|c| c.series == key)
            && let Some(value) = capacity.years.first().map(|y| y.capacity)
        {
            match levels.iter_mut().find(|(v, _)| *v == value) {
                Some((_, names)) => names.push(name),
                None => levels.push((value, vec![name])),
            }
        }
    }
    let single = levels.len() == 1;
    Some(ChartSpec {
        key: format!("compare-{key}"),
        title: titled(Tr::Compare, lang.label(&series.label), lang),
        unit: unit(lang, &series.unit).into_owned(),
        x_label: Tr::Year.get(lang).to_owned(),
        lines,
        observed: Vec::new(),
        bands: Vec::new(),
        levels: levels
            .into_iter()
            .map(|(value, names)| {
                let mut name = format!(
                    "{} {} {}",
                    Tr::Capacity.get(lang),
                    format::with_decimals(value, series.decimals),
                    unit(lang, &series.unit)
                );
                if !single {
                    name.push_str(&format!(" ({})", names.join(", ")));
                }
                ChartLevel {
                    name,
                    color: CAPACITY_COLOR,
                    value,
                }
            })
            .collect(),
        milestones: reference.milestones.clone(),
        marker: None,
        note: None,
        source_note: source_note(reference, lang),
        decimals: series.decimals,
        lang,
    })
}

pub fn group_name(group: Group, lang: Lang) -> &'static str {
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
/// capacity, targets, the series by group (one chart per group and unit), the footprint and
/// EI. A workspace's comparison and a Monte Carlo run's fans join them in the window.
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
    for group in Group::ALL.iter().copied() {
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
            let title = format!("{} ({})", group_name(group, lang), unit_text(lang, unit));
            charts.extend(series_chart(scenario, analysis, &keys, lang, key, title));
        }
    }
    charts.extend(footprint_chart(scenario, analysis, lang));
    charts.push(ei_chart(scenario, lang));
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

/// A series' history as points, the curve a fit draws through the years it used, and the
/// projection under the current rule and, where a fit is shown, under the fitted rule.
pub fn fit_chart(
    scenario: &Scenario,
    analysis: &Analysis,
    key: &str,
    fit: Option<&crate::engine::fit::Fit>,
    with_fit: Option<&Analysis>,
    lang: Lang,
) -> Option<ChartSpec> {
    let series = scenario.series(key)?;
    let projected = |analysis: &Analysis| -> Option<Vec<(f64, f64)>> {
        let values = &analysis.projection.get(key)?.values;
        Some(
            analysis
                .projection
                .years()
                .zip(values)
                .map(|(y, v)| (f64::from(y), *v))
                .collect(),
        )
    };
    let mut lines = vec![ChartLine {
        name: Tr::ProjectionNow.get(lang).to_owned(),
        color: PALETTE[0],
        points: projected(analysis)?,
        emphasis: false,
    }];
    if let Some(fit) = fit {
        lines.push(ChartLine {
            name: Tr::FittedCurve.get(lang).to_owned(),
            color: PALETTE[1],
            points: fit
                .fitted
                .iter()
                .map(|(y, v)| (f64::from(*y), *v))
                .collect(),
            emphasis: false,
        });
    }
    if let Some(points) = with_fit.and_then(projected) {
        lines.push(ChartLine {
            name: Tr::ProjectionWithFit.get(lang).to_owned(),
            color: PALETTE[2],
            points,
            emphasis: true,
        });
    }
    let history = crate::engine::fit::history(scenario, key);
    Some(ChartSpec {
        key: format!("fit-{key}"),
        title: titled(Tr::HistoryView, lang.label(&series.label), lang),
        unit: unit(lang, &series.unit).into_owned(),
        x_label: Tr::Year.get(lang).to_owned(),
        lines,
        observed: vec![ChartLine {
            name: format!(
                "{} · {}",
                Tr::HistoryPoints.get(lang),
                lang.label(&series.label)
            ),
            color: PALETTE[3],
            points: history.iter().map(|(y, v)| (f64::from(*y), *v)).collect(),
            emphasis: false,
        }],
        bands: Vec::new(),
        levels: Vec::new(),
        milestones: scenario.milestones.clone(),
        marker: None,
        note: None,
        source_note: source_note(scenario, lang),
        decimals: series.decimals,
        lang,
    })
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
    fn a_capacity_far_above_the_curve_is_stated_not_drawn() {
        let scenario = hanyang_plan_to_2060();
        let analysis = crate::engine::analyse(&scenario).unwrap();
        let charts = all_charts(&scenario, &analysis, Lang::Zh);
        let chart = |key: &str| charts.iter().find(|c| c.key == key).unwrap();
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
        assert_eq!(cod.title, "化学需氧量排放量与水环境容量");
        // No chart carries the plan's line notes ("(line 310)"), in either language.
        assert!(!cod.source_note.contains("line"), "{}", cod.source_note);
        let en = all_charts(&scenario, &analysis, Lang::En);
        let cod_en = en.iter().find(|c| c.key == "capacity-COD").unwrap();
        assert_eq!(cod_en.title, "COD emissions and the water capacity");
        assert!(!cod_en.source_note.contains("line 310"));
        assert!(cod_en.source_note.starts_with("Source: "));
    }

    #[test]
    fn the_legend_lists_bands_lines_points_levels_the_mark_and_the_milestones_in_that_order() {
        let scenario = hanyang_plan_to_2060();
        let analysis = crate::engine::analyse(&scenario).unwrap();
        let charts = all_charts(&scenario, &analysis, Lang::En);
        let cod = charts.iter().find(|c| c.key == "capacity-COD").unwrap();
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
        let ei = charts.iter().find(|c| c.key == "ei").unwrap();
        assert_eq!(ei.lines.len(), 3);
        assert_eq!(ei.levels[0].value, 60.0);
        // Every curve starts at today's EI and rises as built-up land turns green.
        let today = crate::engine::methods::ecological_index(&scenario.methods.ei).ei;
        for line in &ei.lines {
            assert!((line.points[0].1 - today).abs() < 1e-9);
            assert!(line.points.last().unwrap().1 > today);
        }
        let footprint = charts.iter().find(|c| c.key == "footprint").unwrap();
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
}
