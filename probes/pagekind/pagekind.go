// Package pagekind tells what a page or a link is for — contact, FAQ, help,
// returns, shipping, privacy, warranty — from the words a site uses in link
// texts, titles, headings and paths, in many languages. The crawler uses
// Priority to fetch those pages first; probes use Find to name them.
package pagekind

import (
	"net/url"
	"slices"
	"strings"

	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/probes/fold"
)

// phrase is one folded vocabulary entry, split into words.
type phrase struct {
	kind  Kind
	words []string
}

// index maps a phrase's first word to the phrases that start with it, so
// matching costs a map look-up a word, not a scan of the vocabulary.
var index = func() map[string][]phrase {
	m := map[string][]phrase{}
	for k, words := range vocabulary {
		for _, w := range words {
			f := strings.Fields(fold.Fold(w))
			if len(f) > 0 {
				m[f[0]] = append(m[f[0]], phrase{k, f})
			}
		}
	}
	return m
}()

// Match returns the kinds whose words appear in text (any language,
// any case, with or without diacritics), in the order of Kinds.
func Match(text string) []Kind {
	return matchFolded(fold.Fold(text))
}

func matchFolded(f string) []Kind {
	if f == "" {
		return nil
	}
	words := strings.Fields(f)
	var found [8]bool
	n := 0
	for i, w := range words {
		for _, ph := range index[w] {
			if i+len(ph.words) > len(words) || !slices.Equal(words[i:i+len(ph.words)], ph.words) {
				continue
			}
			if j := slices.Index(Kinds, ph.kind); !found[j] {
				found[j] = true
				n++
			}
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Kind, 0, n)
	for j, k := range Kinds {
		if found[j] {
			out = append(out, k)
		}
	}
	return out
}

// pathKinds scores the kinds named by the last two segments of a path: the
// last segment counts double. Tokens like "contactus" or "lienhe" match the
// vocabulary's compact forms.
func pathKinds(p string) map[Kind]int {
	segs := strings.FieldsFunc(p, func(r rune) bool { return r == '/' })
	out := map[Kind]int{}
	for i := len(segs) - 1; i >= 0 && i >= len(segs)-2; i-- {
		s, err := url.PathUnescape(segs[i])
		if err != nil {
			s = segs[i]
		}
		// Drop a file extension: /lien-he.html, /faq.php.
		if j := strings.LastIndexByte(s, '.'); j > 0 {
			s = s[:j]
		}
		w := 2
		if i == len(segs)-1 {
			w = 4
		}
		for _, k := range Match(s) {
			if out[k] < w {
				out[k] = w
			}
		}
	}
	return out
}

// Scores returns how strongly a page is of each kind, from its path, title,
// first heading and the texts of the links that led to it. The home page is
// of no kind. The map is computed once per page and shared: callers must
// not modify it.
func Scores(p *crawler.Page) map[Kind]int {
	if p == nil {
		return map[Kind]int{}
	}
	return p.Memo("pagekind.Scores", func() any { return scores(p) }).(map[Kind]int)
}

func scores(p *crawler.Page) map[Kind]int {
	out := map[Kind]int{}
	if p == nil || p.Depth == 0 && p.Source == "start" {
		return out
	}
	u, err := url.Parse(p.URL)
	if err == nil {
		if u.Path == "" || u.Path == "/" {
			return out
		}
		for k, w := range pathKinds(u.Path) {
			out[k] += w
		}
		for _, v := range u.Query() {
			for _, x := range v {
				for k, w := range pathKinds(x) {
					out[k] = max(out[k], w)
				}
			}
		}
	}
	for _, k := range Match(p.Title) {
		out[k] += 2
	}
	h1 := p.Doc().Find("h1").First().Text()
	for _, k := range Match(h1) {
		out[k] += 3
	}
	seen := map[Kind]bool{}
	for _, a := range p.Anchors {
		for _, k := range Match(a) {
			if !seen[k] {
				out[k] += 3
				seen[k] = true
			}
		}
	}
	return out
}

// Pages maps each kind to the site's best page of that kind, if any.
type Pages map[Kind]*crawler.Page

// Find names the best page of each kind on a site: the highest score, then
// the shallowest, then the first fetched. A page needs a score of 3 or more
// (one strong signal, or two weak ones) to count.
func Find(site *crawler.Site) Pages {
	out := Pages{}
	best := map[Kind]int{}
	for _, p := range site.Pages {
		if p.Status >= 400 {
			continue
		}
		for k, s := range Scores(p) {
			if s < 3 {
				continue
			}
			cur := out[k]
			if cur == nil || s > best[k] || s == best[k] && p.Depth < cur.Depth {
				out[k] = p
				best[k] = s
			}
		}
	}
	return out
}

// URL returns the address of the page of kind k, or nil: the JSON shape
// "URL or null".
func (ps Pages) URL(k Kind) *string {
	if p := ps[k]; p != nil {
		u := p.URL
		return &u
	}
	return nil
}

// avoid are path words of pages a customer audit must not fetch: carts,
// checkouts, log-ins and accounts cost the site work and say nothing.
var avoid = map[string]bool{
	"cart": true, "basket": true, "checkout": true, "login": true, "logout": true, "signin": true,
	"sign-in": true, "signup": true, "register": true, "account": true, "my-account": true,
	"wp-admin": true, "wp-login.php": true, "sepet": true, "gio-hang": true, "dang-nhap": true,
	"uye-girisi": true, "giris": true, "warenkorb": true, "panier": true, "carrito": true,
}

// Priority ranks a link for the crawler: contact pages first, then FAQ and
// help, then FAQ category pages, then policies, then everything else;
// carts, log-ins and accounts are not fetched at all.
func Priority(l crawler.Link) int {
	if l.URL == nil {
		return -1
	}
	// Query values count too: index.php?route=checkout/cart.
	words := strings.FieldsFunc(strings.ToLower(l.URL.Path+"?"+l.URL.RawQuery), func(r rune) bool {
		return r == '/' || r == '?' || r == '&' || r == '='
	})
	for i, s := range words {
		// Under a help section, /help/account is an article about accounts.
		if avoid[s] && !helpSection(words[:i]) {
			return -1
		}
	}
	if q := strings.ToLower(l.URL.RawQuery); strings.Contains(q, "add-to-cart") || strings.Contains(q, "add_to_cart") {
		return -1
	}
	kinds := map[Kind]bool{}
	for _, k := range matchFolded(fold.Fold(l.Text + " " + l.Title + " " + l.AriaLabel)) {
		kinds[k] = true
	}
	for k := range pathKinds(l.URL.Path) {
		kinds[k] = true
	}
	if l.URL.RawQuery != "" {
		// Routed sites name the page in the query: ?route=information/contact.
		for _, v := range l.URL.Query() {
			for _, x := range v {
				for k := range pathKinds(x) {
					kinds[k] = true
				}
			}
		}
	}
	switch {
	case kinds[Contact]:
		return 100
	case kinds[FAQ]:
		return 95
	case kinds[Help]:
		return 90
	}
	if l.From != nil && underHelp(l) {
		return 85
	}
	if kinds[Returns] || kinds[Shipping] || kinds[Privacy] || kinds[Warranty] {
		return 70
	}
	if l.Region == crawler.RegionHeader || l.Region == crawler.RegionFooter || l.Region == crawler.RegionNav {
		return 10
	}
	return 0
}

// helpSection reports path words that open a help or FAQ section.
func helpSection(words []string) bool {
	for _, w := range words {
		for _, k := range Match(w) {
			if k == Help || k == FAQ {
				return true
			}
		}
	}
	return false
}

// underHelp reports a link from a FAQ or help page to a page below it: a
// FAQ category or article page.
func underHelp(l crawler.Link) bool {
	from, err := url.Parse(l.From.URL)
	if err != nil || from.Path == "" || from.Path == "/" {
		return false
	}
	if !strings.HasPrefix(l.URL.Path, strings.TrimSuffix(from.Path, "/")+"/") {
		// Sibling pages inside a help section count too: /help/a -> /help/b.
		dir := from.Path[:strings.LastIndexByte(from.Path, '/')+1]
		if len(dir) <= 1 || !strings.HasPrefix(l.URL.Path, dir) {
			return false
		}
	}
	s := Scores(l.From)
	return s[FAQ] >= 3 || s[Help] >= 3
}
