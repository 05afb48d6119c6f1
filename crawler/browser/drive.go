package browser

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Page is a page loaded in a tab lent to a caller by Drive, for
// interactions Render does not make: filling and submitting a form, say.
// The tab's rules hold: requests to other sites than the page's are
// blocked, as in Render. A Page is valid only inside Drive's fn.
type Page struct {
	t   *tab
	ctx context.Context

	mu      sync.Mutex
	dialogs []string
}

// Context returns the context whose chromedp target is the page's tab:
// pass it to chromedp.Run. It ends when Drive's ctx ends.
func (p *Page) Context() context.Context { return p.ctx }

// Settle waits, as Render does after loading a page, until the page goes
// quiet (no request in flight, no timer due, nothing changing) or SettleCap
// passed; it follows a navigation the page started. It reports whether the
// page settled.
func (p *Page) Settle() (bool, error) { return p.t.settle(p.ctx) }

// Requests returns the URLs the page tried to load since Drive loaded it,
// blocked ones included, each once.
func (p *Page) Requests() []string {
	p.t.mu.Lock()
	defer p.t.mu.Unlock()
	return slices.Clone(p.t.requests)
}

// Dialogs returns the messages of the JavaScript dialogs (alert, confirm,
// prompt) the page opened; each was accepted at once, as a visitor would
// click OK.
func (p *Page) Dialogs() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.dialogs)
}

// Drive loads pageURL in a free tab, waits for it to settle, and calls fn
// with the page. RenderTimeout bounds the load and settling; ctx bounds
// the whole, fn included. The tab returns to the pool afterwards, unless
// it failed or ctx ended, when it is replaced. An error of fn is returned
// as it is; a page that could not be loaded gives an error saying so. With
// Options.Dial, a page whose address Dial refused (the page's own, a
// redirect's or a script navigation's) gives an error wrapping Dial's,
// and fn is not called.
func (b *Browser) Drive(ctx context.Context, pageURL string, fn func(*Page) error) error {
	select {
	case b.slots <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("drive %s: waiting for a tab: %w", pageURL, ctx.Err())
	}
	defer func() { <-b.slots }()
	t, err := b.tab(ctx)
	if err != nil {
		return fmt.Errorf("drive %s: %w", pageURL, err)
	}
	dctx, cancel := context.WithCancelCause(t.ctx)
	defer cancel(nil)
	defer context.AfterFunc(ctx, func() { cancel(ctx.Err()) })()
	t.begin(pageURL, cancel)
	defer t.end()
	p := &Page{t: t, ctx: dctx}
	_ = chromedp.Listen(dctx, func(ev any) {
		if ev, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			p.mu.Lock()
			p.dialogs = append(p.dialogs, ev.Message)
			p.mu.Unlock()
			go func() {
				_, _ = chromedp.Call(dctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
			}()
		}
	})

	ok := false
	defer func() {
		if ok && dctx.Err() == nil && !t.proc.dead() {
			b.put(t)
		} else {
			b.discard(t)
		}
	}()
	began := time.Now()
	lctx, lcancel := context.WithTimeout(dctx, b.opts.RenderTimeout)
	if t.vp != Desktop {
		if err := t.setViewport(lctx, Desktop); err != nil {
			lcancel()
			return fmt.Errorf("drive %s: %w", pageURL, err)
		}
	}
	err = chromedp.Do(lctx, chromedp.Navigate(pageURL))
	if err == nil {
		_, err = t.settle(lctx)
	}
	var where string
	if err == nil && b.proxy != nil {
		// Where the page settled, to tell a page from the proxy's empty
		// answer for an address Dial refused.
		where, err = chromedp.Run(lctx, chromedp.Evaluate[string]("location.href"))
	}
	lcancel()
	switch {
	case err != nil && ctx.Err() != nil:
		return fmt.Errorf("drive %s: %w", pageURL, ctx.Err())
	case err != nil && errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("drive %s: %w (%s)", pageURL, ErrTimeout, b.opts.RenderTimeout)
	case err != nil:
		ok = !t.proc.dead() // the page failed; the tab is fine
		// A tunnel the proxy refused (https) fails the load: say why.
		if hp, why := t.refusal(began, append([]string{pageURL}, t.documents()...)...); why != nil {
			return fmt.Errorf("drive %s: %s: %w", pageURL, hp, why)
		}
		return fmt.Errorf("drive %s: load: %w", pageURL, err)
	}
	if hp, why := t.refusal(began, where); why != nil {
		// The proxy answered for an address Dial refused: the browser
		// shows its empty page, which is no page to drive.
		ok = true
		return fmt.Errorf("drive %s: %s: %w", pageURL, hp, why)
	}
	err = fn(p)
	ok = ctx.Err() == nil
	return err
}
