package chat

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/shopper-audit/shopper/crawler"
)

// requiredVendors are the vendor ids the probe must know.
var requiredVendors = []string{"intercom", "zendesk", "drift", "livechat", "tawkto", "crisp", "hubspot",
	"freshchat", "olark", "tidio", "liveperson", "zoho-salesiq", "jivochat", "gorgias", "salesforce",
	"helpscout", "messenger", "whatsapp", "zalo", "subiz", "chatwoot", "smartsupp", "purechat", "userlike",
	"genesys", "kustomer", "gladly", "front", "livehelpnow", "comm100"}

func TestTableShape(t *testing.T) {
	ids := VendorIDs()
	for _, id := range requiredVendors {
		if _, ok := slices.BinarySearch(ids, id); !ok {
			t.Errorf("vendor %q missing from the table", id)
		}
	}
	seen := map[string]bool{}
	for i, v := range vendors {
		if seen[v.ID] {
			t.Errorf("vendor %q listed twice", v.ID)
		}
		seen[v.ID] = true
		if i > 0 && vendors[i-1].ID > v.ID {
			t.Errorf("table not sorted: %q after %q", v.ID, vendors[i-1].ID)
		}
		if v.Name == "" {
			t.Errorf("vendor %q has no name", v.ID)
		}
		if len(v.Scripts)+len(v.DOM)+len(v.Links) == 0 {
			t.Errorf("vendor %q has no static signature", v.ID)
		}
		for _, g := range v.Globals {
			if c := compileGlobal(g); !regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$`).MatchString(c.name) {
				t.Errorf("vendor %q: global %q is not a (dotted) identifier", v.ID, g)
			}
		}
	}
	if VendorName("zoho-salesiq") != "Zoho SalesIQ" || VendorName("nope") != "nope" {
		t.Errorf("VendorName: got %q, %q", VendorName("zoho-salesiq"), VendorName("nope"))
	}
}

// exampleURL builds a URL a pattern matches: globs filled in, and suffix
// appended to the path.
func exampleURL(raw, suffix string) (u string, attrs string) {
	p := compilePattern(raw)
	host := strings.ReplaceAll(p.host, "*", "x1")
	if p.anyHost() {
		host = "support.acme-shop.example"
	}
	pth := "/"
	if p.path != nil {
		pth = strings.Join(p.path, "x1")
	}
	if p.attr != "" {
		attrs = fmt.Sprintf(` %s="%s"`, p.attr, p.attrVal)
	}
	return "https://" + host + pth + suffix, attrs
}

// exampleElement builds an element a simple selector matches:
// tag#id.class[attr=val][attr^=prefix][attr].
func exampleElement(sel string) string {
	re := regexp.MustCompile(`^([a-z]+)?((?:[#.][A-Za-z0-9_-]+|\[[a-z-]+(?:\^?=[A-Za-z0-9_-]+)?\])*)$`)
	m := re.FindStringSubmatch(sel)
	if m == nil {
		return ""
	}
	tag := m[1]
	if tag == "" {
		tag = "div"
	}
	var id string
	var classes []string
	var attrs []string
	for _, part := range regexp.MustCompile(`[#.][A-Za-z0-9_-]+|\[[^\]]+\]`).FindAllString(m[2], -1) {
		switch part[0] {
		case '#':
			id = part[1:]
		case '.':
			classes = append(classes, part[1:])
		case '[':
			k, v, ok := strings.Cut(part[1:len(part)-1], "=")
			if !ok {
				attrs = append(attrs, k+`="1"`)
				continue
			}
			if strings.HasSuffix(k, "^") {
				k, v = strings.TrimSuffix(k, "^"), v+"x1"
			}
			if k == "id" {
				id = v
				continue
			}
			attrs = append(attrs, fmt.Sprintf(`%s="%s"`, k, v))
		}
	}
	s := "<" + tag
	if id != "" {
		s += ` id="` + id + `"`
	}
	if len(classes) > 0 {
		s += ` class="` + strings.Join(classes, " ") + `"`
	}
	for _, a := range attrs {
		s += " " + a
	}
	return s + "></" + tag + ">"
}

// globalUse writes inline code using a Globals entry in its required form.
func globalUse(g string) string {
	c := compileGlobal(g)
	switch c.form {
	case '(':
		return c.name + "(function(){});"
	case 's':
		return c.name + "('init', {});"
	case '=':
		return "window." + c.name + " = function(){};"
	}
	if strings.Contains(c.name, ".") {
		return c.name + " = " + c.name + " || {};"
	}
	return "window." + c.name + " = window." + c.name + " || {};"
}

type sigCase struct {
	name, html string
	globals    []string
	vendor     string
	signal     string
}

// signatureCases builds one page per signature in the table.
func signatureCases(t *testing.T) []sigCase {
	var out []sigCase
	for _, v := range vendors {
		for _, s := range v.Scripts {
			u, attrs := exampleURL(s, "x1.js")
			out = append(out, sigCase{name: "script " + s, vendor: v.ID, signal: SignalScriptHost,
				html: fmt.Sprintf(`<script async src="%s"%s></script>`, u, attrs)})
			if attrs == "" {
				out = append(out, sigCase{name: "inline url " + s, vendor: v.ID, signal: SignalScriptHost,
					html: fmt.Sprintf(`<script>(function(d){var s=d.createElement('script');s.async=true;s.src='%s';d.head.appendChild(s);})(document);</script>`, u)})
			}
		}
		for _, s := range v.Frames {
			u, _ := exampleURL(s, "x1")
			out = append(out, sigCase{name: "frame " + s, vendor: v.ID, signal: SignalIframe,
				html: fmt.Sprintf(`<iframe src="%s" title="chat"></iframe>`, u)})
		}
		for _, g := range v.Globals {
			out = append(out, sigCase{name: "global " + g, vendor: v.ID, signal: SignalInlineGlobal,
				html: "<script>" + globalUse(g) + "</script>"})
		}
		for _, g := range v.Runtime {
			out = append(out, sigCase{name: "runtime " + g, vendor: v.ID, signal: SignalRuntimeGlobal, globals: []string{g}})
		}
		for _, d := range v.DOM {
			el := exampleElement(d)
			if el == "" {
				t.Errorf("vendor %s: selector %q is too complex for the test's element builder", v.ID, d)
				continue
			}
			sig := SignalDOM
			if strings.HasPrefix(d, "iframe") {
				sig = SignalIframe
			}
			out = append(out, sigCase{name: "dom " + d, vendor: v.ID, signal: sig, html: el})
		}
		for _, l := range v.Links {
			u, _ := exampleURL(l.Pattern, "")
			switch l.Need {
			case needMore:
				u += "x1"
			case needNumber:
				u = strings.TrimSuffix(u, "/") + "/84901234567"
			case needPhone:
				u = strings.TrimSuffix(u, "/") + "?phone=84901234567"
			case needName:
				u = strings.TrimSuffix(u, "/") + "/acmeshop"
			}
			if scheme, host, ok := strings.Cut(l.Pattern, ":"); ok { // whatsapp:send → whatsapp://send
				u = strings.Replace(u, "https://"+scheme+":"+host, scheme+"://"+host, 1)
			}
			out = append(out, sigCase{name: "link " + l.Pattern, vendor: v.ID, signal: SignalLink,
				html: fmt.Sprintf(`<a href="%s">Message us</a>`, u)})
		}
	}
	return out
}

// TestEverySignature checks each entry of the table, alone on a page, is
// detected as its vendor, by its kind of signal, and as no other vendor.
func TestEverySignature(t *testing.T) {
	for _, tc := range signatureCases(t) {
		p := crawler.NewPage(testURL, page(tc.html))
		p.Globals = tc.globals
		f := Probe(siteOf(p))
		found := f.Vendors
		if other[tc.vendor] {
			found = f.OtherVendors
			if len(f.Vendors) != 0 || !f.Present {
				t.Errorf("%s (%s): Vendors = %v, Present %v; want [] and true for a vendor outside the contract's ids", tc.vendor, tc.name, f.Vendors, f.Present)
			}
		}
		if !slices.Equal(found, []string{tc.vendor}) {
			t.Errorf("%s (%s): Vendors = %v, want [%s]\nhtml: %s\nevidence: %+v", tc.vendor, tc.name, f.Vendors, tc.vendor, tc.html, f.Evidence)
			continue
		}
		if got := signals(f, tc.vendor); !slices.Contains(got, tc.signal) {
			t.Errorf("%s (%s): signals = %v, want %s\nhtml: %s", tc.vendor, tc.name, got, tc.signal, tc.html)
		}
	}
}

// TestExampleElements checks the test's element builder against cascadia,
// so TestEverySignature tests the selectors it claims to.
func TestExampleElements(t *testing.T) {
	for _, v := range vendors {
		for _, d := range v.DOM {
			el := exampleElement(d)
			doc, err := html.Parse(strings.NewReader("<body>" + el + "</body>"))
			if err != nil {
				t.Fatal(err)
			}
			if cascadia.Query(doc, cascadia.MustCompile(d)) == nil {
				t.Errorf("selector %q does not match its example %s", d, el)
			}
		}
	}
}

func TestVendorIDsSorted(t *testing.T) {
	ids := VendorIDs()
	if !sort.StringsAreSorted(ids) || len(ids) != len(vendors) {
		t.Errorf("VendorIDs() = %v", ids)
	}
}
