package channels

import (
	"encoding/hex"
	"net/mail"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/net/publicsuffix"
)

// How an address was shown, as Email.Evidence names it.
const (
	viaMailto     = "mailto"
	viaText       = "text"
	viaObfuscated = "obfuscated"
	viaCloudflare = "cloudflare"
)

var viaOrder = map[string]int{viaMailto: 0, viaText: 1, viaObfuscated: 2, viaCloudflare: 3}

// Address regexps. RE2 has no look-behind, so each starts with a boundary
// group and the address is in the capture groups.
var (
	// plainRe finds name@domain.tld in visible text. A full-width at sign
	// (＠) counts as typed.
	plainRe = regexp.MustCompile(`(?:^|[^\w.%+\-])([\w.%+\-]+)[@＠]((?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)`)

	// obfRe finds the spellings people use to hide an address from
	// harvesters: a bracketed word for "at" or "dot" in several languages
	// ([at], (at), {at}, <at>, [a còng], (nokta), [chấm], (arroba), (a)),
	// the words AT and DOT in capitals (never lower-case "at", which is
	// ordinary English, and only with DOT), and an at sign with spaces
	// around it or after it ("@shop.vn" after a word is an Instagram
	// handle), or a dot with spaces around it.
	obfRe = regexp.MustCompile(`(?:^|[^\w.%+\-])([\w.%+\-]+)(` + atSep + `)(` + label + `(?:` + dotSep + label + `)+)`)

	// dotSepRe turns each dot spelling of a matched domain back into ".".
	dotSepRe = regexp.MustCompile(dotSep)
)

const (
	atWords  = `at|@|＠|a|et|arroba|a còng|a cong|a móc|a moc`
	dotWords = `dot|\.|chấm|cham|nokta|punto|point|punkt|ponto|punt`
	label    = `[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?`
	atSep    = `(?:\s*[\[\(\{<]\s*(?i:` + atWords + `)\s*[\]\)\}>]\s*|\s+AT\s+|\s*[@＠]\s+)`
	dotSep   = `(?:\s*[\[\(\{<]\s*(?i:` + dotWords + `)\s*[\]\)\}>]\s*|\s+DOT\s+|\s+\.\s+|\.)`
)

// fileExtensions are top-level "domains" that are really file names:
// logo@2x.png is an image, not an address.
var fileExtensions = map[string]bool{
	"png": true, "jpg": true, "jpeg": true, "gif": true, "svg": true, "webp": true, "avif": true,
	"ico": true, "bmp": true, "tif": true, "tiff": true, "js": true, "mjs": true, "css": true,
	"map": true, "json": true, "woff": true, "woff2": true, "ttf": true, "eot": true, "mp4": true,
	"webm": true, "pdf": true, "html": true, "htm": true, "php": true,
}

// placeholderDomains are domains of sample addresses in form placeholders
// and documentation, and of error-reporting services whose ids look like
// addresses.
var placeholderDomains = map[string]bool{
	"domain.com": true, "domain.tld": true, "email.com": true, "test.com": true, "test.test": true,
	"mail.com": true, "company.com": true, "website.com": true, "site.com": true, "abc.com": true,
	"xyz.com": true, "sirket.com": true, "firma.com": true, "alanadi.com": true, "congty.com": true,
	"tencongty.com": true, "sentry.io": true, "wixpress.com": true, "sentry-next.wixpress.com": true,
	"sentry.wixpress.com": true, "ingest.sentry.io": true,
}

// placeholderLocals are local parts that only sample addresses use, and
// the senders a customer cannot write back to.
var placeholderLocals = map[string]bool{
	"isim": true, "adsoyad": true, "ten": true, "hoten": true,
	"you": true, "your": true, "yourname": true, "your.name": true, "your_name": true,
	"youremail": true, "your.email": true, "your-email": true, "your_email": true,
	"firstname.lastname": true, "first.last": true, "firstname": true, "john.doe": true,
	"jane.doe": true, "johndoe": true, "janedoe": true, "xxx": true, "abc": true,
	"noreply": true, "no-reply": true, "no_reply": true, "donotreply": true, "do-not-reply": true,
	"do_not_reply": true,
}

// placeholderNames complete "your..." in sample domains: yourdomain.com,
// your-site.vn, yourcompany.com.tr. Real brands named "your..." pass.
var placeholderNames = map[string]bool{
	"domain": true, "site": true, "website": true, "company": true, "store": true, "shop": true,
	"business": true, "email": true, "mail": true, "brand": true, "name": true, "web": true, "": true,
}

// hexID matches the long hexadecimal keys of error-reporting DSNs.
var hexID = regexp.MustCompile(`^[0-9a-f]{16,}$`)

