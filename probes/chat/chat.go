package chat

import (
	"net/url"
	"sort"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/shopper-audit/shopper/crawler"
)

// Signal kinds an Evidence row can carry.
const (
	SignalScriptHost    = "script_host"    // a vendor's script URL, in <script src> or inline loader code
	SignalInlineGlobal  = "inline_global"  // a vendor's global assigned or called in inline code or an on* handler
	SignalDOM           = "dom"            // an element of the vendor's widget
	SignalIframe        = "iframe"         // an iframe of the vendor's widget, by id or src
	SignalLink          = "link"           // a click-to-chat link (wa.me, m.me, zalo.me, a vendor's chat page)
	SignalRuntimeGlobal = "runtime_global" // a vendor's global defined on window when the page ran
	SignalGeneric       = "generic"        // a chat entry point of no known vendor
)

// Evidence is one observation that a page offers chat.
type Evidence struct {
	// Vendor is the vendor id, or "" for a chat of no known vendor.
	Vendor string `json:"vendor"`
	// Page is the URL of the page it was seen on.
	Page string `json:"page"`
	// Signal is one of the Signal* kinds.
	Signal string `json:"signal"`
	// Detail is the host, global, selector or link that matched, at most
	// 200 characters.
	Detail string `json:"detail"`
}

// Finding says whether a site offers live chat or messaging, and whose.
type Finding struct {
	// Present is true when any page shows a chat widget, a click-to-chat
	// link or a chat entry point, of a known vendor or not.
	Present bool `json:"present"`
	// Vendors lists the ids of the vendors found, sorted; empty, not nil,
	// when none is (Present may still be true: a chat of no known vendor).
	Vendors []string `json:"vendors"`
	// Evidence holds up to MaxEvidence rows per vendor, vendors in the order
	// of Vendors; rows for a chat of no known vendor (Vendor "") come last
	// and only when no vendor was found.
	Evidence []Evidence `json:"evidence"`
}

// MaxEvidence is the number of evidence rows kept per vendor.
const MaxEvidence = 3

// VendorIDs returns the ids of every vendor the probe knows, sorted.
func VendorIDs() []string {
	out := make([]string, len(vendors))
	for i, v := range vendors {
		out[i] = v.ID
	}
	sort.Strings(out)
	return out
}

// VendorName returns a vendor's display name ("Zoho SalesIQ" for
// "zoho-salesiq"), or id itself when the id is unknown.
func VendorName(id string) string {
	for _, v := range vendors {
		if v.ID == id {
			return v.Name
		}
	}
	return id
}

// Probe tells whether the site offers live chat or messaging, and which
// vendors, from the pages the crawl kept. It is a pure function of site: it
// reads each page's shared parsed document (Page.Doc), its run-time globals
// (Page.Globals), and fetches nothing. A nil site or a site with no pages
// gives a finding with Present false.
func Probe(site *crawler.Site) Finding {
	c := &collector{byVendor: map[string][]Evidence{}}
	if site != nil {
		for _, p := range site.Pages {
			if p != nil {
				c.page(p)
			}
		}
	}
	return c.finding()
}

// compiledVendor is a vendor's signatures ready to match.
type compiledVendor struct {
	id      string
	scripts []pattern
	frames  []pattern
	globals []global
	runtime map[string]bool
	dom     []domSelector
	links   []compiledLink
}

type domSelector struct {
	text string
	sel  cascadia.Matcher
}

type compiledLink struct {
	p    pattern
	need linkNeed
}

// table is the signature table compiled once at load, and domIdx its
// selectors filed for lookup.
var (
	table  = compileTable(vendors)
	domIdx = indexDOM(table)
)

// domIndex files the vendors' widget selectors under the id, class or tag an
// element must have to match them, so that one walk of the page tests each
// element against only the few selectors it could match.
type domIndex struct {
	byID, byClass, byTag map[string][]domRef
	rest                 []domRef // selectors with no such key: tested on every element
}

type domRef struct {
	vendor string
	sel    domSelector
}

func indexDOM(t []compiledVendor) domIndex {
	ix := domIndex{byID: map[string][]domRef{}, byClass: map[string][]domRef{}, byTag: map[string][]domRef{}}
	for _, v := range t {
		for _, d := range v.dom {
			r := domRef{v.id, d}
			kind, key := selectorKey(d.text)
			switch kind {
			case '#':
				ix.byID[key] = append(ix.byID[key], r)
			case '.':
				ix.byClass[key] = append(ix.byClass[key], r)
			case 't':
				ix.byTag[key] = append(ix.byTag[key], r)
			default:
				ix.rest = append(ix.rest, r)
			}
		}
	}
	return ix
}

