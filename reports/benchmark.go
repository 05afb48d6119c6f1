package reports

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/shopper-audit/shopper/audit"
)

// Rank orders results for a benchmark: highest total first, ties by
// company name, then by URL. It returns a new slice.
func Rank(results []*audit.Result) []*audit.Result {
	out := slices.Clone(results)
	slices.SortStableFunc(out, func(a, b *audit.Result) int {
		return cmp.Or(cmp.Compare(b.Score.Total, a.Score.Total), cmp.Compare(company(a), company(b)), cmp.Compare(a.URL, b.URL))
	})
	return out
}

// BenchmarkPDF writes a benchmark of several companies as an A4 PDF: a
// ranking table, a bar chart of the totals, a section-by-section matrix
// and, when the results carry inquiries, each company's first response
// time against the 24-hour limit and the best-in-class band. Charts show
// the first 40 companies of the ranking; the table lists them all.
func BenchmarkPDF(w io.Writer, results []*audit.Result, opt PDFOptions) error {
	if len(results) == 0 {
		return errors.New("benchmark PDF: no results to compare")
	}
	ranked := Rank(results)
	d := newDoc(opt, "Customer-service benchmark", fmt.Sprintf("Customer-service benchmark of %d companies", len(ranked)))
	d.rubric = rubricOf(ranked)
	d.AddPage()

	d.SetFont(fontFamily, "B", 20)
	d.color(colInk)
	d.CellFormat(bodyW, 10, "Customer-service benchmark", "", 1, "LM", false, 0, "")
	d.para(fmt.Sprintf("%d companies audited as a customer would find them: phone, FAQ, live chat, contact channels and policies%s.", len(ranked), inquiriesNote(ranked)), 9.5, colMuted)
	d.ranking(ranked)
	d.totalsChart(ranked)
	d.matrix(ranked)
	d.responseChart(ranked)
	d.heading("Benchmarks", 20)
	for _, l := range benchmarkLines {
		d.bullet(l, 8.5)
	}
	return d.finish(w, "benchmark")
}

func inquiriesNote(rs []*audit.Result) string {
	for _, r := range rs {
		if len(r.Inquiries) > 0 {
			return ", with test inquiries sent to measure how fast and how well each answers"
		}
	}
	return ""
}

// rubricOf names the rubric the results were scored with, or "mixed".
func rubricOf(rs []*audit.Result) string {
	v := rs[0].Score.Rubric
	for _, r := range rs[1:] {
		if r.Score.Rubric != v {
			return "mixed"
		}
	}
	return clean(v, 60)
}

func (d *doc) ranking(rs []*audit.Result) {
	d.heading("Ranking", 20)
	head := []column{
		{w: 14, text: "Rank", bold: true, align: "R"},
		{w: 62, text: "Company", bold: true},
		{w: 64, text: "Website", bold: true},
		{w: 20, text: "Total", bold: true, align: "R"},
		{w: 20, text: "Grade", bold: true, align: "C"},
	}
	d.row(head, nil, true)
	rank := 0
	for i, r := range rs {
		if i == 0 || r.Score.Total != rs[i-1].Score.Total {
			rank = i + 1
		}
		d.row([]column{
			{w: 14, text: fmt.Sprint(rank), align: "R"},
			{w: 62, text: company(r), bold: true},
			{w: 64, text: clean(r.URL, 90), col: colMuted},
			{w: 20, text: fmt.Sprintf("%d / 100", r.Score.Total), align: "R"},
			{w: 20, text: clean(r.Score.Grade, 2), bold: true, align: "C"},
		}, head, false)
	}
}

// chartNames writes a company's name in the left column of a chart row.
func (d *doc) chartName(y, w float64, name string) {
	d.SetFont(fontFamily, "", 8)
	d.color(colInk)
	d.SetXY(marginL, y)
	d.CellFormat(w, 5, d.fit(name, w-1), "", 0, "RM", false, 0, "")
}

