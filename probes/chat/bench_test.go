package chat

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

// benchPage builds a page of about 50 KB shaped like the field notes' corpus:
// a mega-menu of 150 links, inline scripts, JSON-LD, a cookie banner, a
// footer with social links and a chat snippet.
func benchPage() string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Acme</title>
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-ABC123');</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Acme","telephone":"+1-555-0100"}</script>
<script>window.__CONFIG__ = `)
	b.WriteString(`{"products":[`)
	for i := 0; i < 120; i++ {
		fmt.Fprintf(&b, `{"id":%d,"name":"Product %d","url":"/p/%d","price":"%d.99","img":"https://cdn.acme.example/img/%d.jpg"},`, i, i, i, i, i)
	}
	b.WriteString(`{}]};</script></head><body><header><nav class="mega">`)
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&b, `<div class="col"><a class="nav-link item-%d" href="/category/%d/sub-%d">Category %d item</a></div>`, i, i/10, i, i)
	}
	b.WriteString(`</nav></header><main>`)
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, `<section class="card"><h2>Heading %d</h2><p>Some descriptive text about our products and services, paragraph %d, with enough words to look real.</p><button class="btn add-to-cart" data-id="%d">Add to cart</button></section>`, i, i, i)
	}
	b.WriteString(`</main><div id="cookie-banner" class="cookie"><p>We use cookies.</p><button onclick="acceptCookies()">Accept</button></div>
<footer><ul class="social"><li><a href="https://www.facebook.com/acme">Facebook</a></li><li><a href="https://twitter.com/acme">X</a></li></ul>
<p>Call <a href="tel:+15550100">+1 555 0100</a> or <a href="mailto:help@acme.example">e-mail us</a></p></footer>`)
	b.WriteString(installSnippets[0].html)
	b.WriteString(`</body></html>`)
	return b.String()
}

func BenchmarkProbe(b *testing.B) {
	html := benchPage()
	b.SetBytes(int64(len(html)))
	b.Run("parse only", func(b *testing.B) {
		for b.Loop() {
			crawler.NewPage(testURL, html).Doc()
		}
	})
	b.Run("probe, parsed", func(b *testing.B) {
		p := crawler.NewPage(testURL, html)
		p.Doc()
		s := siteOf(p)
		for b.Loop() {
			Probe(s)
		}
	})
}
