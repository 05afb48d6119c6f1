package phone

import (
	"github.com/PuerkitoBio/goquery"
	"net/url"
	"strings"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/language"

	"github.com/shopper-audit/shopper/crawler"
)

// genericTLDs are country-code top-level domains sites use for their sound,
// not their country (.io, .co, .me, .tv, .ai, .fm, .ly, ...): they say
// nothing about where the site's phone numbers are.
var genericTLDs = map[string]bool{
	"io": true, "co": true, "me": true, "tv": true, "ai": true, "fm": true, "ly": true, "to": true,
	"cc": true, "ws": true, "gg": true, "sh": true, "ac": true, "am": true, "im": true, "nu": true,
	"tk": true, "ml": true, "ga": true, "cf": true, "gq": true, "pw": true, "vc": true, "la": true,
	"sc": true, "so": true, "gl": true, "ms": true, "st": true, "bz": true, "fo": true, "gs": true,
	"ag": true, "ax": true, "cx": true, "dj": true, "md": true, "mu": true, "re": true, "sx": true,
}

// Region picks the ISO 3166 region in which national-format numbers on a
// site are read:
//
//  1. override, when it is non-empty and, upper-cased, a region
//     libphonenumber knows ("UK" is read as "GB");
//  2. else the country-code top-level domain of the home page (.vn -> VN,
//     .com.tr -> TR, .co.uk -> GB), unless it is one sites use generically
//     (.io, .co, .me, .tv, .ai, ...);
//  3. else the home page's <html lang>: its region subtag when it has one
//     (en-GB -> GB, pt-BR -> BR), else the language's main region (vi -> VN,
//     tr -> TR, de -> DE, ja -> JP); bare "en" says nothing;
//  4. else "US".
func Region(site *crawler.Site, override string) string {
	if r := knownRegion(override); r != "" {
		return r
	}
	if site == nil {
		return "US"
	}
	if r := tldRegion(site); r != "" {
		return r
	}
	if r := declaredRegion(site.HomePage()); r != "" {
		return r
	}
	if r := langRegion(homeLang(site)); r != "" {
		return r
	}
	if r := mailRegion(site.HomePage()); r != "" {
		return r
	}
	return "US"
}

// ccTLDRegion returns the region of a host's country-code TLD, or "".
func ccTLDRegion(host string) string {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	i := strings.LastIndexByte(host, '.')
	if i < 0 {
		return ""
	}
	tld := host[i+1:]
	if len(tld) != 2 || genericTLDs[tld] {
		return ""
	}
	return knownRegion(tld)
}

// declaredRegion reads the country-code TLD of the address a home page
// gives itself (<link rel=canonical>, og:url): a site served from another
// address (a staging host, a saved copy) still says where it lives.
func declaredRegion(p *crawler.Page) string {
	if p == nil {
		return ""
	}
	doc := p.Doc()
	for _, sel := range []struct{ css, attr string }{
		{`link[rel="canonical"]`, "href"}, {`meta[property="og:url"]`, "content"},
	} {
		if v, ok := doc.Find(sel.css).First().Attr(sel.attr); ok {
			if u, err := url.Parse(strings.TrimSpace(v)); err == nil {
				if r := ccTLDRegion(u.Hostname()); r != "" {
					return r
				}
			}
		}
	}
	return ""
}

// mailRegion is the last hint before the default: the country-code TLD
// that the home page's own e-mail links share (orders@shop.co.uk → GB).
func mailRegion(p *crawler.Page) string {
	if p == nil {
		return ""
	}
	votes := map[string]int{}
	p.Doc().Find(`a[href^="mailto:"], a[href^="MAILTO:"]`).Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		addr := strings.SplitN(href[len("mailto:"):], "?", 2)[0]
		if at := strings.LastIndexByte(addr, '@'); at >= 0 {
			if r := ccTLDRegion(addr[at+1:]); r != "" {
				votes[r]++
			}
		}
	})
	best, n := "", 0
	for r, v := range votes {
		if v > n || v == n && r < best {
			best, n = r, v
		}
	}
	if len(votes) > 1 && n*2 <= len(votes) {
		return "" // no clear answer
	}
	return best
}

// knownRegion returns r upper-cased when libphonenumber has metadata for
// it, or "".
func knownRegion(r string) string {
	r = strings.ToUpper(strings.TrimSpace(r))
	if r == "UK" {
		r = "GB"
	}
	if r == "" || !phonenumbers.GetSupportedRegions()[r] {
		return ""
	}
	return r
}

func tldRegion(site *crawler.Site) string {
	for _, raw := range []string{site.Home, site.URL, pageURL(site.HomePage())} {
		u, err := url.Parse(strings.TrimSpace(raw))
		if err != nil || u.Hostname() == "" {
			continue
		}
		host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
		tld := host[strings.LastIndexByte(host, '.')+1:]
		if len(tld) != 2 || genericTLDs[tld] || tld == host {
			return ""
		}
		return knownRegion(tld)
	}
	return ""
}

func pageURL(p *crawler.Page) string {
	if p == nil {
		return ""
	}
	return p.URL
}

// homeLang returns the home page's <html lang>, as the crawler recorded it
// or, for pages built without it, as the document says.
func homeLang(site *crawler.Site) string {
	p := site.HomePage()
	if p == nil {
		return ""
	}
	if p.Lang != "" {
		return p.Lang
	}
	lang, _ := p.Doc().Find("html").First().Attr("lang")
	return lang
}

func langRegion(lang string) string {
	lang = strings.ReplaceAll(strings.TrimSpace(lang), "_", "-")
	if lang == "" {
		return ""
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return ""
	}
	reg, conf := tag.Region()
	if conf != language.Exact {
		// No region subtag: the language's main region, except English,
		// the web's default language, which says nothing about a country.
		if base, _ := tag.Base(); base.String() == "en" {
			return ""
		}
	}
	if r := knownRegion(reg.String()); r != "" {
		return r
	}
	return ""
}
