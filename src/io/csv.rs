//! CSV tables for scripts: one header row, UTF-8, values at full precision.

use std::fmt::Write;

use crate::engine::{CapacityAnalysis, Projection, TargetCheck};
use crate::i18n::Tr;

/// A text as one CSV field: quoted where it holds a comma, quote or line break (RFC 4180, by
/// the csv crate's writer core, which the reader beside it also uses).
pub(crate) fn field(text: &str) -> String {
    // A text that Excel or WPS would evaluate as a formula (=, +, -, @, a tab or a carriage
    // return first) gets an apostrophe: the spreadsheet shows it as the text it is.
    let neutral;
    let text = if text.starts_with(FORMULA_STARTS) {
        neutral = format!("'{text}");
        neutral.as_str()
    } else {
        text
    };
    // The writer quotes an empty field that ends its record (`""`); here a field is written
    // on its own, and an empty one stays empty, as a spreadsheet leaves an empty cell.
    if text.is_empty() {
        return String::new();
    }
    let mut writer = csv_core::Writer::new();
    // Room for the worst case the writer states: every byte a quote, doubled, and two more.
    let mut out = vec![0; 2 * text.len() + 2];
    let (_, _, written) = writer.field(text.as_bytes(), &mut out);
    let (_, closing) = writer.finish(&mut out[written..]);
    out.truncate(written + closing);
    // Quotes go only between whole characters, so the bytes stay UTF-8.
    String::from_utf8_lossy(&out).into_owned()
}

/// What a spreadsheet reads as the start of a formula in a cell of text.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text as `field` wrote it, without the apostrophe it put before a formula's start.
pub(crate) fn unneutralised(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}

/// A value as a CSV cell: empty for no data (NaN), as a spreadsheet leaves it.
pub(crate) fn number(value: f64) -> String {
    if value.is_nan() {
        String::new()
    } else {
        value.to_string()
    }
}

/// `series,year,value,unit`: one row per series and year.
pub fn projection_csv(projection: &Projection) -> String {
    let mut out = String::from("series,year,value,unit\n");
    for series in &projection.series {
        let unit = field(series.unit.symbol());
        for (year, value) in projection.years().zip(&series.values) {
            let _ = writeln!(
                out,
                "{},{year},{},{unit}",
                field(&series.key),
                number(*value)
            );
        }
    }
    out
}

/// The capacity table's columns, the same in the CSV, the workbook and the text table.
pub const CAPACITY_COLUMNS: [&str; 8] = [
    "pollutant",
    "medium",
    "year",
    "emission",
    "capacity",
    "unit",
    "utilization",
    "status",
];

/// `pollutant,medium,year,emission,capacity,unit,utilization,status`; utilization is empty where
/// the capacity is 0.
pub fn capacity_csv(capacities: &[CapacityAnalysis]) -> String {
    let mut out = CAPACITY_COLUMNS.join(",");
    out.push('\n');
    for analysis in capacities {
        for year in &analysis.years {
            let utilisation = year.utilisation.map(|u| u.to_string()).unwrap_or_default();
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{utilisation},{}",
                field(&analysis.pollutant),
                analysis.medium.key(),
                year.year,
                number(year.emission),
                number(year.capacity),
                field(analysis.unit.symbol()),
                year.status.key(),
            );
        }
    }
    out
}

/// `target,year,value,threshold,unit,met`.
pub fn targets_csv(targets: &[TargetCheck]) -> String {
    let mut out = String::from("target,year,value,threshold,unit,met\n");
    for check in targets {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{}",
            field(&check.key),
            check.year,
            check.value,
            check.threshold,
            field(check.unit.symbol()),
            check.met
        );
    }
    out
}

/// The projection as tab-separated text with labels in `lang`, years as columns: pastes into
/// Excel as a table.
pub fn projection_tsv(
    scenario: &crate::model::Scenario,
    projection: &Projection,
    lang: crate::i18n::Lang,
) -> String {
    let mut out = String::new();
    out.push_str(Tr::SeriesTabUnit.get(lang));
    for year in projection.years() {
        let _ = write!(out, "\t{year}");
    }
    out.push('\n');
    for (series, projected) in scenario.series.iter().zip(&projection.series) {
        let _ = write!(
            out,
            "{}\t{}",
            lang.label(&series.label).replace('\t', " "),
            series.unit
        );
        for value in &projected.values {
            let _ = write!(out, "\t{}", (value * 1e6).round() / 1e6);
        }
        out.push('\n');
    }
    out
}

/// `year,population,footprint_gha,capacity_gha,balance_gha`; a negative balance is a deficit.
pub fn footprint_csv(years: &[crate::engine::methods::FootprintYear]) -> String {
    let mut out = String::from("year,population,footprint_gha,capacity_gha,balance_gha\n");
    for y in years {
        let _ = writeln!(
            out,
            "{},{},{},{},{}",
            y.year, y.population, y.footprint_gha, y.capacity_gha, y.balance_gha
        );
    }
    out
}

