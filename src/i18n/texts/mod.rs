//! Every fixed text of the interface, in Chinese and English (`Tr`), in tables by where the text
//! shows. New texts go where they belong among their neighbours; `Tr::fill` fills the `{0}`,
//! `{1}` … of those with arguments.
//!
//! The tables are one enumeration: each table's macro adds its texts to those gathered so far and
//! passes them on to the next, and the last (`texts!`, in `i18n/mod.rs`) defines `Tr` from all of
//! them, so the compiler still sees every text once and checks that each has both languages.

#[macro_use]
mod interface;
#[macro_use]
mod analysis;
#[macro_use]
mod planning;
#[macro_use]
mod chapter;
#[macro_use]
mod messages;
#[macro_use]
mod command_line;

interface_texts! { [analysis_texts, planning_texts, chapter_texts, messages_texts, command_line_texts, texts] }
