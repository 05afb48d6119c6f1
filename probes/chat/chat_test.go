package chat

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopper-audit/shopper/crawler"
)

const testURL = "https://www.acme-shop.example/"

// page wraps body in a plausible page of a company site.
func page(body string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme Shop</title>
<link rel="stylesheet" href="/css/site.css"></head><body>
<header><nav><a href="/">Home</a> <a href="/products">Products</a> <a href="/contact">Contact</a></nav></header>
<main><h1>Welcome</h1><p>Quality goods since 1999.</p></main>
` + body + `
<footer><p>© Acme Shop</p><a href="/privacy">Privacy</a></footer>
</body></html>`
}

func siteOf(pages ...*crawler.Page) *crawler.Site {
	return &crawler.Site{URL: testURL, Home: testURL, Pages: pages}
}

func probeHTML(body string) Finding {
	return Probe(siteOf(crawler.NewPage(testURL, page(body))))
}

func signals(f Finding, vendor string) []string {
	var out []string
	for _, e := range f.Evidence {
		if e.Vendor == vendor && !slices.Contains(out, e.Signal) {
			out = append(out, e.Signal)
		}
	}
	return out
}

func TestInstallSnippets(t *testing.T) {
	seen := map[string]bool{}
	for _, tc := range installSnippets {
		seen[tc.vendor] = true
		f := probeHTML(tc.html)
		found := f.Vendors
		if other[tc.vendor] {
			found = append(append([]string{}, f.Vendors...), f.OtherVendors...)
		}
		if !f.Present || !slices.Equal(found, []string{tc.vendor}) {
			t.Errorf("%s snippet: Vendors = %v (present %v), want [%s]\nevidence: %+v", tc.vendor, f.Vendors, f.Present, tc.vendor, f.Evidence)
			continue
		}
		got := signals(f, tc.vendor)
		for _, s := range tc.signals {
			if !slices.Contains(got, s) {
				t.Errorf("%s snippet: signals = %v, want %s among them\nevidence: %+v", tc.vendor, got, s, f.Evidence)
			}
		}
	}
	for _, v := range vendors {
		if v.ID == "messenger" || v.ID == "zalo" || v.ID == "whatsapp" {
			continue // click-to-chat: see TestLinks
		}
		if !seen[v.ID] {
			t.Errorf("vendor %s has no install snippet test", v.ID)
		}
	}
}

func TestNotChat(t *testing.T) {
	cases := []struct{ name, html string }{
		{"prose naming vendors", `<section><h2>How we support you</h2>
<p>We use Intercom, Zendesk and Drift behind the scenes, and our live chat team answers within minutes.</p>
<p>Ask about our Tawk_API integration or read window.intercomSettings in our developer docs.</p>
<p>Our live chat is open 9:00–17:00.</p></section>`},
		{"vendor home pages", `<ul class="partners">
<li><a href="https://www.intercom.com/">Intercom</a></li>
<li><a href="https://www.zendesk.com/">Zendesk</a></li>
<li><a href="https://www.tawk.to/">Live chat by tawk.to</a></li>
<li><a href="https://www.livechat.com/?welcome">Live chat software by LiveChat</a></li>
<li><a href="https://www.drift.com/">Drift</a></li>
<li><a href="https://www.tidio.com/">Tidio</a></li>
<li><a href="https://crisp.chat/en/">Crisp</a></li>
<li><a href="https://www.whatsapp.com/">WhatsApp</a></li>
<li><a href="https://zalo.me/pc">Tải Zalo PC</a></li>
</ul>`},
		{"vendor-hosted help centres", `<nav class="support">
<a href="https://acme.zendesk.com/hc/en-us">Help Center</a>
<a href="https://acme.zendesk.com/hc/en-us/articles/360001234567-How-to-use-live-chat">How to use live chat</a>
<a href="https://intercom.help/acme/en/">Help</a>
<a href="https://acme.freshdesk.com/support/home">Support portal</a>
<a href="https://help.acme-shop.example/">Help centre</a>
<a href="https://acme.my.site.com/s/">Community</a>
</nav>`},
		{"zendesk help centre page assets", `<script src="https://static.zdassets.com/hc/assets/hc_enduser-8a2c4b1e.js"></script>
<link rel="stylesheet" href="https://theme.zdassets.com/theme_assets/1234567/abc.css">
<script src="https://acme.my.site.com/s/sfsites/auraFW/javascript/abc/aura_prod.js"></script>`},
		{"hubspot tracking only", `<!-- Start of HubSpot Embed Code -->
<script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/1234567.js"></script>
<!-- End of HubSpot Embed Code -->
<script src="https://js.hs-analytics.net/analytics/1700000000000/1234567.js"></script>
<script>var _hsq = window._hsq = window._hsq || []; _hsq.push(['setPath', '/']);</script>`},
		{"facebook pixel and plain sdk", `<script>
!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};
if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;
t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window, document,'script','https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '123456789012345'); fbq('track', 'PageView');
</script>
<div id="fb-root"></div>
<script async defer crossorigin="anonymous" src="https://connect.facebook.net/vi_VN/sdk.js#xfbml=1&version=v18.0"></script>
<div class="fb-page" data-href="https://www.facebook.com/acmeshop" data-tabs="timeline"></div>
<div class="fb-like" data-href="https://www.acme-shop.example/" data-layout="button_count"></div>
<a href="https://www.facebook.com/acmeshop">Facebook</a>`},
		{"zalo share and follow buttons", `<script src="https://sp.zalo.me/plugins/sdk.js"></script>
