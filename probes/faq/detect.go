package faq

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/shopper-audit/shopper/crawler"
)

// method names a pattern that finds questions, in the order that credits
// a question found by several: structured data first, plain text last.
type method int

const (
	byJSONLD    method = iota // JSON-LD FAQPage / QAPage Question names
	byMicrodata               // itemtype=schema.org/Question with itemprop=name
	byDetails                 // <details><summary>
	byAccordion               // accordion, collapse and toggle widgets
	byHeading                 // a heading or leading bold text followed by an answer
	byDL                      // <dt> followed by <dd>
	byLink                    // help-centre article titles listed as links
	byText                    // "Q: ... A: ..." blocks and question paragraphs
	nMethods
)

var methodNames = [nMethods]string{"jsonld", "microdata", "details", "accordion", "heading", "dl", "link", "text"}

// cand is one question found on a page.
type cand struct {
	shown, key string
	method     method
	// loose marks a question counted only on pages known to be FAQ or help
	// pages: a toggle titled by topic rather than worded as a question, a
	// question paragraph, a question-worded link.
	loose bool
	h1    bool       // the page's main heading: counted on sub-pages only
	node  *html.Node // the question's element; nil for JSON-LD and text
	// panel is, for a toggle counted for the answer it opens, that answer;
	// the toggle is a category, not a question, when the panel holds others.
	panel *html.Node
}

// link is a link of a page that may lead to a FAQ category page.
type link struct {
	url string // absolute, without fragment
	nav bool   // inside a <nav>, not the page's content
}

// Budgets for walks below one element, in nodes: they keep the probe linear
// on deeply nested markup.
const (
	labelNodes = 200  // a question's wording
	panelNodes = 2000 // an answer panel or a paragraph
)

// analysis is what one page holds, computed once per Probe call.
type analysis struct {
	cands []cand
	links []link
	faqLD bool // its JSON-LD declares a FAQPage or QAPage
	// unanswered holds the keys of headings worded as questions that no
	// answer follows; ignored those of form labels, cookie banners,
	// dialogs, sidebars and links to blog posts or products. The text
	// pattern must not count them either.
	unanswered map[string]bool
	ignored    map[string]bool
}

// analyse finds every question candidate on a page, whatever the page is;
// which candidates count is decided by the caller, who knows the page's
// place in the site's FAQ.
func analyse(p *crawler.Page) *analysis {
	a := &analysis{unanswered: map[string]bool{}, ignored: map[string]bool{}}
	doc := document(p)
	if doc == nil {
		return a
	}
	ld := jsonLD(doc)
	a.faqLD = ld.faq
	for _, q := range ld.questions {
		if shown, key, ok := admit(q, true); ok {
			a.cands = append(a.cands, cand{shown: shown, key: key, method: byJSONLD})
		}
	}
	w := &walker{p: p, a: a, ids: map[string]*html.Node{}, panels: map[*html.Node]bool{}, labels: map[*html.Node]bool{}, answers: map[*html.Node]bool{}, hiddenMemo: map[*html.Node]bool{}}
	for _, n := range doc.Nodes {
		w.index(n)
	}
	for _, n := range doc.Nodes {
		w.walk(n, scope{})
	}
	w.dropCategories()
	textCands(p, a)
	return a
}

// document returns the page's parsed document, or nil when the page cannot
// be parsed. crawler.Page.Doc panics, on its first call and every later
// use, for documents the HTML parser rejects (more than 512 open elements):
// such a page holds no questions rather than sinking the probe.
func document(p *crawler.Page) (doc *goquery.Document) {
	defer func() {
		if recover() != nil {
			doc = nil
		}
	}()
	doc = p.Doc()
	if doc == nil || len(doc.Nodes) == 0 || doc.Nodes[0] == nil {
		return nil
	}
	return doc
}

type walker struct {
	p          *crawler.Page
	a          *analysis
	ids        map[string]*html.Node
	panels     map[*html.Node]bool // answer panels of toggles: hidden by design, still read
	labels     map[*html.Node]bool // elements already counted as a question's wording
	answers    map[*html.Node]bool // memo of answerish
	hiddenMemo map[*html.Node]bool // memo of crawler.Hidden
}

