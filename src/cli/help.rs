//! `--help` and the command line's mistakes in the run's language, and how that language is
//! chosen.

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use clap::{Arg, ArgAction, CommandFactory};

use tablica::locale::catalogue::Cli as M;
use tablica::locale::{Lang, Message};
use tablica::msg;

use super::args::Cli;

/// The texts of one subcommand's help, from the catalogue.
pub(crate) struct SubcommandHelp {
    name: &'static str,
    about: M,
    long_about: M,
    /// Each option (by its clap id) and its text.
    args: &'static [(&'static str, M)],
}

/// The help text of each subcommand and option.
pub(crate) const HELP: &[SubcommandHelp] = &[
    SubcommandHelp {
        name: "build",
        about: M::HelpBuild,
        long_about: M::HelpBuildLong,
        args: &[
            ("root", M::HelpRoot),
            ("output", M::HelpOutput),
            ("drafts", M::HelpDrafts),
            ("preview", M::HelpPreview),
            ("quiet", M::HelpQuiet),
            ("force", M::HelpForce),
            ("replace_output", M::HelpReplaceOutput),
        ],
    },
    SubcommandHelp {
        name: "check",
        about: M::HelpCheck,
        long_about: M::HelpCheckLong,
        args: &[
            ("root", M::HelpRoot),
            ("drafts", M::HelpCheckDrafts),
            ("external", M::HelpCheckExternal),
        ],
    },
    SubcommandHelp {
        name: "serve",
        about: M::HelpServe,
        long_about: M::HelpServeLong,
        args: &[
            ("root", M::HelpRoot),
            ("port", M::HelpPort),
            ("bind", M::HelpBind),
            ("drafts", M::HelpServeDrafts),
            ("preview", M::HelpServePreview),
        ],
    },
    SubcommandHelp {
        name: "edit",
        about: M::HelpEdit,
        long_about: M::HelpEditLong,
        args: &[
            ("root", M::HelpRoot),
            ("port", M::HelpPort),
            ("bind", M::HelpEditBind),
            ("login", M::HelpEditLogin),
        ],
    },
    SubcommandHelp {
        name: "deploy",
        about: M::HelpDeploy,
        long_about: M::HelpDeployLong,
        args: &[
            ("target", M::HelpDeployTarget),
            ("root", M::HelpRoot),
            ("output", M::HelpDeployOutput),
            ("dry_run", M::HelpDeployDryRun),
            ("no_build", M::HelpDeployNoBuild),
        ],
    },
    SubcommandHelp {
        name: "new",
        about: M::HelpNew,
        long_about: M::HelpNew,
        args: &[
            ("dir", M::HelpNewDir),
            ("name", M::HelpNewName),
            ("address", M::HelpNewAddress),
            ("email", M::HelpNewEmail),
            ("phone", M::HelpNewPhone),
            ("base_url", M::HelpNewBaseUrl),
            ("photos_of_people", M::HelpNewPhotos),
            ("yes", M::HelpNewYes),
            ("ask", M::HelpNewAsk),
        ],
    },
    SubcommandHelp {
        name: "import",
        about: M::HelpImport,
        long_about: M::HelpImport,
        args: &[],
    },
];

/// The texts of `tablica import wordpress`, a level below the others.
pub(crate) const IMPORT_WORDPRESS: SubcommandHelp = SubcommandHelp {
    name: "wordpress",
    about: M::HelpImportWordpress,
    long_about: M::HelpImportWordpress,
    args: &[
        ("export", M::HelpImportExport),
        ("uploads", M::HelpImportUploads),
        ("into", M::HelpImportInto),
    ],
};

/// clap's help layout with the headings clap writes itself in Polish.
pub(crate) const POLISH_HELP: &str =
    "{about-with-newline}\nUżycie: {usage}\n\n{all-args}{after-help}";

