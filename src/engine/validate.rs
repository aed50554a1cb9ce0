//! Whether a scenario can be used: every check of `checks`, then the analysis itself (cycles,
//! unit mismatches, capacities, targets and footprint show only when projected).

use super::ModelError;
use super::checks::value_errors;
use crate::model::Scenario;

/// The scenario's analysis where it can be used, else its first problem: what opening a file
/// needs, computed once (the window keeps the analysis it was checked with).
pub fn validated(scenario: &Scenario) -> Result<super::Analysis, ModelError> {
    if let Some(error) = value_errors(scenario).into_iter().next() {
        return Err(error);
    }
    super::analyse(scenario)
}

/// Every problem in the scenario, not just the first: the window shows their count and list.
pub fn validate(scenario: &Scenario) -> Vec<ModelError> {
    let mut errors = value_errors(scenario);
    if !errors.is_empty() {
        return errors;
    }
    // Cycles, unit mismatches, capacity, target and footprint errors are found by analysing.
    if let Err(error) = super::analyse(scenario) {
        errors.push(error);
    }
    errors
}
