// A release build on Windows is a GUI program: started from Explorer it opens no console
// window. Started from a terminal, it attaches to that terminal's console so the command line
// still prints (`attach_parent_console`).
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};

use ecoplan::cli::Cli;

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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error)
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) =>
        {
            error.exit()
        }
        Err(error) => {
            // Every argument error ends with the usage, so a script's log says what was expected.
            let message = error.render().to_string();
            eprint!("{message}");
            if !message.contains("Usage:") {
                eprintln!("\n{}", Cli::command().render_usage());
            }
            std::process::exit(2);
        }
    };
    let code = match &cli.command {
        Some(command) => ecoplan::cli::main(command),
        #[cfg(feature = "gui")]
        None => ecoplan::app::main(&cli.window),
        #[cfg(not(feature = "gui"))]
        None => {
            eprintln!(
                "ecoplan was built without the window (feature \"gui\"); use a subcommand, see --help"
            );
            2
        }
    };
    std::process::exit(code);
}
