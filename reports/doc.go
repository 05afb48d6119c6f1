// Package reports renders audit results for people and machines: a
// readable terminal summary and JSON Lines. It only renders: it never
// crawls, probes or scores.
package reports
