// Package faq measures how deep a site's FAQ goes: it counts the distinct
// questions a customer can read on the FAQ (or help centre) page and on the
// category pages below it, from an already crawled site, without the
// network.
//
// Questions are found in JSON-LD and microdata (schema.org FAQPage,
// QAPage, Question), <details> elements, accordion, tab and toggle widgets
// (Bootstrap, Foundation, jQuery UI, WordPress blocks and page builders,
// Shopify themes, class names in English, Turkish and Vietnamese),
// headings, bold lead-ins and <dt> terms worded as questions and followed
// by an answer, "Q: ... A: ..." text in several languages, and help-centre
// article lists whose titles are questions. Each question is counted once
// across every pattern and page, compared folded and without numbering.
//
// Only what a visitor sees counts: hidden elements, templates, scripts
// (JSON-LD apart), headers, footers, navigation, cookie banners and dialogs
// are left out, except the collapsed panels of accordions and tabs, which
// are hidden by design and open under a visible toggle. Some patterns need
// a page known to be a FAQ or help page (the given FAQ and help pages, and
// pages pagekind rates so or that sit below them): toggles titled by topic
// rather than by a question, questions worded without a question mark,
// question paragraphs and question-titled links. Elsewhere only explicit
// questions count, so a policy page titling its sections "What is covered"
// is not a FAQ.
package faq

import (
	"github.com/PuerkitoBio/goquery"
	"net"
	"net/url"
	"strings"

	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/probes/pagekind"
)

// ID, Title and Description explain the probe in reports.
const (
	// ID names the probe in results.
	ID = "faq-depth"
	// Title is the probe's heading in reports.
	Title = "FAQ answers the common questions"
	// Description says why the probe matters; it cites STANDARDS.md (FAQ).
	Description = "A FAQ lets customers answer their own questions without contacting the company. " +
		"Post at least the top 5–10 questions with answers; best in class, like Amazon's help pages, " +
		"answers 50 or more, so visitors almost never need to write or call."
)

// maxSamples bounds the questions quoted as evidence.
const maxSamples = 5

// Input names the candidate pages the caller found (pagekind.Find): either
// may be nil.
type Input struct {
	FAQ  *crawler.Page // best page classified as FAQ
	Help *crawler.Page // best page classified as help / support centre
}

// Finding is the probe's result: how many distinct questions the site's FAQ
// answers, where, and evidence.
type Finding struct {
	// URL is the FAQ root page, null when the site has no FAQ.
	URL *string `json:"url"`
	// Questions counts the distinct questions across the root and its
	// category sub-pages.
	Questions int `json:"questions"`
	// Pages lists the pages whose questions were counted: the root first,
	// then each sub-page that added a question.
	Pages []string `json:"pages"`
	// Samples quotes up to 5 questions as evidence, as written.
	Samples []string `json:"samples"`
	// Methods names the patterns that found questions, in this order:
	// jsonld, microdata, details, accordion, heading, dl, link, text. A
	// question found by several is credited to the first.
	Methods []string `json:"methods"`
}

// Probe counts the questions of the site's FAQ. It reads only the pages
// already in site and in; it never fetches.
//
// The root is the FAQ page when it holds questions, else the help page when
// it does, else the page of the site (home included) with the most
// questions among those declaring a JSON-LD FAQPage or holding at least 3.
// A FAQ page without questions is still reported, with Questions 0; with no
// root at all, URL is nil.
//
// Below the root, the probe counts the crawled pages the root links to from
// its content that sit below the root's path, in the same help centre (the
// categories/sections/articles of Zendesk, Freshdesk, Intercom) or in the
// same directory, or that pagekind rates as FAQ or help pages; and the same
// again one level further (root, category, article list). Blogs, news,
// products and community posts are never counted, nor contact and policy
// pages that merely share the root's directory.
func Probe(site *crawler.Site, in Input) Finding {
	if site == nil {
		site = &crawler.Site{}
	}
	pr := newProber(site)
	var faq *tally
	if in.FAQ != nil {
		if faq = pr.collect(in.FAQ, true); faq.count > 0 {
			return faq.finding()
		}
	}
	if in.Help != nil {
		if t := pr.collect(in.Help, true); t.count > 0 {
			return t.finding()
		}
	}
	if root, loose := pr.fallback(in); root != nil {
		return pr.collect(root, loose).finding()
	}
	if faq != nil {
		return faq.finding()
	}
	return Finding{Pages: []string{}, Samples: []string{}, Methods: []string{}}
}

