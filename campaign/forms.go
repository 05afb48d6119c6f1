package campaign

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/crawler/browser"
	"github.com/shopper-audit/shopper/probes/inquiry"
)

// ErrNoBrowser is wrapped by a FormSender's error when no browser could be
// started: nothing was filled or submitted, so the inquiry is tried again
// on the next run. Such an error wraps inquiry.ErrNotSent too.
var ErrNoBrowser = errors.New("the contact form needs headless Chromium")

// noBrowserError says why no browser started; it wraps ErrNoBrowser,
// inquiry.ErrNotSent and the cause.
type noBrowserError struct{ err error }

func (e noBrowserError) Error() string   { return ErrNoBrowser.Error() + ": " + e.err.Error() }
func (e noBrowserError) Unwrap() []error { return []error{ErrNoBrowser, inquiry.ErrNotSent, e.err} }

// BrowserForms sends contact-form inquiries with inquiry.SubmitForm in one
// headless Chromium, started on the first form and shared. Close stops it.
type BrowserForms struct {
	// Options start the browser. The zero value finds Chromium with
	// browser.Find (CHROME_PATH, else chromium on PATH). A nil Dial is
	// set to crawler.Dialer with AllowPrivate, so that form pages, their
	// redirects and what they load are held to the crawl's address guard.
	Options browser.Options
	// AllowPrivate lets form pages reach private, loopback and link-local
	// addresses (the campaign's --allow-private). Default false: they are
	// refused, and such a form is not submitted.
	AllowPrivate bool

	mu  sync.Mutex
	b   *browser.Browser
	err error
}

var _ FormSender = (*BrowserForms)(nil)

func (f *BrowserForms) browser(ctx context.Context) (*browser.Browser, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.b == nil && f.err == nil {
		opts := f.Options
		if opts.Path == "" {
			path, err := browser.Find()
			if err != nil {
				f.err = noBrowserError{err}
				return nil, f.err
			}
			opts.Path = path
		}
		if opts.Dial == nil {
			opts.Dial = crawler.Dialer(crawler.Options{AllowPrivate: f.AllowPrivate})
		}
		// The browser outlives the form that started it.
		f.b, f.err = browser.New(context.WithoutCancel(ctx), opts)
		if f.err != nil {
			f.err = noBrowserError{f.err}
		}
	}
	return f.b, f.err
}

// Submit fills and, unless dryRun, submits the contact form at pageURL.
// An unconfirmed submission counts as sent (it may have been received),
// with the reason saying so. An error wraps inquiry.ErrNotSent when
// nothing was submitted (no browser, a page that did not load or was
// refused by the address guard, a failure before the submit action): the
// inquiry can be tried again. Any other error (inquiry.ErrMaybeSent) came
// from the submit action on: the form may have been received.
func (f *BrowserForms) Submit(ctx context.Context, pageURL string, p inquiry.Persona, subject, body string, dryRun bool) (FormResult, error) {
	b, err := f.browser(ctx)
	if err != nil {
		return FormResult{}, err
	}
	res, err := inquiry.SubmitForm(ctx, b, pageURL, p, subject, body, dryRun)
	out := FormResult{Status: res.Status, Reason: res.Reason}
	if res.Status == inquiry.StatusUnconfirmed {
		out.Status, out.Reason = "sent", "the page neither confirmed nor refused it: "+res.Reason
	}
	for field, kind := range res.Filled {
		out.Filled = append(out.Filled, fmt.Sprintf("%s: %s", field, personaValue(kind, p, subject, body)))
	}
	sort.Strings(out.Filled)
	if err != nil {
		return out, err // it names the page and says whether it was submitted
	}
	return out, nil
}

// personaValue shows what a field of the kind is filled with.
func personaValue(kind string, p inquiry.Persona, subject, body string) string {
	switch kind {
	case inquiry.ValueName:
		return p.Name
	case inquiry.ValueEmail:
		return p.Email
	case inquiry.ValuePhone:
		return p.Phone
	case inquiry.ValueSubject:
		return subject
	case inquiry.ValueFirstName, inquiry.ValueLastName:
		first, last, _ := strings.Cut(p.Name, " ")
		if kind == inquiry.ValueFirstName {
			return first
		}
		return last
	case inquiry.ValueConsent:
		return "ticked"
	case inquiry.ValueChoice:
		return "the first choice"
	case inquiry.ValueMessage:
		return fmt.Sprintf("the inquiry's text (%d characters)", len([]rune(body)))
	}
	return "(" + kind + ")"
}

// Close stops the browser, if it started.
func (f *BrowserForms) Close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.b != nil {
		f.b.Close()
		f.b = nil
	}
}
