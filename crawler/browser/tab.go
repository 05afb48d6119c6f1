package browser

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/inspector"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/publicsuffix"
)

// maxRequests bounds Result.Requests.
const maxRequests = 500

// tab is one reusable browser tab. Only the render holding it uses it; its
// event handlers share the fields under mu.
type tab struct {
	b      *Browser
	proc   *process
	ctx    context.Context // long-lived: the tab lives as long as it
	cancel context.CancelFunc
	vp     Viewport // the device metrics the tab has now

	mu       sync.Mutex
	site     string // the registrable domain of the page being rendered
	page     string // its URL
	requests []string
	seen     map[string]bool
	frame    cdp.FrameID // the tab's main frame
	docs     []string    // the main frame's document requests, redirects included
	inflight map[network.RequestID]bool
	lastNet  time.Time
	abort    context.CancelCauseFunc // ends the render in progress
	crashed  bool                    // its renderer crashed: do not use it again
}

// pageError is a failure of the page, not of the tab: the tab can be used
// again.
type pageError struct{ err error }

func (e *pageError) Error() string { return e.err.Error() }
func (e *pageError) Unwrap() error { return e.err }

var errCrashed = errors.New("the tab crashed")

// usable reports whether an idle tab can render again.
func (t *tab) usable(p *process) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.proc == p && !p.dead() && !t.crashed
}

// errNoAnswer is a browser that did not open a tab in time: it hangs.
var errNoAnswer = errors.New("the browser did not answer in time")

// newTab opens a tab on p and prepares it: request interception, the settle
// tracker, Desktop metrics and the User-Agent.
func (b *Browser) newTab(p *process) (*tab, error) {
	tctx, cancel := chromedp.NewContext(p.ctx)
	t := &tab{b: b, proc: p, ctx: tctx, cancel: cancel, vp: Desktop,
		seen: map[string]bool{}, inflight: map[network.RequestID]bool{}}
	done := make(chan error, 1)
	go func() { done <- t.setup() }()
	select {
	case err := <-done:
		if err != nil {
			go cancel()
			return nil, fmt.Errorf("open a tab: %w", err)
		}
		return t, nil
	case <-time.After(b.opts.RenderTimeout):
		go cancel()
		return nil, fmt.Errorf("open a tab: %w", errNoAnswer)
	}
}

func (t *tab) setup() error {
	// The first Run binds the tab to the context it is given: the tab's own
	// long-lived one. Per-render timeouts are derived from it afterwards.
	if err := chromedp.Do(t.ctx); err != nil {
		return err
	}
	if c := chromedp.FromContext(t.ctx); c != nil && c.Target != nil {
		// A tab's main frame has the tab's target id.
		t.frame = cdp.FrameID(c.Target.TargetID)
	}
	if err := chromedp.Listen(t.ctx, t.onEvent); err != nil {
		return err
	}
	go t.intercept(chromedp.Events(t.ctx, fetch.RequestPaused))
	ctx, cancel := context.WithTimeout(t.ctx, t.b.opts.RenderTimeout)
	defer cancel()
	src := strings.Replace(settleJS, "SETTLE_CAP_MS", strconv.FormatInt(t.b.opts.SettleCap.Milliseconds(), 10), 1)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		return fmt.Errorf("add the settle tracker: %w", err)
	}
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		return fmt.Errorf("intercept requests: %w", err)
	}
	if t.b.opts.UserAgentSuffix != "" {
		if _, err := chromedp.Call(ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: t.b.userAgent}); err != nil {
			return fmt.Errorf("set the User-Agent: %w", err)
		}
	}
	return t.setViewport(ctx, Desktop)
}

func (t *tab) setViewport(ctx context.Context, vp Viewport) error {
	_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: vp.Width, Height: vp.Height, DeviceScaleFactor: 1, Mobile: vp.Mobile,
		ScreenWidth: vp.Width, ScreenHeight: vp.Height, // measure.js waits for screen.width
	})
	if err != nil {
		return fmt.Errorf("set the %s viewport: %w", vp.Name, err)
	}
	t.vp = vp
	return nil
}

// onEvent runs in the tab's message loop: it only counts and records.
func (t *tab) onEvent(ev any) {
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		if ev.Type == network.ResourceTypeOther || strings.HasPrefix(u, "data:") {
			// The browser's own requests (the favicon, whose end the tab
			// is told only at the next navigation) and inline data.
			return
		}
		t.mu.Lock()
		if ev.Type == network.ResourceTypeDocument && ev.FrameID == t.frame && len(t.docs) < maxRequests {
			t.docs = append(t.docs, u)
		}
		if waitFor[ev.Type] {
			t.inflight[ev.RequestID] = true
			t.lastNet = time.Now()
		}
		if (strings.HasPrefix(u, "http:") || strings.HasPrefix(u, "https:")) &&
			u != t.page && !t.seen[u] && len(t.requests) < maxRequests {
			t.seen[u] = true
			t.requests = append(t.requests, u)
		}
		t.mu.Unlock()
	case *network.EventLoadingFinished:
		t.done(ev.RequestID)
	case *network.EventLoadingFailed:
		t.done(ev.RequestID)
	case *inspector.EventTargetCrashed:
		t.mu.Lock()
		t.crashed = true
		if t.abort != nil {
			t.abort(errCrashed)
		}
		t.mu.Unlock()
	}
}

