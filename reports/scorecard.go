package reports

import (
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/jung-kurt/gofpdf"
	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/scoring"
)

// benchmarkLines are the benchmark lines of STANDARDS.md that every
// scorecard prints, so the client reads the score against them.
var benchmarkLines = []string{
	"First e-mail response: never more than 24 hours after contact; best in class 2–4 hours (Lands' End answers in 3 h, Dell in 4 h).",
	"Automatic acknowledgement: confirms receipt and estimates when the real answer will come — a promise that is then kept.",
	"FAQ: the top 5–10 questions with answers at minimum; best in class 50+ (Amazon's Help page).",
	"Phone: shown prominently, preferably toll-free, on both the home page and the Contact Us page.",
	"Live chat: expected for online business; several channels, each with its strengths.",
	"Policies: clear returns/warranty, shipping and privacy policies.",
}

// statusLabel names an item's verdict with a mark that survives grayscale.
func statusLabel(s scoring.Status) string {
	switch s {
	case scoring.Pass:
		return "✓ Pass"
	case scoring.Partial:
		return "◐ Partial"
	case scoring.Fail:
		return "✗ Fail"
	case scoring.NotMeasured:
		return "– Not measured"
	}
	return clean(string(s), 20)
}

// ScorecardPDF writes the scorecard of one company as an A4 PDF: the
// grade and total, a bar per section, the evidence of every rubric item,
// the screenshots Result.Screenshots names (PNG files; missing ones are
// left out), the inquiries' timelines when there are any,
// recommendations for unmet items, the benchmark lines of the standards,
// what was not measured, and the rubric's version. Text that came from
// the site is cleaned and cut, so a hostile page cannot bloat or break
// the report.
func ScorecardPDF(w io.Writer, r *audit.Result, opt PDFOptions) error {
	d := newDoc(opt, "Customer-service scorecard", "Customer-service scorecard: "+company(r))
	d.rubric = clean(r.Score.Rubric, 60)
	d.AddPage()
	d.scorecard(r)
	return d.finish(w, "scorecard")
}

func (d *doc) scorecard(r *audit.Result) {
	d.title_(r)
	d.sectionBars(r)
	d.trend(r)
	d.changes(r)
	d.evidence(r)
	d.screenshots(r)
	d.timelines(r)
	d.recommendations(r)
	d.heading("Benchmarks", 20)
	for _, l := range benchmarkLines {
		d.bullet(l, 8.5)
	}
	d.notMeasured(r)
}

// title_ writes the company, its address, the audit's date and the grade.
func (d *doc) title_(r *audit.Result) {
	y := d.GetY()
	d.SetFont(fontFamily, "B", 20)
	d.color(colInk)
	d.SetXY(marginL, y)
	d.MultiCell(bodyW-45, 9, company(r), "", "L", false)
	d.SetFont(fontFamily, "", 9.5)
	d.color(colMuted)
	d.SetX(marginL)
	d.MultiCell(bodyW-45, 5, clean(r.URL, 120), "", "L", false)
	var facts []string
	if r.AuditedAt != nil {
		facts = append(facts, "Audited "+r.AuditedAt.UTC().Format("2 January 2006"))
	}
	facts = append(facts, fmt.Sprintf("%d pages read", r.PagesCrawled))
	if r.Region != "" {
		facts = append(facts, "region "+clean(r.Region, 8))
	}
	if r.Language != "" {
		facts = append(facts, "language "+clean(r.Language, 16))
	}
	d.SetX(marginL)
	d.MultiCell(bodyW-45, 5, strings.Join(facts, " · "), "", "L", false)
	bottom := d.GetY()

	// The grade, large, in a box at the right.
	bx, bw := pageW-marginR-38, 38.0
	d.draw(colInk)
	d.SetLineWidth(0.6)
	d.fill([3]int{255, 255, 255})
	d.RoundedRect(bx, y, bw, 34, 3, "1234", "D")
	d.SetFont(fontFamily, "B", 44)
	d.color(colInk)
	d.SetXY(bx, y+2)
	d.CellFormat(bw, 20, clean(r.Score.Grade, 2), "", 0, "CM", false, 0, "")
	d.SetFont(fontFamily, "B", 12)
	d.SetXY(bx, y+22)
	d.CellFormat(bw, 6, fmt.Sprintf("%d / 100", r.Score.Total), "", 0, "CM", false, 0, "")
	d.SetFont(fontFamily, "", 7)
	d.color(colMuted)
	d.SetXY(bx, y+27.5)
	d.CellFormat(bw, 4, "grade · total", "", 0, "CM", false, 0, "")
	boxBottom := y + 34
	if p := previous(r); p != nil {
		// Beside the grade: how the total moved since the last audit.
		n := r.Score.Total - p.Total
		arrow := ""
		switch {
		case n > 0:
			arrow = "▲ "
		case n < 0:
			arrow = "▼ "
		}
		d.SetFont(fontFamily, "B", 7.5)
		d.color(colInk)
		d.SetXY(bx-4, y+35)
		d.CellFormat(bw+8, 4, fmt.Sprintf("%s%s since %s", arrow, delta(n), day(p.At)), "", 0, "CM", false, 0, "")
		boxBottom += 5
	}
	d.SetY(math.Max(bottom, boxBottom) + 4)
	d.color(colInk)
}