/// `series,year,p5,p25,p50,p75,p95,unit`: the fan-chart percentiles of a Monte Carlo run.
pub fn fan_csv(result: &crate::engine::uncertainty::UncertaintyResult) -> String {
    let mut out = String::from("series,year,p5,p25,p50,p75,p95,unit\n");
    for fan in &result.fans {
        for (i, p) in fan.percentiles.iter().enumerate() {
            let year = result.base_year + i as i32;
            let _ = writeln!(
                out,
                "{},{year},{},{},{},{},{},{}",
                field(&fan.series),
                p[0],
                p[1],
                p[2],
                p[3],
                p[4],
                field(&fan.unit)
            );
        }
    }
    out
}

/// `pollutant,year,probability,cumulative`: the share of draws above capacity in the year, and
/// above it in any year so far.
pub fn exceedance_csv(result: &crate::engine::uncertainty::UncertaintyResult) -> String {
    let mut out = String::from("pollutant,year,probability,cumulative\n");
    for e in &result.exceedance {
        for (i, (p, c)) in e.in_year.iter().zip(&e.by_year).enumerate() {
            let _ = writeln!(
                out,
                "{},{},{p},{c}",
                field(&e.pollutant),
                result.base_year + i as i32
            );
        }
    }
    out
}

/// `lever,outcome,value,margin`; value is empty when no value in the range meets the goal.
pub fn seek_csv(answer: &crate::engine::seek::SeekAnswer) -> String {
    use crate::engine::seek::SeekOutcome;
    let outcome = match answer.outcome {
        SeekOutcome::Found => "found",
        SeekOutcome::MetAcrossRange => "met_across_range",
        SeekOutcome::NotMetInRange => "not_met_in_range",
    };
    let value = answer.value.map(|v| v.to_string()).unwrap_or_default();
    format!(
        "lever,outcome,value,margin\n{},{outcome},{value},{}\n",
        field(&answer.lever),
        answer.margin
    )
}

/// `lever,share`: each uncertain lever's share of a result's variance, largest first.
pub fn importance_csv(shares: &[crate::engine::importance::Share]) -> String {
    let mut out = String::from("lever,share\n");
    for share in shares {
        let _ = writeln!(out, "{},{}", field(&share.lever), share.share);
    }
    out
}

/// `lever,lever_value,result_low,result_high,swing,base`, widest swing first.
pub fn sensitivity_csv(base: f64, swings: &[crate::engine::seek::Swing]) -> String {
    let mut out = String::from("lever,lever_value,result_low,result_high,swing,base\n");
    for s in swings {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{base}",
            field(&s.series),
            s.lever,
            s.low,
            s.high,
            s.width()
        );
    }
    out
}

/// Scenarios side by side, each with its name, scenario and analysis; the first is the reference.
pub type Compared<'a> = [(
    &'a str,
    &'a crate::model::Scenario,
    &'a crate::engine::Analysis,
)];

/// The years a comparison shows: every scenario's milestones and horizon.
pub fn comparison_years(scenarios: &Compared<'_>) -> Vec<i32> {
    let mut years: Vec<i32> = scenarios
        .iter()
        .flat_map(|(_, s, _)| s.milestones.iter().copied().chain([s.horizon]))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// `scenario,series,year,value,difference,percent`: difference and percent against the first
/// scenario, empty where it has no value.
pub fn compare_values_csv(scenarios: &Compared<'_>, series: &[String]) -> String {
    let mut out = String::from("scenario,series,year,value,difference,percent\n");
    let Some((_, _, reference)) = scenarios.first() else {
        return out;
    };
    let keys: Vec<String> = if series.is_empty() {
        reference
            .projection
            .series
            .iter()
            .map(|s| s.key.clone())
            .collect()
    } else {
        series.to_vec()
    };
    let years = comparison_years(scenarios);
    for (name, _, analysis) in scenarios {
        for key in &keys {
            for &year in &years {
                let Some(value) = analysis.projection.value(key, year) else {
                    continue;
                };
                // No data (a series without a base value) is an empty cell, as in `project`.
                let (difference, percent) = match reference.projection.value(key, year) {
                    Some(base) => (
                        number(value - base),
                        if base != 0.0 {
                            number((value - base) / base * 100.0)
                        } else {
                            String::new()
                        },
                    ),
                    None => (String::new(), String::new()),
                };
                let _ = writeln!(
                    out,
                    "{},{},{year},{},{difference},{percent}",
                    field(name),
                    field(key),
                    number(value)
                );
            }
        }
    }
    out
}

/// `scenario,pollutant,horizon,status,first_exceedance`.
pub fn compare_capacity_csv(scenarios: &Compared<'_>) -> String {
    let mut out = String::from("scenario,pollutant,horizon,status,first_exceedance\n");
    for (name, scenario, analysis) in scenarios {
        for capacity in &analysis.capacities {
            let status = capacity.years.last().map_or("", |y| y.status.key());
            let first = capacity
                .first_exceedance_year
                .map(|y| y.to_string())
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{},{},{},{status},{first}",
                field(name),
                field(&capacity.pollutant),
                scenario.horizon
            );
        }
    }
    out
}

