package inquiry_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/crawler/browser"
	"github.com/shopper-audit/shopper/internal/desk"
	"github.com/shopper-audit/shopper/probes/inquiry"
)

// The form tests share one headless Chromium. They never skip in CI
// (CI=true): a missing browser fails there.
var (
	shared     *browser.Browser
	sharedErr  error
	sharedOnce sync.Once
)

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.Close()
	}
	os.Exit(code)
}

func testBrowser(t *testing.T) *browser.Browser {
	t.Helper()
	if _, err := browser.Find(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs a browser for the form tests: %v (scripts/test.sh installs chromium)", err)
		}
		t.Skipf("no browser: %v (scripts/test.sh installs chromium)", err)
	}
	sharedOnce.Do(func() {
		shared, sharedErr = browser.New(context.Background(), browser.Options{Tabs: 2, RenderTimeout: 10 * time.Second, LoopbackOnly: true})
	})
	if sharedErr != nil {
		t.Fatalf("start browser: %v", sharedErr)
	}
	return shared
}

var persona = inquiry.Persona{Name: "Ayşe Çelik", Email: "ayse+k2mfq7x3ab@shopper.example", Phone: "+90 212 555 0101"}

const question = "Can I return a jacket after 40 days?"

func submit(t *testing.T, f *desk.Forms, path string, dryRun bool) inquiry.FormResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := inquiry.SubmitForm(ctx, testBrowser(t), f.URL+path, persona, "Returns [ref k2mfq7x3ab]", question, dryRun)
	if err != nil {
		t.Fatalf("SubmitForm(%s): %v", path, err)
	}
	return res
}

func only(t *testing.T, f *desk.Forms) desk.Submission {
	t.Helper()
	subs := f.Submissions()
	if len(subs) != 1 {
		t.Fatalf("the desk recorded %d submissions, want 1: %+v", len(subs), subs)
	}
	if subs[0].Honeypot {
		t.Errorf("a honeypot field was filled: %v", subs[0].Values)
	}
	return subs[0]
}

func TestSubmitClassicForm(t *testing.T) {
	f := desk.ServeForms()
	defer f.Close()
	res := submit(t, f, desk.FormClassic, false)
	if res.Status != inquiry.StatusSent || !strings.Contains(res.Confirmation, "Thank you") || !strings.HasSuffix(res.URL, "/en/thank-you") {
		t.Errorf("result %+v, want sent with the thank-you page's thanks", res)
	}
	s := only(t, f)
	want := map[string]string{"your-name": persona.Name, "your-email": persona.Email, "your-phone": persona.Phone,
		"your-subject": "Returns [ref k2mfq7x3ab]", "your-message": question, "consent": "1", "website": ""}
	for k, v := range want {
		if got := s.Values.Get(k); got != v {
			t.Errorf("submitted %s = %q, want %q", k, got, v)
		}
	}
	if _, ok := res.Filled["website"]; ok {
		t.Errorf("Filled lists the honeypot: %v", res.Filled)
	}
	if res.Filled["your-email"] != inquiry.ValueEmail || res.Filled["consent"] != inquiry.ValueConsent {
		t.Errorf("Filled = %v", res.Filled)
	}
}

func TestSubmitAJAXForm(t *testing.T) {
	f := desk.ServeForms()
	defer f.Close()
	res := submit(t, f, desk.FormAJAX, false)
	if res.Status != inquiry.StatusSent || !strings.Contains(res.Confirmation, "Cảm ơn") {
		t.Errorf("result %+v, want sent with the page's thanks", res)
	}
	s := only(t, f)
	for k, v := range map[string]string{"ho_ten": persona.Name, "email": persona.Email, "dien_thoai": persona.Phone, "noi_dung": question, "hp": ""} {
		if got := s.Values.Get(k); got != v {
			t.Errorf("submitted %s = %q, want %q", k, got, v)
		}
	}
}

func TestSubmitTurkishForm(t *testing.T) {
	f := desk.ServeForms()
	defer f.Close()
	res := submit(t, f, desk.FormTurkish, false)
	if res.Status != inquiry.StatusSent || !strings.Contains(res.Confirmation, "Teşekkürler") {
		t.Errorf("result %+v, want sent with the page's thanks", res)
	}
	s := only(t, f)
	for k, v := range map[string]string{"ad": "Ayşe", "soyad": "Çelik", "eposta": persona.Email, "telefon": persona.Phone,
		"konu": "Returns [ref k2mfq7x3ab]", "mesaj": question, "kvkk": "on", "_gotcha": ""} {
		if got := s.Values.Get(k); got != v {
			t.Errorf("submitted %s = %q, want %q", k, got, v)
		}
	}
}

