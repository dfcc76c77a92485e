//! `tablica deploy` against real targets: a folder, a bare Git repository, OpenSSH's sshd
//! (SFTP) and vsftpd (FTPS), the servers started on loopback ports by `servers` and killed
//! after each test. Every test compares the target with the build byte for byte.

mod common;
#[path = "deploy/servers.rs"]
mod servers;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{gradient_jpeg, snapshot, stderr, stdout, TestSite, SITE_YAML};

type Files = BTreeMap<PathBuf, Vec<u8>>;

/// A site of `posts` posts, each a folder with a photo, deploying to the `deploy:` section
/// `deploy_yaml`.
fn site(posts: usize, deploy_yaml: &str) -> TestSite {
    let site =
        TestSite::with_config(&format!("{SITE_YAML}{deploy_yaml}")).pin_clock("2026-11-29 12:00");
    for i in 0..posts {
        add_post(&site, i, 64);
    }
    site
}

/// Post `i` with a small photo.
fn add_post(site: &TestSite, i: usize, width: u32) {
    add_post_with(site, i, &gradient_jpeg(width, width * 2 / 3, i as u8));
}

fn add_post_with(site: &TestSite, i: usize, photo: &[u8]) {
    site.write(
        &format!("content/posts/wpis-{i}/index.md"),
        &format!(
            "---\ntitle: Wpis numer {i}\ndate: 2026-01-{:02}\ntags: [seniorzy]\ngallery:\n  - {{ src: zdjecie.jpg, alt: Zdjęcie z wydarzenia numer {i} }}\n---\nTreść wpisu {i}.\n",
            i % 28 + 1
        ),
    );
    site.write_bytes(&format!("content/posts/wpis-{i}/zdjecie.jpg"), photo);
}

