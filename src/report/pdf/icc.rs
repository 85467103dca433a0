//! The sRGB colour profile that PDF/A's output intent names, built here rather than shipped
//! as a file: an ICC version 2 display profile with the sRGB primaries (IEC 61966-2-1,
//! adapted to the D50 connection space), its D65 white and its tone curve sampled at 1,024
//! points. Written for podium and licensed with it.

/// Bytes of a big-endian s15Fixed16 number.
fn fixed(v: f64) -> [u8; 4] {
    ((v * 65536.0).round() as i32).to_be_bytes()
}

/// An XYZType tag.
fn xyz(x: f64, y: f64, z: f64) -> Vec<u8> {
    let mut t = b"XYZ \0\0\0\0".to_vec();
    for v in [x, y, z] {
        t.extend(fixed(v));
    }
    t
}

/// sRGB's tone curve: the linear light of an encoded value in 0..=1.
fn linear(v: f64) -> f64 {
    if v <= 0.040_45 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

/// A curveType tag sampling the sRGB tone curve.
fn curve() -> Vec<u8> {
    const POINTS: u32 = 1024;
    let mut t = b"curv\0\0\0\0".to_vec();
    t.extend(POINTS.to_be_bytes());
    for i in 0..POINTS {
        let v = linear(f64::from(i) / f64::from(POINTS - 1));
        t.extend(((v * 65535.0).round() as u16).to_be_bytes());
    }
    t
}

/// A textDescriptionType tag (ASCII only).
fn description(text: &str) -> Vec<u8> {
    let mut t = b"desc\0\0\0\0".to_vec();
    t.extend((text.len() as u32 + 1).to_be_bytes());
    t.extend(text.as_bytes());
    t.push(0);
    // No Unicode and no ScriptCode description: codes and counts of zero, 67 bytes of room.
    t.extend([0u8; 8]);
    t.extend([0u8; 3]);
    t.extend([0u8; 67]);
    t
}

/// A textType tag.
fn text(text: &str) -> Vec<u8> {
    let mut t = b"text\0\0\0\0".to_vec();
    t.extend(text.as_bytes());
    t.push(0);
    t
}

/// What the output intent calls the profile.
pub const NAME: &str = "sRGB IEC61966-2.1";

/// The profile's bytes.
pub fn srgb() -> Vec<u8> {
    let trc = curve();
    let tags: [(&[u8; 4], Vec<u8>); 9] = [
        (b"desc", description(NAME)),
        (
            b"cprt",
            text("No copyright: written for podium, use freely"),
        ),
        (b"wtpt", xyz(0.9505, 1.0, 1.0891)),
        (b"rXYZ", xyz(0.436_074_7, 0.222_504_5, 0.013_932_2)),
        (b"gXYZ", xyz(0.385_064_9, 0.716_878_6, 0.097_104_5)),
        (b"bXYZ", xyz(0.143_080_4, 0.060_616_9, 0.714_173_3)),
        (b"rTRC", trc.clone()),
        (b"gTRC", trc.clone()),
        (b"bTRC", trc),
    ];
    let table_len = 4 + 12 * tags.len();
    let mut data: Vec<u8> = Vec::new();
    let mut entries: Vec<u8> = (tags.len() as u32).to_be_bytes().to_vec();
    let mut trc_at: Option<(u32, u32)> = None;
    for (sig, body) in &tags {
        // The three tone curves are one curve: stored once, named three times.
        let shared = sig.ends_with(b"TRC");
        let (offset, size) = match (shared, trc_at) {
            (true, Some(at)) => at,
            _ => {
                while data.len() % 4 != 0 {
                    data.push(0);
                }
                let offset = (128 + table_len + data.len()) as u32;
                data.extend(body);
                let at = (offset, body.len() as u32);
                if shared {
                    trc_at = Some(at);
                }
                at
            }
        };
        entries.extend(*sig);
        entries.extend(offset.to_be_bytes());
        entries.extend(size.to_be_bytes());
    }
    while data.len() % 4 != 0 {
        data.push(0);
    }
    let size = (128 + table_len + data.len()) as u32;
    let mut header = Vec::with_capacity(128);
    header.extend(size.to_be_bytes());
    header.extend([0u8; 4]); // preferred CMM: none
    header.extend([2, 0x10, 0, 0]); // version 2.1
    header.extend(b"mntrRGB XYZ ");
    // 2026-01-01 00:00:00, fixed so the bytes never change.
    for v in [2026u16, 1, 1, 0, 0, 0] {
        header.extend(v.to_be_bytes());
    }
    header.extend(b"acsp");
    header.extend([0u8; 24]); // platform, flags, manufacturer, model, attributes
    header.extend([0u8; 4]); // perceptual intent
    for v in [0.9642, 1.0, 0.8249] {
        header.extend(fixed(v));
    }
    header.resize(128, 0);
    let mut profile = header;
    profile.extend(entries);
    profile.extend(data);
    profile
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_is_well_formed() {
        let p = srgb();
        assert_eq!(
            u32::from_be_bytes([p[0], p[1], p[2], p[3]]) as usize,
            p.len()
        );
        assert_eq!(&p[36..40], b"acsp");
        assert_eq!(&p[12..24], b"mntrRGB XYZ ");
        let count = u32::from_be_bytes([p[128], p[129], p[130], p[131]]) as usize;
        assert_eq!(count, 9);
        for k in 0..count {
            let at = 132 + 12 * k;
            let offset = u32::from_be_bytes([p[at + 4], p[at + 5], p[at + 6], p[at + 7]]);
            let size = u32::from_be_bytes([p[at + 8], p[at + 9], p[at + 10], p[at + 11]]);
            assert_eq!(offset % 4, 0);
            assert!((offset + size) as usize <= p.len());
        }
        // The curve runs from black to white.
        assert_eq!(linear(0.0), 0.0);
        assert!((linear(1.0) - 1.0).abs() < 1e-12);
    }
}
