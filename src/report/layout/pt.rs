//! `Pt`, a length in points (1/72 inch, the PDF's unit): what every position, size and space of
//! the layout is measured in, so that a share, a count or a chart's pixel is not taken for one.
//!
//! The operators are exactly f32's, one operation each, so a computation written with `Pt`
//! rounds as it did with bare floats.

use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Mul, Sub};

/// A length in points.
#[derive(Debug, Clone, Copy, Default, PartialEq, PartialOrd)]
pub struct Pt(pub f32);

impl Pt {
    /// Zero points.
    pub const ZERO: Self = Self(0.0);

    /// The larger of two lengths.
    pub fn max(self, other: Self) -> Self {
        Self(self.0.max(other.0))
    }

    /// The length without its sign.
    pub fn abs(self) -> Self {
        Self(self.0.abs())
    }
}

impl Add for Pt {
    type Output = Self;
    fn add(self, rhs: Self) -> Self {
        Self(self.0 + rhs.0)
    }
}

impl AddAssign for Pt {
    fn add_assign(&mut self, rhs: Self) {
        self.0 += rhs.0;
    }
}

impl Sub for Pt {
    type Output = Self;
    fn sub(self, rhs: Self) -> Self {
        Self(self.0 - rhs.0)
    }
}

/// Scaling by a factor.
impl Mul<f32> for Pt {
    type Output = Self;
    fn mul(self, rhs: f32) -> Self {
        Self(self.0 * rhs)
    }
}

/// Scaling by a factor, the factor first (a count of lines times a leading).
impl Mul<Pt> for f32 {
    type Output = Pt;
    fn mul(self, rhs: Pt) -> Pt {
        Pt(self * rhs.0)
    }
}

/// Dividing by a factor.
impl Div<f32> for Pt {
    type Output = Self;
    fn div(self, rhs: f32) -> Self {
        Self(self.0 / rhs)
    }
}

impl<'a> Sum<&'a Pt> for Pt {
    fn sum<I: Iterator<Item = &'a Pt>>(iter: I) -> Self {
        // f32's own sum, so the order and the start value are the same as before.
        Self(iter.map(|p| p.0).sum())
    }
}
