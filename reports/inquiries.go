package reports

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/scoring"
)

// The benchmark lines for e-mail replies, from STANDARDS.md.
const (
	replyLimit     = 24 * 3600.0 // the first e-response: never later
	bestInClassLo  = 2 * 3600.0  // best in class: 2–4 hours
	bestInClassHi  = 4 * 3600.0
	maxTimelines   = 10        // inquiries drawn per scorecard
	maxChartScale  = 96 * 3600 // longest time a chart's axis shows
	chartMinScale  = 30 * 3600 // shortest axis: the 24 h line always shows
	maxChartedRows = 40        // companies per benchmark chart
)

// firstResponse is a company's median first response, in seconds, over
// its inquiries that drew one; ok is false when none did. n counts the
// inquiries sent.
func firstResponse(r *audit.Result) (secs float64, ok bool, n int) {
	var xs []float64
	for _, q := range r.Inquiries {
		if q.SentAt == "" && q.Status != "replied" && q.Status != "no_reply" {
			continue
		}
		n++
		if q.FirstResponseSeconds != nil && *q.FirstResponseSeconds >= 0 {
			xs = append(xs, *q.FirstResponseSeconds)
		}
	}
	if len(xs) == 0 {
		return 0, false, n
	}
	slices.Sort(xs)
	m := len(xs) / 2
	if len(xs)%2 == 0 {
		return (xs[m-1] + xs[m]) / 2, true, n
	}
	return xs[m], true, n
}

// timelines draws, for each inquiry, the way from sent to acknowledged to
// answered on one time axis, against the 24 h limit and the best-in-class
// band.
func (d *doc) timelines(r *audit.Result) {
	if len(r.Inquiries) == 0 {
		return
	}
	d.heading("Test inquiries: sent → acknowledged → answered", 24)
	d.para("Each line is one test inquiry. The dashed line is the 24-hour limit for a first reply; the shaded band is best in class (2–4 hours).", 7.5, colMuted)
	d.Ln(1)
	scale := float64(chartMinScale)
	for _, q := range r.Inquiries {
		for _, p := range []*float64{q.AutoAckSeconds, q.HumanReplySeconds, q.FirstResponseSeconds} {
			if p != nil {
				scale = math.Max(scale, *p*1.08)
			}
		}
	}
	scale = math.Min(scale, maxChartScale)
	for i, q := range r.Inquiries {
		if i == maxTimelines {
			d.para(fmt.Sprintf("… and %d more inquiries.", len(r.Inquiries)-i), 8, colMuted)
			break
		}
		d.timeline(q, scale)
	}
}

func (d *doc) timeline(q scoring.Inquiry, scale float64) {
	const trackX, trackW = marginL + 14, bodyW - 18
	d.room(21)
	y := d.GetY()
	channel := map[string]string{"email": "E-mail", "form": "Contact form"}[q.Channel]
	if channel == "" {
		channel = clean(q.Channel, 20)
	}
	label := channel + " to " + clean(q.To, 70)
	if t, err := time.Parse(time.RFC3339, q.SentAt); err == nil {
		label += " · sent " + t.UTC().Format("2 Jan 2006 15:04 UTC")
	}
	if q.Status != "" {
		label += " · " + clean(q.Status, 20)
	}
	d.SetFont(fontFamily, "B", 8)
	d.color(colInk)
	d.SetXY(marginL, y)
	d.CellFormat(bodyW, 4, label, "", 0, "LM", false, 0, "")
	x := func(s float64) float64 { return trackX + trackW*math.Min(s, scale)/scale }
	ty := y + 10
	// Best-in-class band, 24 h line, track.
	d.fill(colBand)
	d.Rect(x(bestInClassLo), ty-2.5, x(bestInClassHi)-x(bestInClassLo), 5, "F")
	d.draw(colMuted)
	d.SetLineWidth(0.5)
	d.Line(trackX, ty, trackX+trackW, ty)
	d.SetDashPattern([]float64{0.8, 0.8}, 0)
	d.draw(colInk)
	d.SetLineWidth(0.3)
	d.Line(x(replyLimit), ty-3.5, x(replyLimit), ty+3.5)
	d.SetDashPattern(nil, 0)
	d.SetFont(fontFamily, "", 6)
	d.color(colMuted)
	d.SetXY(x(replyLimit)-5, ty-7)
	d.CellFormat(10, 3.5, "24 h", "", 0, "CM", false, 0, "")
	d.SetFont(fontFamily, "", 6.5)
	d.color(colMuted)
	d.SetXY(marginL, ty-2)
	d.CellFormat(12, 4, "sent", "", 0, "RM", false, 0, "")
	d.fill(colInk)
	d.Circle(trackX, ty, 1.1, "F")

	if q.AutoAckSeconds != nil {
		ax := x(*q.AutoAckSeconds)
		d.fill(colMuted)
		d.Circle(ax, ty, 1.1, "F")
		d.SetFont(fontFamily, "", 6.5)
		d.color(colInk)
		d.SetXY(math.Min(ax-1, trackX+trackW-50), ty-7)
		d.CellFormat(50, 3.5, "acknowledged after "+duration(*q.AutoAckSeconds), "", 0, "LM", false, 0, "")
	}
	answered := q.HumanReplySeconds
	if answered == nil && q.AutoAckSeconds == nil {
		answered = q.FirstResponseSeconds
	}
	d.SetFont(fontFamily, "B", 6.5)
	if answered != nil {
		rx := x(*answered)
		d.fill(colAccent)
		d.Rect(rx-1.2, ty-1.2, 2.4, 2.4, "F")
		text := "answered after " + duration(*answered)
		if *answered > scale {
			text += " (off the scale)"
		}
		d.color(colAccent)
		// The label reads away from the middle, so it never runs past the
		// marker into the 24 h line or off the page.
		if rx < trackX+trackW/2 {
			d.SetXY(math.Max(trackX, rx-2), ty+2.5)
			d.CellFormat(60, 3.5, text, "", 0, "LM", false, 0, "")
		} else {
			d.SetXY(rx+2-60, ty+2.5)
			d.CellFormat(60, 3.5, text, "", 0, "RM", false, 0, "")
		}
	} else {
		d.color(colMuted)
		d.SetXY(trackX+trackW-50, ty+2.5)
		d.CellFormat(50, 3.5, "no answer", "", 0, "RM", false, 0, "")
	}
	d.SetY(y + 20)
	d.color(colInk)
}