<div class="zalo-share-button" data-href="https://www.acme-shop.example/p/123" data-oaid="579745863508352884" data-layout="1" data-color="blue" data-customize="false"></div>
<div class="zalo-follow-only-button" data-oaid="579745863508352884"></div>
<a href="https://zalo.me/579745863508352884" title="Theo dõi Zalo OA">Quan tâm Zalo OA</a>
<a href="https://zalo.me/g/abcxyz123">Tham gia nhóm Zalo</a>`},
		{"scripts inside HTML comments", `<!--Start of Tawk.to Script
<script type="text/javascript">
var Tawk_API=Tawk_API||{}, Tawk_LoadStart=new Date();
(function(){var s1=document.createElement("script");s1.src='https://embed.tawk.to/5f1a2b3c/default';})();
</script>
End of Tawk.to Script-->
<!-- <script id="ze-snippet" src="https://static.zdassets.com/ekr/snippet.js?key=abc"></script> -->
<!--[if lt IE 9]><script src="https://widget.intercom.io/widget/abc"></script><![endif]-->`},
		{"snippets commented out in JavaScript", `<script>
// window.intercomSettings = { app_id: "abc" };
/* var Tawk_API=Tawk_API||{};
   s1.src='https://embed.tawk.to/5f1a2b3c/default'; */
var analytics = window.analytics || [];
</script>`},
		{"theme code guarding vendor globals", `<script>
if (typeof Tawk_API !== 'undefined') { Tawk_API.onLoad = function () { Tawk_API.hideWidget(); }; }
window.Intercom && window.Intercom('update');
if (window.$crisp) { $crisp.push(['do', 'chat:hide']); }
var open = window.zE ? function () { zE('webWidget', 'open'); } : null;
if (typeof drift === 'object') { drift.load('x'); }
if (typeof window.lpTag != "undefined") { lpTag.newPage(location.href); }
if (typeof Kustomer === "function") { Kustomer.open(); }
</script>`},
		{"vendor names inside strings", `<script>