// scope is what a walk knows about the ancestors of the current element.
type scope struct {
	region crawler.Region // where on the page; the zero value is main
	label  bool           // inside a question's wording, already counted
	aside  bool           // inside a sidebar or widget: its links are not questions
}

func (s scope) chrome() bool {
	return s.region == crawler.RegionHeader || s.region == crawler.RegionFooter
}
func (s scope) nav() bool { return s.region == crawler.RegionNav }

func (w *walker) index(n *html.Node) {
	if n.Type == html.ElementNode {
		if id := attr(n, "id"); id != "" {
			if _, dup := w.ids[id]; !dup {
				w.ids[id] = n
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.index(c)
	}
}

func (w *walker) walk(n *html.Node, s scope) {
	switch n.Type {
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, s)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	if skipped(n) || w.hidden(n) && !w.panels[n] {
		return
	}
	if overlay(n) {
		w.ignoreText(n)
		return
	}
	outside := s.aside
	s = enter(n, s)
	if !outside && s.aside && !s.chrome() && !s.nav() {
		w.ignoreText(n) // sidebars list posts and products, not FAQ entries
	}
	if n.DataAtom == atom.Label || n.DataAtom == atom.Legend {
		if _, key, ok := admit(w.labelText(n), false); ok {
			w.a.ignored[key] = true
		}
	}
	if w.labels[n] {
		s.label = true
	}
	if n.DataAtom == atom.A {
		w.link(n, s)
	}
	content := !s.chrome() && !s.nav() && !s.label
	before := len(w.a.cands)
	if content {
		s.label = w.detect(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, s)
	}
	if content && !s.label && len(w.a.cands) == before && isItem(n) {
		w.item(n)
	}
}

// enter returns the scope inside n. Regions do not nest (the crawler's
// rule): once outside the main content, the walk stays out.
func enter(n *html.Node, s scope) scope {
	if s.region == "" || s.region == crawler.RegionMain {
		s.region = crawler.RegionOfNode(n)
	}
	if !s.aside && aside(n) {
		s.aside = true
	}
	return s
}

// aside reports a sidebar or widget area.
func aside(n *html.Node) bool {
	return n.DataAtom == atom.Aside || hasPart(n, "sidebar", "widget", "widgets")
}

// ignoreText notes the texts of an element's innermost blocks, so that
// the text pattern, which reads the page's visible text, skips them: the
// element is a banner, a dialog or a sidebar.
func (w *walker) ignoreText(n *html.Node) {
	budget := panelNodes
	// rec reports whether c holds a block.
	var rec func(*html.Node) bool
	rec = func(c *html.Node) bool {
		inner := false
		for ch := c.FirstChild; ch != nil && budget > 0; ch = ch.NextSibling {
			budget--
			if ch.Type != html.ElementNode || skipped(ch) {
				continue
			}
			sub := rec(ch)
			if blockElements[ch.DataAtom] || ch.DataAtom == atom.Label {
				if !sub {
					if _, key, ok := admit(w.labelText(ch), false); ok {
						w.a.ignored[key] = true
					}
				}
				sub = true
			}
			inner = inner || sub
		}
		return inner
	}
	rec(n)
}

// hasPart reports whether a word of n's class or id is one of words.
func hasPart(n *html.Node, words ...string) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, tok := range strings.Fields(a.Val) {
			for _, p := range nameParts(tok) {
				for _, w := range words {
					if p == w {
						return true
					}
				}
			}
		}
	}
	return false
}

// overlay reports a cookie banner or a dialog: not the page's content.
func overlay(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Dialog:
		if _, open := attrOK(n, "open"); !open {
			return true
		}
	}
	switch strings.ToLower(attr(n, "role")) {
	case "dialog", "alertdialog":
		return true
	}
	if strings.EqualFold(attr(n, "aria-modal"), "true") {
		return true
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, tok := range strings.Fields(strings.ToLower(a.Val)) {
			if !strings.Contains(tok, "cookie") && !strings.Contains(tok, "consent") &&
				!strings.Contains(tok, "gdpr") && !strings.Contains(tok, "onetrust") {
				continue
			}
			for _, w := range [...]string{"banner", "notice", "popup", "modal", "dialog", "overlay", "notification", "consent", "bar", "law", "message", "window"} {
				if strings.Contains(tok, w) {
					return true
				}
			}
		}
	}
	return false
}