// prober holds what one Probe call has learnt about the site's pages.
type prober struct {
	site     *crawler.Site
	byURL    map[string]*crawler.Page
	analyses map[*crawler.Page]*analysis
	kinds    map[*crawler.Page]map[pagekind.Kind]int
}

func newProber(site *crawler.Site) *prober {
	pr := &prober{
		site:     site,
		byURL:    make(map[string]*crawler.Page, len(site.Pages)),
		analyses: map[*crawler.Page]*analysis{},
		kinds:    map[*crawler.Page]map[pagekind.Kind]int{},
	}
	for _, p := range site.Pages {
		if p != nil {
			if _, dup := pr.byURL[urlKey(p.URL)]; !dup {
				pr.byURL[urlKey(p.URL)] = p
			}
		}
	}
	return pr
}

// urlKey is an address as the crawler keeps pages: scheme and host in lower
// case, no default port, no fragment, "/" for an empty path.
func urlKey(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	if h, port, err := net.SplitHostPort(u.Host); err == nil &&
		(u.Scheme == "http" && port == "80" || u.Scheme == "https" && port == "443") {
		u.Host = h
	}
	u.Fragment, u.RawFragment, u.User = "", "", nil
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

func (pr *prober) analysis(p *crawler.Page) *analysis {
	a, ok := pr.analyses[p]
	if !ok {
		a = analyse(p)
		pr.analyses[p] = a
	}
	return a
}

func (pr *prober) scores(p *crawler.Page) map[pagekind.Kind]int {
	s, ok := pr.kinds[p]
	if !ok {
		s = map[pagekind.Kind]int{}
		if document(p) != nil { // Scores reads the document
			s = pagekind.Scores(p)
		}
		pr.kinds[p] = s
	}
	return s
}

// faqish reports a page pagekind rates as a FAQ or help page.
func (pr *prober) faqish(p *crawler.Page) bool {
	s := pr.scores(p)
	return s[pagekind.FAQ] >= 3 || s[pagekind.Help] >= 3
}

// otherKind reports a page rated as a contact or policy page and not as FAQ
// or help.
func (pr *prober) otherKind(p *crawler.Page) bool {
	s := pr.scores(p)
	for _, k := range []pagekind.Kind{pagekind.Contact, pagekind.Returns, pagekind.Shipping, pagekind.Privacy, pagekind.Warranty} {
		if s[k] >= 3 {
			return true
		}
	}
	return false
}

// lookup returns the crawled page at u, with or without a trailing slash.
func (pr *prober) lookup(u string) *crawler.Page {
	u = urlKey(u)
	if p := pr.byURL[u]; p != nil {
		return p
	}
	if strings.HasSuffix(u, "/") {
		return pr.byURL[strings.TrimSuffix(u, "/")]
	}
	return pr.byURL[u+"/"]
}

// fallback picks the page with the most questions among those declaring a
// JSON-LD FAQPage (and holding a question) or holding at least 3; loose says whether it is
// rated a FAQ or help page, whose looser patterns then count.
func (pr *prober) fallback(in Input) (*crawler.Page, bool) {
	var best *crawler.Page
	bestN, bestLoose := -1, false
	for _, p := range pr.site.Pages {
		if p == nil || p == in.FAQ || p == in.Help || p.Status >= 400 || excludedPage(p) {
			continue
		}
		loose := pr.faqish(p)
		if !loose && pr.otherKind(p) {
			continue // a contact or policy page titling its sections as questions
		}
		a := pr.analysis(p)
		qs := pageQuestions(a, loose, false)
		n := len(qs)
		if !a.faqLD && !loose && !hasFAQSection(p) {
			// Headings and paragraphs worded as questions make an article,
			// not an FAQ: only FAQ widgets count on a page of no FAQ kind
			// that has no section headed as an FAQ.
			n = 0
			for _, q := range qs {
				switch q.method {
				case byMicrodata, byDetails, byAccordion, byDL:
					n++
				}
			}
		}
		if n < 1 || !a.faqLD && n < 3 {
			continue
		}
		if n > bestN || n == bestN && p.Depth < best.Depth {
			best, bestN, bestLoose = p, n, loose
		}
	}
	return best, bestLoose
}

// pageQuestions returns a page's distinct questions in the order found,
// each credited to the first method that found it. loose admits the
// patterns that need a FAQ page; sub admits the page's <h1>, which on a
// sub-page is an article's question but on the root is the FAQ's title.
func pageQuestions(a *analysis, loose, sub bool) []cand {
	idx := map[string]int{}
	var out []cand
	for _, c := range a.cands {
		if c.loose && !loose || c.h1 && !sub {
			continue
		}
		if i, ok := idx[c.key]; ok {
			out[i].method = min(out[i].method, c.method)
			continue
		}
		idx[c.key] = len(out)
		out = append(out, c)
	}
	return out
}

// tally adds up questions across the root and its sub-pages.
type tally struct {
	root    *crawler.Page
	seen    map[string]bool
	count   int
	pages   []string
	samples []string
	methods [nMethods]bool
}

// collect counts the questions of root and of its category pages, two
// levels deep.
func (pr *prober) collect(root *crawler.Page, rootLoose bool) *tally {
	t := &tally{root: root, seen: map[string]bool{}, pages: []string{}, samples: []string{}}
	t.add(root, pageQuestions(pr.analysis(root), rootLoose, false), true)
	visited := map[*crawler.Page]bool{root: true}
	level := []*crawler.Page{root}
	for range 2 {
		var next []*crawler.Page
		for _, from := range level {
			for _, sp := range pr.subPages(root, from, visited) {
				next = append(next, sp.page)
				t.add(sp.page, pageQuestions(pr.analysis(sp.page), sp.loose, true), false)
			}
		}
		level = next
	}
	return t
}

func (t *tally) add(p *crawler.Page, qs []cand, always bool) {
	n := 0
	for _, c := range qs {
		if t.seen[c.key] {
			continue
		}
		t.seen[c.key] = true
		n++
		t.methods[c.method] = true
		if len(t.samples) < maxSamples {
			t.samples = append(t.samples, c.shown)
		}
	}
	t.count += n
	if n > 0 || always {
		t.pages = append(t.pages, p.URL)
	}
}

func (t *tally) finding() Finding {
	u := t.root.URL
	methods := []string{}
	for m, ok := range t.methods {
		if ok {
			methods = append(methods, methodNames[m])
		}
	}
	return Finding{URL: &u, Questions: t.count, Pages: t.pages, Samples: t.samples, Methods: methods}
}

// subPage is a category page of the FAQ; loose says whether the patterns
// that need a FAQ page count on it.
type subPage struct {
	page  *crawler.Page
	loose bool
}

// subPages returns the crawled pages from links to that belong to root's FAQ
// and were not visited yet, marking them visited. Pages below root's (or
// from's) path, in root's help centre, or rated FAQ or help are FAQ pages;
// other pages in root's directory are read for questions worded as such.
// Links in navigation only lead down.
func (pr *prober) subPages(root, from *crawler.Page, visited map[*crawler.Page]bool) []subPage {
	ru, err := url.Parse(root.URL)
	if err != nil {
		return nil
	}
	fu, err := url.Parse(from.URL)
	if err != nil {
		return nil
	}
	var out []subPage
	for _, l := range pr.analysis(from).links {
		p := pr.lookup(l.url)
		if p == nil || visited[p] || p.Status >= 400 {
			continue
		}
		u, err := url.Parse(p.URL)
		if err != nil || u.Path == "" || u.Path == "/" || excludedPath(u.Path) {
			continue
		}
		sameHost := strings.EqualFold(u.Host, ru.Host)
		below := sameHost && under(ru.Path, u.Path) ||
			from != root && strings.EqualFold(u.Host, fu.Host) && under(fu.Path, u.Path)
		base := helpBase(ru.Path)
		centre := sameHost && base != "" && base == helpBase(u.Path)
		if l.nav && !below && !centre {
			continue
		}
		switch {
		case below || centre || pr.faqish(p):
			out = append(out, subPage{p, true})
		case sameHost && sameDir(ru.Path, u.Path) && !pr.otherKind(p):
			out = append(out, subPage{p, false})
		default:
			continue
		}
		visited[p] = true
	}
	return out
}

// under reports whether path p lies below directory-or-page root.
func under(root, p string) bool {
	r := strings.TrimSuffix(root, "/")
	return r != "" && strings.HasPrefix(p, r+"/") && len(p) > len(r)+1
}

// sameDir reports paths in the same directory, other than the site's top.
func sameDir(a, b string) bool {
	da := a[:strings.LastIndexByte(a, '/')+1]
	db := b[:strings.LastIndexByte(b, '/')+1]
	return len(da) > 1 && da == db
}

// helpCentreSegments are the path words help-centre software puts between a
// help centre's base and its pages: /hc/en-us/categories/…, /hc/en-us/
// articles/…, /support/solutions/folders/…, /en/collections/….
var helpCentreSegments = map[string]bool{
	"categories": true, "sections": true, "articles": true, "collections": true, "folders": true,
	"solutions": true, "topics": true, "kb": true, "knowledge-base": true, "knowledgebase": true,
}

// helpBase returns the help-centre base of a path ("/hc/en-us" for
// "/hc/en-us/articles/123"), or "" when it has none.
func helpBase(p string) string {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for i := 1; i < len(segs); i++ {
		if helpCentreSegments[strings.ToLower(segs[i])] {
			return "/" + strings.Join(segs[:i], "/")
		}
	}
	return ""
}

// excludedSegments mark pages that are never a FAQ, even below one: blogs
// and news (an article listing questions is not a FAQ), products,
// community posts, search results, request forms. (Carts and log-ins are
// never crawled: pagekind.Priority.)
var excludedSegments = map[string]bool{
	"blog": true, "blogs": true, "news": true, "community": true, "forum": true, "forums": true,
	"posts": true, "product": true, "products": true, "requests": true, "tag": true, "tags": true,
	"author": true, "search": true, "journal": true, "stories": true, "magazine": true,
	"tin-tuc": true, "tintuc": true, "bai-viet": true, "haberler": true, "haber": true,
	"makale": true, "makaleler": true,
}

func excludedPage(p *crawler.Page) bool {
	u, err := url.Parse(p.URL)
	return err == nil && excludedPath(u.Path)
}

func excludedPath(p string) bool {
	for _, s := range strings.Split(strings.ToLower(p), "/") {
		if excludedSegments[s] {
			return true
		}
	}
	return false
}

// hasFAQSection reports a page with a section headed or named as an FAQ
// ("Frequently asked questions", "Sıkça Sorulan Sorular", id="faq"): a
// pricing or product page that carries its own FAQ.
func hasFAQSection(p *crawler.Page) bool {
	doc := p.Doc()
	found := false
	doc.Find("h2, h3, h4, [id], [class]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if goquery.NodeName(s) == "h2" || goquery.NodeName(s) == "h3" || goquery.NodeName(s) == "h4" {
			for _, k := range pagekind.Match(s.Text()) {
				if k == pagekind.FAQ {
					found = true
					return false
				}
			}
		}
		for _, attr := range []string{"id", "class"} {
			v, _ := s.Attr(attr)
			for _, t := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
				if t == "faq" || t == "faqs" || t == "sss" {
					found = true
					return false
				}
			}
		}
		return true
	})
	return found
}
