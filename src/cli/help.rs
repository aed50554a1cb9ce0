//! The command line's help in the user's language: each command's and argument's text from
//! `i18n::command_line_help`, clap's own headings and flags from `i18n::command_line_words`.
//! In English clap's help is the arguments' documentation as it stands.

use clap::{Arg, ArgAction, Command};

use crate::i18n::{CommandLineWords, Lang, command_line_help, command_line_words};

/// `command` with its help (and every subcommand's) in `lang`.
pub fn in_lang(command: Command, lang: Lang) -> Command {
    let Some(words) = command_line_words(lang) else {
        return command;
    };
    // `--version` with its licences in the language's words (Help → About's `Tr::Licences`):
    // clap keeps a version as text that lives as long as the program, as this does.
    let version: &'static str = String::leak(format!(
        "{}\n{}",
        crate::assets::VERSION,
        crate::i18n::Tr::Licences.get(lang)
    ));
    let command = localised(command, "", &words, lang)
        .long_version(version)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words.version),
        )
        // `ecoplan help COMMAND` is read as `ecoplan COMMAND --help` (`cli::parse_from`).
        .disable_help_subcommand(true);
    command.mut_subcommands(move |sub| {
        let name = sub.get_name().to_owned();
        localised(sub, &name, &words, lang)
    })
}

/// One command's texts, headings and help flag.
fn localised(command: Command, name: &str, words: &CommandLineWords, lang: Lang) -> Command {
    let mut command = match command_line_help(lang, name, "") {
        Some(about) => command.about(about).long_about(None),
        None => command,
    };
    command = command.mut_args(|arg| {
        let Some(text) = command_line_help(lang, name, arg.get_id().as_str()) else {
            return arg;
        };
        // The default in the language's words (clap's reads "[default: csv]").
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .filter(|v| !v.is_empty())
            .collect();
        if !arg.get_action().takes_values() {
            return arg.help(text).long_help(None);
        }
        let text = if defaults.is_empty() {
            text.to_owned()
        } else {
            format!("{text}（{}：{}）", words.default, defaults.join("、"))
        };
        // The values are named in the text, in its words.
        arg.help(text)
            .long_help(None)
            .hide_default_value(true)
            .hide_possible_values(true)
    });
    // The usage line in the language's words too ("[选项]").
    let usage = crate::i18n::usage_in(
        lang,
        command
            .clone()
            .render_usage()
            .to_string()
            .trim_start_matches("Usage:")
            .trim(),
    );
    // A subcommand rendered apart from the program names itself alone ("project …").
    let usage = if name.is_empty() || usage.starts_with("ecoplan") {
        usage
    } else {
        format!("ecoplan {usage}")
    };
    command = command.override_usage(usage);
    let has_commands = command.get_subcommands().next().is_some();
    let has_positionals = command.get_positionals().next().is_some();
    let mut template = format!("{{about-with-newline}}\n{}{{usage}}\n", words.usage);
    if has_commands {
        template.push_str(&format!("\n{}\n{{subcommands}}\n", words.commands));
    }
    if has_positionals {
        template.push_str(&format!("\n{}\n{{positionals}}\n", words.arguments));
    }
    template.push_str(&format!("\n{}\n{{options}}{{after-help}}", words.options));
    command.help_template(template).disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(words.help)
            .global(false),
    )
}
