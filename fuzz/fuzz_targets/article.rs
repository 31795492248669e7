//! Any bytes as an article file: reading and extraction never panic, and
//! every span they give (paragraphs, sentences, evidence, quotes) lies inside
//! the text, on character boundaries: the contract of
//! `govkg::extract::contract::check_bytes`, which the unit tests check too.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| govkg::extract::contract::check_bytes(bytes));
