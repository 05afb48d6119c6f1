package channels

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/publicsuffix"

	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/probes/pagekind"
)

// siteScan holds what one pass over each readable page gathered; the four
// probes read it.
type siteScan struct {
	site    *crawler.Site
	pages   pagekind.Pages
	domain  string // the site's registrable domain, "" when unknown
	scans   []*pageScan
	contact string // the contact page's address, "" when none
}

// pageScan is what one walk of a page's document gathered.
type pageScan struct {
	page      *crawler.Page
	isHome    bool
	isContact bool
	links     []anchor
	forms     []*html.Node
	labels    map[string]string // label text by the id it is for
	embeds    []string          // services of visible embedded forms
	cfEmails  []string          // Cloudflare-protected addresses, decoded
	formCount int
	kinds     map[pagekind.Kind]int // pagekind.Scores of the page
}

// anchor is one visible link.
type anchor struct {
	url       *url.URL // absolute, never nil
	href      string   // as written
	text      string   // visible text, spaces collapsed
	title     string
	aria      string
	inArticle bool // inside an <article>: a post's body
	inQuote   bool // inside a <blockquote>: an embedded post
	inFooter  bool // inside the page's footer
}

func newSiteScan(site *crawler.Site, pages pagekind.Pages) *siteScan {
	s := &siteScan{site: site, pages: pages}
	if c := pages[pagekind.Contact]; c != nil {
		s.contact = c.URL
	}
	var home *crawler.Page
	for _, p := range site.Pages {
		if p != nil && p.Depth == 0 && p.Source == "start" {
			home = p
			break
		}
	}
	if home == nil {
		home = site.HomePage()
	}
	for _, raw := range []string{site.Home, site.URL} {
		if s.domain = registrable(raw); s.domain != "" {
			break
		}
	}
	if s.domain == "" && home != nil {
		s.domain = registrable(home.URL)
	}
	for _, p := range site.Pages {
		if p == nil || p.Status >= 400 {
			continue
		}
		ps := &pageScan{page: p, isHome: p == home, isContact: s.contact != "" && p.URL == s.contact, labels: map[string]string{}, kinds: pagekind.Scores(p)}
		for _, n := range p.Doc().Nodes {
			ps.walk(n, walkState{})
		}
		s.scans = append(s.scans, ps)
	}
	return s
}

// registrable returns the registrable domain (eTLD+1) of an address's
// host, or the host itself when it has none, or "".
func registrable(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	return hostDomain(u.Hostname())
}

func hostDomain(host string) string {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "" {
		return ""
	}
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// sameSite reports whether u is on the site's registrable domain (any
// subdomain), over http or https.
func (s *siteScan) sameSite(u *url.URL) bool {
	if u == nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	return s.domain != "" && hostDomain(u.Hostname()) == s.domain
}

type walkState struct {
	inArticle bool
	inQuote   bool
	inFooter  bool
	region    crawler.Region // as crawler.OpenRegion reads it
}

// walk gathers the visible links, forms, labels, embeds and
// Cloudflare-protected addresses under n.
func (ps *pageScan) walk(n *html.Node, st walkState) {
	if n.Type == html.DocumentNode {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			ps.walk(c, st)
		}
		return
	}
	if n.Type != html.ElementNode || crawler.Hidden(n) {
		return
	}
	if st.region == "" {
		st.region = crawler.RegionMain
	}
	if st.region = crawler.OpenRegion(n, st.region); st.region == crawler.RegionFooter {
		st.inFooter = true
	}
	if v, ok := attr(n, "data-cfemail"); ok {
		if a := decodeCloudflare(v); a != "" {
			ps.cfEmails = append(ps.cfEmails, a)
		}
	}
	switch n.DataAtom {
	case atom.Script:
		if svc := scriptEmbed(n); svc != "" {
			ps.embeds = append(ps.embeds, svc)
		}
		return
	case atom.Iframe:
		if src, ok := attr(n, "src"); ok {
			if svc := iframeEmbed(src); svc != "" {
				ps.embeds = append(ps.embeds, svc)
			}
		}
		return
	case atom.Style, atom.Template, atom.Noscript, atom.Svg, atom.Math, atom.Title, atom.Textarea, atom.Select:
		return
	case atom.A:
		ps.addAnchor(n, st)
	case atom.Label:
		if id, ok := attr(n, "for"); ok && strings.TrimSpace(id) != "" {
			ps.labels[strings.TrimSpace(id)] = visibleText(n)
		}
	case atom.Form:
		ps.forms = append(ps.forms, n)
		ps.formCount++
	case atom.Article:
		st.inArticle = true
	case atom.Blockquote:
		st.inQuote = true
	}
	wrapper := wrapperEmbed(n)
	before := ps.formCount
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		ps.walk(c, st)
	}
	// A form plugin's wrapper counts as an embed only when the form inside
	// it is built by JavaScript; a form in the markup is judged by itself.
	if wrapper != "" && ps.formCount == before {
		ps.embeds = append(ps.embeds, wrapper)
	}
}

func (ps *pageScan) addAnchor(n *html.Node, st walkState) {
	href, ok := attr(n, "href")
	if !ok {
		return
	}
	href = strings.TrimSpace(href)
	if href == "" {
		return
	}
	u := ps.page.Resolve(href)
	if u == nil {
		return
	}
	title, _ := attr(n, "title")
	aria, _ := attr(n, "aria-label")
	ps.links = append(ps.links, anchor{
		url: u, href: href, text: visibleText(n),
		title: strings.TrimSpace(title), aria: strings.TrimSpace(aria),
		inArticle: st.inArticle, inQuote: st.inQuote, inFooter: st.inFooter,
	})
}

// attr returns the value of an element's attribute.
func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// visibleText returns the text under n that a visitor sees, spaces
// collapsed: hidden elements, scripts and form controls are left out.
func visibleText(n *html.Node) string {
	return visibleTextMax(n, -1)
}

// visibleTextMax is visibleText that stops reading after about max bytes
// (no bound when max < 0), for callers that discard long texts.
func visibleTextMax(n *html.Node, max int) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if max >= 0 && b.Len() > max {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if crawler.Hidden(n) {
				return
			}
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg, atom.Math,
				atom.Textarea, atom.Select, atom.Iframe, atom.Object:
				return
			case atom.Br, atom.P, atom.Div, atom.Li, atom.Td, atom.Th, atom.H1, atom.H2, atom.H3,
				atom.H4, atom.H5, atom.H6:
				b.WriteByte(' ')
			}
		default:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
		if n.Type == html.ElementNode && !inlineTag(n.DataAtom) {
			b.WriteByte(' ')
		}
	}
	rec(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func inlineTag(a atom.Atom) bool {
	switch a {
	case atom.A, atom.Abbr, atom.B, atom.Bdi, atom.Bdo, atom.Cite, atom.Code, atom.Data, atom.Dfn,
		atom.Em, atom.Font, atom.I, atom.Img, atom.Kbd, atom.Label, atom.Mark, atom.Q, atom.S,
		atom.Samp, atom.Small, atom.Span, atom.Strong, atom.Sub, atom.Sup, atom.Time, atom.U,
		atom.Var, atom.Wbr, atom.Big, atom.Tt, atom.Strike, atom.Nobr, atom.Ins, atom.Del:
		return true
	}
	return false
}
