package phone

import (
	"strconv"
	"strings"
	"unicode"
)

// shape is a candidate's digit groups and the separators between them:
// "028 3822-1234" has groups 028, 3822, 1234 and separators " ", "-".
type shape struct {
	groups []string
	seps   []string // trimmed of spaces; " " when only spaces
	digits int
}

func shapeOf(s string) shape {
	var sh shape
	start, sep := -1, 0
	for i, r := range s {
		if r >= '0' && r <= '9' || r > 0x7f && unicode.IsDigit(r) {
			if start < 0 {
				start = i
				if len(sh.groups) > 0 {
					t := strings.TrimSpace(s[sep:i])
					if t == "" {
						t = " "
					}
					sh.seps = append(sh.seps, t)
				}
			}
			sh.digits++
			continue
		}
		if start >= 0 {
			sh.groups = append(sh.groups, s[start:i])
			start, sep = -1, i
		}
	}
	if start >= 0 {
		sh.groups = append(sh.groups, s[start:])
	}
	return sh
}

// countDigits counts the decimal digits in s.
func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' || r > 0x7f && unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// sameSep returns the one separator used between the first n groups, or "".
func (sh shape) sameSep(n int) string {
	if len(sh.groups) < n || n < 2 {
		return ""
	}
	s := sh.seps[0]
	for _, t := range sh.seps[1 : n-1] {
		if t != s {
			return ""
		}
	}
	return s
}

// decoy names the kind of non-phone number a candidate is formatted as, or
// returns "". Digits alone cannot tell these apart — libphonenumber happily
// reads 02.10.2024 as a German landline — so the way the digits are grouped
// decides. A candidate written with a leading "+" is a deliberate
// international number and is never a decoy by shape.
func decoy(s string) string {
	if strings.HasPrefix(strings.TrimLeft(s, "( "), "+") {
		return ""
	}
	sh := shapeOf(s)
	g := sh.groups
	switch {
	case isDate(sh):
		return "date"
	case sh.digits >= 13 && allLen(g[:len(g)-1], 4) && len(g) >= 3:
		// In Germany a Visa number starting 49 reads as +49 ...
		return "payment card"
	case (len(g) == 4 || len(g) == 5) && sh.sameSep(len(g)) == "-" && len(g[len(g)-1]) == 1 && (sh.digits == 10 || sh.digits == 13):
		// ISBNs are hyphenated with a one-character check digit at the
		// end; ISBN-10s starting with 0 pass for national numbers.
		return "isbn"
	case len(g) == 4 && sh.sameSep(4) == "." && all(g, octet):
		return "ip address"
	case len(g) == 2 && sh.seps[0] == "-" && len(g[0]) == 5 && len(g[1]) == 4 && g[0][0] != '0':
		// A national number written 5-4 starts with its trunk prefix
		// (02134-1234 in Germany); a ZIP+4 code has none to write.
		return "zip+4"
	case len(g) == 2 && sh.seps[0] == "." && len(g[0]) <= 3 && g[0][0] != '0' && len(g[1]) >= 4 && plain(s):
		return "decimal"
	case len(g) >= 3 && (sh.sameSep(len(g)) == "." || sh.sameSep(len(g)) == ",") && len(g[0]) <= 3 && g[0][0] != '0' && allLen(g[1:], 3):
		return "thousands"
	}
	return ""
}

// isDate reports groups that open with a calendar date: 2024-01-15,
// 15/01/2024, 15.01.2024, 01/15/2024 (a time may follow).
func isDate(sh shape) bool {
	sep := sh.sameSep(3)
	if sep != "-" && sep != "." && sep != "/" {
		return false
	}
	a, b, c := sh.groups[0], sh.groups[1], sh.groups[2]
	year := func(s string) bool { n, _ := strconv.Atoi(s); return len(s) == 4 && n >= 1900 && n <= 2099 }
	month := func(s string) bool { n, _ := strconv.Atoi(s); return len(s) <= 2 && n >= 1 && n <= 12 }
	day := func(s string) bool { n, _ := strconv.Atoi(s); return len(s) <= 2 && n >= 1 && n <= 31 }
	return year(a) && month(b) && day(c) || day(a) && month(b) && year(c) || month(a) && day(b) && year(c)
}

func octet(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && len(s) <= 3 && n <= 255 && (len(s) == 1 || s[0] != '0')
}

func all(g []string, f func(string) bool) bool {
	for _, s := range g {
		if !f(s) {
			return false
		}
	}
	return true
}

func allLen(g []string, n int) bool {
	return all(g, func(s string) bool { return len(s) == n })
}

// plain reports a candidate of digits and dots only.
func plain(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r != '.' && !unicode.IsDigit(r) }) < 0
}
