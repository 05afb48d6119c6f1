package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/shopper-audit/shopper/audit"
)

// maxTrendPoints is the most audits a trend shows, the current one
// included: the latest ones.
const maxTrendPoints = 12

// previous returns the site's last earlier audit, or nil when the result
// carries no history.
func previous(r *audit.Result) *audit.Point {
	if len(r.History) == 0 {
		return nil
	}
	return &r.History[len(r.History)-1]
}

// day prints the date of an audit, as "20 Nov 2026".
func day(t time.Time) string { return t.UTC().Format("2 Jan 2006") }

// delta prints a change of total as "+4", "-3" or "±0".
func delta(n int) string {
	if n == 0 {
		return "±0"
	}
	return fmt.Sprintf("%+d", n)
}

// sincePrevious says how the total moved since the last earlier audit:
// "was 78 on 20 Nov 2026, +4"; "" without history.
func sincePrevious(r *audit.Result) string {
	p := previous(r)
	if p == nil {
		return ""
	}
	return fmt.Sprintf("was %d on %s, %s", p.Total, day(p.At), delta(r.Score.Total-p.Total))
}

// trendPoint is one audit on a trend: an earlier one or the current one.
type trendPoint struct {
	at      *time.Time // nil: the current audit, undated
	total   int
	grade   string
	current bool
}

// trendPoints returns the latest audits of the trend, oldest first, the
// current one last, and how many earlier audits were left out.
func trendPoints(r *audit.Result) ([]trendPoint, int) {
	hist := r.History
	left := 0
	if len(hist) > maxTrendPoints-1 {
		left = len(hist) - (maxTrendPoints - 1)
		hist = hist[left:]
	}
	out := make([]trendPoint, 0, len(hist)+1)
	for i := range hist {
		out = append(out, trendPoint{at: &hist[i].At, total: hist[i].Total, grade: clean(hist[i].Grade, 2)})
	}
	return append(out, trendPoint{at: r.AuditedAt, total: r.Score.Total, grade: clean(r.Score.Grade, 2), current: true}), left
}

// trendLine prints the trend in one line: "61 (14 Mar 2026) → 78 (20 Nov
// 2026) → 82 now", with "… → " first when earlier audits were left out.
// bold wraps the current total (Markdown's "**" or "").
func trendLine(r *audit.Result, bold string) string {
	points, left := trendPoints(r)
	parts := make([]string, 0, len(points)+1)
	if left > 0 {
		parts = append(parts, "…")
	}
	for _, p := range points {
		if p.current {
			parts = append(parts, fmt.Sprintf("%s%d%s now", bold, p.total, bold))
			continue
		}
		parts = append(parts, fmt.Sprintf("%d (%s)", p.total, day(*p.at)))
	}
	return strings.Join(parts, " → ")
}

// changeMark marks a change from the baseline: ✗ lost, + added, · moved.
func changeMark(c audit.Change) string {
	switch {
	case c.Regression:
		return "✗"
	case c.Kind == "added":
		return "+"
	}
	return "·"
}

// regressions counts the changes that are regressions.
func regressions(cs []audit.Change) int {
	n := 0
	for _, c := range cs {
		if c.Regression {
			n++
		}
	}
	return n
}

