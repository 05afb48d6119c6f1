package phone

import (
	"slices"
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
// decoy), and must not be labelled as an identifier, an amount or an
// address (see labelBefore). Fax numbers are phone numbers too: a visitor
// sees them, and the scorecard counts what visitors see.
func scanText(ps *parser, text string) []hit {
	// Headers and footers repeat the same blocks on every page.
	if hs, ok := ps.blocks[text]; ok {
		return hs
	}
	hs := scanBlock(ps, text)
	ps.blocks[text] = hs
	return hs
}

func scanBlock(ps *parser, text string) []hit {
	type span struct {
		a, b  int
		spelt *hit // a number spelt with letters, already read
	}
	var spans []span
	for _, v := range findVanity(text) {
		for _, a := range v.starts {
			if h, ok := readVanity(ps, text[a:v.end]); ok {
				spans = append(spans, span{a, v.end, &h})
				break
			}
		}
	}
	nv := len(spans)
	for _, m := range findRuns(text) {
		a, b := m[0], m[1]
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
	slices.SortFunc(spans, func(x, y span) int { return x.a - y.a })

	var out []hit
	prev := 0
	for _, s := range spans {
		ctx := text[prev:s.a]
		prev = s.b
		if s.spelt == nil && countDigits(text[s.a:s.b]) < minDigits {
			continue
		}
		if glued(text, s.a, s.b) || amount(text, s.a, s.b) {
			continue
		}
		hs := []hit{}
		if s.spelt != nil {
			hs = append(hs, *s.spelt)
		} else {
			hs = readRun(ps, text[s.a:s.b], 0, hs)
		}
		// The label is read last: folding words costs more than asking
		// libphonenumber, and most runs are not numbers at all.
		if len(hs) > 0 && labelBefore(ctx) != labelID {
			out = append(out, hs...)
		}
	}
	return out
}

// findRuns returns where the runs of digits in text are: a digit, then
// digits and the separators numbers are written with (spaces, brackets,
// dashes, dots, slashes), ending on a digit. A "(" or "+" right before the
// first digit opens the run; a "+" after a digit ends it, as it starts the
// next number.
func findRuns(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && (c < '0' || c > '9') {
			i++ // the common case: ASCII that is not a digit
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsDigit(r) {
			i += w
			continue
		}
		a := i
		if r, n := utf8.DecodeLastRuneInString(text[:a]); r == '+' {
			a -= n
		}
		if r, n := utf8.DecodeLastRuneInString(text[:a]); r == '(' || r == '（' {
			a -= n
		}
		b := i + w
		for j := b; j < len(text); {
			r, w := utf8.DecodeRuneInString(text[j:])
			if unicode.IsDigit(r) {
				b = j + w
			} else if !runSeparator(r) {
				break
			}
			j += w
		}
		a, b = closeBrackets(text, a, b)
		if b > a {
			out = append(out, [2]int{a, b})
		}
		i = max(b, i+w)
	}
	return out
}

// closeBrackets trims a run to its balanced part: a bracket opened and
// never closed starts an aside, not part of the number, as in
// "0844 800 1234 (7p per minute)".
func closeBrackets(text string, a, b int) (int, int) {
	depth, open := 0, -1
	for k := a; k < b; {
		r, w := utf8.DecodeRuneInString(text[k:])
		switch r {
		case '(', '（':
			if depth == 0 {
				open = k
			}
			depth++
		case ')', '）':
			if depth > 0 {
				depth--
			}
		}
		k += w
	}
	if depth == 0 {
		return a, b
	}
	if strings.IndexFunc(text[a:open], unicode.IsDigit) < 0 {
		// "(028 3822 1234": the bracket opens the run.
		_, w := utf8.DecodeRuneInString(text[open:])
		return open + w, b
	}
	return a, trimRun(text, a, open)
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

// runSeparator reports the characters numbers are written with between
// their digits.
func runSeparator(r rune) bool {
	switch r {
	case ' ', '\u00a0', '\u2009', '\u202f', '(', ')', '（', '）', '-', '‐', '‑', '‒', '–', '—', '―', '−', '.', '/':
		return true
	}
	return false
}

// vanitySpan is where a number spelt with capitals may be: it ends at end
// and starts at one of starts, longest first.
type vanitySpan struct {
	starts []int
	end    int
}

// findVanity finds numbers spelt with letters: 1-800-FLOWERS,
// 1 (800) GO-FEDEX, 0800-HELP-NOW. The letters must be capitals, as vanity
// numbers are printed, in groups joined by dots or dashes, and one to four
// groups of up to four digits must come before them. Which of those groups
// belong to the number is left to readVanity: "© 2024 1-800-FLOWERS" may
// start at 2024, 1 or 800.
func findVanity(text string) []vanitySpan {
	var out []vanitySpan
	for i := 0; i < len(text); i++ {
		if !isUpper(text[i]) || i > 0 && isUpper(text[i-1]) {
			continue
		}
		j := i
		for j < len(text) && isUpper(text[j]) {
			j++
		}
		if j-i < 2 {
			continue
		}
		end := j
		for end+1 < len(text) && (text[end] == '.' || text[end] == '-') && isUpperOrDigit(text[end+1]) {
			end++
			for end < len(text) && isUpperOrDigit(text[end]) {
				end++
			}
		}
		var starts []int
		p := i
		if p > 0 && isVanitySep(text[p-1]) {
			p--
		}
		for len(starts) < 4 {
			q := p
			if q > 0 && text[q-1] == ')' {
				q--
			}
			d := q
			for d > 0 && isDigit(text[d-1]) {
				d--
			}
			if d == q || q-d > 4 {
				break
			}
			if d > 0 && text[d-1] == '(' {
				d--
			}
			if d > 0 && text[d-1] == '+' {
				starts = append(starts, d-1)
				break
			}
			starts = append(starts, d)
			switch {
			case d > 0 && isVanitySep(text[d-1]):
				p = d - 1
			case d > 0 && isDigit(text[d-1]) && text[d] == '(':
				p = d
			default:
				p = -1
			}
			if p < 0 {
				break
			}
		}
		if len(starts) > 0 {
			slices.Reverse(starts)
			out = append(out, vanitySpan{starts, end})
		}
		i = end - 1
	}
	return out
}

func isUpper(c byte) bool        { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool        { return c >= '0' && c <= '9' }
func isUpperOrDigit(c byte) bool { return isUpper(c) || isDigit(c) }
func isVanitySep(c byte) bool    { return c == ' ' || c == '.' || c == '-' }

// readRun reads the numbers in a run of digits. A run is first read whole;
// if it is too long or not valid it is split, each step only where the last
// could not: at dashes and slashes with a space beside them ("1900 1234 -
// 028 3822 1234"), then at bare slashes ("0901234567/0912345678"), then at
// spaces, when every piece is a valid number ("1900 1234 028 3822 1234").
// A run formatted as a decoy is not read whole, but it is still split:
// "15/01/2024 - 1900 1234" holds a number, and "1900 1234 1800 1567" is two
// numbers though it is grouped like a payment card. Every piece must pass
// decoy itself.
func readRun(ps *parser, s string, level int, out []hit) []hit {
	d := countDigits(s)
	if d < minDigits {
		return out
	}
	isDecoy := decoy(s) != ""
	if !isDecoy && d <= maxDigits {
		if p, ok := ps.parse(s, prose); ok {
			return append(out, hit{display: s, p: p})
		}
	}
	for ; level < 3; level++ {
		var parts []string
		switch level {
		case 0:
			parts = splitStrong(s)
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

// splitStrong splits a run holding several numbers at its strong
// separators: an en or em dash, or a dash or slash with a space beside it.
func splitStrong(s string) []string {
	var parts []string
	last := 0
	for i, r := range s {
		strong := false
		switch r {
		case '–', '—', '―':
			strong = true
		case '-', '‐', '‑', '‒', '−', '/':
			_, w := utf8.DecodeRuneInString(s[i:])
			strong = i > 0 && s[i-1] == ' ' || i+w < len(s) && s[i+w] == ' '
		}
		if strong {
			parts = append(parts, s[last:i])
			_, w := utf8.DecodeRuneInString(s[i:])
			last = i + w
		}
	}
	return append(parts, s[last:])
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
			d := countDigits(piece)
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
