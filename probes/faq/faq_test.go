package faq

import (
	"slices"
	"testing"

	"github.com/shopper-audit/shopper/crawler"
)

// pg makes a crawled page: a full document with a site header and footer
// around body, as a crawl would keep it.
func pg(u string, depth int, title, body string, anchors ...string) *crawler.Page {
	p := crawler.NewPage(u, `<!doctype html><html><head><title>`+title+`</title></head><body>`+
		`<header><nav><a href="/">Home</a> <a href="/help">Need help?</a> <a href="/blogs/news">Blog</a></nav>`+
		`<details><summary>Menu</summary><a href="/collections/all">Shop</a></details></header>`+
		`<main>`+body+`</main>`+
		`<footer><p>Have a question?</p><p>Call us on 1800 000 000</p><a href="/pages/faq">FAQ</a></footer>`+
		`</body></html>`)
	p.Depth = depth
	p.Anchors = anchors
	return p
}

// mkSite makes a site whose first page is the home page.
func mkSite(pages ...*crawler.Page) *crawler.Site {
	home := pages[0]
	home.Source, home.Depth = "start", 0
	return &crawler.Site{URL: home.URL, Home: home.URL, Pages: pages}
}

func TestProbePatterns(t *testing.T) {
	cases := []struct {
		name    string
		body    string
		want    int
		methods []string
	}{
		{
			name: "shopify details",
			body: `<h1>Frequently Asked Questions</h1><div class="accordion">
<details id="Details-1"><summary id="Summary-1"><div class="summary__title"><svg></svg><h3 class="accordion__title h4">Do you ship internationally?</h3></div><svg class="icon-caret"></svg></summary>
<div class="accordion__content rte" role="region"><p>Yes, to 40 countries.</p></div></details>
<details><summary><h3 class="accordion__title">How long does delivery take?</h3></summary><div class="accordion__content"><p>3–5 working days.</p></div></details>
<details><summary><h3 class="accordion__title">Gift wrapping</h3></summary><div class="accordion__content"><p>We wrap any order for free on request.</p></div></details>
</div>`,
			want: 3, methods: []string{"details"},
		},
		{
			name: "json-ld and the same questions in markup count once",
			body: `<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[
{"@type":"Question","name":"How do I return an item?","acceptedAnswer":{"@type":"Answer","text":"Within 30 days."}},
{"@type":"Question","name":"Do you offer refunds?","acceptedAnswer":{"@type":"Answer","text":"Yes."}},
{"@type":"Question","name":"Q3. Can I exchange a size?","acceptedAnswer":{"@type":"Answer","text":"Yes."}}]}</script>
<h2>Returns</h2>
<h3>How do I return an item?</h3><p>Within 30 days.</p>
<h3>Do you offer refunds</h3><p>Yes.</p>
<h3>3. Can I exchange a size?</h3><p>Yes.</p>
<h3>Is return shipping free?</h3><p>For members.</p>`,
			want: 4, methods: []string{"jsonld", "heading"},
		},
		{
			name: "yoast graph with @id references",
			body: `<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[
{"@type":["WebPage","FAQPage"],"@id":"https://ex.com/faq/","mainEntity":[{"@id":"https://ex.com/faq/#faq-question-1"},{"@id":"https://ex.com/faq/#faq-question-2"}]},
{"@type":"Question","@id":"https://ex.com/faq/#faq-question-1","position":1,"name":"Where do you ship from?","answerCount":1,"acceptedAnswer":{"@type":"Answer","text":"From Leeds."}},
{"@type":"Question","@id":"https://ex.com/faq/#faq-question-2","position":2,"name":"What &amp; when do I pay?","answerCount":1,"acceptedAnswer":{"@type":"Answer","text":"At checkout."}}]}</script>
<div class="schema-faq wp-block-yoast-faq-block">
<div class="schema-faq-section" id="faq-question-1"><strong class="schema-faq-question">Where do you ship from?</strong> <p class="schema-faq-answer">From Leeds.</p></div>
<div class="schema-faq-section" id="faq-question-2"><strong class="schema-faq-question">What &amp; when do I pay?</strong> <p class="schema-faq-answer">At checkout.</p></div></div>`,
			want: 2, methods: []string{"jsonld"},
		},
		{
			name: "malformed json-ld is repaired or ignored",
			body: `<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
  {"@type": "Question", "name": "Is the bag
waterproof?", "acceptedAnswer": {"@type": "Answer", "text": "Yes."}},
  {"@type": "Question", "name": "Does it fit a laptop?", "acceptedAnswer": {"@type": "Answer", "text": "Up to 15 inch."},},
]}
</script>
<script type="application/ld+json">{"@type": "FAQPage", "mainEntity": [{"@type": "Question", name: </script>`,
			want: 2, methods: []string{"jsonld"},
		},
		{
			name: "qapage",
			body: `<script type="application/ld+json">{"@context":"https://schema.org","@type":"QAPage","mainEntity":{"@type":"Question","name":"Can I pay by invoice?","text":"We are a company and...","answerCount":1}}</script>`,
			want: 1, methods: []string{"jsonld"},
		},
		{
			name: "microdata",
			body: `<div itemscope itemtype="https://schema.org/FAQPage">
<div itemscope itemprop="mainEntity" itemtype="https://schema.org/Question"><h3 itemprop="name">Warranty length</h3>
<div itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer"><div itemprop="text">Two years.</div></div></div></div>`,
			want: 1, methods: []string{"microdata"},
		},
		{
			name: "bootstrap accordions, collapsed panels hidden, a category toggle",
			body: `<div class="panel-group" id="accordion" role="tablist">
<div class="panel panel-default"><div class="panel-heading" role="tab" id="h1"><h4 class="panel-title">
<a role="button" data-toggle="collapse" data-parent="#accordion" href="#c1" aria-expanded="true" aria-controls="c1">How can I pay?</a></h4></div>
<div id="c1" class="panel-collapse collapse in" role="tabpanel"><div class="panel-body">By card or PayPal.</div></div></div></div>
<div class="accordion" id="acc4"><div class="card"><div class="card-header" id="hh2"><h2 class="mb-0">
<button class="btn btn-link" type="button" data-toggle="collapse" data-target="#c2" aria-expanded="false" aria-controls="c2">When will my order arrive?</button></h2></div>
<div id="c2" class="collapse" style="display:none" aria-labelledby="hh2"><div class="card-body">In 2 days.</div></div></div></div>
<div class="accordion" id="acc5"><div class="accordion-item"><h2 class="accordion-header">
<button class="accordion-button collapsed" type="button" data-bs-toggle="collapse" data-bs-target="#c3" aria-expanded="false" aria-controls="c3">Payments</button></h2>
<div id="c3" class="accordion-collapse collapse" hidden><div class="accordion-body">
<div class="accordion-item"><h3 class="accordion-header"><button class="accordion-button" data-bs-toggle="collapse" data-bs-target="#c31">Is my card data safe?</button></h3>
<div id="c31" class="accordion-collapse collapse" hidden><div class="accordion-body">Yes, we never store it.</div></div></div>
<div class="accordion-item"><h3 class="accordion-header"><button class="accordion-button" data-bs-toggle="collapse" data-bs-target="#c32">Do you accept Klarna?</button></h3>
<div id="c32" class="accordion-collapse collapse" hidden><div class="accordion-body">Not yet.</div></div></div>
</div></div></div></div>`,
			want: 4, methods: []string{"accordion"},
		},
		{
			name: "elementor and divi toggles",
			body: `<div class="elementor-accordion" role="tablist">
<div class="elementor-accordion-item"><div id="elementor-tab-title-1" class="elementor-tab-title" data-tab="1" role="button" aria-controls="elementor-tab-content-1" aria-expanded="false">
<span class="elementor-accordion-icon"><i class="fas fa-plus"></i></span><a class="elementor-accordion-title" href="">Can I collect in store?</a></div>
<div id="elementor-tab-content-1" class="elementor-tab-content" data-tab="1" role="region" style="display:none"><p>Yes, in Hanoi.</p></div></div>
<div class="elementor-accordion-item"><div id="elementor-tab-title-2" class="elementor-tab-title" data-tab="2" role="button" aria-controls="elementor-tab-content-2" aria-expanded="false">
<a class="elementor-accordion-title" href="">Opening hours</a></div>
<div id="elementor-tab-content-2" class="elementor-tab-content" style="display:none"><p>9am to 6pm, Monday to Saturday.</p></div></div></div>
<div class="et_pb_module et_pb_toggle et_pb_toggle_close"><h5 class="et_pb_toggle_title">Do you do wholesale?</h5><div class="et_pb_toggle_content clearfix"><p>Yes.</p></div></div>`,
			want: 3, methods: []string{"accordion"},
		},
		{
			name: "w3schools buttons and jquery ui markup before its script runs",
			body: `<button class="accordion">Shipping costs</button><div class="panel"><p>Free over $50.</p></div>
<button class="collapsible">Do you offer refunds?</button><div class="content"><p>Yes.</p></div>
<div id="accordion"><h3>Store pickup</h3><div><p>From any store, next day.</p></div><h3>Can I pay in store?</h3><div><p>Yes.</p></div></div>`,
			want: 4, methods: []string{"accordion"},
		},
		{
			name: "hand-made tabs: hidden panes open from visible tabs count",
			body: `<ul class="tabs"><li><a href="#t-orders">Orders</a></li><li><a href="#t-delivery">Delivery</a></li></ul>
<div id="t-orders"><h3>Can I edit my order?</h3><p>Within an hour.</p></div>
<div id="t-delivery" style="display:none"><h3>Do you deliver on Sundays?</h3><p>No.</p><h3>Kapıda ödeme varmı</h3><p>Evet.</p></div>
<div id="t-old" style="display:none"><h3>Is this old question counted?</h3><p>No, nothing opens it.</p></div>`,
			want: 3, methods: []string{"heading"},
		},
		{
			name: "help centre cards: the title is the question, not the excerpt",
			body: `<h2>Account</h2>
<a href="/help/articles/1" class="article-card"><div><h3 class="card__heading">How do I reset my password?</h3><p>Steps to get back into your account.</p></div></a>
<a href="/help/articles/2"><div>Can I change my e-mail address?</div><div>Update it under Settings.</div></a>
<script type="application/ld+json">{"@type":"FAQPage","mainEntity":[{"@type":"Question","name":"How do I reset my password?"}]}</script>`,
			want: 2, methods: []string{"jsonld", "link"},
		},
		{
			name: "topic toggles: an answer counts, a list of article links is a category",
			body: `<ul class="accordion" data-accordion>
<li class="accordion-item" data-accordion-item><a href="#" class="accordion-title">Delivery costs</a><div class="accordion-content" data-tab-content><p>Free over 50 euros, 4.95 otherwise.</p></div></li>
<li class="accordion-item" data-accordion-item><a href="#" class="accordion-title">Orders</a><div class="accordion-content" data-tab-content><ul>
<li><a href="/help/track">How do I track my order?</a></li><li><a href="/help/cancel">Can I cancel my order?</a></li><li><a href="/help/invoice">Invoices</a></li></ul></div></li>
<li class="accordion-item"><a href="#" class="accordion-title">Read more</a><div class="accordion-content"><p>More text here.</p></div></li></ul>`,
			want: 3, methods: []string{"accordion", "link"},
		},
		{
			name: "headings, bold lead-ins and definition lists followed by answers",
			body: `<h2>Orders</h2>
<h3>How do I place an order?</h3><p>Add items to your cart.</p>
<h3>Can I order by phone</h3><div><span>Yes, call us.</span></div>
<h3>Do you sell gift cards?</h3>
<h3>Shipping</h3><p>We ship daily.</p>
<p><strong>What is your returns window?</strong><br>30 days.</p>
<p><b>1. Do you price match?</b></p><p>No.</p>
<p>We are <strong>open?</strong> Always.</p>
<dl><dt>Do you ship to islands?</dt><dd>Yes, at extra cost.</dd><dt>Packaging</dt><dd>Recycled.</dd></dl>`,
			want: 5, methods: []string{"heading", "dl"},
		},
		{
			name: "q and a text in several languages",
			body: `<p>Q: Is it machine washable?<br>A: Yes, at 30 degrees.</p>
<p>Hỏi: Làm sao để đổi size?</p><p>Đáp: Mang sản phẩm đến cửa hàng.</p>
<p>Soru: Kargo ücreti ne kadar?</p><p>Cevap: 200 TL üzeri ücretsiz.</p>
<p>S: Fatura kesiyor musunuz? C: Evet.</p>
<p>S: 42</p><p>M: 44</p>`,
			want: 4, methods: []string{"text"},
		},
		{
			name: "plain question paragraphs",
			body: `<p>Do you ship on weekends?</p><p>No, Monday to Friday only.</p>
<p>Can I gift wrap my order?</p><p>Yes, at checkout.</p>
<p>Need help?</p><p>Call us.</p>`,
			want: 2, methods: []string{"text"},
		},
		{
			name: "vietnamese",
			body: `<h1>Câu hỏi thường gặp</h1>
<h3>Câu 1: Làm thế nào để đặt hàng?</h3><p>Bạn chọn sản phẩm và bấm Mua ngay.</p>
<h3>Câu 2: Thời gian giao hàng bao lâu</h3><p>Từ 2 đến 5 ngày.</p>
<p><strong>3. Tôi có thể đổi hàng không?</strong> Có, trong vòng 7 ngày.</p>
<div class="faq-item"><div class="faq-title">Phí vận chuyển</div><div class="faq-content">Miễn phí cho đơn từ 500.000đ.</div></div>
<h2>Bạn cần hỗ trợ?</h2><p>Gọi 1900 1234.</p>
<div class="rating"><p>Bài viết này có hữu ích không?</p><button>Có</button><button>Không</button></div>`,
			want: 4, methods: []string{"accordion", "heading"},
		},
		{
			name: "turkish",
			body: `<h1>Sıkça Sorulan Sorular</h1>
<div class="sss-item"><div class="sss-soru">Siparişimi nasıl takip edebilirim?</div><div class="sss-cevap" style="display:none">Hesabım sayfasından.</div></div>
<div class="sss-item"><div class="sss-soru">Kapıda ödeme var mı</div><div class="sss-cevap" style="display:none">Evet.</div></div>
<div class="sss-item"><div class="sss-soru">İade süresi nedir</div><div class="sss-cevap" style="display:none">14 gün.</div></div>
<h2>Aradığınızı bulamadınız mı?</h2><p>Bize yazın.</p>
<p>Bu cevap yardımcı oldu mu?</p><p>Evet Hayır</p>`,
			want: 3, methods: []string{"accordion"},
		},
		{
			name: "class names in the market's language",
			body: `<div class="sssKutu"><div class="sssBaslik">Kargo ücreti</div><div class="sssIcerik" style="display:none">150 TL üzeri ücretsiz.</div></div>
<div class="sssKutu"><div class="sssBaslik">Siparişim ne zaman gelir?</div><div class="sssIcerik" style="display:none">1-3 iş günü.</div></div>
<div class="hoi-dap-item"><div class="tieu-de">Đổi trả trong bao lâu?</div><div class="noi-dung">7 ngày.</div></div>`,
			want: 3, methods: []string{"accordion"},
		},
		{
			name: "decoys and hidden content only",
			body: `<h1>FAQ</h1><form><label>What are you looking for?</label><input type="search"></form>
<h2>Still have questions?</h2><p>Our team answers within a day.</p>
<div style="display:none"><h3>Is this hidden question counted?</h3><p>No.</p></div>
<div class="d-none"><details><summary>Is this one?</summary><p>No.</p></details></div>
<template><h3>Is a template question counted?</h3><p>No.</p></template>
<div class="feedback"><span>Was this helpful?</span> <button>Yes</button> <button>No</button></div>
<h2>What our customers say</h2><p>Great shop!</p>
<p><a href="/account/login">Forgot your password?</a></p>
<form class="order-lookup"><div><label for="o">What is your order number?</label></div><input id="o"><div><button>Look up</button></div></form>
<div id="cookie-banner"><h3>Do you accept our cookies?</h3><p>We use cookies to improve the site.</p></div>
<div class="newsletter" role="dialog" aria-modal="true"><h3>Want 10% off your first order?</h3><p>Sign up below.</p></div>
<aside class="widget-area"><h4>Recent posts</h4><ul><li><a href="/2023/05/mattress">How do I choose a mattress?</a></li><li>Sale</li></ul></aside>
<p><a href="/blogs/news/merino">What is merino wool?</a></p><p>Read the story.</p>`,
			want: 0, methods: []string{},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			faq := pg("https://ex.com/pages/faq", 1, "FAQ", c.body, "FAQ")
			site := mkSite(pg("https://ex.com/", 0, "Shop", ""), faq)
			got := Probe(site, Input{FAQ: faq})
			if got.Questions != c.want || !slices.Equal(got.Methods, c.methods) {
				t.Errorf("Probe() = %d questions by %v, want %d by %v; samples %q",
					got.Questions, got.Methods, c.want, c.methods, got.Samples)
			}
			if got.URL == nil || *got.URL != faq.URL {
				t.Errorf("Probe().URL = %v, want %s", got.URL, faq.URL)
			}
		})
	}
}
