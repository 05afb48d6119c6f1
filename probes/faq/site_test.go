package faq

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

// A Zendesk Guide help centre: the root lists categories, categories list
// sections and article titles, articles repeat their title as <h1>.
func zendesk() (*crawler.Site, *crawler.Page) {
	home := pg("https://shop.ex/", 0, "Shop", `<h2>Is this the best shop?</h2><p>Yes.</p>
<a href="/hc/en-us">Help Center</a>`)
	root := pg("https://shop.ex/hc/en-us", 1, "Help Center", `<h1>How can we help?</h1>
<form role="search"><input type="search" placeholder="Search"></form>
<ul class="blocks-list"><li><a href="/hc/en-us/categories/1-Orders">Orders</a></li><li><a href="/hc/en-us/categories/2-Shipping">Shipping</a></li></ul>
<section class="articles"><h2>Promoted articles</h2><ul><li><a href="/hc/en-us/articles/101-How-do-I-track-my-order">How do I track my order?</a></li></ul></section>
<p>Read <a href="/blogs/news/sizes">our blog</a> or shop <a href="/products/raincoat">the raincoat</a>.</p>`, "Help")
	cat1 := pg("https://shop.ex/hc/en-us/categories/1-Orders", 2, "Orders – Help Center", `<h1>Orders</h1>
<section class="section"><h2><a href="/hc/en-us/sections/11-Tracking">Tracking</a></h2><ul class="article-list">
<li class="article-list-item"><a href="/hc/en-us/articles/101-How-do-I-track-my-order" class="article-list-link">How do I track my order?</a></li>
<li class="article-list-item"><a href="/hc/en-us/articles/103" class="article-list-link">Can I change my delivery address?</a></li>
<li class="article-list-item"><a href="/hc/en-us/articles/104" class="article-list-link">Where is my order</a></li>
<li class="article-list-item"><a href="/hc/en-us/articles/105" class="article-list-link">Order status explained</a></li></ul>
<a href="/hc/en-us/sections/11-Tracking" class="see-all-articles">See all 5 articles</a></section>`, "Orders")
	cat2 := pg("https://shop.ex/hc/en-us/categories/2-Shipping", 2, "Shipping – Help Center", `<h1>Shipping</h1>
<ul class="article-list"><li><a href="/hc/en-us/articles/201">How much does shipping cost?</a></li>
<li><a href="/hc/en-us/articles/202">Do you ship to Canada?</a></li></ul>`, "Shipping")
	sec := pg("https://shop.ex/hc/en-us/sections/11-Tracking", 3, "Tracking – Help Center", `<h1>Tracking</h1>
<ul class="article-list"><li><a href="/hc/en-us/articles/101-How-do-I-track-my-order">How do I track my order?</a></li>
<li><a href="/hc/en-us/articles/102">What does "in transit" mean?</a></li></ul>`, "Tracking")
	art := pg("https://shop.ex/hc/en-us/articles/101-How-do-I-track-my-order", 3, "How do I track my order? – Help Center",
		`<article><h1 class="article-title">How do I track my order?</h1><div class="article-body"><p>Use the link in your e-mail.</p></div>
<div class="article-votes"><span class="article-votes-question">Was this article helpful?</span><button>Yes</button><button>No</button></div></article>
<section class="related-articles"><h3>Related articles</h3><ul><li><a href="/hc/en-us/articles/106">Why is my package late?</a></li></ul></section>
<div class="article-more-questions">Have more questions? <a href="/hc/en-us/requests/new">Submit a request</a></div>`, "How do I track my order?")
	// Three links from the root: not counted.
	deep := pg("https://shop.ex/hc/en-us/articles/102", 4, "In transit – Help Center",
		`<h1>What does "in transit" mean?</h1><p>It is on its way.</p><ul><li><a href="/hc/en-us/articles/107">Is a third level question counted?</a></li></ul>`)
	blog := pg("https://shop.ex/blogs/news/sizes", 2, "How to choose your size", `<h2>How do I choose a size?</h2><p>Measure yourself.</p><h2>What if I am between sizes?</h2><p>Size up.</p>`)
	product := pg("https://shop.ex/products/raincoat", 2, "Raincoat", `<h3>Is it waterproof?</h3><p>Yes.</p><h3>Can I machine wash it?</h3><p>Cold only.</p>`)
	return mkSite(home, root, cat1, cat2, sec, art, deep, blog, product), root
}

