//! Reading and writing: scenario files (RON) and tables (CSV).

pub mod chart_png;
pub mod csv;
pub mod export;
pub mod migrate;
pub mod scenario_file;
pub mod xlsx;

pub use scenario_file::{
    LoadError, Loaded, SaveError, from_ron_str, load, load_any, save, save_text, to_ron_string,
    workspace_to_ron_string,
};
