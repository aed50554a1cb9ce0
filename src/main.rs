// A release build on Windows is a GUI program: started from Explorer it opens no console
// window. Started from a terminal, it attaches to that terminal's console so the command line
// still prints (`attach_parent_console`); shells do not wait for a GUI program, so scripts there
// use `ecoplan-cli.exe` (src/bin/ecoplan-cli.rs), the same program built for the console.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

/// Attaches to the console of the process that started this one, if it has one (a terminal);
/// started from Explorer there is none and nothing happens.
#[cfg(all(windows, not(debug_assertions)))]
fn attach_parent_console() {
    // kernel32, which every Windows program links.
    unsafe extern "system" {
        fn AttachConsole(process_id: u32) -> i32;
    }
    const ATTACH_PARENT_PROCESS: u32 = u32::MAX;
    // SAFETY: AttachConsole takes a process id by value and has no other preconditions; a
    // failure (no parent console) leaves the process as it was.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

fn main() {
    #[cfg(all(windows, not(debug_assertions)))]
    attach_parent_console();
    std::process::exit(ecoplan::entry::run());
}
