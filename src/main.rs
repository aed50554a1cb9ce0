use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};

use ecoplan::cli::Cli;

fn main() {
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
