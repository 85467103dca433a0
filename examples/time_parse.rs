fn main() {
    let path = std::env::args().nth(1).unwrap();
    let t = std::time::Instant::now();
    let bytes = std::fs::read(&path).unwrap();
    eprintln!("read {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let f = podium::kaggle::Olympics::parse("x", &bytes, None).unwrap();
    eprintln!("parse {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let g = f.find_games(&podium::kaggle::GamesChoice::Name("2012 Summer".into())).unwrap();
    let d = f.dataset(g, "KAZ").unwrap();
    eprintln!("dataset {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let s = podium::stats::compute(&d);
    eprintln!("stats {:?} {}", t.elapsed(), s.team.athletes);
}
