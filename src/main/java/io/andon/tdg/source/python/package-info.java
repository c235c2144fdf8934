/**
 * Python measured through tree-sitter's Python grammar: scripts, packages, Jupyter notebooks
 * ({@code .ipynb}, nbformat 4) and Databricks source notebooks ({@code .py} files whose first line
 * is {@code # Databricks notebook source}).
 *
 * <p>Cyclomatic complexity is radon's ({@code radon cc}, version 5.1): 1 + {@code if}, {@code
 * elif}, conditional expressions, each {@code and}/{@code or} operator, loops (+1 more with an
 * {@code else}), comprehension {@code for} and {@code if} clauses, {@code except} handlers and a
 * {@code try}'s {@code else}, {@code assert}; nested functions and classes are measured on their
 * own. Cognitive complexity follows the SonarSource specification (G. Ann Campbell, "Cognitive
 * Complexity", 1.7) as SonarPython's visitor applies it, plus the specification's increment for a
 * recursive call; see {@link io.andon.tdg.source.python.PythonCognitive}.
 */
package io.andon.tdg.source.python;
