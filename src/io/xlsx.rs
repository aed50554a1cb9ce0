//! The analysis as an Excel workbook: one sheet per table, and native Excel line charts of each
//! pollutant's emission against its capacity (rust_xlsxwriter).

use std::path::Path;

use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, XlsxError};

use crate::engine::Analysis;
use crate::i18n::{Lang, Tr};
use crate::model::Scenario;

/// Sheet names; Excel allows at most 31 characters and no `[]:*?/\`.
const PROJECTION: &str = "Projection";
const CAPACITY: &str = "Capacity";
const TARGETS: &str = "Targets";
const INDICATORS: &str = "Indicators";

/// Builds the workbook in memory.
pub fn workbook_bytes(
    scenario: &Scenario,
    analysis: &Analysis,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();

    // Projection: one row per series, years as columns.
    let sheet = workbook.add_worksheet().set_name(PROJECTION)?;
    sheet.write_with_format(0, 0, "series", &bold)?;
    sheet.write_with_format(0, 1, Tr::Name.get(lang), &bold)?;
    sheet.write_with_format(0, 2, Tr::Unit.get(lang), &bold)?;
    for (i, year) in analysis.projection.years().enumerate() {
        sheet.write_with_format(0, 3 + i as u16, year, &bold)?;
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
        sheet.write(row, 2, series.unit.symbol())?;
        for (i, value) in projected.values.iter().enumerate() {
            sheet.write(row, 3 + i as u16, *value)?;
        }
    }
    sheet.set_column_width(1, 24)?;
    sheet.set_freeze_panes(1, 3)?;

    // Capacity: the CSV's columns, each pollutant's years in one block, charted beside it.
    let headers = super::csv::CAPACITY_COLUMNS;
    let sheet = workbook.add_worksheet().set_name(CAPACITY)?;
    for (col, header) in headers.iter().enumerate() {
        sheet.write_with_format(0, col as u16, *header, &bold)?;
    }
    let mut row = 1u32;
    let mut charts = Vec::new();
    for result in &analysis.capacities {
        let first_row = row;
        for year in &result.years {
            sheet.write(row, 0, result.pollutant.as_str())?;
            sheet.write(row, 1, result.medium.key())?;
            sheet.write(row, 2, year.year)?;
            sheet.write(row, 3, year.emission)?;
            sheet.write(row, 4, year.capacity)?;
            sheet.write(row, 5, result.unit.symbol())?;
            if let Some(utilisation) = year.utilisation {
                sheet.write(row, 6, utilisation)?;
            }
            sheet.write(row, 7, year.status.key())?;
            row += 1;
        }
        let last_row = row - 1;
        let label = scenario
            .capacities
            .iter()
            .find(|c| c.pollutant == result.pollutant)
            .map_or(result.pollutant.as_str(), |c| lang.label(&c.label));
        let mut chart = Chart::new(ChartType::Line);
        chart
            .title()
            .set_name(&format!("{label} ({})", result.unit));
        chart
            .add_series()
            .set_name(Tr::Emission.get(lang))
            .set_categories((CAPACITY, first_row, 2, last_row, 2))
            .set_values((CAPACITY, first_row, 3, last_row, 3));
        chart
            .add_series()
            .set_name(Tr::Capacity.get(lang))
            .set_categories((CAPACITY, first_row, 2, last_row, 2))
            .set_values((CAPACITY, first_row, 4, last_row, 4));
        chart.x_axis().set_name(Tr::Year.get(lang));
        chart.y_axis().set_name(result.unit.symbol());
        charts.push(chart);
    }
    for (i, chart) in charts.iter().enumerate() {
        sheet.insert_chart(1 + 16 * i as u32, 9, chart)?;
    }

    // Targets.
    let sheet = workbook.add_worksheet().set_name(TARGETS)?;
    let headers = [
        "target",
        "year",
        "value",
        "threshold",
        "unit",
        "met",
        "gap",
        "required_annual_change",
    ];
    for (col, header) in headers.iter().enumerate() {
        sheet.write_with_format(0, col as u16, *header, &bold)?;
    }
    for (row, check) in analysis.targets.iter().enumerate() {
        let row = row as u32 + 1;
        sheet.write(row, 0, check.key.as_str())?;
        sheet.write(row, 1, check.year)?;
        sheet.write(row, 2, check.value)?;
        sheet.write(row, 3, check.threshold)?;
        sheet.write(row, 4, check.unit.symbol())?;
        sheet.write(row, 5, check.met)?;
        sheet.write(row, 6, check.gap)?;
        if let Some(change) = check.required_annual_change {
            sheet.write(row, 7, change)?;
        }
    }
    indicators_sheet(&mut workbook, scenario, analysis, lang)?;
    workbook.save_to_buffer()
}

/// Every checked value of every indicator, as `ecoplan indicators` prints them, with headers,
/// rules and statuses in the workbook's language, the header frozen.
fn indicators_sheet(
    workbook: &mut Workbook,
    scenario: &Scenario,
    analysis: &Analysis,
    lang: Lang,
) -> Result<(), XlsxError> {
    use crate::model::IndicatorTarget;
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet().set_name(INDICATORS)?;
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
        sheet.write_with_format(0, col as u16, header.get(lang), &bold)?;
    }
    let mut row = 1u32;
    for (indicator, assessment) in scenario.indicators.iter().zip(&analysis.indicators) {
        for line in &assessment.lines {
            sheet.write(row, 0, indicator.number.as_str())?;
            sheet.write(row, 1, lang.label(&indicator.name))?;
            sheet.write(row, 2, indicator.unit.as_str())?;
            sheet.write(row, 3, line.year)?;
            sheet.write(row, 4, crate::i18n::basis_tr(line.basis).get(lang))?;
            if let Some(value) = line.value {
                sheet.write(row, 5, value)?;
            }
            let rule = match &line.target {
                IndicatorTarget::AtLeast(v) => format!("≥ {}", crate::format::value(*v)),
                IndicatorTarget::AtMost(v) => format!("≤ {}", crate::format::value(*v)),
                IndicatorTarget::Equal(v) => format!("= {}", crate::format::value(*v)),
                IndicatorTarget::Improving(_) => Tr::Improving.get(lang).to_owned(),
                IndicatorTarget::Task(label) => lang.label(label).to_owned(),
            };
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
    path: &Path,
) -> Result<(), String> {
    let bytes = workbook_bytes(scenario, analysis, lang)
        .map_err(|e| format!("{}: cannot build the workbook: {e}", path.display()))?;
    super::write_atomically(path, &bytes, super::Backup::None).map_err(|e| e.to_string())
}