/// A JPEG of noise, which no encoder can make small: uploads that take many packets.
fn noise_jpeg(w: u32, h: u32, seed: u32) -> Vec<u8> {
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    let img = image::RgbImage::from_fn(w, h, |_, _| {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let [r, g, b, _] = state.to_le_bytes();
        image::Rgb([r, g, b])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&img)
        .expect("encode");
    out
}

fn edit_post(site: &TestSite, i: usize) {
    let path = format!("content/posts/wpis-{i}/index.md");
    let text = fs::read_to_string(site.root().join(&path)).expect("post");
    site.write(
        &path,
        &text.replace("Treść wpisu", "Poprawiona treść wpisu"),
    );
}

fn deploy(site: &TestSite, args: &[&str]) -> Output {
    let mut all = vec!["deploy"];
    all.extend_from_slice(args);
    site.run(&all)
}

fn deploy_ok(site: &TestSite, args: &[&str]) -> String {
    let out = deploy(site, args);
    assert!(
        out.status.success(),
        "deploy failed:\n{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

/// The error output of a deploy that failed with exit status 3.
fn deploy_err(site: &TestSite, args: &[&str]) -> String {
    let out = deploy(site, args);
    assert_eq!(
        out.status.code(),
        Some(3),
        "expected failure:\n{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    stderr(&out)
}

/// "deployed to `x`: 12 files sent (…), 3 deleted, …" → (12, 3).
fn counts(out: &str) -> (usize, usize) {
    let line = out
        .lines()
        .find(|l| l.starts_with("deployed to"))
        .unwrap_or_else(|| panic!("no deploy summary in:\n{out}"));
    let number_before = |word: &str| -> usize {
        let end = line.find(word).expect(word);
        line[..end]
            .trim_end()
            .rsplit([' ', '('])
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a number")
    };
    let sent = if line.contains(" 1 file sent") {
        1
    } else {
        number_before(" files sent")
    };
    (sent, number_before(" deleted"))
}

/// The site as built, without tablica's own list of it.
fn built(site: &TestSite) -> Files {
    let mut files = snapshot(&site.public());
    files.remove(Path::new(".tablica-output"));
    files
}

/// The site on a target, without the deploy manifest.
fn deployed(target: &Path) -> Files {
    let mut files = snapshot(target);
    assert!(
        files.remove(Path::new(".tablica-deploy.json")).is_some(),
        "the target keeps a manifest"
    );
    files
}

fn assert_same(target: &Path, site: &TestSite, what: &str) {
    let (on_target, expected) = (deployed(target), built(site));
    let names = |f: &Files| f.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&on_target),
        names(&expected),
        "{what}: the same files"
    );
    for (path, bytes) in &expected {
        assert!(
            on_target[path] == *bytes,
            "{what}: {} differs",
            path.display()
        );
    }
}

/// How many files differ between two builds (changed or new), and how many are gone.
fn differences(before: &Files, after: &Files) -> (usize, usize) {
    let changed = after
        .iter()
        .filter(|(p, b)| before.get(*p) != Some(*b))
        .count();
    let gone = before.keys().filter(|p| !after.contains_key(*p)).count();
    (changed, gone)
}

/// Every file on the target under its own name is whole: the bytes of the old or the new
/// build (a reader can meet no half-written page), and temporary files aside.
fn assert_whole(target: &Path, old: &Files, new: &Files) {
    for (path, bytes) in snapshot(target) {
        let name = path.to_string_lossy();
        if name.ends_with(".tablica-part") || name == ".tablica-deploy.json" {
            continue;
        }
        assert!(
            old.get(&path) == Some(&bytes) || new.get(&path) == Some(&bytes),
            "{name} on the target is neither the old nor the new file"
        );
    }
}

/// The incremental cycle every target goes through: all files, then only the files an edit
/// changed, then a removed post's files deleted, then nothing.
fn incremental_cycle(site: &TestSite, target: &Path, args: &[&str]) {
    let out = deploy_ok(site, args);
    let first = built(site);
    assert_eq!(counts(&out), (first.len(), 0), "{out}");
    assert_same(target, site, "first deploy");

    edit_post(site, 1);
    let out = deploy_ok(site, args);
    let second = built(site);
    let (changed, gone) = differences(&first, &second);
    assert!(
        changed > 0 && changed < first.len() / 2,
        "an edit changes a few files: {changed}"
    );
    assert_eq!(
        counts(&out),
        (changed, gone),
        "only the changed files are sent:\n{out}"
    );
    assert_same(target, site, "after an edit");

    fs::remove_dir_all(site.root().join("content/posts/wpis-2")).expect("remove post");
    let out = deploy_ok(site, args);
    let (changed, gone) = differences(&second, &built(site));
    assert!(gone >= 2, "the post's page and photos are gone: {gone}");
    assert_eq!(counts(&out), (changed, gone), "{out}");
    assert!(
        !target.join("aktualnosci/wpis-2").exists(),
        "its folder is deleted too"
    );
    assert_same(target, site, "after a removal");

    let out = deploy_ok(site, args);
    assert!(out.contains("up to date"), "{out}");
}

#[test]
fn folder_deploy_sends_only_changes_and_deletes_removed_files() {
    let target = tempfile::tempdir().expect("temp dir");
    let site = site(
        4,
        &format!(
            "deploy:\n  pendrive:\n    type: folder\n    path: {}\n",
            target.path().display()
        ),
    );
    incremental_cycle(&site, target.path(), &[]);
}

#[test]
fn dry_run_lists_the_changes_and_writes_nothing() {
    let target = tempfile::tempdir().expect("temp dir");
    let site = site(
        3,
        &format!(
            "deploy:\n  pendrive:\n    type: folder\n    path: {}\n",
            target.path().display()
        ),
    );
    deploy_ok(&site, &[]);
    let before = snapshot(target.path());
    edit_post(&site, 0);
    fs::remove_dir_all(site.root().join("content/posts/wpis-1")).expect("remove post");
    let out = deploy_ok(&site, &["--dry-run"]);
    assert!(
        out.contains("changed aktualnosci/wpis-0/index.html"),
        "{out}"
    );
    assert!(
        out.contains("delete  aktualnosci/wpis-1/index.html"),
        "{out}"
    );
    assert!(out.contains("nothing was changed on `pendrive`"), "{out}");
    common::assert_same_files(target.path(), &before, "a dry run");
}

#[test]
fn targets_are_chosen_by_name() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let site = site(
        1,
        &format!(
            "deploy:\n  a:\n    type: folder\n    path: {}\n  b:\n    type: folder\n    path: {}\n",
            a.path().display(),
            b.path().display()
        ),
    );
    let err = deploy_err(&site, &[]);
    assert!(
        err.contains("several deploy targets") && err.contains("tablica deploy a"),
        "{err}"
    );
    let err = deploy_err(&site, &["c"]);
    assert!(
        err.contains("no deploy target `c`") && err.contains("a, b"),
        "{err}"
    );
    deploy_ok(&site, &["b"]);
    assert_same(b.path(), &site, "the named target");
    assert!(
        fs::read_dir(a.path()).unwrap().next().is_none(),
        "the other is untouched"
    );
}

#[test]
fn git_deploy_commits_and_pushes_to_a_branch() {
    let repo = tempfile::tempdir().expect("temp dir");
    let bare = repo.path().join("strona.git");
    let init = std::process::Command::new("git")
        .args(["init", "-q", "--bare"])
        .arg(&bare)
        .status()
        .expect("git");
    assert!(init.success());
    let site = site(
        3,
        &format!(
            "deploy:\n  pages:\n    type: git\n    repository: {}\n    branch: pages\n",
            bare.display()
        ),
    );
    // The branch's tree is checked out into a folder to compare it with the build.
    let checkout = tempfile::tempdir().expect("temp dir");
    let export = |what: &str| {
        let dir = checkout.path().join(what);
        let out = std::process::Command::new("git")
            .arg("--git-dir")
            .arg(&bare)
            .arg("--work-tree")
            .arg({
                fs::create_dir_all(&dir).unwrap();
                &dir
            })
            .args(["checkout", "-f", "pages", "--", "."])
            .output()
            .expect("git");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir
    };
    deploy_ok(&site, &[]);
    assert_same(&export("first"), &site, "first push");
    edit_post(&site, 0);
    fs::remove_dir_all(site.root().join("content/posts/wpis-1")).expect("remove post");
    let out = deploy_ok(&site, &[]);
    assert_same(&export("second"), &site, "second push");
    let (sent, deleted) = counts(&out);
    assert!(sent > 0 && deleted > 0, "{out}");
    let log = std::process::Command::new("git")
        .arg("--git-dir")
        .arg(&bare)
        .args(["log", "--format=%s", "pages"])
        .output()
        .expect("git log");
    let log = String::from_utf8_lossy(&log.stdout);
    assert_eq!(log.lines().count(), 2, "one commit per deploy:\n{log}");
    assert!(
        log.starts_with(&format!(
            "tablica deploy: {sent} files sent, {deleted} deleted"
        )),
        "{log}"
    );
}

fn sftp_yaml(name: &str, sshd: &servers::Sshd, port: u16, target: &Path, auth: &str) -> String {
    format!(
        "  {name}:\n    type: sftp\n    host: 127.0.0.1\n    port: {port}\n    user: {}\n    path: {}\n    host_key: {}\n{auth}",
        servers::USER,
        target.display(),
        sshd.fingerprint
    )
}

fn key_auth(sshd: &servers::Sshd) -> String {
    format!("    key: {}\n", sshd.key.display())
}

/// A started sshd, the folder `www` in its user's home, and the YAML of the target `serwer`
/// reaching that folder with the test key.
fn sftp_by_key() -> (servers::Sshd, PathBuf, String) {
    let sshd = servers::sshd();
    let target = servers::user_dir(sshd.server.dir.path(), "www");
    let yaml = sftp_yaml("serwer", &sshd, sshd.server.port, &target, &key_auth(&sshd));
    (sshd, target, yaml)
}

#[test]
fn sftp_deploy_by_key_and_by_password_sends_only_changes() {
    if !servers::available("sftp_deploy_by_key_and_by_password_sends_only_changes") {
        return;
    }
    let (sshd, target, yaml) = sftp_by_key();
    let site = site(4, &format!("deploy:\n{yaml}"));
    incremental_cycle(&site, &target, &[]);

    // The same server with the password, from the environment.
    site.write(
        "content/site.yaml",
        &format!(
            "{SITE_YAML}deploy:\n{}",
            sftp_yaml("haslo", &sshd, sshd.server.port, &target, "")
        ),
    );
    let err = deploy_err(&site, &[]);
    assert!(err.contains("TABLICA_DEPLOY_HASLO_PASSWORD"), "{err}");
    edit_post(&site, 3);
    let out = site
        .command(&["deploy"])
        .env("TABLICA_DEPLOY_HASLO_PASSWORD", servers::PASSWORD)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_same(&target, &site, "deployed with a password");
}

#[test]
fn sftp_connection_cut_mid_upload_leaves_the_site_whole_and_a_rerun_finishes() {
    if !servers::available(
        "sftp_connection_cut_mid_upload_leaves_the_site_whole_and_a_rerun_finishes",
    ) {
        return;
    }
    let (sshd, target, direct) = sftp_by_key();
    let site = site(3, &format!("deploy:\n{direct}"));
    deploy_ok(&site, &[]);
    let old = built(&site);

    // Six new posts with photos and an edit: then the upload is cut halfway.
    for i in 10..16 {
        add_post_with(&site, i, &noise_jpeg(400, 300, i as u32));
    }
    edit_post(&site, 0);
    site.build_ok();
    let new = built(&site);
    let changed_bytes: usize = new
        .iter()
        .filter(|(p, b)| old.get(*p) != Some(*b))
        .map(|(_, b)| b.len())
        .sum();
    assert!(changed_bytes > 200_000, "enough to cut: {changed_bytes}");
    let proxy = servers::cutting_proxy(sshd.server.port, changed_bytes / 2);
    site.write(
        "content/site.yaml",
        &format!(
            "{SITE_YAML}deploy:\n{}",
            sftp_yaml("serwer", &sshd, proxy, &target, &key_auth(&sshd))
        ),
    );
    let err = deploy_err(&site, &["--no-build"]);
    assert!(err.contains("deploy target `serwer`"), "{err}");
    assert!(err.contains("run `tablica deploy` again"), "{err}");
    assert_whole(&target, &old, &new);
    let on_target = deployed(&target);
    assert!(
        on_target.iter().any(|(p, b)| old.get(p) != Some(b)),
        "the cut came after some new files were sent"
    );
    assert!(
        on_target.get(Path::new("index.html")) == old.get(Path::new("index.html")),
        "the home page, sent last, is still the old one"
    );

    site.write(
        "content/site.yaml",
        &format!("{SITE_YAML}deploy:\n{direct}"),
    );
    deploy_ok(&site, &[]);
    assert_same(&target, &site, "after the rerun");
}

#[test]
fn sftp_permission_denied_is_explained_and_the_site_stays_whole() {
    if !servers::available("sftp_permission_denied_is_explained_and_the_site_stays_whole") {
        return;
    }
    let (_sshd, target, yaml) = sftp_by_key(); // the server lives as long as this binding
    let site = site(2, &format!("deploy:\n{yaml}"));
    deploy_ok(&site, &[]);
    let before = snapshot(&target);
    servers::chmod_all(&target, "a-w");
    edit_post(&site, 0);
    let err = deploy_err(&site, &[]);
    assert!(
        err.contains("deploy target `serwer`: cannot write"),
        "{err}"
    );
    assert!(err.contains("may not write in that folder"), "{err}");
    common::assert_same_files(&target, &before, "a refused deploy");
}

#[test]
fn sftp_unknown_server_key_is_refused_with_its_fingerprint() {
    if !servers::available("sftp_unknown_server_key_is_refused_with_its_fingerprint") {
        return;
    }
    let (sshd, target, yaml) = sftp_by_key();
    let without_key: String = yaml
        .lines()
        .filter(|l| !l.contains("host_key"))
        .map(|l| format!("{l}\n"))
        .collect();
    let site = site(1, &format!("deploy:\n{without_key}"));
    let home = tempfile::tempdir().expect("temp dir");
    let out = site
        .command(&["deploy"])
        .env("HOME", home.path())
        .output()
        .expect("run");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains(&format!("host_key: {}", sshd.fingerprint)),
        "{err}"
    );
    assert!(!target.join("index.html").exists(), "nothing was sent");
}

