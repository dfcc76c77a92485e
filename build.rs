//! The default theme is compiled into the binary with `include_dir!`; tell Cargo to rebuild
//! when any of its files change, not only when Rust sources do.
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
}
