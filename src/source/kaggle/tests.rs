use super::read::parse_in_chunks;
use super::*;

const HEADER: &str = "\"ID\",\"Name\",\"Sex\",\"Age\",\"Height\",\"Weight\",\"Team\",\"NOC\",\"Games\",\"Year\",\"Season\",\"City\",\"Sport\",\"Event\",\"Medal\"\n";

/// A file of `n` athletes in two Games, every tenth with a medal, with line ends `eol`.
fn file(n: u32, eol: &str) -> String {
    let mut text = HEADER.replace('\n', eol);
    for i in 1..=n {
        let noc = ["KAZ", "UZB", "KGZ"][i as usize % 3];
        let games = if i % 2 == 0 {
            "2008 Summer"
        } else {
            "2012 Summer"
        };
        let medal = match i % 30 {
            0 => "\"Gold\"",
            10 => "\"Silver\"",
            20 => "\"Bronze\"",
            _ => "NA",
        };
        text.push_str(&format!(
            "\"{i}\",\"Athlete {i}, \"\"the {i}th\"\"\",\"{}\",{},NA,NA,\"Team {noc}\",\"{noc}\",\"{games}\",{},\"Summer\",\"City\",\"Judo\",\"Judo Men's Event {}\",{medal}{eol}",
            if i % 4 == 0 { "F" } else { "M" },
            18 + i % 20,
            &games[..4],
            i % 7,
        ));
    }
    text
}

fn summary(o: &Olympics) -> Vec<(String, String, u32, u32, [u32; 3], usize)> {
    let mut out = Vec::new();
    for (g, nations) in o.nations.iter().enumerate() {
        for (noc, s) in nations {
            out.push((
                o.games[g].name.clone(),
                noc.clone(),
                s.athletes,
                s.men,
                s.medals,
                s.rows.len(),
            ));
        }
    }
    out
}

#[test]
fn reading_in_chunks_gives_what_reading_whole_gives() {
    for eol in ["\n", "\r\n"] {
        let text = file(500, eol);
        let whole = parse_in_chunks("f", text.as_bytes(), None, Some(1), None).unwrap();
        for chunks in [2, 3, 7] {
            let parts = parse_in_chunks("f", text.as_bytes(), None, Some(chunks), None).unwrap();
            assert_eq!(summary(&whole), summary(&parts), "{chunks} chunks, {eol:?}");
            assert_eq!(whole.rows.len(), parts.rows.len());
        }
        assert_eq!(whole.rows.len(), 500);
        assert_eq!(whole.games[0].name, "2008 Summer");
    }
}

#[test]
fn problems_keep_their_true_lines_across_chunks() {
    let mut text = file(300, "\r\n");
    // Line 251 holds athlete 250: give it an impossible sex.
    text = text.replace(
        "\"250\",\"Athlete 250, \"\"the 250th\"\"\",\"M\"",
        "\"250\",\"Athlete 250, \"\"the 250th\"\"\",\"X\"",
    );
    for chunks in [1, 2, 4] {
        let Err(Error::Data(errors)) =
            parse_in_chunks("f", text.as_bytes(), None, Some(chunks), None)
        else {
            panic!("expected a data error");
        };
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(251), "{chunks} chunks: {}", errors[0]);
        assert_eq!(errors[0].field.as_deref(), Some("Sex"));
    }
}

#[test]
fn an_id_is_one_athlete_even_across_chunks() {
    let mut text = file(100, "\n");
    text.push_str("\"3\",\"Somebody Else\",\"M\",20,NA,NA,\"Team KAZ\",\"KAZ\",\"2012 Summer\",2012,\"Summer\",\"City\",\"Judo\",\"Judo Men's Event 9\",NA\n");
    for chunks in [1, 2, 3] {
        let Err(Error::Data(errors)) =
            parse_in_chunks("f", text.as_bytes(), None, Some(chunks), None)
        else {
            panic!("expected a data error");
        };
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].line, Some(102));
        assert!(errors[0].problem.contains("on line 4"), "{}", errors[0]);
    }
}

