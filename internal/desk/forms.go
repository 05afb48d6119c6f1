package desk

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"time"
)

// Paths of the contact-form pages Forms serves.
const (
	// FormClassic: an English contact page whose form posts and is
	// redirected to a thank-you page. It also has a search box and a
	// newsletter sign-up, a required consent box, and a honeypot field
	// "website" moved off-screen.
	FormClassic = "/en/contact"
	// FormAJAX: a Vietnamese page whose form is sent with fetch(); the
	// page stays and shows its thanks. Its honeypot "hp" is display:none.
	FormAJAX = "/vi/lien-he"
	// FormTurkish: a Turkish page with first and last name and a required
	// KVKK consent box, posting to itself and thanking on the same page.
	FormTurkish = "/tr/iletisim"
	// FormInvalid: a form whose server answers 422 with a validation
	// message.
	FormInvalid = "/en/contact-invalid"
	// FormHanging: a form whose server records the submission and then
	// never answers, until the browser gives up or Forms is closed.
	FormHanging = "/en/contact-hanging"
	// FormRecaptcha, FormRecaptchaV3, FormHCaptcha, FormTurnstile and
	// FormImageCaptcha are forms guarded by a CAPTCHA.
	FormRecaptcha    = "/en/captcha/recaptcha"
	FormRecaptchaV3  = "/en/captcha/recaptcha-v3"
	FormHCaptcha     = "/en/captcha/hcaptcha"
	FormTurnstile    = "/en/captcha/turnstile"
	FormImageCaptcha = "/en/captcha/image"
)

// Honeypots are the names of the desk forms' honeypot fields.
var Honeypots = []string{"website", "hp", "_gotcha"}

// Submission is one form submission the desk received.
type Submission struct {
	// Path is the page whose form was submitted.
	Path string
	// Values are the submitted fields.
	Values url.Values
	// Honeypot is true when a honeypot field was filled in: a robot's
	// submission.
	Honeypot bool
	// Time is when it arrived.
	Time time.Time
}

// Forms serves the contact-form pages on loopback and records what is
// submitted. Close it when done.
type Forms struct {
	*httptest.Server

	quit    chan struct{} // closed by Close: hanging requests end
	arrived chan Submission

	mu   sync.Mutex
	subs []Submission
}

// ServeForms starts the form pages on 127.0.0.1.
func ServeForms() *Forms {
	f := &Forms{quit: make(chan struct{}), arrived: make(chan Submission, 100)}
	mux := http.NewServeMux()
	page := func(path, body string) {
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, _ *http.Request) { html(w, http.StatusOK, body) })
	}
	page(FormClassic, classicPage)
	mux.HandleFunc("POST "+FormClassic, func(w http.ResponseWriter, r *http.Request) {
		f.record(FormClassic, r)
		http.Redirect(w, r, "/en/thank-you", http.StatusSeeOther)
	})
	page("/en/thank-you", shell("en", "Thank you", `<h1>Thank you!</h1><p class="lead">Your message has been received. We will get back to you within one business day.</p>`))
	page(FormAJAX, ajaxPage)
	mux.HandleFunc("POST /vi/api/contact", func(w http.ResponseWriter, r *http.Request) {
		f.record(FormAJAX, r)
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"ok": true})
	})
	page(FormTurkish, turkishPage(""))
	mux.HandleFunc("POST "+FormTurkish, func(w http.ResponseWriter, r *http.Request) {
		f.record(FormTurkish, r)
		html(w, http.StatusOK, turkishPage(`<div class="alert alert-success">Teşekkürler, mesajınız alındı. En kısa sürede dönüş yapacağız.</div>`))
	})
	page(FormInvalid, invalidPage(FormInvalid, ""))
	mux.HandleFunc("POST "+FormInvalid, func(w http.ResponseWriter, r *http.Request) {
		f.record(FormInvalid, r)
		html(w, http.StatusUnprocessableEntity, invalidPage(FormInvalid, `<div class="error" role="alert">Please correct the errors below: the order number is not valid.</div>`))
	})
	page(FormHanging, invalidPage(FormHanging, ""))
	mux.HandleFunc("POST "+FormHanging, func(w http.ResponseWriter, r *http.Request) {
		f.record(FormHanging, r)
		select {
		case <-r.Context().Done():
		case <-f.quit:
		}
	})
	captcha := map[string]string{
		FormRecaptcha:    `<div class="g-recaptcha" data-sitekey="6LcXXXX"></div><script src="https://www.google.com/recaptcha/api.js" async defer></script>`,
		FormRecaptchaV3:  `<script src="https://www.google.com/recaptcha/api.js?render=6LcXXXX"></script>`,
		FormHCaptcha:     `<div class="h-captcha" data-sitekey="10000000-ffff"></div><script src="https://js.hcaptcha.com/1/api.js" async defer></script>`,
		FormTurnstile:    `<div class="cf-turnstile" data-sitekey="0x4AAA"></div><script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer></script>`,
		FormImageCaptcha: `<p><img src="/captcha.png" alt="captcha"><label for="cap">Enter the code shown</label><input id="cap" name="captcha_code" required></p>`,
	}
	for path, widget := range captcha {
		page(path, captchaPage(path, widget))
		mux.HandleFunc("POST "+path, func(w http.ResponseWriter, r *http.Request) {
			f.record(path, r)
			http.Redirect(w, r, "/en/thank-you", http.StatusSeeOther)
		})
	}
	f.Server = httptest.NewServer(mux)
	return f
}

