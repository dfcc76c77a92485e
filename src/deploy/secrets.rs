//! Passwords and key passphrases: from the environment (`TABLICA_DEPLOY_<NAME>_PASSWORD`,
//! `…_PASSPHRASE`) or from `.tablica-secrets.yaml` in the site folder, never from site.yaml.
//! On Unix the file is refused while other users may read it.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use crate::config::deploy::{secret_variable, SECRETS_FILE};
use crate::content::{file, yaml};

use super::messages::DeployError;

/// The secrets of one target in the file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    password: Option<String>,
    passphrase: Option<String>,
}

/// Which secret.
#[derive(Debug, Clone, Copy)]
pub enum Secret {
    Password,
    Passphrase,
}

impl Secret {
    fn field(self) -> &'static str {
        match self {
            Secret::Password => "password",
            Secret::Passphrase => "passphrase",
        }
    }
}

/// The largest secrets file read: a few passwords, never megabytes.
const SECRETS_LIMIT: u64 = 64 * 1024;

/// The secret of `target`: the environment variable first, then the file.
pub fn find(root: &Path, target: &str, secret: Secret) -> Result<Option<String>, DeployError> {
    if let Ok(value) = std::env::var(secret_variable(target, secret.field())) {
        return Ok(Some(value));
    }
    let file = root.join(SECRETS_FILE);
    if std::fs::symlink_metadata(&file).is_err() {
        return Ok(None);
    }
    // The project's one way to read a file: never through a link, never a FIFO, bounded.
    let invalid = |detail: String| DeployError::SecretsInvalid {
        file: file.clone(),
        detail,
    };
    let (mut handle, _) =
        file::open(&file, SECRETS_LIMIT).map_err(|e| invalid(e.message().to_string()))?;
    check_private(&file, &handle)?;
    let mut text = String::new();
    handle
        .read_to_string(&mut text)
        .map_err(|e| invalid(e.to_string()))?;
    let entries: Option<BTreeMap<String, Entry>> =
        yaml::from_str(&text).map_err(|e| DeployError::SecretsInvalid {
            file: file.clone(),
            detail: yaml::describe(&e),
        })?;
    let mut entries = entries.unwrap_or_default();
    Ok(entries.remove(target).and_then(|e| match secret {
        Secret::Password => e.password,
        Secret::Passphrase => e.passphrase,
    }))
}

/// The password a target needs, or an error saying where to put it.
pub fn require_password(root: &Path, target: &str) -> Result<String, DeployError> {
    find(root, target, Secret::Password)?.ok_or_else(|| DeployError::MissingSecret {
        target: target.to_string(),
        variable: secret_variable(target, "password"),
        file: root.join(SECRETS_FILE),
    })
}

#[cfg(unix)]
fn check_private(file: &Path, handle: &File) -> Result<(), DeployError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = handle
        .metadata()
        .map_err(|e| DeployError::SecretsInvalid {
            file: file.to_path_buf(),
            detail: e.to_string(),
        })?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(DeployError::SecretsReadable {
            file: file.to_path_buf(),
            mode: mode & 0o777,
        });
    }
    Ok(())
}

/// On Windows a file in the user's folder is private to the user by default.
#[cfg(not(unix))]
fn check_private(_file: &Path, _handle: &File) -> Result<(), DeployError> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_link_in_place_of_the_file_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere.yaml");
        fs::write(&elsewhere, "serwer-test:\n  password: z-linku\n").unwrap();
        fs::set_permissions(&elsewhere, fs::Permissions::from_mode(0o600)).unwrap();
        std::os::unix::fs::symlink(&elsewhere, dir.path().join(SECRETS_FILE)).unwrap();
        let err = find(dir.path(), "serwer-test", Secret::Password).unwrap_err();
        assert!(matches!(err, DeployError::SecretsInvalid { .. }), "{err}");
        assert!(!err.to_string().contains("z-linku"), "{err}");
    }

    #[test]
    fn the_file_must_be_private_and_the_environment_wins() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(SECRETS_FILE);
        fs::write(&file, "serwer-test:\n  password: z-pliku\n").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
        let err = find(dir.path(), "serwer-test", Secret::Password).unwrap_err();
        assert!(err.to_string().contains("chmod 600"), "{err}");
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(
            find(dir.path(), "serwer-test", Secret::Password).unwrap(),
            Some("z-pliku".into())
        );
        assert_eq!(
            find(dir.path(), "serwer-test", Secret::Passphrase).unwrap(),
            None
        );
        assert!(find(dir.path(), "inny", Secret::Password)
            .unwrap()
            .is_none());
        let missing = require_password(dir.path(), "inny")
            .unwrap_err()
            .to_string();
        assert!(
            missing.contains("TABLICA_DEPLOY_INNY_PASSWORD"),
            "{missing}"
        );
    }
}
