package channels

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

func TestZZScratch(t *testing.T) {
	cookie := `<div id="cookie-banner" class="cookie-consent"><p>We use cookies. See our <a href="/pages/privacy">Privacy Policy</a>.</p><button>Accept</button><a href="#" class="settings">Cookie settings</a></div>`
	jsonld := `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","email":"ld@shop.com","sameAs":["https://www.facebook.com/shop"]}</script>`
	chat := `<script>window.intercomSettings={app_id:"abc"};(function(){var w=window;})();</script><script src="https://widget.intercom.io/widget/abc"></script>`
	mega := `<header class="site-header"><div class="announcement"><a href="/collections/sale">Free shipping on orders over $50 — shop now</a></div><nav><ul>`
	for i := 0; i < 60; i++ {
		mega += fmt.Sprintf(`<li><a href="/collections/c%d">Category %d</a></li>`, i, i)
	}
	mega += `<li><a href="/pages/contact">Contact</a></li><li><a href="/account/login">Log in</a></li></ul></nav>
	<form action="/search"><input type="search" name="q" placeholder="Search"></form></header>`
	footer := `<footer class="footer"><div><h4>Customer care</h4><ul><li><a href="/pages/faq">FAQ</a></li><li><a href="/policies/shipping-policy">Shipping</a></li>
	<li><a href="/policies/refund-policy">Returns &amp; refunds</a></li><li><a href="/pages/warranty">Warranty</a></li></ul></div>
	<div><p>Call 1-800-555-0100<br>Email: <a href="mailto:help@shop.com?subject=Website%20enquiry">help@shop.com</a></p></div>
	<div class="social"><a href="https://www.facebook.com/shop" aria-label="Facebook"><svg></svg></a><a href="https://www.instagram.com/shop/" aria-label="Instagram"><svg></svg></a>
	<a href="https://twitter.com/shop"><svg></svg></a><a href="https://www.youtube.com/channel/UCx"><svg></svg></a></div>
	<form class="newsletter" action="/contact#newsletter"><input type="hidden" name="contact[tags]" value="newsletter"><label for="nl">Email</label><input id="nl" type="email" name="contact[email]"><button>Sign up</button></form>
	<p>&copy; 2024 Shop Inc. <img src="/cdn/logo@2x.png" alt=""></p></footer>`
	page := func(body string) string { return mega + body + footer + cookie + jsonld + chat }
	h := crawler.NewPage("https://www.shop.com/", page(`<main><h1>Shoes for everyone</h1><p>Questions? Write to hello [at] shop [dot] com</p></main>`))
	h.Depth, h.Source = 0, "start"
	c := crawler.NewPage("https://www.shop.com/pages/contact", page(`<main><h1>Contact us</h1><form method="post" action="/contact#contact_form" id="ContactForm">
		<input type="hidden" name="form_type" value="contact"><div class="field"><input id="ContactForm-name" name="contact[Name]" placeholder="Name"><label for="ContactForm-name">Name</label></div>
		<div class="field"><input type="email" id="ContactForm-email" name="contact[email]" placeholder="Email"><label for="ContactForm-email">Email *</label></div>
		<div class="field"><input type="tel" id="ContactForm-phone" name="contact[Phone number]" placeholder="Phone number"></div>
		<div class="field"><textarea id="ContactForm-body" name="contact[Comment]" placeholder="Comment"></textarea></div><button>Send</button></form></main>`))
	c.Depth, c.Anchors = 1, []string{"Contact"}
	s := &crawler.Site{URL: "https://shop.com", Home: "https://www.shop.com/", Pages: []*crawler.Page{h, c}}
	f := Probe(s, nil)
	b, _ := json.MarshalIndent(f, "", "  ")
	t.Log(string(b))
}
