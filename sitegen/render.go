package sitegen

import (
	"encoding/json"
	"fmt"
	"html"
	"math/rand/v2"
	"net/url"
	"strings"
)

// Page size bounds, in bytes: every page is padded or trimmed into them.
const (
	minPageBytes = 31_000
	maxPageBytes = 64_000
)

var esc = html.EscapeString

// pw writes one page and counts its links.
type pw struct {
	strings.Builder
	links int
}

func (w *pw) s(parts ...string) {
	for _, p := range parts {
		w.WriteString(p)
	}
}

// a writes a link; inner is HTML.
func (w *pw) a(href, attrs, inner string) {
	w.links++
	w.s(`<a href="`, esc(href), `"`)
	if attrs != "" {
		w.s(" ", attrs)
	}
	w.s(">", inner, "</a>")
}

func (g *gen) ui(key string, kv ...string) string {
	return fill(g.L.ui[key], append(kv, "{free}", g.free, "{b}", g.s.Name)...)
}

func (g *gen) helpPath() string {
	if p := g.paths[KindFAQ]; p != "" {
		return p
	}
	return g.paths[KindContact]
}

func icon(name string) string {
	return `<svg class="icon icon-` + name + `" aria-hidden="true" focusable="false" width="20" height="20"><use href="#icon-` + name + `"></use></svg>`
}

