//! The chapter as Markdown: a preview of what the Word file holds, and plain text that tests
//! and scripts read (`ecoplan export … OUT.md`).

use super::wording::caption_number;
use super::{Block, Document};
use crate::i18n::{Lang, Tr};

/// The chapter as Markdown, tables as pipe tables, figures by their captions.
pub fn to_markdown(document: &Document, lang: Lang) -> String {
    let mut out = format!("# {}\n\n", document.heading);
    let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
    for block in &document.blocks {
        match block {
            Block::Heading { level, text } => {
                out.push_str(&format!("{} {text}\n\n", "#".repeat(usize::from(*level))));
            }
            Block::Paragraph(text) => out.push_str(&format!("{text}\n\n")),
            Block::Table(table) => {
                out.push_str(&format!(
                    "**{} {}{}**\n\n",
                    Tr::TableWord.get(lang),
                    caption_number(document.chapter_number, table.number),
                    Tr::CaptionTitle.fill(lang, &[&table.caption])
                ));
                let header: Vec<String> = table.header.iter().map(|h| cell(h)).collect();
                out.push_str(&format!("| {} |\n", header.join(" | ")));
                out.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
                for row in &table.rows {
                    let row: Vec<String> = row.iter().map(|c| cell(c)).collect();
                    out.push_str(&format!("| {} |\n", row.join(" | ")));
                }
                if let Some(source) = &table.source {
                    out.push_str(&format!("\n{source}\n"));
                }
                out.push('\n');
            }
            Block::Figure(figure) => {
                out.push_str(&format!(
                    "*{} {}{}*\n\n",
                    Tr::FigureWord.get(lang),
                    caption_number(document.chapter_number, figure.number),
                    Tr::CaptionTitle.fill(lang, &[&figure.caption])
                ));
            }
        }
    }
    out
}
