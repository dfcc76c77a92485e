//! Photos end to end: orientation, metadata stripped, cache, alt texts, consent, limits.

mod common;

use std::path::PathBuf;

use common::*;

fn gallery_site(site_yaml_extra: &str, gallery: &str) -> TestSite {
    let site = TestSite::with_config(&format!("{SITE_YAML}{site_yaml_extra}"));
    festyn(&site, gallery);
    site
}

/// The bundle `content/posts/festyn/` with the given photo front matter.
fn festyn(site: &TestSite, gallery: &str) {
    site.write(
        "content/posts/festyn/index.md",
        &format!("---\ntitle: Festyn\ndate: 2026-06-01\n{gallery}\n---\nTekst.\n"),
    );
}

/// A site built once with a plain post, then given the bundle of [`gallery_site`]: to check
/// that a rejected photo leaves `public/` as it was ([`assert_rejected`]).
fn built_then_gallery(site_yaml_extra: &str, gallery: &str) -> TestSite {
    let site = TestSite::with_config(&format!("{SITE_YAML}{site_yaml_extra}"));
    site.post("dobry", "title: Dobry wpis\ndate: 2026-01-01", "Tekst.");
    site.build_ok();
    festyn(&site, gallery);
    site
}

fn output_jpegs(site: &TestSite, dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(site.public().join(dir))
        .expect("output dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
        .collect();
    files.sort();
    files
}

const ONE_PHOTO: &str =
    "gallery:\n  - src: zdjecie.jpg\n    alt: Mieszkańcy przy stołach na festynie";

#[test]
fn orientation_is_applied_and_metadata_removed() {
    let site = gallery_site("", ONE_PHOTO);
    let original = jpeg(Some(6), true);
    assert!(contains(&original, b"Exif"), "fixture carries EXIF");
    site.write_bytes("content/posts/festyn/zdjecie.jpg", &original);
    site.build_ok();
    let files = output_jpegs(&site, "aktualnosci/festyn");
    assert!(files.len() >= 2, "a copy and a thumbnail: {files:?}");
    for f in &files {
        let bytes = std::fs::read(f).expect("read");
        assert!(!contains(&bytes, b"Exif"), "{} keeps EXIF", f.display());
        assert!(
            !contains(&bytes, &[0x88, 0x25]) || !contains(&bytes, b"N\x00\x00\x00"),
            "{} keeps GPS",
            f.display()
        );
        let img = image::open(f).expect("decode").to_rgb8();
        assert!(
            img.height() > img.width(),
            "{} not rotated: {}x{}",
            f.display(),
            img.width(),
            img.height()
        );
        // Rotated 90° clockwise: the red left half is now on top.
        let top = img.get_pixel(img.width() / 2, 2).0;
        let bottom = img.get_pixel(img.width() / 2, img.height() - 3).0;
        assert!(top[0] > 150 && top[2] < 100, "top should be red: {top:?}");
        assert!(
            bottom[2] > 150 && bottom[0] < 100,
            "bottom should be blue: {bottom:?}"
        );
    }
    let html = site.read("aktualnosci/festyn/index.html");
    assert!(html.contains("srcset="), "responsive copies");
    assert!(
        html.contains("data-width=\"400\" data-height=\"800\""),
        "dimensions after rotation"
    );
    assert!(html.contains("loading=\"lazy\""));
    assert!(html.contains("alt=\"Mieszkańcy przy stołach na festynie\""));
    assert!(
        html.contains("1 zdjęcie"),
        "Polish plural of the photo count"
    );
    assert!(
        !site
            .public()
            .join("aktualnosci/festyn/zdjecie.jpg")
            .exists(),
        "original not published"
    );
}

/// The lightbox shows the large photo as the page does: its WebP copies first. The gallery's
/// link hands them to lightbox.js, which puts them in a `<picture>`; tests/browser/keyboard.test.js
/// checks that Chromium then loads a WebP copy.
#[test]
fn the_lightbox_is_given_the_webp_copies_of_each_photo() {
    let site = gallery_site("", ONE_PHOTO);
    site.write_bytes("content/posts/festyn/zdjecie.jpg", &jpeg(None, false));
    site.build_ok();
    let html = site.read("aktualnosci/festyn/index.html");
    let doc = scraper::Html::parse_document(&html);
    let selector = scraper::Selector::parse("a[data-lightbox]").expect("selector");
    let link = doc
        .select(&selector)
        .next()
        .unwrap_or_else(|| panic!("{html}"));
    let attr = |name| link.value().attr(name).unwrap_or_default().to_string();
    let (jpeg_srcset, webp_srcset) = (attr("data-srcset"), attr("data-webp-srcset"));
    assert!(jpeg_srcset.contains(".jpg "), "{html}");
    assert_eq!(webp_srcset.replace(".webp", ".jpg"), jpeg_srcset, "{html}");
    assert!(!webp_copies(&site, &webp_srcset).is_empty());
    let script = site.read("assets/js/lightbox.js");
    assert!(script.contains("data-webp-srcset"), "{script}");
}

#[test]
fn rebuild_uses_the_cache_and_a_changed_photo_is_reencoded() {
    let site = gallery_site("", ONE_PHOTO);
    site.write_bytes("content/posts/festyn/zdjecie.jpg", &jpeg(None, false));
    let first = stdout(&site.build_ok());
    assert!(
        first.contains("1 photo (1 processed, 0 from cache)"),
        "{first}"
    );
    // --force: with nothing changed, a plain build would stop before the photos.
    let second = stdout(&site.run(&["build", "--force"]));
    assert!(second.contains("(0 processed, 1 from cache)"), "{second}");

    // Output copies are the cache's files (hard links), not new encodes.
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let out = &output_jpegs(&site, "aktualnosci/festyn")[0];
        assert!(
            std::fs::metadata(out).expect("meta").nlink() >= 2,
            "hard-linked from the cache"
        );
    }

    site.write_bytes("content/posts/festyn/zdjecie.jpg", &jpeg(Some(3), false));
    let third = stdout(&site.build_ok());
    assert!(third.contains("(1 processed, 0 from cache)"), "{third}");
    let entries = std::fs::read_dir(site.root().join(".tablica-cache/images"))
        .expect("cache")
        .count();
    assert_eq!(entries, 1, "the old photo's cache entry was pruned");
}

