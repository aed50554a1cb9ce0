//! Records the commit the program is built from, for `ecoplan --version` and Help → About. A
//! build outside a git checkout (a source tarball) says "unknown".

fn main() {
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=ECOPLAN_COMMIT={commit}");
    // A new commit changes HEAD or the branch it points at. Without a `.git` folder (a source
    // tarball, a worktree) no such line is given: a missing path would rerun this every build.
    if std::path::Path::new(".git/HEAD").is_file() {
        println!("cargo:rerun-if-changed=.git/HEAD");
        println!("cargo:rerun-if-changed=.git/refs/heads");
    }
    println!("cargo:rerun-if-changed=build.rs");
    windows_icon();
}

/// Puts the icon into `ecoplan.exe` on Windows, where Explorer and the taskbar read it from the
/// executable's resources.
#[cfg(windows)]
fn windows_icon() {
    println!("cargo:rerun-if-changed=assets/icons/ecoplan.ico");
    let mut resource = winresource::WindowsResource::new();
    resource.set_icon("assets/icons/ecoplan.ico");
    if let Err(error) = resource.compile() {
        // A build without the resource compiler still works, with the default icon.
        println!("cargo:warning=the icon could not be put into ecoplan.exe: {error}");
    }
}

#[cfg(not(windows))]
fn windows_icon() {}
