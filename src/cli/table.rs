//! Human-readable text tables for `--format table`, aligned for CJK text.

use unicode_width::UnicodeWidthStr;

use crate::engine::{CapacityAnalysis, Projection, TargetCheck};
use crate::format;
use crate::model::Scenario;

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

pub fn projection(scenario: &Scenario, projection: &Projection) -> String {
    let mut header = vec!["series".to_owned(), "名称".to_owned(), "unit".to_owned()];
    header.extend(projection.years().map(|y| y.to_string()));
    let mut rows = vec![header];
    for (series, projected) in scenario.series.iter().zip(&projection.series) {
        let mut row = vec![
            series.key.clone(),
            series.label.zh.clone(),
            series.unit.to_string(),
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

pub fn capacity(scenario: &Scenario, capacities: &[CapacityAnalysis]) -> String {
    let mut rows = vec![
        [
            "pollutant",
            "medium",
            "year",
            "emission",
            "capacity",
            "unit",
            "utilization",
            "headroom",
            "status",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for analysis in capacities {
        // In the unit of the emission series, so in its decimals.
        let decimals = scenario.series(&analysis.series).and_then(|s| s.decimals);
        let number = |v: f64| format::with_decimals(v, decimals);
        for year in analysis.years.iter().filter(|y| {
            y.year == scenario.base_year
                || scenario.milestones.contains(&y.year)
                || y.year == scenario.horizon
        }) {
            rows.push(vec![
                analysis.pollutant.clone(),
                analysis.medium.key().to_owned(),
                year.year.to_string(),
                number(year.emission),
                number(year.capacity),
                analysis.unit.to_string(),
                year.utilisation
                    .map(format::percent)
                    .unwrap_or_else(|| "–".into()),
                number(year.headroom),
                year.status.key().to_owned(),
            ]);
        }
    }
    let mut out = layout(&rows, 2);
    out.push('\n');
    for analysis in capacities {
        let first = analysis.first_exceedance_year.map_or_else(
            || format!("none by {}", scenario.horizon),
            |y| y.to_string(),
        );
        out.push_str(&format!(
            "first exceedance of {}: {first}\n",
            analysis.pollutant
        ));
    }
    out
}

pub fn targets(scenario: &Scenario, targets: &[TargetCheck]) -> String {
    let mut rows = vec![
        [
            "target",
            "year",
            "value",
            "",
            "threshold",
            "unit",
            "met",
            "gap",
            "annual change to meet",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for check in targets {
        let decimals = scenario.target_decimals(&check.key);
        rows.push(vec![
            check.key.clone(),
            check.year.to_string(),
            format::with_decimals(check.value, decimals),
            check.comparison.symbol().to_owned(),
            crate::i18n::threshold_value(check, scenario.target_decimals(&check.key)),
            check.unit.to_string(),
            if check.met { "yes" } else { "NO" }.to_owned(),
            format::with_decimals(check.gap, decimals),
            check
                .required_annual_change
                .map(format::percent)
                .unwrap_or_else(|| "–".into()),
        ]);
    }
    layout(&rows, 1)
}

pub fn footprint(years: &[crate::engine::methods::FootprintYear]) -> String {
    let mut rows = vec![
        [
            "year",
            "population",
            "footprint (gha)",
            "capacity (gha)",
            "balance (gha)",
            "gha/person",
            "capacity gha/person",
        ]
        .map(String::from)
        .to_vec(),
    ];
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

pub fn ei(method: &crate::model::EiMethod) -> String {
    use crate::engine::methods::{LandCover, area_for_ei, ecological_index};
    let r = ecological_index(method);
    let mut rows = vec![vec![
        "EI".to_owned(),
        format::fixed(r.ei, crate::engine::methods::EI_DECIMALS),
        {
            let (zh, en) = crate::i18n::Tr::ei_grade(r.grade()).both();
            format!("{en} ({zh})")
        },
    ]];
    for (name, value) in [
        ("biological abundance 生物丰度", r.biological_abundance),
        ("vegetation cover 植被覆盖", r.vegetation_cover),
        ("water network 水网密度", r.water_network),
        ("land stress 土地胁迫", r.land_stress),
        ("pollution load 污染负荷", r.pollution_load),
    ] {
        rows.push(vec![
            name.to_owned(),
            format::fixed(value, crate::engine::methods::EI_DECIMALS),
        ]);
    }
    rows.push(vec![
        "stated by the plan".to_owned(),
        format::fixed(method.stated, crate::engine::methods::EI_DECIMALS),
    ]);
    for (cover, name) in [
        (LandCover::Forest, "forest"),
        (LandCover::Grass, "grass"),
        (LandCover::Wetland, "wetland"),
    ] {
        let answer = area_for_ei(method, cover, crate::engine::methods::EI_TARGET);
        let text = answer.area_km2.map_or_else(
            || {
                format!(
                    "not reachable (at most EI {})",
                    format::fixed(answer.best_ei, crate::engine::methods::EI_DECIMALS)
                )
            },
            |km2| {
                format!(
                    "{} km² of built-up land",
                    format::fixed(km2, crate::engine::methods::EI_DECIMALS)
                )
            },
        );
        rows.push(vec![format!("to reach 60 with {name}"), text]);
    }
    layout(&rows, 1)
}

/// `ecoplan indicators --format table`: the CSV's columns, aligned, numbers rounded.
pub fn indicators(
    scenario: &Scenario,
    assessments: &[crate::engine::IndicatorAssessment],
    lang: crate::i18n::Lang,
) -> String {
    let mut rows = vec![
        [
            "number",
            "name",
            "unit",
            "year",
            "basis",
            "value",
            "rule",
            "threshold",
            "status",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for (indicator, assessment) in scenario.indicators.iter().zip(assessments) {
        for line in &assessment.lines {
            let (rule, threshold) = crate::io::csv::rule_columns(&line.target);
            rows.push(vec![
                indicator.number.clone(),
                lang.label(&indicator.name).to_owned(),
                indicator.unit.clone(),
                line.year.to_string(),
                line.basis.key().to_owned(),
                line.value.map_or_else(
                    || "–".into(),
                    |v| format::with_decimals(v, indicator.decimals),
                ),
                rule.to_owned(),
                threshold.map_or_else(String::new, format::exact),
                line.status.key().to_owned(),
            ]);
        }
    }
    layout(&rows, 5)
}
