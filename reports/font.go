package reports

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/go-fonts/dejavu/dejavusanscondensed"
	"github.com/go-fonts/dejavu/dejavusanscondensedbold"
	"github.com/jung-kurt/gofpdf"
)

// The PDF writer parses the TrueType font it is given for every document
// and cuts the document's glyphs out of it again when the document is
// written, so the size of that font is most of what a report costs. The
// reports therefore hand it DejaVu Sans Condensed cut down, once per
// process, to the scripts and symbols they print (keptRanges). A
// document whose text needs a glyph that only the full font has switches
// to the full font for that text (see doc.full): it looks the same,
// since both come from the same glyphs with the same widths.

// keptRanges are the Unicode blocks kept in the cut-down fonts: Latin
// with Vietnamese and Turkish, combining marks, Greek, Cyrillic,
// punctuation, currency, letterlike and number forms, arrows,
// mathematical operators, box drawing, blocks, geometric shapes,
// dingbats (✓ ✗) and the replacement character.
var keptRanges = [][2]rune{
	{0x0020, 0x007E}, // Basic Latin
	{0x00A0, 0x024F}, // Latin-1 Supplement, Latin Extended-A and -B
	{0x0250, 0x02FF}, // IPA extensions, spacing modifier letters
	{0x0300, 0x036F}, // combining diacritical marks
	{0x0370, 0x03FF}, // Greek and Coptic
	{0x0400, 0x052F}, // Cyrillic and Cyrillic Supplement
	{0x1E00, 0x1EFF}, // Latin Extended Additional (Vietnamese)
	{0x2000, 0x206F}, // general punctuation
	{0x2070, 0x209F}, // superscripts and subscripts
	{0x20A0, 0x20CF}, // currency symbols
	{0x2100, 0x218F}, // letterlike symbols, number forms
	{0x2190, 0x21FF}, // arrows
	{0x2200, 0x22FF}, // mathematical operators
	{0x2500, 0x25FF}, // box drawing, block elements, geometric shapes
	{0x2700, 0x27BF}, // dingbats
	{0xFFFD, 0xFFFD}, // replacement character
}

// runeSet is a set of runes of the Basic Multilingual Plane.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) { s[r>>6] |= 1 << (r & 63) }

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r <= 0xFFFF && s[r>>6]&(1<<(r&63)) != 0
}

// face is one style of the report font: the full TrueType font, the cut
// one, and which runes each has a glyph for.
type face struct {
	full, cut []byte
	fullHas   runeSet
	cutHas    runeSet
}

// fallback says whether r has a glyph only in the full font.
func (f *face) fallback(r rune) bool { return !f.cutHas.has(r) && f.fullHas.has(r) }

// faces are the regular and bold report fonts, made once per process.
var faces = sync.OnceValues(func() ([2]*face, error) {
	var out [2]*face
	for i, ttf := range [][]byte{dejavusanscondensed.TTF, dejavusanscondensedbold.TTF} {
		f, err := cutFace(ttf, keptRanges)
		if err != nil {
			return out, fmt.Errorf("report font %d: %w", i, err)
		}
		out[i] = f
	}
	return out, nil
})

// cutFace cuts ttf down to the runes of ranges that it has.
func cutFace(ttf []byte, ranges [][2]rune) (*face, error) {
	f := &face{full: ttf}
	if err := cmapRunes(ttf, &f.fullHas); err != nil {
		return nil, err
	}
	var cutset strings.Builder
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			if f.fullHas.has(r) {
				cutset.WriteRune(r)
			}
		}
	}
	f.cut = gofpdf.UTF8CutFont(ttf, cutset.String())
	if len(f.cut) == 0 {
		return nil, errors.New("cutting the font failed")
	}
	if err := cmapRunes(f.cut, &f.cutHas); err != nil {
		return nil, fmt.Errorf("cut font: %w", err)
	}
	return f, nil
}

// cmapRunes adds to set the runes that ttf's Unicode BMP character map
// (format 4) maps to a glyph other than .notdef.
func cmapRunes(ttf []byte, set *runeSet) error {
	u16 := func(p int) int { return int(binary.BigEndian.Uint16(ttf[p:])) }
	u32 := func(p int) int { return int(binary.BigEndian.Uint32(ttf[p:])) }
	if len(ttf) < 12 {
		return errors.New("not a TrueType font")
	}
	cmap := -1
	for i, n := 0, u16(4); i < n; i++ {
		p := 12 + 16*i
		if p+16 > len(ttf) {
			return errors.New("truncated table directory")
		}
		if string(ttf[p:p+4]) == "cmap" {
			cmap = u32(p + 8)
		}
	}
	if cmap < 0 || cmap+4 > len(ttf) {
		return errors.New("no cmap table")
	}
	sub := -1
	for i, n := 0, u16(cmap+2); i < n; i++ {
		p := cmap + 4 + 8*i
		if p+8 > len(ttf) {
			return errors.New("truncated cmap table")
		}
		platform, enc, off := u16(p), u16(p+2), u32(p+4)
		if (platform == 3 && enc == 1 || platform == 0) && cmap+off+14 <= len(ttf) && u16(cmap+off) == 4 {
			sub = cmap + off
			break
		}
	}
	if sub < 0 {
		return errors.New("no Unicode BMP character map (format 4)")
	}
	segs := u16(sub+6) / 2
	ends, starts := sub+14, sub+16+2*segs
	deltas, offsets := starts+2*segs, starts+4*segs
	if offsets+2*segs > len(ttf) {
		return errors.New("truncated character map")
	}
	for s := 0; s < segs; s++ {
		start, end := u16(starts+2*s), u16(ends+2*s)
		delta, ro := u16(deltas+2*s), u16(offsets+2*s)
		for c := start; c <= end && c <= 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if p := offsets + 2*s + ro + 2*(c-start); p+2 <= len(ttf) {
				if g = u16(p); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g != 0 && c != 0xFFFF {
				set.add(rune(c))
			}
		}
	}
	return nil
}

// needsFull says whether s has a rune that only the full font of f has.
func (f *face) needsFull(s string) bool {
	for _, r := range s {
		if f.fallback(r) {
			return true
		}
	}
	return false
}
