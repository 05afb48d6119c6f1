// Package browser renders web pages in one headless Chromium, as a
// customer's browser shows them: the DOM after JavaScript ran, the globals
// scripts defined on window, the text visible in the first screen at a
// desktop and a mobile viewport, and a screenshot.
//
// New starts the browser and keeps a pool of reusable tabs; Render loads one
// page in a free tab and returns plain values. Requests to hosts outside the
// page's own site fail at once, before any DNS lookup, unless
// Options.AllowHosts lets them through: a vendor's script that cannot be
// reached never stalls a render, and the <script src> a loader inserted
// stays in the DOM for a probe to read. With Options.Dial, every request
// that goes out connects through it (the crawler's address guard), so a
// name of the page's own site that resolves to an internal address is
// refused as the crawler refuses it. Every render has a timeout; a tab
// that hangs or crashes is replaced, and a browser that dies is started
// again.
//
// The package knows nothing of crawling: it does not import the crawler.
package browser

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"net"
	"net/http"
	neturl "net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// Options configure a Browser. The zero value is usable: each field's
// comment gives the default a zero stands for.
type Options struct {
	// Path is the browser executable. Default: Find().
	Path string
	// Tabs is how many pages render at once, each in its own tab. Default 2.
	Tabs int
	// RenderTimeout bounds one Render, from navigation to the last
	// measurement. Default 10s.
	RenderTimeout time.Duration
	// SettleCap bounds the wait after the load event for the page to go
	// quiet: no request in flight, no timer due within the cap, and no
	// content change for Quiet. Default 1s.
	SettleCap time.Duration
	// Quiet is how long a page that was busy after its load event must stay
	// quiet to count as settled. A page with nothing pending at its load
	// event is settled at once. Default 30ms.
	Quiet time.Duration
	// AllowHosts lets requests to hosts outside the page's own site through.
	// Requests to the page's own site (its registrable domain, subdomains
	// included) always go out. Default nil: every other host is blocked
	// before any DNS lookup. Return true for every host to allow all.
	AllowHosts func(host string) bool
	// LoopbackOnly starts the browser with host-resolver rules that answer
	// "not found" for every host but localhost and 127.0.0.0/8, so that
	// nothing can leave the machine, whatever AllowHosts says. Tests set it.
	LoopbackOnly bool
	// UserAgentSuffix is appended to the browser's own User-Agent, so that
	// sites see a browser that names its operator. Default none.
	UserAgentSuffix string
	// Dial, when set, makes every connection the browser's pages open:
	// the browser sends its requests through a proxy on loopback that
	// connects with Dial, so that the crawler's address guard
	// (crawler.Dialer) holds for rendered pages too, whatever a name
	// resolves to, redirects, script navigations and subresources of the
	// page's own site included. A request Dial refuses fails (the proxy
	// answers 502 Bad Gateway, or refuses the tunnel); a page whose own
	// address it refuses (or its redirect's, or a script navigation's)
	// fails to render, or to load in Drive, with an error wrapping Dial's.
	// Default nil: the browser resolves names and connects itself.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
}

func (o Options) withDefaults() Options {
	if o.Tabs <= 0 {
		o.Tabs = 2
	}
	if o.RenderTimeout <= 0 {
		o.RenderTimeout = 10 * time.Second
	}
	if o.SettleCap <= 0 {
		o.SettleCap = time.Second
	}
	if o.Quiet <= 0 {
		o.Quiet = 30 * time.Millisecond
	}
	return o
}

// HiddenAttr marks, in Result.HTML, the elements a visitor does not see
// without interacting with the page (opening an accordion, say).
const HiddenAttr = "data-shopper-hidden"

// Viewport is a screen size a page is measured at.
type Viewport struct {
	// Name keys the viewport in Result.Fold.
	Name string
	// Width and Height are the size of the screen in CSS pixels.
	Width, Height int64
	// Mobile emulates a phone: the page's <meta name=viewport> applies.
	Mobile bool
}

// The viewports the audit measures: a common laptop screen and a common
// phone.
var (
	Desktop = Viewport{Name: "desktop", Width: 1366, Height: 768}
	Mobile  = Viewport{Name: "mobile", Width: 390, Height: 844, Mobile: true}
)

// Viewports are Desktop and Mobile, for RenderOptions.
var Viewports = []Viewport{Desktop, Mobile}

