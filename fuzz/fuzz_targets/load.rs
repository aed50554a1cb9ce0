//! Any bytes given to the loader of scenario and workspace files give a scenario, a workspace or
//! an error, never a panic, a hang or a crash. Seed it with `saves/*.ron` (see the README), which
//! holds both kinds.
#![no_main]

use ecoplan::io::{Loaded, load_any_str};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // What loads must also analyse: the loader validates every scenario, and every member of a
    // workspace resolves.
    match load_any_str(text, std::path::Path::new("fuzz.ron")) {
        Ok(Loaded::Scenario(scenario)) => {
            ecoplan::engine::analyse(&scenario).expect("a loaded scenario analyses");
        }
        Ok(Loaded::Workspace(workspace)) => {
            for scenario in ecoplan::engine::workspace::resolve_all(&workspace)
                .expect("a loaded workspace resolves")
            {
                ecoplan::engine::analyse(&scenario).expect("a loaded member analyses");
            }
        }
        Err(_) => {}
    }
});
