//! The tagged PDF, checked with lopdf on briefings from every source: everything painted is
//! marked content in the structure tree or an artifact; the tree's order is the paint order;
//! every figure has alternative text, every table header cells, headings do not skip a level;
//! the catalog and metadata name the language, the title and PDF/UA; every link lands on a page
//! at a position; and the charts' SVGs carry the same description.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::support::{
    KAGGLE, Options, PARIS, Run, kaz_2012_from_kaggle, member, pdf_file_text, write_team,
};

/// Operators that paint: text, paths, images and shadings.
const PAINTING: [&str; 17] = [
    "Tj", "TJ", "'", "\"", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Do", "sh", "BI", "EI",
];

fn dict<'a>(doc: &'a Document, object: &'a Object) -> &'a Dictionary {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

/// The catalog's XMP metadata packet, as text.
fn xmp(doc: &Document, catalog: &Dictionary) -> String {
    let reference = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = doc.get_object(reference).unwrap().as_stream().unwrap();
    String::from_utf8(stream.content.clone()).unwrap()
}

fn name(d: &Dictionary, key: &[u8]) -> String {
    String::from_utf8_lossy(d.get(key).unwrap().as_name().unwrap()).into_owned()
}

/// Per page, the marked-content ids in the order they are painted; panics on any painting
/// operator outside marked content.
fn paint_order(doc: &Document, pages: &[ObjectId]) -> Vec<Vec<i64>> {
    pages
        .iter()
        .enumerate()
        .map(|(p, id)| {
            let content = Content::decode(&doc.get_page_content(*id)).unwrap();
            let mut depth = 0usize;
            let mut order = Vec::new();
            for op in &content.operations {
                match op.operator.as_str() {
                    "BMC" => {
                        assert_eq!(
                            op.operands[0].as_name().unwrap(),
                            b"Artifact",
                            "page {}: BMC is only used for artifacts",
                            p + 1
                        );
                        depth += 1;
                    }
                    "BDC" => {
                        depth += 1;
                        if let Ok(props) = op.operands[1].as_dict() {
                            if let Ok(mcid) = props.get(b"MCID") {
                                order.push(mcid.as_i64().unwrap());
                            }
                        }
                    }
                    "EMC" => {
                        assert!(depth > 0, "page {}: EMC without BDC", p + 1);
                        depth -= 1;
                    }
                    o if PAINTING.contains(&o) => assert!(
                        depth > 0,
                        "page {}: {o} paints outside marked content",
                        p + 1
                    ),
                    _ => {}
                }
            }
            assert_eq!(depth, 0, "page {}: marked content left open", p + 1);
            order
        })
        .collect()
}

/// What the structure tree holds, walked depth first.
#[derive(Debug, Default)]
struct Walk {
    /// (page, mcid) in tree order.
    contents: Vec<(usize, i64)>,
    kinds: Vec<String>,
    headings: Vec<u8>,
    figures_without_alt: usize,
    figures: usize,
    tables: usize,
    tables_without_th: usize,
    links: usize,
}

fn walk(doc: &Document, element: &Dictionary, pages: &[ObjectId], w: &mut Walk) {
    let kind = name(element, b"S");
    let page_of = |d: &Dictionary| -> Option<usize> {
        let id = d.get(b"Pg").ok()?.as_reference().ok()?;
        pages.iter().position(|p| *p == id)
    };
    let home = page_of(element);
    match kind.as_str() {
        "Figure" => {
            w.figures += 1;
            let alt = element.get(b"Alt").ok().and_then(|a| a.as_str().ok());
            if alt.is_none_or(|a| a.len() < 20) {
                w.figures_without_alt += 1;
            }
        }
        "Table" => {
            w.tables += 1;
            if !has_kind(doc, element, "TH") {
                w.tables_without_th += 1;
            }
        }
        "Link" => w.links += 1,
        h if h.len() == 2 && h.starts_with('H') => {
            w.headings.push(h.as_bytes()[1] - b'0');
        }
        _ => {}
    }
    w.kinds.push(kind);
    let kids = match element.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(kid) => vec![kid.clone()],
        Err(_) => Vec::new(),
    };
    for kid in kids {
        match kid {
            Object::Integer(mcid) => w.contents.push((home.unwrap(), mcid)),
            other => {
                let d = dict(doc, &other);
                match d.get(b"Type").ok().and_then(|t| t.as_name().ok()) {
                    Some(b"MCR") => w.contents.push((
                        page_of(d).unwrap(),
                        d.get(b"MCID").unwrap().as_i64().unwrap(),
                    )),
                    Some(b"OBJR") => {}
                    _ => walk(doc, d, pages, w),
                }
            }
        }
    }
}

