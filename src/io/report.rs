//! The analysis as a chapter of a plan, in Word (docx-rs): headings, real tables (the projection
//! at the milestones, the capacity analysis, the targets, the indicator assessment, the
//! assumptions), the charts as pictures with numbered captions (图 1 …, 表 1 …), a short
//! paragraph per pollutant and target in the plan's register, and a footnote naming the scenario,
//! the date and the file. Chinese is set in 宋体 (body) and 黑体 (headings) by name, so Word and
//! WPS render it with the user's fonts.

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Footnote, InstrText, Paragraph, Pic, Run, RunFonts, Style,
    StyleType, Table, TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};

use super::chart_png;
use crate::charts::{ChartSpec, all_charts};
use crate::engine::Analysis;
use crate::engine::indicators::Status;
use crate::format;
use crate::i18n::{Lang, Tr};
use crate::model::Scenario;

/// The text width of docx-rs's page (A4, 3 cm side margins), in twips: 15 cm.
const TEXT_WIDTH_TWIPS: usize = 11_906 - 2 * 1_701;

/// Picture size in the document: the text's 15 cm wide, 16:9 (a chart drawn at 1600 × 900).
const PICTURE_PX: (u32, u32) = (1600, 900);
const PICTURE_EMU: (u32, u32) = (5_400_000, 3_037_500);

/// The fonts of body text and of headings, by name: what Chinese documents use.
fn body_fonts() -> RunFonts {
    RunFonts::new()
        .east_asia("宋体")
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
}

fn heading_fonts() -> RunFonts {
    RunFonts::new()
        .east_asia("黑体")
        .ascii("Arial")
        .hi_ansi("Arial")
}

/// Numbers the figures and tables as it goes.
struct Chapter {
    docx: Docx,
    lang: Lang,
    figures: usize,
    tables: usize,
}

impl Chapter {
    fn heading(mut self, level: usize, text: &str) -> Chapter {
        self.docx = self.docx.add_paragraph(
            // A heading never ends a page: it stays with what it heads.
            Paragraph::new()
                .style(&format!("Heading{level}"))
                .keep_next(true)
                .add_run(Run::new().add_text(text)),
        );
        self
    }