// renderChrome renders what every page shares: the end of <head>, the
// header with its mega-menu and mobile menu, and the footer.
func (g *gen) renderChrome() {
	L, s, r := g.L, g.s, g.rng

	// <head>, after the page's own title and meta tags.
	var h pw
	h.s(`<link rel="icon" type="image/png" href="/assets/favicon-32x32.png" sizes="32x32">
<link rel="apple-touch-icon" href="/assets/apple-touch-icon.png">
<link rel="preconnect" href="https://fonts.googleapis.com"><link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>
<link href="https://fonts.googleapis.com/css2?family=`, strings.ReplaceAll(g.font, " ", "+"), `:wght@400;500;600;700&amp;display=swap" rel="stylesheet">
<link rel="stylesheet" href="/assets/theme.min.css?v=`, g.ver, `">
<style>`, g.css(), `</style>
`)
	gtm := "GTM-" + strings.ToUpper(alnum(r, 7))
	h.s(`<!-- Google Tag Manager -->
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','`, gtm, `');</script>
<!-- End Google Tag Manager -->
`)
	if r.IntN(3) == 0 {
		h.s(`<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="`, uuid(r), `" data-blockingmode="auto" type="text/javascript"></script>
`)
	}
	org := map[string]any{
		"@context": "https://schema.org", "@type": "Organization", "name": s.Name, "legalName": s.Company,
		"url": "https://www." + s.Domain + "/", "logo": "https://www." + s.Domain + "/assets/img/logo.png",
		"foundingDate": fmt.Sprint(g.year), "sameAs": s.Social,
		"address": map[string]any{"@type": "PostalAddress", "streetAddress": g.addr, "addressLocality": g.place.city,
			"postalCode": g.place.postal, "addressCountry": s.Region},
	}
	if len(g.phones) > 0 {
		cp := map[string]any{"@type": "ContactPoint", "telephone": g.phones[0].e164, "contactType": "customer service",
			"areaServed": s.Region, "availableLanguage": []string{L.code}}
		if len(s.Emails) > 0 {
			cp["email"] = s.Emails[0]
		}
		org["contactPoint"] = []any{cp}
	}
	h.s(jsonLD(org), jsonLD(map[string]any{
		"@context": "https://schema.org", "@type": "WebSite", "name": s.Name, "url": "https://www." + s.Domain + "/",
		"potentialAction": map[string]any{"@type": "SearchAction", "target": "https://www." + s.Domain + "/search?q={search_term_string}",
			"query-input": "required name=search_term_string"},
	}))
	h.s("</head>\n")
	g.headTail = h.String()

	// The top of <body>: announcement, top bar, header, menus.
	var b pw
	b.s(`<!-- Google Tag Manager (noscript) -->
<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=`, gtm, `" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>
<!-- End Google Tag Manager (noscript) -->
`)
	b.a("#MainContent", `class="skip-to-content-link visually-hidden"`, esc(g.ui("skip")))
	b.s("\n", g.sprite(), "\n")
	b.s(`<div class="announcement-bar" role="region" aria-label="Announcement"><div class="container"><p class="announcement-bar__message">`, esc(g.ui("free_shipping")), ` &middot; `)
	if p := g.paths[KindShipping]; p != "" {
		b.a(p, `class="announcement-bar__link"`, esc(g.ui("details")))
	} else {
		b.a(g.cats[0].path, `class="announcement-bar__link"`, esc(g.ui("shop_now")))
	}
	b.s("</p></div></div>\n")
	b.s(`<div class="topbar"><div class="container topbar__inner"><ul class="topbar__left list-unstyled">`)
	if len(g.phones) > 0 {
		b.s("<li>", icon("phone"), " ")
		b.a("tel:"+g.phones[0].e164, `class="topbar__phone"`, esc(g.phones[0].display))
		b.s("</li>")
	}
	if len(s.Emails) > 0 && r.IntN(2) == 0 {
		b.s("<li>", icon("mail"), " ")
		b.a("mailto:"+s.Emails[0], "", esc(s.Emails[0]))
		b.s("</li>")
	}
	b.s(`</ul><ul class="topbar__right list-unstyled"><li>`)
	b.a(g.helpPath(), "", esc(g.ui("help")))
	b.s("</li><li>")
	b.a(g.paths[KindContact]+"#stores", "", esc(g.ui("stores")))
	b.s("</li><li>")
	b.a(g.helpPath()+"#tracking", "", esc(g.ui("track_order")))
	b.s("</li></ul></div></div>\n")

	b.s(`<header class="site-header" id="site-header"><div class="container header__inner">
<button type="button" class="header__menu-toggle" aria-controls="mobile-menu" aria-expanded="false">`, icon("menu"), `<span class="visually-hidden">`, esc(g.ui("menu")), `</span></button>
`)
	b.a("/", `class="header__logo"`, `<img src="/assets/img/logo.svg" alt="`+esc(s.Name)+`" width="160" height="40">`)
	b.s(`
<form class="header__search search" action="/search" method="get" role="search"><label for="Search-In-Header" class="visually-hidden">`, esc(g.ui("search")), `</label><input id="Search-In-Header" class="search__input" type="search" name="q" placeholder="`, esc(g.ui("search_placeholder")), `" autocomplete="off"><button type="submit" class="search__button" aria-label="`, esc(g.ui("search")), `">`, icon("search"), `</button></form>
<div class="header__icons"><button type="button" class="header__icon" aria-label="`, esc(g.ui("account")), `" data-drawer="account">`, icon("user"), `</button><button type="button" class="header__icon" aria-label="`, esc(g.ui("wishlist")), `" data-drawer="wishlist">`, icon("heart"), `</button><button type="button" class="header__icon header__icon--cart" aria-label="`, esc(g.ui("cart")), `" data-drawer="cart">`, icon("cart"), `<span class="cart-count-bubble" aria-hidden="true">0</span></button></div>
</div>
<nav class="main-nav" aria-label="Main"><ul class="main-nav__list container list-unstyled">
`)
	for _, c := range g.cats {
		b.s(`<li class="main-nav__item has-mega">`)
		b.a(c.path, `class="main-nav__link" aria-haspopup="true" aria-expanded="false"`, esc(c.name))
		b.s(`<div class="mega-menu" role="region"><div class="mega-menu__inner container"><div class="mega-menu__col"><p class="mega-menu__heading">`, esc(c.name), `</p><ul class="list-unstyled">`)
		for _, p := range c.prods[:min(6, len(c.prods))] {
			b.s("<li>")
			b.a(p.path, `class="mega-menu__link"`, esc(p.name))
			b.s("</li>")
		}
		b.s("<li>")
		b.a(c.path, `class="mega-menu__link mega-menu__link--all"`, esc(g.ui("shop_all", "{c}", c.name)))
		b.s(`</li></ul></div><div class="mega-menu__col"><p class="mega-menu__heading">`, esc(g.ui("bestsellers")), `</p><ul class="list-unstyled">`)
		for _, p := range g.drawProducts(r, min(6, len(g.prods)), nil) {
			b.s("<li>")
			b.a(p.path, `class="mega-menu__link"`, esc(p.name))
			b.s("</li>")
		}
		b.s("</ul></div>")
		if len(c.prods) > 0 {
			p := c.prods[len(c.prods)-1]
			b.s(`<div class="mega-menu__col mega-menu__promo">`)
			b.a(p.path, `class="promo-tile"`, `<img src="/cdn/shop/files/`+p.slug+`-promo.jpg?v=`+g.ver+`&amp;width=480" alt="" width="480" height="320" loading="lazy"><span class="promo-tile__label">`+esc(g.ui("new_arrivals"))+`</span><span class="promo-tile__title">`+esc(p.name)+`</span>`)
			b.s("</div>")
		}
		b.s("</div></div></li>\n")
	}
	b.s(`<li class="main-nav__item">`)
	b.a(pick(r, g.cats).path, `class="main-nav__link main-nav__link--sale"`, esc(g.ui("on_sale")))
	b.s(`</li><li class="main-nav__item">`)
	b.a(g.helpPath(), `class="main-nav__link"`, esc(g.ui("help")))
	b.s(`</li><li class="main-nav__item">`)
	b.a(g.paths[KindContact], `class="main-nav__link"`, esc(g.ui("contact")))
	b.s("</li></ul></nav>\n</header>\n")

	b.s(`<div id="mobile-menu" class="drawer menu-drawer" hidden><div class="drawer__header"><span class="drawer__title">`, esc(g.ui("menu")), `</span><button type="button" class="drawer__close" aria-label="`, esc(g.ui("close")), `">`, icon("close"), `</button></div>
<nav class="menu-drawer__navigation" aria-label="`, esc(g.ui("menu")), `"><ul class="menu-drawer__menu list-unstyled">
`)
	for _, c := range g.cats {
		b.s(`<li><details><summary class="menu-drawer__menu-item">`, esc(c.name), icon("caret"), `</summary><ul class="menu-drawer__submenu list-unstyled"><li>`)
		b.a(c.path, `class="menu-drawer__menu-item"`, esc(g.ui("view_all")))
		b.s("</li>")
		for _, p := range c.prods[:min(6, len(c.prods))] {
			b.s("<li>")
			b.a(p.path, `class="menu-drawer__menu-item"`, esc(p.name))
			b.s("</li>")
		}
		b.s("</ul></details></li>\n")
	}
	for _, k := range []string{KindFAQ, KindContact, KindAbout} {
		if p := g.paths[k]; p != "" {
			b.s("<li>")
			b.a(p, `class="menu-drawer__menu-item"`, esc(g.ui(k)))
			b.s("</li>")
		}
	}
	b.s(`</ul></nav><div class="menu-drawer__utility">`)
	if len(g.phones) > 0 {
		b.a("tel:"+g.phones[0].e164, `class="menu-drawer__phone"`, icon("phone")+" "+esc(g.phones[0].display))
	}
	b.s("</div></div>\n")
	g.bodyTop = b.String()

	// The footer, the cookie banner, the chat snippet and late scripts.
	var f pw
	f.s(`<section class="usp-bar"><div class="container usp-bar__grid">`)
	f.s(`<div class="usp">`, icon("truck"))
	if p := g.paths[KindShipping]; p != "" {
		f.a(p, "", esc(g.ui("fast_delivery")))
	} else {
		f.s("<span>", esc(g.ui("fast_delivery")), "</span>")
	}
	f.s(`</div><div class="usp">`, icon("return"))
	if p := g.paths[KindReturns]; p != "" {
		f.a(p, "", esc(g.ui("easy_returns")))
	} else {
		f.s("<span>", esc(g.ui("easy_returns")), "</span>")
	}
	f.s(`</div><div class="usp">`, icon("lock"), "<span>", esc(g.ui("secure_payment")), `</span></div><div class="usp">`, icon("phone"))
	if len(g.phones) > 0 {
		f.a("tel:"+g.phones[0].e164, "", esc(g.ui("hotline"))+" "+esc(g.phones[0].display))
	} else {
		f.a(g.paths[KindContact], "", esc(g.ui("contact")))
	}
	f.s("</div></div></section>\n")
	f.s(`<section class="newsletter"><div class="container"><h2 class="newsletter__title">`, esc(g.ui("newsletter_title")), `</h2><p>`, esc(g.ui("newsletter_text")), `</p><form method="post" action="/contact#newsletter" class="newsletter-form"><input type="hidden" name="form_type" value="customer"><input type="email" name="contact[email]" class="newsletter-form__field" placeholder="`, esc(g.ui("email_placeholder")), `" autocomplete="email" required><button type="submit" class="btn">`, esc(g.ui("subscribe")), "</button></form></div></section>\n")
	f.s(`<footer class="site-footer" role="contentinfo"><div class="container footer__grid">`)
	f.s(`<div class="footer__col"><h3 class="footer__heading">`, esc(g.ui("customer_service")), `</h3><ul class="list-unstyled">`)
	for _, k := range []string{KindContact, KindFAQ, KindReturns, KindShipping, KindWarranty} {
		if p := g.paths[k]; p != "" {
			label := g.ui(k)
			if pol, ok := L.policies[k]; ok {
				label = pol.title
			}
			f.s("<li>")
			f.a(p, "", esc(label))
			f.s("</li>")
		}
	}
	f.s("<li>")
	f.a(g.helpPath()+"#tracking", "", esc(g.ui("track_order")))
	f.s(`</li></ul></div><div class="footer__col"><h3 class="footer__heading">`, esc(g.ui("information")), `</h3><ul class="list-unstyled">`)
	for _, k := range []string{KindAbout, KindTerms, KindPrivacy} {
		if p := g.paths[k]; p != "" {
			f.s("<li>")
			f.a(p, "", esc(L.policies[k].title))
			f.s("</li>")
		}
	}
	f.s("<li>")
	f.a(g.paths[KindContact]+"#stores", "", esc(g.ui("stores")))
	f.s(`</li></ul></div><div class="footer__col"><h3 class="footer__heading">`, esc(g.ui("categories")), `</h3><ul class="list-unstyled">`)
	for _, c := range g.cats {
		f.s("<li>")
		f.a(c.path, "", esc(c.name))
		f.s("</li>")
	}
	f.s(`</ul></div><div class="footer__col footer__contact"><h3 class="footer__heading">`, esc(g.ui("contact_info")), `</h3><p class="footer__company"><strong>`, esc(s.Company), `</strong></p><p>`, icon("pin"), " ", esc(g.addr), " ")
	f.a("https://www.google.com/maps/search/?api=1&query="+url.QueryEscape(g.addr), `target="_blank" rel="noopener"`, esc(g.ui("map")))
	f.s("</p>")
	for _, p := range g.phones {
		f.s("<p>", icon("phone"), " ", esc(g.ui("hotline")), ": ")
		f.a("tel:"+p.e164, "", esc(p.display))
		f.s("</p>")
	}
	for _, e := range s.Emails {
		f.s("<p>", icon("mail"), " ", esc(g.ui("email_us")), ": ")
		f.a("mailto:"+e, "", esc(e))
		f.s("</p>")
	}
	f.s("<p>", icon("clock"), " ", esc(g.ui("opening_hours")), ": ", esc(g.ui("hours_text")), "</p></div></div>\n")
	f.s(`<div class="container footer__tags"><h3 class="footer__heading">`, esc(g.ui("bestsellers")), `</h3><p class="tag-cloud">`)
	for _, p := range g.drawProducts(r, min(12+r.IntN(9), len(g.prods)), nil) {
		f.a(p.path, `class="tag"`, esc(p.name))
		f.s(" ")
	}
	f.s("</p></div>\n")
	f.s(`<div class="container footer__middle"><div class="footer__social"><span>`, esc(g.ui("follow_us")), `</span><ul class="list-unstyled social-icons">`)
	for _, l := range g.social {
		f.s("<li>")
		f.a(l.url, `target="_blank" rel="noopener" aria-label="`+s.Name+` on `+l.network+`"`, icon(l.network))
		f.s("</li>")
	}
	f.s(`</ul></div><div class="footer__apps"><span>`, esc(g.ui("download_app")), `</span>`)
	app := strings.ReplaceAll(slugify(s.Name), "-", "")
	f.a(fmt.Sprint("https://apps.apple.com/app/id", 1000000000+r.IntN(900000000)), `target="_blank" rel="noopener"`, `<img src="/assets/img/app-store-badge.svg" alt="App Store" width="120" height="40" loading="lazy">`)
	f.a("https://play.google.com/store/apps/details?id=com."+app+".app", `target="_blank" rel="noopener"`, `<img src="/assets/img/google-play-badge.png" alt="Google Play" width="135" height="40" loading="lazy">`)
	f.s(`</div><div class="footer__payments"><span>`, esc(g.ui("payment_methods")), `</span><ul class="list-unstyled payment-icons">`)
	pays := map[string][]string{"en": {"visa", "mastercard", "amex", "discover", "paypal", "apple-pay", "google-pay"},
		"vi": {"visa", "mastercard", "jcb", "momo", "zalopay", "vnpay", "cod"},
		"tr": {"visa", "mastercard", "troy", "amex", "iyzico", "havale", "kapida-odeme"}}[L.code]
	for _, p := range pays {
		f.s(`<li><img src="/assets/img/payment/`, p, `.svg" alt="`, p, `" width="38" height="24" loading="lazy"></li>`)
	}
	f.s("</ul></div></div>\n")
	f.s(`<div class="container footer__bottom"><p class="footer__copyright">&copy; `, fmt.Sprint(2025), " ", esc(s.Company), ". ", esc(g.ui("rights")), " ", esc(g.ui("tax_id")), ": ", g.taxID, "</p>")
	if L.gov != nil && r.IntN(4) > 0 {
		f.s(L.gov(g))
		f.links++
	}
	f.s(`<p class="footer__credit">`)
	switch L.code {
	case "vi":
		f.s("Thiết kế website bởi ")
		f.a(pick(r, []string{"https://www.haravan.com/", "https://www.sapo.vn/", "https://bizweb.vn/"}), `target="_blank" rel="nofollow noopener"`, pick(r, []string{"Haravan", "Sapo", "Bizweb"}))
	case "tr":
		f.a(pick(r, []string{"https://www.ikas.com/tr", "https://www.ticimax.com/", "https://www.ideasoft.com.tr/"}), `target="_blank" rel="nofollow noopener"`, pick(r, []string{"ikas", "Ticimax", "IdeaSoft"})+" e-ticaret altyapısı")
	default:
		f.a("https://www.shopify.com?utm_campaign=poweredby&utm_medium=shopify&utm_source=onlinestore", `target="_blank" rel="nofollow"`, "Powered by Shopify")
	}
	f.s("</p></div>\n</footer>\n")

	f.s(`<div id="cookie-banner" class="cookie-banner" role="dialog" aria-live="polite" aria-label="Cookies"><div class="cookie-banner__inner container"><p class="cookie-banner__text">`, esc(g.ui("cookie_text")), " ")
	if p := g.paths[KindPrivacy]; p != "" {
		f.a(p, `class="cookie-banner__link"`, esc(g.ui("cookie_more")))
	}
	f.s(`</p><div class="cookie-banner__buttons"><button type="button" class="btn btn--secondary" data-cookie-action="settings">`, esc(g.ui("cookie_settings")), `</button><button type="button" class="btn btn--secondary" data-cookie-action="reject">`, esc(g.ui("cookie_reject")), `</button><button type="button" class="btn btn--primary" data-cookie-action="accept">`, esc(g.ui("cookie_accept")), "</button></div></div></div>\n")

	if s.Chat != "" {
		snippet := chatSnippet(s.Chat, r, g)
		f.s(snippet, "\n")
		f.links += strings.Count(snippet, "<a ")
	}
	if L.code == "vi" && (s.Chat == "zalo" || s.Chat == "messenger") && len(g.phones) > 0 {
		f.s(`<div class="float-contact">`)
		if m := g.phones[len(g.phones)-1]; strings.HasPrefix(m.e164, "+849") || strings.HasPrefix(m.e164, "+848") {
			f.a("https://zalo.me/0"+m.e164[3:], `class="float-contact__zalo" target="_blank" rel="noopener"`, `<img src="/assets/img/zalo.svg" alt="Zalo" width="44" height="44">`)
		}
		f.a("tel:"+g.phones[0].e164, `class="float-contact__hotline"`, icon("phone")+`<span>`+esc(g.phones[0].display)+`</span>`)
		f.s("</div>\n")
	}
	f.s(`<script src="/assets/theme.min.js?v=`, g.ver, `" defer="defer"></script>
<script>
  window.theme = window.theme || {};
  theme.strings = {addToCart: "`, esc(g.ui("add_to_cart")), `", soldOut: "Sold out", unavailable: "Unavailable"};
  theme.routes = {cart_add_url: "/cart/add", cart_change_url: "/cart/change", cart_url: "/cart", search_url: "/search"};
  document.documentElement.className = document.documentElement.className.replace('no-js', 'js');
</script>
`)
	if r.IntN(2) == 0 {
		px := fmt.Sprint(100000000000000 + r.Int64N(900000000000000))
		f.s(`<!-- Meta Pixel Code -->
<script>
!function(f,b,e,v,n,t,s)
{if(f.fbq)return;n=f.fbq=function(){n.callMethod?
n.callMethod.apply(n,arguments):n.queue.push(arguments)};
if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';
n.queue=[];t=b.createElement(e);t.async=!0;
t.src=v;s=b.getElementsByTagName(e)[0];
s.parentNode.insertBefore(t,s)}(window, document,'script',
'https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '`, px, `');
fbq('track', 'PageView');
</script>
<noscript><img height="1" width="1" style="display:none"
src="https://www.facebook.com/tr?id=`, px, `&ev=PageView&noscript=1"
/></noscript>
<!-- End Meta Pixel Code -->
`)
	}
	f.s("</body>\n</html>\n")
	g.footer = f.String()
	g.chromeLinks = b.links + f.links
}

