//! What a build or check prints when it ends, and its exit status.

use std::process::ExitCode;

use tablica::build::{BuildError, BuildReport};
use tablica::diagnostics::Diagnostics;
use tablica::locale::catalogue::Cli as M;
use tablica::locale::Message;
use tablica::msg;

/// Exit status for content errors.
pub(crate) const EXIT_CONTENT: u8 = 1;
/// Exit status for other failures (I/O, theme).
pub(crate) const EXIT_FAILURE: u8 = 3;

/// `check`'s list of what is scheduled for later (and when it appears) and what expired.
pub(crate) fn print_timed(timed: &[tablica::site::schedule::Timed]) {
    use tablica::site::schedule::Timing;
    let lang = tablica::locale::language();
    let when = |d: tablica::content::date::Date| {
        let day = tablica::locale::date_long(lang, d.date());
        match d.has_time {
            true => format!("{day}, {}", d.local.format("%H:%M")),
            false => day,
        }
    };
    for t in timed {
        let (key, date) = match t.timing {
            Timing::Scheduled(d) => (M::CheckScheduled, d),
            Timing::Expired(d) => (M::CheckExpired, d),
            Timing::Current => continue,
        };
        let file = t.file.display().to_string();
        println!(
            "{}",
            msg!(key, file = file, title = &t.title, when = when(date))
        );
    }
}

/// Warns that the preview (or the editor) is seen by other devices, when `bind` says so.
pub(crate) fn warn_if_open(
    bind: std::net::IpAddr,
    message: impl Into<tablica::locale::catalogue::Key>,
) {
    if !bind.is_loopback() {
        let said = Message::new(message).arg("bind", bind.to_string());
        eprintln!("{}: {said}", Message::new(M::Warning));
    }
}

pub(crate) fn print_diagnostics(ds: &Diagnostics) {
    for d in &ds.0 {
        eprintln!("{d}");
    }
}

pub(crate) fn report(
    result: Result<BuildReport, BuildError>,
    quiet: bool,
    check: bool,
) -> ExitCode {
    match result {
        Ok(r) => {
            print_diagnostics(&r.warnings);
            let counts = |key: M| {
                msg!(
                    key,
                    posts = r.posts,
                    projects = r.projects,
                    pages = r.pages,
                    photos = r.photos
                )
            };
            if quiet {
            } else if r.up_to_date {
                println!("{}", counts(M::UpToDate));
            } else if check {
                println!("{}", counts(M::Checked));
            } else {
                println!(
                    "{}",
                    counts(M::Built)
                        .arg("processed", r.photos_encoded)
                        .arg("cached", r.photos - r.photos_encoded)
                        .arg("files", r.files)
                        .arg(
                            "seconds",
                            tablica::locale::seconds(tablica::locale::language(), r.duration),
                        )
                );
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(ds)) => {
            print_diagnostics(&ds);
            let errors = BuildError::Content(ds).to_string();
            eprintln!("{}", msg!(M::ContentErrorsFound, errors = errors));
            ExitCode::from(EXIT_CONTENT)
        }
        Err(e) => {
            eprintln!("{}: {e}", Message::new(M::Error));
            if let BuildError::Output(output) = &e {
                if let Some(hint) = output.hint() {
                    eprintln!("  {}: {hint}", Message::new(M::Hint));
                }
            }
            eprintln!("{}", Message::new(M::NothingWritten));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}