    fn paragraph(mut self, text: &str) -> Chapter {
        self.docx = self
            .docx
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)));
        self
    }

    /// "表 1 预测结果": the number is a Word SEQ field, so that Word and WPS renumber captions
    /// when sections are moved, and can list the figures and tables of the plan.
    fn caption(mut self, kind: Tr, number: usize, title: &str, keep_with_next: bool) -> Chapter {
        let word = kind.get(self.lang);
        let field = |t| Run::new().add_field_char(t, false);
        self.docx = self.docx.add_paragraph(
            Paragraph::new()
                .style("Caption")
                .align(AlignmentType::Center)
                .keep_next(keep_with_next)
                .add_run(Run::new().add_text(format!("{word} ")))
                .add_run(field(FieldCharType::Begin))
                .add_run(
                    Run::new()
                        .add_instr_text(InstrText::Unsupported(format!(" SEQ {word} \\* ARABIC "))),
                )
                .add_run(field(FieldCharType::Separate))
                .add_run(Run::new().add_text(number.to_string()))
                .add_run(field(FieldCharType::End))
                .add_run(Run::new().add_text(Tr::CaptionTitle.fill(self.lang, &[&title]))),
        );
        self
    }

    /// A table with its caption above it (表 n), the header row bold.
    /// A table with its caption above it (表 n), the header row bold, its columns these shares
    /// of the width (a name column wider than a number's).
    fn table(
        mut self,
        title: &str,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        shares: &[usize],
    ) -> Chapter {
        self.tables += 1;
        // The caption stays on the page of its table.
        let number = self.tables;
        self = self.caption(Tr::TableWord, number, title, true);
        // A short table stays on one page (every row kept with the next); a long one keeps its
        // header with its first row and repeats the header on every page (`repeat_headers`).
        let keep_whole = rows.len() <= 20;
        let cell = |text: &str, bold: bool, keep: bool| {
            // 9 pt (小五), the size of a statistical table in a Chinese plan.
            let mut run = Run::new().add_text(text).size(18);
            if bold {
                run = run.bold();
            }
            // Numbers line up on the right, as in a printed statistical table.
            let numeric = !text.trim().is_empty()
                && text
                    .chars()
                    .all(|c| c.is_ascii_digit() || " .,-−–%()".contains(c));
            let paragraph = Paragraph::new().add_run(run).keep_next(keep);
            TableCell::new().add_paragraph(if numeric && !bold {
                paragraph.align(AlignmentType::Right)
            } else {
                paragraph
            })
        };
        let mut table_rows =
            vec![TableRow::new(header.iter().map(|h| cell(h, true, true)).collect()).cant_split()];
        let last = rows.len().saturating_sub(1);
        table_rows.extend(rows.iter().enumerate().map(|(i, row)| {
            let keep = keep_whole && i < last;
            TableRow::new(row.iter().map(|c| cell(c, false, keep)).collect()).cant_split()
        }));
        // Fixed columns in these shares of the text width, with narrow cell margins: Word and
        // LibreOffice otherwise fit columns to their content and break "96,208.64" in two.
        let total: usize = shares.iter().sum::<usize>().max(1);
        let table = Table::new(table_rows)
            .width(TEXT_WIDTH_TWIPS, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(0, 60, 0, 60))
            .set_grid(
                shares
                    .iter()
                    .map(|s| TEXT_WIDTH_TWIPS * s / total)
                    .collect(),
            );
        self.docx = self.docx.add_table(table);
        self.docx = self.docx.add_paragraph(Paragraph::new());
        self
    }

    /// A chart as a picture with its caption below it (图 n).
    fn figure(mut self, spec: &ChartSpec) -> Result<Chapter, String> {
        // Type 1.35 times its slide size: tick labels about 9 pt on a chart printed 15 cm wide.
        let rgb = chart_png::render_rgb_with_text(spec, PICTURE_PX.0, PICTURE_PX.1, 1.35)?;
        let png = chart_png::encode_png(&rgb, png::ColorType::Rgb, PICTURE_PX.0, PICTURE_PX.1)
            .map_err(|e| format!("cannot encode the chart {}: {e}", spec.key))?;
        let picture = Pic::new_with_dimensions(png, PICTURE_PX.0, PICTURE_PX.1)
            .size(PICTURE_EMU.0, PICTURE_EMU.1);
        // Kept with its caption below it.
        self.docx = self.docx.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .keep_next(true)
                .add_run(Run::new().add_image(picture)),
        );
        self.figures += 1;
        let number = self.figures;
        Ok(self.caption(Tr::FigureWord, number, &spec.title, false))
    }
}