// RenderOptions say what Render measures besides the DOM. The zero value
// measures nothing more.
type RenderOptions struct {
	// Viewports lists the viewports whose first screen's visible text is
	// returned in Result.Fold. The page loads at Desktop size whatever this
	// holds. Default none.
	Viewports []Viewport
	// Screenshot asks for a PNG of the first screen at Desktop size.
	Screenshot bool
}

// Result is one rendered page.
type Result struct {
	// URL is the document's address when it settled (after redirects).
	URL string
	// HTML is document.documentElement.outerHTML once the page settled,
	// with HiddenAttr="1" on the outermost elements whose content the
	// page's styles hide at Desktop size (not displayed, invisible,
	// transparent, clipped away or placed off the page) and that no media
	// query for another screen width shows. The page's own HiddenAttr
	// attributes are removed first.
	HTML string
	// Globals are the window's own property names that a fresh, empty page
	// does not have: what the page's scripts defined, sorted.
	Globals []string
	// Fold maps a viewport's name to the visible text of the first screen at
	// that size, a line a block: text of elements that are displayed, not
	// hidden by visibility or opacity, not clipped away, and whose box
	// intersects the screen.
	Fold map[string]string
	// Screenshot is a PNG of the first screen at Desktop size, when asked.
	Screenshot []byte
	// Requests lists the URLs the page tried to load, in order, each once:
	// blocked third-party requests included, the page's own URL not.
	Requests []string
	// Settled is false when the page was still busy when SettleCap ran out.
	Settled bool
}

// Errors callers can test with errors.Is.
var (
	// ErrTimeout: the page did not render within RenderTimeout. Its tab
	// was replaced.
	ErrTimeout = errors.New("the page did not finish rendering in time")
	// ErrClosed: the Browser was closed.
	ErrClosed = errors.New("the browser is closed")
)

// maxRestarts bounds how often a Browser starts Chromium again after it
// died or hung, so that a browser that cannot run is not restarted for
// ever.
const maxRestarts = 5

//go:embed js/settle.js
var settleJS string

//go:embed js/measure.js
var measureJS string

// Browser is one headless Chromium with a pool of tabs. Its methods are safe
// for concurrent use.
type Browser struct {
	opts      Options
	proxy     *proxy // nil without Options.Dial
	args      []chromedp.ExecAllocatorOption
	baseline  map[string]bool
	userAgent string
	slots     chan struct{} // one per tab: bounds renders in flight
	// trace, when set (by BenchmarkRender, before any render), is told
	// how long each phase of a render took.
	trace func(phase string, d time.Duration)

	stopping sync.WaitGroup // browsers that died or hung, being stopped

	mu       sync.Mutex
	proc     *process
	idle     []*tab
	restarts int
	closed   bool
}

// process is one run of the browser executable.
type process struct {
	ctx         context.Context // the browser's own chromedp context
	cancel      context.CancelFunc
	cancelAlloc context.CancelFunc
	dir         string // user data directory, removed when it stops
}

// New starts the browser and returns it; Close stops it. ctx bounds the
// start only. A browser that cannot be found gives an error wrapping
// ErrNotFound; one that cannot start says why.
func New(ctx context.Context, opts Options) (*Browser, error) {
	opts = opts.withDefaults()
	if opts.Path == "" {
		p, err := Find()
		if err != nil {
			return nil, err
		}
		opts.Path = p
	} else if err := executable(opts.Path); err != nil {
		return nil, fmt.Errorf("browser %s: %w: %w", opts.Path, err, ErrNotFound)
	}
	b := &Browser{opts: opts, slots: make(chan struct{}, opts.Tabs)}
	b.args = append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(opts.Path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("hide-scrollbars", true),
		// chromedp lets pages open windows; a customer's browser blocks
		// popups nobody clicked for, and so does this one.
		chromedp.Flag("disable-popup-blocking", false),
		chromedp.WindowSize(int(Desktop.Width), int(Desktop.Height)),
	)
	if opts.LoopbackOnly {
		b.args = append(b.args, chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.*, EXCLUDE [::1]"))
	}
	if opts.Dial != nil {
		px, err := startProxy(opts.Dial)
		if err != nil {
			return nil, err
		}
		b.proxy = px
		// "<-loopback>" sends loopback addresses through the proxy too,
		// which the browser would otherwise reach directly.
		b.args = append(b.args,
			chromedp.ProxyServer("http://"+px.addr()),
			chromedp.Flag("proxy-bypass-list", "<-loopback>"),
		)
	}
	p, err := b.start(ctx)
	if err != nil {
		b.closeProxy()
		return nil, err
	}
	b.proc = p
	if err := b.learnBaseline(ctx, p); err != nil {
		p.stop()
		b.closeProxy()
		return nil, err
	}
	return b, nil
}

func (b *Browser) closeProxy() {
	if b.proxy != nil {
		b.proxy.close()
	}
}

// start runs the browser executable and waits until it answers.
func (b *Browser) start(ctx context.Context) (*process, error) {
	dir, err := os.MkdirTemp("", "shopper-chromium-")
	if err != nil {
		return nil, fmt.Errorf("start browser: user data directory: %w", err)
	}
	args := append(slices.Clone(b.args), chromedp.UserDataDir(dir))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), args...)
	bctx, cancel := chromedp.NewContext(actx)
	p := &process{ctx: bctx, cancel: cancel, cancelAlloc: cancelAlloc, dir: dir}
	// The first Run binds the browser to the context it is given: give it
	// the long-lived one, and bound the wait here.
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(bctx) }()
	wait := max(b.opts.RenderTimeout, 15*time.Second)
	select {
	case err = <-done:
	case <-ctx.Done():
		err = ctx.Err()
	case <-time.After(wait):
		err = fmt.Errorf("it did not answer within %s", wait)
	}
	if err != nil {
		p.stop()
		return nil, fmt.Errorf("start browser %s: %w", b.opts.Path, err)
	}
	return p, nil
}

