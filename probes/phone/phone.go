// Package phone finds the phone numbers a customer can see on a crawled
// site: in visible text, in tel: links and in schema.org JSON-LD, and tells
// whether a toll-free number is shown prominently on both the home page and
// the contact page, as STANDARDS.md (Phone) recommends: "Show a phone
// number prominently, preferably toll-free, on both the home page and the
// Contact Us page."
//
// Probe is a pure function of a crawler.Site: it never fetches and never
// reads the clock. Every decision about a number — whether it is valid, its
// type, its E.164 form — is libphonenumber's (github.com/nyaruka/phonenumbers).
// This package decides only which strings are worth asking about: it reads
// visible text, never scripts, styles, attributes or hidden elements, and it
// drops digits that are formatted or labelled as something else — dates,
// prices, order and tax numbers, ISBNs, IP addresses — because libphonenumber
// alone would accept many of them.
package phone

import (
	"sort"
	"strings"

	"github.com/shopper-audit/shopper/crawler"
)

// ID, Title and Description explain the probe in reports.
const (
	// ID names the probe in results.
	ID = "phone"
	// Title is the probe's heading in reports.
	Title = "A toll-free phone number is shown on the home and contact pages"
	// Description says why the probe matters; it cites STANDARDS.md (Phone).
	Description = "Phone is the fastest, most personal channel. Show a phone number prominently, " +
		"preferably toll-free, on both the home page and the Contact Us page: many visitors open " +
		"Contact Us only to find a number, and should not be forced to fill in a form or write an " +
		"e-mail to reach a person."
)

// Input says what the caller already knows about the site.
type Input struct {
	// Region is the ISO 3166 region in which national-format numbers are
	// read, e.g. "US", "VN", "TR", "GB". Empty means Region(site, "").
	Region string
	// Contact is the site's contact page, or nil when none was found. It
	// need not be one of site.Pages.
	Contact *crawler.Page
}

// Number is one phone number found on the site, with where it was seen.
type Number struct {
	// E164 is the number in E.164 form: +18005550199.
	E164 string `json:"e164"`
	// Type is libphonenumber's type in snake case: toll_free, premium_rate,
	// shared_cost, fixed_line, mobile, fixed_line_or_mobile, voip, uan,
	// personal_number, pager, voicemail or unknown.
	Type string `json:"type"`
	// TollFree is true when Type is toll_free or the site's JSON-LD marks
	// the number with contactOption TollFree.
	TollFree bool `json:"toll_free"`
	// Region is the ISO region the number belongs to ("001" for
	// non-geographic numbers).
	Region string `json:"region"`
	// OnHome is true when the number is visible as text on the home page:
	// on a rendered page, not in a part the page's styles hide until the
	// visitor opens it (see Visible).
	OnHome bool `json:"on_home"`
	// OnContact is true when the number is visible as text on the contact
	// page, as OnHome.
	OnContact bool `json:"on_contact"`
	// ClickToCall is true when a visible tel: link for the number exists on
	// some page. A tel: link inside a hidden element cannot be clicked and
	// does not count.
	ClickToCall bool `json:"click_to_call"`
	// InHeader is true when the number is shown (as text or a visible tel:
	// link) in a page header.
	InHeader bool `json:"in_header"`
	// InFooter is true when the number is shown in a page footer.
	InFooter bool `json:"in_footer"`
	// Visible is true when the number is shown to visitors, as visible text
	// or a visible tel: link, on some page, as opposed to only in JSON-LD or
	// a hidden tel: link. On a rendered page, a number in a part the page's
	// styles hide (a collapsed accordion, a closed panel, a menu that opens
	// on hover) is on the page, and listed with it, but not visible there:
	// a visitor sees it only after opening that part. Pages not rendered
	// are read as their markup says (crawler.Hidden).
	Visible bool `json:"visible"`
	// Display is the number as first shown to visitors, or, for a number
	// never shown, as first written in the markup.
	Display string `json:"display"`
	// Sources says where the number was read, in this order: "text"
	// (the page's text, visible or in a part the visitor must open),
	// "vanity" (text spelt with letters,
	// 1-800-FLOWERS), "tel" (a tel: link), "jsonld" (a schema.org
	// telephone).
	Sources []string `json:"sources"`
	// Pages lists the URLs of the pages where the number was seen, in crawl
	// order.
	Pages []string `json:"pages"`
}

