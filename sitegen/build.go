package sitegen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// gen holds one site while it is generated.
type gen struct {
	s      *Site
	L      *language
	ind    *industryWords
	rng    *rand.Rand
	pages  int
	style  map[string]string
	place  place
	addr   string
	phones []phoneNumber
	paths  map[string]string // fixed page kind → path
	order  []string          // fixed page kinds present, in menu order
	cats   []*catInfo
	prods  []*product
	social []socialLink
	faq    []qa
	year   int // founding year
	taxID  string
	color  string
	font   string
	ver    string // asset version
	free   string // free-shipping threshold, formatted
	ship   string // shipping cost, formatted
	// chrome shared by every page, rendered once
	headTail, bodyTop, footer string
	chromeLinks               int
}

type catInfo struct {
	name, slug, path string
	prods            []*product
}

type product struct {
	name, series, noun, model, slug, path string
	cat                                   *catInfo
	price, was                            float64 // USD; was > 0 when on sale
	rating                                float64
	reviews                               int
	sku, color, material                  string
	grams                                 int
}

type socialLink struct{ network, url string }

// fixedKinds are the non-catalogue pages, most important first: when a
// site has few pages, the last ones are left out.
var fixedKinds = []string{KindHome, KindContact, KindFAQ, KindPrivacy, KindReturns, KindShipping, KindAbout, KindTerms, KindWarranty}

func newGen(seed int64, pages int) *gen {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5eed_c0ffee))
	code := languageCodes[((seed%3)+3)%3]
	L := languages[code]
	indID := pick(r, industryIDs)
	g := &gen{L: L, ind: L.industries[indID], rng: r, pages: pages}
	g.s = &Site{Seed: seed, Lang: code, Region: L.region, Industry: indID,
		Policies: map[string]string{}, Kinds: map[string]string{}, Pages: map[string]string{}}
	return g
}

