// Package reports renders audit results for people and machines: a
// readable terminal summary, JSON Lines, PDF scorecards and benchmarks for
// clients (ScorecardPDF, BenchmarkPDF), and JUnit XML and Markdown for CI
// jobs. It only renders: it never crawls, probes or scores. Text that came
// from audited sites is cleaned and cut before it is written, so a hostile
// page can neither break nor bloat a report.
package reports
