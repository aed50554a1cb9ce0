//! The analysis as an Excel workbook: one sheet per table, and native Excel line charts of each
//! pollutant's emission against its capacity (rust_xlsxwriter).

use std::path::Path;

use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, XlsxError};

use crate::engine::Analysis;
use crate::engine::uncertainty::UncertaintyResult;
use crate::i18n::{Lang, Tr, unit, unit_text};
use crate::model::Scenario;

/// Sheet names in the workbook's language; Excel allows at most 31 characters and no `[]:*?/\`.
fn sheet_name(table: Tr, lang: Lang) -> &'static str {
    match (table, lang) {
        (Tr::Projections, Lang::En) => "Projection",
        (Tr::Capacity, Lang::En) => "Capacity",
        (Tr::Footprint, Lang::En) => "Footprint",
        (Tr::Ei, Lang::En) => "EI",
        (table, lang) => table.get(lang),
    }
}

/// The number formats every sheet uses: two to four decimals with thousands separators (the
/// plan prints 1 058.84 and 0.0488 alike), percentages as percentages, years as years.
struct Formats {
    bold: Format,
    number: Format,
    percent: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            bold: Format::new().set_bold(),
            number: Format::new().set_num_format("#,##0.00##"),
            percent: Format::new().set_num_format("0.00%"),
        }
    }

    /// A series' or indicator's own precision as an Excel format (`#,##0.00` for 2), else the
    /// general number format.
    fn with_decimals(&self, decimals: Option<u8>) -> Format {
        match decimals {
            Some(0) => Format::new().set_num_format("#,##0"),
            Some(d) => Format::new()
                .set_num_format(format!("#,##0.{}", "0".repeat(usize::from(d.min(12))))),
            None => self.number.clone(),
        }
    }
}

