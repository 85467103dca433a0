//! The rows cut into chunks at row boundaries, one per core, and each chunk read on its own
//! thread: the line every row is on counted from byte offsets, each row checked (`rows`) or only
//! counted when it is outside the focus.

use super::{Columns, Focus, Reader};
use crate::error::{DataError, Error};
use crate::source::csv::csv_reader_big;

/// Line breaks in `bytes` (LF; a CRLF counts once).
pub(super) fn newlines(bytes: &[u8]) -> u64 {
    count_byte(bytes, b'\n')
}

/// How many times `byte` occurs in `bytes`. Counted in blocks of 255 into a byte-sized counter,
/// which the compiler turns into wide vector compares: four times faster than a plain count over
/// the 41 MB file, and the cutting into chunks happens on one thread before the others start.
fn count_byte(bytes: &[u8], byte: u8) -> u64 {
    let blocks = bytes.chunks_exact(255);
    let rest = blocks.remainder();
    let mut total = 0u64;
    for block in blocks {
        let n: u8 = block
            .iter()
            .fold(0u8, |n, &b| n.wrapping_add(u8::from(b == byte)));
        total += u64::from(n);
    }
    total + rest.iter().filter(|&&b| b == byte).count() as u64
}

#[cfg(test)]
pub fn split_for_test(body: &str, line: u64, n: usize) -> Vec<(&str, u64)> {
    split(body, line, n)
}

/// How many chunks to read a body of `len` bytes in: one per core, and none smaller than 4 MB.
pub(super) fn count(len: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    (len / (4 << 20)).clamp(1, cores.min(8))
}

/// Cuts `body` (whose first row is on line `line`) into about `n` chunks at row boundaries, each
/// with the line its first row is on. A line break is a row boundary when an even number of
/// quotes precede it, since a quoted field can hold line breaks and quotes come in pairs.
pub(super) fn split(body: &str, line: u64, n: usize) -> Vec<(&str, u64)> {
    let bytes = body.as_bytes();
    let mut chunks = Vec::new();
    let (mut from, mut from_line) = (0usize, line);
    for k in 1..n {
        let target = bytes.len() * k / n;
        if target <= from {
            continue;
        }
        let mut quotes = count_byte(&bytes[from..target], b'"');
        let mut cut = None;
        for (i, &b) in bytes.iter().enumerate().skip(target) {
            if b == b'"' {
                quotes += 1;
            } else if b == b'\n' && quotes % 2 == 0 {
                cut = Some(i + 1);
                break;
            }
        }
        let Some(cut) = cut.filter(|&c| c < bytes.len()) else {
            break;
        };
        let lines = newlines(&bytes[from..cut]);
        chunks.push((&body[from..cut], from_line));
        from = cut;
        from_line += lines;
    }
    chunks.push((&body[from..], from_line));
    chunks
}

/// Each chunk (with the line its first row is on) read on a thread of its own, in file order.
pub(super) fn read_in_parallel<'a>(
    label: &'a str,
    focus: Option<&'a Focus>,
    chunks: &[(&str, u64)],
    at: &Columns,
    width: usize,
) -> Result<Vec<Reader<'a>>, Error> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|&(chunk, line)| {
                scope.spawn(move || Reader::new(label, focus).read(chunk, line, at, width))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().map_err(|_| Error::ReadFailed {
                    file: label.to_owned(),
                })
            })
            .collect::<Result<Vec<Reader>, Error>>()
    })
}

impl Reader<'_> {
    /// Reads the rows of one chunk, the first on line `first_line`.
    fn read(mut self, chunk: &str, first_line: u64, at: &Columns, width: usize) -> Self {
        let mut reader = csv_reader_big(chunk, false);
        let mut record = csv::ByteRecord::new();
        // Lines are counted here from byte offsets: the reader's own count goes wrong after CRLF.
        let bytes = chunk.as_bytes();
        let (mut counted, mut line) = (0usize, first_line);
        let mut line_of = |p: Option<&csv::Position>| {
            // A record's position can fall on the line break before it: step over that.
            let mut byte = p.map_or(0, |p| p.byte() as usize).min(bytes.len());
            while matches!(bytes.get(byte), Some(b'\r' | b'\n')) {
                byte += 1;
            }
            if byte > counted {
                line += newlines(&bytes[counted..byte]);
                counted = byte;
            }
            line
        };
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {
                    let line = line_of(record.position());
                    self.record(line, &record, at, width);
                }
                Err(e) => {
                    let line = line_of(e.position());
                    self.problems
                        .push(DataError::new(self.label, Some(line), e.to_string()));
                    // A broken quote can swallow the rest of the file: stop at the first one.
                    if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                        break;
                    }
                }
            }
        }
        self
    }

    /// One record on `line`: refused when its length is not the header's, only counted when it
    /// is outside the focus, and otherwise checked and kept.
    fn record(&mut self, line: u64, record: &csv::ByteRecord, at: &Columns, width: usize) {
        if record.len() != width {
            self.problems.push(DataError::new(
                self.label,
                Some(line),
                format!(
                    "the row has {} fields; the header has {width}",
                    record.len()
                ),
            ));
            return;
        }
        if let Some(focus) = self.focus {
            let raw = |i: usize| record.get(at[i]).unwrap_or_default().trim_ascii();
            if !focus.keeps(raw(6), raw(5), raw(12), raw(11)) {
                self.outside(raw);
                return;
            }
        }
        // The text is UTF-8 as a whole (decode checked it), and the reader splits only at ASCII
        // bytes, so every field is UTF-8 too.
        let field = |i: usize| {
            record
                .get(at[i])
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default()
                .trim()
        };
        let fields: [&str; 13] = std::array::from_fn(field);
        self.row(line, fields);
    }
}