// normalizeAddress checks one candidate address and returns it
// lower-cased, or "" when it is not an address a customer could write to:
// malformed, a file name, an unknown top-level domain, a placeholder or a
// no-reply sender.
func normalizeAddress(a string) string {
	a = strings.ToLower(strings.TrimSpace(a))
	a = strings.Trim(a, ".-_")
	at := strings.IndexByte(a, '@')
	if at <= 0 || at != strings.LastIndexByte(a, '@') || len(a) > 254 {
		return ""
	}
	local, domain := a[:at], a[at+1:]
	if len(local) > 64 || strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") ||
		strings.Contains(local, "..") || strings.Contains(domain, "..") {
		return ""
	}
	for _, r := range local {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune(".!#$%&'*+/=?^_`{|}~-", r)) {
			return ""
		}
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return ""
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return ""
		}
		for _, r := range l {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				return ""
			}
		}
	}
	tld := labels[len(labels)-1]
	if fileExtensions[tld] {
		return ""
	}
	suffix, icann := publicsuffix.PublicSuffix(domain)
	if suffix == domain || !icann && !plausibleTLD(tld) {
		return ""
	}
	if placeholderLocals[local] || placeholderDomains[domain] || hexID.MatchString(local) {
		return ""
	}
	if reg, err := publicsuffix.EffectiveTLDPlusOne(domain); err == nil {
		name := strings.TrimSuffix(reg, "."+suffix)
		if strings.TrimSuffix(reg, "."+suffix) == "example" && !roleMailbox(local) {
			// Documentation's sample domain: jane@example.com is a sample,
			// support@example.com a demo site's real desk.
			return ""
		}
		if placeholderDomains[reg] ||
			strings.HasPrefix(name, "your") && placeholderNames[strings.Trim(name[4:], "-_")] {
			return ""
		}
	}
	if m, err := mail.ParseAddress(a); err != nil || m.Address != a {
		return ""
	}
	return a
}

// mailtoAddresses returns the addresses of a mailto: link: several may be
// listed, comma-separated, after which come ?subject= and such.
func mailtoAddresses(href string) []string {
	href = strings.TrimSpace(href)
	if len(href) < 7 || !strings.EqualFold(href[:7], "mailto:") {
		return nil
	}
	rest := strings.TrimPrefix(href[7:], "//")
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		rest = rest[:i]
	}
	if u, err := url.PathUnescape(rest); err == nil {
		rest = u
	}
	var out []string
	for _, part := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		if m, err := mail.ParseAddress(part); err == nil {
			part = m.Address
		}
		if a := normalizeAddress(part); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// textAddresses returns the addresses written out in one block of text,
// and those spelled in an obfuscated way.
func textAddresses(text string) (plain, obfuscated []string) {
	if strings.ContainsAny(text, "@＠") {
		for _, m := range plainRe.FindAllStringSubmatch(text, -1) {
			if a := normalizeAddress(m[1] + "@" + trimJoined(m[2])); a != "" {
				plain = append(plain, a)
			}
		}
	}
	if !strings.ContainsAny(text, "@＠([{<") && !strings.Contains(text, " AT ") {
		return plain, nil
	}
	for _, idx := range obfRe.FindAllStringSubmatchIndex(text, -1) {
		local, sep, dom := text[idx[2]:idx[3]], text[idx[4]:idx[5]], text[idx[6]:idx[7]]
		// "Follow us @ instagram.com/brand" is a link, not an address.
		if end := idx[7]; end < len(text) && text[end] == '/' {
			continue
		}
		if notLocal[strings.ToLower(local)] {
			continue
		}
		// Capital AT needs capital DOT or a bracketed dot: "SHOP AT
		// STORE.COM" is a slogan.
		if strings.TrimSpace(sep) == "AT" && !strings.Contains(dom, " DOT ") && !strings.ContainsAny(dom, "[({<") {
			continue
		}
		d := trimJoined(dotSepRe.ReplaceAllString(dom, "."))
		if socialDomain(hostDomain(d)) {
			continue
		}
		if a := normalizeAddress(local + "@" + d); a != "" {
			obfuscated = append(obfuscated, a)
		}
	}
	return plain, obfuscated
}

// notLocal are words that stand before a spaced at sign in a sentence
// ("Follow us @ shop.vn"), not names of mailboxes.
var notLocal = map[string]bool{
	"us": true, "me": true, "at": true, "on": true, "in": true, "or": true, "and": true, "find": true,
	"follow": true, "visit": true, "join": true, "tag": true, "email": true, "mail": true, "e-mail": true,
	"instagram": true, "facebook": true, "tiktok": true, "twitter": true, "zalo": true, "ig": true, "fb": true,
}

// trimJoined undoes a page's gluing of an address to the next word
// ("info@shop.com.vnHotline" or "info@shop.comHotline", when two inline
// elements touch): it cuts the last label where lower case turns upper,
// or drops a last label that starts with a capital if what is left still
// ends in a known top-level domain.
func trimJoined(domain string) string {
	labels := strings.Split(domain, ".")
	last := labels[len(labels)-1]
	rs := []rune(last)
	for i := 1; i < len(rs); i++ {
		if unicode.IsLower(rs[i-1]) && unicode.IsUpper(rs[i]) {
			labels[len(labels)-1] = string(rs[:i])
			return strings.Join(labels, ".")
		}
	}
	if len(labels) > 2 && last != "" && unicode.IsUpper(rs[0]) && strings.ToLower(last) != last {
		shorter := strings.Join(labels[:len(labels)-1], ".")
		if _, icann := publicsuffix.PublicSuffix(strings.ToLower(shorter)); icann {
			if _, icannAll := publicsuffix.PublicSuffix(strings.ToLower(domain)); !icannAll {
				return shorter
			}
		}
	}
	return domain
}

