//! Reading and writing: scenario files (RON) and tables (CSV).

pub mod csv;
pub mod scenario_file;

pub use scenario_file::{LoadError, SaveError, from_ron_str, load, save, to_ron_string};
