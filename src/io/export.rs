//! Exports for meetings, the same from the menu and from `ecoplan export`: tables as CSV (with a
//! BOM for Excel) or XLSX, and any chart as a PNG. The file's extension picks the format.

use std::path::Path;

use super::{chart_png, csv, xlsx};
use crate::charts::{ChartSpec, all_charts};
use crate::engine::Analysis;
use crate::i18n::{Lang, Tr};
use crate::model::Label;
use crate::model::Scenario;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// Why an export is refused or failed: the file it concerns and what is wrong, in both
/// languages (a writer's own message below is in its words alone).
#[derive(Clone, Debug, PartialEq)]
pub struct ExportError {
    pub place: String,
    pub message: Label,
}

impl ExportError {
    fn at(out: &Path, key: Tr, args: &[&dyn std::fmt::Display]) -> ExportError {
        ExportError {
            place: out.display().to_string(),
            message: Label {
                zh: key.fill(Lang::Zh, args),
                en: key.fill(Lang::En, args),
            },
        }
    }

    /// A writer's failure (the disk, the workbook or document library), in both languages.
    fn written(out: &Path, error: WriteError) -> ExportError {
        ExportError {
            place: String::new(),
            message: Label {
                zh: error.in_lang(Lang::Zh, out),
                en: error.in_lang(Lang::En, out),
            },
        }
    }

    /// The error in `lang`, starting with its file.
    pub fn in_lang(&self, lang: Lang) -> String {
        if self.place.is_empty() {
            lang.label(&self.message).to_owned()
        } else {
            format!("{}: {}", self.place, lang.label(&self.message))
        }
    }
}

/// Why writing an output failed: the disk (the save's own error, in both languages), or the
/// library that builds the file (its words, after ours: a bug to report, not a user's error).
#[derive(Debug)]
pub enum WriteError {
    Save(super::SaveError),
    Build(String),
}

impl From<super::SaveError> for WriteError {
    fn from(error: super::SaveError) -> Self {
        WriteError::Save(error)
    }
}

impl WriteError {
    /// The error in `lang`, starting with its file.
    pub fn in_lang(&self, lang: Lang, out: &Path) -> String {
        match self {
            WriteError::Save(error) => error.in_lang(lang),
            WriteError::Build(detail) => Tr::CannotBuildFile.fill(lang, &[&out.display(), detail]),
        }
    }
}

/// Finds a chart by its key, or says which keys there are.
pub fn find_chart(charts: Vec<ChartSpec>, key: &str, out: &Path) -> Result<ChartSpec, ExportError> {
    let keys: Vec<String> = charts.iter().map(|c| c.key.to_string()).collect();
    charts
        .into_iter()
        .find(|c| c.key.to_string() == key)
        .ok_or_else(|| ExportError::at(out, Tr::ExportNoSuchChart, &[&key, &keys.join(", ")]))
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
pub fn refuse_replacing_input(out: &Path, input: Option<&Path>) -> Result<(), ExportError> {
    if !out.exists() {
        return Ok(());
    }
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if input.is_some_and(|input| same(out, input)) {
        return Err(ExportError::at(out, Tr::ExportIsInput, &[]));
    }
    // A directory, a FIFO and the like are refused by the writer; only a regular file is read.
    if out.is_file() && super::load_any(out).is_ok() {
        return Err(ExportError::at(out, Tr::ExportIsScenario, &[]));
    }
    Ok(())
}

/// What an export wrote besides its file's content.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Exported {
    /// Characters of its charts that no font on this machine has, drawn as blanks.
    pub undrawable: Vec<char>,
}

impl Exported {
    /// The warning to give with the file, in `lang`, where there is one.
    pub fn warning(&self, out: &Path, lang: Lang) -> Option<String> {
        (!self.undrawable.is_empty()).then(|| {
            let characters: String = self.undrawable.iter().collect();
            Tr::CannotDraw.fill(
                lang,
                &[&out.display(), &characters, &crate::typeface::FONT_VARIABLE],
            )
        })
    }
}

/// Writes `out` in the format its extension names.
pub fn export(
    source: Source<'_>,
    lang: Lang,
    table: Table,
    chart: Option<&str>,
    out: &Path,
) -> Result<Exported, ExportError> {
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
    let drawn = |undrawable: Vec<char>| Exported { undrawable };
    let written = match extension.as_deref() {
        Some("csv") => super::write_atomically(
            out,
            table_csv(scenario, analysis, lang, table).as_bytes(),
            super::Backup::None,
        )
        .map(|()| Exported::default())
        .map_err(WriteError::Save),
        Some("xlsx") if table == Table::Indicators => {
            super::indicator_table::write_template(scenario, lang, out)
                .map(|()| Exported::default())
        }
        // Its charts are Excel's, drawn by the reader in the reader's fonts.
        Some("xlsx") => xlsx::write_xlsx(scenario, analysis, lang, uncertainty, out)
            .map(|()| Exported::default()),
        Some("docx") => super::report::write_report(&chapter, lang, out).map(drawn),
        // The chapter as Markdown: what the Word file says, as plain text.
        Some("md") => super::write_atomically(
            out,
            crate::report::markdown::to_markdown(&crate::report::chapter(&chapter, lang), lang)
                .as_bytes(),
            super::Backup::None,
        )
        .map(|()| Exported::default())
        .map_err(WriteError::Save),
        Some("png") => {
            let charts = all_charts(scenario, analysis, lang);
            let spec = match chart {
                Some(key) => find_chart(charts, key, out)?,
                None => charts
                    .into_iter()
                    .next()
                    .ok_or_else(|| ExportError::at(out, Tr::ExportNoCharts, &[]))?,
            };
            chart_png::write_png(&spec, out).map(drawn)
        }
        _ => return Err(ExportError::at(out, Tr::ExportExtension, &[])),
    };
    written.map_err(|error| ExportError::written(out, error))
}