// detect looks for a question at n and reports whether n is a question's
// wording, which the walk then does not search again.
func (w *walker) detect(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Details:
		if sum := childElement(n, atom.Summary); sum != nil {
			w.toggle(sum, sum, n, byDetails)
			w.labels[sum] = true
		}
		return false
	case atom.Summary:
		return false // a summary outside <details> opens nothing
	}
	if isToggle(n) || accordionHeading(n) && !hasToggle(n) || w.opensHidden(n) {
		panel := w.panelOf(n)
		if panel != nil {
			w.panels[panel] = true
		}
		w.toggle(n, labelNode(n), panel, byAccordion)
		return true
	}
	if isMicroQuestion(n) {
		if name := microName(n); name != nil {
			text := attr(name, "content")
			if name.DataAtom != atom.Meta {
				text = w.labelText(name)
			}
			w.add(name, text, byMicrodata, false)
			w.labels[name] = true
		}
		return false
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if hasToggle(n) {
			return false // the toggle inside is the question
		}
		text := w.labelText(n)
		if !questionForm(text) {
			return false
		}
		if !w.answerAfter(n) {
			w.unanswered(text)
			return false
		}
		if c := w.add(n, text, byHeading, false); c != nil {
			c.h1 = n.DataAtom == atom.H1
		}
		return true
	case atom.Strong, atom.B:
		block := blockAncestor(n)
		if block == nil || isHeading(block) || hasToggle(n) {
			return false
		}
		before, after := around(block, n)
		if before {
			return false
		}
		text := w.labelText(n)
		if !questionForm(text) {
			return false
		}
		if !after && !w.answerAfter(block) {
			w.unanswered(text)
			return false
		}
		w.add(n, text, byHeading, false)
		return true
	case atom.Dt:
		text := w.labelText(n)
		if !questionForm(text) {
			return false
		}
		if dd := nextElement(n); dd != nil && dd.DataAtom == atom.Dd {
			if t, _ := answerRunes(dd, nil); t > 0 {
				w.add(n, text, byDL, false)
				return true
			}
		}
		w.unanswered(text)
	}
	return false
}

// unanswered notes a question-worded heading with no answer after it.
func (w *walker) unanswered(text string) {
	if _, key, ok := admit(text, false); ok {
		w.a.unanswered[key] = true
	}
}

// hasToggle reports a toggle inside n.
func hasToggle(n *html.Node) bool {
	budget := labelNodes
	var rec func(*html.Node) bool
	rec = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil && budget > 0; c = c.NextSibling {
			budget--
			if c.Type == html.ElementNode && (isToggle(c) || rec(c)) {
				return true
			}
		}
		return false
	}
	return rec(n)
}

// add records a question candidate when its wording is admissible. A
// question worded without a question mark counts on FAQ pages only.
func (w *walker) add(n *html.Node, text string, m method, loose bool) *cand {
	shown, key, ok := admit(text, false)
	if !ok {
		return nil
	}
	if m != byMicrodata && phrase(shown) == worded {
		loose = true
	}
	w.a.cands = append(w.a.cands, cand{shown: shown, key: key, method: m, loose: loose, node: n})
	return &w.a.cands[len(w.a.cands)-1]
}

// toggle records the question of an accordion item, <details> or FAQ item:
// node is the toggle, label the element holding its wording, panel the
// answer it opens (nil when unknown). A toggle worded as a question counts
// anywhere; one titled by topic ("Shipping times") counts on FAQ pages when
// it opens an answer, not a list of links or of further questions.
func (w *walker) toggle(node, label, panel *html.Node, m method) {
	text := w.labelText(label)
	if questionForm(text) {
		w.add(node, text, m, false)
		return
	}
	if panel == nil || isUIWord(text) || utf8.RuneCountInString(text) > 120 {
		return
	}
	if t, l := answerRunes(panel, node); t < 3 || l > t {
		return
	}
	if c := w.add(node, text, m, true); c != nil {
		c.panel = panel
	}
}