func (t *tab) done(id network.RequestID) {
	t.mu.Lock()
	if t.inflight[id] {
		delete(t.inflight, id)
		t.lastNet = time.Now()
	}
	t.mu.Unlock()
}

// waitFor are the kinds of request a page is not settled without: those
// that can add content or hide it. Images, media and fonts that load after
// the load event (lazy images, mostly) only paint.
var waitFor = map[network.ResourceType]bool{
	network.ResourceTypeDocument: true, network.ResourceTypeStylesheet: true,
	network.ResourceTypeScript: true, network.ResourceTypeXHR: true,
	network.ResourceTypeFetch: true,
}

// intercept lets each request of the tab through or fails it, before the
// browser looks its host up.
func (t *tab) intercept(paused iter.Seq2[fetch.EventRequestPaused, error]) {
	for ev, err := range paused {
		if err != nil {
			return
		}
		switch {
		case t.allowed(ev.Request.URL):
			_, _ = chromedp.Call(t.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
		case ev.ResourceType == network.ResourceTypeDocument:
			// A frame from another site: "204 No Content" leaves it empty,
			// where a failure would load an error page in a process of
			// its own.
			_, _ = chromedp.Call(t.ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: ev.RequestID, ResponseCode: 204})
		default:
			_, _ = chromedp.Call(t.ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		}
	}
}

// allowed reports whether a request may go out: to the page's own site, or
// to a host Options.AllowHosts lets through.
func (t *tab) allowed(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "ws" && u.Scheme != "wss" {
		return true // data:, blob: and the like never touch the network
	}
	host := strings.ToLower(u.Hostname())
	t.mu.Lock()
	site := t.site
	t.mu.Unlock()
	if site != "" && siteOf(host) == site {
		return true
	}
	return t.b.opts.AllowHosts != nil && t.b.opts.AllowHosts(host)
}

// siteOf names the site a host belongs to: its registrable domain, or the
// host itself for IP addresses and single-label names. (The crawler's rule;
// repeated here because this package must not import the crawler.)
func siteOf(host string) string {
	if host == "" || net.ParseIP(host) != nil || !strings.Contains(host, ".") {
		return host
	}
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// begin resets the per-page state for a render of pageURL.
func (t *tab) begin(pageURL string, abort context.CancelCauseFunc) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.page = pageURL
	t.site = ""
	if u, err := url.Parse(pageURL); err == nil {
		t.site = siteOf(strings.ToLower(u.Hostname()))
	}
	t.requests, t.seen, t.docs = nil, map[string]bool{}, nil
	t.inflight = map[network.RequestID]bool{}
	t.lastNet = time.Now()
	t.abort = abort
}

// refusal returns why the browser's proxy refused, since began, the
// address of one of urls, and that address; nil without a proxy or a
// refusal.
func (t *tab) refusal(began time.Time, urls ...string) (string, error) {
	if t.b.proxy == nil {
		return "", nil
	}
	for _, u := range urls {
		hp := hostPort(u)
		if why := t.b.proxy.refusedSince(hp, began); why != nil {
			return hp, why
		}
	}
	return "", nil
}

// documents returns the URLs of the documents the tab's main frame
// requested since begin: the page's, its redirects' and its navigations'.
func (t *tab) documents() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return slices.Clone(t.docs)
}

func (t *tab) end() {
	t.mu.Lock()
	t.abort = nil
	t.mu.Unlock()
}

type snapshot struct {
	URL     string   `json:"url"`
	HTML    string   `json:"html"`
	Globals []string `json:"globals"`
	Fold    string   `json:"fold"`
}

type pageState struct {
	Timers int     `json:"timers"`
	Quiet  float64 `json:"quiet"`
}

// phase tells the browser's trace (set by BenchmarkRender before any
// render) how long a phase of a render took, and starts the next.
func (t *tab) phase(name string, start *time.Time) {
	if t.b.trace != nil {
		now := time.Now()
		t.b.trace(name, now.Sub(*start))
		*start = now
	}
}

