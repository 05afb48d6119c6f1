package inquiry

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/shopper-audit/shopper/crawler/browser"
	"github.com/shopper-audit/shopper/probes/fold"
)

// Statuses of a FormResult.
const (
	// StatusSent: the form was submitted and the page confirmed it.
	StatusSent = "sent"
	// StatusFailed: the form could not be submitted (none found, a field
	// it requires could not be filled) or the site refused it (a
	// validation message, an HTTP error). Nothing was received, as far as
	// the page tells.
	StatusFailed = "failed"
	// StatusBlocked: a CAPTCHA guards the form; it was not attempted.
	StatusBlocked = "blocked"
	// StatusUnconfirmed: the form was submitted, but the page showed
	// neither a confirmation nor an error. It may have been received: do
	// not submit it again.
	StatusUnconfirmed = "unconfirmed"
	// StatusDryRun: a dry run; nothing was filled or submitted.
	StatusDryRun = "dry-run"
)

// Persona values a form field is filled with, as FormResult.Filled names
// them.
const (
	ValueName      = "name"
	ValueFirstName = "first name"
	ValueLastName  = "last name"
	ValueEmail     = "email"
	ValuePhone     = "phone"
	ValueSubject   = "subject"
	ValueMessage   = "message"
	ValueConsent   = "consent"
	ValueChoice    = "first choice"
)

// FormResult is the outcome of one contact-form inquiry.
type FormResult struct {
	// Status is StatusSent, StatusFailed, StatusBlocked,
	// StatusUnconfirmed or StatusDryRun.
	Status string `json:"status"`
	// Reason says why, in one sentence.
	Reason string `json:"reason,omitempty"`
	// Confirmation is the page's own words after submitting: its thanks,
	// or its error, as evidence.
	Confirmation string `json:"confirmation,omitempty"`
	// Filled maps each field filled (or, in a dry run, to be filled), by
	// its name, id or label, to the persona value put in it (ValueName,
	// ValueEmail, ...).
	Filled map[string]string `json:"filled,omitempty"`
	// URL is the page's address after submitting.
	URL string `json:"url,omitempty"`
}

//go:embed js/form.js
var formJS string

// scanned is what form.js's scan returns.
type scanned struct {
	Captcha string     `json:"captcha"`
	Forms   []formScan `json:"forms"`
	Text    string     `json:"text"`
}

type formScan struct {
	Index   int         `json:"index"`
	Action  string      `json:"action"`
	Method  string      `json:"method"`
	Role    string      `json:"role"`
	Attrs   string      `json:"attrs"`
	Buttons string      `json:"buttons"`
	Around  string      `json:"around"`
	Fields  []fieldScan `json:"fields"`
}

type fieldScan struct {
	Index        int      `json:"index"`
	Tag          string   `json:"tag"`
	Type         string   `json:"type"`
	Name         string   `json:"name"`
	ID           string   `json:"id"`
	Placeholder  string   `json:"placeholder"`
	Aria         string   `json:"aria"`
	Title        string   `json:"title"`
	Autocomplete string   `json:"autocomplete"`
	Label        string   `json:"label"`
	Required     bool     `json:"required"`
	Hidden       string   `json:"hidden"`
	Options      []string `json:"options"`
}

type outcome struct {
	URL     string `json:"url"`
	Status  int    `json:"status"`
	Text    string `json:"text"`
	Success string `json:"success"`
	Error   string `json:"error"`
}

type submitted struct {
	OK      bool   `json:"ok"`
	Message string `json:"message"`
}

// confirmWait bounds the wait for a page's answer after submitting.
const confirmWait = 10 * time.Second

