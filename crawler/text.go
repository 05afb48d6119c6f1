package crawler

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Region says where on a page a piece of text stands.
type Region string

// The regions of a page that probes tell apart.
const (
	RegionMain   Region = "main"
	RegionHeader Region = "header"
	RegionFooter Region = "footer"
	RegionNav    Region = "nav"
)

// TextBlock is one block of visible text: the text of a block-level element
// (or a line inside it, split at <br>), with inline elements joined as a
// browser shows them, so a number split across <span>s reads whole.
type TextBlock struct {
	Text   string `json:"text"`
	Region Region `json:"region"`
	// Concealed is true when the page was rendered and the browser did
	// not show this text without interaction (see Page.Concealed): it is
	// on the page, in a collapsed accordion or a closed panel a visitor
	// can open, but not in view. On pages not rendered only a closed tab
	// panel's text is concealed.
	Concealed bool `json:"concealed,omitempty"`
}

// Text returns the page's visible text in document order. Text inside
// scripts, styles, templates, form controls and hidden elements (the hidden
// attribute, inline display:none or visibility:hidden, <input type=hidden>,
// and the common "hidden" utility classes) is left out. On a rendered
// page, text the browser found hidden by the stylesheets is kept, in
// blocks of its own marked Concealed, as is, on any page, the text of a tab
// panel hidden until its tab is chosen. It is computed once.
func (p *Page) Text() []TextBlock {
	p.tone.Do(func() {
		doc := p.Doc()
		w := textWalker{marks: p.Rendered}
		for _, n := range doc.Nodes {
			w.walk(n, RegionMain, false)
		}
		w.flush(RegionMain)
		p.text = w.blocks
	})
	return p.text
}

// VisibleText returns the page's visible text as one string, a line a block.
func (p *Page) VisibleText() string {
	var b strings.Builder
	for _, t := range p.Text() {
		b.WriteString(t.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

type textWalker struct {
	blocks    []TextBlock
	cur       strings.Builder
	region    Region
	concealed bool
	marks     bool // honour the browser's marks (a rendered page)
}

func (w *textWalker) flush(r Region) {
	t := strings.Join(strings.Fields(w.cur.String()), " ")
	w.cur.Reset()
	if t != "" {
		w.blocks = append(w.blocks, TextBlock{Text: t, Region: w.region, Concealed: w.concealed})
	}
	w.region = r
}

// walk adds the text under n, in region r; concealed says that n is inside
// an element the browser marked hidden.
func (w *textWalker) walk(n *html.Node, r Region, concealed bool) {
	switch n.Type {
	case html.TextNode:
		if w.cur.Len() == 0 {
			w.region = r
			w.concealed = concealed
		}
		w.cur.WriteString(n.Data)
		return
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, r, concealed)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	if skippedElement(n) || Hidden(n) {
		return
	}
	if n.DataAtom == atom.Br {
		w.flush(r)
		return
	}
	r = regionOf(n, r)
	// Concealed text is a block of its own: a visible label and the
	// hidden number after it do not share one.
	enters := !concealed && (w.marks && browserHidden(n) || closedPanel(n))
	block := enters || !inlineElements[n.DataAtom]
	if enters {
		concealed = true
	}
	if block {
		w.flush(r)
	}
	if n.DataAtom == atom.Img {
		// An image's alt text stands where the image is, as a reader hears it.
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, r, concealed)
	}
	if block {
		w.flush(r)
	}
}

// HiddenAttr is the attribute the browser sets to "1", in a rendered
// page's HTML, on the outermost elements whose content the page's styles
// hide from a visitor who does not interact with the page (see
// crawler/browser.Result.HTML; the name is the same there).
const HiddenAttr = "data-shopper-hidden"

// browserHidden reports an element the browser marked hidden.
func browserHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == HiddenAttr {
			return a.Val == "1"
		}
	}
	return false
}

// Concealed reports whether element n of the page, or an ancestor, is
// hidden by the page's styles when the page was rendered: not displayed
// (a collapsed accordion's answer, a closed <details>, a menu that opens
// on hover), invisible, transparent, clipped away or off the page, at the
// desktop width, and shown by no media query for another width; or, on
// any page, whether it is in a tab panel whose markup hides it until its
// tab is chosen.
//
// The rule the probes follow: such content is on the page, and a visitor
// who opens it finds it, so it is listed like any other (an FAQ answer, an
// e-mail address, a phone number); but it is not visible, so it does not
// count as shown prominently or above the fold. Content hidden by its own
// markup (Hidden) is left out altogether. A page that was not rendered
// has nothing concealed but closed tab panels: stylesheets are not
// evaluated statically.
func (p *Page) Concealed(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && (p.Rendered && browserHidden(n) || closedPanel(n)) {
			return true
		}
	}
	return false
}

