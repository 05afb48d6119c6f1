package audit

import (
	"context"
	"encoding/json"
	"github.com/shopper-audit/shopper/internal/fixture"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

var pages = map[string]string{
	"/": `<html lang="tr"><head><title>Ege Kırtasiye</title></head><body>
<header><a href="/iletisim">İletişim</a> <a href="/sss">Sıkça Sorulan Sorular</a> Müşteri hizmetleri: <a href="tel:08502221234">0850 222 12 34</a></header>
<footer><a href="/iade-ve-degisim">İade ve Değişim</a> <a href="/gizlilik">Gizlilik Politikası</a> destek@ege-kirtasiye.example
<a href="https://wa.me/905321234567">WhatsApp</a></footer></body></html>`,
	"/iletisim": `<html lang="tr"><head><title>İletişim</title></head><body><h1>Bize Ulaşın</h1><p>Telefon: 0850 222 12 34</p>
<form><input name="ad_soyad" placeholder="Ad Soyad"><input type="email" name="eposta"><textarea name="mesaj"></textarea></form></body></html>`,
	"/sss": `<html lang="tr"><head><title>SSS</title></head><body><h1>Sıkça Sorulan Sorular</h1>
<h3>Kargom ne zaman gelir?</h3><p>2-3 iş günü içinde.</p>
<h3>Siparişimi nasıl iade ederim?</h3><p>İade formunu doldurun.</p>
<h3>Hangi ödeme yöntemlerini kabul ediyorsunuz?</h3><p>Kredi kartı ve havale.</p></body></html>`,
	"/iade-ve-degisim": `<html lang="tr"><head><title>İade</title></head><body><h1>İade ve Değişim</h1></body></html>`,
	"/gizlilik":        `<html lang="tr"><head><title>Gizlilik</title></head><body><h1>Gizlilik Politikası</h1></body></html>`,
}

func serve(t *testing.T) string {
	return fixture.Serve(t, pages).URL
}

func TestRunTurkishShop(t *testing.T) {
	u := serve(t)
	r, err := Run(context.Background(), u, Options{Crawl: crawler.Options{AllowPrivate: true}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Region != "TR" {
		t.Errorf("region = %s, want TR from <html lang=tr>", r.Region)
	}
	if r.ContactPage == nil || *r.ContactPage != u+"/iletisim" {
		t.Errorf("contact page = %v", r.ContactPage)
	}
	if !r.Phone.Prominent || r.Phone.TollFree || len(r.Phone.Numbers) != 1 || r.Phone.Numbers[0].E164 != "+908502221234" {
		t.Errorf("phone = %+v, want +908502221234 prominent and not toll-free", r.Phone)
	}
	if r.FAQ.Questions != 3 {
		t.Errorf("faq questions = %d, want 3", r.FAQ.Questions)
	}
	if !r.Chat.Present || len(r.Chat.Vendors) != 1 || r.Chat.Vendors[0] != "whatsapp" {
		t.Errorf("chat = %+v, want whatsapp", r.Chat)
	}
	if r.Policies.Returns == nil || r.Policies.Privacy == nil || r.Policies.Shipping != nil {
		t.Errorf("policies = %+v", r.Policies)
	}
	if !r.ContactForm.Present || len(r.Email.Addresses) != 1 {
		t.Errorf("form %+v, e-mail %v", r.ContactForm, r.Email.Addresses)
	}
	if len(r.ProbeErrors) > 0 {
		t.Errorf("probe errors: %v", r.ProbeErrors)
	}
}

// TestAnalyzeSavedSite checks "crawl once, score many": a crawled site saved
// as JSON and read back audits exactly as the live crawl did.
func TestAnalyzeSavedSite(t *testing.T) {
	u := serve(t)
	site, err := crawler.Crawl(context.Background(), u, crawler.Options{AllowPrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	live, _ := json.Marshal(Analyze(site, ""))
	saved, err := json.Marshal(site)
	if err != nil {
		t.Fatal(err)
	}
	var back crawler.Site
	if err := json.Unmarshal(saved, &back); err != nil {
		t.Fatal(err)
	}
	again, _ := json.Marshal(Analyze(&back, ""))
	if string(live) != string(again) {
		t.Errorf("audit of the saved site differs:\nlive  %s\nsaved %s", live, again)
	}
}
