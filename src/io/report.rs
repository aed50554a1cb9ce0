//! The chapter (`report::Document`) written as Word (docx-rs): headings, real tables with their
//! captions above and sources below, the charts as pictures with numbered captions (表 3-1 …,
//! 图 3-1 …, Word SEQ fields), and the file, the program and the date in the document's
//! properties, never in its text. Chinese is set in 宋体 (body) and 黑体 (headings) by name,
//! so Word and WPS render it with the user's fonts.

use docx_rs::{
    AlignmentType, Docx, FieldCharType, InstrText, Paragraph, Pic, Run, RunFonts, Style, StyleType,
    Table, TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};

use super::chart_png;
use crate::charts::ChartSpec;
use crate::i18n::{Lang, Tr};
use crate::report::{Block, Document, FigureBlock, TableBlock};

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

/// Writes the blocks, each table and figure under the number the chapter gave it.
struct Writer {
    docx: Docx,
    lang: Lang,
    chapter: u32,
}

impl Writer {
    fn heading(mut self, level: u8, text: &str) -> Writer {
        self.docx = self.docx.add_paragraph(
            // A heading never ends a page: it stays with what it heads.
            Paragraph::new()
                .style(&format!("Heading{level}"))
                .keep_next(true)
                .add_run(Run::new().add_text(text)),
        );
        self
    }

    fn paragraph(mut self, text: &str) -> Writer {
        // First-line indent of two characters, as a Chinese plan's body text has.
        let paragraph = Paragraph::new().add_run(Run::new().add_text(text));
        let paragraph = if self.lang == Lang::Zh {
            paragraph.indent(
                None,
                Some(docx_rs::SpecialIndentType::FirstLine(480)),
                None,
                None,
            )
        } else {
            paragraph
        };
        self.docx = self.docx.add_paragraph(paragraph);
        self
    }

    /// "表 3-1 预测结果": the running number is a Word SEQ field, so that Word and WPS renumber
    /// captions when sections are moved, and can list the figures and tables of the plan.
    fn caption(mut self, kind: Tr, number: usize, title: &str, keep_with_next: bool) -> Writer {
        let word = kind.get(self.lang);
        let prefix = if self.chapter > 0 {
            format!("{word} {}-", self.chapter)
        } else {
            format!("{word} ")
        };
        let field = |t| Run::new().add_field_char(t, false);
        self.docx = self.docx.add_paragraph(
            Paragraph::new()
                .style("Caption")
                .align(AlignmentType::Center)
                .keep_next(keep_with_next)
                .add_run(Run::new().add_text(prefix))
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

    /// A table with its caption above it, the header row bold, its columns these shares of
    /// the width (a name column wider than a number's), its source below it.
    fn table(mut self, table: &TableBlock) -> Writer {
        // The caption stays on the page of its table.
        self = self.caption(Tr::TableWord, table.number, &table.caption, true);
        // A short table stays on one page (every row kept with the next); a long one keeps its
        // header with its first row and repeats the header on every page (`repeat_headers`).
        let keep_whole = table.rows.len() <= 20;
        let cell = |text: &str, bold: bool, keep: bool, right: bool| {
            // 9 pt (小五), the size of a statistical table in a Chinese plan.
            let mut run = Run::new().add_text(text).size(18);
            if bold {
                run = run.bold();
            }
            // Numbers line up on the right, as in a printed statistical table.
            let numeric = is_number(text);
            let paragraph = Paragraph::new().add_run(run).keep_next(keep);
            TableCell::new().add_paragraph(if (numeric && !bold) || right {
                paragraph.align(AlignmentType::Right)
            } else {
                paragraph
            })
        };
        // A header over a column of numbers lines up on the right with them.
        let numeric_columns = numeric_columns(table);
        let mut rows = vec![
            TableRow::new(
                table
                    .header
                    .iter()
                    .enumerate()
                    .map(|(c, h)| {
                        let right = numeric_columns.get(c).copied().unwrap_or(false);
                        cell(h, true, true, right)
                    })
                    .collect(),
            )
            .cant_split(),
        ];
        let last = table.rows.len().saturating_sub(1);
        rows.extend(table.rows.iter().enumerate().map(|(i, row)| {
            let keep = keep_whole && i < last;
            TableRow::new(row.iter().map(|c| cell(c, false, keep, false)).collect()).cant_split()
        }));
        // Fixed columns in shares of the text width fitted to what they hold, with narrow cell
        // margins: Word and LibreOffice otherwise break "96,208.64" or a series' name in two.
        let shares = fitted_shares(table);
        let total: usize = shares.iter().sum::<usize>().max(1);
        let grid = Table::new(rows)
            .width(TEXT_WIDTH_TWIPS, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(0, 60, 0, 60))
            .set_grid(
                shares
                    .iter()
                    .map(|s| TEXT_WIDTH_TWIPS * s / total)
                    .collect(),
            );
        self.docx = self.docx.add_table(grid);
        let below = match &table.source {
            Some(source) => Paragraph::new().add_run(Run::new().add_text(source).size(18)),
            None => Paragraph::new(),
        };
        self.docx = self.docx.add_paragraph(below);
        self
    }

    /// A chart as a picture with its caption below it (图 n); the title is the caption's, so
    /// the picture is drawn without it.
    fn figure(mut self, figure: &FigureBlock) -> Result<Writer, String> {
        let spec = ChartSpec {
            title: String::new(),
            ..figure.chart.clone()
        };
        // Type 1.35 times its slide size: tick labels about 9 pt on a chart printed 15 cm wide.
        let rgb = chart_png::render_rgb_with_text(&spec, PICTURE_PX.0, PICTURE_PX.1, 1.35)?;
        let png = chart_png::encode_png(&rgb, png::ColorType::Rgb, PICTURE_PX.0, PICTURE_PX.1)
            .map_err(|e| Tr::ChartNotDrawn.fill(self.lang, &[&spec.key, &e]))?;
        let picture = Pic::new_with_dimensions(png, PICTURE_PX.0, PICTURE_PX.1)
            .size(PICTURE_EMU.0, PICTURE_EMU.1);
        // Kept with its caption below it.
        self.docx = self.docx.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .keep_next(true)
                .add_run(Run::new().add_image(picture)),
        );
        Ok(self.caption(Tr::FigureWord, figure.number, &figure.caption, false))
    }
}

/// Which columns hold numbers only ("–" for none): right-aligned, and never squeezed.
fn numeric_columns(table: &TableBlock) -> Vec<bool> {
    (0..table.header.len())
        .map(|c| {
            let cells: Vec<&String> = table.rows.iter().filter_map(|r| r.get(c)).collect();
            !cells.is_empty() && cells.iter().all(|t| is_number(t) || t.trim() == "–")
        })
        .collect()
}

/// How many narrow characters a line of a table's 9 pt type is taken to hold across the
/// text's 15 cm (a CJK character takes two): fewer than fit in Times, so that a wider face a
/// reader's word processor puts in its place still fits the numbers.
const LINE_UNITS: usize = 72;

/// Whether a cell holds a number as tables print it: "96,208.64", "35.1 %", "-18.61".
fn is_number(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " .,-−–%()".contains(c))
}

