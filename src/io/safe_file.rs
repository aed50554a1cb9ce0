//! Reading untrusted files within a bound, and writing files so that a failure never destroys
//! the previous version. Scenario files travel by mail and chat, so a path may name a FIFO, a
//! device, a symbolic link or a file of any size; the work in the window is worth days.

mod read;
mod write;

pub use read::*;
pub use write::*;

#[cfg(test)]
mod tests;