func (g *gen) build() *Site {
	r, L, s := g.rng, g.L, g.s

	// Who the company is.
	stem := pick(r, L.brandStems)
	if L.brandTails != nil {
		stem += pick(r, L.brandTails)
	}
	s.Name = stem + " " + g.ind.brandWord
	s.Company = fmt.Sprintf(pick(r, L.legal), stem)
	dom := strings.ReplaceAll(slugify(stem), "-", "")
	if r.IntN(2) == 0 {
		dom += strings.ReplaceAll(slugify(g.ind.brandWord), "-", "")
	}
	s.Domain = dom + pick(r, L.tlds)
	g.place = pick(r, L.places)
	g.addr = L.address(10+r.IntN(480), pick(r, L.streets), g.place)
	g.year = 1995 + r.IntN(27)
	g.taxID = fmt.Sprintf("%02d-%07d", 10+r.IntN(89), r.IntN(10000000))
	if L.code == "vi" {
		g.taxID = fmt.Sprintf("03%08d", r.IntN(100000000))
	} else if L.code == "tr" {
		g.taxID = fmt.Sprintf("%010d", r.Int64N(10000000000))
	}
	g.color = pick(r, []string{"#0b5d3b", "#1d4ed8", "#b91c1c", "#7c3aed", "#0f766e", "#c2410c", "#111827", "#be185d", "#0369a1"})
	g.font = pick(r, []string{"Inter", "Roboto", "Be Vietnam Pro", "Montserrat", "Open Sans", "Nunito Sans"})
	g.ver = fmt.Sprint(1690000000 + r.IntN(40000000))
	g.free, g.ship = L.price(L.freeShipUS*float64(1+r.IntN(3))), L.price(L.shipUS)

	// How its addresses look.
	if r.IntN(3) == 0 {
		g.style = L.slugStyles[0]
	} else {
		g.style = pick(r, L.slugStyles)
	}

	// Which fixed pages it has, within the page budget.
	has := map[string]bool{KindHome: true, KindContact: true,
		KindFAQ: r.IntN(100) < 88, KindPrivacy: r.IntN(100) < 97, KindReturns: r.IntN(100) < 85,
		KindShipping: r.IntN(100) < 80, KindAbout: r.IntN(100) < 90, KindTerms: r.IntN(100) < 80}
	warranty := 15
	if s.Industry == "electronics" || s.Industry == "appliances" || s.Industry == "home" {
		warranty = 60
	}
	has[KindWarranty] = r.IntN(100) < warranty
	g.paths = map[string]string{}
	for _, k := range fixedKinds {
		if has[k] && len(g.order) < g.pages-2 {
			g.order = append(g.order, k)
			p := "/"
			if k != KindHome {
				p = g.style[k]
			}
			g.paths[k] = p
			s.Kinds[p] = k
			if k != KindHome && k != KindContact && k != KindFAQ && k != KindAbout {
				s.Policies[k] = p
			}
		}
	}
	s.ContactPage = g.paths[KindContact]
	s.FAQPage = g.paths[KindFAQ]

	// The catalogue: categories, then products shared out among them.
	rest := g.pages - len(g.order)
	nc := min(max((rest+2)/4, 1), len(g.ind.cats))
	for _, i := range r.Perm(len(g.ind.cats))[:nc] {
		c := g.ind.cats[i]
		ci := &catInfo{name: c.name, slug: slugify(c.name)}
		ci.path = strings.ReplaceAll(g.style["category"], "{slug}", ci.slug)
		g.cats = append(g.cats, ci)
		s.Kinds[ci.path] = KindCategory
	}
	used := map[string]bool{}
	for i := range rest - nc {
		ci := g.cats[i%nc]
		nouns := g.ind.cats[0].nouns
		for _, c := range g.ind.cats {
			if c.name == ci.name {
				nouns = c.nouns
			}
		}
		p := &product{cat: ci}
		for try := 0; ; try++ {
			p.noun, p.series, p.model = pick(r, nouns), pick(r, L.series), pick(r, L.models)
			p.name = L.productName(p.noun, p.series, p.model)
			if try > 40 {
				p.name += fmt.Sprint(" ", try)
			}
			p.slug = slugify(p.name)
			if !used[p.slug] {
				break
			}
		}
		used[p.slug] = true
		p.path = strings.NewReplacer("{slug}", p.slug, "{n}", fmt.Sprint(1000+i*37+r.IntN(30))).Replace(g.style["product"])
		p.price = g.basePrice() * (0.4 + r.Float64()*1.6)
		if r.IntN(4) == 0 {
			p.was = p.price * (1.15 + r.Float64()*0.5)
		}
		p.rating = 3.6 + float64(r.IntN(15))/10
		p.reviews = r.IntN(400)
		p.sku = strings.ToUpper(alnum(r, 3)) + "-" + fmt.Sprint(10000+r.IntN(89999))
		p.color, p.material, p.grams = pick(r, L.colors), pick(r, L.materials), 80+r.IntN(4000)
		ci.prods = append(ci.prods, p)
		g.prods = append(g.prods, p)
		s.Kinds[p.path] = KindProduct
	}

	// How customers reach it.
	if r.IntN(100) < 92 {
		g.phones = L.phones(g)
		for _, p := range g.phones {
			s.Phones = append(s.Phones, p.e164)
		}
		s.TollFree = g.phones[0].tollFree
	}
	if r.IntN(100) < 90 {
		users := r.Perm(len(L.emailUsers))[:1+r.IntN(2)]
		for _, u := range users {
			s.Emails = append(s.Emails, L.emailUsers[u]+"@"+s.Domain)
		}
	}
	s.Chat = g.weighted(L.chat)
	s.ContactForm = r.IntN(100) < 80
	if s.FAQPage != "" {
		g.faq = g.faqItems()
		s.FAQQuestions = len(g.faq)
	}
	g.social = g.socialLinks()
	for _, l := range g.social {
		s.Social = append(s.Social, l.url)
	}

	// The pages.
	g.renderChrome()
	for _, k := range g.order {
		g.add(g.paths[k], k, nil, nil)
	}
	for _, c := range g.cats {
		g.add(c.path, KindCategory, c, nil)
	}
	for _, p := range g.prods {
		g.add(p.path, KindProduct, p.cat, p)
	}
	return s
}

