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

pub use safe_file::{Backup, ReadError, SaveError, backup_path, write_atomically};
pub use scenario_file::{
    LoadError, Loaded, from_ron_str, load, load_any, load_any_str, save, save_text, to_ron_string,
    workspace_to_ron_string,
};