// render loads one page in the tab and measures it.
func (t *tab) render(ctx context.Context, pageURL string, opts RenderOptions) (res *Result, err error) {
	o := t.b.opts
	start := time.Now()
	rctx, cancel := context.WithCancelCause(t.ctx)
	defer cancel(nil)
	rctx, cancelT := context.WithTimeout(rctx, o.RenderTimeout)
	defer cancelT()
	defer context.AfterFunc(ctx, func() { cancel(ctx.Err()) })()
	t.begin(pageURL, cancel)
	defer t.end()
	defer func() {
		if err == nil {
			return
		}
		switch cause := context.Cause(rctx); {
		case ctx.Err() != nil:
			err = ctx.Err()
		case errors.Is(cause, errCrashed):
			err = errCrashed
		case errors.Is(rctx.Err(), context.DeadlineExceeded):
			err = fmt.Errorf("%w (%s)", ErrTimeout, o.RenderTimeout)
		case t.proc.dead():
			err = fmt.Errorf("the browser died: %w", err)
		case errors.Is(err, chromedp.ErrTargetDetached):
			err = fmt.Errorf("the tab went away: %w", err)
		default:
			// The browser and the tab answer: the page itself failed
			// (it could not be loaded, or navigated away while measured).
			var pe *pageError
			if !errors.As(err, &pe) {
				err = &pageError{err}
			}
		}
	}()

	if t.vp != Desktop {
		if err := t.setViewport(rctx, Desktop); err != nil {
			return nil, err
		}
		t.phase("viewport", &start)
	}
	if err := chromedp.Do(rctx, chromedp.Navigate(pageURL)); err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	t.phase("load", &start)
	settled, err := t.settle(rctx)
	if err != nil {
		return nil, err
	}
	t.phase("settle", &start)
	// The page loaded at Desktop size: its first screen there is measured
	// with the snapshot, and the screenshot taken next; then the other
	// viewports.
	var others []Viewport
	desktop := int64(0)
	for _, vp := range opts.Viewports {
		if vp == Desktop {
			desktop = Desktop.Width
		} else {
			others = append(others, vp)
		}
	}
	snap, err := evaluate[snapshot](rctx, "snapshot("+strconv.FormatInt(desktop, 10)+")")
	if err != nil {
		return nil, err
	}
	t.phase("snapshot", &start)
	t.mu.Lock()
	res = &Result{URL: snap.URL, HTML: snap.HTML, Globals: t.b.globals(snap.Globals), Requests: slices.Clone(t.requests), Settled: settled}
	t.mu.Unlock()
	if desktop != 0 {
		res.Fold = map[string]string{Desktop.Name: snap.Fold}
	}
	if opts.Screenshot {
		if res.Screenshot, err = t.screenshot(rctx); err != nil {
			return nil, err
		}
		t.phase("screenshot", &start)
	}
	for i, vp := range others {
		if err := t.setViewport(rctx, vp); err != nil {
			return nil, err
		}
		// After the last measurement the page is taken out of layout, so
		// that going back to Desktop size does not lay it out once more
		// for nothing.
		hide := i == len(others)-1
		text, err := evaluate[string](rctx, "fold("+strconv.FormatInt(vp.Width, 10)+", "+strconv.FormatBool(hide)+")")
		if err != nil {
			return nil, fmt.Errorf("measure the %s screen: %w", vp.Name, err)
		}
		if res.Fold == nil {
			res.Fold = map[string]string{}
		}
		res.Fold[vp.Name] = text
		t.phase("fold "+vp.Name, &start)
	}
	if t.vp != Desktop {
		if err := t.setViewport(rctx, Desktop); err != nil {
			return nil, err
		}
		t.phase("leave", &start)
	}
	return res, nil
}

// screenshot takes a PNG of the first screen at Desktop size.
func (t *tab) screenshot(ctx context.Context) ([]byte, error) {
	if t.vp != Desktop {
		if err := t.setViewport(ctx, Desktop); err != nil {
			return nil, err
		}
		if _, err := evaluate[bool](ctx, "screen("+strconv.FormatInt(Desktop.Width, 10)+")"); err != nil {
			return nil, fmt.Errorf("screenshot: %w", err)
		}
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return nil, fmt.Errorf("screenshot: %w", err)
	}
	return png, nil
}

// settle waits, after the load event, until no request is in flight, no
// timer is due within SettleCap and, when the page was busy, nothing changed
// for Quiet; or until SettleCap passed. It reports whether the page settled.
func (t *tab) settle(ctx context.Context) (bool, error) {
	o := t.b.opts
	deadline := time.Now().Add(o.SettleCap)
	poll := max(o.Quiet/3, 5*time.Millisecond)
	for first := true; ; first = false {
		st, err := evaluate[pageState](ctx, "state()")
		if err != nil {
			if ctx.Err() != nil {
				return false, err
			}
			// The page navigated by itself (a script, a meta refresh): its
			// new document is loading; ask again.
			st = pageState{Timers: 1}
		}
		t.mu.Lock()
		busy := len(t.inflight)
		sinceNet := time.Since(t.lastNet)
		t.mu.Unlock()
		quiet := min(time.Duration(st.Quiet*float64(time.Millisecond)), sinceNet)
		if busy == 0 && st.Timers == 0 && (first || quiet >= o.Quiet) {
			return true, nil
		}
		if time.Now().After(deadline) {
			return false, nil
		}
		select {
		case <-ctx.Done():
			return false, ctx.Err()
		case <-time.After(poll):
		}
	}
}

// evaluate calls one of measure.js's functions in the page.
func evaluate[T any](ctx context.Context, call string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T]("("+measureJS+")."+call, chromedp.EvalAwaitPromise))
}