// AboveFold is the first-screen check of a rendered page.
type AboveFold struct {
	Desktop bool   `json:"desktop"`
	Mobile  bool   `json:"mobile"`
	Page    string `json:"page"`
}

// aboveFold reads the numbers in a rendered page's first screens with the
// same scanner as the page's text.
func aboveFold(ps *parser, p *crawler.Page) *AboveFold {
	if p == nil || p.Fold == nil {
		return nil
	}
	seen := func(viewport string) bool {
		for _, line := range strings.Split(p.Fold[viewport], "\n") {
			if len(scanText(ps, line)) > 0 {
				return true
			}
		}
		return false
	}
	return &AboveFold{Desktop: seen("desktop"), Mobile: seen("mobile"), Page: p.URL}
}

// Finding is what the phone probe found on a site.
type Finding struct {
	// Numbers holds every number found, visible toll-free numbers first,
	// then in order of first appearance (pages in crawl order; within a
	// page, text, then tel: links, then JSON-LD). Never nil.
	Numbers []Number `json:"numbers"`
	// TollFree is true when at least one toll-free number is shown to
	// visitors (Number.Visible).
	TollFree bool `json:"toll_free"`
	// Prominent is true when one number is visible as text both on the home
	// page and on the contact page; when there is no contact page, when one
	// is visible as text on the home page.
	Prominent bool `json:"prominent"`
	// AboveFold says whether a number is visible in the home page's first
	// screen without scrolling or interacting, at a desktop (1366×768) and
	// a mobile (390×844) viewport; null when the home page was not rendered.
	AboveFold *AboveFold `json:"above_fold"`
	// Region is the region national-format numbers were read in.
	Region string `json:"region"`
}

// Source names, in the order Number.Sources lists them.
const (
	SourceText   = "text"
	SourceVanity = "vanity"
	SourceTel    = "tel"
	SourceJSONLD = "jsonld"
)

var sourceOrder = []string{SourceText, SourceVanity, SourceTel, SourceJSONLD}

// Probe finds the phone numbers on a site. It reads every page of site and
// in.Contact (when it is not one of them); pages that answered with an HTTP
// error are skipped unless they are the home or contact page. A nil site
// gives an empty finding.
func Probe(site *crawler.Site, in Input) Finding {
	f := Finding{Numbers: []Number{}, Region: Region(site, in.Region)}
	if site == nil {
		return f
	}
	c := &collector{
		ps:      newParser(f.Region),
		home:    site.HomePage(),
		contact: in.Contact,
		byE164:  map[string]*entry{},
	}
	pages := site.Pages
	if in.Contact != nil && !contains(pages, in.Contact) {
		pages = append(pages[:len(pages):len(pages)], in.Contact)
	}
	for _, p := range pages {
		if p == nil || p.Status >= 400 && !c.isHome(p) && !c.isContact(p) {
			continue
		}
		c.page(p)
	}

	sort.SliceStable(c.order, func(i, j int) bool {
		a, b := c.order[i], c.order[j]
		if ta, tb := a.n.Visible && a.n.TollFree, b.n.Visible && b.n.TollFree; ta != tb {
			return ta
		}
		return a.seq < b.seq
	})
	for _, e := range c.order {
		n := e.n
		for _, s := range sourceOrder {
			if e.sources[s] {
				n.Sources = append(n.Sources, s)
			}
		}
		f.Numbers = append(f.Numbers, n)
		if n.Visible && n.TollFree {
			f.TollFree = true
		}
		if n.OnHome && (n.OnContact || in.Contact == nil) {
			f.Prominent = true
		}
	}
	f.AboveFold = aboveFold(c.ps, c.home)
	return f
}

func contains(pages []*crawler.Page, p *crawler.Page) bool {
	for _, q := range pages {
		if q == p || q != nil && q.URL == p.URL {
			return true
		}
	}
	return false
}
