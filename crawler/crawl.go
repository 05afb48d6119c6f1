package crawler

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/gocolly/colly/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"
)

// Crawl fetches the site at rawURL: the home page first, then same-site
// links in the order opts.Priority ranks them, until opts.MaxPages pages
// were fetched, the links run out (then sitemap.xml is read once), or
// opts.SiteTimeout passes. It fails only when the home page cannot be had;
// then the error is a *HomeError saying why in one sentence.
func Crawl(ctx context.Context, rawURL string, opts Options) (*Site, error) {
	opts = opts.withDefaults()
	start, err := ParseSiteURL(rawURL)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, opts.SiteTimeout)
	defer cancel()

	cr := &crawl{opts: opts, site: &Site{URL: rawURL}, seen: map[string]*item{}, ctx: ctx}
	cr.cond = sync.NewCond(&cr.mu)
	cr.c = cr.collector(ctx)

	// The home page alone first: it fixes the site's scope.
	home := &item{url: start.String(), source: "start"}
	home.done = true // fetched here; links back to it must not fetch it again
	cr.seen[home.url] = home
	res := cr.fetch(home)
	if err := homeError(start, res); err != nil {
		return nil, err
	}
	// A home page that only forwards the browser (a language or country
	// gate with <meta http-equiv=refresh>) is followed, as a browser would.
	for hops := 0; hops < 3; hops++ {
		target := metaRefresh(res.final, res.body)
		if target == nil || siteOf(target) != siteOf(res.final) || target.String() == res.final.String() {
			break
		}
		next := &item{url: target.String(), source: "start"}
		nres := cr.fetch(next)
		if homeError(target, nres) != nil {
			break
		}
		cr.site.Skipped = append(cr.site.Skipped, Skip{URL: home.url, Reason: "forwards to " + next.url})
		next.done = true
		cr.seen[next.url] = next
		home, res = next, nres
	}
	cr.scope = siteOf(res.final)
	cr.site.Home = res.final.String()
	cr.keep(home, res)
	if len(cr.site.Pages) == 0 {
		reason := "the home page cannot be read as HTML"
		if n := len(cr.site.Skipped); n > 0 {
			reason += " (" + cr.site.Skipped[n-1].Reason + ")"
		}
		return nil, &HomeError{URL: start.String(), Reason: reason}
	}
	cr.attempts = 1

	var wg sync.WaitGroup
	for range opts.Parallelism {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cr.work()
		}()
	}
	// Wake the workers when the site's time is up.
	stop := context.AfterFunc(ctx, func() {
		cr.mu.Lock()
		cr.done = true
		cr.cond.Broadcast()
		cr.mu.Unlock()
	})
	wg.Wait()
	stop()
	return cr.site, nil
}