func jsonLD(v any) string {
	j, _ := json.Marshal(v)
	return `<script type="application/ld+json">` + string(j) + "</script>\n"
}

// renderPage renders one page. Its main content is the page's own; then
// product carousels and text are added until the page reaches a size and
// a link count drawn for it, as on real shops.
func (g *gen) renderPage(r *rand.Rand, path, kind string, c *catInfo, p *product) string {
	s, L := g.s, g.L
	title, desc := s.Name, g.ui("hero_text", "{c}", g.ind.label)
	switch kind {
	case KindHome:
		title = s.Name + " | " + g.ind.label
	case KindCategory:
		title = c.name + " | " + s.Name
		desc = fill(L.catText[0], "{c}", c.name, "{b}", s.Name)
	case KindProduct:
		title = p.name + " | " + s.Name
		desc = g.sentence(r, p)
	case KindContact, KindFAQ:
		title = g.ui(map[string]string{KindContact: "contact", KindFAQ: "faq_long"}[kind]) + " | " + s.Name
	default:
		title = L.policies[kind].title + " | " + s.Name
	}
	var w pw
	w.Grow(maxPageBytes + 4096)
	w.s(`<!DOCTYPE html>
<html lang="`, pick(r, L.htmlLang), `" class="no-js">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="theme-color" content="`, g.color, `">
<title>`, esc(title), `</title>
<meta name="description" content="`, esc(desc), `">
<link rel="canonical" href="https://www.`, s.Domain, path, `">
<meta property="og:site_name" content="`, esc(s.Name), `">
<meta property="og:url" content="https://www.`, s.Domain, path, `">
<meta property="og:title" content="`, esc(title), `">
<meta property="og:type" content="`, map[bool]string{true: "product", false: "website"}[kind == KindProduct], `">
<meta property="og:description" content="`, esc(desc), `">
<meta property="og:image" content="https://www.`, s.Domain, `/cdn/shop/files/og-`, slugify(kind), `.jpg?v=`, g.ver, `">
<meta name="twitter:card" content="summary_large_image">
`)
	w.s(g.pageLD(kind, path, c, p))
	w.s(g.headTail)
	w.s(`<body class="template-`, kind, `">`, "\n", g.bodyTop)
	w.links += g.chromeLinks
	w.s(`<main id="MainContent" class="main-content" role="main" tabindex="-1">`, "\n")
	g.breadcrumbs(&w, kind, c, p)
	switch kind {
	case KindHome:
		g.home(&w, r)
	case KindCategory:
		g.category(&w, r, c)
	case KindProduct:
		g.product(&w, r, p)
	case KindContact:
		g.contact(&w, r)
	case KindFAQ:
		g.faqPage(&w, r)
	default:
		g.policy(&w, r, kind)
	}

	// Pad to this page's link and size targets: product carousels first,
	// then text, never past maxPageBytes.
	links := 95 + r.IntN(90)
	size := minPageBytes + r.IntN(16000)
	if r.IntN(5) == 0 {
		size = minPageBytes + r.IntN(maxPageBytes-minPageBytes-4000)
	}
	room := func() int { return maxPageBytes - 200 - len(g.footer) - w.Len() - len("</main>\n") }
	for w.links < links {
		var blk pw
		n := min(8, max(1, (links-w.links+2)/3))
		g.carousel(&blk, r, pick(r, []string{"you_may_like", "bestsellers", "recently_viewed", "new_arrivals"}), g.drawProducts(r, n, p))
		if blk.Len() > room() {
			break
		}
		w.s(blk.String())
		w.links += blk.links
	}
	for w.Len()+len(g.footer) < size {
		var blk pw
		g.filler(&blk, r, kind, c, p)
		if blk.Len() > room() {
			break
		}
		w.s(blk.String())
	}
	w.s("</main>\n", g.footer)
	return w.String()
}

