package crawler

import (
	"net/netip"
	"net/url"
	"time"
)

// Link is a link found on a page, as the Priority function sees it.
type Link struct {
	// URL is the absolute address the link points to, without fragment.
	URL *url.URL
	// Text is the link's visible text; Title and AriaLabel its attributes.
	Text, Title, AriaLabel string
	// From is the page the link was found on.
	From *Page
	// Region is where on the page the link stands.
	Region Region
}

// Options configure a crawl. The zero value is usable: each field's comment
// gives the default a zero stands for.
type Options struct {
	// UserAgent names the crawler to sites. Default: DefaultUserAgent.
	UserAgent string
	// MaxPages bounds the pages fetched per site. Default 40.
	MaxPages int
	// MaxDepth bounds how many links from the home page are followed.
	// Default 4.
	MaxDepth int
	// Parallelism is how many requests run at once against one host.
	// Default 2.
	Parallelism int
	// Delay is the pause after each request to a host, per parallel slot.
	// Default 0; the command line sets a polite default.
	Delay time.Duration
	// RequestTimeout bounds each request, body included. Default 15s.
	RequestTimeout time.Duration
	// SiteTimeout bounds the whole crawl of one site. Default 3 minutes.
	SiteTimeout time.Duration
	// MaxBodyBytes caps the bytes read of each response; a larger page is
	// cut there. Default 5 MiB.
	MaxBodyBytes int
	// AllowPrivate lets the crawler connect to private, loopback and
	// link-local addresses. Default false: they are refused, redirects and
	// links into them included.
	AllowPrivate bool
	// AllowNets lets through these networks even when AllowPrivate is
	// false. Default none.
	AllowNets []netip.Prefix
	// IgnoreRobots skips robots.txt. Default false; only tests set it.
	IgnoreRobots bool
	// Priority ranks a link: higher is fetched sooner; below zero is not
	// fetched. Default: every same-site link ranks 0, breadth first.
	Priority func(Link) int
	// Progress, when set, is called after each page is fetched.
	Progress func(pageURL string, fetched int)
	// Renderer, when set, renders the pages RenderPage picks in a browser:
	// the rendered DOM replaces the static HTML, and its links are followed
	// too. Default nil: the static crawl only.
	Renderer Renderer
	// RenderPage picks the pages to render, given each page as fetched
	// statically and kept. The home page is rendered before its links are
	// queued. Default nil: none.
	RenderPage func(p *Page) bool
	// ScreenshotPage picks the rendered pages whose first screen is kept as
	// a PNG in Page.Screenshot. Default nil: none.
	ScreenshotPage func(p *Page) bool
}

// DefaultUserAgent names shopper and where to read about it.
const DefaultUserAgent = "shopper/0.1 (+https://github.com/shopper-audit/shopper; customer-service audit)"

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.MaxPages <= 0 {
		o.MaxPages = 40
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = 4
	}
	if o.Parallelism <= 0 {
		o.Parallelism = 2
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = 15 * time.Second
	}
	if o.SiteTimeout <= 0 {
		o.SiteTimeout = 3 * time.Minute
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 5 << 20
	}
	return o
}