func TestProbeHelpCentre(t *testing.T) {
	site, root := zendesk()
	got := Probe(site, Input{Help: root})
	if got.URL == nil || *got.URL != root.URL {
		t.Fatalf("Probe().URL = %v, want %s", got.URL, root.URL)
	}
	// Root 1, Orders 2 new, Shipping 2, article 1 (related), Tracking section
	// 1; not the third level, the blog or the product.
	if got.Questions != 7 {
		t.Errorf("Probe().Questions = %d, want 7; samples %q", got.Questions, got.Samples)
	}
	wantPages := []string{
		"https://shop.ex/hc/en-us",
		"https://shop.ex/hc/en-us/categories/1-Orders",
		"https://shop.ex/hc/en-us/categories/2-Shipping",
		"https://shop.ex/hc/en-us/articles/101-How-do-I-track-my-order", // promoted on the root
		"https://shop.ex/hc/en-us/sections/11-Tracking",                 // second level
	}
	if !slices.Equal(got.Pages, wantPages) {
		t.Errorf("Probe().Pages = %q, want %q", got.Pages, wantPages)
	}
	if !slices.Equal(got.Methods, []string{"link"}) {
		t.Errorf("Probe().Methods = %q, want [link]", got.Methods)
	}
	if len(got.Samples) != maxSamples || got.Samples[0] != "How do I track my order?" {
		t.Errorf("Probe().Samples = %q", got.Samples)
	}
}

// A Shopify FAQ: /pages/faq links FAQ pages beside it, a contact page, an
// about page, a collection.
func TestProbeCategoryPages(t *testing.T) {
	home := pg("https://ex.com/", 0, "Shop", `<a href="/pages/faq">FAQ</a>`)
	faq := pg("https://ex.com/pages/faq", 1, "FAQ", `<h1>FAQ</h1>
<details><summary>Do you ship abroad?</summary><p>Yes.</p></details>
<details><summary>How can I pay?</summary><p>By card.</p></details>
<p>More: <a href="/pages/faq-returns">Returns FAQ</a>, <a href="/pages/faq/gifts">Gift cards</a>,
<a href="/pages/contact">contact us</a>, <a href="/pages/about-us">our story</a>, <a href="/collections/all">all products</a>.</p>
<nav class="faq-nav"><a href="/pages/sizing">Sizing</a> <a href="/pages/faq/care">Care</a></nav>`, "FAQ")
	returns := pg("https://ex.com/pages/faq-returns", 2, "Returns FAQ", `<h1>Returns FAQ</h1>
<details><summary>How can I pay?</summary><p>By card.</p></details>
<details><summary>Can I return a sale item?</summary><p>Yes.</p></details>`, "Returns FAQ")
	gifts := pg("https://ex.com/pages/faq/gifts", 2, "Gift cards", `<div class="faq-item"><h4 class="faq-title">Validity</h4><div class="faq-answer">One year.</div></div>`, "Gift cards")
	care := pg("https://ex.com/pages/faq/care", 2, "Care", `<h3>How do I wash wool?</h3><p>By hand.</p>`, "Care")
	contact := pg("https://ex.com/pages/contact", 2, "Contact us", `<h3>What are your opening hours?</h3><p>9 to 5.</p>`, "contact us")
	about := pg("https://ex.com/pages/about-us", 2, "Our story", `<h3>Why did we start?</h3><p>Because.</p>
<div class="accordion-item"><h4 class="accordion-title">Our values</h4><div class="accordion-content">Fair trade.</div></div>`, "our story")
	sizing := pg("https://ex.com/pages/sizing", 2, "Sizing", `<h3>What size am I?</h3><p>See the chart.</p>`, "Sizing")
	all := pg("https://ex.com/collections/all", 2, "All products", `<h3>Is this jacket warm?</h3><p>Very.</p>`, "all products")
	site := mkSite(home, faq, returns, gifts, care, contact, about, sizing, all)

	got := Probe(site, Input{FAQ: faq})
	// faq 2; faq-returns 1 new (dedupe); faq/gifts 1 topic entry; faq/care 1
	// (nav link below the root); about-us 1 worded question (same directory,
	// its topic toggle does not count there); contact, sizing (nav link,
	// not below) and the collection not at all.
	if got.Questions != 6 {
		t.Errorf("Probe().Questions = %d, want 6; samples %q, pages %q", got.Questions, got.Samples, got.Pages)
	}
	wantPages := []string{
		"https://ex.com/pages/faq", "https://ex.com/pages/faq-returns", "https://ex.com/pages/faq/gifts",
		"https://ex.com/pages/about-us", "https://ex.com/pages/faq/care",
	}
	if !slices.Equal(got.Pages, wantPages) {
		t.Errorf("Probe().Pages = %q, want %q", got.Pages, wantPages)
	}
}