// stop ends the process and removes its user data directory.
func (p *process) stop() {
	p.cancel()
	p.cancelAlloc() // waits for the process to exit
	_ = os.RemoveAll(p.dir)
}

func (p *process) dead() bool { return p.ctx.Err() != nil }

// learnBaseline records the window's own property names on an empty page
// served from loopback (a secure context, as https sites are), and the
// browser's User-Agent.
func (b *Browser) learnBaseline(ctx context.Context, p *process) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("browser baseline: %w", err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!doctype html><html><head><title></title></head><body></body></html>")
	})}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	if b.proxy != nil {
		b.proxy.setDirect(ln.Addr().String())
		defer b.proxy.setDirect("")
	}

	// The browser's first tab, which the pool never uses, loads the page.
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	tctx, tcancel := context.WithCancel(p.ctx)
	defer tcancel()
	defer context.AfterFunc(ctx, tcancel)()
	if err := chromedp.Do(tctx, chromedp.Navigate("http://"+ln.Addr().String()+"/")); err != nil {
		return fmt.Errorf("browser baseline: %w", err)
	}
	names, err := chromedp.Run(tctx, chromedp.Evaluate[[]string](`Object.getOwnPropertyNames(window)`))
	if err != nil {
		return fmt.Errorf("browser baseline: %w", err)
	}
	b.baseline = make(map[string]bool, len(names))
	for _, n := range names {
		b.baseline[n] = true
	}
	v, err := cdp.Call(tctx, chromedp.FromContext(tctx).Browser, browser.GetVersion, cdp.Empty{})
	if err != nil {
		return fmt.Errorf("browser version: %w", err)
	}
	b.userAgent = v.UserAgent
	if b.opts.UserAgentSuffix != "" {
		b.userAgent += " " + b.opts.UserAgentSuffix
	}
	return nil
}

// Close stops the browser and removes its user data directory. Renders in
// flight fail with ErrClosed or a cancellation. Close may be called more
// than once.
func (b *Browser) Close() error {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil
	}
	b.closed = true
	p := b.proc
	b.idle = nil
	b.mu.Unlock()
	p.stop() // closes its tabs too
	b.stopping.Wait()
	b.closeProxy()
	return nil
}

