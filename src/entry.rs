//! The whole program from its arguments, above both the command line and the window: the one
//! place that dispatches for `ecoplan` and, on Windows, the console program `ecoplan-cli`.

/// A subcommand, or the window; returns the exit code.
pub fn run() -> i32 {
    let cli = match crate::cli::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match &cli.command {
        Some(command) => crate::cli::main(command, cli.lang()),
        #[cfg(feature = "gui")]
        None => crate::app::main(&(&cli.window).into(), cli.lang.map(Into::into)),
        #[cfg(not(feature = "gui"))]
        None => {
            crate::io::say(crate::i18n::Tr::NoWindowBuilt.get(cli.lang()));
            2
        }
    }
}