/// Each column's share of the width: the widest thing it holds (a CJK character counts two),
/// its header allowed two lines but not a broken word, at least four and at most 24, plus
/// the cell's margins. Where they do not fit on the line, what gives way is, first, the
/// headers' words, then the words of the columns of text; a number ("20,600.00") never
/// breaks.
fn fitted_shares(table: &TableBlock) -> Vec<usize> {
    use unicode_width::UnicodeWidthStr;
    let wanted = wanted_shares(table);
    if wanted.iter().sum::<usize>() <= LINE_UNITS {
        return wanted;
    }
    let numeric = numeric_columns(table);
    let body = |c: usize, width: &dyn Fn(&str) -> usize| {
        table
            .rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|t| width(t))
            .max()
            .unwrap_or(0)
    };
    // What each column cannot do without: a number's whole width, a text's longest word.
    let least: Vec<usize> = (0..wanted.len())
        .map(|c| {
            let need = if numeric[c] {
                body(c, &|t| t.width())
            } else {
                body(c, &longest_word)
            };
            need.clamp(4, 24).min(wanted[c].saturating_sub(2)) + 2
        })
        .collect();
    let least_total: usize = least.iter().sum();
    if least_total > LINE_UNITS {
        // Too many columns for whole words: a text breaks, a number never.
        let fixed: usize = (0..least.len())
            .filter(|&c| numeric[c])
            .map(|c| least[c])
            .sum();
        let text: usize = (0..least.len())
            .filter(|&c| !numeric[c])
            .map(|c| wanted[c])
            .sum();
        let room = LINE_UNITS.saturating_sub(fixed);
        return (0..least.len())
            .map(|c| {
                if numeric[c] {
                    least[c]
                } else {
                    (wanted[c] * room / text.max(1)).clamp(6, wanted[c].max(6))
                }
            })
            .collect();
    }
    // Whole words fit: what is left over goes to each column in proportion to what it lacks.
    let spare = LINE_UNITS - least_total;
    let lacking: usize = wanted.iter().zip(&least).map(|(w, l)| w - l).sum();
    wanted
        .iter()
        .zip(&least)
        .map(|(w, l)| l + (w - l) * spare / lacking.max(1))
        .collect()
}

/// The width of the longest run a line cannot break: a word of Latin letters or figures; a
/// Chinese character stands alone (a line may break before or after any of them).
fn longest_word(text: &str) -> usize {
    use unicode_width::UnicodeWidthChar;
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        let width = c.width().unwrap_or(0);
        if c.is_whitespace() {
            run = 0;
        } else if width == 2 {
            run = 0;
            longest = longest.max(width);
        } else {
            run += width;
            longest = longest.max(run);
        }
    }
    longest
}

