package phone

import (
	"encoding/json"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/shopper-audit/shopper/crawler"
)

// collector gathers sightings of numbers across pages.
type collector struct {
	ps      *parser
	home    *crawler.Page
	contact *crawler.Page
	byE164  map[string]*entry
	order   []*entry
}

// entry is a number being gathered.
type entry struct {
	n       Number
	seq     int
	sources map[string]bool
	pages   map[string]bool
}

// sighting is one place a number was seen.
type sighting struct {
	p        parsed
	display  string
	source   string
	page     *crawler.Page
	region   crawler.Region
	visible  bool
	tollFree bool // JSON-LD said contactOption TollFree
}

func (c *collector) isHome(p *crawler.Page) bool {
	return c.home != nil && (p == c.home || p.URL == c.home.URL)
}

func (c *collector) isContact(p *crawler.Page) bool {
	return c.contact != nil && (p == c.contact || p.URL == c.contact.URL)
}

func (c *collector) add(s sighting) {
	e := c.byE164[s.p.e164]
	if e == nil {
		e = &entry{
			n:       Number{E164: s.p.e164, Type: s.p.typ, Region: s.p.region, Pages: []string{}},
			seq:     len(c.order),
			sources: map[string]bool{},
			pages:   map[string]bool{},
		}
		c.byE164[s.p.e164] = e
		c.order = append(c.order, e)
	}
	n := &e.n
	e.sources[s.source] = true
	if !e.pages[s.page.URL] {
		e.pages[s.page.URL] = true
		n.Pages = append(n.Pages, s.page.URL)
	}
	if s.p.typ == "toll_free" || s.tollFree {
		n.TollFree = true
	}
	if n.Display == "" || s.visible && !n.Visible {
		n.Display = s.display
	}
	if !s.visible {
		return
	}
	n.Visible = true
	text := s.source == SourceText || s.source == SourceVanity
	if text && c.isHome(s.page) {
		n.OnHome = true
	}
	if text && c.isContact(s.page) {
		n.OnContact = true
	}
	if s.source == SourceTel {
		n.ClickToCall = true
	}
	switch s.region {
	case crawler.RegionHeader:
		n.InHeader = true
	case crawler.RegionFooter:
		n.InFooter = true
	}
}

// page reads one page: its visible text, then its tel: links, then its
// JSON-LD. Text and links the rendered page's styles hide (a collapsed
// accordion: crawler.Page.Concealed) are on the page but not visible.
func (c *collector) page(p *crawler.Page) {
	for _, b := range p.Text() {
		for _, h := range scanText(c.ps, b.Text) {
			src := SourceText
			if h.vanity {
				src = SourceVanity
			}
			c.add(sighting{p: h.p, display: h.display, source: src, page: p, region: b.Region, visible: !b.Concealed})
		}
	}
	doc := p.Doc()
	doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		v, ok := telNumber(href)
		if !ok {
			return
		}
		n := a.Get(0)
		if hidden(n) {
			// Never shown: not a number visitors are offered.
			return
		}
		visible := !p.Concealed(n)
		for _, num := range c.readMarkup(v) {
			c.add(sighting{p: num.p, display: num.display, source: SourceTel, page: p,
				region: crawler.RegionOfNode(n), visible: visible})
		}
	})
	doc.Find("script").Each(func(_ int, s *goquery.Selection) {
		t, _ := s.Attr("type")
		if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(t)), "application/ld+json") {
			return
		}
		// A script may hold several JSON values one after another; reading
		// stops at the first malformed one, which says nothing.
		dec := json.NewDecoder(strings.NewReader(s.Text()))
		for {
			var v any
			if dec.Decode(&v) != nil {
				return
			}
			c.jsonLD(p, v)
		}
	})
}

// telNumber returns the number of a tel: link, decoded, without
// parameters, or false when href is not a tel: link.
func telNumber(href string) (string, bool) {
	h := strings.TrimSpace(href)
	if len(h) < 4 || !strings.EqualFold(h[:4], "tel:") {
		return "", false
	}
	v := h[4:]
	if u, err := url.PathUnescape(v); err == nil {
		v = u
	}
	v = strings.TrimPrefix(v, "//")
	if i := strings.IndexAny(v, ";?"); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimSpace(v)
	return v, v != ""
}

// readMarkup reads a number a tel: link or JSON-LD gives: valid as a whole,
// or else, when the value holds several numbers ("028 3822 1234 -
// 0901 234 567"), read as text would be.
func (c *collector) readMarkup(v string) []hit {
	if p, ok := c.ps.parse(v, markup); ok {
		return []hit{{display: v, p: p}}
	}
	return scanText(c.ps, v)
}

// hidden reports an element a visitor cannot see: it or an ancestor is
// hidden by its markup (crawler.Hidden) or never rendered.
func hidden(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Template, atom.Noscript, atom.Head, atom.Script, atom.Style, atom.Select, atom.Option, atom.Textarea:
			return true
		}
		if crawler.Hidden(n) {
			return true
		}
	}
	return false
}

// jsonLD reads schema.org telephone values anywhere in a JSON-LD value:
// top-level objects, arrays, @graph, and nested contactPoint objects. An
// object whose contactOption is TollFree (by name or schema.org URL) makes
// its telephone toll free.
func (c *collector) jsonLD(p *crawler.Page, v any) {
	switch t := v.(type) {
	case []any:
		for _, x := range t {
			c.jsonLD(p, x)
		}
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		tollFree := false
		for _, k := range keys {
			if strings.EqualFold(k, "contactOption") {
				tollFree = tollFree || hasTollFree(t[k])
			}
		}
		for _, k := range keys {
			if !strings.EqualFold(k, "telephone") {
				c.jsonLD(p, t[k])
				continue
			}
			for _, s := range jsonStrings(t[k]) {
				if len(s) >= 4 && strings.EqualFold(s[:4], "tel:") {
					s = s[4:]
				}
				for _, h := range c.readMarkup(strings.TrimSpace(s)) {
					c.add(sighting{p: h.p, display: h.display, source: SourceJSONLD, page: p, tollFree: tollFree})
				}
			}
		}
	}
}

// jsonStrings returns the strings (and numbers, as written) in a JSON-LD
// value: one value, an array of them, or objects' "@id" and "@value".
func jsonStrings(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case float64:
		return []string{strconv.FormatFloat(t, 'f', -1, 64)}
	case []any:
		var out []string
		for _, x := range t {
			out = append(out, jsonStrings(x)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, k := range []string{"@id", "@value"} {
			if s, ok := t[k].(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// hasTollFree reports a contactOption naming TollFree: "TollFree",
// "https://schema.org/TollFree", "schema:TollFree".
func hasTollFree(v any) bool {
	for _, s := range jsonStrings(v) {
		s = strings.TrimSpace(s)
		if i := strings.LastIndexAny(s, "/:"); i >= 0 {
			s = s[i+1:]
		}
		if strings.EqualFold(s, "TollFree") {
			return true
		}
	}
	return false
}