// item handles a FAQ item container (faq-item, accordion-item, ...) in
// which nothing else found a question: its first element is the question
// and the rest the answer.
func (w *walker) item(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || skipped(c) || w.hidden(c) {
			continue
		}
		if w.labelText(c) != "" {
			w.toggle(c, c, n, byAccordion)
			return
		}
	}
}

// dropCategories removes topic toggles whose panel holds other questions:
// they are categories of a FAQ, not entries.
func (w *walker) dropCategories() {
	under := map[*html.Node]int{}
	for _, c := range w.a.cands {
		for n := c.node; n != nil; n = n.Parent {
			under[n]++
		}
	}
	kept := w.a.cands[:0]
	for _, c := range w.a.cands {
		if c.loose && c.panel != nil {
			k := under[c.panel]
			if contains(c.panel, c.node) {
				k--
			}
			if k > 0 {
				continue
			}
		}
		kept = append(kept, c)
	}
	w.a.cands = kept
}

// link records a link for the category walk and, on content, a link worded
// as a question: a help centre lists its articles by their titles.
func (w *walker) link(n *html.Node, s scope) {
	href := attr(n, "href")
	if href == "" || s.chrome() {
		return
	}
	u := w.p.Resolve(href)
	if u != nil && (u.Scheme == "http" || u.Scheme == "https") {
		u.Fragment, u.RawFragment = "", ""
		w.a.links = append(w.a.links, link{url: u.String(), nav: s.nav()})
	}
	if s.nav() || s.label || s.aside {
		return
	}
	text := w.labelText(cardTitle(n))
	if !questionForm(text) {
		return
	}
	if u != nil && excludedPath(u.Path) {
		// A blog post or product titled as a question is not a FAQ entry.
		if _, key, ok := admit(text, false); ok {
			w.a.ignored[key] = true
		}
		return
	}
	w.add(n, text, byLink, true)
}

// cardTitle returns the element holding a link's title when the link is a
// card (a title and an excerpt, as help centres list articles): its
// heading or title element, else the first of its innermost blocks.
// Otherwise the link itself.
func cardTitle(n *html.Node) *html.Node {
	var title *html.Node
	var leaves []*html.Node
	budget := labelNodes
	// rec reports whether c holds a block with text.
	var rec func(*html.Node) bool
	rec = func(c *html.Node) bool {
		inner := false
		for ch := c.FirstChild; ch != nil && title == nil && budget > 0; ch = ch.NextSibling {
			budget--
			if ch.Type != html.ElementNode || skipped(ch) {
				continue
			}
			if isHeading(ch) || hasPart(ch, "title", "heading", "name") {
				title = ch
				return true
			}
			sub := rec(ch)
			if blockElements[ch.DataAtom] {
				if !sub && hasLetterOrDigit(textContent(ch)) {
					leaves = append(leaves, ch)
				}
				sub = true
			}
			inner = inner || sub
		}
		return inner
	}
	rec(n)
	switch {
	case title != nil:
		return title
	case len(leaves) > 1:
		return leaves[0]
	}
	return n
}

// answerAfter reports whether answer text follows n in document order
// before the next heading, question or page region. Hidden text counts: an
// answer collapsed under its question is hidden by design.
func (w *walker) answerAfter(n *html.Node) bool {
	cur := nextNode(n, true)
	for steps := 0; cur != nil && steps < 500; steps++ {
		switch cur.Type {
		case html.TextNode:
			if hasLetterOrDigit(cur.Data) {
				return true
			}
		case html.ElementNode:
			if skipped(cur) {
				cur = nextNode(cur, true)
				continue
			}
			if crawler.RegionOfNode(cur) != crawler.RegionMain {
				return false
			}
			switch cur.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Summary, atom.Details, atom.Dt:
				return false
			case atom.Strong, atom.B:
				if b := blockAncestor(cur); b != nil {
					if before, _ := around(b, cur); !before && questionForm(w.labelText(cur)) {
						return false
					}
				}
			}
			if isToggle(cur) {
				return false
			}
		}
		cur = nextNode(cur, false)
	}
	return false
}