var integrations = ["Intercom", "Drift", "Tawk_API", "https://www.intercom.com/"];
console.log("window.intercomSettings = 1; drift.load('x')");
var help = 'Contact us via the chat icon';
</script>`},
		{"structured data", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Acme",
"sameAs":["https://m.me/acmeshop","https://wa.me/84901234567","https://zalo.me/0901234567"],
"potentialAction":{"target":"https://embed.tawk.to/5f1a2b3c/default"}}</script>`},
		{"whatsapp share links", `<div class="share">
<a href="https://api.whatsapp.com/send?text=Check%20this%20product%20https%3A%2F%2Facme-shop.example%2Fp%2F1">Share on WhatsApp</a>
<a href="whatsapp://send?text=Hello">WhatsApp</a>
<a href="https://wa.me/?text=Look%20at%20this">Send to a friend</a>
<a href="https://web.whatsapp.com/send?text=hi">WhatsApp Web</a>
<a href="https://chat.whatsapp.com/InviteCode123">Join our WhatsApp group</a>
<a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Facme-shop.example">Share</a>
<a href="fb-messenger://share?link=https%3A%2F%2Facme-shop.example">Messenger</a>
<a href="https://m.me/j/AbCdEf123">Join the group chat</a>
</div>`},
		{"messaging link labelled as sharing", `<a href="https://wa.me/84901234567?text=See%20this" aria-label="Share via WhatsApp">WhatsApp</a>`},
		{"nav link titled chat", `<nav><a href="/chat">Chat</a> <a href="/community/chat">Chat</a> <a href="/blog/live-chat-tips">Live chat tips for shops</a></nav>`},
		{"faq question about chat", `<div class="faq"><button class="accordion">Do you have live chat?</button><div class="panel"><p>Yes, on weekdays.</p></div>
<button class="accordion">Is live chat available on weekends and public holidays?</button></div>`},
		{"hidden chat button", `<div style="display:none"><button onclick="openChat()">Live chat</button></div>
<a href="/live-chat" class="d-none">Live chat</a>`},
		{"contact form submit", `<form action="/contact" method="post"><textarea name="m"></textarea><button>Chat</button><button type="submit">Send</button></form>`},
		{"freshsales tracking", `<script src="//fw-cdn.com/1234567/2345678.js"></script>`},
		{"genesys journey tracking", `<script>(function(a,t,c,l,o,u,d){a['_genesysJourneySdk']=o;a[o]=a[o]||function(){(a[o].q=a[o].q||[]).push(arguments)};a[o].t=1*new Date();a[o].c=l;u=t.createElement(c);u.async=1;u.src='https://apps.mypurecloud.com/journey/sdk/js/web/v1/ac.js';d=t.getElementsByTagName(c)[0];d.parentNode.insertBefore(u,d);})(window,document,'script',{environment:'use1',deploymentId:'abc'},'ac');</script>`},
		{"e-mail at a vendor domain", `<script>var support = "help@embed.tawk.to";</script>`},
		{"preconnect hints only", `<link rel="preconnect" href="https://widget.intercom.io"><link rel="dns-prefetch" href="//embed.tawk.to">`},
		{"similar host names", `<script src="https://cdn.example.com/embed.tawk.to.backup.js"></script>
<script src="https://notwidget.intercom.io.evil.example/x.js"></script>
<script>var x = "myembed.tawk.too/abc";</script>`},
	}
	for _, tc := range cases {
		f := probeHTML(tc.html)
		if f.Present || len(f.Vendors) != 0 {
			t.Errorf("%s: Present = %v, Vendors = %v, want no chat\nevidence: %+v", tc.name, f.Present, f.Vendors, f.Evidence)
		}
	}
}

func TestConsentBlockedScripts(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"cookiebot src", `<script type="text/plain" data-cookieconsent="marketing" src="https://embed.tawk.to/5f1a2b3c/1edc2b3a4" async></script>`, "tawkto"},
		{"cookiebot inline", `<script type="text/plain" data-cookieconsent="preferences">window.$crisp=[];window.CRISP_WEBSITE_ID="abc";(function(){var s=document.createElement("script");s.src="https://client.crisp.chat/l.js";document.head.appendChild(s);})();</script>`, "crisp"},
		{"onetrust class", `<script type="text/plain" class="optanon-category-C0003" src="https://code.tidio.co/abcdef.js"></script>`, "tidio"},
		{"klaro data-src", `<script type="text/plain" data-type="application/javascript" data-name="intercom" data-src="https://widget.intercom.io/widget/abc123"></script>`, "intercom"},
		{"wp rocket delayed", `<script type="rocketlazyloadscript" data-rocket-src="https://static.zdassets.com/ekr/snippet.js?key=abc" id="ze-snippet"></script>`, "zendesk"},
	}
	for _, tc := range cases {
		f := probeHTML(tc.html)
		if !slices.Equal(f.Vendors, []string{tc.want}) {
			t.Errorf("%s: Vendors = %v, want [%s]", tc.name, f.Vendors, tc.want)
		}
	}
}

