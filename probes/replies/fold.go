package replies

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// folded is text lower-cased with its diacritics removed (Turkish dotted
// and dotless i both become i, Vietnamese đ becomes d), so that keyword
// patterns written in plain ASCII match every spelling; at maps each byte
// of s back to the byte of the original text it came from.
type folded struct {
	orig string
	s    string
	at   []int
}

func fold(orig string) folded {
	var b strings.Builder
	at := make([]int, 0, len(orig)+1)
	emit := func(s string, i int) {
		b.WriteString(s)
		for range len(s) {
			at = append(at, i)
		}
	}
	for i, r := range orig {
		switch r {
		case 'İ', 'I', 'ı':
			emit("i", i)
		case 'đ', 'Đ':
			emit("d", i)
		case 'ß':
			emit("ss", i)
		case '’', '‘', '`', '´':
			emit("'", i)
		case '–', '—', '‐', '−':
			emit("-", i)
		case '\u00a0':
			emit(" ", i)
		default:
			if r < 0x80 {
				emit(string(unicode.ToLower(r)), i)
				continue
			}
			var out []rune
			for _, d := range norm.NFD.String(string(unicode.ToLower(r))) {
				if !unicode.Is(unicode.Mn, d) {
					out = append(out, d)
				}
			}
			emit(string(out), i)
		}
	}
	at = append(at, len(orig))
	return folded{orig: orig, s: b.String(), at: at}
}

// foldString is the folded form of s alone.
func foldString(s string) string { return fold(s).s }

// span returns the original text behind folded bytes [i, j).
func (f folded) span(i, j int) string {
	return f.orig[f.at[i]:f.at[j]]
}

// find returns the original text of re's first match in f, or "".
func (f folded) find(re *regexp.Regexp) string {
	loc := re.FindStringIndex(f.s)
	if loc == nil {
		return ""
	}
	return trimEdge(f.span(loc[0], loc[1]))
}

// words splits folded text into words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
