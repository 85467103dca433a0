//! The native format: the files of `data/`.

pub mod validate;