// ParseSiteURL reads the address a user typed: "example.com" means
// https://example.com/. Only http and https are accepted.
func ParseSiteURL(raw string) (*url.URL, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return nil, &HomeError{URL: raw, Reason: "an empty address is not a website; give one like https://example.com"}
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || strings.ContainsAny(u.Host, " \t<>\"") {
		return nil, &HomeError{URL: raw, Reason: "is not a web address; give one like https://example.com"}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, &HomeError{URL: raw, Reason: fmt.Sprintf("uses the %q scheme; only http and https sites can be audited", u.Scheme)}
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return normalize(u), nil
}

// HomeError says why a site could not be audited at all.
type HomeError struct {
	URL    string
	Reason string
	Err    error
}

func (e *HomeError) Error() string { return e.URL + ": " + e.Reason }

// Unwrap returns the underlying error, if any.
func (e *HomeError) Unwrap() error { return e.Err }

type item struct {
	url     string
	depth   int
	prio    int
	seq     int
	source  string
	anchors []string
	done    bool
}

type fetchResult struct {
	final       *url.URL
	status      int
	contentType string
	body        []byte
	err         error
	notHTML     bool
	anyType     bool // a sitemap: any content type is read
}

type crawl struct {
	opts  Options
	c     *colly.Collector
	ctx   context.Context
	site  *Site
	scope string

	mu       sync.Mutex
	cond     *sync.Cond
	queue    frontier
	seen     map[string]*item
	final    map[string]bool
	shapes   map[string]int
	attempts int
	inflight int
	seq      int
	done     bool
	sitemap  bool
}

func (cr *crawl) collector(ctx context.Context) *colly.Collector {
	c := colly.NewCollector(
		colly.UserAgent(cr.opts.UserAgent),
		colly.MaxBodySize(cr.opts.MaxBodyBytes),
		colly.StdlibContext(ctx),
	)
	c.IgnoreRobotsTxt = cr.opts.IgnoreRobots
	c.AllowURLRevisit = true
	c.ParseHTTPErrorResponse = true
	g := guard{allowPrivate: cr.opts.AllowPrivate, allow: cr.opts.AllowNets}
	c.WithTransport(&http.Transport{
		DialContext:           g.dialContext(cr.opts.RequestTimeout),
		TLSHandshakeTimeout:   cr.opts.RequestTimeout,
		ResponseHeaderTimeout: cr.opts.RequestTimeout,
		MaxIdleConnsPerHost:   cr.opts.Parallelism + 1,
		IdleConnTimeout:       30 * time.Second,
		ForceAttemptHTTP2:     true,
	})
	c.SetRequestTimeout(cr.opts.RequestTimeout)
	_ = c.Limit(&colly.LimitRule{DomainGlob: "*", Parallelism: cr.opts.Parallelism, Delay: cr.opts.Delay})
	c.SetRedirectHandler(func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errRedirectLoop
		}
		if cr.scope != "" && siteOf(req.URL) != cr.scope {
			return fmt.Errorf("redirect to %s: %w", req.URL.Host, errOffSite)
		}
		return nil
	})
	c.OnResponseHeaders(func(r *colly.Response) {
		res := r.Ctx.GetAny("result").(*fetchResult)
		res.final = r.Request.URL
		res.status = r.StatusCode
		res.contentType = r.Headers.Get("Content-Type")
		if res.status < 300 && !res.anyType && !isHTML(res.contentType, r.Request.URL) {
			res.notHTML = true
			r.Request.Abort()
		}
	})
	c.OnResponse(func(r *colly.Response) {
		res := r.Ctx.GetAny("result").(*fetchResult)
		res.body = r.Body
		res.status = r.StatusCode
	})
	return c
}

var (
	errRedirectLoop = errors.New("too many redirects")
	errOffSite      = errors.New("leaves the site")
)

// fetch requests one address and waits for the answer.
func (cr *crawl) fetch(it *item) *fetchResult {
	res := &fetchResult{anyType: it.source == "sitemap.xml"}
	cctx := colly.NewContext()
	cctx.Put("result", res)
	hdr := http.Header{"Accept": {"text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"}}
	err := cr.c.Request(http.MethodGet, it.url, nil, cctx, hdr)
	if err != nil && !errors.Is(err, colly.ErrAbortedAfterHeaders) {
		res.err = err
	}
	if res.final == nil {
		res.final, _ = url.Parse(it.url)
	}
	return res
}

