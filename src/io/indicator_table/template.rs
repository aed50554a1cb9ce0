//! The template a consultant fills in: one row per indicator and one column per year, as CSV
//! or XLSX.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use super::*;

/// The years a template has columns for: from the earliest value (or the base year) to the
/// latest value (or the base year), every year between included.
pub fn template_years(scenario: &Scenario) -> Vec<i32> {
    let years = scenario
        .indicators
        .iter()
        .flat_map(|i| i.observed.iter().map(|o| o.year))
        .chain([scenario.base_year]);
    let (first, last) = years.fold((i32::MAX, i32::MIN), |(a, b), y| (a.min(y), b.max(y)));
    (first..=last).collect()
}

/// The header cells of the template, in `lang`.
pub(super) fn header(scenario: &Scenario, lang: Lang) -> Vec<String> {
    let mut cells = vec![
        Tr::TemplateNumber.get(lang).to_owned(),
        Tr::Name.get(lang).to_owned(),
        Tr::Unit.get(lang).to_owned(),
    ];
    cells.extend(template_years(scenario).iter().map(i32::to_string));
    cells
}

/// The template as CSV text (with the BOM Excel needs to read UTF-8).
pub fn template_csv(scenario: &Scenario, lang: Lang) -> String {
    let years = template_years(scenario);
    let mut out = header(scenario, lang)
        .iter()
        .map(|c| field(c))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for indicator in &scenario.indicators {
        let mut cells = vec![
            field(&indicator.number),
            field(lang.label(&indicator.name)),
            field(&crate::i18n::unit_text(lang, &indicator.unit)),
        ];
        cells.extend(years.iter().map(|&year| {
            indicator
                .observed_in(year)
                .map_or_else(String::new, |o| o.value.to_string())
        }));
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    with_bom(&out)
}

/// The template as an XLSX workbook: one sheet, the header frozen, numbers as numbers.
pub fn template_xlsx(scenario: &Scenario, lang: Lang) -> Result<Vec<u8>, String> {
    let years = template_years(scenario);
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = workbook
        .add_worksheet()
        .set_name(Tr::Indicators.get(lang))
        .map_err(|e| e.to_string())?;
    let error = |e: rust_xlsxwriter::XlsxError| e.to_string();
    for (col, text) in header(scenario, lang).iter().enumerate() {
        let col = col as u16;
        match text.parse::<i32>() {
            // A year header is a number, as a consultant who adds a column would type it.
            Ok(year) if col >= 3 => sheet.write_with_format(0, col, year, &bold),
            _ => sheet.write_with_format(0, col, text.as_str(), &bold),
        }
        .map_err(error)?;
    }
    for (row, indicator) in scenario.indicators.iter().enumerate() {
        let row = row as u32 + 1;
        sheet
            .write(row, 0, indicator.number.as_str())
            .map_err(error)?;
        sheet
            .write(row, 1, lang.label(&indicator.name))
            .map_err(error)?;
        sheet
            .write(
                row,
                2,
                crate::i18n::unit_text(lang, &indicator.unit).as_ref(),
            )
            .map_err(error)?;
        for (i, &year) in years.iter().enumerate() {
            if let Some(o) = indicator.observed_in(year) {
                sheet.write(row, 3 + i as u16, o.value).map_err(error)?;
            }
        }
    }
    sheet.set_column_width(1, 48).map_err(error)?;
    sheet.set_column_width(2, 10).map_err(error)?;
    sheet.set_freeze_panes(1, 3).map_err(error)?;
    workbook.save_to_buffer().map_err(error)
}

/// Writes the template in the format the extension names.
pub fn write_template(
    scenario: &Scenario,
    lang: Lang,
    out: &Path,
) -> Result<(), crate::io::export::WriteError> {
    use crate::io::export::WriteError;
    let extension = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match extension.as_deref() {
        Some("csv") => template_csv(scenario, lang).into_bytes(),
        Some("xlsx") => template_xlsx(scenario, lang).map_err(WriteError::Build)?,
        // `export` refuses other extensions before it gets here.
        _ => {
            return Err(WriteError::Build(
                Tr::TemplateExtension.get(lang).to_owned(),
            ));
        }
    };
    Ok(crate::io::write_atomically(
        out,
        &bytes,
        crate::io::Backup::None,
    )?)
}