func TestLinks(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"wa.me floating button", `<a href="https://wa.me/84901234567" class="whatsapp-float"><i class="fa fa-whatsapp"></i></a>`, "whatsapp"},
		{"wa.me with plus", `<a href="https://wa.me/+905321234567">WhatsApp</a>`, "whatsapp"},
		{"api.whatsapp.com send phone", `<a href="https://api.whatsapp.com/send?phone=34600123456&text=Hola">Escríbenos por WhatsApp</a>`, "whatsapp"},
		{"web.whatsapp.com", `<a href="https://web.whatsapp.com/send?phone=4915112345678">WhatsApp</a>`, "whatsapp"},
		{"whatsapp scheme", `<a href="whatsapp://send?phone=905321234567">WhatsApp</a>`, "whatsapp"},
		{"business short link", `<a href="https://wa.me/message/ABCDEFG2HIJKL1">WhatsApp</a>`, "whatsapp"},
		{"wa.link", `<a href="https://wa.link/x7k2p9">Chat on WhatsApp</a>`, "whatsapp"},
		{"m.me", `<a href="https://m.me/acmeshop" target="_blank">Messenger</a>`, "messenger"},
		{"m.me with ref", `<a href="https://m.me/106183301182718?ref=website">Nhắn tin Facebook</a>`, "messenger"},
		{"messenger.com/t", `<a href="https://www.messenger.com/t/acmeshop">Message us</a>`, "messenger"},
		{"zalo phone", `<a href="https://zalo.me/0901234567" class="btn-zalo">Chat Zalo</a>`, "zalo"},
		{"zalo OA id", `<a href="https://zalo.me/2372716140535025833"><img src="/img/zalo.png" alt="Zalo"></a>`, "zalo"},
		{"tawk direct chat link", `<a href="https://tawk.to/chat/5f1a2b3c4d5e6f7a8b9c0d1e/1edc2b3a4">Chat with us</a>`, "tawkto"},
		{"livechat direct link", `<a href="https://direct.lc.chat/12345678/">Start chat</a>`, "livechat"},
		{"crisp chat page", `<a href="https://go.crisp.chat/chat/embed/?website_id=7b8c9d0e-1f2a-4b3c">Chat</a>`, "crisp"},
		{"relative href resolved against base", `<base href="https://wa.me/"><a href="84901234567">WhatsApp</a>`, "whatsapp"},
	}
	for _, tc := range cases {
		f := probeHTML(tc.html)
		if !slices.Equal(f.Vendors, []string{tc.want}) || !slices.Contains(signals(f, tc.want), SignalLink) {
			t.Errorf("%s: Vendors = %v, evidence %+v, want [%s] by link", tc.name, f.Vendors, f.Evidence, tc.want)
		}
	}
}

func TestHandlers(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"tawk javascript href", `<a href="javascript:void(Tawk_API.toggle())">Chat with us</a>`, "tawkto"},
		{"intercom onclick", `<button onclick="Intercom('show')">Talk to us</button>`, "intercom"},
		{"crisp onclick", `<a href="#" onclick="$crisp.push(['do', 'chat:open']); return false;">Chat</a>`, "crisp"},
		{"zendesk onclick", `<button onclick="zE('messenger', 'open')">Help</button>`, "zendesk"},
		{"livechat alpine", `<button x-on:click="LiveChatWidget.call('maximize')">Chat</button>`, "livechat"},
		{"freshchat onclick", `<span role="button" onclick="window.fcWidget.open()">Support</span>`, "freshchat"},
		{"help scout onclick", `<a href="#" onclick="Beacon('open')">Ask us</a>`, "helpscout"},
	}
	for _, tc := range cases {
		f := probeHTML(tc.html)
		if !slices.Equal(f.Vendors, []string{tc.want}) || !slices.Contains(signals(f, tc.want), SignalInlineGlobal) {
			t.Errorf("%s: Vendors = %v, evidence %+v, want [%s] by inline_global", tc.name, f.Vendors, f.Evidence, tc.want)
		}
	}
}

// TestRenderedPages checks widgets seen only after the page ran: the DOM the
// vendor injected and the globals it defined.
func TestRenderedPages(t *testing.T) {
	cases := []struct {
		name, html string
		globals    []string
		want       []string
	}{
		{"hubspot via tag manager", `<script src="https://js.usemessages.com/conversations-embed.js" id="hubspot-messages-loader" data-loader="hs-scriptloader" data-hsjs-portal="1234567"></script>
<div id="hubspot-messages-iframe-container" class="widget-align-right"><iframe id="hubspot-conversations-iframe" title="Chat Widget" src="https://app.hubspot.com/conversations-visitor/1234567/threads/utk/abc?uuid=x"></iframe></div>`,
			[]string{"HubSpotConversations", "_hsq"}, []string{"hubspot"}},
		{"intercom rendered", `<div id="intercom-container" class="intercom-namespace"><iframe id="intercom-frame" aria-hidden="true" tabindex="-1" title="Intercom"></iframe></div>
<div class="intercom-lightweight-app"><div class="intercom-lightweight-app-launcher" role="button" aria-label="Open Intercom Messenger"></div></div>`,
			[]string{"Intercom", "intercomSettings"}, []string{"intercom"}},
		{"jivo rendered", `<jdiv><jdiv class="globalClass_ET"><jdiv class="button__bEFyn"></jdiv></jdiv></jdiv>`, []string{"jivo_api"}, []string{"jivochat"}},
		{"zoho rendered", `<div data-id="zsalesiq" class="zsiq_floatmain zsiq_theme1" id="zsiq_float"></div>`, []string{"$zoho", "$ZSIQChat"}, []string{"zoho-salesiq"}},
		{"globals only", ``, []string{"Tawk_API", "jQuery", "dataLayer", "ga", "gtag"}, []string{"tawkto"}},
		{"facebook sdk global is not messenger", ``, []string{"FB", "fbq", "ZaloSocialSDK", "_hsq", "dataLayer"}, []string{}},
		{"two vendors", `<div class="crisp-client"></div>`, []string{"drift", "$crisp"}, []string{"crisp", "drift"}},
	}
	for _, tc := range cases {
		p := crawler.NewPage(testURL, page(tc.html))
		p.Rendered, p.Globals = true, tc.globals
		f := Probe(siteOf(p))
		if !slices.Equal(f.Vendors, tc.want) {
			t.Errorf("%s: Vendors = %v, want %v\nevidence: %+v", tc.name, f.Vendors, tc.want, f.Evidence)
		}
	}
}

