//! Keys and names: characters a key may not hold (a space, a comma), control characters in any
//! name.

use super::*;

/// Keys are what scripts, the command line and rules name a series, capacity or target by
/// (`--series gdp`, `--correlate gdp,energy=0.6`, `--capacity COD:1990`): letters and digits of
/// any script, `_`, `-` and `.` (NH3-N, PM2.5). A space, a comma, a colon or `=` would make the
/// key unreadable there. Each key that holds another character, with the first such one. Not
/// part of `value_errors`: a file that has such a key still opens (the finding says so), and
/// only an edit that makes a new one is refused (`Document`).
pub fn key_errors(scenario: &Scenario) -> Vec<ModelError> {
    let mut errors = Vec::new();
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.');
    let mut check = |item: &'static str, key: &str| {
        if let Some(bad) = key.chars().find(|&c| !allowed(c) && !c.is_control()) {
            errors.push(ModelError::Invalid {
                item,
                key: key.to_owned(),
                field: "key".to_owned(),
                reason: Reason::KeyCharacter {
                    character: bad.to_string(),
                },
            });
        }
    };
    for series in &scenario.series {
        check("series", &series.key);
    }
    for capacity in &scenario.capacities {
        check("capacity", &capacity.pollutant);
    }
    for target in &scenario.targets {
        check("target", &target.key);
    }
    errors
}

/// Names and keys with control characters (ESC, NUL, a bell) are refused: printed to a
/// terminal they clear the screen or retitle the window, and no plan writes them. Notes may
/// hold line breaks and tabs; names may not.
pub(super) fn control_errors(scenario: &Scenario, errors: &mut Vec<ModelError>) {
    let controlled = |text: &str| text.chars().any(char::is_control);
    let mut check = |item: &'static str, key: &str, field: &str, text: &str| {
        if controlled(text) {
            errors.push(ModelError::Invalid {
                item,
                key: key.escape_debug().to_string(),
                field: field.to_owned(),
                reason: Reason::ControlCharacter {
                    text: text.escape_debug().to_string(),
                },
            });
        }
    };
    let name = &scenario.metadata.name;
    check("scenario", name, "name", name);
    check("scenario", name, "region", &scenario.metadata.region);
    for series in &scenario.series {
        check("series", &series.key, "key", &series.key);
        check("series", &series.key, "label", &series.label.zh);
        check("series", &series.key, "label", &series.label.en);
    }
    for capacity in &scenario.capacities {
        check(
            "capacity",
            &capacity.pollutant,
            "pollutant",
            &capacity.pollutant,
        );
        check("capacity", &capacity.pollutant, "label", &capacity.label.zh);
        check("capacity", &capacity.pollutant, "label", &capacity.label.en);
    }
    for target in &scenario.targets {
        check("target", &target.key, "key", &target.key);
        check("target", &target.key, "label", &target.label.zh);
        check("target", &target.key, "label", &target.label.en);
    }
    for indicator in &scenario.indicators {
        check("indicator", &indicator.number, "number", &indicator.number);
        check("indicator", &indicator.number, "name", &indicator.name.zh);
        check("indicator", &indicator.number, "name", &indicator.name.en);
        check("indicator", &indicator.number, "unit", &indicator.unit);
    }
    for project in &scenario.projects {
        check("project", &project.name.zh, "name", &project.name.zh);
        check("project", &project.name.zh, "name", &project.name.en);
    }
}