// Render loads url in a free tab, waits for it to settle, and measures it
// as opts asks. It waits for a free tab as long as ctx allows. A page that
// does not render within RenderTimeout gives an error wrapping ErrTimeout,
// and its tab is replaced; when the browser itself died, it is started
// again and the page tried once more.
func (b *Browser) Render(ctx context.Context, url string, opts RenderOptions) (*Result, error) {
	select {
	case b.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("render %s: waiting for a tab: %w", url, ctx.Err())
	}
	defer func() { <-b.slots }()
	for attempt := 0; ; attempt++ {
		t, err := b.tab(ctx)
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", url, err)
		}
		began := time.Now()
		res, err := t.render(ctx, url, opts)
		if err == nil {
			// The proxy answered for an address Dial refused: the
			// browser shows an empty page, which is no render.
			hp, why := t.refusal(began, res.URL)
			b.put(t)
			if why != nil {
				return nil, fmt.Errorf("render %s: %s: %w", url, hp, why)
			}
			return res, nil
		}
		var pe *pageError
		switch {
		case errors.As(err, &pe) && ctx.Err() == nil:
			// The page failed (it could not be loaded, say); the tab is
			// fine. A tunnel the proxy refused (https) fails the load: say
			// why.
			hp, why := t.refusal(began, append([]string{url}, t.documents()...)...)
			b.put(t)
			if why != nil {
				return nil, fmt.Errorf("render %s: %s: %w", url, hp, why)
			}
			return nil, fmt.Errorf("render %s: %w", url, err)
		case t.proc.dead() && attempt == 0 && ctx.Err() == nil:
			b.discard(t)
			continue // the browser died: start it again, try once more
		}
		b.discard(t)
		if ctx.Err() != nil {
			return nil, fmt.Errorf("render %s: %w", url, ctx.Err())
		}
		return nil, fmt.Errorf("render %s: %w", url, err)
	}
}

// tab returns an idle tab of the running browser, or opens one, starting the
// browser again first when it died.
func (b *Browser) tab(ctx context.Context) (*tab, error) {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil, ErrClosed
	}
	for len(b.idle) > 0 {
		t := b.idle[len(b.idle)-1]
		b.idle = b.idle[:len(b.idle)-1]
		if t.usable(b.proc) {
			b.mu.Unlock()
			return t, nil
		}
		go t.cancel()
	}
	p := b.proc
	b.mu.Unlock()

	if p.dead() {
		var err error
		if p, err = b.restart(ctx, p); err != nil {
			return nil, err
		}
	}
	t, err := b.newTab(p)
	if err != nil && (p.dead() || errors.Is(err, errNoAnswer)) {
		// The browser died, or hangs: start another.
		if p, err = b.restart(ctx, p); err != nil {
			return nil, err
		}
		t, err = b.newTab(p)
	}
	return t, err
}

// restart stops a browser that died or hangs and starts another, unless
// another render already did.
func (b *Browser) restart(ctx context.Context, dead *process) (*process, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, ErrClosed
	}
	if b.proc != dead {
		return b.proc, nil
	}
	if b.restarts >= maxRestarts {
		return nil, fmt.Errorf("the browser died or hung %d times; not starting it again", b.restarts+1)
	}
	b.restarts++
	b.stopping.Go(dead.stop)
	p, err := b.start(ctx)
	if err != nil {
		return nil, fmt.Errorf("start the browser again: %w", err)
	}
	b.proc = p
	return p, nil
}

// put returns a tab to the pool.
func (b *Browser) put(t *tab) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed || t.proc != b.proc {
		go t.cancel()
		return
	}
	b.idle = append(b.idle, t)
}

// discard closes a tab that hung, crashed or was interrupted. Closing waits
// for the browser, so it runs apart.
func (b *Browser) discard(t *tab) { go t.cancel() }

// Restarts reports how many times the browser was started again after it
// died or hung.
func (b *Browser) Restarts() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.restarts
}

// Process returns the running browser's process id, or 0.
func (b *Browser) Process() int {
	b.mu.Lock()
	p := b.proc
	b.mu.Unlock()
	if c := chromedp.FromContext(p.ctx); c != nil && c.Browser != nil && c.Browser.Process() != nil {
		return c.Browser.Process().Pid
	}
	return 0
}

// globals returns the names not in the baseline, sorted.
func (b *Browser) globals(names []string) []string {
	var out []string
	for _, n := range names {
		if !b.baseline[n] {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// hostPort returns a URL's host:port, the port its scheme's default when
// none is written, or "".
func hostPort(rawURL string) string {
	u, err := neturl.Parse(rawURL)
	if err != nil || u.Host == "" {
		return ""
	}
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" || u.Scheme == "wss" {
			port = "443"
		}
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// hostOf returns the lower-case host of a URL without port, or "".
func hostOf(u string) string {
	i := strings.Index(u, "://")
	if i < 0 {
		return ""
	}
	rest := u[i+3:]
	if j := strings.IndexAny(rest, "/?#"); j >= 0 {
		rest = rest[:j]
	}
	if j := strings.LastIndexByte(rest, '@'); j >= 0 {
		rest = rest[j+1:]
	}
	if h, _, err := net.SplitHostPort(rest); err == nil {
		rest = h
	}
	return strings.ToLower(strings.Trim(rest, "[]"))
}