#[test]
fn a_running_preview_follows_changed_image_settings() {
    let site = gallery_site("images:\n  widths: [400]\n", ONE_PHOTO);
    site.write_bytes("content/posts/festyn/zdjecie.jpg", &jpeg(None, false));
    let (mut builder, output) = site.in_place_builder();
    let first = builder.build().expect("first build");
    assert_eq!(first.photos_encoded, 1);
    let page =
        || std::fs::read_to_string(output.join("aktualnosci/festyn/index.html")).expect("page");
    assert!(page().contains(" 400w"), "{}", page());

    site.write(
        "content/site.yaml",
        &format!("{SITE_YAML}images:\n  widths: [600]\n"),
    );
    let second = builder.build().expect("second build");
    assert_eq!(second.photos_encoded, 1, "encoded again at the new width");
    assert!(page().contains(" 600w"), "{}", page());
    assert!(!page().contains(" 400w"), "{}", page());
}

#[test]
fn bad_alt_texts_are_rejected_with_file_line_and_field() {
    let site = gallery_site(
        "",
        "gallery:\n  - { src: a.jpg, alt: IMG_2041.jpg }\n  - { src: b.jpg, alt: Bez tytułu1 }\n  - { src: c.jpg }\n  - { src: d.jpg, alt: zdjęcie }\n  - { src: e.jpg, decorative: true }",
    );
    for name in ["a", "b", "c", "d", "e"] {
        site.write_bytes(
            &format!("content/posts/festyn/{name}.jpg"),
            &jpeg(None, false),
        );
    }
    let err = site.build_err();
    assert!(
        err.contains("content/posts/festyn/index.md:5: field `gallery[0].alt`"),
        "{err}"
    );
    assert!(err.contains("file name"), "{err}");
    assert!(err.contains("index.md:6: field `gallery[1].alt`"), "{err}");
    assert!(err.contains("index.md:7: field `gallery[2].alt`"), "{err}");
    assert!(err.contains("gallery[3].alt"), "{err}");
    assert!(
        !err.contains("gallery[4]"),
        "decorative photos need no alt: {err}"
    );
    assert_eq!(count(&err, "error:"), 4, "{err}");
}