fn ftps_yaml(ftpd: &servers::Vsftpd, target: &Path) -> String {
    format!(
        "deploy:\n  ftp:\n    type: ftps\n    host: localhost\n    port: {}\n    user: {}\n    path: {}\n    certificate: {}\n",
        ftpd.server.port,
        servers::USER,
        target.display(),
        ftpd.certificate.display()
    )
}

/// The password in `.tablica-secrets.yaml`, private to the user.
fn write_secrets(site: &TestSite) {
    use std::os::unix::fs::PermissionsExt;
    let file = site.root().join(".tablica-secrets.yaml");
    fs::write(&file, format!("ftp:\n  password: {}\n", servers::PASSWORD)).expect("secrets");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).expect("chmod");
}

#[test]
fn ftps_deploy_sends_only_changes() {
    if !servers::available("ftps_deploy_sends_only_changes") {
        return;
    }
    let ftpd = servers::vsftpd();
    let target = servers::user_dir(ftpd.server.dir.path(), "www");
    let site = site(3, &ftps_yaml(&ftpd, &target));
    // Files of many TLS records: a data connection closed with unread TLS 1.3 session
    // tickets lost their end.
    add_post_with(&site, 9, &noise_jpeg(800, 600, 9));
    write_secrets(&site);
    incremental_cycle(&site, &target, &[]);
}

