package chat

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/shopper-audit/shopper/crawler"
)

// page scans one page.
func (c *collector) page(p *crawler.Page) {
	c.url = p.URL
	doc := p.Doc()
	var candidates []candidate
	for _, n := range doc.Nodes {
		c.walk(p, n, &candidates)
	}
	for _, g := range p.Globals {
		for _, v := range table {
			if v.runtime[g] {
				c.add(v.id, SignalRuntimeGlobal, g)
			}
		}
	}
	for _, e := range candidates {
		if d, ok := genericEntry(e.n, e.u); ok {
			c.add("", SignalGeneric, d)
		}
	}
}

// walk visits the element tree: scripts, iframes, links and event handlers.
// Comments are never visited, so markup commented out does not count.
// Links and buttons that may be chat entry points of no known vendor are
// appended to candidates.
func (c *collector) walk(p *crawler.Page, n *html.Node, candidates *[]candidate) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Script:
			c.script(p, n)
		case atom.Link:
			if rel := strings.ToLower(attr(n, "rel")); strings.Contains(rel, "modulepreload") ||
				strings.Contains(rel, "preload") && strings.EqualFold(attr(n, "as"), "script") {
				c.scriptURL(n, p.Resolve(attr(n, "href")))
			}
		case atom.Iframe:
			c.iframe(p, n)
		case atom.A, atom.Area:
			var u *url.URL
			if href, ok := attrOK(n, "href"); ok {
				u = p.Resolve(href)
			}
			if !c.link(n, u) {
				*candidates = append(*candidates, candidate{n, u})
			}
		case atom.Button:
			*candidates = append(*candidates, candidate{n: n})
		case atom.Input:
			switch strings.ToLower(attr(n, "type")) {
			case "button", "image":
				*candidates = append(*candidates, candidate{n: n})
			}
		default:
			if strings.EqualFold(attr(n, "role"), "button") {
				*candidates = append(*candidates, candidate{n: n})
			}
		}
		c.handlers(n)
		c.dom(n)
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.walk(p, ch, candidates)
	}
}

// dataScriptTypes hold data, not code: nothing in them loads a widget.
var dataScriptTypes = map[string]bool{
	"application/ld+json": true, "importmap": true, "speculationrules": true,
	"text/html": true, "text/template": true, "text/x-template": true,
	"text/x-handlebars-template": true, "text/x-jquery-tmpl": true, "text/ng-template": true,
}

// script matches a <script>: its src (and the lazy-load and consent
// managers' data-*src copies) and its inline code. Scripts of any code type
// count, including type="text/plain" held back by a consent manager: the
// widget loads once the visitor consents, so the site does offer it.
func (c *collector) script(p *crawler.Page, n *html.Node) {
	for _, a := range n.Attr {
		if k := strings.ToLower(a.Key); k == "src" || strings.HasPrefix(k, "data-") && strings.HasSuffix(k, "src") {
			c.scriptURL(n, p.Resolve(a.Val))
		}
	}
	typ := strings.ToLower(strings.TrimSpace(attr(n, "type")))
	if i := strings.IndexByte(typ, ';'); i >= 0 {
		typ = strings.TrimSpace(typ[:i])
	}
	if dataScriptTypes[typ] {
		return
	}
	var b strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.TextNode {
			b.WriteString(ch.Data)
		}
	}
	if strings.TrimSpace(b.String()) == "" {
		return
	}
	code := lexJS(b.String())
	lower := lowerASCII(code.text)
	c.grams.fill(lower)
	json := strings.Contains(typ, "json")
	for _, v := range table {
		if c.full(v.id) {
			continue
		}
		for i := range v.scripts {
			pt := &v.scripts[i]
			if !c.grams.mayContain(pt.anchor) {
				continue
			}
			if u := pt.findInCode(lower); u != "" {
				c.add(v.id, SignalScriptHost, u)
				break
			}
		}
		if json {
			continue
		}
		for _, g := range v.globals {
			if c.grams.mayContain(g.lower) && g.in(&code) {
				c.add(v.id, SignalInlineGlobal, g.name)
			}
		}
	}
}

// scriptURL matches the URL a script element (or preload) loads.
func (c *collector) scriptURL(n *html.Node, u *url.URL) {
	if u == nil || u.Host == "" {
		return
	}
	t := newTarget(u)
	for _, v := range table {
		for i := range v.scripts {
			pt := &v.scripts[i]
			if _, ok := pt.match(t); !ok {
				continue
			}
			if pt.attr != "" && !strings.EqualFold(strings.Trim(attr(n, pt.attr), `"' `), pt.attrVal) {
				continue
			}
			c.add(v.id, SignalScriptHost, urlDetail(u))
			break
		}
	}
}

