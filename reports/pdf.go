package reports

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-fonts/dejavu/dejavusanscondensed"
	"github.com/go-fonts/dejavu/dejavusanscondensedbold"
	"github.com/jung-kurt/gofpdf"
)

// PDFOptions configure the PDF reports. The zero value prints no branding
// and dates the report with the current time.
type PDFOptions struct {
	// BrandName is printed in the header of every page, e.g. the name of
	// the consultancy handing the report to its client. Default: none.
	BrandName string
	// BrandLogo is a PNG printed at the left of every page's header,
	// scaled to the header's height. Check it first with CheckLogo.
	// Default: none.
	BrandLogo []byte
	// Now dates the report (footer and PDF metadata). Fix it to make the
	// output byte for byte reproducible. Default: time.Now().
	Now time.Time
}

// Page geometry, in millimetres: A4 portrait.
const (
	pageW   = 210.0
	pageH   = 297.0
	marginL = 15.0
	marginR = 15.0
	marginT = 24.0
	marginB = 18.0
	bodyW   = pageW - marginL - marginR
)

// Grays and one dark accent that stays distinct when printed in
// grayscale.
var (
	colInk    = [3]int{25, 25, 25}
	colMuted  = [3]int{105, 105, 105}
	colRule   = [3]int{190, 190, 190}
	colTrack  = [3]int{228, 228, 228}
	colAccent = [3]int{31, 73, 125}
	colBand   = [3]int{214, 230, 214}
	colHead   = [3]int{238, 238, 238}
)

const fontFamily = "DejaVu"

// fullFamily is the family under which a document registers the full
// fonts, the first time its text needs a glyph the cut fonts lack.
const fullFamily = fontFamily + "Full"

// The fonts are embedded in the binary (DejaVu Sans Condensed, which
// covers Latin, Vietnamese, Turkish, Greek and Cyrillic); they are read
// once per process.
var fonts = sync.OnceValues(func() ([]byte, []byte) {
	return dejavusanscondensed.TTF, dejavusanscondensedbold.TTF
})

// CheckLogo says whether png can be used as PDFOptions.BrandLogo: a PNG
// the PDF writer can embed (not interlaced, 8 bits a channel at most).
func CheckLogo(png []byte) error {
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		return errors.New("not a PNG image")
	}
	return checkPNG(png)
}

// checkPNG tries png in a scratch document, so that an image the PDF
// writer rejects never poisons a report.
func checkPNG(png []byte) error {
	f := gofpdf.New("P", "mm", "A4", "")
	f.RegisterImageOptionsReader("x", gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png))
	if err := f.Error(); err != nil {
		return fmt.Errorf("unusable PNG: %w", err)
	}
	return nil
}

// doc is one PDF being written, with the house style.
type doc struct {
	*gofpdf.Fpdf
	opt    PDFOptions
	title  string // right of the header
	rubric string // left of the footer
	logo   bool

	// faces are the regular and bold fonts the document was given: cut
	// down, with the full fonts to fall back on; nil when it was given
	// the full fonts.
	faces *[2]*face
	// font is what SetFont last chose (through doc), so that text that
	// needs the full font can switch to it and back.
	font fontChoice
}

// fontChoice is a font family, style and size in points.
type fontChoice struct {
	family, style string
	size          float64
}

func newDoc(opt PDFOptions, title, subject string) *doc {
	return newDocFonts(opt, title, subject, true)
}

