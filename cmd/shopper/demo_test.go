package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/demo"
	"github.com/shopper-audit/shopper/reports"
	"github.com/shopper-audit/shopper/sitegen"
	"github.com/shopper-audit/shopper/store"
)

func TestDemoWritesScorecardsWithMeasuredReplies(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, out, errs := runCmd("demo", "--out", dir, "--speed", "3")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q\n%s", code, errs, out)
	}
	behaviour := map[string]demo.Behaviour{}
	for _, c := range demo.Companies {
		behaviour[sitegen.Generate(c.Seed, demo.Pages).Name] = c.Behaviour
	}
	f, err := os.Open(filepath.Join(dir, "results.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	results, err := reports.ReadResults(f, "results.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != len(demo.Companies) {
		t.Fatalf("results.jsonl holds %d results, want %d", len(results), len(demo.Companies))
	}
	for _, r := range results {
		b, ok := behaviour[r.Company]
		if !ok || len(r.Inquiries) != 1 {
			t.Errorf("result for %q with %d inquiries: want a demo company with one inquiry", r.Company, len(r.Inquiries))
			continue
		}
		q := r.Inquiries[0]
		if b == demo.Poor {
			if q.Status != store.StatusNoReply {
				t.Errorf("%s (poor): status %s, want no_reply", r.Company, q.Status)
			}
		} else if q.Status != store.StatusReplied || q.FirstResponseSeconds == nil {
			t.Errorf("%s (%s): status %s, first response %v; want replied and measured", r.Company, b, q.Status, q.FirstResponseSeconds)
		}
		pdf, err := os.ReadFile(filepath.Join(dir, fileName(r, nil)))
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Errorf("%s: no scorecard PDF (%v)", r.Company, err)
		}
		if !strings.Contains(out, r.Company) {
			t.Errorf("the final table does not name %s:\n%s", r.Company, out)
		}
	}
	if pdf, err := os.ReadFile(filepath.Join(dir, "benchmark.pdf")); err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("no benchmark.pdf (%v)", err)
	}
	for _, want := range []string{"COMPANY", "GRADE", "FIRST RESPONSE", "PERSONAL", filepath.Join(dir, "benchmark.pdf"),
		"replies arrive within seconds in the demo"} {
		if !strings.Contains(out, want) {
			t.Errorf("output does not hold %q:\n%s", want, out)
		}
	}

	// Run again into the same folder: the earlier store is replaced, not
	// resumed, so the new run sends and measures afresh.
	code, out, errs = runCmd("demo", "--out", dir, "--speed", "3")
	if code != exitOK || strings.Count(out, "sent email inquiry") != len(demo.Companies) {
		t.Fatalf("second run: exit %d, stderr %q; want %d inquiries sent again:\n%s", code, errs, len(demo.Companies), out)
	}
}

func TestDemoUsage(t *testing.T) {
	code, out, _ := runCmd("demo", "--help")
	if code != exitOK || !strings.Contains(out, "shopper demo --out") || !strings.Contains(out, "-speed") {
		t.Errorf("demo --help: exit %d, want the usage with examples and flags:\n%s", code, out)
	}
	for _, args := range [][]string{
		{"demo", "extra"},
		{"demo", "--speed", "0"},
		{"demo", "--render", "always"},
		{"demo", "--bogus"},
	} {
		code, out, errs := runCmd(args...)
		if code != exitUsage || out != "" || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.HasPrefix(errs, "shopper demo: ") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one sentence on stderr", args, code, out, errs)
		}
	}
}

func TestDemoOutIsAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(file, []byte("%PDF-"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCmd("demo", "--out", file)
	if code != exitUsage || !strings.HasPrefix(errs, "shopper demo: make the folder "+file) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Errorf("exit %d, stderr %q; want exit 2 and one sentence naming the folder", code, errs)
	}
}

func TestDemoInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"demo", "--out", t.TempDir()}, &out, &errb)
	if code != exitUsage || !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("exit %d, stderr %q; want exit 2 and a word that it was interrupted", code, errb.String())
	}
}