#[test]
fn people_without_consent_are_refused_when_the_site_requires_it() {
    let gallery = "gallery:\n  - { src: a.jpg, alt: Dzieci przy stole z farbami, people: true }";
    let strict = gallery_site("images:\n  require_consent: true\n", gallery);
    strict.write_bytes("content/posts/festyn/a.jpg", &jpeg(None, false));
    let err = strict.build_err();
    assert!(err.contains("gallery[0].consent"), "{err}");
    let relaxed = gallery_site("", gallery);
    relaxed.write_bytes("content/posts/festyn/a.jpg", &jpeg(None, false));
    relaxed.build_ok();
}

#[test]
fn a_child_needs_a_guardians_consent_on_every_site() {
    // Without `require_consent`, in front matter and in a gallery folder's alt.yaml alike.
    let child = "gallery:\n  - { src: a.jpg, alt: Chłopiec maluje farbami, people: true, consent: true, child: true }";
    let site = gallery_site("", child);
    site.write_bytes("content/posts/festyn/a.jpg", &jpeg(None, false));
    let err = site.build_err();
    assert!(
        err.contains("content/posts/festyn/index.md:5: field `gallery[0].guardian_consent`"),
        "{err}"
    );
    assert!(err.contains("parent or guardian"), "{err}");
    assert!(!site.exists("index.html"), "nothing published");

    let folder = gallery_site("", "gallery: { dir: zdjecia }");
    folder.write_bytes("content/posts/festyn/zdjecia/a.jpg", &jpeg(None, false));
    folder.write(
        "content/posts/festyn/zdjecia/alt.yaml",
        "a.jpg: { alt: Chłopiec maluje farbami, child: true }\n",
    );
    let err = folder.build_err();
    assert!(err.contains("guardian_consent"), "{err}");
    folder.write(
        "content/posts/festyn/zdjecia/alt.yaml",
        "a.jpg: { alt: Chłopiec maluje farbami, child: true, guardian_consent: true }\n",
    );
    folder.build_ok();

    let consented = gallery_site(
        "",
        &child.replace("child: true", "child: true, guardian_consent: true"),
    );
    consented.write_bytes("content/posts/festyn/a.jpg", &jpeg(None, false));
    consented.build_ok();
    assert!(consented
        .read("aktualnosci/festyn/index.html")
        .contains("Chłopiec maluje farbami"));
}

#[test]
fn a_caption_naming_a_client_of_the_centre_is_a_warning() {
    let site = gallery_site(
        "",
        "gallery:\n  - { src: a.jpg, alt: Kobieta przy stole z paczkami, caption: \"Pani Anna Nowak, podopieczna ośrodka, odbiera paczkę\" }\n  - { src: b.jpg, alt: Wolontariusze układają paczki dla osób korzystających z pomocy społecznej }",
    );
    site.write_bytes("content/posts/festyn/a.jpg", &jpeg(None, false));
    site.write_bytes("content/posts/festyn/b.jpg", &jpeg(None, false));
    let out = site.build_ok();
    let report = stderr(&out);
    let warning = report
        .lines()
        .find(|l| l.contains("gallery[0].caption"))
        .unwrap_or_else(|| panic!("no warning for the caption:\n{report}"));
    assert!(
        warning.starts_with("warning: content/posts/festyn/index.md:5:"),
        "{warning}"
    );
    assert!(warning.contains("social assistance"), "{warning}");
    assert!(report.contains("art. 100"), "{report}");
    assert!(
        !report.contains("gallery[1]"),
        "nobody named in the second photo:\n{report}"
    );
    assert!(
        site.exists("aktualnosci/festyn/index.html"),
        "a warning, the site is built"
    );
}