/// What each column would take on a line of its own (`fitted_shares`).
fn wanted_shares(table: &TableBlock) -> Vec<usize> {
    use unicode_width::UnicodeWidthStr;
    (0..table.header.len())
        .map(|c| {
            let body = table
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|t| t.width())
                .max()
                .unwrap_or(0);
            // A header may take two lines, but never breaks inside a word ("Pollutant"); a
            // Chinese one breaks between any two characters (容量 / 利用率).
            let header = &table.header[c];
            let longest_word = longest_word(header);
            // Bold type is wider: three more for the header's longest word.
            let header = header.width().div_ceil(2).max(longest_word + 3);
            // Two more for the cell's margins; a long text may wrap rather than squeeze the
            // numbers beside it.
            body.max(header).clamp(4, 24) + 2
        })
        .collect()
}

/// Now as an ISO 8601 time in UTC, to the second, for the document's properties (a `Z` time
/// reads right in every time zone, so the properties need no zone database).
fn now_utc() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// The chapter as the bytes of a .docx.
pub fn report_docx(document: &Document, lang: Lang) -> Result<Vec<u8>, String> {
    let now = now_utc();
    let properties = &document.properties;
    let mut docx = Docx::new()
        .default_fonts(body_fonts())
        .default_size(24)
        .created_at(&now)
        .updated_at(&now)
        .custom_property("Title", properties.title.clone())
        .custom_property("Scenario", properties.scenario.clone())
        .custom_property("Generator", properties.made_by.clone());
    if let Some(file) = &properties.file {
        docx = docx.custom_property("ScenarioFile", file.clone());
    }
    docx = docx
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("Heading 1")
                .fonts(heading_fonts())
                .size(32)
                .bold()
                .align(AlignmentType::Center)
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
            Style::new("Heading3", StyleType::Paragraph)
                .name("Heading 3")
                .fonts(heading_fonts())
                .size(24)
                .bold()
                .outline_lvl(2),
        )
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("Caption")
                .fonts(heading_fonts())
                .size(21),
        );
    let mut writer = Writer {
        docx,
        lang,
        chapter: document.chapter_number,
    };
    writer = writer.heading(1, &document.heading);
    for block in &document.blocks {
        writer = match block {
            Block::Heading { level, text } => writer.heading(*level, text),
            Block::Paragraph(text) => writer.paragraph(text),
            Block::Table(table) => writer.table(table),
            Block::Figure(figure) => writer.figure(figure)?,
        };
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut xml = writer.docx.build();
    xml.document = repeat_headers(&xml.document);
    xml.pack(&mut bytes)
        .map_err(|e| Tr::ReportNotWritten.fill(lang, &[&e]))?;
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

/// Writes the chapter of `input` to `out`.
/// Returns the characters its figures draw as blanks (no font on this machine has them); the
/// text of the document is Word's to draw, in the reader's fonts.
pub fn write_report(
    input: &crate::report::ChapterInput<'_>,
    lang: Lang,
    out: &std::path::Path,
) -> Result<Vec<char>, super::export::WriteError> {
    let document = crate::report::chapter(input, lang);
    let bytes = report_docx(&document, lang).map_err(super::export::WriteError::Build)?;
    super::write_atomically(out, &bytes, super::Backup::None)?;
    let mut undrawable = Vec::new();
    for block in &document.blocks {
        if let Block::Figure(figure) = block {
            for c in chart_png::undrawable(&figure.chart) {
                if !undrawable.contains(&c) {
                    undrawable.push(c);
                }
            }
        }
    }
    Ok(undrawable)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(header: &[&str], rows: &[&[&str]]) -> TableBlock {
        TableBlock {
            number: 1,
            caption: String::new(),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            source: None,
        }
    }

    #[test]
    fn a_wide_table_gives_way_in_its_headers_and_texts_and_never_in_a_number() {
        // The English air-capacity table: eight columns, more than a line holds.
        let air = table(
            &[
                "Pollutant",
                "Emission series",
                "Emission",
                "Capacity",
                "Unit",
                "Utilisation",
                "Headroom",
                "Over the period",
            ],
            &[
                &[
                    "SO₂",
                    "SO₂ emissions",
                    "8.02",
                    "20,600.00",
                    "t/a",
                    "0.04 %",
                    "20,591.98",
                    "within capacity throughout",
                ],
                &[
                    "NO₂",
                    "NOx emissions",
                    "18.61",
                    "0.00",
                    "t/a",
                    "–",
                    "-18.61",
                    "saturated",
                ],
            ],
        );
        let wanted = wanted_shares(&air);
        assert!(wanted.iter().sum::<usize>() > LINE_UNITS);
        let shares = fitted_shares(&air);
        assert!(shares.iter().sum::<usize>() <= LINE_UNITS, "{shares:?}");
        // Each number's whole width and each text's longest word, with the margins.
        for (c, need) in [(2, 5), (3, 9), (5, 6), (6, 9), (1, 9), (7, 10)] {
            assert!(shares[c] >= need + 2, "column {c}: {shares:?}");
        }
        // A table that fits keeps what each column wants.
        let small = table(&["名称", "数值"], &[&["地区生产总值", "792.86"]]);
        assert_eq!(fitted_shares(&small), wanted_shares(&small));
        assert_eq!(longest_word("容量利用率"), 2);
        assert_eq!(longest_word("Over the period"), 6);
        assert_eq!(longest_word("20,600.00 t/a"), 9);
    }
}
