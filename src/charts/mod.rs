//! What each chart shows, as plain data: the window draws these with egui_plot, the PNG export
//! with plotters, and presentation mode pages through them. Titles and legends are in the
//! interface language; colours are one per series everywhere.

use crate::i18n::{Lang, Tr};
use crate::model::{Group, Scenario};
use series::group_key;

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

/// Which chart a spec is. Its text (`Display`) is the name `ecoplan export --chart` takes and
/// the exported file is called by (`capacity-COD`, `target-energy_intensity`, `group-water`):
/// scripts depend on it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ChartKey {
    /// A pollutant's emissions against its capacity.
    Capacity { pollutant: String },
    /// A target's metric against its threshold.
    Target { key: String },
    /// The projected series of a group in one unit; `part` counts the group's units from 1.
    Group { group: Group, part: usize },
    /// A Monte Carlo run's fan of a series.
    Fan { series: String },
    /// The ecological footprint against the biocapacity.
    Footprint,
    /// The EI's parts.
    Ei,
    /// A series in every scenario of a workspace.
    Comparison { series: String },
    /// A series' history with a fitted rule.
    Fit { series: String },
    /// The series chosen in the projections view, of one unit.
    Chosen { unit: String },
}

impl std::fmt::Display for ChartKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChartKey::Capacity { pollutant } => write!(f, "capacity-{pollutant}"),
            ChartKey::Target { key } => write!(f, "target-{key}"),
            ChartKey::Group { group, part: 1 } => write!(f, "group-{}", group_key(*group)),
            ChartKey::Group { group, part } => write!(f, "group-{}-{part}", group_key(*group)),
            ChartKey::Fan { series } => write!(f, "fan-{series}"),
            ChartKey::Footprint => f.write_str("footprint"),
            ChartKey::Ei => f.write_str("ei"),
            ChartKey::Comparison { series } => write!(f, "compare-{series}"),
            ChartKey::Fit { series } => write!(f, "fit-{series}"),
            ChartKey::Chosen { unit } => write!(f, "projection-{unit}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Which chart this is; its text names it on the command line and in file names.
    pub key: ChartKey,
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

mod capacity;
mod methods;
mod risk;
mod series;
#[cfg(test)]
mod tests;

pub use capacity::{FAR_ABOVE, capacity_chart, far_above_capacity, names_its_pollutant, peak};
pub use methods::{ei_chart, footprint_chart};
pub use risk::{comparison_chart, fan_chart};
pub use series::{all_charts, fit_chart, group_name, series_chart, target_chart};