#[test]
fn corrupt_and_oversized_photos_are_reported() {
    let site = built_then_gallery(
        "",
        "gallery:\n  - { src: zepsute.jpg, alt: Scena podczas festynu }",
    );
    site.write_bytes(
        "content/posts/festyn/zepsute.jpg",
        &jpeg(None, false)[..300],
    );
    assert_rejected(
        &site,
        &["content/posts/festyn/zepsute.jpg", "cut off (truncated)"],
    );

    let skip = gallery_site(
        "images:\n  on_error: skip\n",
        "gallery:\n  - { src: zepsute.jpg, alt: Scena podczas festynu }\n  - { src: dobre.jpg, alt: Dzieci przy stoisku z ciastami }",
    );
    skip.write_bytes("content/posts/festyn/zepsute.jpg", b"not a jpeg at all");
    skip.write_bytes(
        "content/posts/festyn/dobre.jpg",
        &gradient_jpeg(600, 400, 5),
    );
    let out = skip.build_ok();
    assert!(
        stderr(&out).contains("warning: content/posts/festyn/zepsute.jpg"),
        "{}",
        stderr(&out)
    );
    // The broken photo is left out; the good one is published.
    let published: Vec<String> = snapshot(&skip.public())
        .into_keys()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert!(
        published.iter().any(|p| p.contains("dobre-")),
        "{published:?}"
    );
    assert!(
        !published.iter().any(|p| p.contains("zepsute")),
        "{published:?}"
    );
    let page = skip.read("aktualnosci/festyn/index.html");
    let alts: Vec<String> = scraper::Html::parse_document(&page)
        .select(&scraper::Selector::parse("main img").expect("selector"))
        .filter_map(|img| img.value().attr("alt").map(String::from))
        .collect();
    assert_eq!(alts, ["Dzieci przy stoisku z ciastami"], "{page}");

    let limited = built_then_gallery("images:\n  max_pixels: 100000\n", ONE_PHOTO);
    limited.write_bytes("content/posts/festyn/zdjecie.jpg", &jpeg(None, false));
    assert_rejected(&limited, &["too large: 800 × 400"]);
}

#[test]
fn photo_paths_cannot_leave_the_site() {
    let site = built_then_gallery(
        "",
        "cover: { src: ../../../etc/passwd.jpg, alt: Coś spoza strony }",
    );
    assert_rejected(&site, &["field `cover.src`", "leads out"]);

    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().expect("tmp");
        std::fs::write(outside.path().join("tajne.jpg"), jpeg(None, true)).expect("write");
        let linked = built_then_gallery("", "cover: { src: tajne.jpg, alt: Zdjęcie spoza strony }");
        std::os::unix::fs::symlink(
            outside.path().join("tajne.jpg"),
            linked.root().join("content/posts/festyn/tajne.jpg"),
        )
        .expect("symlink");
        assert_rejected(&linked, &["outside the site"]);
    }
}

#[test]
fn a_folder_gallery_takes_alt_texts_from_its_sidecar() {
    let site = gallery_site("", "gallery: { dir: zdjecia }");
    site.write_bytes("content/posts/festyn/zdjecia/2.jpg", &jpeg(None, false));
    site.write_bytes("content/posts/festyn/zdjecia/1.jpg", &jpeg(Some(8), false));
    site.write("content/posts/festyn/zdjecia/alt.yaml", "1.jpg: Scena z koncertem zespołu\n2.jpg: { alt: Stoisko z ciastami, caption: Ciasta upiekły seniorki }\n");
    site.build_ok();
    let html = site.read("aktualnosci/festyn/index.html");
    let first = html.find("Scena z koncertem zespołu").expect("first photo");
    let second = html.find("Stoisko z ciastami").expect("second photo");
    assert!(first < second, "name order");
    assert!(html.contains("Ciasta upiekły seniorki"));
    assert!(html.contains("2 zdjęcia"));

    std::fs::remove_file(site.root().join("content/posts/festyn/zdjecia/alt.yaml")).expect("rm");
    let err = site.build_err();
    assert!(
        err.contains("zdjecia/alt.yaml") && err.contains("`1.jpg` has no alt text"),
        "{err}"
    );
}

/// Personal data hidden in the metadata of the photos of
/// [`no_metadata_of_any_kind_survives`]; none may reach the published files.
const PERSONAL: [&str; 6] = [
    "Jan Kowalski",
    "PESEL 85010112345",
    "ul. Lipowa 5, Testowo",
    "52.229676",
    "Anna Nowak",
    "Profil aparatu Kowalskiego",
];

/// A TIFF (EXIF) block with an Artist tag of `artist`.
fn exif_with_artist(artist: &str) -> Vec<u8> {
    let mut tiff = b"MM\x00\x2a\x00\x00\x00\x08\x00\x01".to_vec();
    tiff.extend_from_slice(&0x013Bu16.to_be_bytes()); // Artist
    tiff.extend_from_slice(&2u16.to_be_bytes()); // ASCII
    tiff.extend_from_slice(&(artist.len() as u32 + 1).to_be_bytes());
    tiff.extend_from_slice(&26u32.to_be_bytes()); // the text, right after this IFD
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    tiff.extend_from_slice(artist.as_bytes());
    tiff.push(0);
    tiff
}

