//! Human-readable text tables for `--format table`, aligned for CJK text.

use unicode_width::UnicodeWidthStr;

use crate::engine::importance::Share;
use crate::engine::uncertainty::{PERCENTILES, UncertaintyResult};
use crate::engine::{CapacityAnalysis, Projection, TargetCheck};
use crate::format;
use crate::i18n::{Lang, Tr, unit, unit_text};
use crate::model::Scenario;

/// A header row of texts in `lang`.
fn header(lang: Lang, columns: &[Tr]) -> Vec<String> {
    columns.iter().map(|c| c.get(lang).to_owned()).collect()
}

/// Lays out rows in columns; the first `left` columns are left-aligned, the rest right-aligned.
fn layout(rows: &[Vec<String>], left: usize) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, text)| {
                let pad = " ".repeat(widths[c] - text.width());
                if c < left {
                    format!("{text}{pad}")
                } else {
                    format!("{pad}{text}")
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

pub fn projection(scenario: &Scenario, projection: &Projection, lang: Lang) -> String {
    let mut head = header(lang, &[Tr::Key, Tr::Name, Tr::Unit]);
    head.extend(projection.years().map(|y| y.to_string()));
    let mut rows = vec![head];
    for (series, projected) in scenario.series.iter().zip(&projection.series) {
        let mut row = vec![
            series.key.clone(),
            lang.label(&series.label).to_owned(),
            unit(lang, &series.unit).into_owned(),
        ];
        row.extend(
            projected
                .values
                .iter()
                .map(|&v| format::with_decimals(v, series.decimals)),
        );
        rows.push(row);
    }
    layout(&rows, 3)
}

pub fn capacity(scenario: &Scenario, capacities: &[CapacityAnalysis], lang: Lang) -> String {
    let mut rows = vec![header(
        lang,
        &[
            Tr::Pollutant,
            Tr::Medium,
            Tr::Year,
            Tr::Emission,
            Tr::Capacity,
            Tr::Unit,
            Tr::Utilisation,
            Tr::Headroom,
            Tr::Status,
        ],
    )];
    for analysis in capacities {
        // In the unit of the emission series, so in its decimals.
        let decimals = scenario.series(&analysis.series).and_then(|s| s.decimals);
        let number = |v: f64| format::with_decimals(v, decimals);
        for year in analysis
            .years
            .iter()
            .filter(|y| shown_year(scenario, y.year))
        {
            rows.push(vec![
                analysis.pollutant.clone(),
                crate::i18n::medium_tr(analysis.medium).get(lang).to_owned(),
                year.year.to_string(),
                number(year.emission),
                number(year.capacity),
                unit(lang, &analysis.unit).into_owned(),
                year.utilisation
                    .map(format::percent)
                    .unwrap_or_else(|| "–".into()),
                number(year.headroom),
                crate::i18n::capacity_status_tr(year.status)
                    .get(lang)
                    .to_owned(),
            ]);
        }
    }
    let mut out = layout(&rows, 2);
    out.push('\n');
    for analysis in capacities {
        let first = analysis.first_exceedance_year.map_or_else(
            || Tr::NoExceedanceBy.fill(lang, &[&scenario.horizon]),
            |y| y.to_string(),
        );
        out.push_str(&Tr::FirstExceedanceOf.fill(lang, &[&analysis.pollutant, &first]));
        out.push('\n');
    }
    out
}

/// The years a table of a long course shows: the base year, the milestones and the horizon.
fn shown_year(scenario: &Scenario, year: i32) -> bool {
    year == scenario.base_year || scenario.milestones.contains(&year) || year == scenario.horizon
}

/// Each fan's five percentiles in the shown years, in its series' decimals.
pub fn fans(scenario: &Scenario, result: &UncertaintyResult, lang: Lang) -> String {
    let mut head = header(lang, &[Tr::Key, Tr::Name, Tr::Unit, Tr::Year]);
    head.extend(
        PERCENTILES
            .iter()
            .map(|p| format!("P{}", (p * 100.0).round())),
    );
    let mut rows = vec![head];
    for fan in &result.fans {
        let series = scenario.series(&fan.series);
        let decimals = series.and_then(|s| s.decimals);
        let name = series.map_or(fan.series.as_str(), |s| lang.label(&s.label));
        for (i, percentiles) in fan.percentiles.iter().enumerate() {
            let year = result.base_year + i as i32;
            if !shown_year(scenario, year) {
                continue;
            }
            let mut row = vec![
                fan.series.clone(),
                name.to_owned(),
                crate::i18n::unit_text(lang, &fan.unit).into_owned(),
                year.to_string(),
            ];
            row.extend(
                percentiles
                    .iter()
                    .map(|&v| format::with_decimals(v, decimals)),
            );
            rows.push(row);
        }
    }
    layout(&rows, 3)
}

/// Each capacity's probability of being exceeded in the year and by the year, in the shown
/// years.
pub fn exceedance(scenario: &Scenario, result: &UncertaintyResult, lang: Lang) -> String {
    let mut rows = vec![header(
        lang,
        &[
            Tr::Pollutant,
            Tr::Year,
            Tr::ProbabilityInTheYear,
            Tr::ExceedanceProbability,
        ],
    )];
    for e in &result.exceedance {
        for (i, (in_year, by_year)) in e.in_year.iter().zip(&e.by_year).enumerate() {
            let year = result.base_year + i as i32;
            if shown_year(scenario, year) {
                rows.push(vec![
                    e.pollutant.clone(),
                    year.to_string(),
                    format::percent(*in_year),
                    format::percent(*by_year),
                ]);
            }
        }
    }
    layout(&rows, 2)
}

/// Each uncertain lever's share of a result's variance, largest first.
pub fn importance(scenario: &Scenario, shares: &[Share], lang: Lang) -> String {
    let mut rows = vec![header(lang, &[Tr::Lever, Tr::Name, Tr::ImportanceShare])];
    for share in shares {
        let name = scenario
            .series(&share.lever)
            .map_or(share.lever.as_str(), |s| lang.label(&s.label));
        rows.push(vec![
            share.lever.clone(),
            name.to_owned(),
            format::percent(share.share),
        ]);
    }
    layout(&rows, 2)
}

pub fn targets(scenario: &Scenario, targets: &[TargetCheck], lang: Lang) -> String {
    let mut head = header(lang, &[Tr::Key, Tr::Year, Tr::Value]);
    head.push(String::new());
    head.extend(header(
        lang,
        &[
            Tr::Threshold,
            Tr::Unit,
            Tr::Status,
            Tr::Gap,
            Tr::RequiredChange,
        ],
    ));
    let mut rows = vec![head];
    for check in targets {
        let decimals = scenario.target_decimals(&check.key);
        rows.push(vec![
            check.key.clone(),
            check.year.to_string(),
            format::with_decimals(check.value, decimals),
            check.comparison.symbol().to_owned(),
            crate::i18n::threshold_value(check, scenario.target_decimals(&check.key)),
            unit(lang, &check.unit).into_owned(),
            if check.met { Tr::Yes } else { Tr::No }
                .get(lang)
                .to_owned(),
            format::with_decimals(check.gap, decimals),
            crate::i18n::needed_change(check, lang).unwrap_or_else(|| "–".into()),
        ]);
    }
    layout(&rows, 1)
}

pub fn footprint(years: &[crate::engine::methods::FootprintYear], lang: Lang) -> String {
    let mut rows = vec![header(
        lang,
        &[
            Tr::Year,
            Tr::PopulationPersons,
            Tr::FootprintGha,
            Tr::CapacityGha,
            Tr::BalanceGha,
            Tr::FootprintPerPerson,
            Tr::CapacityPerPerson,
        ],
    )];
    for y in years {
        rows.push(vec![
            y.year.to_string(),
            format!("{:.0}", y.population),
            format!("{:.0}", y.footprint_gha),
            format!("{:.0}", y.capacity_gha),
            format!("{:.0}", y.balance_gha),
            format::value(y.footprint_per_person()),
            format::value(y.capacity_per_person()),
        ]);
    }
    layout(&rows, 1)
}

pub fn ei(method: &crate::model::EiMethod, lang: Lang) -> String {
    use crate::engine::methods::{
        EI_DECIMALS, EI_TARGET, LandCover, area_for_ei, ecological_index,
    };
    if !method.has_land_cover() {
        return format!(
            "{}\n",
            Tr::EiNoLandCoverHere.fill(lang, &[&Tr::Ei.get(lang)])
        );
    }
    let r = ecological_index(method);
    let mut rows = vec![vec![
        "EI".to_owned(),
        format::fixed(r.ei, EI_DECIMALS),
        Tr::ei_grade(r.grade()).get(lang).to_owned(),
    ]];
    for (name, value) in [
        (Tr::BiologicalAbundance, r.biological_abundance),
        (Tr::VegetationCover, r.vegetation_cover),
        (Tr::WaterNetworkDensity, r.water_network),
        (Tr::LandStress, r.land_stress),
        (Tr::PollutionLoad, r.pollution_load),
    ] {
        rows.push(vec![
            name.get(lang).to_owned(),
            format::fixed(value, EI_DECIMALS),
        ]);
    }
    rows.push(vec![
        Tr::EiStated.get(lang).to_owned(),
        format::fixed(method.stated, EI_DECIMALS),
    ]);
    for &cover in LandCover::ALL {
        let name = crate::i18n::land_cover_tr(cover);
        let answer = area_for_ei(method, cover, EI_TARGET);
        let text = answer.area_km2.map_or_else(
            || Tr::EiNotReachable.fill(lang, &[&format::fixed(answer.best_ei, EI_DECIMALS)]),
            |km2| Tr::EiBuiltUpArea.fill(lang, &[&format::fixed(km2, EI_DECIMALS)]),
        );
        rows.push(vec![
            Tr::EiToReach.fill(lang, &[&EI_TARGET, &name.get(lang)]),
            text,
        ]);
    }
    layout(&rows, 1)
}

/// `ecoplan indicators --format table`: the CSV's columns, aligned, numbers rounded.
pub fn indicators(
    scenario: &Scenario,
    assessments: &[crate::engine::IndicatorAssessment],
    lang: crate::i18n::Lang,
) -> String {
    let mut rows = vec![header(
        lang,
        &[
            Tr::Number,
            Tr::Name,
            Tr::Unit,
            Tr::Year,
            Tr::ValueBasis,
            Tr::Value,
            Tr::Rule,
            Tr::Threshold,
            Tr::Status,
        ],
    )];
    for (indicator, assessment) in scenario.indicators.iter().zip(assessments) {
        for line in &assessment.lines {
            // The rule in words (the CSV's `rule` column keeps its keys for scripts).
            let rule = crate::i18n::target_text(&line.target, lang);
            let (_, threshold) = crate::io::csv::rule_columns(&line.target);
            rows.push(vec![
                indicator.number.clone(),
                lang.label(&indicator.name).to_owned(),
                unit_text(lang, &indicator.unit).into_owned(),
                line.year.to_string(),
                crate::i18n::basis_tr(line.basis).get(lang).to_owned(),
                line.value.map_or_else(
                    || "–".into(),
                    |v| format::with_decimals(v, indicator.decimals),
                ),
                rule,
                threshold.map_or_else(String::new, format::exact),
                crate::i18n::status_tr(line.status).get(lang).to_owned(),
            ]);
        }
    }
    layout(&rows, 5)
}
