//! Tests of the atomic output: the swap, the list of files, the spare written over.

use super::*;

/// A temporary site folder and its output folder `public/` (not created).
fn site_and_target() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    fs::create_dir_all(&site).expect("mkdir");
    let target = site.join("public");
    (tmp, site, target)
}

#[test]
fn commit_replaces_the_target_and_drop_keeps_it() {
    let (_tmp, site, target) = site_and_target();

    let s = Staging::new(&target, &site, false).expect("staging");
    s.write(Path::new("index.html"), b"one").expect("write");
    s.commit().expect("commit").removal.wait();
    assert_eq!(fs::read(target.join("index.html")).expect("read"), b"one");

    // A build that fails (staging dropped) leaves the previous output.
    let s = Staging::new(&target, &site, false).expect("staging");
    s.write(Path::new("index.html"), b"broken").expect("write");
    drop(s);
    assert_eq!(fs::read(target.join("index.html")).expect("read"), b"one");

    let s = Staging::new(&target, &site, false).expect("staging");
    s.write(Path::new("new.html"), b"two").expect("write");
    s.commit().expect("commit").removal.wait();
    assert!(!target.join("index.html").exists());
    assert_eq!(fs::read(target.join("new.html")).expect("read"), b"two");
    let mut leftovers: Vec<_> = fs::read_dir(&site)
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    leftovers.sort();
    // On Linux the first output is kept in the cache folder, for the next build to write over.
    let kept = usize::from(!cfg!(target_os = "linux"));
    assert_eq!(leftovers, [".tablica-cache", "public"][kept..]);
}

#[cfg(target_os = "linux")]
#[test]
fn the_output_before_last_is_written_over_and_keeps_only_what_the_build_wrote() {
    let (_tmp, site, target) = site_and_target();
    let build = |files: &[&str]| {
        let s = Staging::new(&target, &site, false).expect("staging");
        for f in files {
            s.write(Path::new(f), f.as_bytes()).expect("write");
        }
        let recycled = s.recycled();
        s.keep(&[PathBuf::from("photo.jpg")]);
        s.commit().expect("commit").removal.wait();
        recycled
    };
    let spare = spare::of_site(&site);
    assert!(
        !build(&["a.html", "old/index.html"]),
        "nothing to write over"
    );
    assert!(!build(&["b.html"]), "the first output becomes the spare");
    assert!(spare.join("old/index.html").exists());
    fs::write(spare.join("photo.jpg"), "placed by the build").expect("write");
    assert!(
        build(&["a.html", "c/index.html"]),
        "the spare is written over"
    );
    let mut files: Vec<_> = files_in(&target).collect();
    files.sort();
    assert_eq!(files, [MARKER, "a.html", "c/index.html", "photo.jpg"]);
    assert!(!target.join("old").exists(), "emptied folders go too");
    assert_eq!(fs::read(target.join("a.html")).expect("read"), b"a.html");
    assert!(
        spare.join("b.html").exists(),
        "and the last output is the spare"
    );
}

#[test]
fn commit_lists_the_files_and_hashes_the_output_as_it_is_after_the_swap() {
    let (_tmp, site, target) = site_and_target();
    fs::create_dir_all(&target).expect("mkdir");
    fs::write(target.join(MARKER), MARKER_HEADER).expect("an earlier, empty output");

    let s = Staging::new(&target, &site, false).expect("staging");
    s.write(Path::new("index.html"), b"home").expect("write");
    s.write(Path::new("aktualnosci/pierwszy/index.html"), b"post")
        .expect("write");
    let committed = s.commit().expect("commit");
    committed.removal.wait();
    assert_eq!(committed.hash, output_hash(&target));
    let manifest = fs::read_to_string(target.join(MARKER)).expect("manifest");
    let listed: Vec<&str> = manifest.lines().skip(1).collect();
    assert_eq!(listed, ["aktualnosci/pierwszy/index.html", "index.html"]);

    // A file changed afterwards changes the hash.
    fs::write(target.join("index.html"), b"changed by hand").expect("write");
    assert_ne!(committed.hash, output_hash(&target));
}

#[test]
fn refuses_to_replace_the_site() {
    let tmp = tempfile::tempdir().expect("tempdir");
    fs::create_dir_all(tmp.path().join("content")).expect("mkdir");
    fs::write(tmp.path().join("content/site.yaml"), "title: x").expect("write");
    assert!(matches!(
        Staging::new(tmp.path(), tmp.path(), true),
        Err(OutputError::UnsafeTarget { .. })
    ));
    assert!(matches!(
        Staging::new(tmp.path().parent().expect("parent"), tmp.path(), true),
        Err(OutputError::UnsafeTarget { .. })
    ));
}

#[cfg(target_os = "linux")]
#[test]
fn an_output_on_another_disk_than_the_site_keeps_no_spare() {
    // /dev/shm is a memory file system, the temporary folder is not (where it is, skip).
    let (Ok(elsewhere), (_tmp, site, _)) = (tempfile::tempdir_in("/dev/shm"), site_and_target())
    else {
        eprintln!("skipped: no /dev/shm");
        return;
    };
    let same_disk = |a: &Path, b: &Path| {
        use std::os::unix::fs::MetadataExt;
        let dev = |p: &Path| fs::metadata(p).map(|m| m.dev()).ok();
        dev(a) == dev(b)
    };
    if same_disk(elsewhere.path(), &site) {
        eprintln!("skipped: /dev/shm is on the same disk as the temporary folder");
        return;
    }
    let target = elsewhere.path().join("public");
    for page in ["a.html", "b.html"] {
        let s = Staging::new(&target, &site, false).expect("staging");
        s.write(Path::new(page), b"page").expect("write");
        s.commit().expect("commit").removal.wait();
    }
    assert!(!spare::of_site(&site).exists(), "deleted, not kept");
    assert_eq!(files_in(&target).collect::<Vec<_>>(), [MARKER, "b.html"]);

    // A spare left from an output on the site's disk is deleted by a build that cannot use it.
    let spare = spare::of_site(&site);
    fs::create_dir_all(&spare).expect("mkdir");
    fs::write(spare.join(MARKER), "").expect("write");
    let s = Staging::new(&target, &site, false).expect("staging");
    assert!(!s.recycled() && !spare.exists());
}
