package reports

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopper-audit/shopper/audit"
)

// Limits that keep text from hostile pages from bloating a report.
const (
	maxEvidenceRunes = 160 // one line of evidence
	maxWhyRunes      = 300 // an item's explanation or recommendation
	maxNameRunes     = 80  // a company name or a URL in a heading
	maxEvidenceLines = 4   // evidence lines per item
	maxItemRows      = 40  // rubric items per scorecard table
)

// clean makes text that came from a web page fit for a report: invalid
// UTF-8 is replaced, control and format characters (bidi overrides
// included) are dropped, runs of white space become one space, characters
// outside the Basic Multilingual Plane (emoji the report font lacks)
// become U+FFFD, and the result is cut to at most n runes, ending with an
// ellipsis when it was cut.
func clean(s string, n int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	out := make([]rune, 0, min(len(s), n+1))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = len(out) > 0
			continue
		case unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs):
			continue
		case r > 0xFFFF:
			r = '\uFFFD'
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, r)
		if len(out) > n {
			// Cut: end with an ellipsis in place of what did not fit.
			out = out[:max(0, n-1)]
			for len(out) > 0 && out[len(out)-1] == ' ' {
				out = out[:len(out)-1]
			}
			return string(out) + "…"
		}
	}
	return string(out)
}

// company names the company of a result: Result.Company, else the host.
func company(r *audit.Result) string {
	if n := clean(r.Company, maxNameRunes); n != "" {
		return n
	}
	return host(r.URL)
}

// host is the host name of a URL, without "www.", or the URL itself.
func host(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return clean(raw, maxNameRunes)
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// cutLast drops the last rune of s and any space before it.
func cutLast(s string) string {
	_, size := utf8.DecodeLastRuneInString(s)
	return strings.TrimRight(s[:len(s)-size], " ")
}
