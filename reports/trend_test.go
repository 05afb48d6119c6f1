package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/scoring"
)

// withHistory is r with earlier audits of the given totals, a month
// apart, the last one a month before r.
func withHistory(r *audit.Result, totals ...int) *audit.Result {
	for i, n := range totals {
		at := auditedAt.AddDate(0, i-len(totals), 0)
		r.History = append(r.History, audit.Point{At: at, Total: n, Grade: scoring.Grade(n)})
	}
	return r
}

// baselineChanges are changes as `shopper audit --baseline` finds them.
var baselineChanges = []audit.Change{
	{Kind: "removed", Item: "chat", Before: "tawkto", Regression: true, Sentence: "The live chat was removed (was tawkto)."},
	{Kind: "added", Item: "faq", After: "3", Sentence: "An FAQ appeared with 3 questions."},
	{Kind: "changed", Item: "score", Before: "60", After: "62", Sentence: "The score rose from 60 to 62."},
}

func TestSummaryWithHistoryGolden(t *testing.T) {
	r := result()
	r.AuditedAt = &auditedAt
	var b bytes.Buffer
	if err := Summary(&b, withHistory(r, 61, 78)); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("grade %s (was 78 on 14 Feb 2026, %+d)", r.Score.Grade, r.Score.Total-78)
	if !strings.Contains(b.String(), want) {
		t.Errorf("summary lacks %q:\n%s", want, b.String())
	}
	golden(t, "summary.history.golden", b.Bytes())

	// One earlier audit: the change, no trend line.
	b.Reset()
	if err := Summary(&b, withHistory(result(), 40)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "(was 40 on ") || strings.Contains(b.String(), "trend") {
		t.Errorf("one earlier audit: want the change and no trend line:\n%s", b.String())
	}
}

func TestTrendLine(t *testing.T) {
	r := vietnamese() // 62/100
	cases := []struct {
		totals []int
		want   string
	}{
		{[]int{62}, "62 (14 Feb 2026) → 62 now"},
		{[]int{41, 70}, "41 (14 Jan 2026) → 70 (14 Feb 2026) → 62 now"},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, "… → 3 (14 Apr 2025) → "},
	}
	for _, c := range cases {
		r.History = nil
		got := trendLine(withHistory(r, c.totals...), "")
		if !strings.Contains(got, c.want) {
			t.Errorf("trendLine(%v) = %q, want it to contain %q", c.totals, got, c.want)
		}
		if n := strings.Count(got, "→") + 1; n > maxTrendPoints+1 {
			t.Errorf("trendLine(%v) shows %d points, want at most %d and the ellipsis", c.totals, n, maxTrendPoints)
		}
	}
	for n, want := range map[int]string{4: "+4", -3: "-3", 0: "±0"} {
		if got := delta(n); got != want {
			t.Errorf("delta(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestMarkdownWithHistoryGolden(t *testing.T) {
	rs := samples()
	withHistory(rs[0], 55, 60)
	rs[0].Changes = baselineChanges
	var b bytes.Buffer
	if err := Markdown(&b, rs); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"| Total | Change | Grade |",
		fmt.Sprintf("| %d | %+d since 14 Feb 2026 | %s |", rs[0].Score.Total, rs[0].Score.Total-60, rs[0].Score.Grade),
		"| no earlier audit |",
		fmt.Sprintf("Trend: 55 (14 Jan 2026) → 60 (14 Feb 2026) → **%d** now (%+d since 14 Feb 2026)", rs[0].Score.Total, rs[0].Score.Total-60),
		"Changes since the baseline (3, 1 lost):\n\n- ✗ The live chat was removed (was tawkto).\n- \\+ An FAQ appeared",
		"62.\n\nUnmet items:\n\n- ◐ **FAQ depth**",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, got)
		}
	}
	golden(t, "summary.history.golden.md", b.Bytes())
}

func TestMarkdownEndsWithOneNewline(t *testing.T) {
	for name, rs := range map[string][]*audit.Result{
		"none":    nil,
		"one":     {vietnamese()},
		"several": samples(),
		"history": {withHistory(vietnamese(), 50), english()},
	} {
		var b bytes.Buffer
		if err := Markdown(&b, rs); err != nil {
			t.Fatal(err)
		}
		if s := b.String(); !strings.HasSuffix(s, "\n") || strings.HasSuffix(s, "\n\n") {
			t.Errorf("%s: the Markdown ends with %q, want one newline", name, s[max(0, len(s)-20):])
		}
	}
}