var inlineElements = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true,
	atom.Font: true, atom.I: true, atom.Img: true, atom.Kbd: true, atom.Label: true,
	atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true,
	atom.Span: true, atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true,
	atom.U: true, atom.Var: true, atom.Wbr: true, atom.Big: true, atom.Tt: true,
	atom.Strike: true, atom.Nobr: true, atom.Ins: true, atom.Del: true,
	atom.Button: true,
}

// skippedElement reports elements whose content is never shown as text.
func skippedElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head,
		atom.Title, atom.Meta, atom.Link, atom.Svg, atom.Math, atom.Iframe,
		atom.Object, atom.Embed, atom.Select, atom.Option, atom.Textarea,
		atom.Input, atom.Canvas, atom.Audio, atom.Video:
		return true
	}
	return false
}

// hiddenClasses are utility classes that hide an element at every width.
var hiddenClasses = map[string]bool{
	"hidden": true, "d-none": true, "is-hidden": true, "invisible": true,
	"visually-hidden": true, "sr-only": true, "screen-reader-text": true,
	"hide": true, "display-none": true, "u-hidden": true,
}

// Hidden reports whether an element is hidden from a visitor by its own
// markup: the hidden attribute, <input type=hidden>, an inline style with
// display:none or visibility:hidden, or a utility class such as "hidden" or
// "d-none" that no responsive class (md:block, d-md-flex, ...) shows again.
// A tab panel (role=tabpanel) hidden so is not: its tab opens it, and it is
// concealed (Page.Concealed) rather than hidden. Hidden does not evaluate
// stylesheets; on rendered pages Page.Concealed answers that.
func Hidden(n *html.Node) bool {
	if n.Type != html.ElementNode || role(n) == "tabpanel" {
		return false
	}
	return markupHidden(n)
}

// closedPanel reports a tab panel its markup hides until its tab is
// chosen.
func closedPanel(n *html.Node) bool {
	return n.Type == html.ElementNode && role(n) == "tabpanel" && markupHidden(n)
}

func role(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "role" {
			return strings.ToLower(strings.TrimSpace(a.Val))
		}
	}
	return ""
}

// markupHidden is Hidden without the exception for tab panels.
func markupHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "type":
			if n.DataAtom == atom.Input && strings.EqualFold(strings.TrimSpace(a.Val), "hidden") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		case "class":
			hidden, shown := false, false
			for _, c := range strings.Fields(strings.ToLower(a.Val)) {
				if hiddenClasses[c] {
					hidden = true
				}
				if responsiveShow(c) {
					shown = true
				}
			}
			if hidden && !shown {
				return true
			}
		}
	}
	return false
}

// responsiveShow reports classes that display an element at some width.
func responsiveShow(c string) bool {
	if i := strings.IndexByte(c, ':'); i > 0 { // Tailwind: md:block, lg:flex
		v := c[i+1:]
		return v == "block" || v == "flex" || v == "inline" || v == "inline-block" || v == "grid" || v == "inline-flex" || v == "table"
	}
	if strings.HasPrefix(c, "d-") && strings.Count(c, "-") == 2 { // Bootstrap: d-md-block
		return !strings.HasSuffix(c, "-none")
	}
	return false
}

// OpenRegion returns the region a walker is in once it enters element n,
// having been in r: the region n opens, or r when it opens none. Header,
// footer and nav regions do not nest: the outermost one wins. Probes that
// walk the DOM themselves use it so regions read the same everywhere.
func OpenRegion(n *html.Node, r Region) Region { return regionOf(n, r) }

// regionOf returns the region an element opens, or r when it opens none.
// Header, footer and nav regions do not nest: the outermost one wins.
func regionOf(n *html.Node, r Region) Region {
	if r != RegionMain {
		return r
	}
	switch n.DataAtom {
	case atom.Header:
		if !insideArticle(n) {
			return RegionHeader
		}
	case atom.Footer:
		if !insideArticle(n) {
			return RegionFooter
		}
	case atom.Nav:
		return RegionNav
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			switch strings.ToLower(a.Val) {
			case "banner":
				return RegionHeader
			case "contentinfo":
				return RegionFooter
			case "navigation":
				return RegionNav
			}
		case "id", "class":
			if n.DataAtom != atom.Div && n.DataAtom != atom.Section && n.DataAtom != atom.Aside {
				continue
			}
			for _, t := range strings.FieldsFunc(strings.ToLower(a.Val), func(c rune) bool { return c == ' ' || c == '\t' || c == '\n' }) {
				switch {
				case t == "header" || t == "site-header" || t == "masthead" || t == "topbar" || t == "top-bar":
					return RegionHeader
				case t == "footer" || t == "site-footer" || t == "page-footer" || t == "colophon":
					return RegionFooter
				}
			}
		}
	}
	return r
}

func insideArticle(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Article || p.DataAtom == atom.Section || p.DataAtom == atom.Main {
			return true
		}
	}
	return false
}