// opensHidden reports a link to a hidden element of the page: a tab or
// accordion made by hand, whose pane is hidden by design.
func (w *walker) opensHidden(n *html.Node) bool {
	if n.DataAtom != atom.A {
		return false
	}
	href := strings.TrimSpace(attr(n, "href"))
	if len(href) < 2 || href[0] != '#' {
		return false
	}
	t := w.ids[href[1:]]
	return t != nil && !contains(t, n) && w.hidden(t)
}

// panelOf finds the answer panel a toggle opens: the element named by
// aria-controls, data-target or href="#id", else the element after the
// toggle (or after the wrapper it is the last element of).
func (w *walker) panelOf(n *html.Node) *html.Node {
	for _, k := range [...]string{"aria-controls", "data-target", "data-bs-target", "href"} {
		v := strings.TrimSpace(attr(n, k))
		if k != "aria-controls" {
			if !strings.HasPrefix(v, "#") {
				continue
			}
			v = v[1:]
		}
		for _, id := range strings.Fields(v) {
			if p := w.ids[id]; p != nil && p != n && !contains(p, n) {
				return p
			}
		}
	}
	cur := n
	for range 3 {
		if sib := nextElement(cur); sib != nil {
			return sib
		}
		if cur = cur.Parent; cur == nil || cur.Type != html.ElementNode {
			return nil
		}
	}
	return nil
}

// labelText returns the visible wording of an element: hidden parts, icons,
// and answer panels nested in a toggle are left out.
// An element of more than labelNodes elements is not a question's wording
// but a section: its text is not read.
func (w *walker) labelText(n *html.Node) string {
	var b strings.Builder
	budget := labelNodes
	var rec func(*html.Node)
	rec = func(c *html.Node) {
		if b.Len() > 4*maxQuestion || budget < 0 {
			return
		}
		budget--
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
			return
		case html.ElementNode:
		default:
			return
		}
		if skipped(c) || c != n && (w.hidden(c) || w.panels[c] || w.answerish(c)) {
			return
		}
		block := blockElements[c.DataAtom]
		if block {
			b.WriteByte(' ')
		}
		for ch := c.FirstChild; ch != nil; ch = ch.NextSibling {
			rec(ch)
		}
		if block {
			b.WriteByte(' ')
		}
	}
	rec(n)
	if budget < 0 {
		return ""
	}
	return clean(b.String())
}

// textCands finds questions in the page's visible text blocks: "Q: ... A:
// ..." pairs in any of the supported languages, and, on FAQ pages, plain
// paragraphs that end with a question mark and are followed by an answer.
func textCands(p *crawler.Page, a *analysis) {
	var blocks []string
	for _, b := range p.Text() {
		if b.Region == crawler.RegionMain {
			blocks = append(blocks, b.Text)
		}
	}
	for i, b := range blocks {
		next := ""
		if i+1 < len(blocks) {
			next = blocks[i+1]
		}
		_, mk := stripMarkers(b)
		_, nextMk := stripMarkers(next)
		switch mk {
		case qMarker, weakMarker:
			q, inline := b, false
			if loc := midAnswerRE.FindStringIndex(b); loc != nil {
				q, inline = b[:loc[0]], true
			}
			answered := inline || answerRE.MatchString(next) ||
				mk == qMarker && next != "" && nextMk < weakMarker
			if !answered {
				continue
			}
			if shown, key, ok := admit(q, false); ok {
				a.cands = append(a.cands, cand{shown: shown, key: key, method: byText})
			}
		default:
			if !endsWithQMark(b) || !questionForm(b) || next == "" || questionForm(next) {
				continue
			}
			if shown, key, ok := admit(b, false); ok && !a.unanswered[key] && !a.ignored[key] {
				a.cands = append(a.cands, cand{shown: shown, key: key, method: byText, loose: true})
			}
		}
	}
}

