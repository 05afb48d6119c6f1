package reports

import (
	"bytes"
	"strings"
)

// The methods below shadow the PDF writer's own so that every piece of
// text the reports print, measure or wrap passes doc.full first: text
// with a glyph that only the full font has is printed (or measured) in
// the full font, which has the same glyphs and widths as the cut one.
// Text must go through these (not Fpdf.Cell, Write or Text) to get that.

// SetFont sets the font as Fpdf.SetFont does and records it.
func (d *doc) SetFont(family, style string, size float64) {
	d.font = fontChoice{family, style, size}
	d.Fpdf.SetFont(family, style, size)
}

// full switches to the full font when s needs a glyph the cut font of
// the current style lacks, registering the full font in the document
// the first time. It says whether it switched: then the caller calls
// d.back after using s.
func (d *doc) full(s string) bool {
	if d.faces == nil || !strings.EqualFold(d.font.family, fontFamily) {
		return false
	}
	style, i := "", 0
	if strings.Contains(strings.ToUpper(d.font.style), "B") {
		style, i = "B", 1
	}
	if !d.faces[i].needsFull(s) {
		return false
	}
	d.Fpdf.AddUTF8FontFromBytes(fullFamily, style, own(d.faces[i].full))
	d.Fpdf.SetFont(fullFamily, d.font.style, d.font.size)
	return true
}

// back returns to the font SetFont last chose.
func (d *doc) back() { d.Fpdf.SetFont(d.font.family, d.font.style, d.font.size) }

// CellFormat prints a cell as Fpdf.CellFormat does.
func (d *doc) CellFormat(w, h float64, text, border string, ln int, align string, fill bool, link int, linkURL string) {
	if d.full(text) {
		defer d.back()
	}
	d.Fpdf.CellFormat(w, h, text, border, ln, align, fill, link, linkURL)
}

// MultiCell prints wrapped text as Fpdf.MultiCell does.
func (d *doc) MultiCell(w, h float64, text, border, align string, fill bool) {
	if d.full(text) {
		defer d.back()
	}
	d.Fpdf.MultiCell(w, h, text, border, align, fill)
}

// GetStringWidth measures s as Fpdf.GetStringWidth does.
func (d *doc) GetStringWidth(s string) float64 {
	if d.full(s) {
		defer d.back()
	}
	return d.Fpdf.GetStringWidth(s)
}

// SplitText wraps text as Fpdf.SplitText does.
func (d *doc) SplitText(text string, w float64) []string {
	if d.full(text) {
		defer d.back()
	}
	return d.Fpdf.SplitText(text, w)
}

// own copies a font for one document. The PDF writer, while cutting the
// document's glyphs out of a font, pads some of the font's tables with
// zero bytes in place; shared between documents written at the same
// time, that would be a data race (a copy costs microseconds).
func own(ttf []byte) []byte { return bytes.Clone(ttf) }
