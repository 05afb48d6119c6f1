package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/store"
)

// auditLine decodes one line of 'shopper audit --json'.
func auditLine(t *testing.T, line string) *audit.Result {
	t.Helper()
	var r audit.Result
	if err := json.Unmarshal([]byte(line), &r); err != nil || r.URL == "" {
		t.Fatalf("JSON %q: %v", line, err)
	}
	return &r
}

func TestAuditWithDBShowsTheTrend(t *testing.T) {
	srv := shop(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")

	// The first audit kept in the store has no history.
	code, out, errs := runCmd(auditArgs("--db", db, "--json", srv.URL)...)
	if code != exitOK {
		t.Fatalf("first audit: exit %d, stderr %q", code, errs)
	}
	first := auditLine(t, out)
	if first.History != nil || strings.Contains(out, `"history"`) {
		t.Errorf("first audit: history %+v, want none", first.History)
	}
	ageAudits(t, db, first.URL)

	// The second finds the first; it is stored without its history.
	code, out, errs = runCmd(auditArgs("--db", db, "--json", srv.URL)...)
	if code != exitOK {
		t.Fatalf("second audit: exit %d, stderr %q", code, errs)
	}
	second := auditLine(t, out)
	if len(second.History) != 1 || second.History[0].Total != first.Score.Total || !second.History[0].At.Equal(first.AuditedAt.AddDate(0, 0, -1)) || second.History[0].Grade != first.Score.Grade {
		t.Errorf("second audit: history %+v, want the first audit (%d, a day before %s)", second.History, first.Score.Total, first.AuditedAt)
	}
	ageAudits(t, db, first.URL)

	// The summary, the Markdown and the PDF of the third show the trend;
	// with --baseline latest the PDF lists the changes, and the JSON
	// line carries them once.
	md, pdf := filepath.Join(dir, "summary.md"), filepath.Join(dir, "card.pdf")
	code, out, errs = runCmd(auditArgs("--db", db, "--baseline", "latest", "--markdown", md, "--pdf", pdf, srv.URL)...)
	if code != exitOK {
		t.Fatalf("third audit: exit %d, stderr %q", code, errs)
	}
	was := fmt.Sprintf("(was %d on %s, ±0)", second.Score.Total, second.AuditedAt.AddDate(0, 0, -1).Format("2 Jan 2006"))
	if !strings.Contains(out, was) || !strings.Contains(out, "  trend ") {
		t.Errorf("summary lacks %q and the trend line:\n%s", was, out)
	}
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "| Change |") || !strings.Contains(string(b), "±0 since ") || !strings.Contains(string(b), "Trend: ") {
		t.Errorf("Markdown lacks the change column and the trend:\n%s", b)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"Score over time", "2 earlier audits.", "±0 since", "Changes since the baseline No change since the baseline."} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	code, out, errs = runCmd(auditArgs("--db", db, "--baseline", "latest", "--json", srv.URL)...)
	if code != exitOK {
		t.Fatalf("fourth audit: exit %d, stderr %q", code, errs)
	}
	if n := strings.Count(out, `"changes"`); n != 1 {
		t.Errorf(`the JSON line has "changes" %d times, want once: %s`, n, out)
	}
	if fourth := auditLine(t, out); len(fourth.History) != 3 {
		t.Errorf("fourth audit: %d earlier audits, want 3", len(fourth.History))
	}
	// What the store keeps carries no history of its own.
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	kept, err := s.ListAudits(context.Background(), first.URL)
	if err != nil || len(kept) != 4 {
		t.Fatalf("%d audits kept, %v; want 4", len(kept), err)
	}
	for _, a := range kept {
		if strings.Contains(string(a.Result), `"history"`) {
			t.Errorf("the audit kept at %s carries a history", a.At)
		}
	}
}

func TestReportWithDBShowsTheTrend(t *testing.T) {
	results := saved(t, shop(t).URL)
	r := auditLine(t, strings.SplitN(readFile(t, results), "\n", 2)[0])
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	// Two earlier audits, one that failed, the saved audit itself and a
	// later one: only the two earlier ones make the trend, once each.
	at := *r.AuditedAt
	for _, a := range []struct {
		at    time.Time
		total int
	}{{at.AddDate(0, -2, 0), 41}, {at.AddDate(0, -1, 0), 55}, {at, r.Score.Total}, {at.AddDate(0, 0, 1), 99}} {
		if _, err := s.SaveAudit(context.Background(), r.URL, a.at, fmt.Appendf(nil, `{"url":%q,"score":{"total":%d,"grade":"X"}}`, r.URL, a.total)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SaveJobAudit(context.Background(), store.Audit{Site: r.URL, At: at.AddDate(0, 0, -3), Error: "site down", Key: "k1"}); err != nil {
		t.Fatal(err)
	}
	// A campaign's copy of the second: the same audit, kept twice.
	copied := fmt.Appendf(nil, `{"url":%q,"score":{"total":%d,"grade":"X"}}`, r.URL, 55)
	if _, err := s.SaveJobAudit(context.Background(), store.Audit{Site: r.URL, At: at.AddDate(0, -1, 0), Result: copied, Batch: "campaign:c", Key: "campaign:c/Acme"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	code, out, errs := runCmd("report", "--db", db, results)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	prev := at.AddDate(0, -1, 0).Format("2 Jan 2006")
	for _, want := range []string{
		fmt.Sprintf("(was 55 on %s, %+d)", prev, r.Score.Total-55),
		fmt.Sprintf("trend 41 (%s) → 55 (%s) → %d now", at.AddDate(0, -2, 0).Format("2 Jan 2006"), prev, r.Score.Total),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	// Without --db: no trend.
	if _, out, _ := runCmd("report", results); strings.Contains(out, "(was ") {
		t.Errorf("without --db the summary shows a trend:\n%s", out)
	}
	// A store that is not there is not made.
	missing := filepath.Join(dir, "none.db")
	code, _, errs = runCmd("report", "--db", missing, results)
	if code != exitUsage || !strings.Contains(errs, "--db: cannot read the store") || strings.Count(errs, "\n") != 1 {
		t.Errorf("--db missing: exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("report --db made a store")
	}
}

// ageAudits moves the audits of site kept in the store at path a day
// back, as if they had been made the day before.
func ageAudits(t *testing.T, path, site string) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	kept, err := s.ListAudits(ctx, site)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range kept {
		at := a.At.AddDate(0, 0, -1).UTC().Format("2006-01-02T15:04:05.000000000Z")
		if _, err := s.SQL.ExecContext(ctx, `UPDATE audits SET audited_at = $1 WHERE id = $2`, at, a.ID); err != nil {
			t.Fatal(err)
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