// sectionBars draws a bar per section: points over the measured maximum.
func (d *doc) sectionBars(r *audit.Result) {
	d.heading("Score by section", 8)
	for _, s := range r.Score.Sections {
		d.room(8)
		y := d.GetY()
		d.SetFont(fontFamily, "B", 9)
		d.color(colInk)
		d.SetXY(marginL, y)
		d.CellFormat(42, 6, prose(s.Title, 40), "", 0, "LM", false, 0, "")
		unmeasured := 0
		for _, it := range s.Items {
			if it.Status == scoring.NotMeasured {
				unmeasured++
			}
		}
		label := num(s.Points) + " / " + num(s.Max)
		if s.Max == 0 {
			d.fill(colTrack)
			d.Rect(marginL+42, y+1, 100, 4, "F")
			label = "not measured"
		} else {
			d.bar(marginL+42, y+1, 100, 4, s.Points/s.Max)
			if unmeasured > 0 {
				label += fmt.Sprintf(" (%d not measured)", unmeasured)
			}
		}
		d.SetFont(fontFamily, "", 8.5)
		if s.Max == 0 {
			d.color(colMuted)
		}
		d.SetXY(marginL+145, y)
		d.CellFormat(bodyW-145, 6, label, "", 0, "LM", false, 0, "")
		d.SetY(y + 7)
	}
	if a := r.Score.Arithmetic; a != "" {
		d.Ln(1)
		d.para(clean(a, 400), 7.5, colMuted)
	}
}

// evidence writes the table of rubric items: what was checked, the
// verdict and the evidence it rests on. A section none of whose items was
// measured takes one row, with why.
func (d *doc) evidence(r *audit.Result) {
	d.heading("Evidence", 20)
	head := []column{{w: 52, text: "Item", bold: true}, {w: 24, text: "Status", bold: true}, {w: bodyW - 76, text: "What was found", bold: true}}
	d.row(head, nil, true)
	rows, left := 0, countItems(r)
	for _, s := range r.Score.Sections {
		if rows == maxItemRows {
			break
		}
		if len(s.Items) > 1 && allUnmeasured(s.Items) {
			reasons := unmeasured(s.Items)
			found := reasons[0].why
			if len(reasons) > 1 {
				found = ""
				for i, g := range reasons {
					if i > 0 {
						found += "\n"
					}
					found += fmt.Sprintf("• %s (%d item%s)", g.why, len(g.titles), plural(len(g.titles)))
				}
			}
			d.row([]column{
				{w: 52, text: fmt.Sprintf("%s (%d items)", prose(s.Title, 40), len(s.Items))},
				{w: 24, text: statusLabel(scoring.NotMeasured)},
				{w: bodyW - 76, text: found, size: 7.5},
			}, head, false)
			rows++
			left -= len(s.Items)
			continue
		}
		for _, it := range s.Items {
			if rows == maxItemRows {
				break
			}
			rows++
			left--
			status := statusLabel(it.Status)
			if it.Status != scoring.NotMeasured {
				status += "\n" + num(it.Points) + " / " + num(it.Max)
			}
			found := prose(it.Why, maxWhyRunes)
			for i, e := range it.Evidence {
				if i == maxEvidenceLines {
					found += fmt.Sprintf("\n(+%d more)", len(it.Evidence)-i)
					break
				}
				found += "\n• " + clean(e, maxEvidenceRunes)
			}
			d.row([]column{
				{w: 52, text: prose(s.Title, 40) + ": " + prose(it.Title, 120)},
				{w: 24, text: status, bold: it.Status == scoring.Fail},
				{w: bodyW - 76, text: found, size: 7.5},
			}, head, false)
		}
	}
	if left > 0 {
		d.para(fmt.Sprintf("… and %d more items (see the JSON result).", left), 8, colMuted)
	}
}

// reasonGroup is the items not measured for one reason.
type reasonGroup struct {
	why    string
	titles []string
}

// unmeasured groups the items not measured by their reason, in the order
// the reasons first appear.
func unmeasured(items []scoring.Item) []reasonGroup {
	var out []reasonGroup
	at := map[string]int{}
	for _, it := range items {
		if it.Status != scoring.NotMeasured {
			continue
		}
		why := prose(it.Why, maxWhyRunes)
		i, ok := at[why]
		if !ok {
			i = len(out)
			at[why] = i
			out = append(out, reasonGroup{why: why})
		}
		out[i].titles = append(out[i].titles, prose(it.Title, 120))
	}
	return out
}

// allUnmeasured says whether no item of a section was measured.
func allUnmeasured(items []scoring.Item) bool {
	for _, it := range items {
		if it.Status != scoring.NotMeasured {
			return false
		}
	}
	return true
}

func countItems(r *audit.Result) int {
	n := 0
	for _, s := range r.Score.Sections {
		n += len(s.Items)
	}
	return n
}