// isToggle reports an element that opens and closes content: aria-expanded
// or aria-controls on a control, Bootstrap's data-toggle, or a class or
// data attribute named like an accordion's title or a FAQ question
// (accordion-button, faq__question, elementor-tab-title, et_pb_toggle_title,
// schema-faq-question, sss-soru, ...).
func isToggle(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Input, atom.Label, atom.Select, atom.Textarea, atom.Form, atom.Body, atom.Html, atom.Main,
		atom.Ul, atom.Ol, atom.Table, atom.Img, atom.Details, atom.Nav, atom.Header, atom.Footer:
		return false
	}
	expanded, controls, role := false, false, false
	control := n.DataAtom == atom.Button || strings.EqualFold(attr(n, "role"), "button")
	if n.DataAtom == atom.A {
		href := strings.TrimSpace(attr(n, "href"))
		control = href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:")
	}
	for _, a := range n.Attr {
		switch k := a.Key; {
		case k == "aria-expanded":
			expanded = true
		case k == "aria-controls":
			controls = true
		case k == "data-toggle" || k == "data-bs-toggle":
			switch strings.ToLower(strings.TrimSpace(a.Val)) {
			case "collapse", "tab", "pill", "toggle", "accordion", "slide", "slidetoggle":
				return true
			}
		case k == "role":
			r := strings.ToLower(strings.TrimSpace(a.Val))
			role = r == "button" || r == "tab"
		case k == "class":
			for _, tok := range strings.Fields(a.Val) {
				if toggleName(tok) || control && widgetName(tok) {
					return true
				}
			}
		case strings.HasPrefix(k, "data-"):
			if toggleName(k[5:]) {
				return true
			}
		}
	}
	if expanded || controls {
		switch n.DataAtom {
		case atom.Button, atom.A, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Dt:
			return true
		}
		return role || expanded
	}
	return false
}

// Parts of class names. A toggle's class joins a widget word and a title
// word (accordion-title, faq__header, toggle-trigger), or names a question.
var (
	widgetPrefixes = []string{"accordion", "accordeon", "akordiyon", "collaps", "toggle", "faq", "sss", "hoidap", "expand", "spoiler"}
	widgetExact    = set("tab", "ea", "acc", "panel", "tta", "qa")
	// Title and content words include Turkish (başlık, içerik, cevap) and
	// Vietnamese (tiêu đề, nội dung, trả lời) ones: themes name classes in
	// their market's language (Ticimax: sssBaslik, sssIcerik).
	titleParts    = set("title", "header", "heading", "head", "hdr", "button", "btn", "trigger", "toggle", "toggler", "label", "link", "summary", "handle", "opener", "control", "q", "baslik", "tieude", "titel", "titulo", "titre")
	notTitleParts = set("answer", "answers", "cevap", "cevaplar", "icerik", "content", "contents", "body", "noidung", "traloi", "wrapper", "wrap", "container", "list", "group", "section", "items", "questions", "sorular", "icon", "arrow", "plus", "minus", "number", "num", "count", "img", "image")
	itemParts     = set("item", "entry", "single", "pair")
)

func widgetPart(p string) bool {
	if widgetExact[p] {
		return true
	}
	for _, w := range widgetPrefixes {
		if strings.HasPrefix(p, w) {
			return true
		}
	}
	return false
}

// toggleName reports a class name or data attribute name of a toggle.
func toggleName(tok string) bool {
	parts := nameParts(tok)
	for _, p := range parts {
		if notTitleParts[p] {
			return false
		}
	}
	for _, p := range parts {
		if strings.HasPrefix(p, "question") || strings.HasPrefix(p, "soru") && p != "sorular" || p == "cauhoi" {
			return true
		}
	}
	for i, p := range parts {
		if !widgetPart(p) {
			continue
		}
		for j, q := range parts {
			if j != i && titleParts[q] {
				return true
			}
		}
	}
	return false
}

// widgetName reports a class naming an accordion or FAQ widget: on a
// button ("accordion", "collapsible" in the w3schools pattern) it marks a
// toggle.
func widgetName(tok string) bool {
	for _, p := range nameParts(tok) {
		if notTitleParts[p] {
			return false
		}
	}
	for _, p := range nameParts(tok) {
		if widgetPart(p) && !widgetExact[p] || strings.HasPrefix(p, "question") || strings.HasPrefix(p, "soru") && p != "sorular" {
			return true
		}
	}
	return false
}

