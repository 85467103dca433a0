//! Input formats: `csv` reading, the `native` format's checks, and the `kaggle` file.

pub mod csv;
pub mod kaggle;
pub mod native;
