//! ecoplan: a workbench for ecological-civilization planning (生态文明建设示范区规划).
//!
//! Layers, each using only those before it:
//! `units`, `model`, `assets` (plain data, and what the binary carries)
//! → `engine` (pure functions)
//! → `format`, `i18n`, `refusals` (numbers and words; how the engine's errors read)
//! → `charts` (what a chart shows)
//! → `report` (the chapter as a document model)
//! → `plan` (the built-in Hanyang scenario)
//! → `document` (edits and undo)
//! → `typeface` (the bundled font and the system's CJK fallback)
//! → `io` (files and tables)
//! → `cli`, `ui` (the command line; the views)
//! → `app` (the window)
//! → `entry` (the program from its arguments, for both binaries).
//!
//! `tests/layers.rs` reads this list and fails on an import that points up it.

#[cfg(feature = "gui")]
pub mod app;
pub mod assets;
pub mod charts;
pub mod cli;
pub mod document;
pub mod engine;
pub mod entry;
pub mod format;
pub mod i18n;
pub mod io;
pub mod model;
pub mod plan;
pub mod refusals;
pub mod report;
pub mod typeface;
#[cfg(feature = "gui")]
pub mod ui;
pub mod units;
