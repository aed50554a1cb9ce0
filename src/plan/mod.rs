//! The Hanyang District plan (阳政〔2022〕17号), 2022–2028: its printed figures and the
//! built-in default scenario made from them.

pub mod aliases;
mod district;
pub mod figures;
pub mod frame;
mod hanyang;
mod indicators;
mod methods;
mod pollutants;

pub use district::{NewPlan, NewPlanError, new_district};
pub use hanyang::hanyang_plan;
pub use indicators::link_to_scenario;
pub use pollutants::{
    USUAL_POLLUTANTS, UsualPollutant, air_limit_mg_m3, class_iii_mg_l, usual_pollutant,
};