// decodeCloudflare decodes the hex of Cloudflare's e-mail protection
// (data-cfemail="..." or /cdn-cgi/l/email-protection#...): the first byte
// is a key XOR-ed into each of the others.
func decodeCloudflare(h string) string {
	b, err := hex.DecodeString(strings.TrimSpace(h))
	if err != nil || len(b) < 2 {
		return ""
	}
	out := make([]byte, len(b)-1)
	for i := 1; i < len(b); i++ {
		out[i-1] = b[i] ^ b[0]
	}
	return normalizeAddress(string(out))
}

type emailSeen struct {
	addr, via string
	ps        *pageScan
}

// email gathers the addresses of every readable page, in crawl order.
func (s *siteScan) email() Email {
	out := Email{Addresses: []string{}, Evidence: []Evidence{}}
	var seen []emailSeen
	onPage := map[string]map[string]bool{} // page -> addresses seen there
	add := func(ps *pageScan, addr, via string) {
		seen = append(seen, emailSeen{addr, via, ps})
		if onPage[ps.page.URL] == nil {
			onPage[ps.page.URL] = map[string]bool{}
		}
		onPage[ps.page.URL][addr] = true
	}
	for _, ps := range s.scans {
		for _, l := range ps.links {
			for _, a := range mailtoAddresses(l.href) {
				add(ps, a, viaMailto)
			}
			if l.url.Path == "/cdn-cgi/l/email-protection" && l.url.Fragment != "" {
				if a := decodeCloudflare(l.url.Fragment); a != "" {
					add(ps, a, viaCloudflare)
				}
			}
		}
		for _, a := range ps.cfEmails {
			add(ps, a, viaCloudflare)
		}
		for _, b := range ps.page.Text() {
			plain, obf := textAddresses(b.Text)
			for _, a := range plain {
				add(ps, a, viaText)
			}
			for _, a := range obf {
				add(ps, a, viaObfuscated)
			}
		}
	}
	// An address glued to the label before it ("E-mailinfo@shop.vn") shows
	// as a longer address ending in one seen on the same page: drop it
	// unless the page also gave it in a way that cannot glue (a link).
	drop := map[string]bool{}
	linked := map[string]bool{}
	for _, e := range seen {
		if e.via != viaText && e.via != viaObfuscated {
			linked[e.addr] = true
		}
	}
	for _, e := range seen {
		if e.via != viaText || linked[e.addr] {
			continue
		}
		for other := range onPage[e.ps.page.URL] {
			if other != e.addr && strings.HasSuffix(e.addr, other) {
				drop[e.addr] = true
			}
		}
	}
	addrs := map[string]bool{}
	first := map[[2]string]string{}
	for _, e := range seen {
		if drop[e.addr] {
			continue
		}
		addrs[e.addr] = true
		k := [2]string{e.addr, e.via}
		if _, ok := first[k]; !ok {
			first[k] = e.ps.page.URL
		}
		out.OnHome = out.OnHome || e.ps.isHome
		out.OnContactPage = out.OnContactPage || e.ps.isContact
	}
	out.Addresses = sortedKeys(addrs)
	keys := make([][2]string, 0, len(first))
	for k := range first {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return viaOrder[keys[i][1]] < viaOrder[keys[j][1]]
	})
	for _, k := range keys {
		out.Evidence = append(out.Evidence, Evidence{Page: first[k], Detail: k[1] + ": " + k[0]})
	}
	return out
}

// plausibleTLD accepts the reserved top-level domains that documentation,
// demo and staging sites use for real-looking addresses (RFC 2606's
// .example and .test), besides those of the public suffix list.
func plausibleTLD(tld string) bool {
	return tld == "example" || tld == "test"
}

// roleWords are the words of a customer-service mailbox's local part.
var roleWords = map[string]bool{
	"support": true, "info": true, "help": true, "contact": true, "sales": true, "service": true,
	"care": true, "hello": true, "enquiries": true, "inquiries": true, "orders": true, "customer": true,
	"customerservice": true, "customercare": true, "office": true, "team": true, "billing": true,
	"returns": true, "shop": true, "store": true, "cskh": true, "hotro": true, "lienhe": true,
	"chamsockhachhang": true, "destek": true, "bilgi": true, "iletisim": true, "musterihizmetleri": true,
	"kundenservice": true, "kontakt": true, "hilfe": true, "contacto": true, "ayuda": true, "soporte": true,
	"servicio": true, "ventas": true, "aide": true, "serviceclient": true,
}

// roleMailbox reports whether a local part names a desk ("support",
// "customer.care", "cskh") rather than a person or a placeholder.
func roleMailbox(local string) bool {
	words := strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '-' || r == '_' || r == '+' })
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !roleWords[w] {
			return false
		}
	}
	return true
}