/// Today as YYYY-MM-DD (UTC), for the footnote.
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The report of `scenario` as the bytes of a .docx; `file` is the scenario's file, named in the
/// footnote.
pub fn report_docx(
    scenario: &Scenario,
    analysis: &Analysis,
    lang: Lang,
    file: Option<&str>,
) -> Result<Vec<u8>, String> {
    let t = |key: Tr| key.get(lang);
    let years = scenario.shown_years();
    let charts = all_charts(scenario, analysis, lang);

    let mut docx = Docx::new()
        .default_fonts(body_fonts())
        .default_size(24)
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("Heading 1")
                .fonts(heading_fonts())
                .size(32)
                .bold()
                .outline_lvl(0),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("Heading 2")
                .fonts(heading_fonts())
                .size(28)
                .bold()
                .outline_lvl(1),
        )
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("Caption")
                .fonts(heading_fonts())
                .size(21),
        );
    // The title, with the footnote that says what this was made from.
    let note = Tr::ReportFootnote.fill(
        lang,
        &[
            &scenario.metadata.name,
            &today(),
            &file.unwrap_or(Tr::BuiltInScenario.get(lang)),
            &crate::assets::VERSION,
        ],
    );
    let mut footnote = Footnote::new();
    // A space after the footnote's number, as Word's own footnotes have.
    footnote =
        footnote.add_content(Paragraph::new().add_run(Run::new().add_text(format!(" {note}"))));
    let title = Tr::ReportTitle.fill(lang, &[&scenario.metadata.name]);
    docx = docx.add_paragraph(
        Paragraph::new()
            .style("Heading1")
            .add_run(Run::new().add_text(title).add_footnote_reference(footnote)),
    );
    let mut chapter = Chapter {
        docx,
        lang,
        figures: 0,
        tables: 0,
    };

    // 1 The projection at the milestones.
    chapter = chapter.heading(2, &format!("1 {}", t(Tr::Projections)));
    chapter = chapter.paragraph(&Tr::ReportProjectionIntro.fill(
        lang,
        &[
            &scenario.base_year,
            &scenario.horizon,
            &milestones_in_words(scenario, lang),
        ],
    ));
    let mut header = vec![t(Tr::Name).to_owned(), t(Tr::Unit).to_owned()];
    header.extend(years.iter().map(i32::to_string));
    let rows = scenario
        .series
        .iter()
        .zip(&analysis.projection.series)
        .map(|(series, projected)| {
            let mut row = vec![
                lang.label(&series.label).to_owned(),
                series.unit.to_string(),
            ];
            row.extend(years.iter().map(|&y| {
                projected
                    .at(scenario.base_year, y)
                    .map_or_else(|| "–".into(), |v| format::with_decimals(v, series.decimals))
            }));
            row
        })
        .collect();
    let mut shares = vec![20, 9];
    shares.extend(years.iter().map(|_| 71 / years.len().max(1)));
    chapter = chapter.table(&title_of(Tr::Projections, lang), header, rows, &shares);

    // 2 Carrying capacity: a sentence per pollutant, the table, the charts.
    chapter = chapter.heading(2, &format!("2 {}", t(Tr::CapacityStatus)));
    for capacity in &analysis.capacities {
        let last = capacity.years.last().expect("a projection has years");
        let name = scenario
            .capacities
            .iter()
            .find(|c| c.pollutant == capacity.pollutant)
            .map_or(capacity.pollutant.as_str(), |c| lang.label(&c.label));
        // The emission by its series' name (NOx), the capacity by its pollutant's (NO₂): the
        // plan compares the two, and table 1 names the series.
        let emission_series = scenario.series(&capacity.series);
        let emission = emission_series.map_or(capacity.series.as_str(), |s| lang.label(&s.label));
        let number = |v: f64| format::with_decimals(v, emission_series.and_then(|s| s.decimals));
        let utilisation = last.utilisation.map_or_else(|| "–".into(), format::percent);
        let status = crate::i18n::capacity_status_tr(last.status).get(lang);
        let exceedance = match capacity.first_exceedance_year {
            Some(year) => Tr::ExceedsFrom.fill(lang, &[&year]),
            None => Tr::WithinCapacity.get(lang).to_owned(),
        };
        let sentence = match last.utilisation {
            // A capacity of 0: nothing to be a share of.
            None => Tr::ReportCapacityZero.fill(
                lang,
                &[
                    &last.year,
                    &emission,
                    &number(last.emission),
                    &capacity.unit,
                    &status,
                    &exceedance,
                    &name,
                ],
            ),
            Some(_) => Tr::ReportCapacity.fill(
                lang,
                &[
                    &last.year,
                    &emission,
                    &number(last.emission),
                    &capacity.unit,
                    &number(last.capacity),
                    &utilisation,
                    &status,
                    &exceedance,
                    &name,
                ],
            ),
        };
        chapter = chapter.paragraph(&sentence);
    }
    let header = [
        Tr::Pollutant,
        Tr::Emission,
        Tr::Capacity,
        Tr::Unit,
        Tr::Utilisation,
        Tr::Headroom,
        Tr::Status,
        Tr::FirstExceedance,
    ]
    .map(|k| t(k).to_owned())
    .to_vec();
    let rows = analysis
        .capacities
        .iter()
        .map(|capacity| {
            let last = capacity.years.last().expect("a projection has years");
            let name = scenario
                .capacities
                .iter()
                .find(|c| c.pollutant == capacity.pollutant)
                .map_or(capacity.pollutant.as_str(), |c| lang.label(&c.label));
            // In the unit of the emission series, so in its decimals.
            let decimals = scenario.series(&capacity.series).and_then(|s| s.decimals);
            vec![
                name.to_owned(),
                format::with_decimals(last.emission, decimals),
                format::with_decimals(last.capacity, decimals),
                capacity.unit.to_string(),
                last.utilisation.map_or_else(|| "–".into(), format::percent),
                format::with_decimals(last.headroom, decimals),
                crate::i18n::capacity_status_tr(last.status)
                    .get(lang)
                    .to_owned(),
                capacity
                    .first_exceedance_year
                    .map_or_else(|| t(Tr::NoExceedance).to_owned(), |y| y.to_string()),
            ]
        })
        .collect();
    chapter = chapter.table(
        &Tr::CapacityIn.fill(lang, &[&scenario.horizon]),
        header,
        rows,
        &[13, 13, 13, 7, 14, 14, 12, 14],
    );
    for spec in charts.iter().filter(|c| c.key.starts_with("capacity-")) {
        chapter = chapter.figure(spec)?;
    }

    // 3 Targets.
    chapter = chapter.heading(2, &format!("3 {}", t(Tr::Targets)));
    for check in &analysis.targets {
        let decimals = scenario.target_decimals(&check.key);
        let change = check
            .required_annual_change
            .filter(|_| !check.met)
            .map(|c| Tr::ChangeWouldMeet.fill(lang, &[&format::percent(c)]))
            .unwrap_or_default();
        let (threshold, relative) = crate::i18n::threshold_parts(check, decimals, lang);
        chapter = chapter.paragraph(&Tr::ReportTarget.fill(
            lang,
            &[
                &check.year,
                &lang.label(&check.label),
                &format::with_decimals(check.value, decimals),
                &check.unit,
                &if check.met { Tr::Reaching } else { Tr::Missing }.get(lang),
                &threshold,
                &relative,
                &change,
            ],
        ));
    }
    let header = [
        Tr::Name,
        Tr::Year,
        Tr::Value,
        Tr::Threshold,
        Tr::Unit,
        Tr::Status,
        Tr::RequiredChange,
    ]
    .map(|k| t(k).to_owned())
    .to_vec();
    let rows = analysis
        .targets
        .iter()
        .map(|check| {
            let decimals = scenario.target_decimals(&check.key);
            vec![
                lang.label(&check.label).to_owned(),
                check.year.to_string(),
                format::with_decimals(check.value, decimals),
                crate::i18n::threshold_in_words(check, decimals, lang),
                check.unit.to_string(),
                if check.met { Tr::Yes } else { Tr::No }
                    .get(lang)
                    .to_owned(),
                check
                    .required_annual_change
                    .map_or_else(|| "–".into(), format::percent),
            ]
        })
        .collect();
    chapter = chapter.table(
        &title_of(Tr::Targets, lang),
        header,
        rows,
        &[21, 10, 14, 14, 11, 12, 18],
    );
    for spec in charts.iter().filter(|c| c.key.starts_with("target-")) {
        chapter = chapter.figure(spec)?;
    }

    // 4 Indicators: the counts, then every applicable row.
    chapter = chapter.heading(2, &format!("4 {}", t(Tr::Indicators)));
    let count = |status: Status| {
        analysis
            .indicators
            .iter()
            .filter(|a| a.status == status)
            .count()
    };
    let applying = scenario.indicators.iter().filter(|i| i.applies).count();
    chapter = chapter.paragraph(&Tr::ReportIndicators.fill(
        lang,
        &[
            &applying,
            &count(Status::Met),
            &count(Status::Pending),
            &count(Status::NotMet),
            &count(Status::NoData),
        ],
    ));
    let header = [
        Tr::Number,
        Tr::Name,
        Tr::Unit,
        Tr::DecidingValue,
        Tr::Target,
        Tr::Status,
    ]
    .map(|k| t(k).to_owned())
    .to_vec();
    let rows = scenario
        .indicators
        .iter()
        .zip(&analysis.indicators)
        .filter(|(indicator, _)| indicator.applies)
        .map(|(indicator, assessment)| {
            let end = assessment.milestones.last();
            let target = end.map_or(&indicator.target, |m| &m.target);
            // The value the status is judged on, as the assessment judges it: the projected
            // value at the last milestone where the row is linked, else the latest value.
            let deciding = end
                .and_then(|m| m.projected.as_ref())
                .filter(|p| p.value.is_some())
                .or(assessment.latest.as_ref());
            // Without a value the status is the plan's own word: said so, not left blank.
            let stated = indicator.task.is_none()
                && assessment.lines.iter().any(|l| {
                    l.basis == crate::engine::indicators::Basis::Stated
                        && l.status != Status::NoData
                });
            let latest = deciding
                .and_then(|l| {
                    l.value.map(|v| {
                        format!(
                            "{} ({})",
                            format::with_decimals(v, indicator.decimals),
                            l.year
                        )
                    })
                })
                .unwrap_or_else(|| {
                    if stated {
                        t(Tr::BasisStated).to_owned()
                    } else {
                        "–".into()
                    }
                });
            vec![
                indicator.number.clone(),
                lang.label(&indicator.name).to_owned(),
                indicator.unit.clone(),
                latest,
                crate::i18n::target_text(target, lang),
                crate::i18n::status_tr(assessment.status)
                    .get(lang)
                    .to_owned(),
            ]
        })
        .collect();
    chapter = chapter.table(
        &title_of(Tr::Indicators, lang),
        header,
        rows,
        &[6, 30, 9, 14, 22, 11],
    );

    // 5 Assumptions.
    chapter = chapter.heading(2, &format!("5 {}", t(Tr::Assumptions)));
    // The chapter states each assumption and its basis: the series' note, which a rule fitted
    // to the history writes ("按 2019—2024 年年均增长率 −1.79 % 外推，R² 1.00").
    let header = [Tr::Name, Tr::Unit, Tr::BaseValue, Tr::Rule, Tr::SeriesBasis]
        .map(|k| t(k).to_owned())
        .to_vec();
    let rows = scenario
        .series
        .iter()
        .map(|series| {
            vec![
                lang.label(&series.label).to_owned(),
                series.unit.to_string(),
                series
                    .base
                    .map_or_else(|| "–".into(), |v| format::with_decimals(v, series.decimals)),
                crate::i18n::rule_in_words(scenario, &series.rule, lang),
                lang.label(&series.source).to_owned(),
            ]
        })
        .collect();
    chapter = chapter.table(
        &title_of(Tr::Assumptions, lang),
        header,
        rows,
        &[20, 10, 12, 28, 30],
    );

    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut xml = chapter.docx.build();
    xml.document = repeat_headers(&xml.document);
    xml.pack(&mut bytes)
        .map_err(|e| format!("cannot write the report: {e}"))?;
    Ok(bytes.into_inner())
}

