//! The PDF briefing, read back with a PDF parser (lopdf): pages, headings in the text and in the
//! outline, headline figures and chart labels as real text, embedded fonts, metadata,
//! byte-identical output for identical input, a character the font lacks, and big teams (the
//! table of multiple medallists, 600 athletes in 40 sports). The tagging is in `tagged`.

use std::fs;

use lopdf::{Document, Object};
use podium::report::{self, A4, LETTER, ReportOptions, content::SECTIONS};
use podium::source::native::{self, Files};

use crate::support::{self, MINI, Run, big_team_name, pdf_text as text, write_big_kaggle_team};

const EPOCH: i64 = 1_700_000_000;

fn briefing(paper: report::Paper) -> Vec<u8> {
    let stats = podium::stats::compute(&native::dataset(&Files::BuiltIn).unwrap());
    report::pdf(
        &stats,
        ReportOptions {
            paper,
            date: EPOCH,
            standard: Default::default(),
        },
    )
    .unwrap()
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_briefing_has_every_section_in_the_text_and_the_outline() {
    let doc = Document::load_mem(&briefing(A4)).unwrap();
    let pages = doc.get_pages().len();
    assert!((10..=30).contains(&pages), "{pages} pages");
    let all = flat(&text(&doc));
    for heading in SECTIONS {
        assert!(all.contains(heading), "{heading} missing from the text");
    }
    let toc = doc.get_toc().unwrap();
    assert!(toc.errors.is_empty(), "{:?}", toc.errors);
    let top = toc.toc.iter().map(|t| t.level).min().unwrap();
    let titles: Vec<String> = toc
        .toc
        .iter()
        .filter(|t| t.level == top)
        .map(|t| t.title.clone())
        .collect();
    assert_eq!(
        titles, SECTIONS,
        "the outline's sections match the headings, in order"
    );
    // Beneath the sections: subsections, and in the results each sport, on its own page.
    let beneath = |section: &str| -> Vec<String> {
        let at = toc.toc.iter().position(|t| t.title == section).unwrap();
        toc.toc[at + 1..]
            .iter()
            .take_while(|t| t.level > top)
            .map(|t| t.title.clone())
            .collect()
    };
    assert_eq!(
        beneath("4 Team composition"),
        [
            "Ages",
            "Team sports, crews and debuts",
            "Non-starters and athletes in several events"
        ]
    );
    let sports = beneath("6 Results by sport");
    assert_eq!(sports.len(), 16, "{sports:?}");
    assert!(sports.contains(&"Weightlifting".to_owned()), "{sports:?}");
}

#[test]
fn headline_figures_and_chart_labels_are_text() {
    let all = flat(&text(&Document::load_mem(&briefing(A4)).unwrap()));
    for expected in [
        // Key figures and summary.
        "Kazakhstan at the 2012 Summer Olympics",
        "115",
        "74 men (64.3 %), 41 women (35.7 %)",
        "7 gold, 1 silver, 5 bronze; 12th of 85",
        "3 gold, 2 silver, 6 bronze; 23rd= of 86",
        "youngest was Moldir Azimbay (16)",
        "Olga Dovgun (41)",
        "Tennis made its debut",
        // Tables.
        "Zulfiya Chinshanlo",
        "Daulet Shabanbay",
        "64.3 % men is the 3rd largest share",
        // Chart labels drawn through the plotters backend.
        "median, men: 25",
        "13 as awarded",
        "Anna Nurmukhambetova",
        "Weightlifting",
        "day of the Games",
        "Rio de Janeiro",
        "23= Kazakhstan",
        // Header and footer.
        "page 2 of",
    ] {
        assert!(
            all.contains(expected),
            "{expected:?} is not in the PDF text"
        );
    }
}

fn dict<'a>(doc: &'a Document, object: &'a Object) -> &'a lopdf::Dictionary {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

#[test]
fn fonts_are_embedded_and_subsetted() {
    let doc = Document::load_mem(&briefing(A4)).unwrap();
    let mut names = Vec::new();
    for (_, object) in doc.objects.iter() {
        let Ok(d) = object.as_dict() else { continue };
        if d.get(b"Type").and_then(Object::as_name).ok() != Some(b"Font")
            || d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0")
        {
            continue;
        }
        names.push(
            String::from_utf8_lossy(d.get(b"BaseFont").unwrap().as_name().unwrap()).into_owned(),
        );
        let descendant = match d.get(b"DescendantFonts").unwrap() {
            Object::Array(a) => dict(&doc, &a[0]),
            other => dict(&doc, other),
        };
        let descriptor = dict(&doc, descendant.get(b"FontDescriptor").unwrap());
        assert!(
            descriptor.has(b"FontFile2") || descriptor.has(b"FontFile3"),
            "font program embedded"
        );
    }
    // Each subset tagged: six capitals and a plus sign before the face's name.
    let mut faces: Vec<&str> = names
        .iter()
        .map(|n| {
            let (tag, face) = n.split_once('+').unwrap();
            assert!(
                tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()),
                "{n}"
            );
            face
        })
        .collect();
    faces.sort();
    assert_eq!(faces, ["LiberationSans", "LiberationSans-Bold"]);
}

/// A stream's content, decompressed.
fn stream_of(doc: &Document, object: &Object) -> Vec<u8> {
    let Object::Reference(id) = object else {
        panic!("not a reference: {object:?}")
    };
    let stream = doc.get_object(*id).unwrap().as_stream().unwrap();
    stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone())
}