/// `scenario,target,year,value,threshold,unit,met`.
pub fn compare_targets_csv(scenarios: &Compared<'_>) -> String {
    let mut out = String::from("scenario,target,year,value,threshold,unit,met\n");
    for (name, _, analysis) in scenarios {
        for t in &analysis.targets {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{}",
                field(name),
                field(&t.key),
                t.year,
                t.value,
                t.threshold,
                field(t.unit.symbol()),
                t.met
            );
        }
    }
    out
}

/// `number,name,unit,year,basis,value,rule,threshold,status`: every checked value of every
/// indicator (`ecoplan indicators`); the name in `lang`.
pub fn indicators_csv(
    scenario: &crate::model::Scenario,
    assessments: &[crate::engine::IndicatorAssessment],
    lang: crate::i18n::Lang,
) -> String {
    let mut out = String::from("number,name,unit,year,basis,value,rule,threshold,status\n");
    for (indicator, assessment) in scenario.indicators.iter().zip(assessments) {
        for line in &assessment.lines {
            let (rule, threshold) = rule_columns(&line.target);
            out.push_str(&format!(
                "{},{},{},{},{},{},{rule},{},{}\n",
                field(&indicator.number),
                field(lang.label(&indicator.name)),
                field(&indicator.unit),
                line.year,
                line.basis.key(),
                line.value.map_or_else(String::new, twelve_digits),
                threshold.map_or_else(String::new, twelve_digits),
                line.status.key(),
            ));
        }
    }
    out
}

/// A value to twelve significant digits, written as short as it reads: 82.6, not the
/// 82.60000000000001 that interpolation leaves; far beyond any indicator's precision.
fn twelve_digits(value: f64) -> String {
    format!("{value:.11e}")
        .parse::<f64>()
        .map_or_else(|_| value.to_string(), |v| v.to_string())
}

/// A rule's name and threshold as the command line writes them.
pub fn rule_columns(rule: &crate::model::IndicatorTarget) -> (&'static str, Option<f64>) {
    use crate::model::IndicatorTarget as T;
    match *rule {
        T::AtLeast(v) => ("at_least", Some(v)),
        T::AtMost(v) => ("at_most", Some(v)),
        T::Equal(v) => ("equal", Some(v)),
        T::Improving(_) => ("improving", None),
        T::AtLeastOrRising(v) => ("at_least_or_rising", Some(v)),
        T::AtMostOrFalling(v) => ("at_most_or_falling", Some(v)),
        T::ChangeAtLeast(v) => ("change_at_least", Some(v)),
        T::Task(_) => ("task", None),
    }
}

/// The byte-order mark that makes Excel on a Chinese Windows read a CSV as UTF-8.
pub const UTF8_BOM: &str = "\u{feff}";

/// A CSV table for a spreadsheet: the same text with a UTF-8 byte-order mark in front.
pub fn with_bom(csv: &str) -> String {
    format!("{UTF8_BOM}{csv}")
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn tsv_has_years_as_columns_and_chinese_labels() {
        let scenario = crate::plan::hanyang_plan();
        let projection = crate::engine::project(&scenario).unwrap();
        let tsv = super::projection_tsv(&scenario, &projection, crate::i18n::Lang::Zh);
        let mut lines = tsv.lines();
        assert_eq!(
            lines.next().unwrap(),
            "序列\t单位\t2021\t2022\t2023\t2024\t2025\t2026\t2027\t2028"
        );
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("地区生产总值\t亿元\t792.86\t")
        );
    }

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(field("t/a"), "t/a");
        assert_eq!(field(""), "");
        assert_eq!(field("两行\n文字"), "\"两行\n文字\"");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn a_text_a_spreadsheet_would_evaluate_is_written_as_text_and_read_back_as_it_was() {
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"点击\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\""
        );
        assert_eq!(field("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("-2+3"), "'-2+3");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("化学需氧量"), "化学需氧量");
        // Read back: the apostrophe goes, the text stays; an apostrophe of the user's stays.
        for text in ["=HYPERLINK(\"x\")", "+1", "@a", "-b"] {
            assert_eq!(super::unneutralised(&format!("'{text}")), text);
        }
        assert_eq!(super::unneutralised("'quoted'"), "'quoted'");
        // Through the CSV reader, as an import of a template ecoplan wrote reads it.
        let dir = std::env::temp_dir().join(format!("ecoplan-csv-neutral-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.csv");
        std::fs::write(&path, format!("name,2021\n{},5\n", field("=SUM(A1)"))).unwrap();
        let table = crate::io::table_reader::read_csv(&path).unwrap();
        assert_eq!(
            table.rows[1][0],
            crate::io::table_reader::Cell::Text("=SUM(A1)".into())
        );
    }
}
