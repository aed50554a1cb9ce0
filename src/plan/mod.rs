//! The Hanyang District plan (阳政〔2022〕17号), 2022–2028: its printed figures and the
//! built-in default scenario made from them.

pub mod aliases;
mod district;
pub mod figures;
pub mod frame;
mod hanyang;
mod indicators;
mod methods;

pub use district::{NewPlan, NewPlanError, new_district};
pub use hanyang::hanyang_plan;
pub use indicators::link_to_scenario;