/// An ICC profile (header and one `desc` tag) whose description names a person.
fn icc_profile(description: &str) -> Vec<u8> {
    let mut desc = b"desc\x00\x00\x00\x00".to_vec();
    desc.extend_from_slice(&(description.len() as u32 + 1).to_be_bytes());
    desc.extend_from_slice(description.as_bytes());
    desc.push(0);
    let size = 128 + 4 + 12 + desc.len();
    let mut icc = vec![0u8; 128];
    icc[..4].copy_from_slice(&(size as u32).to_be_bytes());
    icc[12..16].copy_from_slice(b"mntr");
    icc[16..20].copy_from_slice(b"RGB ");
    icc[20..24].copy_from_slice(b"XYZ ");
    icc[36..40].copy_from_slice(b"acsp");
    icc.extend_from_slice(&1u32.to_be_bytes());
    icc.extend_from_slice(b"desc");
    icc.extend_from_slice(&(128 + 4 + 12u32).to_be_bytes());
    icc.extend_from_slice(&(desc.len() as u32).to_be_bytes());
    icc.extend_from_slice(&desc);
    icc
}

/// An XMP packet naming the author and the place.
fn xmp() -> String {
    format!(
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" dc:creator=\"{}\" exif:GPSLatitude=\"{}\"/></rdf:RDF></x:xmpmeta>",
        PERSONAL[0], PERSONAL[3]
    )
}

/// `data` as a zlib stream of one stored (uncompressed) block, as PNG's zTXt and iCCP want.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01, 0x01];
    let len = data.len() as u16;
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&(!len).to_le_bytes());
    out.extend_from_slice(data);
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65521;
        b = (b + a) % 65521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

/// A PNG with text chunks of every kind (tEXt, zTXt, iTXt with XMP), EXIF (eXIf) and an ICC
/// profile (iCCP), all with personal data.
fn png_with_metadata() -> Vec<u8> {
    let mut plain = Vec::new();
    image::RgbImage::from_pixel(600, 400, image::Rgb([30, 140, 60]))
        .write_to(
            &mut std::io::Cursor::new(&mut plain),
            image::ImageFormat::Png,
        )
        .expect("encode PNG");
    let text = |keyword: &str, rest: &[u8]| [keyword.as_bytes(), &[0], rest].concat();
    let chunks = [
        png_chunk(
            b"iCCP",
            &text(
                "Kowalski",
                &[&[0][..], &zlib_stored(&icc_profile(PERSONAL[5]))].concat(),
            ),
        ),
        png_chunk(b"tEXt", &text("Author", PERSONAL[0].as_bytes())),
        png_chunk(
            b"zTXt",
            &text(
                "Comment",
                &[&[0][..], &zlib_stored(PERSONAL[1].as_bytes())].concat(),
            ),
        ),
        png_chunk(
            b"iTXt",
            &text(
                "XML:com.adobe.xmp",
                &[&[0, 0, 0, 0][..], xmp().as_bytes()].concat(),
            ),
        ),
        png_chunk(
            b"iTXt",
            &text(
                "Location",
                &[&[0, 0, 0, 0][..], PERSONAL[2].as_bytes()].concat(),
            ),
        ),
        png_chunk(b"eXIf", &exif_with_artist(PERSONAL[4])),
    ];
    // After the signature (8 bytes) and IHDR (25 bytes), before the image data.
    [&plain[..33], &chunks.concat(), &plain[33..]].concat()
}

/// A JPEG segment: marker, length and data.
fn jpeg_segment(marker: u8, data: &[u8]) -> Vec<u8> {
    let mut segment = vec![0xFF, marker];
    segment.extend_from_slice(&(data.len() as u16 + 2).to_be_bytes());
    segment.extend_from_slice(data);
    segment
}

