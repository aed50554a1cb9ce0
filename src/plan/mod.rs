//! The Hanyang District plan (阳政〔2022〕17号), 2022–2028: its printed figures and the
//! built-in default scenario made from them.

pub mod figures;
mod hanyang;
mod indicators;
mod methods;

pub use hanyang::hanyang_plan;
