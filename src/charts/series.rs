//! The projected series, by group and unit or as chosen, a target's metric, and a fit to history;
//! every chart of a scenario in the order the views and the report show them.

use crate::engine::{Analysis, TargetCheck};
use crate::i18n::{Lang, Tr, unit, unit_text};
use crate::model::{Group, Medium, Scenario};

use super::*;

/// A target's metric over the years against its threshold.
pub fn target_chart(scenario: &Scenario, check: &TargetCheck, lang: Lang) -> ChartSpec {
    ChartSpec {
        key: ChartKey::Target {
            key: check.key.clone(),
        },
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
            name: crate::i18n::bracketed(
                lang,
                &format!(
                    "{} {} {}",
                    Tr::Threshold.get(lang),
                    check.comparison.symbol(),
                    crate::i18n::threshold_value(check, scenario.target_decimals(&check.key)),
                ),
                &Tr::YearWords.fill(lang, &[&check.year]),
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
    key: ChartKey,
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
    for &medium in Medium::ALL {
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
            let key = ChartKey::Group { group, part: i + 1 };
            let title =
                crate::i18n::bracketed(lang, group_name(group, lang), &unit_text(lang, unit));
            charts.extend(series_chart(scenario, analysis, &keys, lang, key, title));
        }
    }
    charts.extend(footprint_chart(scenario, analysis, lang));
    charts.push(ei_chart(scenario, lang));
    charts
}

pub(super) fn group_key(group: Group) -> &'static str {
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
        key: ChartKey::Fit {
            series: key.to_owned(),
        },
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
