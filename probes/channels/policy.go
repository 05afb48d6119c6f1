package channels

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/shopper-audit/shopper/probes/pagekind"
)

// policyKinds are the policy pages a customer looks for, in report order.
var policyKinds = []pagekind.Kind{pagekind.Returns, pagekind.Shipping, pagekind.Privacy, pagekind.Warranty}

// maxLinkWords bounds the words of a link's own text that names a policy:
// "Return policy" names a page, a sentence that mentions returns does not.
const maxLinkWords = 8

// policyLink is a link that names a policy, gathered across pages.
type policyLink struct {
	url      string
	text     string
	page     string          // first page it was seen on
	from     map[string]bool // pages linking to it
	words    int
	order    int
	footer   bool // linked from a page's footer
	pathKind bool // the target's path names the kind too
}

// policies finds each policy page: the crawled page pagekind names for the
// kind first; else the best same-site link (to any page or file, a PDF
// included) whose short text, title or aria-label names the kind. A link
// with more than three words counts only in a footer or when its path
// names the kind too ("Free shipping on orders over $50" in a promotion
// bar leads to a collection, not a policy). The best link is in a footer,
// then has a path naming the kind, then is linked from the most pages — a
// footer link beats a one-off mention —, then has the fewest words.
func (s *siteScan) policies() Policies {
	var out Policies
	urls := map[pagekind.Kind]*string{}
	var missing []pagekind.Kind
	for _, k := range policyKinds {
		if p := s.pages[k]; p != nil {
			urls[k] = s.pages.URL(k)
			out.Evidence = append(out.Evidence, Evidence{Page: p.URL, Detail: fmt.Sprintf("%s: crawled page %q", k, p.Title)})
			continue
		}
		missing = append(missing, k)
	}
	if len(missing) > 0 {
		best := s.policyLinks(missing)
		for _, k := range missing {
			if l := best[k]; l != nil {
				u := l.url
				urls[k] = &u
				out.Evidence = append(out.Evidence, Evidence{Page: l.page, Detail: fmt.Sprintf("%s: link %q to %s", k, l.text, l.url)})
			}
		}
	}
	out.Returns, out.Shipping, out.Privacy, out.Warranty = urls[pagekind.Returns], urls[pagekind.Shipping], urls[pagekind.Privacy], urls[pagekind.Warranty]
	return out
}

// policyLinks returns, for each wanted kind, the best link naming it.
func (s *siteScan) policyLinks(want []pagekind.Kind) map[pagekind.Kind]*policyLink {
	wanted := map[pagekind.Kind]bool{}
	for _, k := range want {
		wanted[k] = true
	}
	cands := map[pagekind.Kind]map[string]*policyLink{}
	order := 0
	for _, ps := range s.scans {
		for _, l := range ps.links {
			if strings.HasPrefix(l.href, "#") || !s.sameSite(l.url) {
				continue
			}
			u := *l.url
			target := u.String()
			u.Fragment = ""
			page := u.String()
			if page == ps.page.URL || u.Path == "" || u.Path == "/" {
				continue
			}
			if p := s.site.Page(page); p != nil && p.Status >= 400 {
				continue
			}
			text, kinds := linkKinds(l)
			if len(kinds) == 0 {
				continue
			}
			pathKinds := map[pagekind.Kind]bool{}
			for _, k := range pagekind.Match(lastSegment(u.Path)) {
				pathKinds[k] = true
			}
			words := len(strings.Fields(text))
			for _, k := range kinds {
				if !wanted[k] || words > 3 && !l.inFooter && !pathKinds[k] {
					continue
				}
				if cands[k] == nil {
					cands[k] = map[string]*policyLink{}
				}
				c := cands[k][target]
				if c == nil {
					order++
					c = &policyLink{url: target, text: text, page: ps.page.URL, from: map[string]bool{}, words: words, order: order, pathKind: pathKinds[k]}
					cands[k][target] = c
				}
				c.from[ps.page.URL] = true
				c.footer = c.footer || l.inFooter
			}
		}
	}
	best := map[pagekind.Kind]*policyLink{}
	for k, m := range cands {
		for _, c := range m {
			if b := best[k]; b == nil || betterLink(c, b) {
				best[k] = c
			}
		}
	}
	return best
}

// betterLink orders policy links: in a footer, path naming the kind, most
// linking pages, fewest words, first seen.
func betterLink(a, b *policyLink) bool {
	if a.footer != b.footer {
		return a.footer
	}
	if a.pathKind != b.pathKind {
		return a.pathKind
	}
	if len(a.from) != len(b.from) {
		return len(a.from) > len(b.from)
	}
	if a.words != b.words {
		return a.words < b.words
	}
	return a.order < b.order
}

// lastSegment returns the last segment of a path without its file
// extension, unescaped: "/pages/chinh-sach-doi-tra.html" gives
// "chinh-sach-doi-tra".
func lastSegment(p string) string {
	p = strings.TrimSuffix(p, "/")
	seg := p[strings.LastIndexByte(p, '/')+1:]
	if s, err := url.PathUnescape(seg); err == nil {
		seg = s
	}
	if i := strings.LastIndexByte(seg, '.'); i > 0 {
		seg = seg[:i]
	}
	return seg
}

// linkKinds returns the first of a link's text, aria-label and title that
// is short enough to name a page, and the kinds those short ones name.
func linkKinds(l anchor) (string, []pagekind.Kind) {
	var shown string
	seen := map[pagekind.Kind]bool{}
	var kinds []pagekind.Kind
	for _, t := range []string{l.text, l.aria, l.title} {
		n := len(strings.Fields(t))
		if n == 0 || n > maxLinkWords {
			continue
		}
		if shown == "" {
			shown = t
		}
		for _, k := range pagekind.Match(t) {
			if !seen[k] {
				seen[k] = true
				kinds = append(kinds, k)
			}
		}
	}
	return shown, kinds
}