fn has_kind(doc: &Document, element: &Dictionary, wanted: &str) -> bool {
    let kids = match element.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(kid) => vec![kid.clone()],
        Err(_) => Vec::new(),
    };
    kids.iter().any(|k| match k {
        Object::Reference(_) | Object::Dictionary(_) => {
            let d = dict(doc, k);
            d.get(b"S").is_ok() && (name(d, b"S") == wanted || has_kind(doc, d, wanted))
        }
        _ => false,
    })
}

/// The named destinations: name to (page, y).
fn destinations(doc: &Document, pages: &[ObjectId]) -> BTreeMap<Vec<u8>, (usize, f32)> {
    let catalog = doc.catalog().unwrap();
    let names = dict(doc, catalog.get(b"Names").unwrap());
    let dests = dict(doc, names.get(b"Dests").unwrap());
    let list = dests.get(b"Names").unwrap().as_array().unwrap();
    list.chunks(2)
        .map(|pair| {
            let key = pair[0].as_str().unwrap().to_vec();
            let dest = pair[1].as_array().unwrap();
            let page = pages
                .iter()
                .position(|p| *p == dest[0].as_reference().unwrap())
                .unwrap();
            assert_eq!(dest[1].as_name().unwrap(), b"XYZ");
            (key, (page, dest[3].as_float().unwrap()))
        })
        .collect()
}

/// Checks one briefing; returns the number of links it holds.
fn check(pdf: &Path) -> usize {
    check_as(pdf, true)
}

