// Package sitegen generates synthetic company websites, deterministically
// from a seed, and serves them: fixtures for shopper's tests, its demo and
// its benchmark, standing in for the real sites shopper audits.
//
// A generated site is a small shop in English, Vietnamese or Turkish with a
// home page, a contact page, usually an FAQ, policy pages, category pages
// and product pages. Its pages look like the corpus described in
// docs/FIELD-NOTES.md: 31–64 KB each, about 150 links (a header mega-menu,
// a mobile menu, product carousels and a footer with phone, e-mail and
// social links), JSON-LD, a cookie banner and, on most sites, a chat
// vendor's real install snippet. The Site value also says what the pages
// contain (phones, e-mails, chat vendor, FAQ size, policy pages), so tests
// can compare an audit with the truth.
//
// Generate builds one site; a *Site is an http.Handler that serves it;
// Serve starts many sites on loopback addresses at once.
package sitegen

import (
	"math/rand/v2"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// MinPages is the fewest pages a generated site has: a home page, a contact
// page, a category and a product. Generate raises smaller requests to it.
const MinPages = 4

// Page kinds, as Site.Kinds names them.
const (
	KindHome     = "home"
	KindContact  = "contact"
	KindFAQ      = "faq"
	KindAbout    = "about"
	KindPrivacy  = "privacy"
	KindReturns  = "returns"
	KindShipping = "shipping"
	KindTerms    = "terms"
	KindWarranty = "warranty"
	KindCategory = "category"
	KindProduct  = "product"
)

// Site is one generated company website: its pages, and what they contain.
// Generate makes it; it is read-only afterwards and safe to serve from many
// goroutines.
type Site struct {
	// Seed is the seed the site was generated from.
	Seed int64
	// Name is the brand shown on every page, e.g. "Northgate Outdoor".
	Name string
	// Company is the legal entity named in the footer.
	Company string
	// Domain is the domain the company claims in e-mail addresses,
	// canonical links and JSON-LD. No link on the site points to it: the
	// site works wherever it is served.
	Domain string
	// Lang is the language of every page: "en", "vi" or "tr".
	Lang string
	// Region is the ISO country the company is in: "US", "VN" or "TR".
	Region string
	// Industry is what the company sells: "outdoor", "electronics", "home",
	// "fashion", "beauty" or "appliances".
	Industry string
	// Phones lists the customer-service numbers every page shows, in
	// E.164, the main one first. Empty when the site shows none.
	Phones []string
	// TollFree is true when the main number is free to call.
	TollFree bool
	// Emails lists the e-mail addresses shown in the footer and on the
	// contact page. Empty when the site shows none.
	Emails []string
	// Chat is the chat vendor whose install snippet every page carries
	// (one of ChatVendors), or "" when the site has no chat.
	Chat string
	// ContactPage is the path of the contact page.
	ContactPage string
	// ContactForm is true when the contact page has a contact form.
	ContactForm bool
	// FAQPage is the path of the FAQ page, or "" when the site has none.
	FAQPage string
	// FAQQuestions is how many questions the FAQ page answers.
	FAQQuestions int
	// Policies maps a policy kind (KindPrivacy, KindReturns, KindShipping,
	// KindTerms, KindWarranty) to its page's path; kinds the site lacks
	// are absent.
	Policies map[string]string
	// Social lists the social-media profiles every page links to.
	Social []string
	// Kinds maps each page's path to its kind (KindHome, KindProduct, ...).
	Kinds map[string]string
	// Pages maps each page's path ("/", "/contact", ...) to its HTML.
	// robots.txt and sitemap.xml are not in it: ServeHTTP writes them for
	// the host the site is served on.
	Pages map[string]string
}

// Generate builds the site for seed with the given number of HTML pages
// (at least MinPages). The same seed and page count always give the same
// site, byte for byte. Seeds cycle through the languages: seed%3 == 0 is
// English, 1 Vietnamese, 2 Turkish.
func Generate(seed int64, pages int) *Site {
	return newGen(seed, max(pages, MinPages)).build()
}

// Paths returns the site's page paths, sorted, the home page first.
func (s *Site) Paths() []string {
	out := make([]string, 0, len(s.Pages))
	for p := range s.Pages {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if (out[i] == "/") != (out[j] == "/") {
			return out[i] == "/"
		}
		return out[i] < out[j]
	})
	return out
}

// ServeHTTP serves the site: its pages as text/html, /robots.txt,
// /sitemap.xml naming every page on the request's host, and a 404 page for
// any other path. Query strings are ignored.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	var body, ctype string
	status := http.StatusOK
	switch r.URL.Path {
	case "/robots.txt":
		body, ctype = s.robots(r), "text/plain; charset=utf-8"
	case "/sitemap.xml":
		body, ctype = s.sitemap(r), "application/xml; charset=utf-8"
	default:
		var ok bool
		body, ok = s.Pages[r.URL.Path]
		ctype = "text/html; charset=utf-8"
		if !ok {
			body, status = s.notFound(), http.StatusNotFound
		}
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Cache-Control", "public, max-age=300")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write([]byte(body))
	}
}

func base(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (s *Site) robots(r *http.Request) string {
	return "User-agent: *\nDisallow: /checkout\nDisallow: /account\nDisallow: /search\nDisallow: /*?sort=\n\nUser-agent: GPTBot\nDisallow: /\n\nSitemap: " + base(r) + "/sitemap.xml\n"
}

func (s *Site) sitemap(r *http.Request) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	host := base(r)
	for _, p := range s.Paths() {
		b.WriteString("  <url><loc>" + host + p + "</loc><changefreq>weekly</changefreq></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.String()
}

func (s *Site) notFound() string {
	l := languages[s.Lang]
	return `<!DOCTYPE html><html lang="` + s.Lang + `"><head><meta charset="utf-8"><title>404 | ` + esc(s.Name) + `</title></head><body><h1>404</h1><p>` +
		esc(l.ui["not_found"]) + `</p><p><a href="/">` + esc(l.ui["home"]) + `</a></p></body></html>`
}

// pick returns a random element of list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// join joins the non-empty words with spaces.
func join(words ...string) string {
	out := words[:0:0]
	for _, w := range words {
		if w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}