#[test]
fn ftps_server_killed_mid_upload_then_a_rerun_finishes() {
    if !servers::available("ftps_server_killed_mid_upload_then_a_rerun_finishes") {
        return;
    }
    let mut ftpd = servers::vsftpd();
    let target = servers::user_dir(ftpd.server.dir.path(), "www");
    let site = site(40, &ftps_yaml(&ftpd, &target));
    write_secrets(&site);
    site.build_ok();
    let new = built(&site);
    let mut child = site
        .command(&["deploy", "--no-build"])
        .spawn()
        .expect("deploy");
    // Kill the server (and its sessions) once a few files are up.
    // Counted without reading: files are renamed under the walk.
    let count = || {
        walkdir::WalkDir::new(&target)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .count()
    };
    while count() < 10 {
        assert!(
            child.try_wait().expect("wait").is_none(),
            "the deploy ended before the cut"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    ftpd.server.kill();
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(3));
    assert_whole(&target, &BTreeMap::new(), &new);
    assert!(
        !target.join("index.html").exists(),
        "the home page comes last"
    );

    let ftpd = servers::vsftpd();
    site.write(
        "content/site.yaml",
        &format!("{SITE_YAML}{}", ftps_yaml(&ftpd, &target)),
    );
    deploy_ok(&site, &[]);
    assert_same(&target, &site, "after the rerun");
}

#[test]
fn ftps_permission_denied_is_explained_and_the_site_stays_whole() {
    if !servers::available("ftps_permission_denied_is_explained_and_the_site_stays_whole") {
        return;
    }
    let ftpd = servers::vsftpd();
    let target = servers::user_dir(ftpd.server.dir.path(), "www");
    let site = site(2, &ftps_yaml(&ftpd, &target));
    write_secrets(&site);
    deploy_ok(&site, &[]);
    let before = snapshot(&target);
    servers::chmod_all(&target, "a-w");
    edit_post(&site, 0);
    let err = deploy_err(&site, &[]);
    assert!(err.contains("deploy target `ftp`: cannot write"), "{err}");
    assert!(err.contains("may not write in that folder"), "{err}");
    common::assert_same_files(&target, &before, "a refused deploy");
}