/// Builds the workbook in memory: every table the window shows, headers and statuses in `lang`,
/// and a Monte Carlo run's results where one was run for this scenario.
pub fn workbook_bytes(
    scenario: &Scenario,
    analysis: &Analysis,
    lang: Lang,
    uncertainty: Option<&UncertaintyResult>,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let f = Formats::new();

    // Projection: one row per series, years as columns.
    let sheet = workbook
        .add_worksheet()
        .set_name(sheet_name(Tr::Projections, lang))?;
    sheet.write_with_format(0, 0, Tr::Key.get(lang), &f.bold)?;
    sheet.write_with_format(0, 1, Tr::Name.get(lang), &f.bold)?;
    sheet.write_with_format(0, 2, Tr::Unit.get(lang), &f.bold)?;
    // The history before the base year first, in its own columns, as the window shows it.
    let history_years = scenario.history_span();
    let first_projected = 3 + history_years.len() as u16;
    for (i, year) in history_years.iter().enumerate() {
        sheet.write_with_format(0, 3 + i as u16, *year, &f.bold)?;
    }
    for (i, year) in analysis.projection.years().enumerate() {
        sheet.write_with_format(0, first_projected + i as u16, year, &f.bold)?;
    }
    for (row, (series, projected)) in scenario
        .series
        .iter()
        .zip(&analysis.projection.series)
        .enumerate()
    {
        let row = row as u32 + 1;
        sheet.write(row, 0, series.key.as_str())?;
        sheet.write(row, 1, lang.label(&series.label))?;
        sheet.write(row, 2, unit(lang, &series.unit).as_ref())?;
        let number = f.with_decimals(series.decimals);
        for (i, year) in history_years.iter().enumerate() {
            if let Some(observed) = series.observed.iter().find(|o| o.year == *year) {
                sheet.write_with_format(row, 3 + i as u16, observed.value, &number)?;
            }
        }
        for (i, value) in projected.values.iter().enumerate() {
            // No data stays an empty cell, never 0.
            if value.is_finite() {
                sheet.write_with_format(row, first_projected + i as u16, *value, &number)?;
            }
        }
    }
    sheet.set_column_width(0, 16)?;
    sheet.set_column_width(1, 24)?;
    for i in 0..history_years.len() + analysis.projection.years().count() {
        // Wide enough for 437,335.72 with its separators.
        sheet.set_column_width(3 + i as u16, 13)?;
    }
    sheet.set_freeze_panes(1, 3)?;

    // Capacity: each pollutant's years in one block, charted beside it.
    let capacity_sheet = sheet_name(Tr::Capacity, lang);
    let sheet = workbook.add_worksheet().set_name(capacity_sheet)?;
    for (col, header) in [
        Tr::Pollutant,
        Tr::Medium,
        Tr::Year,
        Tr::Emission,
        Tr::Capacity,
        Tr::Unit,
        Tr::Utilisation,
        Tr::Status,
    ]
    .iter()
    .enumerate()
    {
        sheet.write_with_format(0, col as u16, header.get(lang), &f.bold)?;
    }
    let mut row = 1u32;
    let mut charts = Vec::new();
    for result in &analysis.capacities {
        let first_row = row;
        let label = crate::i18n::capacity_name_in(scenario, &result.pollutant, lang);
        // Emission and capacity are in the emission series' unit, so in its decimals.
        let number = f.with_decimals(scenario.series(&result.series).and_then(|s| s.decimals));
        for year in &result.years {
            sheet.write(row, 0, label)?;
            sheet.write(
                row,
                1,
                match result.medium {
                    crate::model::Medium::Water => Tr::CapacityWater.get(lang),
                    crate::model::Medium::Air => Tr::CapacityAir.get(lang),
                },
            )?;
            sheet.write(row, 2, year.year)?;
            if year.emission.is_finite() {
                sheet.write_with_format(row, 3, year.emission, &number)?;
            }
            sheet.write_with_format(row, 4, year.capacity, &number)?;
            sheet.write(row, 5, unit(lang, &result.unit).as_ref())?;
            if let Some(utilisation) = year.utilisation {
                sheet.write_with_format(row, 6, utilisation, &f.percent)?;
            }
            sheet.write(
                row,
                7,
                crate::i18n::capacity_status_tr(year.status).get(lang),
            )?;
            row += 1;
        }
        let last_row = row - 1;
        let mut chart = Chart::new(ChartType::Line);
        chart
            .title()
            .set_name(&format!("{label} ({})", unit(lang, &result.unit)));
        chart
            .add_series()
            .set_name(Tr::Emission.get(lang))
            .set_categories((capacity_sheet, first_row, 2, last_row, 2))
            .set_values((capacity_sheet, first_row, 3, last_row, 3));
        chart
            .add_series()
            .set_name(Tr::Capacity.get(lang))
            .set_categories((capacity_sheet, first_row, 2, last_row, 2))
            .set_values((capacity_sheet, first_row, 4, last_row, 4));
        chart.x_axis().set_name(Tr::Year.get(lang));
        chart.y_axis().set_name(unit(lang, &result.unit).as_ref());
        charts.push(chart);
    }
    for (i, chart) in charts.iter().enumerate() {
        sheet.insert_chart(1 + 16 * i as u32, 9, chart)?;
    }
    sheet.set_column_width(0, 14)?;
    sheet.set_column_width(1, 14)?;
    sheet.set_column_width(3, 14)?;
    sheet.set_column_width(4, 14)?;
    sheet.set_freeze_panes(1, 0)?;

    // Targets.
    let sheet = workbook
        .add_worksheet()
        .set_name(sheet_name(Tr::Targets, lang))?;
    for (col, header) in [
        Tr::Name,
        Tr::Year,
        Tr::Value,
        Tr::Threshold,
        Tr::Unit,
        Tr::Status,
        Tr::Gap,
        Tr::RequiredChange,
    ]
    .iter()
    .enumerate()
    {
        sheet.write_with_format(0, col as u16, header.get(lang), &f.bold)?;
    }
    for (row, check) in analysis.targets.iter().enumerate() {
        let number = f.with_decimals(scenario.target_decimals(&check.key));
        let row = row as u32 + 1;
        sheet.write(row, 0, lang.label(&check.label))?;
        sheet.write(row, 1, check.year)?;
        if check.value.is_finite() {
            sheet.write_with_format(row, 2, check.value, &number)?;
        }
        sheet.write_with_format(
            row,
            3,
            format!(
                "{} {}",
                check.comparison.symbol(),
                crate::i18n::threshold_value(check, scenario.target_decimals(&check.key))
            ),
            &f.bold,
        )?;
        sheet.write(row, 4, unit(lang, &check.unit).as_ref())?;
        sheet.write(row, 5, if check.met { Tr::Yes } else { Tr::No }.get(lang))?;
        if check.gap.is_finite() {
            sheet.write_with_format(row, 6, check.gap, &number)?;
        }
        if let Some(change) = check.required_annual_change {
            sheet.write_with_format(row, 7, change, &f.percent)?;
        }
    }
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(7, 18)?;
    sheet.set_freeze_panes(1, 1)?;

    indicators_sheet(&mut workbook, scenario, analysis, lang)?;

    // Projects: the groups against their stated totals, then the list.
    let sheet = workbook
        .add_worksheet()
        .set_name(sheet_name(Tr::Projects, lang))?;
    for (col, header) in [Tr::Name, Tr::Group, Tr::Investment, Tr::NoteLabel]
        .iter()
        .enumerate()
    {
        sheet.write_with_format(0, col as u16, header.get(lang), &f.bold)?;
    }
    for (row, project) in scenario.projects.iter().enumerate() {
        let row = row as u32 + 1;
        sheet.write(row, 0, lang.label(&project.name))?;
        let group = scenario
            .project_groups
            .iter()
            .find(|g| g.key == project.group)
            .map_or(project.group.as_str(), |g| lang.label(&g.name));
        sheet.write(row, 1, group)?;
        if let Some(investment) = project.investment_yi_yuan {
            sheet.write_with_format(row, 2, investment, &f.number)?;
        }
        sheet.write(row, 3, lang.label(&project.notes))?;
    }
    sheet.set_column_width(0, 40)?;
    sheet.set_column_width(1, 24)?;
    sheet.set_column_width(3, 60)?;
    sheet.set_freeze_panes(1, 1)?;

    // The ecological footprint by year, where the scenario has its parameters.
    if let Some(years) = &analysis.footprint {
        let sheet = workbook
            .add_worksheet()
            .set_name(sheet_name(Tr::Footprint, lang))?;
        for (col, header) in [
            Tr::Year,
            Tr::Population,
            Tr::FootprintTotal,
            Tr::CapacityTotal,
            Tr::Balance,
        ]
        .iter()
        .enumerate()
        {
            sheet.write_with_format(0, col as u16, header.get(lang), &f.bold)?;
        }
        for (row, year) in years.iter().enumerate() {
            let row = row as u32 + 1;
            sheet.write(row, 0, year.year)?;
            for (col, value) in [
                year.population,
                year.footprint_gha,
                year.capacity_gha,
                year.balance_gha,
            ]
            .into_iter()
            .enumerate()
            {
                if value.is_finite() {
                    sheet.write_with_format(row, 1 + col as u16, value, &f.number)?;
                }
            }
        }
        for col in 1..=4 {
            sheet.set_column_width(col, 16)?;
        }
        sheet.set_freeze_panes(1, 1)?;
    }

    // EI and its sub-indices, where the scenario has the calculator's parameters.
    if scenario.methods.ei.area_km2 > 0.0 {
        let ei = crate::engine::methods::ecological_index(&scenario.methods.ei);
        let sheet = workbook
            .add_worksheet()
            .set_name(sheet_name(Tr::Ei, lang))?;
        sheet.write_with_format(0, 0, Tr::Name.get(lang), &f.bold)?;
        sheet.write_with_format(0, 1, Tr::Value.get(lang), &f.bold)?;
        for (row, (name, value)) in [
            (Tr::BiologicalAbundance, ei.biological_abundance),
            (Tr::VegetationCover, ei.vegetation_cover),
            (Tr::WaterNetworkDensity, ei.water_network),
            (Tr::LandStress, ei.land_stress),
            (Tr::PollutionLoad, ei.pollution_load),
            (Tr::Ei, ei.ei),
        ]
        .into_iter()
        .enumerate()
        {
            let row = row as u32 + 1;
            sheet.write(row, 0, name.get(lang))?;
            sheet.write_with_format(row, 1, value, &f.number)?;
        }
        sheet.write(7, 0, Tr::Grade.get(lang))?;
        sheet.write(7, 1, Tr::ei_grade(ei.grade()).get(lang))?;
        sheet.set_column_width(0, 28)?;
        sheet.set_freeze_panes(1, 0)?;
    }
    if let Some(result) = uncertainty {
        uncertainty_sheet(&mut workbook, scenario, result, lang)?;
        drivers_sheet(&mut workbook, scenario, result, lang)?;
    }
    workbook.save_to_buffer()
}

