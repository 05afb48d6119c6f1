package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/reports"
	"github.com/shopper-audit/shopper/scoring"
	"github.com/shopper-audit/shopper/store"
)

const reportUsage = `Usage: shopper report [flags] RESULTS.jsonl

Renders reports from saved audit results — the JSON Lines that
'shopper audit --json' prints — without the network: PDF scorecards for a
client, JUnit XML and a Markdown summary for a CI job. Give '-' to read the
results from standard input. With no output flag it prints the summary.

Examples:
  shopper audit --json example.com example.vn > results.jsonl
  shopper report --pdf reports/ results.jsonl
  shopper report --pdf acme.pdf --brand-name "Northwind Consulting" --brand-logo logo.png acme.jsonl
  shopper report --junit junit.xml --markdown "$GITHUB_STEP_SUMMARY" --fail-under 70 results.jsonl
  shopper report --rubric strict.yaml --pdf reports/ results.jsonl   # re-score first
  cat results.jsonl | shopper report --markdown summary.md -
  shopper report --db shopper.db --pdf acme.pdf acme.jsonl   # with the score over time

--pdf PATH: with one result, PATH is the scorecard PDF (or a folder to put it
in, when PATH is one or ends in /); with several, PATH
is a folder that receives one scorecard per company, named after it, and
benchmark.pdf comparing them all.

--db FILE: the reports show each site's score over time, from the earlier
audits of the site that 'shopper audit --db' or 'shopper benchmark' kept
there; results that carry "changes" (from --baseline) list them too.

Exit codes: 0 done; 1 a site scored under --fail-under; 2 a usage error or
results that cannot be read (the reason is printed on stderr).

Flags:
`

// outputFlags are the report outputs 'shopper audit' and 'shopper report'
// share.
type outputFlags struct {
	pdf, junit, markdown string
	brandName, brandLogo string
	rubricPath           string

	logo   []byte
	rubric *scoring.Rubric
}

func (o *outputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&o.pdf, "pdf", "", "write PDF scorecards: to `PATH` for one site; for several, into the folder\nPATH, one per company plus benchmark.pdf")
	fs.StringVar(&o.junit, "junit", "", "write JUnit XML to `FILE`: a test suite per site, a test case per rubric item")
	fs.StringVar(&o.markdown, "markdown", "", "write a Markdown summary for a CI job page to `FILE`")
	fs.StringVar(&o.brandName, "brand-name", "", "print `NAME` (e.g. your consultancy) in the PDF headers")
	fs.StringVar(&o.brandLogo, "brand-logo", "", "print the PNG logo in `FILE` in the PDF headers")
	fs.StringVar(&o.rubricPath, "rubric", "", "score with the YAML rubric in `FILE` instead of the built-in one")
}

// load checks the flags and reads the logo and the rubric. It returns a
// sentence saying what to fix.
func (o *outputFlags) load() string {
	if o.brandLogo != "" {
		b, err := os.ReadFile(o.brandLogo)
		if err != nil {
			return fmt.Sprintf("--brand-logo: cannot read %s (%v); give a PNG file", o.brandLogo, unwrapPath(err))
		}
		if err := reports.CheckLogo(b); err != nil {
			return fmt.Sprintf("--brand-logo %s is %v; give a PNG file", o.brandLogo, err)
		}
		o.logo = b
	}
	if (o.brandName != "" || o.brandLogo != "") && o.pdf == "" {
		return "--brand-name and --brand-logo brand the PDF; add --pdf PATH"
	}
	if o.rubricPath != "" {
		r, err := scoring.LoadRubric(o.rubricPath)
		if err != nil {
			return "--rubric: " + strings.TrimSuffix(err.Error(), ".")
		}
		o.rubric = r
	}
	return ""
}

// unwrapPath drops the path from an *os.PathError, which the caller names.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// write renders the requested reports of results. many says whether --pdf
// names a folder (several sites asked for) or a file (one).
func (o *outputFlags) write(results []*audit.Result, many bool) error {
	if o.pdf != "" && len(results) > 0 {
		opt := reports.PDFOptions{BrandName: o.brandName, BrandLogo: o.logo, Now: time.Now()}
		if err := writePDFs(o.pdf, results, many, opt); err != nil {
			return err
		}
	}
	if o.junit != "" {
		if err := writeFile(o.junit, func(w io.Writer) error { return reports.JUnit(w, results) }); err != nil {
			return err
		}
	}
	if o.markdown != "" {
		if err := writeFile(o.markdown, func(w io.Writer) error { return reports.Markdown(w, results) }); err != nil {
			return err
		}
	}
	return nil
}

// writePDFs writes one scorecard to path, or, for many sites, a scorecard
// per company and benchmark.pdf into the folder path.
func writePDFs(path string, results []*audit.Result, many bool, opt reports.PDFOptions) error {
	if !many {
		// One site: PATH is the PDF, or, when it is a folder (or ends in a
		// slash), the folder that receives it under the company's name.
		if st, err := os.Stat(path); err == nil && st.IsDir() || strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
			path = filepath.Join(path, fileName(results[0], nil))
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("--pdf: cannot make the folder %s (%v)", filepath.Dir(path), unwrapPath(err))
		}
		return writeFile(path, func(w io.Writer) error { return reports.ScorecardPDF(w, results[0], opt) })
	}
	if err := os.MkdirAll(path, 0o755); err != nil {
		return fmt.Errorf("--pdf: cannot make the folder %s (%v)", path, unwrapPath(err))
	}
	used := map[string]bool{"benchmark.pdf": true}
	for _, r := range results {
		name := fileName(r, used)
		if err := writeFile(filepath.Join(path, name), func(w io.Writer) error { return reports.ScorecardPDF(w, r, opt) }); err != nil {
			return err
		}
	}
	return writeFile(filepath.Join(path, "benchmark.pdf"), func(w io.Writer) error { return reports.BenchmarkPDF(w, results, opt) })
}