// screenshots prints the home and contact pages' screenshots side by side.
func (d *doc) screenshots(r *audit.Result) {
	type shot struct{ kind, name string }
	var shots []shot
	for _, kind := range []string{"home", "contact"} {
		path := r.Screenshots[kind]
		if path == "" {
			continue
		}
		png, err := os.ReadFile(path)
		if err != nil || checkPNG(png) != nil {
			continue
		}
		name := "shot-" + kind
		d.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, strings.NewReader(string(png)))
		shots = append(shots, shot{kind, name})
	}
	if len(shots) == 0 {
		return
	}
	const w = (bodyW - 6) / 2
	h := 0.0
	for _, s := range shots {
		if info := d.GetImageInfo(s.name); info != nil && info.Width() > 0 {
			h = math.Max(h, w*info.Height()/info.Width())
		}
	}
	h = math.Min(h, 110)
	d.heading("What a visitor sees", h+8)
	y := d.GetY()
	for i, s := range shots {
		x := marginL + float64(i)*(w+6)
		d.SetFont(fontFamily, "", 8)
		d.color(colMuted)
		d.SetXY(x, y)
		d.CellFormat(w, 5, map[string]string{"home": "Home page, first screen", "contact": "Contact page, first screen"}[s.kind], "", 0, "LM", false, 0, "")
		iw, ih := w, 0.0
		if info := d.GetImageInfo(s.name); info != nil && info.Width() > 0 {
			ih = w * info.Height() / info.Width()
			if ih > h {
				iw, ih = iw*h/ih, h
			}
		}
		d.ImageOptions(s.name, x, y+6, iw, ih, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		d.draw(colRule)
		d.SetLineWidth(0.2)
		d.Rect(x, y+6, iw, ih, "D")
	}
	d.SetY(y + 6 + h + 3)
}

// recommendations lists what to fix, the items that lost most points first.
func (d *doc) recommendations(r *audit.Result) {
	var items []scoring.Item
	for _, s := range r.Score.Sections {
		for _, it := range s.Items {
			if (it.Status == scoring.Fail || it.Status == scoring.Partial) && it.Recommendation != "" {
				items = append(items, it)
			}
		}
	}
	if len(items) == 0 {
		return
	}
	sortByLoss(items)
	d.heading("Recommendations", 14)
	for i, it := range items {
		if i == maxItemRows {
			break
		}
		d.room(10)
		d.SetFont(fontFamily, "B", 9)
		d.color(colInk)
		d.SetX(marginL)
		d.MultiCell(bodyW, 4.6, fmt.Sprintf("%d. %s (+%s points)", i+1, prose(it.Title, 120), num(it.Max-it.Points)), "", "L", false)
		d.SetFont(fontFamily, "", 8.5)
		d.SetX(marginL + 4)
		d.MultiCell(bodyW-4, 4.2, prose(it.Recommendation, maxWhyRunes), "", "L", false)
		d.Ln(1.2)
	}
}

// bullet writes one bulleted line.
func (d *doc) bullet(text string, size float64) { d.marked("•", text, size) }

// marked writes text after a mark (a bullet, ✗, +), wrapped beside it.
func (d *doc) marked(mark, text string, size float64) {
	d.room(6)
	d.SetFont(fontFamily, "", size)
	d.color(colInk)
	y := d.GetY()
	d.SetXY(marginL, y)
	d.CellFormat(4, size*0.5, mark, "", 0, "LT", false, 0, "")
	d.SetXY(marginL+4, y)
	d.MultiCell(bodyW-4, size*0.5, text, "", "L", false)
	d.Ln(0.6)
}

// notMeasured says what the audit could not measure, and why, the items
// grouped by reason: these items do not count in the total.
func (d *doc) notMeasured(r *audit.Result) {
	var items []scoring.Item
	for _, s := range r.Score.Sections {
		items = append(items, s.Items...)
	}
	var lines []string
	for _, g := range unmeasured(items) {
		if len(g.titles) == 1 {
			lines = append(lines, g.titles[0]+": "+g.why)
			continue
		}
		lines = append(lines, upperFirst(g.why)+":\n"+strings.Join(g.titles, "; ")+".")
	}
	for _, e := range r.ProbeErrors {
		lines = append(lines, "Probe error: "+clean(e, maxEvidenceRunes))
	}
	if n := len(r.RenderErrors); n > 0 {
		lines = append(lines, fmt.Sprintf("%d page(s) could not be rendered in a browser and were read from their HTML.", n))
	}
	d.heading("Not measured", 10)
	if len(lines) == 0 {
		d.para("Every item of the rubric was measured.", 8.5, colInk)
	}
	for i, l := range lines {
		if i == maxItemRows {
			d.para(fmt.Sprintf("… and %d more.", len(lines)-i), 8, colMuted)
			break
		}
		d.bullet(l, 8.5)
	}
	d.Ln(2)
	d.para("Items not measured do not count for or against the total: it is the points won over the points of the items measured. Rubric: "+clean(r.Score.Rubric, 80)+".", 7.5, colMuted)
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	for i, c := range s {
		return strings.ToUpper(string(c)) + s[i+len(string(c)):]
	}
	return s
}