/// A Monte Carlo run: each pollutant's probability of having exceeded its capacity by each
/// year the tables show, then each fan's percentiles by year, in its series' decimals.
fn uncertainty_sheet(
    workbook: &mut Workbook,
    scenario: &Scenario,
    result: &UncertaintyResult,
    lang: Lang,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let sheet = workbook
        .add_worksheet()
        .set_name(sheet_name(Tr::Uncertainty, lang))?;
    sheet.write_with_format(
        0,
        0,
        format!(
            "{} · {} {}",
            Tr::ExceedanceProbability.get(lang),
            result.runs,
            Tr::RunsUnit.get(lang)
        ),
        &f.bold,
    )?;
    let years: Vec<i32> = scenario
        .shown_years()
        .into_iter()
        .filter(|&y| y >= result.base_year)
        .collect();
    sheet.write_with_format(1, 0, Tr::Pollutant.get(lang), &f.bold)?;
    for (i, year) in years.iter().enumerate() {
        sheet.write_with_format(1, 1 + i as u16, *year, &f.bold)?;
    }
    let mut row = 2u32;
    for exceedance in &result.exceedance {
        let name = scenario
            .capacities
            .iter()
            .find(|c| c.pollutant == exceedance.pollutant)
            .map_or(exceedance.pollutant.as_str(), |c| lang.label(&c.label));
        sheet.write(row, 0, name)?;
        for (i, year) in years.iter().enumerate() {
            let index = (year - result.base_year) as usize;
            if let Some(p) = exceedance.by_year.get(index) {
                sheet.write_with_format(row, 1 + i as u16, *p, &f.percent)?;
            }
        }
        row += 1;
    }
    // The fans below, one row per series and year.
    row += 1;
    for (col, header) in ["", "", "p5", "p25", "p50", "p75", "p95"]
        .iter()
        .enumerate()
    {
        let text = match col {
            0 => Tr::Name.get(lang),
            1 => Tr::Year.get(lang),
            _ => header,
        };
        sheet.write_with_format(row, col as u16, text, &f.bold)?;
    }
    sheet.write_with_format(row, 7, Tr::Unit.get(lang), &f.bold)?;
    row += 1;
    for fan in &result.fans {
        let series = scenario.series(&fan.series);
        let name = series.map_or(fan.series.as_str(), |s| lang.label(&s.label));
        let number = f.with_decimals(series.and_then(|s| s.decimals));
        for (i, percentiles) in fan.percentiles.iter().enumerate() {
            sheet.write(row, 0, name)?;
            sheet.write(row, 1, result.base_year + i as i32)?;
            for (k, value) in percentiles.iter().enumerate() {
                if value.is_finite() {
                    sheet.write_with_format(row, 2 + k as u16, *value, &number)?;
                }
            }
            sheet.write(row, 7, unit_text(lang, &fan.unit).as_ref())?;
            row += 1;
        }
    }
    sheet.set_column_width(0, 24)?;
    for col in 1..=7 {
        sheet.set_column_width(col, 13)?;
    }
    sheet.set_freeze_panes(2, 1)?;
    Ok(())
}