func TestScorecardPDFTrend(t *testing.T) {
	r := withHistory(vietnamese(), 41, 55, 60) // now 62
	got := flat(pdfText(t, scorecard(t, r, PDFOptions{Now: auditedAt})))
	for _, want := range []string{
		"▲ +2 since 14 Feb 2026", // beside the grade
		"Score over time",
		"14 Dec 2025", "14 Jan 2026", "14 Feb 2026", "14 Mar 2026", // the dates under the chart
		"This audit: 62 (D)", "Previous, 14 Feb 2026: 60 (D), +2", "First, 14 Dec 2025: 41 (F), +21", "3 earlier audits.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the scorecard's text lacks %q:\n%s", want, got)
		}
	}
	chart := got[strings.Index(got, "Score over time"):strings.Index(got, "Evidence")]
	for _, total := range []string{" 41 ", " 55 ", " 60 ", " 62 "} { // over the points
		if !strings.Contains(chart, total) {
			t.Errorf("the chart lacks the total %q: %s", total, chart)
		}
	}
	if strings.Contains(got, "Changes since the baseline") {
		t.Error("a result without changes lists changes")
	}

	// A fall, and more audits than the chart shows.
	r = withHistory(vietnamese(), 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 70, 80)
	got = flat(pdfText(t, scorecard(t, r, PDFOptions{Now: auditedAt})))
	for _, want := range []string{"▼ -18 since 14 Feb 2026", "13 earlier audits; the last 11 shown.", "First, 14 Feb 2025: 90 (A), -28"} {
		if !strings.Contains(got, want) {
			t.Errorf("the scorecard's text lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "14 Mar 2025") { // the 12th audit back is left out
		t.Errorf("the chart shows an audit older than the last %d:\n%s", maxTrendPoints-1, got)
	}

	// No history: no trend, nothing beside the grade.
	got = flat(pdfText(t, scorecard(t, vietnamese(), PDFOptions{Now: auditedAt})))
	for _, absent := range []string{"Score over time", " since ", "▲", "▼"} {
		if strings.Contains(got, absent) {
			t.Errorf("a scorecard without history shows %q", absent)
		}
	}
}

func TestScorecardPDFChanges(t *testing.T) {
	r := vietnamese()
	r.Changes = baselineChanges
	got := flat(pdfText(t, scorecard(t, r, PDFOptions{Now: auditedAt})))
	for _, want := range []string{
		"Changes since the baseline (3, 1 lost)",
		"✗ The live chat was removed (was tawkto).", "+ An FAQ appeared with 3 questions.", "· The score rose from 60 to 62.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the scorecard's text lacks %q:\n%s", want, got)
		}
	}
	r.Changes = []audit.Change{}
	if got := flat(pdfText(t, scorecard(t, r, PDFOptions{Now: auditedAt}))); !strings.Contains(got, "Changes since the baseline No change since the baseline.") {
		t.Errorf("an empty list of changes does not say nothing changed:\n%s", got)
	}
}

func TestScorecardPDFUnmeasuredSectionTakesOneRow(t *testing.T) {
	r := vietnamese() // no inquiry: the e-mail response section is not measured
	var section scoring.Section
	for _, s := range r.Score.Sections {
		if s.ID == "email_response" {
			section = s
		}
	}
	if len(section.Items) < 2 {
		t.Fatalf("the sample's e-mail response section has %d items; the test needs several", len(section.Items))
	}
	text := pdfText(t, scorecard(t, r, PDFOptions{Now: auditedAt}))
	got := flat(text)
	if strings.Contains(text, "`") {
		t.Errorf("the scorecard prints the rubric's backticks:\n%s", text)
	}
	reason := "no test inquiry was sent (run shopper campaign)"
	// One row in the evidence, one group in the list at the end.
	if n := strings.Count(strings.ToLower(got), reason); n != 2 {
		t.Errorf("%q is printed %d times, want twice (one evidence row, one group):\n%s", reason, n, got)
	}
	row := fmt.Sprintf("%s (%d items) – Not measured %s", section.Title, len(section.Items), reason)
	if !strings.Contains(got, row) {
		t.Errorf("the evidence lacks the row %q:\n%s", row, got)
	}
	titles := make([]string, len(section.Items))
	for i, it := range section.Items {
		titles[i] = it.Title
	}
	group := "No test inquiry was sent (run shopper campaign): " + strings.Join(titles, "; ") + "."
	if !strings.Contains(got, group) {
		t.Errorf("the not-measured list lacks the group %q:\n%s", group, got)
	}
}

func TestScorecardPDFUnmeasuredSectionWithTwoReasons(t *testing.T) {
	r := vietnamese()
	s := &r.Score.Sections[len(r.Score.Sections)-1]
	s.Items[0].Why = "the mailbox could not be read"
	got := flat(pdfText(t, scorecard(t, r, PDFOptions{Now: auditedAt})))
	for _, want := range []string{
		fmt.Sprintf("– Not measured • the mailbox could not be read (1 item) • no test inquiry was sent (run shopper campaign) (%d items)", len(s.Items)-1),
		s.Items[0].Title + ": the mailbox could not be read",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the scorecard's text lacks %q:\n%s", want, got)
		}
	}
}

func TestPlainCode(t *testing.T) {
	for in, want := range map[string]string{
		"no test inquiry was sent (run `shopper campaign`)": "no test inquiry was sent (run shopper campaign)",
		"`a` and `b`":     "a and b",
		"a lone ` stays":  "a lone ` stays",
		"`a` then ` lone": "a then ` lone",
		"no code":         "no code",
	} {
		if got := plainCode(in); got != want {
			t.Errorf("plainCode(%q) = %q, want %q", in, got, want)
		}
	}
}
