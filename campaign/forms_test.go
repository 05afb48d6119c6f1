package campaign

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/crawler/browser"
	"github.com/shopper-audit/shopper/internal/desk"
	"github.com/shopper-audit/shopper/probes/inquiry"
	"github.com/shopper-audit/shopper/store"
)

func needBrowser(t *testing.T) {
	t.Helper()
	if _, err := browser.Find(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs Chromium for the contact-form tests: %v", err)
		}
		t.Skipf("no Chromium: %v", err)
	}
}

// formRig is a campaign writing to the desk's contact forms.
func formRig(t *testing.T, forms *desk.Forms) *rig {
	t.Helper()
	text := strings.Replace(testFile, `companies:
  - {name: Acme, to: help@acme.example}
  - {name: Beta, to: care@beta.example}`, `companies:
  - {name: Acme, channel: form, to: "`+forms.URL+desk.FormClassic+`"}
  - {name: Beta, channel: form, to: "`+forms.URL+desk.FormRecaptcha+`"}`, 1)
	f, err := Parse("c.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	g := newRig(t)
	g.file, g.db = f, db
	return g
}

func TestContactFormsInChromium(t *testing.T) {
	needBrowser(t)
	forms := desk.ServeForms()
	defer forms.Close()
	g := formRig(t, forms)
	sender := &BrowserForms{Options: browser.Options{LoopbackOnly: true}, AllowPrivate: true}
	defer sender.Close()

	// The dry run shows the fields that would be filled, and submits
	// nothing.
	r := g.runner(false)
	r.Forms = sender
	if err := r.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	out := g.out.String()
	for _, want := range []string{"contact form at " + forms.URL + desk.FormClassic, "Fields that would be filled:", "Jo Bloggs", "jo+"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}
	if n := len(forms.Submissions()); n != 0 {
		t.Fatalf("the dry run submitted %d forms", n)
	}

	// Sent: the classic form once, the CAPTCHA form never.
	r = g.runner(true)
	r.Forms = sender
	if err := g.runUntilWatching(r); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v\n%s", err, g.out.String())
	}
	list := g.inquiries()
	if list[0].Status != store.StatusSent || list[1].Status != store.StatusBlocked || list[1].Reason == "" {
		t.Fatalf("Acme %s %q, Beta %s %q; want sent, and blocked with a reason", list[0].Status, list[0].Reason, list[1].Status, list[1].Reason)
	}
	subs := forms.Submissions()
	if len(subs) != 1 || subs[0].Path != desk.FormClassic || subs[0].Honeypot {
		t.Fatalf("submissions %+v, want one to %s without the honeypot", subs, desk.FormClassic)
	}
	if !strings.Contains(strings.Join(valuesOf(subs[0]), " "), "[ref "+list[0].Token+"]") {
		t.Errorf("the submission does not carry the token: %v", subs[0].Values)
	}
	r = g.runner(true)
	r.Forms = sender
	g.runUntilWatching(r)
	if n := len(forms.Submissions()); n != 1 {
		t.Fatalf("a second run submitted again: %d submissions", n)
	}
}

func valuesOf(s desk.Submission) []string {
	var out []string
	for _, vs := range s.Values {
		out = append(out, vs...)
	}
	return out
}

func TestContactFormWithoutChromiumIsRetried(t *testing.T) {
	forms := desk.ServeForms()
	defer forms.Close()
	g := formRig(t, forms)
	missing := &BrowserForms{Options: browser.Options{Path: filepath.Join(t.TempDir(), "no-chromium")}}
	r := g.runner(true)
	r.Forms = missing
	g.runUntilWatching(r)
	for _, q := range g.inquiries() {
		if q.Status != store.StatusFailed || !strings.HasPrefix(q.Reason, reasonNotSent) || !strings.Contains(q.Reason, "Chromium") {
			t.Fatalf("%s: %s %q, want failed, not sent, for want of Chromium", q.Company, q.Status, q.Reason)
		}
	}
	for _, c := range []string{"Acme: ", "Beta: "} {
		if n := strings.Count(g.out.String(), c); n != 1 || !strings.Contains(g.out.String(), "tried again on the next run") {
			t.Errorf("want one line for %s saying it is tried again:\n%s", c, g.out.String())
		}
	}
	needBrowser(t)
	sender := &BrowserForms{Options: browser.Options{LoopbackOnly: true}, AllowPrivate: true}
	defer sender.Close()
	r = g.runner(true)
	r.Forms = sender
	g.runUntilWatching(r)
	if q := g.inquiries()[0]; q.Status != store.StatusSent || len(forms.Submissions()) != 1 {
		t.Fatalf("with Chromium: %s %q, %d submissions; want sent once", q.Status, q.Reason, len(forms.Submissions()))
	}
}