func TestProbeRoot(t *testing.T) {
	ld := func(qs ...string) string {
		var b strings.Builder
		b.WriteString(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[`)
		for i, q := range qs {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"@type":"Question","name":"` + q + `","acceptedAnswer":{"@type":"Answer","text":"Yes."}}`)
		}
		b.WriteString(`]}</script>`)
		return b.String()
	}
	headings := `<h3>Why buy from a family shop?</h3><p>Care.</p><h3>Where do the beans come from?</h3><p>Peru.</p><h3>How fresh is the coffee?</h3><p>Roasted weekly.</p>`
	str := func(s string) *string { return &s }

	t.Run("home page with FAQ schema and most questions", func(t *testing.T) {
		home := pg("https://ex.com/", 0, "Shop", ld("Do you roast daily?", "Do you ship abroad?", "Is it organic?", "Can I subscribe?"))
		info := pg("https://ex.com/info", 1, "Info", headings)
		got := Probe(mkSite(home, info), Input{})
		if got.URL == nil || *got.URL != home.URL || got.Questions != 4 {
			t.Errorf("Probe() = %v, %d; want %s, 4", got.URL, got.Questions, home.URL)
		}
	})
	t.Run("an article with question headings is not a FAQ", func(t *testing.T) {
		home := pg("https://ex.com/", 0, "Shop", `<h2>Why choose us?</h2><p>Because.</p>`)
		info := pg("https://ex.com/journal/tea-questions", 1, "Your tea questions answered", headings)
		got := Probe(mkSite(home, info), Input{})
		if got.URL != nil || got.Questions != 0 {
			t.Errorf("Probe() = %v, %d; want nil, 0", got.URL, got.Questions)
		}
	})
	t.Run("a page with three FAQ widgets", func(t *testing.T) {
		home := pg("https://ex.com/", 0, "Shop", `<h2>Why choose us?</h2><p>Because.</p>`)
		info := pg("https://ex.com/info", 1, "Info", `<details><summary>How do I pay?</summary>Card.</details>
<details><summary>Can I return it?</summary>Yes.</details><details><summary>Do you ship abroad?</summary>No.</details>`)
		got := Probe(mkSite(home, info), Input{})
		if got.URL == nil || *got.URL != info.URL || got.Questions != 3 {
			t.Errorf("Probe() = %v, %d; want %s, 3", got.URL, got.Questions, info.URL)
		}
	})
	t.Run("an empty FAQPage declaration is not a FAQ", func(t *testing.T) {
		home := pg("https://ex.com/", 0, "Shop", ld())
		got := Probe(mkSite(home), Input{})
		if got.URL != nil || got.Questions != 0 {
			t.Errorf("Probe() = %v, %d; want nil, 0", got.URL, got.Questions)
		}
	})
	t.Run("two questions are not a FAQ", func(t *testing.T) {
		home := pg("https://ex.com/", 0, "Shop", `<h3>Is it organic?</h3><p>Yes.</p><h3>Is it fair trade?</h3><p>Yes.</p>`)
		got := Probe(mkSite(home), Input{})
		if got.URL != nil || got.Questions != 0 {
			t.Errorf("Probe() = %v, %d; want nil, 0", got.URL, got.Questions)
		}
	})
	t.Run("empty FAQ page is still the finding", func(t *testing.T) {
		home := pg("https://ex.com/", 0, "Shop", "")
		faq := pg("https://ex.com/faq", 1, "FAQ", `<h1>FAQ</h1><p>Coming soon.</p>`, "FAQ")
		got := Probe(mkSite(home, faq), Input{FAQ: faq})
		want := Finding{URL: str(faq.URL), Questions: 0, Pages: []string{faq.URL}, Samples: []string{}, Methods: []string{}}
		if !equal(got, want) {
			t.Errorf("Probe() = %s, want %s", js(got), js(want))
		}
	})
	t.Run("empty FAQ page, help page with questions", func(t *testing.T) {
		home := pg("https://ex.com/", 0, "Shop", "")
		faq := pg("https://ex.com/faq", 1, "FAQ", `<h1>FAQ</h1>`, "FAQ")
		help := pg("https://ex.com/support", 1, "Support", `<h3>How do I reset my grinder?</h3><p>Hold the button.</p>`, "Support")
		got := Probe(mkSite(home, faq, help), Input{FAQ: faq, Help: help})
		if got.URL == nil || *got.URL != help.URL || got.Questions != 1 {
			t.Errorf("Probe() = %v, %d; want %s, 1", got.URL, got.Questions, help.URL)
		}
	})
	t.Run("no FAQ at all", func(t *testing.T) {
		got := Probe(mkSite(pg("https://ex.com/", 0, "Shop", "<p>Hello</p>")), Input{})
		if b := js(got); b != `{"url":null,"questions":0,"pages":[],"samples":[],"methods":[]}` {
			t.Errorf("Probe() = %s", b)
		}
		if got := Probe(nil, Input{}); got.URL != nil {
			t.Errorf("Probe(nil) = %s", js(got))
		}
	})
}