/// The clap command with its texts in `lang`.
pub(crate) fn command(lang: Lang) -> clap::Command {
    let t = |key: M| Message::new(key).render(lang);
    let mut cmd = Cli::command()
        .about(t(M::HelpAbout))
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .long("help")
                .short('h')
                .global(true)
                .action(ArgAction::Help)
                .help(t(M::HelpHelp)),
        )
        .arg(
            Arg::new("version")
                .long("version")
                .short('V')
                .action(ArgAction::Version)
                .help(t(M::HelpVersion)),
        )
        .mut_arg("lang", |a| {
            a.help(t(M::HelpLang)).hide_possible_values(true)
        });
    let texts = |mut sub: clap::Command, help: &SubcommandHelp| {
        sub = sub
            .about(t(help.about))
            .long_about(t(help.long_about))
            .disable_help_flag(true);
        for (arg, help) in help.args {
            sub = sub.mut_arg(arg, |a| a.help(t(*help)));
        }
        sub
    };
    for help in HELP {
        cmd = cmd.mut_subcommand(help.name, |sub| texts(sub, help));
    }
    cmd = cmd.mut_subcommand("import", |sub| {
        sub.mut_subcommand("wordpress", |w| texts(w, &IMPORT_WORDPRESS))
    });
    if lang == Lang::Pl {
        cmd = cmd
            .override_usage("tablica [OPCJE] <POLECENIE>")
            .help_template(POLISH_HELP)
            .subcommand_help_heading("Polecenia")
            .subcommand_value_name("POLECENIE")
            .next_help_heading("Opcje")
            .mut_args(|a| a.help_heading("Opcje"))
            .mut_subcommands(|sub| {
                let sub = match sub.get_name() {
                    "new" => sub
                        .override_usage("tablica new [OPCJE] <FOLDER>")
                        .mut_arg("dir", |a| a.value_name("FOLDER")),
                    name => {
                        let usage = format!("tablica {name} [OPCJE]");
                        sub.override_usage(usage)
                    }
                };
                sub.help_template(POLISH_HELP).mut_args(|a| {
                    let heading = if a.is_positional() {
                        "Argumenty"
                    } else {
                        "Opcje"
                    };
                    a.help_heading(heading)
                })
            });
    }
    cmd
}

/// The value of `--name` among the arguments, before clap has parsed them.
pub(crate) fn early_value(args: &[OsString], name: &str) -> Option<String> {
    let long = format!("--{name}");
    let mut iter = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == long {
            return iter.next().map(|v| v.into_owned());
        }
        if let Some(value) = arg.strip_prefix(&format!("{long}=")) {
            return Some(value.to_string());
        }
    }
    None
}

/// The language of this run's messages: `--lang`, `TABLICA_LANG`, the site's language (of
/// `--root` or the current folder), the system's.
pub(crate) fn choose_language(args: &[OsString]) -> Lang {
    let named = |code: &str| match code {
        "pl" => Some(Lang::Pl),
        "en" => Some(Lang::En),
        _ => None,
    };
    if let Some(lang) = early_value(args, "lang").as_deref().and_then(named) {
        return lang;
    }
    if let Some(lang) = std::env::var("TABLICA_LANG")
        .ok()
        .as_deref()
        .and_then(named)
    {
        return lang;
    }
    let root = early_value(args, "root").unwrap_or_else(|| ".".to_string());
    if let Some(lang) = tablica::config::language(Path::new(&root)) {
        return lang;
    }
    tablica::locale::system_language(|name| std::env::var(name).ok()).unwrap_or(Lang::En)
}

/// A mistake on the command line, in the run's language. Help and version, and every English
/// message, go out as clap writes them (the help texts come from the catalogue already).
pub(crate) fn command_line_error(e: &clap::Error, lang: Lang) -> ExitCode {
    use clap::error::{ContextKind, ErrorKind};
    let shown_by_clap = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shown_by_clap || lang == Lang::En {
        e.exit();
    }
    let context = |kind| e.get(kind).map(ToString::to_string).unwrap_or_default();
    let arg = context(ContextKind::InvalidArg);
    let problem = match e.kind() {
        ErrorKind::UnknownArgument => msg!(M::ArgUnknown, arg = arg),
        ErrorKind::InvalidSubcommand => msg!(
            M::CommandUnknown,
            command = context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => msg!(
            M::ArgInvalidValue,
            value = context(ContextKind::InvalidValue),
            arg = arg
        ),
        ErrorKind::MissingRequiredArgument => msg!(M::ArgMissing, args = arg),
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            msg!(M::ArgMissingValue, arg = arg)
        }
        ErrorKind::ArgumentConflict => msg!(
            M::ArgConflict,
            arg = arg,
            other = context(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => {
            msg!(M::ArgUnexpected, arg = context(ContextKind::InvalidValue))
        }
        _ => Message::new(M::ArgBadCall),
    };
    eprintln!("{}: {problem}", Message::new(M::Error));
    let suggestion = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .map(context)
        .find(|s| !s.is_empty());
    if let Some(suggestion) = suggestion {
        eprintln!("  {}", msg!(M::ArgSuggest, suggestion = suggestion));
    }
    let valid = context(ContextKind::ValidValue);
    if !valid.is_empty() {
        eprintln!("  {}", msg!(M::ArgPossibleValues, values = valid));
    }
    eprintln!(
        "  {}: {}",
        Message::new(M::Hint),
        msg!(M::ArgSeeHelp, help = "tablica --help")
    );
    ExitCode::from(2)
}
