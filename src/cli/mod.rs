//! The parts of the `tablica` program around the library: the command line's structure, its
//! help and errors in the user's language, and the report at the end of a build.

pub(crate) mod args;
pub(crate) mod help;
pub(crate) mod report;
