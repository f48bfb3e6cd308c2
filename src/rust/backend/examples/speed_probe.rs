use cryptography_backend::ecx::{RawKeyKind, RawPrivateKey};
use std::time::Instant;
fn main() {
    let key = RawPrivateKey::from_bytes(RawKeyKind::Ed448, &[b'e'; 57]).unwrap();
    let msg = [b'x'; 64];
    let mut best = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..500 { key.sign(&msg).unwrap(); }
        best = best.min(start.elapsed().as_secs_f64() * 1e6 / 500.0);
    }
    let x = RawPrivateKey::from_bytes(RawKeyKind::X448, &[b'x'; 56]).unwrap();
    let peer = RawPrivateKey::generate(RawKeyKind::X448).unwrap().public_key().unwrap();
    let mut bestx = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..500 { x.exchange(&peer).unwrap(); }
        bestx = bestx.min(start.elapsed().as_secs_f64() * 1e6 / 500.0);
    }
    println!("ed448 sign {:.1} us  x448 {:.1} us", best, bestx);
}
