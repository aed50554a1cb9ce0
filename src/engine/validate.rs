//! Whether a scenario can be used: every check of `checks`, then the analysis itself (cycles,
//! unit mismatches, capacities, targets and footprint show only when projected).

use super::ModelError;
use super::checks::value_errors;
use crate::model::Scenario;

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