// iframe matches an iframe's src against vendors' script and frame hosts.
func (c *collector) iframe(p *crawler.Page, n *html.Node) {
	for _, a := range n.Attr {
		k := strings.ToLower(a.Key)
		if k != "src" && !(strings.HasPrefix(k, "data-") && strings.HasSuffix(k, "src")) {
			continue
		}
		u := p.Resolve(a.Val)
		if u == nil || u.Host == "" {
			continue
		}
		t := newTarget(u)
		for _, v := range table {
			for _, list := range [][]pattern{v.frames, v.scripts} {
				for i := range list {
					if _, ok := list[i].match(t); ok && list[i].attr == "" {
						c.add(v.id, SignalIframe, urlDetail(u))
					}
				}
			}
		}
	}
}

// candidate is a link or button that may be a chat entry point of no known
// vendor, with the address a link leads to (nil for none).
type candidate struct {
	n *html.Node
	u *url.URL
}

// link matches an <a href>, resolved to u, against click-to-chat link rules,
// and reports whether it matched one.
func (c *collector) link(n *html.Node, u *url.URL) bool {
	if u == nil || u.Host == "" && u.Opaque == "" {
		return false
	}
	t := newTarget(u)
	matched := false
	for _, v := range table {
		for _, l := range v.links {
			if !l.match(t) {
				continue
			}
			if hasAnyPhrase(foldedLabel(n), notChat) {
				return true // a follow or share button: a messaging link, but not chat
			}
			c.add(v.id, SignalLink, linkDetail(u))
			matched = true
			break
		}
	}
	return matched
}

// match reports whether t is a click-to-chat link of the rule.
func (l compiledLink) match(t target) bool {
	rest, ok := l.p.match(t)
	if !ok {
		return false
	}
	seg := rest
	if i := strings.IndexByte(seg, '?'); i >= 0 {
		seg = seg[:i]
	}
	seg = strings.TrimLeft(seg, "/")
	if i := strings.IndexByte(seg, '/'); i >= 0 {
		seg = seg[:i]
	}
	if s, err := url.PathUnescape(seg); err == nil {
		seg = s
	}
	switch l.need {
	case needMore:
		return seg != ""
	case needNumber:
		return isPhoneLike(seg)
	case needPhone:
		return isPhoneLike(t.url.Query().Get("phone"))
	case needName:
		return seg != "" && !reservedNames[seg]
	}
	return false
}

// isPhoneLike reports a phone number or numeric account id: at least seven
// digits, written with nothing but digits, a leading +, spaces, dashes, dots
// and brackets.
func isPhoneLike(s string) bool {
	s = strings.TrimSpace(s)
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '+' && i == 0, c == ' ', c == '-', c == '.', c == '(', c == ')':
		default:
			return false
		}
	}
	return digits >= 7
}

// handlerAttrs are attributes other than on* that frameworks run as code.
var handlerAttrs = map[string]bool{"@click": true, "x-on:click": true, "v-on:click": true, "ng-click": true, "(click)": true}

// handlers matches event handlers and javascript: links against vendors'
// globals: onclick="Tawk_API.toggle()" shows the vendor's widget is there.
func (c *collector) handlers(n *html.Node) {
	for _, a := range n.Attr {
		k := strings.ToLower(a.Key)
		val := a.Val
		switch {
		case strings.HasPrefix(k, "on") && len(k) > 2, handlerAttrs[k]:
		case k == "href":
			t := strings.TrimSpace(val)
			if len(t) < len("javascript:") || !strings.EqualFold(t[:len("javascript:")], "javascript:") {
				continue
			}
			val = t[len("javascript:"):]
		default:
			continue
		}
		if strings.TrimSpace(val) == "" {
			continue
		}
		code := lexJS(val)
		for _, v := range table {
			for _, g := range v.globals {
				if g.in(&code) {
					c.add(v.id, SignalInlineGlobal, g.name+" ("+k+")")
				}
			}
		}
	}
}

// dom matches an element against the vendors' widget selectors that could
// match it.
func (c *collector) dom(n *html.Node) {
	try := func(refs []domRef) {
		for _, r := range refs {
			if c.full(r.vendor) || !r.sel.sel.Match(n) {
				continue
			}
			sig := SignalDOM
			if n.DataAtom == atom.Iframe {
				sig = SignalIframe
			}
			c.add(r.vendor, sig, r.sel.text)
		}
	}
	try(domIdx.byTag[n.Data])
	try(domIdx.rest)
	for _, a := range n.Attr {
		switch a.Key {
		case "id":
			try(domIdx.byID[strings.TrimSpace(a.Val)])
		case "class":
			for v := a.Val; v != ""; {
				v = strings.TrimLeft(v, " \t\n\r\f")
				i := strings.IndexAny(v, " \t\n\r\f")
				if i < 0 {
					i = len(v)
				}
				if refs, ok := domIdx.byClass[v[:i]]; ok {
					try(refs)
				}
				v = v[i:]
			}
		}
	}
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