// writeFile writes a file through render; a partly written file is
// removed.
func writeFile(path string, render func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("cannot write %s (%v)", path, unwrapPath(err))
	}
	if err := render(f); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return fmt.Errorf("cannot write %s (%v)", path, unwrapPath(err))
	}
	return nil
}

// fileName names a company's scorecard: its name folded to lowercase
// ASCII letters, digits and hyphens ("Công ty Ánh Dương" →
// "cong-ty-anh-duong.pdf"), else its host; unique among used, to which it
// is added.
func fileName(r *audit.Result, used map[string]bool) string {
	base := slug(r.Company)
	if base == "" {
		base = slug(strings.TrimPrefix(hostOf(r.URL), "www."))
	}
	if base == "" {
		base = "site"
	}
	name := base + ".pdf"
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s-%d.pdf", base, i)
	}
	if used != nil {
		used[name] = true
	}
	return name
}

var fold = strings.NewReplacer("đ", "d", "Đ", "d", "ı", "i", "ø", "o", "Ø", "o", "ß", "ss", "æ", "ae", "Æ", "ae", "ł", "l", "Ł", "l")

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(fold.Replace(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return b.String()
}

func hostOf(raw string) string {
	if i := strings.Index(raw, "://"); i >= 0 {
		raw = raw[i+3:]
	}
	if i := strings.IndexAny(raw, "/?#"); i >= 0 {
		raw = raw[:i]
	}
	return raw
}

func runReport(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var o outputFlags
	var failUnder int
	var dbURL string
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o.register(fs)
	fs.IntVar(&failUnder, "fail-under", 0, "exit 1 when any site scores below `N` (0..100)")
	fs.StringVar(&dbURL, "db", "", "show each site's score over time from the audits kept in this store: the\nSQLite `file` or postgres:// URL that 'shopper audit --db' or 'shopper benchmark' wrote")
	files, help, err := parseFlags(fs, reportUsage, args, stdout)
	if help {
		return exitOK
	}
	if err != nil {
		return exitUsage // the flag package has said why
	}
	msg := ""
	switch {
	case len(files) != 1:
		msg = "give one file of results from 'shopper audit --json', or '-' for standard input (see --help)"
	case failUnder < 0 || failUnder > 100:
		msg = "--fail-under takes a score from 0 to 100"
	default:
		msg = o.load()
	}
	if msg == "" && dbURL != "" {
		msg = checkStoreExists(dbURL)
	}
	if msg != "" {
		fmt.Fprintf(stderr, "shopper report: %s.\n", strings.TrimSuffix(msg, "."))
		return exitUsage
	}
	in, name := stdin, "standard input"
	if files[0] != "-" {
		f, err := os.Open(files[0])
		if err != nil {
			fmt.Fprintf(stderr, "shopper report: cannot read %s (%v).\n", files[0], unwrapPath(err))
			return exitUsage
		}
		defer f.Close()
		in, name = f, files[0]
	}
	results, err := reports.ReadResults(in, name)
	if err != nil {
		fmt.Fprintf(stderr, "shopper report: %s.\n", strings.TrimSuffix(err.Error(), "."))
		return exitUsage
	}
	if o.rubric != nil {
		for _, r := range results {
			r.Rescore(o.rubric)
		}
	}
	if dbURL != "" {
		if err := addHistory(ctx, dbURL, results); err != nil {
			fmt.Fprintf(stderr, "shopper report: %s; check --db.\n", sentence(err))
			return exitUsage
		}
	}
	if err := o.write(results, len(results) > 1); err != nil {
		fmt.Fprintf(stderr, "shopper report: %s.\n", strings.TrimSuffix(err.Error(), "."))
		return exitUsage
	}
	if o.pdf == "" && o.junit == "" && o.markdown == "" {
		for i, r := range results {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			if err := reports.Summary(stdout, r); err != nil {
				fmt.Fprintf(stderr, "shopper report: %v\n", err)
				return exitUsage
			}
		}
	}
	return thresholds(results, failUnder, "shopper report", stderr)
}

// checkStoreExists says what to fix when --db names an SQLite file that
// does not exist: a report reads a store, it never starts one.
func checkStoreExists(dsn string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return ""
	}
	path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite://"), "sqlite:")
	if _, err := os.Stat(path); err != nil {
		return fmt.Sprintf("--db: cannot read the store %s (%v); give the file 'shopper audit --db' or 'shopper benchmark' wrote", path, unwrapPath(err))
	}
	return ""
}

// addHistory gives each result the audits of its site kept in the store
// before it, for the reports' trend; results audited at an unknown time
// get every kept audit.
func addHistory(ctx context.Context, dsn string, results []*audit.Result) error {
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, r := range results {
		at := r.AuditedAt
		pts, err := earlierAudits(ctx, db, r.URL, func(s store.Audit) bool { return at == nil || s.At.Before(*at) })
		if err != nil {
			return err
		}
		r.History = pts
	}
	return nil
}

// thresholds says which sites scored under --fail-under and returns
// exitThreshold if any did.
func thresholds(results []*audit.Result, failUnder int, who string, stderr io.Writer) int {
	code := exitOK
	for _, r := range results {
		if failUnder > 0 && r.Score.Total < failUnder {
			fmt.Fprintf(stderr, "%s: %s scored %d, under --fail-under %d.\n", who, r.URL, r.Score.Total, failUnder)
			code = exitThreshold
		}
	}
	return code
}
