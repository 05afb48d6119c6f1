package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/history"
	"github.com/shopper-audit/shopper/reports"
	"github.com/shopper-audit/shopper/store"
)

// historyFlags are the audit's flags for comparing with an earlier audit.
//
// A plain audit has no side effects: results are stored (in --db, default
// shopper.db) only when --db or --baseline latest is given. --baseline FILE
// compares with a saved 'shopper audit --json' file and stores nothing
// unless --db is given too.
type historyFlags struct {
	baseline         string
	failOnRegression bool
	db               string
	dbSet            bool
}

func (h *historyFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&h.baseline, "baseline", "", "report what changed since an earlier audit: `FILE` (saved 'shopper audit --json'\noutput) or latest (the site's last audit in --db)")
	fs.BoolVar(&h.failOnRegression, "fail-on-regression", false, "exit 1 when anything was lost since --baseline (a number, chat, FAQ\nquestions, e-mail, form, policy, or points)")
	fs.Func("db", "store each result in this store, for --baseline latest and the score over\ntime: an SQLite `file` or a postgres:// URL (default shopper.db, used only\nwith --db or --baseline latest)", func(s string) error {
		h.db, h.dbSet = s, true
		return nil
	})
}

// check returns a sentence saying what to fix, or "".
func (h *historyFlags) check() string {
	if h.failOnRegression && h.baseline == "" {
		return "--fail-on-regression needs --baseline FILE or --baseline latest"
	}
	return ""
}

// auditHistory compares results with their baselines and stores them. A
// nil *auditHistory (no --baseline, no --db) does neither.
type auditHistory struct {
	h    historyFlags
	db   *store.DB
	file []*audit.Result // --baseline FILE
}

// open reads the baseline file and opens the store, as the flags ask; it
// returns nil when they ask for neither.
func (h *historyFlags) open(ctx context.Context) (*auditHistory, error) {
	if h.baseline == "" && !h.dbSet {
		return nil, nil
	}
	a := &auditHistory{h: *h}
	if h.baseline != "" && h.baseline != "latest" {
		rs, err := readResults(h.baseline)
		if err != nil {
			return nil, err
		}
		a.file = rs
	}
	if h.dbSet || h.baseline == "latest" {
		db, err := store.Open(ctx, h.db)
		if err != nil {
			return nil, fmt.Errorf("%w; check --db", err)
		}
		a.db = db
	}
	return a, nil
}

// readResults reads JSON Lines of audit results.
func readResults(path string) ([]*audit.Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the baseline: %w", err)
	}
	defer f.Close()
	var out []*audit.Result
	dec := json.NewDecoder(bufio.NewReader(f))
	for {
		var r audit.Result
		err := dec.Decode(&r)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil || r.URL == "" {
			return nil, fmt.Errorf("baseline %s is not the output of 'shopper audit --json' (result %d: %v)", path, len(out)+1, errOr(err, "no url"))
		}
		out = append(out, &r)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("baseline %s holds no audit result", path)
	}
	return out, nil
}

func errOr(err error, s string) string {
	if err != nil {
		return err.Error()
	}
	return s
}

func (a *auditHistory) close() {
	if a != nil && a.db != nil {
		a.db.Close()
	}
}