// SubmitForm opens pageURL in b, finds the form a customer writes through
// (not a search box, a newsletter sign-up or a log-in), fills it with the
// persona, subject and body, submits it and reads the page's answer.
//
// A page with a CAPTCHA (reCAPTCHA v2 or v3, hCaptcha, Cloudflare
// Turnstile, an image code) is never attempted: StatusBlocked. Honeypot
// fields (hidden by CSS, off-screen, aria-hidden, tabindex=-1, or named as
// traps) stay empty. With dryRun nothing is filled or submitted: the
// result lists what would be filled (StatusDryRun).
//
// After submitting, a thank-you text (English, Vietnamese, Turkish,
// German, French, Spanish), a thank-you page or a success element makes
// StatusSent; a validation message or an HTTP error StatusFailed; neither
// StatusUnconfirmed. The error is for failures of the browser or a page
// that cannot be loaded (an HTTP error included); a page without a
// contact form is StatusFailed.
// Every error wraps ErrNotSent when nothing was submitted (the page did
// not load, or the browser failed or ctx ended before the submit action;
// submitting later is safe) or ErrMaybeSent when it came from the submit
// action on (the site may have received the form: do not submit it
// again).
func SubmitForm(ctx context.Context, b *browser.Browser, pageURL string, p Persona, subject, body string, dryRun bool) (FormResult, error) {
	var res FormResult
	submitting := false
	err := b.Drive(ctx, pageURL, func(pg *browser.Page) error {
		var err error
		res, err = submitOn(pg, p, subject, body, dryRun, &submitting)
		return err
	})
	if err != nil {
		if submitting {
			return FormResult{}, &formError{kind: ErrMaybeSent, msg: "contact form " + pageURL + ": it may have been submitted", err: err}
		}
		return FormResult{}, &formError{kind: ErrNotSent, msg: "contact form " + pageURL + ": nothing was submitted", err: err}
	}
	return res, nil
}

// formError is a SubmitForm error: its text says whether the form may
// have been submitted, and it wraps both kind (ErrNotSent or
// ErrMaybeSent) and the cause.
type formError struct {
	kind error
	msg  string
	err  error
}

func (e *formError) Error() string   { return e.msg + ": " + e.err.Error() }
func (e *formError) Unwrap() []error { return []error{e.kind, e.err} }

func call[T any](pg *browser.Page, expr string) (T, error) {
	return chromedp.Run(pg.Context(), chromedp.Evaluate[T]("("+formJS+")."+expr, chromedp.EvalAwaitPromise))
}

// submitOn fills and submits the page's contact form; it sets
// *submitting just before the submit action, from which on the form may
// have been received.
func submitOn(pg *browser.Page, p Persona, subject, body string, dryRun bool, submitting *bool) (FormResult, error) {
	// A page answered with an HTTP error did not load: an error page, or
	// the browser's empty page for an address its guard refused.
	loaded, err := call[outcome](pg, "outcome()")
	if err != nil {
		return FormResult{}, fmt.Errorf("read the page: %w", err)
	}
	if loaded.Status >= 400 {
		return FormResult{}, fmt.Errorf("the page did not load: HTTP %d", loaded.Status)
	}
	sc, err := call[scanned](pg, "scan()")
	if err != nil {
		return FormResult{}, fmt.Errorf("read the page's forms: %w", err)
	}
	if sc.Captcha != "" {
		return FormResult{Status: StatusBlocked, Reason: "the form is guarded by a CAPTCHA (" + sc.Captcha + "); it is never attempted"}, nil
	}
	f, ok := chooseForm(sc.Forms)
	if !ok {
		return FormResult{Status: StatusFailed, Reason: "no contact form found on the page"}, nil
	}
	plan, filled, missing := planFill(f, p, subject, body)
	if missing != "" {
		return FormResult{Status: StatusFailed, Reason: "the form requires a field the persona cannot fill: " + missing, Filled: filled}, nil
	}
	if dryRun {
		return FormResult{Status: StatusDryRun, Reason: "dry run: nothing filled or submitted", Filled: filled}, nil
	}
	planJSON, _ := json.Marshal(plan)
	if _, err := call[bool](pg, "fill("+strconv.Itoa(f.Index)+", "+string(planJSON)+")"); err != nil {
		return FormResult{}, fmt.Errorf("fill the form: %w", err)
	}
	before, err := call[outcome](pg, "outcome()")
	if err != nil {
		return FormResult{}, fmt.Errorf("read the page: %w", err)
	}
	*submitting = true
	sub, err := call[submitted](pg, "submit("+strconv.Itoa(f.Index)+")")
	if err != nil {
		return FormResult{}, fmt.Errorf("submit the form: %w", err)
	}
	if !sub.OK {
		return FormResult{Status: StatusFailed, Reason: "the browser would not submit the form: " + sub.Message, Filled: filled}, nil
	}
	res := FormResult{Filled: filled}
	deadline := time.Now().Add(confirmWait)
	// A verdict read while the new page shows no text yet (its URL or
	// status known, its content not) waits a little for the page's words.
	var early *FormResult
	var earlyUntil time.Time
	for {
		_, _ = pg.Settle()
		after, err := call[outcome](pg, "outcome()")
		if err == nil {
			if v, done := judge(before, after, pg.Dialogs()); done {
				if v.Confirmation != "" || strings.TrimSpace(after.Text) != "" || early != nil && time.Now().After(earlyUntil) {
					res.Status, res.Reason, res.Confirmation, res.URL = v.Status, v.Reason, v.Confirmation, after.URL
					return res, nil
				}
				if early == nil {
					earlyUntil = time.Now().Add(2 * time.Second)
				}
				v.URL = after.URL
				early = &v
			}
			res.URL = after.URL
		}
		if pg.Context().Err() != nil {
			return FormResult{}, pg.Context().Err()
		}
		if time.Now().After(deadline) {
			break
		}
		select {
		case <-pg.Context().Done():
		case <-time.After(100 * time.Millisecond):
		}
	}
	if early != nil {
		res.Status, res.Reason, res.Confirmation, res.URL = early.Status, early.Reason, early.Confirmation, early.URL
		return res, nil
	}
	res.Status, res.Reason = StatusUnconfirmed, "the form was submitted, but the page showed neither thanks nor an error"
	return res, nil
}