// fit cuts text to one line of width w at the current font.
func (d *doc) fit(text string, w float64) string {
	if d.GetStringWidth(text) <= w {
		return text
	}
	r := []rune(text)
	for len(r) > 1 && d.GetStringWidth(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ") + "…"
}

func (d *doc) chartNote(rs []*audit.Result) []*audit.Result {
	if len(rs) > maxChartedRows {
		d.para(fmt.Sprintf("The first %d of %d companies in the ranking.", maxChartedRows, len(rs)), 8, colMuted)
		return rs[:maxChartedRows]
	}
	return rs
}

// totalsChart draws a horizontal bar per company: its total of 100.
func (d *doc) totalsChart(rs []*audit.Result) {
	const nameW, chartW = 52.0, 110.0
	d.heading("Totals", 20)
	rs = d.chartNote(rs)
	for _, r := range rs {
		d.room(6)
		y := d.GetY()
		d.chartName(y, nameW, company(r))
		d.bar(marginL+nameW+2, y+0.8, chartW, 3.4, float64(r.Score.Total)/100)
		d.SetFont(fontFamily, "B", 8)
		d.SetXY(marginL+nameW+chartW+4, y)
		d.CellFormat(bodyW-nameW-chartW-4, 5, fmt.Sprintf("%d  %s", r.Score.Total, clean(r.Score.Grade, 2)), "", 0, "LM", false, 0, "")
		d.SetY(y + 5.5)
	}
}

// matrix compares the companies section by section.
func (d *doc) matrix(rs []*audit.Result) {
	type sec struct{ id, title string }
	var secs []sec
	seen := map[string]bool{}
	for _, r := range rs {
		for _, s := range r.Score.Sections {
			if !seen[s.ID] && len(secs) < 8 {
				seen[s.ID] = true
				secs = append(secs, sec{s.ID, clean(s.Title, 24)})
			}
		}
	}
	if len(secs) == 0 {
		return
	}
	const nameW, totalW = 46.0, 16.0
	cw := (bodyW - nameW - totalW) / float64(len(secs))
	d.heading("Section by section", 24)
	rs = d.chartNote(rs)
	header := func() {
		y := d.GetY()
		d.fill(colHead)
		d.Rect(marginL, y, bodyW, 9, "F")
		d.SetFont(fontFamily, "B", 7.5)
		d.color(colInk)
		d.SetXY(marginL+1, y)
		d.CellFormat(nameW-1, 9, "Company", "", 0, "LM", false, 0, "")
		for i, s := range secs {
			for j, l := range d.lines(s.title, cw, 2) {
				d.SetXY(marginL+nameW+float64(i)*cw, y+0.5+float64(j)*4)
				d.CellFormat(cw, 4, l, "", 0, "CM", false, 0, "")
			}
		}
		d.SetXY(marginL+nameW+float64(len(secs))*cw, y)
		d.CellFormat(totalW, 9, "Total", "", 0, "CM", false, 0, "")
		d.SetY(y + 9)
	}
	header()
	for _, r := range rs {
		if d.GetY()+6 > pageH-marginB {
			d.AddPage()
			header()
		}
		y := d.GetY()
		d.SetFont(fontFamily, "", 7.5)
		d.color(colInk)
		d.SetXY(marginL+1, y)
		d.CellFormat(nameW-1, 6, d.fit(company(r), nameW-2), "", 0, "LM", false, 0, "")
		bySec := map[string]int{}
		for i, s := range r.Score.Sections {
			bySec[s.ID] = i
		}
		for i, s := range secs {
			x := marginL + nameW + float64(i)*cw
			j, ok := bySec[s.id]
			text, col := "–", colMuted
			if ok {
				sc := r.Score.Sections[j]
				if sc.Max > 0 {
					frac := math.Max(0, math.Min(1, sc.Points/sc.Max))
					g := int(250 - 110*frac) // darker is better; text stays readable
					d.SetFillColor(g, g, g)
					d.Rect(x+0.3, y+0.3, cw-0.6, 5.4, "F")
					text, col = num(sc.Points)+"/"+num(sc.Max), colInk
				} else {
					text = "n/m"
				}
			}
			d.color(col)
			d.SetXY(x, y)
			d.CellFormat(cw, 6, text, "", 0, "CM", false, 0, "")
		}
		d.SetFont(fontFamily, "B", 7.5)
		d.color(colInk)
		d.SetXY(marginL+nameW+float64(len(secs))*cw, y)
		d.CellFormat(totalW, 6, fmt.Sprintf("%d %s", r.Score.Total, clean(r.Score.Grade, 2)), "", 0, "CM", false, 0, "")
		d.draw(colRule)
		d.SetLineWidth(0.15)
		d.Line(marginL, y+6, marginL+bodyW, y+6)
		d.SetY(y + 6)
	}
	d.Ln(1)
	d.para("Cells show points won over points measured; darker is better. n/m: not measured.", 7.5, colMuted)
}

// responseChart draws each company's median first response to its test
// inquiries against the 24 h limit and the best-in-class band.
func (d *doc) responseChart(rs []*audit.Result) {
	type row struct {
		name string
		secs float64
		ok   bool
		n    int
	}
	var rows []row
	scale := float64(chartMinScale)
	for _, r := range rs {
		if len(r.Inquiries) == 0 {
			continue
		}
		s, ok, n := firstResponse(r)
		rows = append(rows, row{company(r), s, ok, n})
		if ok {
			scale = math.Max(scale, s*1.08)
		}
	}
	if len(rows) == 0 {
		return
	}
	scale = math.Min(scale, maxChartScale)
	slices.SortStableFunc(rows, func(a, b row) int {
		switch {
		case a.ok != b.ok:
			if a.ok {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.secs, b.secs)
	})
	if len(rows) > maxChartedRows {
		rows = rows[:maxChartedRows]
	}
	const nameW, chartW = 52.0, 100.0
	cx := marginL + nameW + 2
	x := func(s float64) float64 { return cx + chartW*math.Min(s, scale)/scale }
	d.heading("First response to test inquiries", 30)
	d.para("Median time to the first reply of each company's test inquiries. Solid line: the 24-hour limit for a first e-response; shaded band: best in class, 2–4 hours.", 7.5, colMuted)
	d.Ln(5)
	d.room(float64(len(rows))*5.5 + 4)
	top := d.GetY()
	bottom := top + float64(len(rows))*5.5
	d.fill(colBand)
	d.Rect(x(bestInClassLo), top-1, x(bestInClassHi)-x(bestInClassLo), bottom-top+2, "F")
	d.SetFont(fontFamily, "", 6.5)
	d.color(colMuted)
	d.SetXY(x(bestInClassLo)-8, top-5)
	d.CellFormat(x(bestInClassHi)-x(bestInClassLo)+16, 3.5, "2–4 h", "", 0, "CM", false, 0, "")
	d.SetXY(x(replyLimit)-8, top-5)
	d.CellFormat(16, 3.5, "24 h", "", 0, "CM", false, 0, "")
	for i, r := range rows {
		y := top + float64(i)*5.5
		d.chartName(y, nameW, r.name)
		d.SetFont(fontFamily, "", 7.5)
		if !r.ok {
			d.color(colMuted)
			d.SetXY(cx, y)
			d.CellFormat(chartW, 5, fmt.Sprintf("no reply to %d inquir%s", r.n, map[bool]string{true: "y", false: "ies"}[r.n == 1]), "", 0, "LM", false, 0, "")
			continue
		}
		d.fill(colAccent)
		d.Rect(cx, y+0.8, math.Max(0.4, x(r.secs)-cx), 3.4, "F")
		text := duration(r.secs)
		if r.secs > scale {
			text = "› " + text
		}
		d.color(colInk)
		d.SetXY(cx+chartW+2, y)
		d.CellFormat(bodyW-nameW-chartW-4, 5, text, "", 0, "LM", false, 0, "")
	}
	d.draw(colInk)
	d.SetLineWidth(0.4)
	d.Line(x(replyLimit), top-1, x(replyLimit), bottom+1)
	d.SetY(bottom + 3)
}