func (g *gen) add(path, kind string, c *catInfo, p *product) {
	// Each page draws from its own generator, so that a page depends only
	// on the site and itself.
	pr := rand.New(rand.NewPCG(uint64(g.s.Seed), uint64(len(g.s.Pages))+1))
	g.s.Pages[path] = g.renderPage(pr, path, kind, c, p)
}

func (g *gen) basePrice() float64 {
	switch g.s.Industry {
	case "electronics":
		return 180
	case "home":
		return 260
	case "appliances":
		return 150
	case "beauty":
		return 28
	case "fashion":
		return 55
	}
	return 90
}

func (g *gen) weighted(list []weighted) string {
	total := 0
	for _, w := range list {
		total += w.w
	}
	n := g.rng.IntN(total)
	for _, w := range list {
		if n < w.w {
			return w.v
		}
		n -= w.w
	}
	return ""
}

// faqItems draws the FAQ: between 4 and 40 questions, fewer when the
// language's bank runs out.
func (g *gen) faqItems() []qa {
	r, L := g.rng, g.L
	var n int
	switch k := r.IntN(10); {
	case k < 3:
		n = 4 + r.IntN(7)
	case k < 7:
		n = 11 + r.IntN(15)
	default:
		n = 26 + r.IntN(15)
	}
	var cities []string
	seen := map[string]bool{}
	for _, p := range L.places {
		if !seen[p.city] {
			seen[p.city] = true
			cities = append(cities, p.city)
		}
	}
	n = min(n, len(L.faq)+len(cities))
	vars := []string{"{free}", g.free, "{ship}", g.ship, "{city}", g.place.city}
	var out []qa
	for _, i := range r.Perm(len(L.faq)) {
		if len(out) == n {
			break
		}
		q := L.faq[i]
		out = append(out, qa{fill(q.q, vars...), fill(q.a, vars...)})
	}
	for _, c := range cities {
		if len(out) == n {
			break
		}
		v := []string{"{city}", c, "{n}", fmt.Sprint(1 + r.IntN(5))}
		out = append(out, qa{fill(L.faqCity.q, v...), fill(L.faqCity.a, v...)})
	}
	return out
}

func (g *gen) socialLinks() []socialLink {
	r := g.rng
	handle := strings.ReplaceAll(slugify(g.s.Name), "-", "")
	if r.IntN(3) == 0 {
		handle += pick(r, []string{"official", "store", "." + g.L.code})
	}
	nets := map[string][]string{
		"en": {"facebook", "instagram", "youtube", "tiktok", "linkedin", "x", "pinterest"},
		"vi": {"facebook", "youtube", "tiktok", "instagram", "zalo"},
		"tr": {"instagram", "facebook", "x", "youtube", "linkedin", "tiktok"},
	}[g.L.code]
	n := 3 + r.IntN(len(nets)-2)
	var out []socialLink
	for _, net := range nets[:n] {
		u := map[string]string{
			"facebook":  "https://www.facebook.com/" + handle,
			"instagram": "https://www.instagram.com/" + handle + "/",
			"youtube":   "https://www.youtube.com/@" + handle,
			"tiktok":    "https://www.tiktok.com/@" + handle,
			"linkedin":  "https://www.linkedin.com/company/" + slugify(g.s.Name),
			"x":         "https://x.com/" + handle,
			"pinterest": "https://www.pinterest.com/" + handle + "/",
			"zalo":      "https://zalo.me/" + fmt.Sprint(1000000000000000000+r.Int64N(8000000000000000000)),
		}[net]
		out = append(out, socialLink{net, u})
	}
	return out
}