/// Marks the first row of every table as its header row (`w:tblHeader`), which Word and WPS
/// repeat at the top of each page the table runs onto. docx-rs 0.4 has no setter for it; every
/// row this chapter writes has `<w:cantSplit />`, so the first one after `<w:tbl>` is the
/// header's.
fn repeat_headers(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    let mut out = String::with_capacity(text.len() + 256);
    let mut parts = text.split("<w:tbl>");
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        out.push_str("<w:tbl>");
        out.push_str(&part.replacen("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />", 1));
    }
    out.into_bytes()
}

/// The milestones, each with the name of the period it ends where the plan names one:
/// "2027（创建期）、2030（提升期）".
fn milestones_in_words(scenario: &Scenario, lang: Lang) -> String {
    scenario
        .milestones
        .iter()
        .map(|&year| match scenario.period_name(year) {
            Some(name) => Tr::MilestoneWithPeriod.fill(lang, &[&year, &lang.label(name)]),
            None => year.to_string(),
        })
        .collect::<Vec<_>>()
        .join(Tr::ListSeparator.get(lang))
}

/// A table's title: the view's name.
fn title_of(key: Tr, lang: Lang) -> String {
    key.get(lang).to_owned()
}

/// Writes the report to `out`.
pub fn write_report(
    scenario: &Scenario,
    analysis: &Analysis,
    lang: Lang,
    file: Option<&str>,
    out: &std::path::Path,
) -> Result<(), String> {
    let bytes = report_docx(scenario, analysis, lang, file)?;
    super::write_atomically(out, &bytes, super::Backup::None).map_err(|e| e.to_string())
}
