package chat

import (
	"net/url"
	"path"
	"strings"
	"unicode/utf8"
)

// pattern is a compiled URL pattern (see vendor for the syntax).
type pattern struct {
	raw     string
	host    string   // glob, lower case; "*" is any host
	path    []string // pieces of the path glob, lower case; nil: any path
	attr    string   // attribute a <script> must carry, "" for none
	attrVal string
	anchor  string // literal looked for in inline code
}

func compilePattern(raw string) pattern {
	p := pattern{raw: raw}
	s := strings.ToLower(raw)
	if i := strings.LastIndexByte(s, '['); i >= 0 && strings.HasSuffix(s, "]") {
		kv := s[i+1 : len(s)-1]
		s = s[:i]
		k, v, _ := strings.Cut(kv, "=")
		p.attr, p.attrVal = k, strings.Trim(v, `"'`)
	}
	host, rest, hasPath := strings.Cut(s, "/")
	p.host = host
	if hasPath {
		p.path = strings.Split("/"+rest, "*")
	}
	// The anchor is the longest literal run of the host, or for any-host
	// patterns the first piece of the path.
	for _, piece := range strings.Split(host, "*") {
		if len(piece) > len(p.anchor) {
			p.anchor = piece
		}
	}
	if p.anchor == "" && len(p.path) > 0 {
		p.anchor = p.path[0]
	}
	return p
}

// anyHost reports whether the pattern matches every host.
func (p *pattern) anyHost() bool { return p.host == "*" }

// matchHost reports whether host (lower case) matches the pattern's host.
func (p *pattern) matchHost(host string) bool {
	if p.anyHost() {
		return true
	}
	if !strings.Contains(host, p.anchor) { // cheap test first: most hosts are no vendor's
		return false
	}
	ok, err := path.Match(p.host, host)
	return err == nil && ok
}

// matchPath reports whether the lower-case path (with "?query" when the URL
// has one) matches, and returns the rest of the path after the pattern's
// last piece.
func (p *pattern) matchPath(pth string) (rest string, ok bool) {
	if p.path == nil {
		return pth, true
	}
	if !strings.HasPrefix(pth, p.path[0]) {
		return "", false
	}
	pth = pth[len(p.path[0]):]
	for _, piece := range p.path[1:] {
		i := strings.Index(pth, piece)
		if i < 0 {
			return "", false
		}
		pth = pth[i+len(piece):]
	}
	return pth, true
}

// target is a URL's host and path as patterns read them (see urlHost and
// urlPath), worked out once for all patterns.
type target struct {
	url        *url.URL
	host, path string
}

func newTarget(u *url.URL) target { return target{u, urlHost(u), urlPath(u)} }

// match reports whether t matches the pattern (attributes aside), and
// returns the rest of its path after the pattern's.
func (p *pattern) match(t target) (rest string, ok bool) {
	if !p.matchHost(t.host) {
		return "", false
	}
	return p.matchPath(t.path)
}

// urlHost returns u's host in lower case; for schemes other than http(s) it
// is "scheme:host", so whatsapp://send reads "whatsapp:send".
func urlHost(u *url.URL) string {
	h := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	switch s := strings.ToLower(u.Scheme); s {
	case "http", "https", "":
		return h
	default:
		return s + ":" + h
	}
}

// urlPath returns u's path, with "?query" when it has one, in lower case.
func urlPath(u *url.URL) string {
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return strings.ToLower(p)
}

// isHostByte reports bytes that may stand in a host name.
func isHostByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
}

// isURLByte reports bytes that may continue a URL written in code.
func isURLByte(c byte) bool {
	switch c {
	case '"', '\'', '`', ' ', '\t', '\n', '\r', '(', ')', '<', '>', '\\', ',', ';', '+', '{', '}', '[', ']':
		return false
	}
	return c > ' ' && c < 0x7f
}

// findInCode looks for the pattern in inline code (lower-cased ASCII) and
// returns the URL it found, or "". The host must stand whole (not inside a
// longer name) and each further path piece must follow within a short
// distance, so loaders that build the URL by concatenation still match.
func (p *pattern) findInCode(code string) string {
	if p.attr != "" || p.anchor == "" {
		return ""
	}
	for from := 0; from < len(code); {
		i := strings.Index(code[from:], p.anchor)
		if i < 0 {
			return ""
		}
		i += from
		from = i + 1
		if p.anyHost() {
			// Path-anchored: the anchor is the path's first piece.
			if _, ok := p.matchPath(code[i:min(len(code), i+300)]); ok {
				s := i
				for s > 0 && isHostByte(code[s-1]) {
					s--
				}
				return urlAround(code, s)
			}
			continue
		}
		s, e := i, i+len(p.anchor)
		for s > 0 && isHostByte(code[s-1]) {
			s--
		}
		for e < len(code) && isHostByte(code[e]) {
			e++
		}
		if s > 0 && code[s-1] == '@' { // an e-mail address, not a host
			continue
		}
		host := strings.Trim(code[s:e], ".-")
		if !p.matchHost(host) {
			continue
		}
		if p.path != nil {
			window := code[e:min(len(code), e+300)]
			if !strings.HasPrefix(window, p.path[0]) {
				// Concatenated: "https://host/" + id + "/path".
				j := strings.Index(window, p.path[0])
				if j < 0 || j > 120 {
					continue
				}
				window = window[j:]
			}
			if _, ok := p.matchPath(window); !ok {
				continue
			}
		}
		return urlAround(code, s)
	}
	return ""
}

// urlAround returns the URL-like run of code starting at i, for evidence.
func urlAround(code string, i int) string {
	e := i
	for e < len(code) && isURLByte(code[e]) {
		e++
	}
	return strings.TrimLeft(code[i:e], "/")
}

// gramSet is a Bloom-style set of the three-byte sequences of a text: when a
// literal has a sequence the set lacks, the literal is not in the text, and
// the text need not be searched for it. Inline scripts are long (framework
// state, product lists) and seldom hold any vendor's name, so most searches
// end here.
type gramSet [1 << 16 / 64]uint64

func gramHash(a, b, c byte) uint32 {
	return (uint32(a)<<16 | uint32(b)<<8 | uint32(c)) * 2654435761 >> 16
}

// fill makes g the set of s's sequences.
func (g *gramSet) fill(s string) {
	*g = gramSet{}
	for i := 0; i+3 <= len(s); i++ {
		h := gramHash(s[i], s[i+1], s[i+2])
		g[h>>6] |= 1 << (h & 63)
	}
}

// mayContain reports whether s may hold lit: false only when it cannot.
func (g *gramSet) mayContain(lit string) bool {
	for i := 0; i+3 <= len(lit); i++ {
		h := gramHash(lit[i], lit[i+1], lit[i+2])
		if g[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	return true
}

// lowerASCII lower-cases ASCII letters only, keeping byte offsets.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// urlDetail renders a matched URL as evidence: host and path, no scheme or
// query, cut to the evidence length.
func urlDetail(u *url.URL) string {
	h := urlHost(u)
	p := u.EscapedPath()
	if p == "/" {
		p = ""
	}
	return clip(h + p)
}

// linkDetail renders a link as evidence: the address without its scheme.
func linkDetail(u *url.URL) string {
	s := u.String()
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	return clip(s)
}

// maxDetail bounds Evidence.Detail, in characters.
const maxDetail = 200

// clip cuts s to maxDetail characters, ending in "…" when cut.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxDetail {
		return s
	}
	n := 0
	for i := range s {
		if n == maxDetail-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
