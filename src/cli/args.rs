//! The command line's structure: subcommands and options (their texts are in the catalogue,
//! put in by [`super::help`]).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "tablica", version)]
pub(crate) struct Cli {
    #[arg(long, global = true, value_enum)]
    pub(crate) lang: Option<LangArg>,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum LangArg {
    Pl,
    En,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum YesNo {
    Yes,
    No,
}

/// The site and the address of a local server (`serve`, `edit`).
#[derive(clap::Args)]
pub(crate) struct Listen {
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    #[arg(long, short, default_value_t = 1111)]
    pub(crate) port: u16,
    #[arg(long, default_value = "127.0.0.1")]
    pub(crate) bind: std::net::IpAddr,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    Build {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        preview: bool,
        #[arg(long, short)]
        quiet: bool,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        replace_output: bool,
    },
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        external: bool,
    },
    Serve {
        #[command(flatten)]
        listen: Listen,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        preview: bool,
    },
    Edit {
        #[command(flatten)]
        listen: Listen,
        #[arg(long)]
        login: bool,
    },
    Deploy {
        target: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        no_build: bool,
    },
    New {
        dir: PathBuf,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long, value_enum)]
        photos_of_people: Option<YesNo>,
        #[arg(long, short, conflicts_with = "ask")]
        yes: bool,
        #[arg(long)]
        ask: bool,
    },
    Import {
        #[command(subcommand)]
        from: ImportFrom,
    },
}

#[derive(Subcommand)]
pub(crate) enum ImportFrom {
    Wordpress {
        export: PathBuf,
        #[arg(long)]
        uploads: Option<PathBuf>,
        #[arg(long, default_value = ".")]
        into: PathBuf,
    },
}
