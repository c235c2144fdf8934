/**
 * Rust measured through tree-sitter's Rust grammar.
 *
 * <p>Cyclomatic complexity: 1 + {@code if} (each {@code else if} too), each {@code match} arm but a
 * catch-all {@code _} arm, {@code for}, {@code while}, {@code loop}, each {@code ?} operator and
 * each {@code &&} / {@code ||}; closures count towards the function around them, nested {@code fn}
 * items are units of their own. Cognitive complexity follows the SonarSource specification (G. Ann
 * Campbell, "Cognitive Complexity", 1.7); see {@link io.andon.tdg.source.rust.RustCognitive}.
 */
package io.andon.tdg.source.rust;