func homeError(start *url.URL, res *fetchResult) error {
	u := start.String()
	he := func(reason string, err error) error { return &HomeError{URL: u, Reason: reason, Err: err} }
	switch err := res.err; {
	case err == nil:
	case errors.Is(err, ErrPrivateAddress):
		return he("resolves to a private or loopback address, which shopper refuses so that sites cannot point it at internal services; pass --allow-private to audit it anyway", err)
	case errors.Is(err, colly.ErrRobotsTxtBlocked):
		return he("robots.txt asks crawlers not to fetch the home page, so shopper will not audit this site", err)
	case errors.Is(err, errRedirectLoop):
		return he("the home page redirects in a loop (more than 10 redirects)", err)
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return he("the home page did not answer in time; the server is too slow or unreachable (see --timeout)", err)
	default:
		return he(describeNetError(err), err)
	}
	if res.notHTML {
		ct, _, _ := mime.ParseMediaType(res.contentType)
		if ct == "" {
			ct = "an unknown type"
		}
		return he(fmt.Sprintf("the home page is not HTML but %s", ct), nil)
	}
	if res.status >= 400 {
		return he(fmt.Sprintf("the home page answered HTTP %d %s", res.status, http.StatusText(res.status)), nil)
	}
	if res.status >= 300 {
		return he(fmt.Sprintf("the home page answered HTTP %d with no usable redirect", res.status), nil)
	}
	if len(bytes.TrimSpace(res.body)) == 0 {
		return he("the home page is empty", nil)
	}
	return nil
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// describeNetError turns a transport error into words a user can act on.
func describeNetError(err error) string {
	s := err.Error()
	switch {
	case strings.Contains(s, "no such host"):
		return "the host name does not exist (DNS lookup failed); check the address"
	case strings.Contains(s, "connection refused"):
		return "the server refused the connection; is the address right and the site up?"
	case strings.Contains(s, "certificate") || strings.Contains(s, "tls:") || strings.Contains(s, "x509"):
		return "the TLS (https) handshake failed: " + lastClause(s)
	case strings.Contains(s, "leaves the site"):
		return "the home page redirects to another site: " + lastClause(s)
	}
	return "cannot be fetched: " + lastClause(s)
}

func lastClause(s string) string {
	if i := strings.LastIndex(s, ": "); i >= 0 && i+2 < len(s) {
		return s[i+2:]
	}
	return s
}

// work takes addresses from the frontier until it is empty and nothing is
// in flight, the page budget is spent, or the site's time is up.
func (cr *crawl) work() {
	for {
		it := cr.next()
		if it == nil {
			return
		}
		res := cr.fetch(it)
		// The page stays in flight until its links are queued: keep may
		// render it first, and the crawl must not end meanwhile.
		switch {
		case res.err != nil:
			cr.skip(it.url, reasonOf(res.err))
		case res.notHTML:
			cr.skip(it.url, "not HTML")
		case res.status >= 400:
			cr.skip(it.url, fmt.Sprintf("HTTP %d", res.status))
		case res.status >= 300:
			cr.skip(it.url, fmt.Sprintf("HTTP %d without a usable redirect", res.status))
		default:
			cr.keep(it, res)
		}
		cr.mu.Lock()
		cr.inflight--
		cr.cond.Broadcast()
		cr.mu.Unlock()
	}
}

func reasonOf(err error) string {
	switch {
	case errors.Is(err, colly.ErrRobotsTxtBlocked):
		return "disallowed by robots.txt"
	case errors.Is(err, ErrPrivateAddress):
		return "private address refused"
	case errors.Is(err, errOffSite):
		return "redirects off the site"
	case errors.Is(err, errRedirectLoop):
		return "redirect loop"
	case isTimeout(err):
		return "timed out"
	}
	return lastClause(err.Error())
}

// next blocks until an address can be fetched, or returns nil when the
// crawl is over.
func (cr *crawl) next() *item {
	cr.mu.Lock()
	defer cr.mu.Unlock()
	for {
		if cr.done || cr.ctx.Err() != nil || cr.attempts >= cr.opts.MaxPages {
			cr.done = true
			cr.cond.Broadcast()
			return nil
		}
		if it := cr.queue.pop(); it != nil {
			if it.done || cr.overShape(it) {
				continue
			}
			it.done = true
			cr.attempts++
			cr.inflight++
			return it
		}
		if cr.inflight == 0 {
			if !cr.sitemap {
				cr.sitemap = true
				cr.inflight++
				cr.mu.Unlock()
				cr.readSitemap()
				cr.mu.Lock()
				cr.inflight--
				continue
			}
			cr.done = true
			cr.cond.Broadcast()
			return nil
		}
		cr.cond.Wait()
	}
}

func (cr *crawl) skip(u, reason string) {
	cr.mu.Lock()
	cr.site.Skipped = append(cr.site.Skipped, Skip{URL: u, Reason: reason})
	cr.mu.Unlock()
}

// keep decodes and parses a fetched page once, adds it to the site and
// queues its links.
func (cr *crawl) keep(it *item, res *fetchResult) {
	final := normalize(res.final).String()
	cr.mu.Lock()
	if cr.final == nil {
		cr.final = map[string]bool{}
	}
	dup := cr.final[final]
	cr.final[final] = true
	if f := cr.seen[final]; f != nil && f != it {
		f.done = true // reached through a redirect: don't fetch it again
		it.anchors = mergeAnchors(it.anchors, f.anchors)
	}
	cr.mu.Unlock()
	if dup {
		cr.skip(it.url, "same page as "+final)
		return
	}
	if it.source != "start" && siteOf(res.final) != cr.scope {
		cr.skip(it.url, "redirects off the site")
		return
	}
	text := decode(res.body, res.contentType)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil {
		reason := "unreadable HTML"
		if strings.Contains(err.Error(), "exceeds 512") {
			reason = "unreadable HTML: elements nested more than 512 deep"
		}
		cr.skip(it.url, reason)
		return
	}
	p := &Page{URL: final, Status: res.status, Depth: it.depth, Source: it.source, Anchors: it.anchors, HTML: text, doc: doc}
	p.Title = strings.Join(strings.Fields(doc.Find("title").First().Text()), " ")
	p.Lang, _ = doc.Find("html").First().Attr("lang")
	p.Lang = strings.TrimSpace(p.Lang)
	links := cr.links(p)
	if cr.opts.Renderer != nil && cr.opts.RenderPage != nil && cr.opts.RenderPage(p) {
		if rp := cr.render(p); rp != nil {
			// Links scripts added are followed too; links they removed
			// still count, as the static page had them.
			links = append(cr.links(rp), links...)
			p = rp
		}
	}

	cr.mu.Lock()
	cr.site.Pages = append(cr.site.Pages, p)
	n := len(cr.site.Pages)
	if it.depth < cr.opts.MaxDepth {
		for _, l := range links {
			cr.enqueue(l, it.depth+1, "link")
		}
	}
	cr.mu.Unlock()
	if cr.opts.Progress != nil {
		cr.opts.Progress(final, n)
	}
}

// links lists the same-site links of a page with their priorities.
func (cr *crawl) links(p *Page) []Link {
	var out []Link
	p.Doc().Find("a[href], area[href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		href = strings.TrimSpace(href)
		if href == "" || href[0] == '#' {
			return
		}
		low := strings.ToLower(href)
		for _, pre := range []string{"javascript:", "mailto:", "tel:", "data:", "sms:", "callto:", "whatsapp:", "viber:", "skype:"} {
			if strings.HasPrefix(low, pre) {
				return
			}
		}
		u := p.Resolve(href)
		if u == nil || (u.Scheme != "http" && u.Scheme != "https") || siteOf(u) != cr.scope {
			return
		}
		u = normalize(u)
		text := strings.Join(strings.Fields(s.Text()), " ")
		if text == "" {
			text, _ = s.Find("img[alt]").First().Attr("alt")
		}
		title, _ := s.Attr("title")
		aria, _ := s.Attr("aria-label")
		out = append(out, Link{URL: u, Text: clip(text, 200), Title: clip(title, 200), AriaLabel: clip(aria, 200), From: p, Region: RegionOfNode(s.Get(0))})
	})
	return out
}

