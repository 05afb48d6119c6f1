// Package fold makes text comparable across languages and spellings: it
// lower-cases, strips diacritics (so "Liên hệ", "LIÊN HỆ" and "lien-he" all
// read "lien he"), treats Turkish dotted and dotless i alike, and turns
// punctuation into single spaces. Keyword matching and de-duplication use it.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// special maps letters that lose no mark under NFD but still need folding.
var special = map[rune]string{
	'đ': "d", 'Đ': "d", 'ı': "i", 'İ': "i", 'ß': "ss", 'ø': "o", 'Ø': "o",
	'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ł': "l", 'Ł': "l", 'þ': "th",
	'&': " and ", '’': "", '\'': "",
}

// Fold returns s lower-cased, without diacritics, with every run of
// characters that are not letters or digits turned into one space, and
// trimmed. Fold("Sıkça Sorulan Sorular") == "sikca sorulan sorular".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	if !isASCII(s) {
		s = norm.NFD.String(s)
	}
	for _, r := range s {
		if r >= 0x80 && unicode.Is(unicode.Mn, r) {
			continue
		}
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
			space = false
			continue
		}
		if m, ok := special[r]; ok {
			for _, c := range m {
				if c == ' ' {
					if !space {
						b.WriteByte(' ')
						space = true
					}
					continue
				}
				b.WriteRune(c)
				space = false
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSuffix(b.String(), " ")
}

// HasPhrase reports whether folded text contains the folded phrase as whole
// words. Both arguments must already be folded.
func HasPhrase(text, phrase string) bool {
	if phrase == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(phrase)
		if (j == 0 || text[j-1] == ' ') && (end == len(text) || text[end] == ' ') {
			return true
		}
		i = j + 1
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// All folds every entry of a word list, dropping those that fold to
// nothing; packages fold their vocabularies with it once, when they load.
func All(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if f := Fold(w); f != "" {
			out = append(out, f)
		}
	}
	return out
}