// newDocFonts is newDoc, given the cut fonts (falling back on the full
// ones for what they lack) when cut is true, else the full fonts.
func newDocFonts(opt PDFOptions, title, subject string, cut bool) *doc {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	f := gofpdf.New("P", "mm", "A4", "")
	d := &doc{Fpdf: f, opt: opt, title: title}
	fs, err := [2]*face{}, errors.New("full fonts asked for")
	if cut {
		fs, err = faces()
	}
	if err == nil {
		d.faces = &fs
		f.AddUTF8FontFromBytes(fontFamily, "", own(fs[0].cut))
		f.AddUTF8FontFromBytes(fontFamily, "B", own(fs[1].cut))
	} else {
		// Cutting the embedded fonts cannot fail unless they are
		// broken; the full fonts print the same.
		regular, bold := fonts()
		f.AddUTF8FontFromBytes(fontFamily, "", own(regular))
		f.AddUTF8FontFromBytes(fontFamily, "B", own(bold))
	}
	f.SetMargins(marginL, marginT, marginR)
	f.SetAutoPageBreak(true, marginB)
	f.SetCreationDate(opt.Now)
	f.SetModificationDate(opt.Now)
	f.SetCatalogSort(true)
	f.SetTitle(subject, true)
	f.SetCreator("shopper", true)
	if opt.BrandName != "" {
		f.SetAuthor(clean(opt.BrandName, maxNameRunes), true)
	}
	f.AliasNbPages("{nb}")
	if len(opt.BrandLogo) > 0 && checkPNG(opt.BrandLogo) == nil {
		f.RegisterImageOptionsReader("logo", gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(opt.BrandLogo))
		d.logo = true
	}
	f.SetHeaderFunc(d.header)
	f.SetFooterFunc(d.footer)
	return d
}

func (d *doc) header() {
	// The PDF writer restores the body's font after the header and
	// footer; so does doc's record of it.
	defer func(c fontChoice) { d.font = c }(d.font)
	x := marginL
	if d.logo {
		d.ImageOptions("logo", marginL, 8, 0, 10, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		if info := d.GetImageInfo("logo"); info != nil && info.Height() > 0 {
			x += 10*info.Width()/info.Height() + 3
		}
	}
	d.color(colInk)
	if d.opt.BrandName != "" {
		d.SetFont(fontFamily, "B", 11)
		d.SetXY(x, 8)
		d.CellFormat(pageW-marginR-x-60, 10, clean(d.opt.BrandName, maxNameRunes), "", 0, "LM", false, 0, "")
	}
	d.SetFont(fontFamily, "", 9)
	d.color(colMuted)
	d.SetXY(pageW-marginR-60, 8)
	d.CellFormat(60, 10, d.title, "", 0, "RM", false, 0, "")
	d.draw(colRule)
	d.SetLineWidth(0.3)
	d.Line(marginL, 19.5, pageW-marginR, 19.5)
	d.SetXY(marginL, marginT)
	d.color(colInk)
}

func (d *doc) footer() {
	defer func(c fontChoice) { d.font = c }(d.font)
	d.SetY(-13)
	d.draw(colRule)
	d.SetLineWidth(0.3)
	d.Line(marginL, pageH-14, pageW-marginR, pageH-14)
	d.SetFont(fontFamily, "", 7.5)
	d.color(colMuted)
	left := "Generated " + d.opt.Now.UTC().Format("2006-01-02") + " by shopper"
	if d.rubric != "" {
		left += " · rubric " + d.rubric
	}
	d.CellFormat(bodyW-30, 5, left, "", 0, "LM", false, 0, "")
	d.CellFormat(30, 5, fmt.Sprintf("Page %d of {nb}", d.PageNo()), "", 0, "RM", false, 0, "")
}

// finish writes the document to w.
func (d *doc) finish(w io.Writer, what string) error {
	if err := d.Output(w); err != nil {
		return fmt.Errorf("write %s PDF: %w", what, err)
	}
	return nil
}

func (d *doc) color(c [3]int) { d.SetTextColor(c[0], c[1], c[2]) }
func (d *doc) fill(c [3]int)  { d.SetFillColor(c[0], c[1], c[2]) }
func (d *doc) draw(c [3]int)  { d.SetDrawColor(c[0], c[1], c[2]) }

// room starts a new page unless h millimetres are left on this one.
func (d *doc) room(h float64) {
	if d.GetY()+h > pageH-marginB {
		d.AddPage()
	}
}

// heading writes a section heading, keeping it with the next `keep` mm.
func (d *doc) heading(text string, keep float64) {
	d.room(12 + keep)
	d.Ln(3)
	d.SetFont(fontFamily, "B", 12.5)
	d.color(colAccent)
	d.CellFormat(bodyW, 7, text, "", 1, "LM", false, 0, "")
	d.color(colInk)
	d.Ln(1)
}

// para writes a paragraph across the page.
func (d *doc) para(text string, size float64, col [3]int) {
	d.SetFont(fontFamily, "", size)
	d.color(col)
	d.SetX(marginL)
	d.MultiCell(bodyW, size*0.5, text, "", "L", false)
	d.color(colInk)
}

// lines splits text to fit width w at the current font, never returning
// no line, and keeping at most max lines (the last one ends with an
// ellipsis when text was cut).
func (d *doc) lines(text string, w float64, max int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		ls := d.SplitText(para, w)
		if len(ls) == 0 {
			ls = []string{""}
		}
		out = append(out, ls...)
	}
	if len(out) > max {
		out = out[:max]
		out[max-1] = cutLast(out[max-1]) + "…"
	}
	return out
}