/// Which assumption drives each result of the run at the horizon: for each pollutant's
/// exceedance and each fan series' value, every uncertain lever's share of its variance (from
/// draws of the run's settings), largest first; a result the draws do not move has no rows.
fn drivers_sheet(
    workbook: &mut Workbook,
    scenario: &Scenario,
    result: &UncertaintyResult,
    lang: Lang,
) -> Result<(), XlsxError> {
    use crate::engine::importance::{Outcome, importance};
    let f = Formats::new();
    let sheet = workbook
        .add_worksheet()
        .set_name(Tr::Importance.get(lang))?;
    for (col, header) in [Tr::ImportanceResult, Tr::Lever, Tr::ImportanceShare]
        .into_iter()
        .enumerate()
    {
        sheet.write_with_format(0, col as u16, header.get(lang), &f.bold)?;
    }
    let year = scenario.horizon;
    let outcomes = result
        .exceedance
        .iter()
        .map(|e| {
            let name = scenario
                .capacity(&e.pollutant)
                .map_or(e.pollutant.as_str(), |c| lang.label(&c.label));
            (
                Tr::ImportanceOfExceeding.fill(lang, &[&name]),
                Outcome::Exceeded {
                    pollutant: e.pollutant.clone(),
                    year,
                },
            )
        })
        .chain(result.fans.iter().map(|fan| {
            let name = scenario
                .series(&fan.series)
                .map_or(fan.series.as_str(), |s| lang.label(&s.label));
            (
                Tr::ImportanceOfValue.fill(lang, &[&name]),
                Outcome::Series {
                    key: fan.series.clone(),
                    year,
                },
            )
        }));
    let mut row = 1;
    for (name, outcome) in outcomes {
        let Ok(shares) = importance(scenario, result.settings, &outcome) else {
            continue;
        };
        for share in shares.iter().filter(|s| s.share > 0.0) {
            let lever = scenario
                .series(&share.lever)
                .map_or(share.lever.as_str(), |s| lang.label(&s.label));
            sheet.write(row, 0, format!("{name} ({year})"))?;
            sheet.write(row, 1, lever)?;
            sheet.write_with_format(row, 2, share.share, &f.percent)?;
            row += 1;
        }
    }
    sheet.set_column_width(0, 36)?;
    sheet.set_column_width(1, 24)?;
    sheet.set_column_width(2, 12)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Every checked value of every indicator, as `ecoplan indicators` prints them, with headers,
/// rules and statuses in the workbook's language, the header frozen.
fn indicators_sheet(
    workbook: &mut Workbook,
    scenario: &Scenario,
    analysis: &Analysis,
    lang: Lang,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let bold = &f.bold;
    let sheet = workbook
        .add_worksheet()
        .set_name(sheet_name(Tr::Indicators, lang))?;
    for (col, header) in [
        Tr::Number,
        Tr::Name,
        Tr::Unit,
        Tr::Year,
        Tr::SourceKind,
        Tr::Value,
        Tr::Target,
        Tr::Status,
    ]
    .iter()
    .enumerate()
    {
        sheet.write_with_format(0, col as u16, header.get(lang), bold)?;
    }
    let mut row = 1u32;
    for (indicator, assessment) in scenario.indicators.iter().zip(&analysis.indicators) {
        for line in &assessment.lines {
            sheet.write(row, 0, indicator.number.as_str())?;
            sheet.write(row, 1, lang.label(&indicator.name))?;
            sheet.write(row, 2, unit_text(lang, &indicator.unit).as_ref())?;
            sheet.write(row, 3, line.year)?;
            sheet.write(row, 4, crate::i18n::basis_tr(line.basis).get(lang))?;
            if let Some(value) = line.value {
                sheet.write_with_format(row, 5, value, &f.with_decimals(indicator.decimals))?;
            }
            let rule = crate::i18n::target_text(&line.target, lang);
            sheet.write(row, 6, rule.as_str())?;
            sheet.write(row, 7, crate::i18n::status_tr(line.status).get(lang))?;
            row += 1;
        }
    }
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(6, 24)?;
    sheet.set_column_width(7, 12)?;
    sheet.set_freeze_panes(1, 2)?;
    Ok(())
}

/// Writes the workbook to `path`.
pub fn write_xlsx(
    scenario: &Scenario,
    analysis: &Analysis,
    lang: Lang,
    uncertainty: Option<&UncertaintyResult>,
    path: &Path,
) -> Result<(), super::export::WriteError> {
    let bytes = workbook_bytes(scenario, analysis, lang, uncertainty)
        .map_err(|e| super::export::WriteError::Build(e.to_string()))?;
    Ok(super::write_atomically(path, &bytes, super::Backup::None)?)
}
