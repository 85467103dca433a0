//! The chart set: every chart for the default dataset and for edge cases parses as SVG and
//! renders to a picture that is not blank; charts without data are skipped with a reason, and
//! none to draw is an error; the SVGs are snapshots, so a visual change is reviewed on purpose.

use std::fmt::Write as _;
use std::path::Path;

use crate::support::{self, KAGGLE, MINI, Options, Run, member, write_team};
use podium::charts::ChartId;
use podium::cli::{ImageFormat, Size};
use podium::source::native::{self, Files};
use podium::stats::Stats;

const SIZE: Size = Size::SLIDE;

fn stats(source: &Files) -> Stats {
    podium::stats::compute(&native::dataset(source).unwrap_or_else(|e| panic!("{e}")))
}

/// Draws every chart, checks each drawn one parses and is not blank, and returns the names drawn
/// and the skipped ones with their reasons.
fn draw_and_check(s: &Stats) -> (Vec<ChartId>, Vec<(ChartId, String)>) {
    let set = podium::briefing::draw_charts(s, &ChartId::ALL, SIZE, ImageFormat::Svg).unwrap();
    for chart in &set.drawn {
        let svg = String::from_utf8(chart.bytes.clone()).unwrap();
        let png = podium::png::from_svg(&svg).unwrap_or_else(|e| panic!("{}: {e}", chart.id));
        assert!(
            !podium::png::is_blank(&png).unwrap(),
            "{} renders blank",
            chart.id
        );
        // Below the title and subtitle, the chart itself draws something.
        let ink = podium::png::body_ink(&png, 0.2).unwrap();
        assert!(
            ink > 0.01,
            "{}: only {:.2} % of the body is drawn",
            chart.id,
            ink * 100.0
        );
    }
    (set.drawn.iter().map(|d| d.id).collect(), set.skipped)
}

fn team_stats(team: &[support::Member], options: Options) -> Stats {
    let dir = tempfile::tempdir().unwrap();
    write_team(dir.path(), team, options);
    stats(&Files::Dir(dir.path().to_owned()))
}

fn skipped_names(skipped: &[(ChartId, String)]) -> Vec<&'static str> {
    skipped.iter().map(|(id, _)| id.name()).collect()
}

#[test]
fn every_chart_of_the_default_dataset_is_drawn() {
    let (drawn, skipped) = draw_and_check(&stats(&Files::BuiltIn));
    assert_eq!(drawn, ChartId::ALL);
    assert!(skipped.is_empty());
}

#[test]
fn a_team_without_medals_skips_the_medal_charts_and_says_why() {
    let team = [
        member("Ann Ash", "F", Some(22), "Rowing", ""),
        member("Bob Birch", "M", Some(31), "Rowing", ""),
        member("Cat Cedar", "F", Some(19), "Judo", ""),
    ];
    let (drawn, skipped) = draw_and_check(&team_stats(
        &team,
        Options {
            earlier_games: true,
        },
    ));
    assert_eq!(
        skipped_names(&skipped),
        [
            "medals-by-sport",
            "medals-by-day",
            "revisions",
            "table-neighbourhood"
        ]
    );
    assert!(skipped[0].1.contains("no medals"), "{skipped:?}");
    assert_eq!(
        drawn,
        [
            ChartId::AthletesBySport,
            ChartId::TeamBySex,
            ChartId::Ages,
            ChartId::History
        ]
    );
}

#[test]
fn a_one_athlete_team_at_its_first_games() {
    let team = [member("Dee Dogwood", "F", Some(27), "Shooting", "gold")];
    let (drawn, skipped) = draw_and_check(&team_stats(
        &team,
        Options {
            earlier_games: false,
        },
    ));
    assert_eq!(skipped_names(&skipped), ["revisions", "history"]);
    assert!(skipped[1].1.contains("no other Games"), "{skipped:?}");
    assert_eq!(drawn.len(), 6);
}

#[test]
fn an_all_women_team() {
    let team: Vec<_> = (0..12)
        .map(|i| {
            member(
                &format!("Eve Elm {i}"),
                "F",
                Some(18 + i),
                if i % 2 == 0 { "Swimming" } else { "Fencing" },
                if i == 3 { "bronze" } else { "" },
            )
        })
        .collect();
    let s = team_stats(
        &team,
        Options {
            earlier_games: true,
        },
    );
    assert_eq!(s.team.men, 0);
    let (drawn, skipped) = draw_and_check(&s);
    assert_eq!(skipped_names(&skipped), ["revisions"]);
    assert_eq!(drawn.len(), 7);
}