// plainCode drops the backticks of Markdown code spans from text that
// the rubric wrote in Markdown ("run `shopper campaign`"), for output that
// is not Markdown. A lone backtick is kept.
func plainCode(s string) string {
	if strings.Count(s, "`") < 2 {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '`')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i+1:], '`')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		b.WriteString(s[i+1 : i+1+j])
		s = s[i+1+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// prose cleans rubric text (a title, a reason, a recommendation) for the
// PDF: clean, without Markdown code spans.
func prose(s string, n int) string { return clean(plainCode(s), n) }

// trend draws the site's score over time, when the result carries
// earlier audits: a small line chart of the totals, dated, the current
// audit last, and beside it the previous and the first audit.
func (d *doc) trend(r *audit.Result) {
	if len(r.History) == 0 {
		return
	}
	points, left := trendPoints(r)
	d.heading("Score over time", 36)
	y0 := d.GetY()
	const (
		plotX = marginL + 8
		plotW = 112.0
		plotH = 26.0
	)
	top := y0 + 3
	yOf := func(total int) float64 { return top + plotH*(1-float64(min(max(total, 0), 100))/100) }
	// Scale: 0, 50 and 100, in light rules.
	d.SetFont(fontFamily, "", 6.5)
	d.color(colMuted)
	d.draw(colTrack)
	d.SetLineWidth(0.2)
	for _, v := range []int{0, 50, 100} {
		y := yOf(v)
		d.Line(plotX, y, plotX+plotW, y)
		d.SetXY(marginL, y-1.5)
		d.CellFormat(7, 3, strconv.Itoa(v), "", 0, "RM", false, 0, "")
	}
	xOf := func(i int) float64 { return plotX + 5 + float64(i)*(plotW-10)/float64(len(points)-1) }
	d.draw(colAccent)
	d.SetLineWidth(0.5)
	for i := 1; i < len(points); i++ {
		d.Line(xOf(i-1), yOf(points[i-1].total), xOf(i), yOf(points[i].total))
	}
	// Dates under the plot: every point when they fit, else every k-th
	// and the last.
	k := (len(points) + 5) / 6
	for i, p := range points {
		x, y := xOf(i), yOf(p.total)
		style, rad, col := "", 0.9, colAccent
		if p.current {
			style, rad, col = "B", 1.3, colInk
		}
		d.fill(col)
		d.Circle(x, y, rad, "F")
		d.SetFont(fontFamily, style, 6.5)
		d.color(colInk)
		d.SetXY(x-5, y-4.6)
		d.CellFormat(10, 3, strconv.Itoa(p.total), "", 0, "CM", false, 0, "")
		last := i == len(points)-1
		if !last && (i%k != 0 || len(points)-1-i < k) {
			continue
		}
		label := "this audit"
		if p.at != nil {
			label = day(*p.at)
		}
		d.color(colMuted)
		d.SetXY(x-10, top+plotH+1.2)
		d.CellFormat(20, 3, label, "", 0, "CM", false, 0, "")
	}
	// Beside the chart: this audit, the previous and the first.
	prev, first := previous(r), r.History[0]
	facts := []string{
		fmt.Sprintf("This audit: %d (%s)", r.Score.Total, clean(r.Score.Grade, 2)),
		fmt.Sprintf("Previous, %s: %d (%s), %s", day(prev.At), prev.Total, clean(prev.Grade, 2), delta(r.Score.Total-prev.Total)),
	}
	if len(r.History) > 1 {
		facts = append(facts, fmt.Sprintf("First, %s: %d (%s), %s", day(first.At), first.Total, clean(first.Grade, 2), delta(r.Score.Total-first.Total)))
	}
	n := fmt.Sprintf("%d earlier audit%s", len(r.History), plural(len(r.History)))
	if left > 0 {
		n += fmt.Sprintf("; the last %d shown", len(points)-1)
	}
	facts = append(facts, n+".")
	d.SetFont(fontFamily, "", 8)
	d.color(colInk)
	d.SetXY(marginL+128, top-1)
	d.MultiCell(bodyW-128, 4.2, strings.Join(facts, "\n"), "", "L", false)
	d.SetY(math.Max(d.GetY(), top+plotH+5) + 1)
}

// changes lists what changed since the baseline audit, when the result
// carries the changes `shopper audit --baseline` found: losses first. An
// empty list (not nil) says nothing changed.
func (d *doc) changes(r *audit.Result) {
	if r.Changes == nil {
		return
	}
	if len(r.Changes) == 0 {
		d.heading("Changes since the baseline", 6)
		d.para("No change since the baseline.", 8.5, colInk)
		return
	}
	d.heading(fmt.Sprintf("Changes since the baseline (%d, %d lost)", len(r.Changes), regressions(r.Changes)), 8)
	for i, c := range r.Changes {
		if i == maxItemRows {
			d.para(fmt.Sprintf("… and %d more.", len(r.Changes)-i), 8, colMuted)
			break
		}
		d.marked(changeMark(c), clean(c.Sentence, maxWhyRunes), 8.5)
	}
}