/// `check`; the section destinations only for a briefing (`briefing`), not a batch's index.
fn check_as(pdf: &Path, briefing: bool) -> usize {
    let doc = Document::load(pdf).unwrap();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let what = pdf.display();
    // Catalog and metadata.
    let catalog = doc.catalog().unwrap();
    assert!(
        catalog
            .get(b"Lang")
            .unwrap()
            .as_str()
            .unwrap()
            .starts_with(b"en")
    );
    let mark_info = dict(&doc, catalog.get(b"MarkInfo").unwrap());
    assert!(mark_info.get(b"Marked").unwrap().as_bool().unwrap());
    let prefs = dict(&doc, catalog.get(b"ViewerPreferences").unwrap());
    assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    assert!(!info.get(b"Title").unwrap().as_str().unwrap().is_empty());
    let xmp = xmp(&doc, catalog);
    for wanted in [
        "<pdfuaid:part>1</pdfuaid:part>",
        "<dc:title>",
        "<dc:language>",
        "<xmp:CreateDate>",
    ] {
        assert!(xmp.contains(wanted), "{what}: XMP lacks {wanted}");
    }
    // Paint order against tree order.
    let painted = paint_order(&doc, &pages);
    let root = dict(&doc, catalog.get(b"StructTreeRoot").unwrap());
    let mut w = Walk::default();
    let top = match root.get(b"K").unwrap() {
        Object::Array(kids) => kids.clone(),
        kid => vec![kid.clone()],
    };
    for kid in &top {
        walk(&doc, dict(&doc, kid), &pages, &mut w);
    }
    let in_paint_order: Vec<(usize, i64)> = painted
        .iter()
        .enumerate()
        .flat_map(|(p, ids)| ids.iter().map(move |m| (p, *m)))
        .collect();
    assert_eq!(
        w.contents, in_paint_order,
        "{what}: the tree is read in paint order"
    );
    assert_eq!(w.kinds.first().map(String::as_str), Some("Document"));
    assert!(w.figures > 0 || !w.kinds.is_empty());
    assert_eq!(
        w.figures_without_alt, 0,
        "{what}: figures without alternative text"
    );
    assert!(w.tables > 0, "{what}: no table");
    assert_eq!(
        w.tables_without_th, 0,
        "{what}: tables without header cells"
    );
    // Headings: an H1, and no level skipped on the way down.
    assert_eq!(w.headings.first(), Some(&1), "{what}: {:?}", w.headings);
    for pair in w.headings.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "{what}: heading skips from H{} to H{}",
            pair[0],
            pair[1]
        );
    }
    // Links: each on a page, with a description, in the tree, landing on a page at a height.
    let dests = destinations(&doc, &pages);
    let sections: &[&str] = if briefing {
        &[
            "at-a-glance",
            "medals",
            "medal-revisions",
            "team-composition",
            "data-and-method",
        ]
    } else {
        &[]
    };
    for section in sections {
        assert!(
            dests.contains_key(section.as_bytes()),
            "{what}: no destination {section}"
        );
    }
    let mut links = 0;
    for (p, id) in pages.iter().enumerate() {
        let page = doc.get_dictionary(*id).unwrap();
        assert_eq!(page.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
        let height = page.get(b"MediaBox").unwrap().as_array().unwrap()[3]
            .as_float()
            .unwrap();
        let Ok(annots) = page.get(b"Annots") else {
            continue;
        };
        for annot in annots.as_array().unwrap() {
            let a = dict(&doc, annot);
            links += 1;
            assert!(
                a.get(b"StructParent").is_ok(),
                "{what}: a link outside the tree"
            );
            assert!(!a.get(b"Contents").unwrap().as_str().unwrap().is_empty());
            if let Ok(dest) = a.get(b"Dest") {
                let (to, y) = dests
                    .get(dest.as_str().unwrap())
                    .unwrap_or_else(|| panic!("{what}: page {}: a link to nowhere", p + 1));
                assert!(
                    *to < pages.len() && *y > 0.0 && *y <= height,
                    "{what}: {to} {y}"
                );
            } else {
                let action = dict(&doc, a.get(b"A").unwrap());
                match action.get(b"S").unwrap().as_name().unwrap() {
                    b"URI" => assert!(
                        action
                            .get(b"URI")
                            .unwrap()
                            .as_str()
                            .unwrap()
                            .starts_with(b"https://")
                    ),
                    b"GoToR" => {
                        // Another PDF, by a path relative to this one: it must be there.
                        let spec = dict(&doc, action.get(b"F").unwrap());
                        let path = spec.get(b"F").unwrap().as_str().unwrap();
                        let path = String::from_utf8(path.to_vec()).unwrap();
                        assert!(!path.starts_with('/'), "{what}: {path} is not relative");
                        let target = pdf.parent().unwrap().join(&path);
                        assert!(target.is_file(), "{what}: a link to {path}, not there");
                    }
                    other => panic!("{what}: a link of kind {other:?}"),
                }
            }
        }
    }
    assert_eq!(
        links, w.links,
        "{what}: every link annotation has its Link element"
    );
    links
}

/// The briefing a `report` wrote under `out`.
fn briefing_in(out: &Path) -> PathBuf {
    std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path().join("briefing.pdf"))
        .find(|p| p.exists())
        .unwrap()
}

fn report(args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    Run::new(&["report"]).args(args).out(out.path()).run();
    let pdf = briefing_in(out.path());
    (out, pdf)
}