#[test]
fn a_team_without_ages_skips_the_age_chart() {
    let team = [
        member("Fay Fir", "F", None, "Archery", "silver"),
        member("Gus Gum", "M", None, "Archery", ""),
    ];
    let (_, skipped) = draw_and_check(&team_stats(
        &team,
        Options {
            earlier_games: true,
        },
    ));
    assert_eq!(skipped_names(&skipped), ["revisions", "ages"]);
    assert!(
        skipped[1].1.contains("no athlete's age is known"),
        "{skipped:?}"
    );
}

#[test]
fn long_names_and_many_sports_still_draw() {
    let team: Vec<_> = (0..40)
        .map(|i| {
            let sport = format!("Synchronised Underwater Long-Distance Sport Number {i}");
            member(
                &format!("Maximiliana Wolfeschlegelsteinhausen {i}"),
                if i % 3 == 0 { "M" } else { "F" },
                Some(16 + i % 30),
                &sport,
                ["gold", "silver", "bronze", ""][i as usize % 4],
            )
        })
        .collect();
    let (drawn, _) = draw_and_check(&team_stats(
        &team,
        Options {
            earlier_games: true,
        },
    ));
    assert!(drawn.contains(&ChartId::AthletesBySport));
    assert!(drawn.contains(&ChartId::MedalsBySport));
}

#[test]
fn svg_declares_its_size_and_the_shipped_font_first() {
    let s = stats(&Files::BuiltIn);
    let svg = podium::svg::chart(ChartId::MedalsBySport, &s, (1280, 720)).unwrap();
    assert!(
        svg.starts_with(r#"<svg width="1280" height="720" viewBox="0 0 1280 720""#),
        "{}",
        &svg[..120]
    );
    assert!(svg.contains(r#"font-family="Liberation Sans, Arimo, Arial, Helvetica, sans-serif""#));
}

#[test]
fn svg_snapshots_of_the_default_dataset() {
    let s = stats(&Files::BuiltIn);
    for id in ChartId::ALL {
        let svg = podium::svg::chart(id, &s, (SIZE.width, SIZE.height)).unwrap();
        insta::assert_snapshot!(format!("chart_{}", id.name()), svg);
    }
    let mini = stats(&Files::Dir(MINI.into()));
    for id in ChartId::ALL {
        let svg = podium::svg::chart(id, &mini, (SIZE.width, SIZE.height)).unwrap();
        insta::assert_snapshot!(format!("mini_chart_{}", id.name()), svg);
    }
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_charts_command_writes_every_chart_the_same_way_twice() {
    let out = tempfile::tempdir().unwrap();
    let run = || Run::new(&["charts"]).out(out.path()).run().stdout;
    let said = run();
    let dir = out.path().join("kazakhstan-2012-summer/charts");
    assert_eq!(files(&dir).len(), 8, "{said}");
    assert!(
        said.contains("wrote ") && said.contains("medals-by-sport.svg"),
        "{said}"
    );
    let first: Vec<Vec<u8>> = files(&dir)
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    run();
    let second: Vec<Vec<u8>> = files(&dir)
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    assert_eq!(first, second, "byte-identical across runs");
}

#[test]
fn only_some_charts_as_png_at_another_size() {
    let out = tempfile::tempdir().unwrap();
    Run::new(&["charts", "--only", "ages,history", "--format", "png"])
        .args(&["--size", "960x540"])
        .out(out.path())
        .run();
    let dir = out.path().join("kazakhstan-2012-summer/charts");
    assert_eq!(files(&dir), ["ages.png", "history.png"]);
    let png = std::fs::read(dir.join("ages.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        960,
        "PNG width"
    );
    assert!(!podium::png::is_blank(&png).unwrap());
}

#[test]
fn the_charts_command_says_which_charts_it_skipped_and_why() {
    let data = tempfile::tempdir().unwrap();
    write_team(
        data.path(),
        &[member("Hal Hazel", "M", Some(30), "Judo", "")],
        Options {
            earlier_games: false,
        },
    );
    let out = tempfile::tempdir().unwrap();
    Run::new(&["charts", "--data"])
        .arg(data.path())
        .out(out.path())
        .prints("skipped medals-by-sport: no medals, as awarded or now")
        .prints("skipped history: no other Games of the nation in the data")
        .run();
    assert!(
        !out.path()
            .join("testland-2012-summer/charts/medals-by-sport.svg")
            .exists()
    );
}

#[test]
fn bad_options_and_bad_data_write_nothing() {
    let out = tempfile::tempdir().unwrap();
    Run::new(&["charts", "--size", "10x10"])
        .out(out.path())
        .fails(2)
        .writes_nothing()
        .run();
    Run::new(&["charts", "--only", "pie"])
        .out(out.path())
        .fails(2)
        .writes_nothing()
        .run();
    let data = tempfile::tempdir().unwrap();
    write_team(
        data.path(),
        &[member("Ida Ivy", "X", Some(30), "Judo", "")],
        Options {
            earlier_games: false,
        },
    );
    Run::new(&["charts", "--data"])
        .arg(data.path())
        .out(out.path())
        .fails(65)
        .writes_nothing()
        .run();
    assert!(files(out.path()).is_empty(), "nothing written");
}

#[test]
fn a_chart_whose_data_is_gone_is_removed_not_left_stale() {
    let out = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let run = |medal: &'static str| {
        write_team(
            data.path(),
            &[member("Jo Juniper", "F", Some(25), "Judo", medal)],
            Options {
                earlier_games: false,
            },
        );
        Run::new(&["charts", "--data"])
            .arg(data.path())
            .out(out.path())
            .run()
            .stdout
    };
    run("gold");
    let chart = out
        .path()
        .join("testland-2012-summer/charts/medals-by-sport.svg");
    assert!(chart.exists());
    let said = run("");
    assert!(!chart.exists(), "the old chart would contradict the data");
    assert!(
        said.contains("removed ") && said.contains("medals-by-sport.svg"),
        "{said}"
    );
}

#[test]
fn a_long_nation_name_makes_a_short_folder_name() {
    let long = "Ұлы Дала ".repeat(30);
    let mut s = stats(&Files::BuiltIn);
    s.delegation.nation = long;
    let dir = podium::briefing::briefing_dir(Path::new("out"), &s);
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.len() <= 80, "{} bytes", name.len());
    assert!(name.starts_with("ұлы-дала-"), "{name}");
}

/// The texts of an SVG, unescaped, in drawing order.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = t.split_once('>')?.1;
            let text = body.split_once("</text>")?.0.trim();
            Some(
                text.replace("&apos;", "'")
                    .replace("&quot;", "\"")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&"),
            )
        })
        .collect()
}