// accordionHeading reports a heading or term that is a direct child of an
// accordion container, as jQuery UI and similar scripts expect their markup
// before they run: <div id="accordion"><h3>Question</h3><div>Answer</div>.
func accordionHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Dt:
	default:
		return false
	}
	p := n.Parent
	if p == nil || p.Type != html.ElementNode || nextElement(n) == nil {
		return false
	}
	for _, a := range p.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, tok := range strings.Fields(a.Val) {
			for _, part := range nameParts(tok) {
				for _, w := range [...]string{"accordion", "accordeon", "akordiyon", "collaps", "toggle"} {
					if strings.HasPrefix(part, w) {
						return true
					}
				}
			}
		}
	}
	return false
}

// isItem reports a FAQ item container: faq-item, accordion-item, sss-item.
func isItem(n *html.Node) bool {
	for _, tok := range strings.Fields(attr(n, "class")) {
		parts := nameParts(tok)
		widget, item := false, false
		for _, p := range parts {
			widget = widget || widgetPart(p)
			item = item || itemParts[p]
		}
		if widget && item {
			return true
		}
	}
	return false
}

// hidden is crawler.Hidden, computed once per element.
func (w *walker) hidden(n *html.Node) bool {
	v, ok := w.hiddenMemo[n]
	if !ok {
		v = crawler.Hidden(n)
		w.hiddenMemo[n] = v
	}
	return v
}

// answerish reports, once per element, an element that holds an answer
// rather than wording.
func (w *walker) answerish(n *html.Node) bool {
	v, ok := w.answers[n]
	if !ok {
		v = answerish(n)
		w.answers[n] = v
	}
	return v
}

func answerish(n *html.Node) bool {
	for _, tok := range strings.Fields(attr(n, "class")) {
		parts := nameParts(tok)
		content, title := false, false
		for _, p := range parts {
			switch p {
			case "answer", "answers", "cevap", "icerik", "body", "collapse", "traloi", "noidung":
				return true
			case "content", "contents", "panel":
				content = true
			case "title", "question", "header", "heading", "label", "text":
				title = true
			}
		}
		if content && !title {
			return true
		}
	}
	return false
}

// nameParts splits a class or attribute name into lower-case words at
// dashes, underscores and camelCase humps.
func nameParts(s string) []string {
	var parts []string
	start := 0
	prevLower := false
	for i, r := range s {
		switch {
		case r == '-' || r == '_' || r == ':' || r == '.':
			if i > start {
				parts = append(parts, strings.ToLower(s[start:i]))
			}
			start = i + 1
			prevLower = false
			continue
		case unicode.IsUpper(r) && prevLower:
			parts = append(parts, strings.ToLower(s[start:i]))
			start = i
		}
		prevLower = unicode.IsLower(r) || unicode.IsDigit(r)
	}
	if start < len(s) {
		parts = append(parts, strings.ToLower(s[start:]))
	}
	// Vietnamese words are two syllables: "cau-hoi", "tieu-de" are one word.
	for i := 0; i+1 < len(parts); i++ {
		if w := parts[i] + parts[i+1]; vietnameseWords[w] {
			parts = append(append(parts[:i:i], w), parts[i+2:]...)
		}
	}
	return parts
}

// vietnameseWords are the two-syllable words of class names: câu hỏi
// (question), hỏi đáp (Q&A), tiêu đề (title), nội dung (content), trả lời
// (answer).
var vietnameseWords = set("cauhoi", "hoidap", "tieude", "noidung", "traloi")

// labelNode returns the element holding a toggle's wording: the toggle, or
// the heading, button or link inside a container toggle.
func labelNode(n *html.Node) *html.Node {
	switch n.DataAtom {
	case atom.Button, atom.A, atom.Summary, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Dt, atom.Strong, atom.B:
		return n
	}
	var found *html.Node
	budget := labelNodes
	var rec func(*html.Node)
	rec = func(c *html.Node) {
		for ch := c.FirstChild; ch != nil && found == nil && budget > 0; ch = ch.NextSibling {
			budget--
			if ch.Type != html.ElementNode || skipped(ch) || crawler.Hidden(ch) {
				continue
			}
			switch ch.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Button, atom.A:
				if hasLetterOrDigit(textContent(ch)) {
					found = ch
					return
				}
			}
			rec(ch)
		}
	}
	rec(n)
	if found != nil {
		return found
	}
	return n
}

