//! Reading and writing: scenario files (RON) and tables (CSV).

pub mod chart_png;
pub mod csv;
pub mod export;
pub mod frame_table;
pub mod history_table;
pub mod indicator_table;
pub mod migrate;
pub mod report;
pub mod safe_file;
pub mod scenario_file;
pub mod table_reader;
pub mod xlsx;

pub use safe_file::{
    Backup, Fingerprint, LOCK_WAIT, ReadError, SaveError, WriteLock, backup_path, lock_writers,
    write_atomically,
};
pub use scenario_file::{
    LoadError, Loaded, Opened, Saved, from_ron_str, load, load_any, load_any_str, open_any,
    open_any_noting, open_any_str, original_path, save, save_text, save_text_locked, to_ron_string,
    workspace_to_ron_string,
};

/// A message to stderr; one that cannot be written (`2>/dev/full`, a closed terminal) is lost,
/// never a panic as `eprintln!` would make it.
pub fn say(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}