// enqueue adds a link to the frontier unless it is out of bounds; the
// caller holds cr.mu.
func (cr *crawl) enqueue(l Link, depth int, source string) {
	key := l.URL.String()
	anchor := l.Text
	if anchor == "" {
		anchor = l.AriaLabel
	}
	if anchor == "" {
		anchor = l.Title
	}
	if it := cr.seen[key]; it != nil && it.done {
		// Fetched already (menus repeat on every page): nothing to rank.
		if anchor != "" && len(it.anchors) < 5 && !contains(it.anchors, anchor) {
			it.anchors = append(it.anchors, anchor)
		}
		return
	}
	prio := 0
	if cr.opts.Priority != nil {
		prio = cr.opts.Priority(l)
	}
	if prio < 0 {
		return
	}
	if it := cr.seen[key]; it != nil {
		if anchor != "" && len(it.anchors) < 5 && !contains(it.anchors, anchor) {
			it.anchors = append(it.anchors, anchor)
		}
		if !it.done && prio > it.prio {
			// A better reason to fetch it: queue it again, higher.
			it.prio = prio
			cr.queue.push(it)
			cr.cond.Signal()
		}
		return
	}
	if reason := cr.outOfBounds(l.URL); reason != "" {
		return
	}
	cr.seq++
	it := &item{url: key, depth: depth, prio: prio, seq: cr.seq, source: source}
	if anchor != "" {
		it.anchors = []string{anchor}
	}
	cr.seen[key] = it
	cr.queue.push(it)
	cr.cond.Signal()
}