// compare finds r's baseline, stores r when a store is open, and returns
// the changes since the baseline: nil when there is no baseline (said on
// stderr), empty when nothing changed. Problems with the store are said on
// stderr and leave the audit standing.
func (a *auditHistory) compare(ctx context.Context, r *audit.Result, stderr io.Writer) []history.Change {
	if a == nil {
		return nil
	}
	at := time.Now().UTC()
	if r.AuditedAt != nil {
		at = *r.AuditedAt
	}
	var base *audit.Result
	switch {
	case a.file != nil:
		base = pickBaseline(a.file, r)
		if base == nil {
			fmt.Fprintf(stderr, "shopper audit: %s: no audit of this site in --baseline %s; nothing to compare with.\n", r.URL, a.h.baseline)
		}
	case a.h.baseline == "latest":
		old, err := a.db.LatestAudit(ctx, r.URL, at.Add(time.Nanosecond))
		switch {
		case errors.Is(err, store.ErrNotFound):
			fmt.Fprintf(stderr, "shopper audit: %s: no earlier audit in %s; this one is the baseline from now on.\n", r.URL, a.db.URL)
		case err != nil:
			fmt.Fprintf(stderr, "shopper audit: %s: cannot read the baseline: %v.\n", r.URL, sentence(err))
		default:
			var b audit.Result
			if err := json.Unmarshal(old.Result, &b); err != nil {
				fmt.Fprintf(stderr, "shopper audit: %s: the stored audit of %s cannot be read (%v); nothing to compare with.\n", r.URL, old.At.Format(time.RFC3339), err)
			} else {
				base = &b
			}
		}
	}
	if a.db != nil {
		b, err := json.Marshal(r)
		if err == nil {
			_, err = a.db.SaveAudit(ctx, r.URL, at, b)
		}
		if err != nil {
			fmt.Fprintf(stderr, "shopper audit: %s: the result was not stored: %v.\n", r.URL, sentence(err))
		}
	}
	if base == nil {
		return nil
	}
	return history.Diff(base, r)
}

// pickBaseline returns the result in rs of the same site as r: same URL,
// else same home page, else the only one.
func pickBaseline(rs []*audit.Result, r *audit.Result) *audit.Result {
	for _, b := range rs {
		if b.URL == r.URL {
			return b
		}
	}
	for _, b := range rs {
		if b.Home != "" && b.Home == r.Home {
			return b
		}
	}
	if len(rs) == 1 {
		return rs[0]
	}
	return nil
}

// jsonLine writes r as 'shopper audit --json' does, with a "changes"
// field when a baseline was asked for: the list of changes, or null when
// the site had no baseline.
func (a *auditHistory) jsonLine(w io.Writer, r *audit.Result, changes []history.Change) error {
	if a == nil || a.h.baseline == "" {
		return reports.JSONLine(w, r)
	}
	var buf bytes.Buffer
	if err := reports.JSONLine(&buf, r); err != nil {
		return err
	}
	line := bytes.TrimRight(buf.Bytes(), "\n")
	if len(line) < 2 || line[len(line)-1] != '}' {
		return fmt.Errorf("write JSON of %s: not an object", r.URL)
	}
	c, err := json.Marshal(changes)
	if err != nil {
		return fmt.Errorf("write JSON of %s: %w", r.URL, err)
	}
	sep := ","
	if bytes.Equal(line, []byte("{}")) {
		sep = ""
	}
	out := append(append(append(line[:len(line)-1:len(line)-1], sep+`"changes":`...), c...), "}\n"...)
	_, err = w.Write(out)
	return err
}

// summary prints the changes after the text summary.
func (a *auditHistory) summary(w io.Writer, changes []history.Change) error {
	if a == nil || a.h.baseline == "" || changes == nil {
		return nil
	}
	var err error
	p := func(format string, args ...any) {
		if err == nil {
			_, err = fmt.Fprintf(w, format, args...)
		}
	}
	if len(changes) == 0 {
		p("\nNo change since the baseline.\n")
		return err
	}
	p("\nChanges since the baseline (%d, %d lost):\n", len(changes), history.Regressions(changes))
	for _, c := range changes {
		mark := "+"
		switch {
		case c.Regression:
			mark = "✗"
		case c.Kind != history.Added:
			mark = "·"
		}
		p("  %s %s\n", mark, c.Sentence)
	}
	return err
}

// failed reports whether --fail-on-regression fails this site, saying why
// on stderr.
func (a *auditHistory) failed(r *audit.Result, changes []history.Change, stderr io.Writer) bool {
	if a == nil || !a.h.failOnRegression {
		return false
	}
	n := history.Regressions(changes)
	if n == 0 {
		return false
	}
	fmt.Fprintf(stderr, "shopper audit: %s lost %d thing(s) since the baseline, failing --fail-on-regression.\n", r.URL, n)
	return true
}