func (f *Forms) record(path string, r *http.Request) {
	_ = r.ParseMultipartForm(1 << 20) // also parses url-encoded bodies
	s := Submission{Path: path, Values: r.PostForm, Time: time.Now()}
	for _, h := range Honeypots {
		if r.PostForm.Get(h) != "" {
			s.Honeypot = true
		}
	}
	f.mu.Lock()
	f.subs = append(f.subs, s)
	f.mu.Unlock()
	select {
	case f.arrived <- s:
	default: // nobody is listening
	}
}

// Arrivals receives each submission as it arrives (up to 100 not yet
// received are kept).
func (f *Forms) Arrivals() <-chan Submission { return f.arrived }

// Close ends the requests still waiting for an answer (FormHanging) and
// stops the server.
func (f *Forms) Close() {
	f.mu.Lock()
	select {
	case <-f.quit:
	default:
		close(f.quit)
	}
	f.mu.Unlock()
	f.Server.Close()
}

// Submissions returns the submissions so far, oldest first.
func (f *Forms) Submissions() []Submission {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.subs)
}

func html(w http.ResponseWriter, code int, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	fmt.Fprint(w, body)
}

func shell(lang, title, main string) string {
	return `<!doctype html><html lang="` + lang + `"><head><meta charset="utf-8"><title>` + title + `</title>
<style>.hidden-field{position:absolute;left:-9999px;top:-9999px}.d-none{display:none}</style></head><body>` + main + `</body></html>`
}

var classicPage = shell("en", "Contact us", `
<header><form role="search" action="/en/search"><input type="search" name="q" placeholder="Search products"><button>Search</button></form></header>
<main><h1>Contact us</h1><p>Questions about an order? Write to us.</p>
<form method="post" action="/en/contact" id="contact-form">
 <p><label for="cf-name">Your name</label> <input id="cf-name" name="your-name" required></p>
 <p><label for="cf-email">Email address</label> <input id="cf-email" type="email" name="your-email" required></p>
 <p><label for="cf-phone">Phone (optional)</label> <input id="cf-phone" type="tel" name="your-phone"></p>
 <p><label for="cf-subject">Subject</label> <input id="cf-subject" name="your-subject"></p>
 <p><label for="cf-msg">How can we help?</label> <textarea id="cf-msg" name="your-message" required></textarea></p>
 <div class="hidden-field" aria-hidden="true"><label for="cf-web">Website</label><input id="cf-web" name="website" tabindex="-1" autocomplete="off"></div>
 <p><label><input type="checkbox" name="consent" value="1" required> I agree to the privacy policy</label></p>
 <p><button type="submit">Send message</button></p>
</form></main>
<footer><h3>Subscribe to our newsletter</h3><form action="/en/newsletter" method="post"><input type="email" name="email" placeholder="Your email"><button>Subscribe</button></form></footer>`)

var ajaxPage = shell("vi", "Liên hệ", `
<main><h1>Liên hệ với chúng tôi</h1>
<form id="lh" action="/vi/api/contact" method="post">
 <div><input name="ho_ten" placeholder="Họ và tên *" required></div>
 <div><input name="email" placeholder="Email *" required></div>
 <div><input name="dien_thoai" placeholder="Số điện thoại"></div>
 <div><textarea name="noi_dung" placeholder="Nội dung tin nhắn *" required></textarea></div>
 <div class="d-none"><input name="hp"></div>
 <button type="submit">Gửi tin nhắn</button>
</form><div id="kq"></div></main>
<script>
document.getElementById('lh').addEventListener('submit', function(e){
  e.preventDefault();
  var f = e.target;
  fetch(f.action, {method: 'POST', body: new FormData(f)}).then(function(r){ return r.json(); }).then(function(j){
    setTimeout(function(){
      if (j.ok) { f.style.display = 'none'; document.getElementById('kq').innerHTML = '<div class="alert alert-success">Cảm ơn bạn! Chúng tôi đã nhận được tin nhắn và sẽ phản hồi sớm.</div>'; }
    }, 50);
  });
});
</script>`)

func turkishPage(result string) string {
	return shell("tr", "İletişim", `<main><h1>İletişim</h1>`+result+`
<form method="post" action="/tr/iletisim">
 <label>Adınız <input name="ad" required></label>
 <label>Soyadınız <input name="soyad" required></label>
 <label>E-posta adresiniz <input type="email" name="eposta" required></label>
 <label>Telefon numaranız <input type="tel" name="telefon"></label>
 <label>Konu <input name="konu"></label>
 <label>Mesajınız <textarea name="mesaj" required></textarea></label>
 <input type="text" name="_gotcha" style="display:none">
 <label><input type="checkbox" name="kvkk" required> KVKK aydınlatma metnini okudum, onaylıyorum.</label>
 <button type="submit">Gönder</button>
</form></main>`)
}

func invalidPage(path, result string) string {
	return shell("en", "Contact", `<main><h1>Contact</h1>`+result+`
<form method="post" action="`+path+`">
 <input name="name" placeholder="Name" required>
 <input type="email" name="email" placeholder="Email" required>
 <textarea name="message" placeholder="Message" required></textarea>
 <button type="submit">Send</button>
</form></main>`)
}

func captchaPage(path, widget string) string {
	return shell("en", "Contact", `<main><h1>Contact us</h1>
<form method="post" action="`+path+`">
 <input name="name" placeholder="Name" required>
 <input type="email" name="email" placeholder="Email" required>
 <textarea name="message" placeholder="Message" required></textarea>
 `+widget+`
 <button type="submit">Send</button>
</form></main>`)
}