#[test]
fn the_built_in_briefing_is_tagged_linked_and_described() {
    let (out, pdf) = report(&[]);
    let links = check(&pdf);
    // The contents list (8), "section 3/7" and the sources' web addresses.
    assert!(links >= 12, "{links} links");
    // The charts' SVGs say in words what they show.
    let svg = std::fs::read_to_string(pdf.with_file_name("charts/medals-by-sport.svg")).unwrap();
    assert!(svg.contains(r#"role="img" aria-labelledby="chart-title chart-desc""#));
    assert!(svg.contains("<desc id=\"chart-desc\">Medals by sport, Kazakhstan at the 2012 Summer Olympics: medals by sport, as awarded and now: weightlifting 4 gold as awarded, "), "{}", &svg[..600]);
    assert!(svg.contains("boxing 1 gold, 1 silver, 2 bronze in both views"));
    drop(out);
}

#[test]
fn kaggle_and_paris_briefings_are_tagged_too() {
    let out = tempfile::tempdir().unwrap();
    kaz_2012_from_kaggle(out.path());
    let pdf = briefing_in(out.path());
    check(&pdf);
    let (_paris, pdf) = report(&["--from", PARIS, "--noc", "KAZ"]);
    check(&pdf);
    let _ = KAGGLE;
}

#[test]
fn a_600_athlete_team_is_tagged_with_its_long_tables_continued() {
    let data = tempfile::tempdir().unwrap();
    let sports = [
        "Athletics",
        "Swimming",
        "Rowing",
        "Judo",
        "Fencing",
        "Boxing",
    ];
    let medals = ["gold", "silver", "bronze", "", "", "", "", ""];
    let team: Vec<_> = (0..600)
        .map(|i| {
            member(
                &format!("Athlete Number{i}"),
                if i % 2 == 0 { "M" } else { "F" },
                Some(18 + (i % 20) as u32),
                sports[i % sports.len()],
                medals[i % medals.len()],
            )
        })
        .collect();
    write_team(
        data.path(),
        &team,
        Options {
            earlier_games: true,
        },
    );
    let (_out, pdf) = report(&["--data", data.path().to_str().unwrap()]);
    check(&pdf);
}

#[test]
fn the_archival_standards_add_an_output_intent() {
    for (standard, conformance) in [("a-2b", "B"), ("A-2a", "A")] {
        let (_out, pdf) = report(&["--pdf-standard", standard]);
        check(&pdf);
        let doc = Document::load(&pdf).unwrap();
        let catalog = doc.catalog().unwrap();
        let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
        let intent = dict(&doc, &intents[0]);
        assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
        let profile = doc
            .get_object(
                intent
                    .get(b"DestOutputProfile")
                    .unwrap()
                    .as_reference()
                    .unwrap(),
            )
            .unwrap()
            .as_stream()
            .unwrap();
        assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
        let xmp = xmp(&doc, catalog);
        assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(xmp.contains(&format!(
            "<pdfaid:conformance>{conformance}</pdfaid:conformance>"
        )));
    }
    // The default has no output intent and no PDF/A claim.
    let (_out, pdf) = report(&[]);
    let doc = Document::load(&pdf).unwrap();
    assert!(doc.catalog().unwrap().get(b"OutputIntents").is_err());
    Run::new(&["report", "--pdf-standard", "x-1"])
        .fails(2)
        .run();
}

#[test]
fn a_batch_index_pdf_links_every_nation_to_its_briefing() {
    let out = tempfile::tempdir().unwrap();
    Run::new(&["batch", "--from", KAGGLE, "--all-games"])
        .out(out.path())
        .run();
    let index = out.path().join("index.pdf");
    let links = check_as(&index, false);
    // A link per nation in a medal table, and the contents list.
    assert!(links >= 2, "{links} links");
    let text = pdf_file_text(&index);
    assert!(text.contains("Contents"), "{text}");
    assert!(text.contains("the medal table"), "{text}");
}

#[test]
fn a_name_the_font_cannot_show_is_drawn_as_a_stand_in_and_kept_as_actual_text() {
    let data = tempfile::tempdir().unwrap();
    let team = [
        member("王军霞", "F", Some(21), "Athletics", "gold"),
        member("Hal Hazel", "M", Some(30), "Judo", ""),
    ];
    write_team(
        data.path(),
        &team,
        Options {
            earlier_games: false,
        },
    );
    let (_out, pdf) = report(&["--data", data.path().to_str().unwrap()]);
    check(&pdf);
    let doc = Document::load(&pdf).unwrap();
    let mut actual = 0;
    for (_, id) in doc.get_pages() {
        let content = Content::decode(&doc.get_page_content(id)).unwrap();
        for op in &content.operations {
            if op.operator == "BDC" && op.operands[0].as_name().unwrap() == b"Span" {
                let props = op.operands[1].as_dict().unwrap();
                let text = lopdf::decode_text_string(props.get(b"ActualText").unwrap()).unwrap();
                assert!(text.contains("王军霞"), "{text}");
                actual += 1;
            }
        }
    }
    assert!(actual > 0, "no /ActualText for the name");
}