#[test]
fn a_line_break_inside_quotes_is_not_a_place_to_cut() {
    let body = "\"a\nb\",1\nc,2\n\"d\ne\nf\",3\ng,4\n";
    let chunks = read::split_for_test(body, 2, 4);
    let joined: String = chunks.iter().map(|(c, _)| *c).collect();
    assert_eq!(joined, body);
    for (chunk, line) in &chunks {
        assert!(
            chunk.matches('"').count() % 2 == 0,
            "{chunk:?} cut inside quotes"
        );
        // The line each chunk starts on is the line its first byte is on.
        let before = &body[..body.find(chunk).unwrap()];
        assert_eq!(*line, 2 + before.matches('\n').count() as u64);
    }
}

#[test]
fn repeated_rows_count_once_and_team_numbers_are_dropped_from_names() {
    let mut text = file(10, "\n");
    let row = text.lines().nth(3).unwrap().to_owned();
    text.push_str(&row);
    text.push('\n');
    let o = Olympics::parse("f", text.as_bytes(), None).unwrap();
    assert_eq!(o.duplicates, 1);
    assert_eq!(o.rows.len(), 10);
    assert_eq!(read::team_name("United States-2"), "United States");
    assert_eq!(read::team_name("Guinea-Bissau"), "Guinea-Bissau");
}

#[test]
fn nearest_names_first() {
    assert_eq!(distance("KZA", "KAZ"), 1);
    assert_eq!(distance("KAZ", "KAZ"), 0);
    assert_eq!(
        distance("2012 summer", "2012 Summer".to_lowercase().as_str()),
        0
    );
    assert_eq!(capitalise("wINTER"), "Winter");
}

#[test]
fn empty_and_headerless_files_say_what_they_lack() {
    let Err(Error::Data(e)) = Olympics::parse("f", b"", None) else {
        panic!()
    };
    assert!(e[0].problem.contains("empty"));
    let Err(Error::Data(e)) = Olympics::parse("f", b"a,b,c\n1,2,3\n", None) else {
        panic!()
    };
    assert!(
        e[0].problem.contains("lacks the columns ID, Name"),
        "{}",
        e[0]
    );
    let Err(Error::Data(e)) = Olympics::parse("f", HEADER.as_bytes(), None) else {
        panic!()
    };
    assert!(e[0].problem.contains("no rows"));
}

#[test]
fn a_tie_within_one_nation_is_two_medals_and_a_relay_is_one() {
    let mut text = HEADER.to_owned();
    let row = |id: u32, noc: &str, event: &str, medal: &str| {
        format!(
            "\"{id}\",\"A {id}\",\"F\",20,NA,NA,\"Team {noc}\",\"{noc}\",\"1984 Summer\",1984,\"Summer\",\"Los Angeles\",\"Swimming\",\"Swimming Women's {event}\",{medal}\n"
        )
    };
    // Two Americans tie for gold; a Dutch swimmer takes bronze.
    text += &row(1, "USA", "100 metres Freestyle", "\"Gold\"");
    text += &row(2, "USA", "100 metres Freestyle", "\"Gold\"");
    text += &row(3, "NED", "100 metres Freestyle", "\"Bronze\"");
    // A relay: four golds for one team, four silvers for another.
    for id in 4..8 {
        text += &row(id, "USA", "4 x 100 metres Freestyle Relay", "\"Gold\"");
        text += &row(
            id + 10,
            "NED",
            "4 x 100 metres Freestyle Relay",
            "\"Silver\"",
        );
    }
    let o = Olympics::parse("f", text.as_bytes(), None).unwrap();
    assert_eq!(o.nations[0]["USA"].medals, [3, 0, 0]);
    assert_eq!(o.nations[0]["NED"].medals, [0, 1, 1]);
}

#[test]
fn a_year_has_one_spelling() {
    let text = file(3, "\n").replace(",2012,", ",02012,");
    let Err(Error::Data(errors)) = Olympics::parse("f", text.as_bytes(), None) else {
        panic!("expected a data error");
    };
    assert_eq!(errors[0].field.as_deref(), Some("Year"));
    assert_eq!(errors[0].value.as_deref(), Some("02012"));
}
