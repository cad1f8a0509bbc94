//! The native command-line runner.
fn main() {
    eprintln!("threadlab {}: the runner is not built yet", threadlab::VERSION);
    std::process::exit(2);
}
