//! The indicator values as a table a consultant fills in: a template (CSV or XLSX) with one row
//! per indicator and one column per year, and the import of a filled-in table (CSV, or any
//! workbook calamine reads: xlsx, xls, ods) back into the scenario's observed values.
//!
//! The layout is an interface other people's sheets follow: a header row whose first cell is
//! 序号 (or `number`), then columns headed by a year hold that year's values; any other column
//! (name, unit, notes) is ignored. Every bad cell is named the way a spreadsheet user finds it:
//! `BOOK!SHEET!CELL` in a workbook, `FILE:LINE:COL` in a CSV.

use crate::i18n::{Lang, Tr};
use crate::io::csv::{field, with_bom};
pub use crate::io::table_reader::ImportError;
use crate::model::{IndicatorTarget, Label, MAX_HORIZON, MIN_BASE_YEAR, Observation, Scenario};

mod import;
mod reader;
mod template;

pub use import::{changes_csv, with_values};
pub(crate) use reader::is_template;
pub use reader::read_values;
pub use template::{template_csv, template_xlsx, template_years, write_template};

/// Whether a unit is a percentage: "%", "％".
pub(crate) use crate::model::is_percent_unit;

/// What a row of the table is about: an indicator (by its number), or a projected series (by its
/// key), whose observed values a mid-term review sets against the projection.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportTarget {
    /// The indicator's position in the scenario.
    Indicator(usize),
    Series(String),
}

impl ImportTarget {
    /// The row's name in `lang`.
    pub fn name<'a>(&self, scenario: &'a Scenario, lang: Lang) -> &'a str {
        match self {
            ImportTarget::Indicator(index) => scenario
                .indicators
                .get(*index)
                .map_or("", |i| lang.label(&i.name)),
            ImportTarget::Series(key) => scenario.series(key).map_or("", |s| lang.label(&s.label)),
        }
    }
}

/// One value the import sets.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedValue {
    pub target: ImportTarget,
    /// The first cell of the row: the indicator's number or the series' key.
    pub number: String,
    pub year: i32,
    pub old: Option<f64>,
    pub new: f64,
    /// Where it came from: `BOOK!SHEET!CELL` or `FILE:LINE:COL`.
    pub source: String,
}

#[cfg(test)]
mod tests;
