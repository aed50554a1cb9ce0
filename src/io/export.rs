//! Exports for meetings, the same from the menu and from `ecoplan export`: tables as CSV (with a
//! BOM for Excel) or XLSX, and any chart as a PNG. The file's extension picks the format.

use std::path::Path;

use super::{chart_png, csv, xlsx};
use crate::charts::{ChartSpec, all_charts};
use crate::engine::Analysis;
use crate::i18n::Lang;
use crate::model::Scenario;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Table {
    Projection,
    Capacity,
    Targets,
    /// The indicator values as a template to fill in (.csv or .xlsx), see `indicator_table`.
    Indicators,
}

/// The CSV text of one table, with the BOM.
pub fn table_csv(scenario: &Scenario, analysis: &Analysis, lang: Lang, table: Table) -> String {
    csv::with_bom(&match table {
        Table::Projection => csv::projection_csv(&analysis.projection),
        Table::Capacity => csv::capacity_csv(&analysis.capacities),
        Table::Targets => csv::targets_csv(&analysis.targets),
        Table::Indicators => return super::indicator_table::template_csv(scenario, lang),
    })
}

/// Finds a chart by its key, or says which keys there are.
pub fn find_chart(charts: Vec<ChartSpec>, key: &str) -> Result<ChartSpec, String> {
    let keys: Vec<String> = charts.iter().map(|c| c.key.clone()).collect();
    charts.into_iter().find(|c| c.key == key).ok_or_else(|| {
        format!(
            "there is no chart \"{key}\"; the charts are: {}",
            keys.join(", ")
        )
    })
}

/// What is exported, and where from.
pub struct Source<'a> {
    pub scenario: &'a Scenario,
    pub analysis: &'a Analysis,
    /// The scenario's file, named in a report's footnote.
    pub file: Option<&'a Path>,
    /// A Monte Carlo run of this scenario: the workbook gets its sheet, the chapter its section.
    pub uncertainty: Option<&'a crate::engine::uncertainty::UncertaintyResult>,
    /// The scenarios of a workspace, each analysed: the chapter compares them.
    pub compared: &'a [(&'a str, &'a Scenario, &'a Analysis)],
}

/// Refuses an output that would replace an input: `out` is the file being read (links
/// followed), or an existing file that reads as a scenario or workspace. An export can be made
/// again; the work in a scenario cannot.
pub fn refuse_replacing_input(out: &Path, input: Option<&Path>) -> Result<(), String> {
    if !out.exists() {
        return Ok(());
    }
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if input.is_some_and(|input| same(out, input)) {
        return Err(format!(
            "{}: this is the scenario being read; an output never replaces its input",
            out.display()
        ));
    }
    // A directory, a FIFO and the like are refused by the writer; only a regular file is read.
    if out.is_file() && super::load_any(out).is_ok() {
        return Err(format!(
            "{}: this file is a scenario or workspace; an output never replaces one",
            out.display()
        ));
    }
    Ok(())
}

/// Writes `out` in the format its extension names.
pub fn export(
    source: Source<'_>,
    lang: Lang,
    table: Table,
    chart: Option<&str>,
    out: &Path,
) -> Result<(), String> {
    let Source {
        scenario,
        analysis,
        file,
        uncertainty,
        compared,
    } = source;
    refuse_replacing_input(out, file)?;
    let file = file.map(|f| f.display().to_string());
    let chapter = crate::report::ChapterInput {
        scenario,
        analysis,
        file: file.as_deref(),
        uncertainty,
        compared,
    };
    let extension = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("csv") => super::write_atomically(
            out,
            table_csv(scenario, analysis, lang, table).as_bytes(),
            super::Backup::None,
        )
        .map_err(|e| e.to_string()),
        Some("xlsx") if table == Table::Indicators => {
            super::indicator_table::write_template(scenario, lang, out)
        }
        Some("xlsx") => xlsx::write_xlsx(scenario, analysis, lang, uncertainty, out),
        Some("docx") => super::report::write_report(&chapter, lang, out),
        // The chapter as Markdown: what the Word file says, as plain text.
        Some("md") => super::write_atomically(
            out,
            crate::report::markdown::to_markdown(&crate::report::chapter(&chapter, lang), lang)
                .as_bytes(),
            super::Backup::None,
        )
        .map_err(|e| e.to_string()),
        Some("png") => {
            let charts = all_charts(scenario, analysis, lang);
            let spec = match chart {
                Some(key) => find_chart(charts, key)?,
                None => charts
                    .into_iter()
                    .next()
                    .ok_or("the scenario has no chart to export")?,
            };
            chart_png::write_png(&spec, out)
        }
        _ => Err(format!(
            "{}: the file name must end in .csv, .xlsx, .docx, .md or .png to say what to export",
            out.display()
        )),
    }
}
