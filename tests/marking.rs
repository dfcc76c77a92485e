//! The marking of funded projects, on real built sites: the EU's (built-in emblem with its
//! words, a programme's strip from the project's folder or the site, 2014–2020 wording) and the
//! state budget's, on the project's page and its posts' pages; and the errors that name file,
//! line and field (in Polish for a Polish site).

mod common;

use common::{assert_rejected, built_site, count, stderr, texts, TestSite};

fn png(w: u32, h: u32) -> Vec<u8> {
    common::solid_png(w, h, [250, 250, 250])
}

const EU: &str = "title: Aktywni\nstatus: ongoing\nfunding:\n  programme: FEM 2021–2027\n  fund: Europejski Fundusz Społeczny Plus\n  eu_contribution: 100\n  total_value: 200";

fn marking(html: &str) -> String {
    let start = html.find(r#"<div class="marking">"#).expect("a marking");
    let end = html[start..].find("\n</div>").expect("its end") + start;
    html[start..end].to_string()
}

#[test]
fn an_eu_project_and_its_posts_show_the_emblem_with_its_words_first() {
    let site = TestSite::new();
    site.project(
        "aktywni",
        &format!("{EU}\n  project_number: FEMA.07.08-IP.01-0001/24\n  beneficiary: MOPS Testowo\n  hashtag: true"),
        "Opis.",
    )
    .post("spotkanie", "title: Spotkanie\ndate: 2026-01-01\nproject: aktywni", "Tekst.")
    .post("inny", "title: Inny\ndate: 2026-01-02", "Tekst.");
    site.build_ok();
    for page in [
        "projekty/aktywni/index.html",
        "aktualnosci/spotkanie/index.html",
    ] {
        let html = site.read(page);
        let m = marking(&html);
        assert!(
            m.contains(r#"<img class="marking__flag" src="/assets/img/eu-emblem.svg" alt="Znak Unii Europejskiej""#),
            "{page}: {m}"
        );
        assert!(m.contains("Dofinansowane przez Unię Europejską"), "{m}");
        assert!(
            m.contains("Numer projektu: FEMA.07.08-IP.01-0001/24"),
            "{m}"
        );
        assert!(m.contains("Beneficjent: MOPS Testowo"), "{m}");
        assert!(m.contains("#FunduszeUE"), "{m}");
        // Before the title: the first thing of the page's content.
        assert!(html.find("marking").expect("m") < html.find("<h1").expect("h1"));
    }
    assert!(!site
        .read("aktualnosci/inny/index.html")
        .contains("class=\"marking"));
    assert!(site.exists("assets/img/eu-emblem.svg"));
}

#[test]
fn a_2014_2020_project_keeps_that_periods_wording_and_needs_its_fund() {
    let site = TestSite::new();
    site.project(
        "stary",
        "title: Stary\nstatus: finished\nfunding:\n  period: 2014-2020\n  fund: Europejski Fundusz Społeczny\n  eu_contribution: 100",
        "Opis.",
    )
    .project(
        "wlasne",
        "title: Własne\nstatus: ongoing\nfunding:\n  eu_contribution: 100\n  wording: Sfinansowane przez Unię Europejską",
        "Opis.",
    );
    site.build_ok();
    let m = marking(&site.read("projekty/stary/index.html"));
    assert!(
        m.contains("Unia Europejska<br>Europejski Fundusz Społeczny"),
        "{m}"
    );
    assert!(!m.contains("Dofinansowane"), "{m}");
    let m = marking(&site.read("projekty/wlasne/index.html"));
    assert!(m.contains(">Sfinansowane przez Unię Europejską<"), "{m}");

    let site = built_site();
    site.project(
        "bez-funduszu",
        "title: Bez funduszu\nstatus: finished\nfunding:\n  period: 2014-2020\n  eu_contribution: 100",
        "Opis.",
    );
    assert_rejected(
        &site,
        &["content/projects/bez-funduszu.md:4: field `funding.fund`: a 2014–2020 project names its fund"],
    );
}

#[test]
fn a_programmes_strip_is_published_as_png_with_an_alt_text_naming_every_sign() {
    let site = TestSite::new();
    site.write_bytes("content/projects/aktywni/pasek-FE.png", &png(800, 100));
    site.write(
        "content/projects/aktywni/index.md",
        &format!("---\n{EU}\n  strip:\n    src: pasek-FE.png\n    signs: [Znak Funduszy Europejskich, Barwy RP, Znak Unii Europejskiej]\n---\nOpis.\n"),
    );
    site.build_ok();
    let html = site.read("projekty/aktywni/index.html");
    let m = marking(&html);
    assert!(
        m.contains(r#"<img class="marking__strip" src="/projekty/aktywni/pasek-fe.png" alt="Znak Funduszy Europejskich, Barwy RP, Znak Unii Europejskiej" width="800" height="100">"#),
        "{m}"
    );
    assert!(
        !m.contains("eu-emblem.svg"),
        "the strip replaces the built-in emblem: {m}"
    );
    let written =
        std::fs::read(site.public().join("projekty/aktywni/pasek-fe.png")).expect("the strip");
    let decoded = image::load_from_memory(&written).expect("a picture");
    assert_eq!((decoded.width(), decoded.height()), (800, 100));
}

#[test]
fn a_site_wide_strip_marks_every_current_eu_project_without_its_own() {
    let site = TestSite::with_config(&format!(
        "{}marking:\n  eu_strip: {{ src: znaki/pasek.png, signs: [Znak FE, Flaga UE] }}\n",
        common::SITE_YAML
    ));
    site.write_bytes("content/znaki/pasek.png", &png(600, 80));
    site.project("aktywni", EU, "Opis.").project(
        "stary",
        "title: Stary\nstatus: finished\nfunding:\n  period: 2014-2020\n  fund: EFS\n  eu_contribution: 1",
        "Opis.",
    );
    site.build_ok();
    let m = marking(&site.read("projekty/aktywni/index.html"));
    assert!(
        m.contains(r#"src="/assets/marking/pasek.png" alt="Znak FE, Flaga UE""#),
        "{m}"
    );
    assert!(site.exists("assets/marking/pasek.png"));
    // The site's strip is the current period's; a 2014–2020 project keeps the emblem.
    let m = marking(&site.read("projekty/stary/index.html"));
    assert!(m.contains("eu-emblem.svg"), "{m}");
}

#[test]
fn broken_strips_are_refused_naming_the_field_and_what_to_do() {
    let cases: [(&str, Option<&[u8]>, &str); 4] = [
        (
            "signs: [a, b, c, Znak UE, e]",
            Some(&[]),
            "field `funding.strip`: the strip has 5 signs; at most 4 are allowed",
        ),
        (
            "signs: [Znak FE, Barwy RP]",
            Some(&[]),
            "field `funding.strip`: no sign of the strip is the EU emblem",
        ),
        (
            "signs: [Znak UE]",
            None,
            "field `funding.strip`: the image of signs `pasek.png`",
        ),
        (
            "signs: [Znak UE]",
            Some(b"<svg onload=alert(1)>"),
            "field `funding.strip`: the image of signs cannot be read",
        ),
    ];
    for (signs, file, expected) in cases {
        let site = built_site();
        if let Some(bytes) = file {
            let bytes = if bytes.is_empty() {
                png(10, 10)
            } else {
                bytes.to_vec()
            };
            site.write_bytes("content/projects/zly/pasek.png", &bytes);
        }
        site.write(
            "content/projects/zly/index.md",
            &format!("---\n{EU}\n  strip:\n    src: pasek.png\n    {signs}\n---\nOpis.\n"),
        );
        let err = assert_rejected(&site, &["content/projects/zly/index.md:9: ", expected]);
        assert!(!err.contains("onload"), "{err}");
    }
}

#[test]
fn the_state_budgets_marking_names_programme_amount_and_total_with_the_sites_signs() {
    let site = TestSite::with_config(&format!(
        "{}marking:\n  state_signs: {{ src: znaki/flaga-godlo.png, signs: [Flaga RP, Godło RP] }}\n",
        common::SITE_YAML
    ));
    site.write_bytes("content/znaki/flaga-godlo.png", &png(120, 40));
    site.project(
        "senior",
        "title: Senior+\nstatus: ongoing\nstate_budget:\n  programme: Senior+ na lata 2021–2025\n  amount: 150000\n  total_value: 250000",
        "Opis.",
    )
    .project(
        "korpus",
        "title: Korpus\nstatus: ongoing\nstate_budget:\n  programme: Korpus Wsparcia Seniorów\n  share: whole\n  amount: 20000\n  total_value: 20000",
        "Opis.",
    );
    let out = site.build_ok();
    assert!(!stderr(&out).contains("state_signs"), "{}", stderr(&out));
    let m = marking(&site.read("projekty/senior/index.html"));
    assert!(
        m.contains(r#"src="/assets/marking/flaga-godlo.png" alt="Flaga RP, Godło RP""#),
        "{m}"
    );
    assert!(
        m.contains("Dofinansowano ze środków budżetu państwa"),
        "{m}"
    );
    assert!(m.contains("Program: Senior+ na lata 2021–2025"), "{m}");
    assert!(m.contains("Kwota dofinansowania: 150"), "{m}");
    assert!(m.contains("Wartość projektu: 250"), "{m}");
    let m = marking(&site.read("projekty/korpus/index.html"));
    assert!(m.contains("Sfinansowano ze środków budżetu państwa"), "{m}");
    assert!(m.contains("Kwota finansowania: 20"), "{m}");
    // Only the state budget's marking: the site's flag and emblem, no EU emblem or words.
    assert!(
        m.contains(r#"<img class="marking__signs" src="/assets/marking/flaga-godlo.png" alt="Flaga RP, Godło RP""#),
        "{m}"
    );
    assert_eq!(count(&m, "<img"), 1, "one image, the state's signs: {m}");
    assert!(!m.contains("eu-emblem"), "no EU emblem: {m}");
    assert!(!m.contains("Unię Europejską"), "no EU words: {m}");
    assert_eq!(texts(&m, ".marking__eu").len(), 0, "{m}");
}

#[test]
fn without_the_sites_flag_and_emblem_the_state_budgets_marking_is_a_warning() {
    let site = TestSite::new();
    site.project(
        "senior",
        "title: Senior+\nstatus: ongoing\nstate_budget:\n  programme: Senior+\n  amount: 1\n  total_value: 2",
        "Opis.",
    );
    let said = stderr(&site.build_ok());
    assert!(
        said.contains("warning: content/site.yaml: field `marking.state_signs`: 1 project is marked as paid from the state budget, but the site supplies no flag and emblem of Poland"),
        "{said}"
    );
    assert!(said.contains("its use is regulated"), "{said}");
}

#[test]
fn a_polish_site_is_told_in_polish_what_the_state_budgets_marking_lacks() {
    let site = built_site();
    site.project(
        "senior",
        "title: Senior+\nstatus: ongoing\nstate_budget:\n  share: part\n  amount: 1",
        "Opis.",
    );
    let mut command = site.command(&["build"]);
    command.env_remove("TABLICA_LANG");
    let said = stderr(&command.output().expect("run"));
    assert!(
        said.contains("błąd: content/projects/senior.md:4: pole `state_budget.programme`: oznaczenie budżetu państwa nie podaje nazwy programu"),
        "{said}"
    );
    assert!(
        said.contains("błąd: content/projects/senior.md:4: pole `state_budget.total_value`: oznaczenie budżetu państwa wymaga kwoty dofinansowania i całkowitej wartości"),
        "{said}"
    );
}