/// A JPEG with XMP (APP1), an ICC profile (APP2), EXIF (APP1) and a comment (COM).
fn jpeg_with_metadata() -> Vec<u8> {
    let plain = gradient_jpeg(600, 400, 7);
    let segments = [
        jpeg_segment(
            0xE1,
            &[b"Exif\x00\x00", &exif_with_artist(PERSONAL[4])[..]].concat(),
        ),
        jpeg_segment(
            0xE1,
            &[b"http://ns.adobe.com/xap/1.0/\x00", xmp().as_bytes()].concat(),
        ),
        jpeg_segment(
            0xE2,
            &[&b"ICC_PROFILE\x00\x01\x01"[..], &icc_profile(PERSONAL[5])].concat(),
        ),
        jpeg_segment(0xFE, PERSONAL[1].as_bytes()),
    ];
    [&plain[..2], &segments.concat(), &plain[2..]].concat()
}

/// A RIFF chunk, padded to an even length.
fn riff_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut chunk = kind.to_vec();
    chunk.extend_from_slice(&(data.len() as u32).to_le_bytes());
    chunk.extend_from_slice(data);
    if data.len() % 2 == 1 {
        chunk.push(0);
    }
    chunk
}

/// An extended WebP (VP8X) with an ICC profile, EXIF and XMP chunks.
fn webp_with_metadata() -> Vec<u8> {
    let (w, h) = (600u32, 400u32);
    let mut plain = Vec::new();
    image::RgbImage::from_pixel(w, h, image::Rgb([200, 120, 30]))
        .write_to(
            &mut std::io::Cursor::new(&mut plain),
            image::ImageFormat::WebP,
        )
        .expect("encode WebP");
    // "RIFF", size, "WEBP", then the image chunk (VP8L).
    let image_chunk = &plain[12..];
    let mut vp8x = vec![0x20 | 0x08 | 0x04, 0, 0, 0]; // ICC, EXIF and XMP present
    vp8x.extend_from_slice(&(w - 1).to_le_bytes()[..3]);
    vp8x.extend_from_slice(&(h - 1).to_le_bytes()[..3]);
    let body = [
        &b"WEBP"[..],
        &riff_chunk(b"VP8X", &vp8x),
        &riff_chunk(b"ICCP", &icc_profile(PERSONAL[5])),
        image_chunk,
        &riff_chunk(b"EXIF", &exif_with_artist(PERSONAL[4])),
        &riff_chunk(b"XMP ", xmp().as_bytes()),
    ]
    .concat();
    [&b"RIFF"[..], &(body.len() as u32).to_le_bytes(), &body].concat()
}

#[test]
fn no_metadata_of_any_kind_survives() {
    let site = gallery_site(
        "",
        "gallery:\n  - src: ekran.png\n    alt: Plakat festynu na ekranie\n  - src: aparat.jpg\n    alt: Stoisko z ciastami\n  - src: telefon.webp\n    alt: Dzieci przy malowaniu twarzy",
    );
    let inputs = [
        ("ekran.png", png_with_metadata()),
        ("aparat.jpg", jpeg_with_metadata()),
        ("telefon.webp", webp_with_metadata()),
    ];
    for (name, bytes) in &inputs {
        image::load_from_memory(bytes).unwrap_or_else(|e| panic!("{name} decodes: {e}"));
        let personal = PERSONAL
            .iter()
            .filter(|p| contains(bytes, p.as_bytes()))
            .count();
        assert!(personal >= 4, "{name} carries the personal data");
        site.write_bytes(&format!("content/posts/festyn/{name}"), bytes);
    }
    site.build_ok();
    let published = snapshot(&site.public());
    let photos = published
        .keys()
        .filter(|p| {
            p.starts_with("aktualnosci/festyn") && p.extension().is_some_and(|e| e == "jpg")
        })
        .count();
    assert!(
        photos >= 6,
        "a copy and a thumbnail of each photo: {photos}"
    );
    for (path, bytes) in &published {
        for p in PERSONAL {
            assert!(
                !contains(bytes, p.as_bytes()),
                "{} keeps {p:?}",
                path.display()
            );
        }
        for marker in [
            &b"Exif\x00"[..],
            b"ICC_PROFILE",
            b"http://ns.adobe.com/xap",
            b"adobe:ns:meta",
        ] {
            assert!(
                !contains(bytes, marker),
                "{} keeps {}",
                path.display(),
                String::from_utf8_lossy(marker)
            );
        }
    }
}
