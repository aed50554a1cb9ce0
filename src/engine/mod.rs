//! Pure computations on a scenario: projection, capacity analysis, target checks, findings.
//! Nothing here knows about files or the window.

mod calibrate;
mod capacity;
mod checks;
pub mod correlate;
mod error;
mod evaluate;
mod findings;
pub mod fit;
pub mod importance;
pub mod indicators;
pub mod methods;
mod power;
mod projection;
mod projects;
pub mod rebase;
pub mod rule_kind;
pub mod seek;
mod targets;
pub mod uncertainty;
mod validate;
pub mod workspace;

pub use calibrate::growth_through;
pub use capacity::{CapacityAnalysis, CapacityStatus, CapacityYear, Course, analyse_capacities};
pub use checks::{
    MAX_ELASTICITY, MAX_RATE, indicator_value_reason, key_errors, land_cover_beyond_area,
};

/// Whether a distribution is one an uncertain rate (or, with `elasticity`, an elasticity) may
/// have: the checks a file's would pass.
pub fn distribution_is_valid(distribution: &crate::model::Distribution, elasticity: bool) -> bool {
    checks::check_distribution("", distribution, elasticity).is_ok()
}
/// The values a lever may take, both included: a rate above −100 % and at most +100 %, an
/// elasticity within ±10.
pub fn lever_bounds(elasticity: bool) -> (f64, f64) {
    if elasticity {
        (-checks::MAX_ELASTICITY, checks::MAX_ELASTICITY)
    } else {
        // Above −1 by the smallest step a rate is typed in (0.01 %).
        (-1.0 + 1e-4, checks::MAX_RATE)
    }
}
pub use error::{ModelError, Reason};
pub use findings::{Finding, find_inconsistencies, milestones_past_horizon};
pub use indicators::{IndicatorAssessment, assess_indicators};
pub use projection::{ProjectedSeries, Projection, ProjectionPlan, project};
pub use projects::{GroupTotal, ProjectTotals, project_totals};
pub use targets::{TargetCheck, check_targets, metric_unit, metric_value};
pub use validate::{validate, validated};

use crate::model::Scenario;

/// Everything the views and the command line show for one scenario, computed once per change.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub projection: Projection,
    pub capacities: Vec<CapacityAnalysis>,
    /// The ecological balance by year, where the scenario has footprint parameters.
    pub footprint: Option<Vec<methods::FootprintYear>>,
    pub targets: Vec<TargetCheck>,
    /// One per indicator of the scenario, in its order.
    pub indicators: Vec<IndicatorAssessment>,
    pub findings: Vec<Finding>,
}

thread_local! {
    static ANALYSES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many analyses this thread has run: the window's frames must run none unless something
/// changed (a test and the frame benchmark count them; a count, unlike a time, does not vary).
pub fn analyses_run() -> u64 {
    ANALYSES.with(std::cell::Cell::get)
}

/// Projects the scenario and runs every analysis on the projection.
pub fn analyse(scenario: &Scenario) -> Result<Analysis, ModelError> {
    ANALYSES.with(|count| count.set(count.get() + 1));
    let projection = project(scenario)?;
    let capacities = analyse_capacities(scenario, &projection)?;
    let targets = check_targets(scenario, &projection)?;
    let indicators = assess_indicators(scenario, &projection)?;
    let findings = find_inconsistencies(scenario, &projection, &targets, &indicators);
    let footprint = if scenario.methods.footprint.population_series.is_empty() {
        None
    } else {
        Some(methods::footprint_balance(scenario, &projection)?)
    };
    let analysis = Analysis {
        projection,
        capacities,
        footprint,
        targets,
        indicators,
        findings,
    };
    match first_overflow(scenario, &analysis) {
        Some(error) => Err(error),
        None => Ok(analysis),
    }
}

/// The first result computed from the projection that overflowed (a ratio over a series near
/// 0, a footprint of an enormous population): a refusal naming it, never `inf` in a table.
/// The projection and the capacities refuse their own as they are computed.
fn first_overflow(scenario: &Scenario, analysis: &Analysis) -> Option<ModelError> {
    let overflow = |item: &'static str, key: &str, year: i32| ModelError::NotFinite {
        item,
        key: key.to_owned(),
        year,
    };
    // NaN is no data (a series without a base value), carried through; infinity is overflow.
    let footprint = analysis.footprint.iter().flatten().find(|y| {
        y.footprint_gha.is_infinite() || y.capacity_gha.is_infinite() || y.balance_gha.is_infinite()
    });
    if let Some(year) = footprint {
        return Some(overflow(
            "footprint",
            &scenario.methods.footprint.population_series,
            year.year,
        ));
    }
    if let Some(check) = analysis
        .targets
        .iter()
        .find(|t| t.value.is_infinite() || t.threshold.is_infinite())
    {
        return Some(overflow("target", &check.key, check.year));
    }
    for (indicator, assessment) in scenario.indicators.iter().zip(&analysis.indicators) {
        let projected = assessment
            .milestones
            .iter()
            .filter_map(|m| m.projected.as_ref());
        if let Some(line) = assessment
            .lines
            .iter()
            .chain(projected)
            .find(|line| line.value.is_some_and(f64::is_infinite))
        {
            return Some(overflow("indicator", &indicator.number, line.year));
        }
    }
    None
}
