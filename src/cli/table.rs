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
        row.extend(projected.values.iter().map(|&v| format::value(v)));
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
        for year in analysis.years.iter().filter(|y| {
            y.year == scenario.base_year
                || scenario.milestones.contains(&y.year)
                || y.year == scenario.horizon
        }) {
            rows.push(vec![
                analysis.pollutant.clone(),
                analysis.medium.key().to_owned(),
                year.year.to_string(),
                format::value(year.emission),
                format::value(year.capacity),
                analysis.unit.to_string(),
                year.utilisation
                    .map(format::percent)
                    .unwrap_or_else(|| "–".into()),
                format::value(year.headroom),
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

pub fn targets(targets: &[TargetCheck]) -> String {
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
        rows.push(vec![
            check.key.clone(),
            check.year.to_string(),
            format::value(check.value),
            check.comparison.symbol().to_owned(),
            format::value(check.threshold),
            check.unit.to_string(),
            if check.met { "yes" } else { "NO" }.to_owned(),
            format::value(check.gap),
            check
                .required_annual_change
                .map(format::percent)
                .unwrap_or_else(|| "–".into()),
        ]);
    }
    layout(&rows, 1)
}