// outOfBounds keeps the crawl out of path loops, absurd addresses and
// files that are not pages. Endless families of pages (calendars,
// pagination, filters) are bounded when fetched, by overShape.
func (cr *crawl) outOfBounds(u *url.URL) string {
	s := u.String()
	if len(s) > 1024 {
		return "address too long"
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(segs) > 12 {
		return "path too deep"
	}
	count := map[string]int{}
	for _, seg := range segs {
		if seg == "" {
			continue
		}
		count[seg]++
		if count[seg] > 2 {
			return "path repeats itself"
		}
	}
	if ext := extOf(u.Path); skipExt[ext] {
		return "not a page"
	}
	return ""
}

// shapeLimit is how many pages of one shape are fetched: enough to see a
// family of product, category or calendar pages, not all of it.
const shapeLimit = 8

// overShape reports whether enough pages of the item's shape were fetched
// already. Links the Priority function ranks as important (70 and more:
// contact, help and policy pages) are exempt, and because the frontier
// hands out important pages first, a family of pages never crowds them
// out. The caller holds cr.mu.
func (cr *crawl) overShape(it *item) bool {
	if it.prio >= 70 {
		return false
	}
	u, err := url.Parse(it.url)
	if err != nil {
		return true
	}
	if cr.shapes == nil {
		cr.shapes = map[string]int{}
	}
	shape := shapeOf(u)
	if cr.shapes[shape] >= shapeLimit {
		it.done = true
		return true
	}
	cr.shapes[shape]++
	return false
}

// shapeOf is a URL with digit runs folded and query values dropped: pages
// of one shape (/page/2, /page/3, /calendar?d=...) are bounded together.
func shapeOf(u *url.URL) string {
	var b strings.Builder
	b.WriteString(u.Host)
	digits := false
	for _, r := range u.Path {
		if r >= '0' && r <= '9' {
			if !digits {
				b.WriteByte('#')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteRune(r)
	}
	if u.RawQuery != "" {
		b.WriteByte('?')
		for _, k := range sortedKeys(u.Query()) {
			b.WriteString(k)
			b.WriteByte('&')
		}
	}
	return b.String()
}

var skipExt = map[string]bool{
	"pdf": true, "jpg": true, "jpeg": true, "png": true, "gif": true, "webp": true, "svg": true,
	"ico": true, "bmp": true, "avif": true, "zip": true, "rar": true, "gz": true, "tgz": true, "7z": true,
	"mp4": true, "mp3": true, "webm": true, "mov": true, "avi": true, "wav": true, "ogg": true,
	"css": true, "js": true, "json": true, "xml": true, "rss": true, "atom": true, "txt": true,
	"doc": true, "docx": true, "xls": true, "xlsx": true, "ppt": true, "pptx": true, "csv": true,
	"woff": true, "woff2": true, "ttf": true, "otf": true, "eot": true, "exe": true, "dmg": true,
	"apk": true, "msi": true, "iso": true,
}

func extOf(p string) string {
	i := strings.LastIndexByte(p, '.')
	if i < 0 || strings.Contains(p[i:], "/") {
		return ""
	}
	return strings.ToLower(p[i+1:])
}

// readSitemap reads /sitemap.xml (and, for a sitemap index, up to three of
// the sitemaps it names) and queues the pages it lists.
func (cr *crawl) readSitemap() {
	home, err := url.Parse(cr.site.Home)
	if err != nil {
		return
	}
	todo := []string{home.Scheme + "://" + home.Host + "/sitemap.xml"}
	var locs []string
	for i := 0; i < len(todo) && i < 4; i++ {
		res := cr.fetch(&item{url: todo[i], source: "sitemap.xml"})
		if res.err != nil || res.status != 200 || len(res.body) == 0 {
			continue
		}
		var sm struct {
			URLs     []string `xml:"url>loc"`
			Sitemaps []string `xml:"sitemap>loc"`
		}
		if xml.Unmarshal(res.body, &sm) != nil {
			continue
		}
		locs = append(locs, sm.URLs...)
		todo = append(todo, sm.Sitemaps...)
	}
	if len(locs) > 500 {
		locs = locs[:500]
	}
	cr.mu.Lock()
	defer cr.mu.Unlock()
	for _, l := range locs {
		u, err := url.Parse(strings.TrimSpace(l))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || siteOf(u) != cr.scope {
			continue
		}
		cr.site.UsedSitemap = true
		cr.enqueue(Link{URL: normalize(u)}, 1, "sitemap")
	}
}

// isHTML reports whether a response of this content type is a page.
func isHTML(contentType string, u *url.URL) bool {
	if contentType == "" {
		return !skipExt[extOf(u.Path)]
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// decode turns a body into UTF-8 in NFC. When the Content-Type header
// names a charset, colly has already converted the body; otherwise the
// document's BOM or <meta charset> decides, and invalid UTF-8 falls back
// to windows-1252 as browsers do.
func decode(body []byte, contentType string) string {
	if _, params, err := mime.ParseMediaType(contentType); err != nil || params["charset"] == "" {
		e, name, _ := charset.DetermineEncoding(body, "text/html")
		if name != "utf-8" || !utf8.Valid(body) {
			if b, err := e.NewDecoder().Bytes(body); err == nil {
				body = b
			}
		}
	}
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	return norm.NFC.String(strings.ToValidUTF8(string(body), "\uFFFD"))
}

// metaRefresh returns where a page's <meta http-equiv="refresh"> sends
// the browser within ten seconds, or nil.
func metaRefresh(base *url.URL, body []byte) *url.URL {
	head := body
	if len(head) > 8192 {
		head = head[:8192]
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(head))
	if err != nil {
		return nil
	}
	var target *url.URL
	doc.Find("meta[http-equiv]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if v, _ := s.Attr("http-equiv"); !strings.EqualFold(strings.TrimSpace(v), "refresh") {
			return true
		}
		content, _ := s.Attr("content")
		delay, rest, _ := strings.Cut(content, ";")
		if rest == "" {
			delay, rest, _ = strings.Cut(content, ",")
		}
		if d, err := strconv.ParseFloat(strings.TrimSpace(delay), 64); err != nil || d > 10 {
			return true
		}
		rest = strings.TrimSpace(rest)
		if k, v, ok := strings.Cut(rest, "="); ok && strings.EqualFold(strings.TrimSpace(k), "url") {
			rest = strings.Trim(strings.TrimSpace(v), `'"`)
		}
		if rest == "" {
			return true
		}
		if u, err := base.Parse(rest); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			target = normalize(u)
		}
		return false
	})
	return target
}

// RegionOfNode returns the region of the page an element stands in.
func RegionOfNode(n *html.Node) Region {
	var chain []*html.Node
	for p := n; p != nil; p = p.Parent {
		if p.Type == html.ElementNode {
			chain = append(chain, p)
		}
	}
	r := RegionMain
	for i := len(chain) - 1; i >= 0; i-- {
		r = regionOf(chain[i], r)
	}
	return r
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func mergeAnchors(a, b []string) []string {
	for _, s := range b {
		if len(a) < 5 && !contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}