// Without AllowPrivate a form page on a loopback address is refused by
// the address guard: nothing is submitted, and the error says the form
// was certainly not sent.
func TestFormPagesHeldToTheAddressGuard(t *testing.T) {
	needBrowser(t)
	forms := desk.ServeForms()
	defer forms.Close()
	sender := &BrowserForms{Options: browser.Options{LoopbackOnly: true}}
	defer sender.Close()
	_, err := sender.Submit(context.Background(), forms.URL+desk.FormClassic, inquiry.Persona{Name: "Jo Bloggs", Email: "jo@example.net"}, "Returns", "How do I return a chair?", false)
	if !errors.Is(err, inquiry.ErrNotSent) || errors.Is(err, inquiry.ErrMaybeSent) {
		t.Fatalf("Submit to a loopback page without AllowPrivate = %v, want an error wrapping inquiry.ErrNotSent only", err)
	}
	if !strings.Contains(err.Error(), "nothing was submitted") {
		t.Errorf("error %q does not say nothing was submitted", err)
	}
	if n := len(forms.Submissions()); n != 0 {
		t.Fatalf("the desk recorded %d submissions", n)
	}
}

// An error from the submit action on means the form may have been
// received.
func TestFormErrorAfterSubmitMaySend(t *testing.T) {
	needBrowser(t)
	forms := desk.ServeForms()
	defer forms.Close()
	sender := &BrowserForms{Options: browser.Options{LoopbackOnly: true}, AllowPrivate: true}
	defer sender.Close()
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	go func() {
		select {
		case <-forms.Arrivals():
			cancel() // the site has the form and holds its answer
		case <-ctx.Done():
		}
	}()
	_, err := sender.Submit(ctx, forms.URL+desk.FormHanging, inquiry.Persona{Name: "Jo Bloggs", Email: "jo@example.net"}, "Returns", "How do I return a chair?", false)
	if !errors.Is(err, inquiry.ErrMaybeSent) || errors.Is(err, inquiry.ErrNotSent) {
		t.Fatalf("Submit ended after the submit action = %v, want an error wrapping inquiry.ErrMaybeSent only", err)
	}
}

func TestNoBrowserIsNotSent(t *testing.T) {
	missing := &BrowserForms{Options: browser.Options{Path: filepath.Join(t.TempDir(), "no-chromium")}}
	_, err := missing.Submit(context.Background(), "http://127.0.0.1:1/contact", inquiry.Persona{}, "s", "b", false)
	if !errors.Is(err, ErrNoBrowser) || !errors.Is(err, inquiry.ErrNotSent) || strings.Contains(err.Error(), inquiry.ErrNotSent.Error()) {
		t.Fatalf("Submit without a browser = %q, want it to wrap ErrNoBrowser and inquiry.ErrNotSent and read as one sentence about Chromium", err)
	}
}

// A form page that could not be loaded (here refused by the address guard)
// sent nothing: the inquiry is left to be tried again, not marked for the
// operator as "unknown whether sent".
func TestContactFormNotLoadedIsRetried(t *testing.T) {
	needBrowser(t)
	forms := desk.ServeForms()
	defer forms.Close()
	g := formRig(t, forms)
	guarded := &BrowserForms{Options: browser.Options{LoopbackOnly: true}}
	defer guarded.Close()
	r := g.runner(true)
	r.Forms = guarded
	g.runUntilWatching(r)
	for _, q := range g.inquiries() {
		if q.Status != store.StatusFailed || !strings.HasPrefix(q.Reason, reasonNotSent) {
			t.Fatalf("%s: %s %q, want failed, not sent (to be tried again)", q.Company, q.Status, q.Reason)
		}
	}
	if n := len(forms.Submissions()); n != 0 {
		t.Fatalf("the desk recorded %d submissions", n)
	}
}
