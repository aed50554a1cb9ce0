//! What a file under the size limit can make `check` do is bounded. Memory is measured by a
//! counting allocator (the peak of live bytes), and work by how the peak grows with the file:
//! no timing assertions, which would flake on a busy machine.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;

use ecoplan::io::{from_ron_str, scenario_file::MAX_FILE_BYTES, to_ron_string};
use ecoplan::model::{Changes, Definition, Member, Rule, Scenario, SeriesChange, Workspace};
use ecoplan::plan::hanyang_plan;
use proptest::prelude::*;

/// Counts live and peak heap bytes of each thread, so that tests running side by side do not
/// count each other's allocations. (A block freed by another thread than the one that allocated
/// it moves the counts by its size; none of the measured work hands memory between threads.)
struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn count(change: isize) {
    // `try_with`: a thread being torn down has no counters left, and is not measured.
    let _ = LIVE.try_with(|live| {
        let now = live.get() + change;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            count(layout.size() as isize);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        unsafe { System.dealloc(pointer, layout) };
        count(-(layout.size() as isize));
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The peak of heap bytes this thread allocated while `work` ran, above what was live before.
fn peak_bytes<T>(work: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(before));
    let result = work();
    let peak = PEAK.with(Cell::get);
    (result, (peak - before).max(0) as usize)
}

const MB: usize = 1024 * 1024;
/// "A few hundred MB" for any file under the 20 MB limit.
const MEMORY_BOUND: usize = 300 * MB;

/// A scenario with `copies` copies of the plan's COD series (identical values), plus
/// `capacities` capacities and `targets` targets that all point at the last copy.
fn crowded_scenario(copies: usize, capacities: usize, targets: usize, horizon: i32) -> Scenario {
    let mut scenario = hanyang_plan();
    scenario.horizon = horizon;
    let cod = scenario.series("cod").unwrap().clone();
    for i in 0..copies {
        let mut copy = cod.clone();
        copy.key = format!("cod{i}");
        scenario.series.push(copy);
    }
    let last = format!("cod{}", copies.saturating_sub(1));
    let capacity = scenario.capacities[0].clone();
    for i in 0..capacities {
        let mut more = capacity.clone();
        more.pollutant = format!("C{i}");
        more.series.clone_from(&last);
        scenario.capacities.push(more);
    }
    let target = scenario.targets[0].clone();
    for i in 0..targets {
        let mut more = target.clone();
        more.key = format!("t{i}");
        scenario.targets.push(more);
    }
    scenario
}

/// What `ecoplan check` does with a file's text: parse, validate (which analyses).
fn check_text(text: &str) -> usize {
    let scenario = from_ron_str(text, Path::new("crowded.ron")).unwrap();
    scenario.series.len()
}

#[test]
fn identical_series_need_memory_linear_in_their_count() {
    let small = to_ron_string(&crowded_scenario(1_000, 0, 0, 2028));
    let large = to_ron_string(&crowded_scenario(8_000, 0, 0, 2028));
    assert!(large.len() < MAX_FILE_BYTES as usize);
    let (_, small_peak) = peak_bytes(|| check_text(&small));
    let (series, large_peak) = peak_bytes(|| check_text(&large));
    assert_eq!(series, 17 + 8_000);
    // Eight times the series: about eight times the memory, never sixty-four.
    assert!(
        large_peak < 16 * small_peak,
        "1 000 copies: {small_peak} B, 8 000 copies: {large_peak} B"
    );
    assert!(large_peak < MEMORY_BOUND, "{large_peak} B");
}

#[test]
fn a_long_workspace_chain_holds_one_scenario_at_a_time_while_checked() {
    let chain = |length: usize| {
        let mut members = vec![Member {
            name: "m0".into(),
            parent: None,
            scenario: Definition::Full(Box::new(hanyang_plan())),
        }];
        for k in 1..length {
            members.push(Member {
                name: format!("m{k}"),
                parent: Some(format!("m{}", k - 1)),
                scenario: Definition::Changes(Changes {
                    series: vec![SeriesChange {
                        key: "gdp".into(),
                        base: None,
                        rule: Some(Rule::growth(0.05)),
                        observed: None,
                        decimals: None,
                        source: None,
                    }],
                    ..Changes::default()
                }),
            });
        }
        Workspace {
            format_version: ecoplan::model::FORMAT_VERSION,
            workspace: members,
        }
    };
    let visit_all = |workspace: &Workspace| {
        let mut visited = 0;
        ecoplan::engine::workspace::for_each_resolved(workspace, |_, scenario| {
            visited += 1;
            ecoplan::engine::validate(scenario)
                .is_empty()
                .then_some(())
                .ok_or(ecoplan::engine::workspace::WorkspaceError::Empty)
        })
        .unwrap();
        visited
    };
    let (short, long) = (chain(100), chain(2_000));
    let (visited, short_peak) = peak_bytes(|| visit_all(&short));
    assert_eq!(visited, 100);
    let (visited, long_peak) = peak_bytes(|| visit_all(&long));
    assert_eq!(visited, 2_000);
    // What one resolved scenario of this workspace takes.
    let (_, scenario_bytes) = peak_bytes(hanyang_plan);
    // 1 900 more members add the index of names and parents, not 1 900 scenarios: each resolved
    // scenario is let go once its only child has taken it over.
    assert!(
        long_peak - short_peak < 4 * scenario_bytes,
        "100 members: {short_peak} B, 2 000 members: {long_peak} B, one scenario {scenario_bytes} B"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// Files of many shapes up to the size limit: many series, capacities and targets all
    /// looking up one series, long horizons. `check` answers within a few hundred MB.
    #[test]
    fn no_file_under_the_limit_makes_check_use_more_than_a_few_hundred_mb(
        copies in 0usize..12_000,
        capacities in 0usize..6_000,
        targets in 0usize..6_000,
        horizon in 2028i32..=2060,
    ) {
        let text = to_ron_string(&crowded_scenario(copies.max(1), capacities, targets, horizon));
        prop_assume!(text.len() < MAX_FILE_BYTES as usize);
        let (checked, peak) = peak_bytes(|| {
            // Capacities and targets all on one copy among thousands (their series are found by
            // an index; `hostile_file_benches` times the crowded shapes).
            from_ron_str(&text, Path::new("crowded.ron")).map(|s| s.capacities.len())
        });
        prop_assert_eq!(checked.unwrap(), 5 + capacities);
        prop_assert!(peak < MEMORY_BOUND, "{} B for a {} B file", peak, text.len());
    }
}