func TestGeneric(t *testing.T) {
	cases := []struct {
		name, html string
		want       bool
	}{
		{"live chat link to chat page", `<a href="/live-chat">Live chat</a>`, true},
		{"chat with us button", `<button type="button" class="btn btn-primary">Chat with us</button>`, true},
		{"chat link to chat subdomain", `<a href="https://chat.acme-shop.example/">Chat with an agent</a>`, true},
		{"onclick opens chat", `<a href="#" onclick="openChat(); return false;">Start a chat</a>`, true},
		{"fragment", `<a href="#livechat">Live chat</a>`, true},
		{"class says chat", `<a class="open-chat" href="/support">Chat now</a>`, true},
		{"camelCase hook says chat", `<a id="openChat" href="/support">Chat now</a>`, true},
		{"chat-styled link to the contact page", `<a class="btn-chat" href="/lien-he"><i class="fa fa-comments"></i> Chat với chúng tôi</a>`, false},
		{"chat-styled link to a page", `<a class="chat-button" href="/contact">Chat with us</a>`, false},
		{"bare chat label on scripted button", `<button class="launcher" onclick="toggleChat()">Chat</button>`, true},
		{"aria-label icon button", `<button aria-label="Live chat"><svg viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg></button>`, true},
		{"German", `<a href="/kontakt/chat">Chatten Sie mit uns</a>`, true},
		{"Spanish", `<a href="/chat-en-vivo">Chat en vivo</a>`, true},
		{"bare chat label on plain link", `<a href="/chat">Chat</a>`, false},
		{"strong label to unrelated page", `<a href="/contact">Live chat</a>`, false},
		{"phrase in a paragraph", `<p>Live chat is available 24/7.</p>`, false},
		{"question", `<button>Do you offer live chat?</button>`, false},
		{"long sentence", `<a href="/live-chat">Find out when our live chat team is online and how to reach them</a>`, false},
	}
	for _, tc := range cases {
		f := probeHTML(tc.html)
		if f.Present != tc.want || len(f.Vendors) != 0 {
			t.Errorf("%s: Present = %v, Vendors = %v, want Present %v and no vendor\nevidence: %+v", tc.name, f.Present, f.Vendors, tc.want, f.Evidence)
			continue
		}
		if tc.want && (len(f.Evidence) == 0 || f.Evidence[0].Signal != SignalGeneric || f.Evidence[0].Vendor != "") {
			t.Errorf("%s: evidence = %+v, want a generic row", tc.name, f.Evidence)
		}
	}
}

func TestGenericDroppedWhenVendorFound(t *testing.T) {
	f := probeHTML(`<button onclick="openChat()">Live chat</button><script src="https://code.tidio.co/abc.js"></script>`)
	if !slices.Equal(f.Vendors, []string{"tidio"}) {
		t.Fatalf("Vendors = %v, want [tidio]", f.Vendors)
	}
	for _, e := range f.Evidence {
		if e.Vendor == "" {
			t.Errorf("generic evidence %+v reported beside a vendor", e)
		}
	}
}

