//! One runner for the tables of bad input: each case changes a valid input, `podium` runs on it
//! (a `Run`, most often into an output folder that already holds an earlier briefing, which must
//! be left as it was) and the case returns what went wrong. Every case is run and every failure
//! reported together, so one broken case does not hide the others.

/// Runs `check` on every case (each returns its problems, none when it passes) and fails once,
/// naming each failed case with its problems.
pub fn check_all<C>(
    cases: &[C],
    name: impl Fn(&C) -> &str,
    mut check: impl FnMut(&C) -> Vec<String>,
) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let problems = check(case);
            (!problems.is_empty()).then(|| format!("{}: {}", name(case), problems.join("\n  ")))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