func TestSubmitValidationError(t *testing.T) {
	f := desk.ServeForms()
	defer f.Close()
	res := submit(t, f, desk.FormInvalid, false)
	if res.Status != inquiry.StatusFailed || !strings.Contains(res.Reason, "422") || !strings.Contains(res.Confirmation, "not valid") {
		t.Errorf("result %+v, want failed with HTTP 422 and the site's message", res)
	}
}

func TestSubmitNeverAttemptsCAPTCHA(t *testing.T) {
	f := desk.ServeForms()
	defer f.Close()
	for _, path := range []string{desk.FormRecaptcha, desk.FormRecaptchaV3, desk.FormHCaptcha, desk.FormTurnstile, desk.FormImageCaptcha} {
		for _, dry := range []bool{false, true} {
			res := submit(t, f, path, dry)
			if res.Status != inquiry.StatusBlocked || !strings.Contains(res.Reason, "CAPTCHA") {
				t.Errorf("%s (dry run %v): result %+v, want blocked by a CAPTCHA", path, dry, res)
			}
		}
	}
	if subs := f.Submissions(); len(subs) != 0 {
		t.Errorf("the desk recorded %d submissions, want none", len(subs))
	}
}

func TestSubmitDryRun(t *testing.T) {
	f := desk.ServeForms()
	defer f.Close()
	for _, path := range []string{desk.FormClassic, desk.FormAJAX, desk.FormTurkish} {
		res := submit(t, f, path, true)
		if res.Status != inquiry.StatusDryRun || len(res.Filled) < 3 {
			t.Errorf("%s: result %+v, want a dry run listing the fields", path, res)
		}
		for field, v := range res.Filled {
			if field == "website" || field == "hp" || field == "_gotcha" || field == "q" || field == "email" && v == "" {
				t.Errorf("%s: dry run would fill %q", path, field)
			}
		}
	}
	if subs := f.Submissions(); len(subs) != 0 {
		t.Errorf("the desk recorded %d submissions in dry runs, want none", len(subs))
	}
}

// A page that does not load was certainly not submitted: the error wraps
// ErrNotSent, and says so.
func TestSubmitFormPageNotLoadedIsNotSent(t *testing.T) {
	f := desk.ServeForms()
	gone := f.URL + desk.FormClassic
	f.Close() // nothing listens there any more
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := inquiry.SubmitForm(ctx, testBrowser(t), gone, persona, "Returns", question, false)
	if !errors.Is(err, inquiry.ErrNotSent) || errors.Is(err, inquiry.ErrMaybeSent) {
		t.Fatalf("SubmitForm(a page that does not load) = %v, want an error wrapping ErrNotSent only", err)
	}
	if !strings.Contains(err.Error(), "nothing was submitted") {
		t.Errorf("error %q does not say nothing was submitted", err)
	}
}

// An error after the submit action (here the run ends while the site
// holds its answer) may leave the form received: the error wraps
// ErrMaybeSent.
func TestSubmitFormErrorAfterSubmitMaySend(t *testing.T) {
	f := desk.ServeForms()
	defer f.Close()
	b := testBrowser(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	go func() {
		select {
		case <-f.Arrivals():
			cancel() // the site has the form; the run ends before it answers
		case <-ctx.Done():
		}
	}()
	_, err := inquiry.SubmitForm(ctx, b, f.URL+desk.FormHanging, persona, "Returns", question, false)
	if !errors.Is(err, inquiry.ErrMaybeSent) || errors.Is(err, inquiry.ErrNotSent) {
		t.Fatalf("SubmitForm ended after the submit = %v, want an error wrapping ErrMaybeSent only", err)
	}
	if !strings.Contains(err.Error(), "may have been submitted") {
		t.Errorf("error %q does not say the form may have been submitted", err)
	}
	if n := len(f.Submissions()); n != 1 {
		t.Errorf("the desk recorded %d submissions, want 1", n)
	}
}

// A page answered with an HTTP error did not load, whatever it shows.
func TestSubmitFormHTTPErrorPageIsNotSent(t *testing.T) {
	posted := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			posted <- struct{}{}
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, `<!doctype html><title>Contact</title><form method="post"><input name="name" placeholder="Name"><input type="email" name="email" placeholder="Email"><textarea name="message" placeholder="Message"></textarea><button>Send</button></form>`)
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := inquiry.SubmitForm(ctx, testBrowser(t), srv.URL+"/contact", persona, "Returns", question, false)
	if !errors.Is(err, inquiry.ErrNotSent) || !strings.Contains(err.Error(), "HTTP 503") {
		t.Fatalf("SubmitForm(a page answered 503) = %v, want an error wrapping ErrNotSent that names HTTP 503", err)
	}
	if len(posted) != 0 {
		t.Error("the form of an error page was submitted")
	}
}
