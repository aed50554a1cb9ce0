//! A Monte Carlo run's fan of a series, and a series across the scenarios of a workspace.

use crate::engine::Analysis;
use crate::format;
use crate::i18n::{Lang, Tr, unit, unit_text};
use crate::model::Scenario;

use super::*;

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
        None => crate::i18n::bracketed(lang, Tr::Capacity.get(lang), &unit_text(lang, &fan.unit)),
    };
    let mut lines = vec![ChartLine {
        name: crate::i18n::bracketed(lang, "p50", Tr::Median.get(lang)),
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
        key: ChartKey::Fan {
            series: fan.series.clone(),
        },
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
        key: ChartKey::Comparison {
            series: key.to_owned(),
        },
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
                    name =
                        crate::i18n::bracketed(lang, &name, &crate::i18n::list_words(&names, lang));
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
