//! Moving in from another system: `tablica import wordpress` turns a WordPress export into a
//! tablica site and reports what came in, what was left out and what needs a person.

pub mod report;
pub mod wordpress;

pub use report::Report;
