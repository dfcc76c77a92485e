//! "Opublikuj": builds the site into `public/` as `tablica build` does, then, when `site.yaml`
//! names one publishing target (`deploy:`), sends it there as `tablica deploy` does. One
//! publication at a time; the result in plain words, with the problems if the build failed.

use std::sync::Mutex;

use super::pages::t;
use super::routes::Call;
use super::PREFIX;
use crate::build::{build, BuildError, BuildOptions};
use crate::deploy::{deploy, DeployOptions, Outcome};
use crate::locale::catalogue::Editor as E;
use crate::render::theme::escape_html as esc;
use crate::serve::MountResponse;

/// Held while a publication runs.
pub static RUNNING: Mutex<()> = Mutex::new(());

/// Builds, then deploys when a target is configured.
pub fn publish(call: &Call) -> MountResponse {
    let lang = call.editor.lang;
    let Ok(_running) = RUNNING.try_lock() else {
        return result(call, 409, E::PublishBusy, &[]);
    };
    let root = &call.editor.root;
    let built = build(&BuildOptions::new(root));
    if let Err(e) = built {
        let lines: Vec<String> = match &e {
            BuildError::Content(ds) => ds.0.iter().map(|d| d.render(lang)).collect(),
            other => vec![other.to_string()],
        };
        return result(call, 422, E::PublishBuildFailed, &lines);
    }
    let config = match call.settings() {
        Ok(c) => c,
        Err(ds) => {
            let lines: Vec<String> = ds.iter().map(|d| d.render(lang)).collect();
            return result(call, 422, E::PublishBuildFailed, &lines);
        }
    };
    if config.deploy.is_empty() {
        return result(call, 200, E::PublishBuiltOnly, &[]);
    }
    let options = DeployOptions {
        root: root.clone(),
        output: None,
        target: None,
        dry_run: false,
        progress: false,
    };
    match deploy(config, &options) {
        Ok(Outcome::Deployed(report)) => result(call, 200, E::Published, &[report.to_string()]),
        Ok(Outcome::DryRun(listing)) => result(call, 200, E::Published, &[listing.to_string()]),
        Err(e) => result(call, 502, E::PublishDeployFailed, &[e.to_string()]),
    }
}

fn result(call: &Call, status: u16, what: E, lines: &[String]) -> MountResponse {
    let lang = call.editor.lang;
    let details: String = lines
        .iter()
        .map(|l| format!("<li><pre>{}</pre></li>", esc(l)))
        .collect();
    let role = if status < 300 { "status" } else { "alert" };
    let main = format!(
        "<h1>{}</h1><div class=\"komunikat\" role=\"{role}\"><p>{}</p></div><ul class=\"wynik\">{details}</ul><p><a href=\"{PREFIX}\">{}</a></p>",
        t(lang, E::Publish),
        t(lang, what),
        t(lang, E::BackToList)
    );
    call.screen(status, E::Publish, &main)
}