// pageLD is the page's own JSON-LD: breadcrumbs, a product, an FAQ.
func (g *gen) pageLD(kind, path string, c *catInfo, p *product) string {
	s := g.s
	root := "https://www." + s.Domain
	var out string
	if c != nil {
		items := []any{
			map[string]any{"@type": "ListItem", "position": 1, "name": g.ui("home"), "item": root + "/"},
			map[string]any{"@type": "ListItem", "position": 2, "name": c.name, "item": root + c.path},
		}
		if p != nil {
			items = append(items, map[string]any{"@type": "ListItem", "position": 3, "name": p.name, "item": root + p.path})
		}
		out += jsonLD(map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
	}
	if p != nil {
		out += jsonLD(map[string]any{
			"@context": "https://schema.org/", "@type": "Product", "name": p.name, "sku": p.sku,
			"image":       []string{root + "/cdn/shop/files/" + p.slug + "-1.jpg"},
			"description": fill(g.L.describe[0], "{p}", p.name), "brand": map[string]any{"@type": "Brand", "name": s.Name},
			"aggregateRating": map[string]any{"@type": "AggregateRating", "ratingValue": fmt.Sprintf("%.1f", p.rating), "reviewCount": p.reviews + 1},
			"offers": map[string]any{"@type": "Offer", "url": root + p.path, "priceCurrency": map[string]string{"en": "USD", "vi": "VND", "tr": "TRY"}[g.L.code],
				"price": strings.Trim(strings.NewReplacer("$", "", "₫", "", " TL", "", ",", "").Replace(g.L.price(p.price)), " "), "availability": "https://schema.org/InStock",
				"itemCondition": "https://schema.org/NewCondition"},
		})
	}
	if kind == KindFAQ && s.Seed%2 == 0 {
		var qs []any
		for _, q := range g.faq {
			qs = append(qs, map[string]any{"@type": "Question", "name": q.q, "acceptedAnswer": map[string]any{"@type": "Answer", "text": q.a}})
		}
		out += jsonLD(map[string]any{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": qs})
	}
	return out
}

func (g *gen) breadcrumbs(w *pw, kind string, c *catInfo, p *product) {
	if kind == KindHome {
		return
	}
	w.s(`<nav class="breadcrumbs container" aria-label="breadcrumb"><ol class="breadcrumbs__list list-unstyled"><li class="breadcrumbs__item">`)
	w.a("/", `class="breadcrumbs__link"`, esc(g.ui("home")))
	w.s("</li>")
	if c != nil {
		w.s(`<li class="breadcrumbs__item">`)
		if p != nil {
			w.a(c.path, `class="breadcrumbs__link"`, esc(c.name))
		} else {
			w.s(`<span aria-current="page">`, esc(c.name), `</span>`)
		}
		w.s("</li>")
	}
	name := ""
	switch {
	case p != nil:
		name = p.name
	case kind == KindContact, kind == KindFAQ:
		name = g.ui(kind)
	case c == nil:
		name = g.L.policies[kind].title
	}
	if name != "" {
		w.s(`<li class="breadcrumbs__item"><span aria-current="page">`, esc(name), `</span></li>`)
	}
	w.s("</ol></nav>\n")
}

// sentence is one product description sentence.
func (g *gen) sentence(r *rand.Rand, p *product) string {
	return fill(pick(r, g.L.describe), "{p}", p.name, "{s}", p.series, "{c}", p.cat.name, "{b}", g.s.Name,
		"{m}", p.material, "{col}", p.color, "{free}", g.free)
}

func (g *gen) paragraph(r *rand.Rand, pool []string, n int, kv ...string) string {
	var parts []string
	for _, i := range r.Perm(len(pool))[:min(n, len(pool))] {
		parts = append(parts, fill(pool[i], kv...))
	}
	return "<p>" + esc(strings.Join(parts, " ")) + "</p>\n"
}

func (g *gen) drawProducts(r *rand.Rand, n int, not *product) []*product {
	var out []*product
	for _, i := range r.Perm(len(g.prods)) {
		if len(out) == n {
			break
		}
		if g.prods[i] != not {
			out = append(out, g.prods[i])
		}
	}
	for len(out) < n && len(g.prods) > 0 { // tiny catalogue: repeat
		out = append(out, pick(r, g.prods))
	}
	return out
}

func (g *gen) card(w *pw, p *product) {
	w.s(`<div class="product-card" data-id="`, p.sku, `">`)
	w.a(p.path, `class="product-card__media" tabindex="-1"`, `<img src="/cdn/shop/files/`+p.slug+`-1.jpg?width=400" alt="`+esc(p.name)+`" width="400" height="400" loading="lazy">`)
	w.s(`<h3 class="product-card__title">`)
	w.a(p.path, "", esc(p.name))
	w.s(`</h3>`)
	w.a(p.path+"#reviews", `class="rating"`, fmt.Sprintf("%.1f★ (%d)", p.rating, p.reviews))
	w.s(`<p class="price">`, esc(g.L.price(p.price)))
	if p.was > 0 {
		w.s(` <s>`, esc(g.L.price(p.was)), `</s>`)
	}
	w.s(`</p><button type="button" class="btn btn--small" data-add-to-cart="`, p.sku, `">`, esc(g.ui("add_to_cart")), "</button></div>\n")
}

func (g *gen) carousel(w *pw, r *rand.Rand, titleKey string, prods []*product) {
	w.s(`<section class="product-carousel container" data-carousel><div class="section-header"><h2 class="section-title">`, esc(g.ui(titleKey)), `</h2></div><div class="product-carousel__track">`, "\n")
	for _, p := range prods {
		g.card(w, p)
	}
	w.s("</div></section>\n")
}

// filler is a block of text that makes a page longer without adding links.
func (g *gen) filler(w *pw, r *rand.Rand, kind string, c *catInfo, p *product) {
	L := g.L
	switch {
	case p != nil:
		w.s(`<div class="review">`)
		w.s(`<p class="review__author"><strong>`, esc(pick(r, L.reviewers)), `</strong> <span class="review__stars">`, strings.Repeat("★", 3+r.IntN(3)), `</span> <time>`, L.date(2024+r.IntN(2), 1+r.IntN(12), 1+r.IntN(28)), `</time></p>`)
		w.s(`<p class="review__body">`, esc(pick(r, L.reviews)), " ", esc(g.sentence(r, p)), "</p></div>\n")
	case c != nil:
		w.s(`<div class="rte collection-text container">`, g.paragraph(r, L.catText, 3, "{c}", c.name, "{b}", g.s.Name))
		q := pick(r, g.prods)
		w.s("<p>", esc(g.sentence(r, q)), " ", esc(g.sentence(r, q)), "</p></div>\n")
	case kind == KindFAQ || kind == KindContact || kind == KindHome:
		q := pick(r, g.prods)
		w.s(`<div class="rte container"><p>`, esc(g.sentence(r, q)), " ", esc(g.sentence(r, q)), " ", esc(g.sentence(r, q)), "</p></div>\n")
	default:
		w.s(`<div class="rte container">`, g.paragraph(r, L.policies[kind].sentences, 3, g.policyVars(r)...), "</div>\n")
	}
}

func (g *gen) policyVars(r *rand.Rand) []string {
	return []string{"{b}", g.s.Name, "{city}", g.place.city, "{free}", g.free, "{ship}", g.ship,
		"{year}", fmt.Sprint(g.year), "{n}", fmt.Sprint(10000 * (2 + g.year%9)), "{state}", g.place.state}
}

func (g *gen) home(w *pw, r *rand.Rand) {
	w.s(`<section class="hero-slider" data-autoplay="5000">`)
	for i, c := range g.cats[:min(3, len(g.cats))] {
		w.s(`<div class="hero-slide`, map[bool]string{true: " is-active", false: ""}[i == 0], `"><img src="/cdn/shop/files/hero-`, c.slug, `.jpg?v=`, g.ver, `&amp;width=1600" alt="" width="1600" height="700"`, map[bool]string{true: ` fetchpriority="high"`, false: ` loading="lazy"`}[i == 0], `><div class="hero-slide__content"><h2 class="hero-slide__title">`, esc(g.ui("hero_title")), `</h2><p>`, esc(g.ui("hero_text", "{c}", c.name)), `</p>`)
		w.a(c.path, `class="btn btn--primary"`, esc(g.ui("shop_now")))
		w.s("</div></div>\n")
	}
	w.s("</section>\n", `<section class="category-tiles container"><h2 class="section-title">`, esc(g.ui("categories")), `</h2><div class="grid grid--3">`)
	for _, c := range g.cats {
		w.s(`<div class="category-tile">`)
		w.a(c.path, `class="category-tile__media" tabindex="-1"`, `<img src="/cdn/shop/collections/`+c.slug+`.jpg?v=`+g.ver+`&amp;width=600" alt="`+esc(c.name)+`" width="600" height="600" loading="lazy">`)
		w.a(c.path, `class="category-tile__title"`, esc(c.name)+" "+icon("arrow"))
		w.s("</div>")
	}
	w.s("</div></section>\n")
	g.carousel(w, r, "bestsellers", g.drawProducts(r, min(8, len(g.prods)), nil))
	w.s(`<section class="brand-story container"><h2>`, esc(g.ui("our_story")), "</h2>", g.paragraph(r, g.L.policies[KindAbout].sentences, 3, g.policyVars(r)...))
	if p := g.paths[KindAbout]; p != "" {
		w.a(p, `class="link link--arrow"`, esc(g.ui("read_more")))
	}
	w.s("</section>\n")
	g.carousel(w, r, "new_arrivals", g.drawProducts(r, min(8, len(g.prods)), nil))
	w.s(`<section class="testimonials container"><div class="grid grid--3">`)
	for range 3 {
		w.s(`<blockquote class="testimonial"><p>`, esc(pick(r, g.L.reviews)), `</p><footer>`, esc(pick(r, g.L.reviewers)), "</footer></blockquote>")
	}
	w.s("</div></section>\n")
}

func (g *gen) category(w *pw, r *rand.Rand, c *catInfo) {
	w.s(`<div class="collection container"><header class="collection__header"><h1 class="collection__title">`, esc(c.name), `</h1><div class="collection__description rte">`,
		g.paragraph(r, g.L.catText, 2, "{c}", c.name, "{b}", g.s.Name), `</div></header>
<div class="collection__toolbar"><p class="collection__count">`, esc(g.ui("products_count", "{n}", fmt.Sprint(len(c.prods)))), `</p><label for="SortBy">`, esc(g.ui("sort_by")), `</label><select id="SortBy" name="sort_by" class="select">`)
	for i, o := range strings.Split(g.ui("sort_options"), "|") {
		w.s(`<option value="`, fmt.Sprint(i), `">`, esc(o), "</option>")
	}
	w.s(`</select><button type="button" class="btn btn--secondary collection__filter-toggle">`, icon("filter"), " ", esc(g.ui("filter")), `</button></div>
<div class="collection__layout"><aside class="facets"><form class="facets__form"><fieldset><legend>`, esc(g.ui("spec_color")), "</legend>")
	for i, col := range g.L.colors[:6] {
		w.s(`<label class="facet-checkbox"><input type="checkbox" name="filter.color" value="`, fmt.Sprint(i), `"> `, esc(col), ` <span class="facet-checkbox__count">(`, fmt.Sprint(1+r.IntN(9)), ")</span></label>")
	}
	w.s("</fieldset><fieldset><legend>", esc(g.ui("spec_material")), "</legend>")
	for i, m := range g.L.materials[:5] {
		w.s(`<label class="facet-checkbox"><input type="checkbox" name="filter.material" value="`, fmt.Sprint(i), `"> `, esc(m), "</label>")
	}
	w.s(`</fieldset></form></aside><div class="collection__grid grid grid--4">`, "\n")
	for _, p := range c.prods[:min(24, len(c.prods))] {
		g.card(w, p)
	}
	w.s("</div></div></div>\n")
}

func (g *gen) product(w *pw, r *rand.Rand, p *product) {
	L := g.L
	img := "/cdn/shop/files/" + p.slug
	w.s(`<section class="product container" data-product-id="`, p.sku, `"><div class="product__media-gallery">`)
	for i := 1; i <= 4; i++ {
		w.s(`<img src="`, img, "-", fmt.Sprint(i), `.jpg?v=`, g.ver, `&amp;width=900" srcset="`, img, "-", fmt.Sprint(i), `.jpg?v=`, g.ver, `&amp;width=450 450w, `, img, "-", fmt.Sprint(i), `.jpg?v=`, g.ver, `&amp;width=900 900w" alt="`, esc(p.name), `" width="900" height="900"`, map[bool]string{true: ` fetchpriority="high"`, false: ` loading="lazy"`}[i == 1], ">")
	}
	w.s(`</div><div class="product__info"><p class="product__vendor">`, esc(g.s.Name), `</p><h1 class="product__title">`, esc(p.name), `</h1><div class="rating">`)
	w.a("#reviews", `class="rating__link"`, fmt.Sprintf("%.1f", p.rating)+" ★ "+esc(g.ui("reviews_count", "{n}", fmt.Sprint(p.reviews))))
	w.s(`</div><div class="price price--large"><span class="price__sale">`, esc(L.price(p.price)), `</span>`)
	if p.was > 0 {
		w.s(` <s class="price__compare">`, esc(L.price(p.was)), "</s>")
	}
	w.s(`</div><p class="product__stock">`, icon("check"), " ", esc(g.ui("in_stock")), `</p><fieldset class="product__variants"><legend>`, esc(g.ui("spec_color")), "</legend>")
	for i, col := range L.colors[:3+r.IntN(3)] {
		w.s(`<input type="radio" id="color-`, fmt.Sprint(i), `" name="color" value="`, esc(col), `"`, map[bool]string{true: " checked", false: ""}[i == 0], `><label for="color-`, fmt.Sprint(i), `">`, esc(col), "</label>")
	}
	w.s(`</fieldset><form method="post" action="/cart/add" class="product-form"><input type="hidden" name="id" value="`, p.sku, `"><label for="qty">`, esc(g.ui("qty")), `</label><input id="qty" type="number" name="quantity" value="1" min="1"><button type="submit" class="btn btn--primary btn--full">`, esc(g.ui("add_to_cart")), `</button></form><ul class="product__usps list-unstyled">`)
	for _, k := range []string{KindShipping, KindReturns, KindWarranty} {
		label := map[string]string{KindShipping: "fast_delivery", KindReturns: "easy_returns", KindWarranty: "spec_warranty"}[k]
		w.s("<li>", icon("check"), " ")
		if pth := g.paths[k]; pth != "" {
			w.a(pth, "", esc(g.ui(label)))
		} else {
			w.s(esc(g.ui(label)))
		}
		w.s("</li>")
	}
	w.s(`</ul></div></section>
<section class="product-tabs container"><details open><summary>`, esc(g.ui("description")), `</summary><div class="rte">`)
	for range 2 + r.IntN(2) {
		w.s("<p>")
		for range 3 {
			w.s(esc(g.sentence(r, p)), " ")
		}
		w.s("</p>")
	}
	w.s(`</div></details><details><summary>`, esc(g.ui("specs")), `</summary><table class="specs"><tbody>`)
	for _, row := range [][2]string{{"spec_brand", g.s.Name}, {"spec_model", join(p.series, p.model)}, {"spec_sku", p.sku},
		{"spec_color", p.color}, {"spec_material", p.material}, {"spec_weight", fmt.Sprintf("%d g", p.grams)},
		{"spec_warranty", g.ui("warranty_value")}, {"spec_origin", L.country}} {
		w.s("<tr><th>", esc(g.ui(row[0])), "</th><td>", esc(row[1]), "</td></tr>")
	}
	w.s(`</tbody></table></details></section>
<section id="reviews" class="reviews container"><h2>`, esc(g.ui("reviews")), "</h2>\n")
	for range 2 + r.IntN(3) {
		g.filler(w, r, KindProduct, p.cat, p)
	}
	w.s("</section>\n")
	var related []*product
	for _, q := range p.cat.prods {
		if q != p && len(related) < 8 {
			related = append(related, q)
		}
	}
	if len(related) > 0 {
		g.carousel(w, r, "related", related)
	}
}

func (g *gen) contact(w *pw, r *rand.Rand) {
	s := g.s
	w.s(`<section class="contact container"><h1 class="page-title">`, esc(g.ui("contact")), `</h1><div class="rte"><p>`, esc(g.ui("contact_intro")), "</p>")
	if p := g.paths[KindFAQ]; p != "" {
		w.s("<p>", esc(g.ui("faq_intro")), " ")
		w.a(p, "", esc(g.ui("faq_long")))
		w.s("</p>")
	}
	w.s(`</div><div class="contact__grid grid grid--3">`)
	if len(g.phones) > 0 {
		w.s(`<div class="contact-card">`, icon("phone"), `<h2 class="contact-card__title">`, esc(g.ui("hotline")), "</h2>")
		for _, p := range g.phones {
			w.s("<p>")
			w.a("tel:"+p.e164, `class="contact-card__value"`, esc(p.display))
			w.s("</p>")
		}
		w.s(`<p class="contact-card__note">`, esc(g.ui("hours_text")), "</p></div>")
	}
	if len(s.Emails) > 0 {
		w.s(`<div class="contact-card">`, icon("mail"), `<h2 class="contact-card__title">`, esc(g.ui("email_us")), "</h2>")
		for _, e := range s.Emails {
			w.s("<p>")
			w.a("mailto:"+e, `class="contact-card__value"`, esc(e))
			w.s("</p>")
		}
		w.s("</div>")
	}
	w.s(`<div class="contact-card">`, icon("pin"), `<h2 class="contact-card__title">`, esc(g.ui("address")), "</h2><address>", esc(s.Company), "<br>", esc(g.addr), "</address>")
	w.a("https://www.google.com/maps/search/?api=1&query="+url.QueryEscape(g.addr), `target="_blank" rel="noopener"`, esc(g.ui("map")))
	w.s("</div></div>\n")
	if s.ContactForm {
		w.s(`<form method="post" action="`, g.paths[KindContact], `#contact_form" id="contact_form" accept-charset="UTF-8" class="contact-form"><input type="hidden" name="form_type" value="contact"><input type="hidden" name="utf8" value="✓"><h2>`, esc(g.ui("form_title")), `</h2>
<div class="field"><label for="ContactForm-name">`, esc(g.ui("form_name")), `</label><input type="text" id="ContactForm-name" name="contact[name]" autocomplete="name" required></div>
<div class="field"><label for="ContactForm-email">`, esc(g.ui("form_email")), `</label><input type="email" id="ContactForm-email" name="contact[email]" autocomplete="email" required></div>
<div class="field"><label for="ContactForm-phone">`, esc(g.ui("form_phone")), `</label><input type="tel" id="ContactForm-phone" name="contact[phone]" autocomplete="tel"></div>
<div class="field"><label for="ContactForm-order">`, esc(g.ui("form_order")), `</label><input type="text" id="ContactForm-order" name="contact[order]"></div>
<div class="field"><label for="ContactForm-body">`, esc(g.ui("form_message")), `</label><textarea id="ContactForm-body" name="contact[body]" rows="6" required></textarea></div>
<div class="field field--checkbox"><input type="checkbox" id="ContactForm-consent" name="contact[consent]" required><label for="ContactForm-consent">`, esc(g.ui("form_consent")), `</label></div>
<button type="submit" class="btn btn--primary">`, esc(g.ui("form_send")), "</button></form>\n")
	}
	w.s(`<section id="stores" class="stores"><h2>`, esc(g.ui("stores_title")), `</h2><div class="store"><h3>`, esc(s.Name), " – ", esc(g.place.city), "</h3><p>", esc(g.addr), "</p><p>", esc(g.ui("opening_hours")), ": ", esc(g.ui("hours_text")), `</p></div>
<iframe class="stores__map" title="map" src="https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d`, fmt.Sprint(3000+r.IntN(900)), `!2d0!3d0!2m3!1f0!2f0!3f0!3m2!1i1024!2i768!4f13.1" width="600" height="400" style="border:0" allowfullscreen loading="lazy" referrerpolicy="no-referrer-when-downgrade"></iframe></section></section>`, "\n")
}

func (g *gen) faqPage(w *pw, r *rand.Rand) {
	w.s(`<section class="faq container"><h1 class="page-title">`, esc(g.ui("faq_long")), `</h1><p class="faq__intro">`, esc(g.ui("faq_intro")), " ")
	w.a(g.paths[KindContact], "", esc(g.ui("faq_more")))
	w.s("</p>\n")
	// One markup per site, as themes do: details/summary, headings and
	// paragraphs, Bootstrap accordions, or a definition list.
	style := int(g.s.Seed/3) % 4
	if style < 0 {
		style = -style
	}
	w.s(`<span id="tracking"></span>`)
	for i, q := range g.faq {
		id := fmt.Sprint("faq-", i+1)
		switch style {
		case 0:
			w.s(`<details class="faq__item" id="`, id, `"><summary class="faq__question">`, esc(q.q), `</summary><div class="faq__answer rte"><p>`, esc(q.a), "</p></div></details>\n")
		case 1:
			w.s(`<div class="faq__item" id="`, id, `"><h3 class="faq__question">`, esc(q.q), `</h3><p class="faq__answer">`, esc(q.a), "</p></div>\n")
		case 2:
			w.s(`<div class="accordion-item"><h2 class="accordion-header" id="h-`, id, `"><button class="accordion-button collapsed" type="button" data-bs-toggle="collapse" data-bs-target="#`, id, `" aria-expanded="false" aria-controls="`, id, `">`, esc(q.q), `</button></h2><div id="`, id, `" class="accordion-collapse collapse" aria-labelledby="h-`, id, `"><div class="accordion-body">`, esc(q.a), "</div></div></div>\n")
		default:
			if i == 0 {
				w.s(`<dl class="faq__list">`)
			}
			w.s(`<dt id="`, id, `">`, esc(q.q), "</dt><dd>", esc(q.a), "</dd>\n")
			if i == len(g.faq)-1 {
				w.s("</dl>\n")
			}
		}
	}
	w.s("</section>\n")
}

func (g *gen) policy(w *pw, r *rand.Rand, kind string) {
	pol := g.L.policies[kind]
	vars := g.policyVars(r)
	w.s(`<div class="page container"><article class="page__content rte"><h1 class="page-title">`, esc(pol.title), `</h1><p class="page__updated">`, esc(g.ui("updated")), ": ", g.L.date(2024+r.IntN(2), 1+r.IntN(12), 1+r.IntN(28)), "</p>\n")
	for _, h := range pol.headings {
		w.s("<h2>", esc(h), "</h2>\n", g.paragraph(r, pol.sentences, 2+r.IntN(3), vars...))
	}
	if kind == KindAbout || kind == KindPrivacy {
		w.s("<p>", esc(g.ui("contact_info")), ": ")
		w.a(g.paths[KindContact], "", esc(g.ui("contact")))
		w.s("</p>\n")
	}
	w.s(`</article><aside class="page__sidebar"><h2>`, esc(g.ui("other_policies")), `</h2><ul class="list-unstyled">`)
	for _, k := range []string{KindPrivacy, KindReturns, KindShipping, KindTerms, KindWarranty, KindAbout} {
		if p := g.paths[k]; p != "" && k != kind {
			w.s("<li>")
			w.a(p, "", esc(g.L.policies[k].title))
			w.s("</li>")
		}
	}
	w.s("</ul></aside></div>\n")
}

// css is the site's inline stylesheet: the theme's rules, some left out,
// as sites trim them differently.
func (g *gen) css() string {
	lines := strings.Split(fill(criticalCSS, "{color}", g.color, "{font}", g.font), "\n")
	out := lines[:2:2]
	for _, l := range lines[2:] {
		if g.rng.IntN(10) < 6 {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// sprite is the SVG sprite with the icons the site uses.
func (g *gen) sprite() string {
	used := map[string]bool{}
	for _, l := range g.social {
		used[l.network] = true
	}
	var b strings.Builder
	for _, l := range strings.Split(svgSprite, "\n") {
		if i := strings.Index(l, `id="icon-`); i >= 0 {
			name := l[i+9 : i+9+strings.IndexByte(l[i+9:], '"')]
			if socialIcons[name] && !used[name] {
				continue
			}
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n")
}

var socialIcons = map[string]bool{"facebook": true, "instagram": true, "youtube": true, "tiktok": true, "linkedin": true, "x": true, "pinterest": true, "zalo": true}