// TestVietnamese checks pages shaped like Vietnamese shops: hotline,
// Zalo and Messenger buttons, a social row, a Subiz or Zalo widget.
func TestVietnamese(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
		present    bool
	}{
		{"floating zalo and messenger buttons", `<div class="hotline-bar"><a href="tel:0901234567">Hotline: 0901 234 567</a></div>
<div class="fixed-contact">
  <a href="https://zalo.me/0901234567" target="_blank" class="zalo-btn"><img src="/img/zalo.png" alt="Chat Zalo"></a>
  <a href="https://m.me/acmeshop.vn" target="_blank"><img src="/img/messenger.png" alt="Chat Facebook"></a>
</div>`, []string{"messenger", "zalo"}, true},
		{"footer social row", `<footer><h4>Kết nối với chúng tôi</h4><ul class="social">
<li><a href="https://www.facebook.com/acmeshop.vn" aria-label="Facebook"><i class="fab fa-facebook"></i></a></li>
<li><a href="https://zalo.me/2372716140535025833" aria-label="Zalo"><i class="icon-zalo"></i></a></li>
<li><a href="https://www.youtube.com/@acmeshop" aria-label="YouTube"><i class="fab fa-youtube"></i></a></li>
</ul></footer>`, []string{"zalo"}, true},
		{"zalo chat widget", `<div class="zalo-chat-widget" data-oaid="2372716140535025833" data-welcome-message="Rất vui khi được hỗ trợ bạn!" data-autopopup="0" data-width="350" data-height="420"></div>
<script src="https://sp.zalo.me/plugins/sdk.js"></script>`, []string{"zalo"}, true},
		{"subiz widget", `<script>(function(s, u, b, i, z){u[i]=u[i]||function(){u[i].t=+new Date();(u[i].q=u[i].q||[]).push(arguments);};z=s.createElement('script');var zz=s.getElementsByTagName('script')[0];z.async=1; z.src=b; z.id='subiz-script';zz.parentNode.insertBefore(z,zz);})(document, window, 'https://widgetv4.subiz.com/static/js/app.js', 'subiz');
subiz('setAccount', 'acqjefvcxfaxgfmgmjrk');</script>`, []string{"subiz"}, true},
		{"chat trực tuyến button, no vendor", `<a href="/chat-truc-tuyen" class="btn">Chat trực tuyến</a>`, []string{}, true},
		{"chat ngay scripted", `<a href="javascript:void(0)" class="btn-chat">CHAT NGAY</a>`, []string{}, true},
		{"share and follow only", `<div class="zalo-share-button" data-href="" data-oaid="579745863508352884" data-layout="1"></div>
<a href="https://zalo.me/579745863508352884">Theo dõi OA</a><script src="https://sp.zalo.me/plugins/sdk.js"></script>
<p>Liên hệ qua Zalo: 0901 234 567</p>`, []string{}, false},
	}
	for _, tc := range cases {
		p := crawler.NewPage("https://www.acme-shop.vn/", `<!doctype html><html lang="vi"><head><title>Cửa hàng Acme</title></head><body>
<header><nav><a href="/">Trang chủ</a> <a href="/san-pham">Sản phẩm</a> <a href="/lien-he">Liên hệ</a></nav></header>
<main><h1>Chào mừng</h1><p>Giao hàng toàn quốc.</p></main>`+tc.body+`</body></html>`)
		f := Probe(siteOf(p))
		if !slices.Equal(f.Vendors, tc.want) || f.Present != tc.present {
			t.Errorf("%s: Vendors = %v, Present = %v, want %v, %v\nevidence: %+v", tc.name, f.Vendors, f.Present, tc.want, tc.present, f.Evidence)
		}
	}
}

// TestTurkish checks pages shaped like Turkish shops.
func TestTurkish(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
		present    bool
	}{
		{"canlı destek link", `<a href="/canli-destek" class="live-support">Canlı Destek</a>`, []string{}, true},
		{"CANLI SOHBET button", `<button type="button" onclick="canliSohbetAc()">CANLI SOHBET</button>`, []string{}, true},
		{"whatsapp hattı", `<a href="https://api.whatsapp.com/send?phone=905321234567&text=Merhaba" class="whatsapp-destek">WhatsApp Destek Hattı</a>`, []string{"whatsapp"}, true},
		{"jivo", `<script src="//code.jivosite.com/widget/AbCdEfGh12" async></script>`, []string{"jivochat"}, true},
		{"sss and iletişim only", `<a href="/sss">Sıkça Sorulan Sorular</a> <a href="/iletisim">İletişim</a> <p>Canlı destek hattımız hafta içi açıktır.</p>`, []string{}, false},
	}
	for _, tc := range cases {
		p := crawler.NewPage("https://www.acme-magaza.com.tr/", `<!doctype html><html lang="tr"><head><title>Acme Mağaza</title></head><body>
<header><nav><a href="/">Ana Sayfa</a> <a href="/urunler">Ürünler</a></nav></header>`+tc.body+`</body></html>`)
		f := Probe(siteOf(p))
		if !slices.Equal(f.Vendors, tc.want) || f.Present != tc.present {
			t.Errorf("%s: Vendors = %v, Present = %v, want %v, %v\nevidence: %+v", tc.name, f.Vendors, f.Present, tc.want, tc.present, f.Evidence)
		}
	}
}