func equal(a, b Finding) bool { return js(a) == js(b) }

func js(f Finding) string {
	b, err := json.Marshal(f)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// FuzzProbe feeds arbitrary HTML to every pattern: no panic, a count that
// is never negative, samples that never outnumber it.
func FuzzProbe(f *testing.F) {
	f.Add(`<details><summary>Do you ship?</summary>Yes</details>`)
	f.Add(`<script type="application/ld+json">{"@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Q?"},]}</script>`)
	f.Add(`<script type="application/ld+json">[[[[{"@graph":{"@type":["FAQPage"`)
	f.Add(`<div class="accordion-item"><button aria-controls="x" data-bs-target="#x">Topic</button><div id="x" hidden><div id="x">loop</div></div></div>`)
	f.Add(`<h3>How?</h3><h3>What is it?</h3><p><strong>Can I?</strong></p><dl><dt>Is it?<dd>`)
	f.Add(`<p>Q: 1.5? A:</p><p>Hỏi: Làm sao?</p><p>Đáp: </p><p>S: x C: y</p>`)
	f.Add(`<a href="::bad">How do I pay?</a><a href="/faq/a">Where is it?</a><base href="http://[::1">`)
	f.Add(`<div itemscope itemtype="Question"><meta itemprop="name" content="Price?"></div>`)
	f.Add(strings.Repeat(`<div class="faq-item">`, 300) + `Is it deep?`)
	f.Fuzz(func(t *testing.T, html string) {
		home := crawler.NewPage("https://ex.com/", html)
		faq := crawler.NewPage("https://ex.com/faq", html)
		sub := crawler.NewPage("https://ex.com/faq/a", html)
		site := &crawler.Site{Pages: []*crawler.Page{home, faq, sub}}
		for _, in := range []Input{{FAQ: faq}, {Help: home}, {}} {
			got := Probe(site, in)
			if got.Questions < 0 || len(got.Samples) > maxSamples || len(got.Samples) > got.Questions {
				t.Fatalf("Probe(%q) = %s", html, js(got))
			}
		}
	})
}

func TestFAQSectionOnAnotherPage(t *testing.T) {
	home := pg("https://ex.com/", 0, "Bulut", `<p>Muhasebe yazılımı</p>`)
	pricing := pg("https://ex.com/fiyatlandirma", 1, "Fiyatlandırma", `<h1>Fiyatlandırma</h1><h2>Başlangıç</h2><p>₺8.990</p>
<h2 id="sss">Sıkça Sorulan Sorular</h2>
<h3>Deneme süresinden sonra ücret alınır mı?</h3><p>Hayır.</p>
<h3>Paketimi sonradan değiştirebilir miyim?</h3><p>Evet.</p>
<h3>Fiyatlara KDV dahil mi?</h3><p>Hayır.</p>`)
	got := Probe(mkSite(home, pricing), Input{})
	if got.URL == nil || *got.URL != pricing.URL || got.Questions != 3 {
		t.Errorf("Probe() = %v, %d; want %s, 3", got.URL, got.Questions, pricing.URL)
	}
}
