//! The same program as `ecoplan`, built as a console program. On Windows a release `ecoplan.exe`
//! is a GUI program (no console window from Explorer), and shells do not wait for a GUI
//! program nor see its exit code; scripts there run `ecoplan-cli.exe`, which they wait for and
//! whose exit code (0, 1, 2) they read, as on every other system.

fn main() {
    std::process::exit(ecoplan::entry::run());
}