// isMicroQuestion reports a schema.org Question in microdata.
func isMicroQuestion(n *html.Node) bool {
	t := attr(n, "itemtype")
	if t == "" {
		return false
	}
	if i := strings.LastIndexAny(t, "/:#"); i >= 0 {
		t = t[i+1:]
	}
	return strings.EqualFold(strings.TrimSpace(t), "Question")
}

// microName finds the itemprop=name of a microdata item, not descending
// into nested items (the answer).
func microName(n *html.Node) *html.Node {
	var found *html.Node
	var rec func(*html.Node)
	rec = func(c *html.Node) {
		for ch := c.FirstChild; ch != nil && found == nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			for _, p := range strings.Fields(attr(ch, "itemprop")) {
				if p == "name" {
					found = ch
					return
				}
			}
			if _, nested := attrOK(ch, "itemscope"); !nested {
				rec(ch)
			}
		}
	}
	rec(n)
	return found
}

// answerRunes counts the letters and digits of an answer panel, apart from
// those of links and of the excluded element (the toggle itself).
func answerRunes(panel, exclude *html.Node) (text, links int) {
	budget := panelNodes
	var rec func(*html.Node, bool)
	rec = func(n *html.Node, inLink bool) {
		if n == exclude || text > 200 || budget < 0 {
			return
		}
		budget--
		switch n.Type {
		case html.TextNode:
			k := 0
			for _, r := range n.Data {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					k++
				}
			}
			if inLink {
				links += k
			} else {
				text += k
			}
			return
		case html.ElementNode:
			if skipped(n) {
				return
			}
			inLink = inLink || n.DataAtom == atom.A
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, inLink)
		}
	}
	rec(panel, false)
	return text, links
}

// blockAncestor returns the nearest ancestor that is not an inline element.
func blockAncestor(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			return nil
		}
		if !inlineElements[p.DataAtom] {
			return p
		}
	}
	return nil
}

// around reports whether block holds letters before and after n.
func around(block, n *html.Node) (before, after bool) {
	seen := false
	budget := panelNodes
	var rec func(*html.Node)
	rec = func(c *html.Node) {
		if budget--; budget < 0 {
			before = true // too long a block to tell: not a lead-in
			return
		}
		if c == n {
			seen = true
			return
		}
		switch c.Type {
		case html.TextNode:
			if hasLetter(c.Data) {
				if seen {
					after = true
				} else {
					before = true
				}
			}
			return
		case html.ElementNode:
			if skipped(c) || crawler.Hidden(c) {
				return
			}
		}
		for ch := c.FirstChild; ch != nil && !(seen && after); ch = ch.NextSibling {
			rec(ch)
		}
	}
	rec(block)
	return before, after
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// nextNode returns the node after n in document order; with skip, after
// n's subtree.
func nextNode(n *html.Node, skip bool) *html.Node {
	if !skip && n.FirstChild != nil {
		return n.FirstChild
	}
	for ; n != nil; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

func childElement(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
	}
	return nil
}

// contains reports whether n is anc or inside it.
func contains(anc, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == anc {
			return true
		}
	}
	return false
}

func textContent(n *html.Node) string {
	var b strings.Builder
	budget := labelNodes
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if budget--; budget < 0 || b.Len() > 4*maxQuestion {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// skipped reports elements whose content is never shown as text.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Title, atom.Meta,
		atom.Link, atom.Svg, atom.Math, atom.Iframe, atom.Object, atom.Embed, atom.Select, atom.Option,
		atom.Textarea, atom.Input, atom.Canvas, atom.Audio, atom.Video:
		return true
	}
	return false
}

var inlineElements = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Cite: true,
	atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true, atom.Font: true, atom.I: true,
	atom.Kbd: true, atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true,
	atom.Span: true, atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true,
	atom.Var: true, atom.Big: true, atom.Tt: true, atom.Strike: true, atom.Nobr: true, atom.Ins: true,
	atom.Del: true,
}

var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Br: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Dt: true, atom.Dd: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Section: true, atom.Article: true, atom.Ul: true, atom.Ol: true, atom.Table: true,
	atom.Summary: true, atom.Details: true, atom.Blockquote: true, atom.Pre: true, atom.Hr: true,
	atom.Figure: true, atom.Figcaption: true, atom.Header: true, atom.Footer: true,
}
