package chat

import (
	"sort"

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
	// OtherVendors lists vendors found that are outside the ids Vendors
	// keeps to (iadvize, chatra, ...); empty, not nil, when none is.
	OtherVendors []string `json:"other_vendors"`
	// Evidence holds up to MaxEvidence rows per vendor, vendors in the order
	// of Vendors; rows for a chat of no known vendor (Vendor "") come last
	// and only when no vendor was found.
	Evidence []Evidence `json:"evidence"`
}

// other holds the ids of vendors marked Other in the table.
var other = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range vendors {
		if v.Other {
			m[v.ID] = true
		}
	}
	return m
}()

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
	f := Finding{Vendors: []string{}, OtherVendors: []string{}, Evidence: []Evidence{}}
	for id := range c.byVendor {
		if other[id] {
			f.OtherVendors = append(f.OtherVendors, id)
		} else {
			f.Vendors = append(f.Vendors, id)
		}
	}
	sort.Strings(f.Vendors)
	sort.Strings(f.OtherVendors)
	for _, id := range append(append([]string{}, f.Vendors...), f.OtherVendors...) {
		f.Evidence = append(f.Evidence, choose(c.byVendor[id])...)
	}
	if len(f.Vendors)+len(f.OtherVendors) == 0 {
		f.Evidence = append(f.Evidence, choose(c.generic)...)
	}
	f.Present = len(f.Evidence) > 0
	return f
}
