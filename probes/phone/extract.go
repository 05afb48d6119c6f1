package phone

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// A number is never shorter than this many digits with its prefixes
// (Turkey's 444 0 444) nor longer than an E.164 number plus a "00"
// international prefix.
const (
	minDigits = 7
	maxDigits = 17
)

var (
	// runRE finds runs of digits and the separators numbers are written
	// with. A run may open with "(" and "+"; a "+" inside a run starts the
	// next run. Runs are trimmed to end on a digit.
	runRE = regexp.MustCompile(`[(（]?\+?\p{Nd}[\p{Nd} \x{00A0}\x{2009}\x{202F}()（）\-‐‑‒–—―−./]*`)

	// vanityRE finds numbers spelt with letters: 1-800-FLOWERS,
	// 1 (800) GO-FEDEX, 0800-HELP-NOW. Letters must be capitals, as vanity
	// numbers are printed, and a digit group must come first.
	vanityRE = regexp.MustCompile(`(?:\+ ?)?(?:\(?\d{1,4}\)?[ .\-]?){1,4}[A-Z]{2,}(?:[.\-][A-Z0-9]+)*`)

	// strongSepRE splits a run holding several numbers: a dash or slash
	// with a space beside it, or an en or em dash.
	strongSepRE = regexp.MustCompile(`\s*[–—―]\s*|\s+[-‐‑‒−/]\s*|[-‐‑‒−/]\s+`)
)

// hit is one number read out of a string.
type hit struct {
	display string
	p       parsed
	vanity  bool
}

// scanText returns the numbers written in one block of visible text, in
// order. Each candidate must be a valid number where it stands (see
// parser.parse), must not be glued to a word, an amount or a bigger number,
// must not be formatted as a date, an IP address, an ISBN and so on (see
// decoy), and must not be labelled as an identifier, an amount, an address
// or a fax line (see labelBefore).
func scanText(ps *parser, text string) []hit {
	type span struct {
		a, b  int
		spelt *hit // a number spelt with letters, already read
	}
	var spans []span
	for _, m := range vanityRE.FindAllStringIndex(text, -1) {
		if h, ok := readVanity(ps, text[m[0]:m[1]]); ok {
			spans = append(spans, span{m[0], m[1], &h})
		}
	}
	nv := len(spans)
	for _, m := range runRE.FindAllStringIndex(text, -1) {
		a, b := m[0], trimRun(text, m[0], m[1])
		overlaps := false
		for _, v := range spans[:nv] {
			if a < v.b && v.a < b {
				overlaps = true
				break
			}
		}
		if !overlaps {
			spans = append(spans, span{a, b, nil})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].a < spans[j].a })

	var out []hit
	prev := 0
	for _, s := range spans {
		ctx := text[prev:s.a]
		prev = s.b
		if glued(text, s.a, s.b) || amount(text, s.a, s.b) || faxAfter(text[s.b:]) {
			continue
		}
		if l := labelBefore(ctx); l == labelID || l == labelFax {
			continue
		}
		if s.spelt != nil {
			out = append(out, *s.spelt)
			continue
		}
		out = readRun(ps, text[s.a:s.b], 0, out)
	}
	return out
}

// trimRun ends a run on its last digit.
func trimRun(text string, a, b int) int {
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if unicode.IsDigit(r) {
			break
		}
		b -= n
	}
	return b
}

// readRun reads the numbers in a run of digits. A run is first read whole;
// if it is too long or not valid it is split, each step only where the last
// could not: at dashes and slashes with a space beside them ("1900 1234 -
// 028 3822 1234"), then at bare slashes ("0901234567/0912345678"), then at
// spaces, when every piece is a valid number ("1900 1234 028 3822 1234").
// A run formatted as a decoy is dropped whole.
func readRun(ps *parser, s string, level int, out []hit) []hit {
	d := shapeOf(s).digits
	if d < minDigits || decoy(s) != "" {
		return out
	}
	if d <= maxDigits {
		if p, ok := ps.parse(s, prose); ok {
			return append(out, hit{display: s, p: p})
		}
	}
	for ; level < 3; level++ {
		var parts []string
		switch level {
		case 0:
			parts = strongSepRE.Split(s, -1)
		case 1:
			parts = strings.Split(s, "/")
		case 2:
			return coverBySpaces(ps, s, out)
		}
		if len(parts) > 1 {
			for _, p := range parts {
				if p = strings.TrimSpace(p); p != "" {
					out = readRun(ps, p, level+1, out)
				}
			}
			return out
		}
	}
	return out
}

