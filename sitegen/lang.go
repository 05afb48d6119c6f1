package sitegen

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// language holds everything a site in one language is written with. The
// words live in words_en.go, words_vi.go and words_tr.go; this file holds
// the shapes they fill and the helpers that read them.
type language struct {
	code     string   // "en", "vi", "tr"
	htmlLang []string // values written in <html lang>, one picked per site
	region   string   // ISO region of the companies: "US", "VN", "TR"
	country  string   // the country's name, in the language
	ui       map[string]string
	// industries maps an industry id (see industryIDs) to its words.
	industries map[string]*industryWords
	series     []string // product-line names, language-neutral in practice
	models     []string // model suffixes
	materials  []string
	colors     []string
	// productName composes a product name from a noun, a series and a model.
	productName func(noun, series, model string) string
	describe    []string // product description sentences: {p} {s} {c} {b} {m} {col} {free}
	catText     []string // category-page text: {c} {b}
	faq         []qa
	faqCity     qa // extra questions beyond faq, one per city: {city} {n}
	places      []place
	streets     []string
	address     func(num int, street string, p place) string
	// policies maps a page kind ("privacy", "returns", "shipping", "terms",
	// "warranty", "about") to its words; sentences may use {b} {city}
	// {free} {ship} {year} {n} {state}.
	policies   map[string]policyWords
	brandStems []string
	brandTails []string // appended to a stem with no space (English); nil when unused
	legal      []string // legal entity formats, %s is the brand
	emailUsers []string
	reviewers  []string
	reviews    []string
	tlds       []string
	// slugStyles are the URL layouts sites in this language use: page kind
	// → path; "category" and "product" contain {slug}.
	slugStyles []map[string]string
	chat       []weighted // chat vendors and how often sites use them ("" = none)
	date       func(y, m, d int) string
	price      func(usd float64) string
	freeShipUS float64 // free-shipping threshold in USD, converted by price
	shipUS     float64
	phones     func(g *gen) []phoneNumber
	gov        func(g *gen) string // a government / trust badge for the footer, or ""
}

type qa struct{ q, a string }

type category struct {
	name  string
	nouns []string
}

type industryWords struct {
	label     string // "Outdoor Gear": titles and descriptions
	brandWord string // appended to brand names: "Outdoor"
	cats      []category
}

type place struct {
	city, district, postal, state, area string
}

type policyWords struct {
	title     string
	headings  []string
	sentences []string
}

type weighted struct {
	v string
	w int
}

type phoneNumber struct {
	display, e164 string
	tollFree      bool
}

// industryIDs are the industries sites are drawn from, in a fixed order.
var industryIDs = []string{"outdoor", "electronics", "home", "fashion", "beauty", "appliances"}

// uiKeys lists every key of language.ui; the test checks each language has
// them all.
var uiKeys = []string{
	"home", "contact", "faq", "faq_long", "about", "help", "track_order", "stores", "search",
	"search_placeholder", "account", "wishlist", "cart", "menu", "close", "view_all", "shop_all",
	"new_arrivals", "bestsellers", "on_sale", "you_may_like", "recently_viewed", "add_to_cart",
	"in_stock", "description", "specs", "reviews", "reviews_count", "related", "newsletter_title",
	"newsletter_text", "email_placeholder", "subscribe", "follow_us", "customer_service",
	"information", "categories", "contact_info", "hotline", "email_us", "opening_hours",
	"hours_text", "address", "tax_id", "rights", "cookie_text", "cookie_more", "cookie_accept",
	"cookie_reject", "cookie_settings", "form_title", "form_name", "form_email", "form_phone",
	"form_subject", "form_order", "form_message", "form_consent", "form_send", "contact_intro",
	"faq_intro", "faq_more", "free_shipping", "easy_returns", "secure_payment", "fast_delivery",
	"hero_title", "hero_text", "shop_now", "our_story", "read_more", "payment_methods",
	"download_app", "spec_brand", "spec_model", "spec_color", "spec_material", "spec_weight",
	"spec_warranty", "spec_origin", "spec_sku", "warranty_value", "qty", "sort_by",
	"sort_options", "filter", "products_count", "about_category", "updated", "other_policies",
	"skip", "chat_with_us", "not_found", "stores_title", "compare_at", "details", "map",
}

// languages maps a language code to its words.
var languages = map[string]*language{}

// languageCodes are the languages sites are written in, in a fixed order.
var languageCodes = []string{"en", "vi", "tr"}

func register(l *language, industries map[string]string) *language {
	l.industries = map[string]*industryWords{}
	for id, spec := range industries {
		label, rest, _ := strings.Cut(spec, "::")
		labelParts := strings.SplitN(label, "/", 2)
		iw := &industryWords{label: strings.TrimSpace(labelParts[0]), brandWord: strings.TrimSpace(labelParts[1])}
		for _, c := range strings.Split(rest, "|") {
			name, nouns, _ := strings.Cut(c, ":")
			cat := category{name: strings.TrimSpace(name)}
			for _, n := range strings.Split(nouns, ",") {
				cat.nouns = append(cat.nouns, strings.TrimSpace(n))
			}
			iw.cats = append(iw.cats, cat)
		}
		l.industries[id] = iw
	}
	languages[l.code] = l
	return l
}

// fill replaces {key} placeholders in s.
func fill(s string, kv ...string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return strings.NewReplacer(kv...).Replace(s)
}

// slugify turns a name in any of the languages into a URL path segment:
// lower case ASCII, diacritics dropped, words joined by hyphens.
func slugify(s string) string {
	s = strings.NewReplacer("đ", "d", "Đ", "d", "ı", "i", "İ", "i", "&", " ").Replace(s)
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// group writes n with sep between groups of three digits.
func group(n int64, sep string) string {
	s := []byte{}
	d := []byte(strconv.FormatInt(n, 10))
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			s = append(s, sep...)
		}
		s = append(s, c)
	}
	return string(s)
}