func TestAcrossPages(t *testing.T) {
	var pages []*crawler.Page
	for i, path := range []string{"", "a", "b", "c", "d", "e"} {
		body := `<script src="https://embed.tawk.to/5f1a2b3c/default"></script>`
		if i == 3 {
			body += `<a href="https://wa.me/84901234567">WhatsApp</a>`
		}
		pages = append(pages, crawler.NewPage(testURL+path, page(body)))
	}
	f := Probe(siteOf(pages...))
	if !slices.Equal(f.Vendors, []string{"tawkto", "whatsapp"}) {
		t.Fatalf("Vendors = %v, want [tawkto whatsapp]", f.Vendors)
	}
	n := map[string]int{}
	for _, e := range f.Evidence {
		n[e.Vendor]++
	}
	if n["tawkto"] < 1 || n["tawkto"] > MaxEvidence || n["whatsapp"] != 1 {
		t.Errorf("evidence per vendor = %v, want 1..%d for tawkto and 1 for whatsapp", n, MaxEvidence)
	}
	if f.Evidence[len(f.Evidence)-1].Page != testURL+"c" {
		t.Errorf("whatsapp evidence page = %q, want %q", f.Evidence[len(f.Evidence)-1].Page, testURL+"c")
	}
}

func TestEvidenceCapPrefersKinds(t *testing.T) {
	i := slices.IndexFunc(installSnippets, func(s struct {
		vendor  string
		html    string
		signals []string
	}) bool {
		return s.vendor == "zendesk"
	})
	f := probeHTML(installSnippets[i].html) // zendesk: script, two globals, DOM
	got := signals(f, "zendesk")
	if len(f.Evidence) != MaxEvidence || !slices.Contains(got, SignalDOM) || !slices.Contains(got, SignalScriptHost) || !slices.Contains(got, SignalInlineGlobal) {
		t.Errorf("evidence = %+v, want %d rows of three kinds", f.Evidence, MaxEvidence)
	}
}

func TestEmptyAndNil(t *testing.T) {
	for _, s := range []*crawler.Site{nil, {}, siteOf(crawler.NewPage(testURL, "")), {Pages: []*crawler.Page{nil}}} {
		f := Probe(s)
		if f.Present || f.Vendors == nil || len(f.Vendors) != 0 || f.Evidence == nil {
			t.Errorf("Probe(%v) = %+v, want absent with empty, non-nil slices", s, f)
		}
		b, _ := json.Marshal(f)
		if string(b) != `{"present":false,"vendors":[],"other_vendors":[],"evidence":[]}` {
			t.Errorf("JSON = %s", b)
		}
	}
}

func TestDetailBounded(t *testing.T) {
	long := "https://wa.me/84901234567?text=" + strings.Repeat("x", 500)
	f := probeHTML(`<a href="` + long + `">WhatsApp</a>`)
	if len(f.Evidence) != 1 || utf8.RuneCountInString(f.Evidence[0].Detail) > maxDetail {
		t.Errorf("evidence = %+v, want one row with a detail of at most %d characters", f.Evidence, maxDetail)
	}
}