#[test]
fn every_character_id_draws_the_full_fonts_glyph_and_has_its_width() {
    use ab_glyph::{Font, FontRef, GlyphId};
    // The pages show the full font's glyph ids; /CIDToGIDMap leads each to the subset's glyph.
    // The outline found there must be the full font's, and /W must give its advance width.
    let doc = Document::load_mem(&briefing(A4)).unwrap();
    let mut checked = 0;
    for (_, object) in doc.objects.iter() {
        let Ok(font) = object.as_dict() else { continue };
        if font.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0") {
            continue;
        }
        let d = dict(
            &doc,
            &font.get(b"DescendantFonts").unwrap().as_array().unwrap()[0],
        );
        assert_eq!(
            d.get(b"Subtype").unwrap().as_name().unwrap(),
            b"CIDFontType2"
        );
        let base = d.get(b"BaseFont").unwrap().as_name().unwrap();
        let full = if base.ends_with(b"-Bold") {
            podium::fonts::BOLD
        } else {
            podium::fonts::REGULAR
        };
        let full = FontRef::try_from_slice(full).unwrap();
        let descriptor = dict(&doc, d.get(b"FontDescriptor").unwrap());
        let program = stream_of(&doc, descriptor.get(b"FontFile2").unwrap());
        let subset = FontRef::try_from_slice(&program).unwrap();
        let map = stream_of(&doc, d.get(b"CIDToGIDMap").unwrap());
        let widths = d.get(b"W").unwrap().as_array().unwrap();
        let per_em = full.units_per_em().unwrap();
        for pair in widths.chunks(2) {
            let first = pair[0].as_i64().unwrap() as usize;
            for (i, w) in pair[1].as_array().unwrap().iter().enumerate() {
                let cid = first + i;
                let gid = u16::from_be_bytes([map[2 * cid], map[2 * cid + 1]]);
                let original = GlyphId(cid as u16);
                let advance = full.h_advance_unscaled(original);
                assert_eq!(
                    w.as_i64().unwrap(),
                    (advance * 1000.0 / per_em).round() as i64
                );
                assert_eq!(
                    subset.h_advance_unscaled(GlyphId(gid)),
                    advance,
                    "glyph {cid}"
                );
                let bounds = |f: &FontRef<'_>, g| f.outline(g).map(|o| o.bounds);
                assert_eq!(
                    bounds(&subset, GlyphId(gid)),
                    bounds(&full, original),
                    "glyph {cid}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked} glyphs checked");
}

#[test]
fn metadata_and_language_are_set_and_dated_from_the_given_time() {
    let doc = Document::load_mem(&briefing(A4)).unwrap();
    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    let field = |key: &[u8]| {
        let bytes = info.get(key).unwrap().as_str().unwrap();
        // UTF-16BE with a byte-order mark, or plain.
        if bytes.starts_with(&[0xFE, 0xFF]) {
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        } else {
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    assert_eq!(
        field(b"Title"),
        "Kazakhstan at the 2012 Summer Olympics: a briefing"
    );
    assert!(field(b"Subject").contains("medals as awarded and now"));
    assert!(field(b"Keywords").contains("Kazakhstan"));
    assert!(field(b"Creator").starts_with("podium "));
    assert_eq!(field(b"CreationDate"), "D:20231114221320+00'00'");
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en-GB");
}

#[test]
fn identical_input_gives_identical_bytes_even_in_one_process() {
    // printpdf numbers ids from a process-wide counter; each document must not depend on it.
    let first = briefing(A4);
    let second = briefing(A4);
    assert_eq!(first, second);
}

#[test]
fn letter_paper_on_request() {
    let doc = Document::load_mem(&briefing(LETTER)).unwrap();
    let (_, page) = doc.get_pages().into_iter().next().unwrap();
    let media = doc
        .get_dictionary(page)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    let size: Vec<f32> = media.iter().map(|v| v.as_float().unwrap()).collect();
    assert!(
        (size[2] - 612.0).abs() < 0.5 && (size[3] - 792.0).abs() < 0.5,
        "{size:?}"
    );
}

#[test]
fn the_tagged_briefing_stays_under_160_kb() {
    let size = briefing(A4).len();
    assert!(size <= 160_000, "{size} bytes");
}

#[test]
fn every_text_the_layout_places_reads_back_from_the_pdf() {
    use podium::report::layout::{Geometry, Item, flow};
    use podium::report::metrics::Metrics;
    let mini = Files::Dir(MINI.into());
    for (source, paper) in [(Files::BuiltIn, A4), (Files::BuiltIn, LETTER), (mini, A4)] {
        let stats = podium::stats::compute(&native::dataset(&source).unwrap());
        let pdf = report::pdf(
            &stats,
            ReportOptions {
                paper,
                date: EPOCH,
                standard: Default::default(),
            },
        )
        .unwrap();
        let all = flat(&text(&Document::load_mem(&pdf).unwrap()));
        let laid = flow(
            &report::content::blocks(&stats),
            Geometry::for_paper(paper),
            &Metrics::new(),
        );
        for item in laid.pages.iter().flat_map(|p| &p.items) {
            if let Item::Text { text, .. } = item {
                let wanted = flat(text);
                assert!(
                    all.contains(&wanted),
                    "{wanted:?} ({}) does not read back",
                    paper.name
                );
            }
        }
    }
}

#[test]
fn the_font_in_effect_is_the_font_last_named_for_every_text() {
    // A viewer restores the font on Q; a simple text extractor takes the font last named. The
    // writer names the font again after a restore, so the two agree at every text operator.
    for paper in [A4, LETTER] {
        let doc = Document::load_mem(&briefing(paper)).unwrap();
        for (number, page) in doc.get_pages() {
            let content = doc.get_and_decode_page_content(page).unwrap();
            let mut stack: Vec<Option<Vec<u8>>> = Vec::new();
            let (mut in_effect, mut last_named): (Option<Vec<u8>>, Option<Vec<u8>>) = (None, None);
            for op in &content.operations {
                match op.operator.as_str() {
                    "q" => stack.push(in_effect.clone()),
                    "Q" => in_effect = stack.pop().flatten(),
                    "Tf" => {
                        let name = op.operands[0].as_name().unwrap().to_vec();
                        in_effect = Some(name.clone());
                        last_named = Some(name);
                    }
                    "Tj" | "TJ" | "'" | "\"" => {
                        assert_eq!(in_effect, last_named, "page {number} ({})", paper.name)
                    }
                    _ => {}
                }
            }
        }
    }
}

#[test]
fn a_character_the_font_lacks_is_reported() {
    let data = support::copy_mini();
    let athletes = data.path().join("athletes.csv");
    let text = std::fs::read_to_string(&athletes)
        .unwrap()
        .replace("Bea Cole", "Bea 王");
    std::fs::write(&athletes, text).unwrap();
    let out = tempfile::tempdir().unwrap();
    Run::new(&["report", "--data"])
        .arg(data.path())
        .env("SOURCE_DATE_EPOCH", "0")
        .out(out.path())
        .prints("warning: the shipped font has no glyph for 王 (U+738B)")
        .run();
}

/// Issue 14, item 10: the briefing listed the athletes with several medals as a paragraph-long
/// run of names; they are a table, one row each, with the medals in each view.
#[test]
fn multiple_medallists_are_a_table_in_the_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("athlete_events.csv");
    write_big_kaggle_team(&file);
    let out = dir.path().join("out");
    Run::new(&["report", "--noc", "BIG", "--games", "2012 Summer", "--from"])
        .arg(&file)
        .out(&out)
        .run();
    let text = support::pdf_file_text(&out.join("bigland-2012-summer").join("briefing.pdf"));
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let caption = lines
        .iter()
        .position(|l| l.contains("Multiple medallists, as awarded and now"))
        .unwrap_or_else(|| panic!("no table of multiple medallists:\n{text}"));
    assert!(!text.contains("Multiple medallists as awarded:"), "{text}");
    // The header, then one row per athlete, best record first: name (which may wrap in its
    // cell), sport, medals and total in each view.
    let table = lines[caption + 1..].join(" ");
    assert!(
        table.starts_with("Athlete Sport As awarded Total Now Total "),
        "{text}"
    );
    // Golds first, then silvers, then bronzes; of equal records by name ("…10" before "…8").
    let mut expected: Vec<(usize, String)> = (0..12).map(|n| (n / 4, big_team_name(n))).collect();
    expected.sort();
    let mut from = 0;
    for (colour, name) in expected {
        let medals = ["2 / 0 / 0", "0 / 2 / 0", "0 / 0 / 2"][colour];
        let row = format!("{name} Aquatics {medals} 2 {medals} 2");
        let at = table[from..]
            .find(&row)
            .unwrap_or_else(|| panic!("no row {row:?} after the row before:\n{text}"));
        from += at + row.len();
    }
}

#[test]
fn six_hundred_athletes_in_forty_sports_make_a_readable_briefing() {
    let team: Vec<_> = (0..600u32)
        .map(|i| {
            support::member(
                &format!("Maximiliana-Theodora Wolfeschlegelsteinhausen-Bergerdorff {i}"),
                if i % 3 == 0 { "M" } else { "F" },
                Some(15 + i % 40),
                &format!(
                    "Synchronised Long-Distance Sport {} of the Programme",
                    i % 40
                ),
                ["gold", "silver", "bronze", "", "", "", "", ""][i as usize % 8],
            )
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    support::write_team(
        dir.path(),
        &team,
        support::Options {
            earlier_games: true,
        },
    );
    let out = dir.path().join("out");
    Run::new(&["report", "--data"])
        .arg(dir.path())
        .out(&out)
        .run();
    let folder = fs::read_dir(&out).unwrap().next().unwrap().unwrap().path();
    let pdf = fs::read(folder.join("briefing.pdf")).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!((20..120).contains(&pages.len()), "{} pages", pages.len());
    let text = doc.extract_text(&pages).unwrap();
    // The last athlete and the last sport are there: nothing fell off the end.
    assert!(text.contains("Wolfeschlegelsteinhausen-Bergerdorff 599"));
    assert!(text.contains("Sport 39 of the Programme"));
}
