/**
 * TDG, the code grade: a score out of 100 and a letter grade for a Java project, from real
 * measurements. {@link io.andon.tdg.Tdg#run} finds the sources ({@code andon-tdg.yaml} excludes),
 * measures each file's complexity with a real parser ({@code io.andon.tdg.source}), reads the
 * coverage and mutation reports it is given or finds ({@code io.andon.tdg.coverage}), scores the
 * documentation ({@code io.andon.tdg.docs}) and the dependencies' known vulnerabilities ({@code
 * io.andon.tdg.security}), and weighs the components into a {@link io.andon.tdg.TdgReport} ({@link
 * io.andon.tdg.Scoring}, {@link io.andon.tdg.Grade}). A component that cannot be measured is
 * reported as not measured and left out of the weights, never scored 0. A grade runs in four steps:
 * {@code SourceScan}, {@code CoverageMatch}, one {@code ComponentScorer} per component (listed in
 * {@code Components.STANDARD}) and {@code FileGrades}.
 *
 * <p>In a job, {@code tdg_task} ({@code io.andon.tdg.task}) is the execute step: it grades a path,
 * writes the report and returns the score as task values, which a {@code gate_task} then checks;
 * {@code andon tdg --min-grade B} does the same for CI. Parsed files are cached by content under
 * the andon home ({@link io.andon.tdg.AnalysisCache}).
 *
 * <p>Threading: a grade runs on the calling thread (a worker thread in a job), and parses the files
 * in parallel on the common fork-join pool.
 */
package io.andon.tdg;
