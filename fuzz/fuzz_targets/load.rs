//! Any bytes given to the scenario loader give a scenario or an error, never a panic, a hang or
//! a crash. Seed it with `saves/*.ron` (see the README).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(scenario) = ecoplan::io::from_ron_str(text, std::path::Path::new("fuzz.ron"))
    {
        // What loads must also analyse: the loader validates.
        ecoplan::engine::analyse(&scenario).expect("a loaded scenario analyses");
    }
});