// maxCoverTokens bounds the space-split search: longer runs are tables of
// figures, not lists of phone numbers.
const maxCoverTokens = 12

// coverBySpaces splits s at spaces into pieces that are each a valid number
// and together use every token, preferring longer pieces first; it adds
// nothing unless such a cover exists.
func coverBySpaces(ps *parser, s string, out []hit) []hit {
	toks := strings.Fields(s)
	if len(toks) < 2 || len(toks) > maxCoverTokens {
		return out
	}
	// best[i] holds a cover of toks[i:], or nil when none exists.
	best := make([][]hit, len(toks)+1)
	best[len(toks)] = []hit{}
	for i := len(toks) - 1; i >= 0; i-- {
		for j := len(toks); j > i; j-- {
			if best[j] == nil || j-i == len(toks) {
				continue
			}
			piece := strings.Join(toks[i:j], " ")
			d := shapeOf(piece).digits
			if d < minDigits || d > maxDigits || decoy(piece) != "" {
				continue
			}
			if p, ok := ps.parse(piece, prose); ok {
				best[i] = append([]hit{{display: piece, p: p}}, best[j]...)
				break
			}
		}
	}
	if best[0] == nil {
		return out
	}
	return append(out, best[0]...)
}

// readVanity reads a number spelt with letters. The digits before the
// letters must not be a valid number on their own: "1900 1234 HCM" is a
// number followed by a word.
func readVanity(ps *parser, s string) (hit, bool) {
	first := strings.IndexFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' })
	if _, ok := ps.parse(strings.TrimSpace(s[:first]), prose); ok {
		return hit{}, false
	}
	p, ok := ps.parse(phonenumbers.ConvertAlphaCharactersInNumber(s), vanity)
	return hit{display: s, p: p, vanity: true}, ok
}

// glued reports a candidate that is part of a bigger token: a word or code
// (1Z999AA10123456784, v3.10.240118, HD-0312345678, 2125550123mm), an
// e-mail address or URL, a percentage, or a time (the 20240115 10 of
// "20240115 10:30"). An "x" and digits right after a number are an
// extension. Commas are not glue: "0901234567,0912345678" lists two numbers.
func glued(text string, a, b int) bool {
	r1, n1 := utf8.DecodeLastRuneInString(text[:a])
	r0, _ := utf8.DecodeLastRuneInString(text[:a-n1])
	if a > 0 {
		switch {
		case latin(r1):
			return true
		case strings.ContainsRune(`/\_=@&`, r1):
			return true
		case strings.ContainsRune("-‐‑", r1) && (latin(r0) || unicode.IsDigit(r0)):
			return true
		}
	}
	if b < len(text) {
		n1, w := utf8.DecodeRuneInString(text[b:])
		n2, _ := utf8.DecodeRuneInString(text[b+w:])
		switch {
		case latin(n1):
			return !((n1 == 'x' || n1 == 'X') && unicode.IsDigit(n2))
		case strings.ContainsRune(`%‰°′″_@\=`, n1):
			return true
		case n1 == ':' && unicode.IsDigit(n2):
			return true
		}
	}
	return false
}

// amount reports a candidate with a currency beside it, a sign (₫ $ € ₺)
// or a code or word (VND, TL, USD, đồng), on either side, across spaces.
func amount(text string, a, b int) bool {
	before := strings.TrimRight(text[:a], " \u00a0")
	if r, _ := utf8.DecodeLastRuneInString(before); unicode.Is(unicode.Sc, r) {
		return true
	}
	if i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) }); currencyWords[strings.ToLower(before[i+1:])] {
		return true
	}
	after := strings.TrimLeft(text[b:], " \u00a0")
	if r, _ := utf8.DecodeRuneInString(after); unicode.Is(unicode.Sc, r) {
		return true
	}
	end := strings.IndexFunc(after, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(after)
	}
	return currencyWords[strings.ToLower(after[:end])]
}

func latin(r rune) bool { return unicode.Is(unicode.Latin, r) }