/// A team of 64 medallists, 60 of whom lose their medal over seven years: some the same day,
/// some on a day of which only the year is known.
fn long_ledger() -> (tempfile::TempDir, Stats) {
    let sports = [
        "Athletics",
        "Weightlifting",
        "Wrestling",
        "Canoeing",
        "Boxing",
    ];
    let medals = ["gold", "silver", "bronze"];
    let team: Vec<_> = (0..64)
        .map(|i| {
            member(
                &format!("Athlete Number{i} Longname"),
                "F",
                Some(25),
                sports[i % 5],
                medals[i % 3],
            )
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    write_team(
        dir.path(),
        &team,
        Options {
            earlier_games: false,
        },
    );
    let mut revisions = String::from("athlete,event,from,to,decided,reason,source\n");
    let mut now = [0u32; 3];
    for (i, m) in team.iter().enumerate() {
        let k = i % 3;
        if i >= 60 {
            now[k] += 1;
            continue;
        }
        let year = 2013 + i * 7 / 60;
        // Year by year; the first of a year known only by its year, some days with two changes.
        let r = (i * 7) % 60;
        let decided = if r < 7 {
            year.to_string()
        } else {
            format!("{year}-{:02}-15", 1 + r / 10)
        };
        let id = format!("athlete-number{i}-longname-{i}");
        writeln!(
            revisions,
            "{id},event-{i},{},none,{decided},A re-test.,Test",
            m.medal
        )
        .unwrap();
    }
    let awarded = [22, 21, 21];
    let [g, s, b] = awarded;
    let [ng, ns, nb] = now;
    let files = [
        ("revisions.csv", revisions),
        (
            "history.csv",
            format!(
                "year,city,athletes,men,women,gold_awarded,silver_awarded,bronze_awarded,gold,silver,bronze,source\n\
                 2012,London,64,0,64,{g},{s},{b},{ng},{ns},{nb},test\n"
            ),
        ),
        (
            "medal-table.csv",
            format!(
                "table,noc,nation,gold,silver,bronze\nawarded,RIV,Rivalia,2,2,2\nawarded,TST,Testland,{g},{s},{b}\n\
                 now,RIV,Rivalia,2,2,2\nnow,TST,Testland,{ng},{ns},{nb}\n"
            ),
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let s = stats(&Files::Dir(dir.path().to_owned()));
    (dir, s)
}

#[test]
fn a_long_ledger_makes_a_legible_waterfall_that_adds_up() {
    let (_dir, s) = long_ledger();
    assert_eq!(s.revisions.changes.len(), 60);
    assert_eq!((s.awarded.totals.total, s.latest().totals.total), (64, 4));
    for size in [(1600, 900), (960, 540)] {
        let svg = podium::svg::chart(ChartId::Revisions, &s, size).unwrap();
        let texts = svg_texts(&svg);
        // Nothing shortened: every label fits its column whole.
        let cut: Vec<&String> = texts.iter().filter(|t| t.contains('…')).collect();
        assert!(cut.is_empty(), "{size:?}: shortened labels {cut:?}");
        // The first and last columns are labelled with their totals.
        let at = |label: &str| texts.iter().position(|t| t.starts_with(label));
        let (first, last) = (at("As awarded").unwrap(), at("Now").unwrap());
        assert!(texts.contains(&"64".to_owned()), "{texts:?}");
        assert!(texts.contains(&"4".to_owned()), "{texts:?}");
        assert!(first < last);
        // Few enough columns to read, one per year at most.
        let years: Vec<&String> = texts
            .iter()
            .filter(|t| {
                t.len() >= 4
                    && t[..4]
                        .parse::<u32>()
                        .is_ok_and(|y| (2013..2020).contains(&y))
            })
            .collect();
        assert!((3..=10).contains(&years.len()), "{years:?}");
        // The steps add up: the signed changes above the bars make 4 − 64.
        let net: i64 = texts
            .iter()
            .filter_map(|t| {
                let (sign, rest) = if let Some(r) = t.strip_prefix('−') {
                    (-1, r)
                } else {
                    (1, t.strip_prefix('+')?)
                };
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                digits.parse::<i64>().ok().map(|n| sign * n)
            })
            .sum();
        assert_eq!(net, 4 - 64, "{texts:?}");
    }
}

/// The `<text>` elements of an SVG: x, font size and content.
fn svg_placed_texts(svg: &str) -> Vec<(f64, f64, String)> {
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    svg.split("<text")
        .skip(1)
        .map(|t| {
            let (tag, rest) = t.split_once('>').unwrap();
            let content = rest.split("</text>").next().unwrap().trim().to_owned();
            (attr(tag, "x"), attr(tag, "font-size"), content)
        })
        .collect()
}

/// A history of `n` Games every four years from 1896, these Games the last but two, with
/// long city names and the given years not covered by the sources.
fn long_history(n: usize, not_covered: &[i32]) -> Stats {
    use podium::stats::AppearanceLine;
    use podium::stats::MedalCount;
    let mut s = stats(&Files::BuiltIn);
    let cities = [
        "Garmisch-Partenkirchen",
        "Rio de Janeiro",
        "Oslo",
        "Los Angeles",
    ];
    s.history.appearances = (0..n)
        .map(|k| {
            let year = 1896 + 4 * k as i32;
            let men = 20 + (k as u32 * 7) % 90;
            let women = (k as u32 * 5) % 60;
            let m = [(k as u32) % 9, (k as u32 * 3) % 7, (k as u32 * 2) % 5];
            AppearanceLine {
                year,
                city: cities[k % cities.len()].to_owned(),
                athletes: men + women,
                men,
                women,
                men_share: f64::from(men) / f64::from(men + women),
                sports: None,
                awarded: (k % 5 == 0).then(|| MedalCount::from_array([m[0] + 1, m[1], m[2]])),
                now: MedalCount::from_array(m),
                this: k + 3 == n,
            }
        })
        .filter(|a| !not_covered.contains(&a.year))
        .collect();
    s.history.not_covered = not_covered.to_vec();
    s
}

#[test]
fn a_thirty_games_history_labels_its_years_whole_and_apart() {
    for not_covered in [&[][..], &[1916, 1940, 1944]] {
        let s = long_history(30, not_covered);
        let years: Vec<i32> = (0..30).map(|k| 1896 + 4 * k).collect();
        let this = s.history.appearances.iter().find(|a| a.this).unwrap();
        for (width, height) in [(SIZE.width, SIZE.height), (960, 540)] {
            let svg = podium::svg::chart(ChartId::History, &s, (width, height)).unwrap();
            let texts = svg_placed_texts(&svg);
            // Nothing along the axis (or anywhere) is cut with an ellipsis.
            assert!(!svg.contains('…'), "a label is cut at {width}x{height}");
            let mut labels: Vec<(f64, f64, i32)> = texts
                .iter()
                .filter_map(|(x, size, t)| {
                    let year: i32 = t.parse().ok()?;
                    years.contains(&year).then_some((*x, *size, year))
                })
                .collect();
            labels.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(labels.len() >= 10, "only {} years labelled", labels.len());
            assert!(
                labels.iter().any(|l| l.2 == this.year),
                "{} unlabelled",
                this.year
            );
            for pair in labels.windows(2) {
                // Four digits of Liberation Sans are 4 × 0.556 em wide.
                let label_width = 4.0 * 0.556 * pair[0].1.max(pair[1].1);
                assert!(
                    pair[1].0 - pair[0].0 >= label_width,
                    "{} and {} overlap at {width}x{height}",
                    pair[0].2,
                    pair[1].2
                );
                assert!(pair[0].2 < pair[1].2, "years out of order");
            }
            // These Games' city is given in full.
            assert!(
                texts.iter().any(|(_, _, t)| *t == this.city),
                "{} missing",
                this.city
            );
        }
    }
}

#[test]
fn a_short_history_labels_every_year_and_city() {
    let s = long_history(6, &[]);
    let svg = podium::svg::chart(ChartId::History, &s, (SIZE.width, SIZE.height)).unwrap();
    let texts = svg_texts(&svg);
    for a in &s.history.appearances {
        assert!(texts.contains(&a.year.to_string()), "{}", a.year);
        // Too long for its slot, this one is shortened to its first part.
        let city = a.city.replace("Garmisch-Partenkirchen", "Garmisch");
        assert!(texts.contains(&city), "{city}");
    }
}

/// The sizes of the type in an SVG, in pixels as shown.
fn font_sizes(svg: &str) -> Vec<f64> {
    svg.split("font-size=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect()
}

/// Issue 14, item 10: at `--size 320x320` the labels were 3 to 4 px tall. The type scales with
/// the canvas down to a legible minimum, at the smallest sizes `--size` takes.
#[test]
fn no_chart_text_is_smaller_than_the_legible_minimum_on_a_small_image() {
    for source in [Files::BuiltIn, Files::Dir(MINI.into())] {
        let s = stats(&source);
        for (width, height) in [(320, 320), (8000, 320), (320, 8000), (640, 360)] {
            let size = Size { width, height };
            let set =
                podium::briefing::draw_charts(&s, &ChartId::ALL, size, ImageFormat::Svg).unwrap();
            assert!(!set.drawn.is_empty());
            for chart in &set.drawn {
                let svg = String::from_utf8(chart.bytes.clone()).unwrap();
                let sizes = font_sizes(&svg);
                assert!(!sizes.is_empty(), "{}: no text", chart.id);
                let smallest = sizes.iter().copied().fold(f64::INFINITY, f64::min);
                assert!(
                    smallest >= podium::charts::theme::MIN_TYPE_PX - 1e-9,
                    "{} at {width}x{height}: text of {smallest:.1} px",
                    chart.id
                );
            }
        }
    }
}

#[test]
fn charts_of_which_none_can_be_drawn_are_not_a_silent_success() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // The Kaggle file has no dates of medal events.
    Run::new(&["charts", "--noc", "KAZ", "--games", "2012 Summer"])
        .args(&["--only", "medals-by-day", "--from", KAGGLE])
        .out(&out)
        .within(std::time::Duration::from_secs(120))
        .fails(2)
        .says("no chart asked for can be drawn")
        .says("medals-by-day")
        .writes_nothing()
        .run();
    assert!(!out.exists());
}
