//! A pollutant's emissions against its capacity, and when a capacity is too far above them to draw.

use crate::engine::Analysis;
use crate::format;
use crate::i18n::{Lang, Tr, unit};
use crate::model::{Medium, Scenario};

use super::*;

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

/// Whether an emission series' name names the capacity's pollutant ("COD emissions" against
/// "COD"), so that saying the series says both; "NOx emissions" against "NO₂" does not.
pub fn names_its_pollutant(series_label: &str, capacity_label: &str) -> bool {
    let capacity = capacity_label.trim().to_lowercase();
    !capacity.is_empty() && series_label.to_lowercase().contains(&capacity)
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
    // "化学需氧量排放总量与水环境容量", but "氮氧化物排放量与二氧化氮大气环境容量" where the
    // series compared is not named for the capacity's pollutant.
    let (series_name, capacity_name) = (lang.label(&series.label), lang.label(&capacity.label));
    let title = match (
        result.medium,
        names_its_pollutant(series_name, capacity_name),
    ) {
        (Medium::Water, true) => Tr::CapacityChartWater.fill(lang, &[&series_name]),
        (Medium::Air, true) => Tr::CapacityChartAir.fill(lang, &[&series_name]),
        (Medium::Water, false) => {
            Tr::CapacityChartWaterOf.fill(lang, &[&series_name, &capacity_name])
        }
        (Medium::Air, false) => Tr::CapacityChartAirOf.fill(lang, &[&series_name, &capacity_name]),
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
        key: ChartKey::Capacity {
            pollutant: pollutant.to_owned(),
        },
        title,
        unit: unit(lang, &result.unit).into_owned(),
        x_label: Tr::Year.get(lang).to_owned(),
        lines: std::iter::once(ChartLine {
            name: crate::i18n::bracketed(lang, Tr::Emission.get(lang), lang.label(&series.label)),
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
                name: crate::i18n::bracketed(
                    lang,
                    Tr::Capacity.get(lang),
                    &unit(lang, &result.unit),
                ),
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