// judge reads the page after submitting: done is false while it shows
// nothing new.
func judge(before, after outcome, dialogs []string) (FormResult, bool) {
	added := newText(before.Text, after.Text)
	navigated := after.URL != before.URL
	if after.Status >= 400 && navigated || after.Status >= 400 && after.Status != before.Status {
		return FormResult{Status: StatusFailed, Reason: fmt.Sprintf("the site answered HTTP %d", after.Status), Confirmation: clipText(firstOf(after.Error, added))}, true
	}
	for _, s := range append([]string{after.Success, added}, dialogs...) {
		if s != "" && hasPhrase(s, foldedThanks) && !(s == after.Success && s == before.Success) {
			return FormResult{Status: StatusSent, Reason: "the page thanked for the message", Confirmation: clipText(sentenceWith(s, foldedThanks))}, true
		}
	}
	if navigated {
		if u, err := url.Parse(after.URL); err == nil && hasPhrase(strings.NewReplacer("-", " ", "_", " ", "/", " ").Replace(u.Path), foldedThanks) {
			return FormResult{Status: StatusSent, Reason: "the site went on to a thank-you page", Confirmation: clipText(firstOf(after.Success, added))}, true
		}
	}
	for _, s := range append([]string{after.Error, added}, dialogs...) {
		if s != "" && hasPhrase(s, foldedErrors) && s != before.Error {
			return FormResult{Status: StatusFailed, Reason: "the site refused the message", Confirmation: clipText(sentenceWith(s, foldedErrors))}, true
		}
	}
	return FormResult{}, false
}

// newText returns the lines of after that before did not have.
func newText(before, after string) string {
	had := map[string]bool{}
	for _, l := range strings.Split(before, "\n") {
		had[strings.TrimSpace(l)] = true
	}
	var out []string
	for _, l := range strings.Split(after, "\n") {
		if l = strings.TrimSpace(l); l != "" && !had[l] {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// sentenceWith returns the line of s holding one of the phrases, or s.
func sentenceWith(s string, phrases []string) string {
	for _, l := range strings.Split(s, "\n") {
		if hasPhrase(l, phrases) {
			return strings.TrimSpace(l)
		}
	}
	return s
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func clipText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 300 {
		return string(r[:300]) + "…"
	}
	return s
}

func hasPhrase(s string, phrases []string) bool {
	f := fold.Fold(s)
	for _, p := range phrases {
		if fold.HasPhrase(f, p) {
			return true
		}
	}
	return false
}
