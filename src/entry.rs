//! The whole program from its arguments, above both the command line and the window: the one
//! place that dispatches for `ecoplan` and, on Windows, the console program `ecoplan-cli`.

/// A subcommand, or the window; returns the exit code.
pub fn run() -> i32 {
    let cli = match crate::cli::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match &cli.command {
        Some(command) => crate::cli::main(command),
        #[cfg(feature = "gui")]
        None => crate::app::main(&cli.window),
        #[cfg(not(feature = "gui"))]
        None => {
            crate::io::say(
                "ecoplan was built without the window (feature \"gui\"); use a subcommand, see --help",
            );
            2
        }
    }
}