// column is one cell of a table row.
type column struct {
	w     float64
	text  string
	bold  bool
	align string // "L", "C" or "R"
	size  float64
	col   [3]int
}

// row writes one table row of wrapped cells, starting a new page (and
// repeating head, if any) when it does not fit.
func (d *doc) row(cols []column, head []column, fill bool) {
	const pad, lineH = 1.2, 3.9
	cols = append([]column(nil), cols...)
	for i := range cols {
		if cols[i].size == 0 {
			cols[i].size = 8
		}
		if cols[i].align == "" {
			cols[i].align = "L"
		}
	}
	split := make([][]string, len(cols))
	h := 0.0
	for i, c := range cols {
		d.setCell(c)
		split[i] = d.lines(c.text, c.w-2*pad, 14)
		h = math.Max(h, float64(len(split[i]))*lineH*c.size/8+2*pad)
	}
	if d.GetY()+h > pageH-marginB {
		d.AddPage()
		if head != nil {
			d.row(head, nil, true)
		}
	}
	y := d.GetY()
	x := marginL
	for i, c := range cols {
		if fill {
			d.fill(colHead)
			d.Rect(x, y, c.w, h, "F")
		}
		d.setCell(c)
		lh := lineH * c.size / 8
		for j, l := range split[i] {
			d.SetXY(x+pad, y+pad+float64(j)*lh)
			d.CellFormat(c.w-2*pad, lh, l, "", 0, c.align+"M", false, 0, "")
		}
		x += c.w
	}
	d.draw(colRule)
	d.SetLineWidth(0.2)
	d.Line(marginL, y+h, x, y+h)
	d.SetXY(marginL, y+h)
	d.color(colInk)
}

func (d *doc) setCell(c column) {
	style := ""
	if c.bold {
		style = "B"
	}
	d.SetFont(fontFamily, style, c.size)
	if c.col == [3]int{} {
		d.color(colInk)
	} else {
		d.color(c.col)
	}
}

// bar draws a horizontal bar: a track of width w and a filled part of
// fraction frac.
func (d *doc) bar(x, y, w, h, frac float64) {
	d.fill(colTrack)
	d.Rect(x, y, w, h, "F")
	if frac > 0 {
		d.fill(colAccent)
		d.Rect(x, y, w*math.Min(1, frac), h, "F")
	}
}

// num prints points without a needless decimal.
func num(x float64) string {
	if x == math.Trunc(x) {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'f', 1, 64)
}

// duration prints seconds as minutes, hours or days.
func duration(s float64) string {
	switch {
	case s < 90:
		return fmt.Sprintf("%.0f s", s)
	case s < 3600:
		return fmt.Sprintf("%.0f min", s/60)
	case s < 48*3600:
		return fmt.Sprintf("%.1f h", s/3600)
	}
	return fmt.Sprintf("%.1f days", s/86400)
}