// selectorKey returns what an element must have to match a compound
// selector: an id ('#'), a class ('.') or a tag ('t'); kind 0 when the
// selector is a group, has combinators or needs none of these.
func selectorKey(sel string) (kind byte, key string) {
	if strings.ContainsAny(sel, ", >+~") {
		return 0, ""
	}
	i := 0
	for i < len(sel) && (sel[i] >= 'a' && sel[i] <= 'z' || sel[i] >= 'A' && sel[i] <= 'Z' || sel[i] >= '0' && sel[i] <= '9') {
		i++
	}
	tag := strings.ToLower(sel[:i])
	for j := i; j < len(sel); j++ {
		switch sel[j] {
		case '[':
			for j < len(sel) && sel[j] != ']' {
				j++
			}
		case '#', '.':
			k := j + 1
			for k < len(sel) && (isIdentByte(sel[k]) || sel[k] == '-') && sel[k] != '$' {
				k++
			}
			if k > j+1 {
				return sel[j], sel[j+1 : k]
			}
		}
	}
	if tag != "" {
		return 't', tag
	}
	return 0, ""
}

func compileTable(vs []vendor) []compiledVendor {
	out := make([]compiledVendor, 0, len(vs))
	for _, v := range vs {
		cv := compiledVendor{id: v.ID, runtime: map[string]bool{}}
		for _, s := range v.Scripts {
			cv.scripts = append(cv.scripts, compilePattern(s))
		}
		for _, s := range v.Frames {
			cv.frames = append(cv.frames, compilePattern(s))
		}
		for _, g := range v.Globals {
			cv.globals = append(cv.globals, compileGlobal(g))
		}
		for _, g := range v.Runtime {
			cv.runtime[g] = true
		}
		for _, d := range v.DOM {
			sel, err := cascadia.ParseGroup(d)
			if err != nil {
				// The table is tested; a bad selector is a programming error.
				panic("chat: signature " + v.ID + ": selector " + d + ": " + err.Error())
			}
			cv.dom = append(cv.dom, domSelector{d, sel})
		}
		for _, l := range v.Links {
			cv.links = append(cv.links, compiledLink{compilePattern(l.Pattern), l.Need})
		}
		out = append(out, cv)
	}
	return out
}

// collector gathers evidence across pages.
type collector struct {
	byVendor map[string][]Evidence
	generic  []Evidence
	url      string  // page being scanned
	grams    gramSet // scratch for script
}

// keepRows bounds the rows gathered per vendor before MaxEvidence of them
// are chosen, so the choice can prefer different kinds of signal.
const keepRows = 12

// add records evidence for vendor id ("" for generic), keeping up to
// keepRows distinct (signal, detail) rows.
func (c *collector) add(id, signal, detail string) {
	e := Evidence{Vendor: id, Page: c.url, Signal: signal, Detail: clip(detail)}
	rows := c.generic
	if id != "" {
		rows = c.byVendor[id]
	}
	if len(rows) >= keepRows {
		return
	}
	for _, r := range rows {
		if r.Signal == e.Signal && r.Detail == e.Detail {
			return
		}
	}
	rows = append(rows, e)
	if id != "" {
		c.byVendor[id] = rows
	} else {
		c.generic = rows
	}
}

// full reports whether vendor id needs no more evidence.
func (c *collector) full(id string) bool { return len(c.byVendor[id]) >= keepRows }

// choose picks up to MaxEvidence rows, first one of each kind of signal,
// keeping the order they were found in.
func choose(rows []Evidence) []Evidence {
	if len(rows) <= MaxEvidence {
		return rows
	}
	picked := make([]bool, len(rows))
	n := 0
	kinds := map[string]bool{}
	for i, r := range rows {
		if n < MaxEvidence && !kinds[r.Signal] {
			kinds[r.Signal], picked[i] = true, true
			n++
		}
	}
	for i := range rows {
		if n < MaxEvidence && !picked[i] {
			picked[i] = true
			n++
		}
	}
	out := make([]Evidence, 0, MaxEvidence)
	for i, r := range rows {
		if picked[i] {
			out = append(out, r)
		}
	}
	return out
}

func (c *collector) finding() Finding {
	f := Finding{Vendors: []string{}, Evidence: []Evidence{}}
	for id := range c.byVendor {
		f.Vendors = append(f.Vendors, id)
	}
	sort.Strings(f.Vendors)
	for _, id := range f.Vendors {
		f.Evidence = append(f.Evidence, choose(c.byVendor[id])...)
	}
	if len(f.Vendors) == 0 {
		f.Evidence = append(f.Evidence, choose(c.generic)...)
	}
	f.Present = len(f.Evidence) > 0
	return f
}

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