// noisyPage is a home page carrying what real company sites carry besides
// chat: analytics and marketing tags, a consent banner, structured data,
// embedded video and map, a social-icon row, help-centre and FAQ links.
func noisyPage(chat string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme Outdoor — Gear for every trail</title>
<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="00000000-0000-0000-0000-000000000000" type="text/javascript" async></script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-ABC123XYZ');</script>
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-K9XYZ12');</script>
<script>(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:1234567,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');</script>
<script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/1234567.js"></script>
<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init','123456789012345');fbq('track','PageView');</script>
<script async type="text/javascript" src="https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=AbC123"></script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Acme Outdoor","url":"https://www.acme-shop.example/","contactPoint":{"@type":"ContactPoint","telephone":"+1-555-0100","contactType":"customer service"},"sameAs":["https://www.facebook.com/acmeoutdoor","https://m.me/acmeoutdoor","https://www.instagram.com/acmeoutdoor"]}</script>
<script>window.__APP_STATE__ = {"nav":[{"title":"Live chat","url":"/help/live-chat-hours"}],"support":{"provider":"Intercom","helpCenter":"https://acme.zendesk.com/hc"},"flags":{"chatEnabled":false}};</script>
<script src="https://www.google.com/recaptcha/api.js?render=6LcAAAAAAAAAAAAAAAAAAAAAAAAAAA"></script>
</head><body>
<div id="CybotCookiebotDialog" role="dialog"><p>We use cookies for analytics and to run our support chat.</p><button id="CybotCookiebotDialogBodyButtonAccept">Allow all</button></div>
<header class="site-header"><a href="/" class="logo"><img src="/logo.svg" alt="Acme Outdoor"></a>
<nav class="mega-menu"><ul><li><a href="/tents">Tents</a></li><li><a href="/backpacks">Backpacks</a></li><li><a href="/sale">Sale</a></li>
<li><a href="/help">Help</a><ul><li><a href="https://acme.zendesk.com/hc/en-us">Help Center</a></li><li><a href="/faq">FAQ</a></li><li><a href="/contact">Contact us</a></li><li><a href="/help/live-chat-hours">Live chat hours</a></li></ul></li></ul></nav>
<a href="tel:+15550100" class="hotline">+1 555 0100</a></header>
<main><h1>Gear for every trail</h1><p>Questions? Our team uses Zendesk, Intercom and WhatsApp Business behind the scenes.</p>
<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="YouTube video player" allowfullscreen></iframe>
<iframe src="https://www.google.com/maps/embed?pb=!1m18!1m12" width="400" height="300" loading="lazy"></iframe>
<section class="faq"><h2>FAQ</h2><button class="accordion">Do you have live chat?</button><div class="panel"><p>Yes — look for the bubble.</p></div></section>
<div class="trustpilot-widget" data-locale="en-US" data-template-id="5419b6a8b0d04a076446a9ad" data-businessunit-id="abc"><a href="https://www.trustpilot.com/review/acme-shop.example" target="_blank" rel="noopener">Trustpilot</a></div>
<p>Share: <a href="https://api.whatsapp.com/send?text=Acme%20Outdoor%20https%3A%2F%2Facme-shop.example">WhatsApp</a> <a href="https://www.facebook.com/sharer/sharer.php?u=acme-shop.example">Facebook</a></p>
</main>
<footer class="site-footer"><ul class="social"><li><a href="https://www.facebook.com/acmeoutdoor" aria-label="Facebook"></a></li><li><a href="https://www.instagram.com/acmeoutdoor" aria-label="Instagram"></a></li>
<li><a href="https://www.youtube.com/@acmeoutdoor" aria-label="YouTube"></a></li><li><a href="https://www.tiktok.com/@acmeoutdoor" aria-label="TikTok"></a></li><li><a href="https://www.linkedin.com/company/acme" aria-label="LinkedIn"></a></li></ul>
<p>Powered by <a href="https://www.shopify.com/">Shopify</a>. Support software by <a href="https://www.zendesk.com/">Zendesk</a>.</p>
<a href="/privacy">Privacy</a> <a href="mailto:help@acme-shop.example">help@acme-shop.example</a></footer>
` + chat + `
</body></html>`
}

// TestRealLookingSites puts each install snippet into a noisy page: the
// noise alone must read as no chat, and with a snippet exactly the snippet's
// vendor.
func TestRealLookingSites(t *testing.T) {
	f := Probe(siteOf(crawler.NewPage(testURL, noisyPage(""))))
	if f.Present {
		t.Fatalf("noisy page without chat: %+v", f)
	}
	tp, fp, fn := 0, 0, 0
	for _, tc := range installSnippets {
		f := Probe(siteOf(crawler.NewPage(testURL, noisyPage(tc.html)), crawler.NewPage(testURL+"faq", noisyPage(""))))
		f.Vendors = append(f.Vendors, f.OtherVendors...)
		for _, v := range f.Vendors {
			if v == tc.vendor {
				tp++
			} else {
				fp++
				t.Errorf("%s site: unexpected vendor %s, evidence %+v", tc.vendor, v, f.Evidence)
			}
		}
		if !slices.Contains(f.Vendors, tc.vendor) {
			fn++
			t.Errorf("%s site: vendor missed, got %v", tc.vendor, f.Vendors)
		}
	}
	t.Logf("vendor detection on noisy pages: %d true, %d false positives, %d missed", tp, fp, fn)
}
