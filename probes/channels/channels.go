// Package channels finds the ways a customer can reach a company and the
// policies a customer can read on its website: the e-mail addresses shown,
// the contact forms, the social-media profiles linked and the returns,
// shipping, privacy and warranty pages.
//
// Probe is a pure function of a crawled site: it reads each page's parsed
// document and visible text (both cached by the crawler) and never fetches.
// Only what a visitor can see counts: text and links inside scripts,
// styles, templates and hidden elements (see crawler.Hidden) are ignored,
// and pages that answered with an HTTP error are not read.
//
// Every finding carries evidence — the page it was seen on and how — so a
// report can show where to look. Lists are never null in JSON: an empty
// finding reads [] rather than null.
//
// E-mail: mailto: links (several addresses, ?subject= and %40 handled),
// addresses in the visible text, Cloudflare's e-mail protection, and the
// obfuscations "name [at] site [dot] com", "name(at)site.com", "name @
// site . com" and "name AT site DOT com" (capitals only: "at" is English),
// with bracketed "at"/"dot" words in Vietnamese and Turkish too ([a còng],
// [chấm], (nokta)). Image names (logo@2x.png), unknown top-level domains,
// sample addresses (example.com, you@domain.com, name@yourdomain.com),
// error-reporting ids (…@sentry.io, …@sentry.wixpress.com) and no-reply
// senders are not addresses a customer can write to.
//
// Contact forms: see classifyForm for what counts. Blog comment and
// product review forms do not: they publish a remark, they do not reach
// customer service. Embedded form services found in the source (HubSpot,
// Typeform, Jotform, Google Forms, ...) count as a form whose fields are
// unknown.
//
// Social: profile links, not share buttons, pixels, log-ins, single posts
// or a network's home page. Zalo counts as social when a link names a
// Zalo account (zalo.me/<id>), though in Vietnam it is also a chat
// channel. LinkedIn counts company, showcase and school pages, not
// people's /in/ profiles. Links inside an <article> or <blockquote> on
// other pages than home, contact and help are left out: a blog post links
// to other people's profiles.
//
// Policies: the crawled page pagekind.Find names for the kind; else the
// best same-site link whose own short text names it (see policies).
package channels

import (
	"sort"

	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/probes/pagekind"
)

// Finding is what Probe found on one site.
type Finding struct {
	// Email lists the e-mail addresses a visitor can read or click.
	Email Email `json:"email"`
	// ContactForm says whether a visitor can write to the company through
	// a form on the site, and where the best such form is.
	ContactForm ContactForm `json:"contact_form"`
	// Social holds the sorted ids of the networks the site links a profile
	// on: facebook, instagram, x, linkedin, youtube, tiktok, pinterest,
	// zalo, telegram, threads, vk, line, snapchat, bluesky. Never null.
	Social []string `json:"social"`
	// SocialLinks holds the profile links behind Social, sorted by network
	// then URL, with the first page each was seen on. Never null.
	SocialLinks []SocialLink `json:"social_links"`
	// Policies holds the addresses of the returns, shipping, privacy and
	// warranty pages a visitor can open.
	Policies Policies `json:"policies"`
}

// Email is the e-mail channel: the addresses shown and where.
type Email struct {
	// Addresses are lower-cased, sorted and unique. Never null.
	Addresses []string `json:"addresses"`
	// Evidence names, for each address and each way it was shown (mailto,
	// text, obfuscated, cloudflare), the first page it was seen on, in the
	// order of Addresses. Never null.
	Evidence []Evidence `json:"evidence"`
	// OnHome is true when an address is shown on the home page.
	OnHome bool `json:"on_home"`
	// OnContactPage is true when an address is shown on the contact page.
	OnContactPage bool `json:"on_contact_page"`
}

// ContactForm is the web-form channel.
type ContactForm struct {
	// Present is true when at least one visible contact form, or a form
	// service's embed, was found.
	Present bool `json:"present"`
	// URL is the page with the best contact form: the contact page's when
	// it has one; null when there is none.
	URL *string `json:"url"`
	// Fields are the kinds of field the best form asks for, sorted:
	// address, attachment, company, email, message, name, order, phone,
	// subject.
	// Empty for an embedded form service, whose fields are not in the page.
	Fields []string `json:"fields,omitempty"`
	// Service names the form service when the best form is an embed
	// (hubspot, typeform, jotform, google-forms, ...).
	Service string `json:"service,omitempty"`
	// Evidence lists the contact forms found (the best of each page, at
	// most ten pages), the best first.
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Policies holds the address of each policy page, or null when a visitor
// cannot find one. A combined page ("Shipping & Returns") fills both.
type Policies struct {
	Returns  *string `json:"returns"`
	Shipping *string `json:"shipping"`
	Privacy  *string `json:"privacy"`
	Warranty *string `json:"warranty"`
	// Evidence says how each policy was found: as a crawled page of that
	// kind, or as a link naming it.
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Evidence is one place a finding was seen: the page's address and what
// was seen there.
type Evidence struct {
	Page   string `json:"page"`
	Detail string `json:"detail"`
}

// SocialLink is one link to a social-media profile.
type SocialLink struct {
	// Network is the profile's network id, as in Finding.Social.
	Network string `json:"network"`
	// URL is the profile's absolute address, as linked.
	URL string `json:"url"`
	// Page is the first page the link was seen on.
	Page string `json:"page"`
}

// Probe finds the e-mail addresses, contact forms, social profiles and
// policy pages on a crawled site. pages names the site's pages by kind, as
// pagekind.Find returns them; when nil, Probe calls pagekind.Find itself.
// A nil site gives an empty finding.
func Probe(site *crawler.Site, pages pagekind.Pages) Finding {
	f := Finding{
		Email:       Email{Addresses: []string{}, Evidence: []Evidence{}},
		Social:      []string{},
		SocialLinks: []SocialLink{},
	}
	if site == nil {
		return f
	}
	if pages == nil {
		pages = pagekind.Find(site)
	}
	s := newSiteScan(site, pages)
	f.Email = s.email()
	f.ContactForm = s.contactForm()
	f.Social, f.SocialLinks = s.social()
	f.Policies = s.policies()
	return f
}

// sortedKeys returns the keys of a set, sorted.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
