package faq

import (
	"encoding/json"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// ldResult is what a page's JSON-LD says about its FAQ.
type ldResult struct {
	faq       bool     // a FAQPage or QAPage is declared
	questions []string // the names of its Question objects, in document order
}

// jsonLD reads the page's JSON-LD blocks. Questions are returned only when
// the page declares a FAQPage or QAPage; Yoast and others put the Question
// objects beside the page in an @graph and refer to them by @id, so every
// Question of such a page counts. Malformed blocks are read as far as they
// parse, after the usual repairs (raw line breaks in strings, trailing
// commas, HTML comment wrappers); what still fails is ignored.
func jsonLD(doc *goquery.Document) ldResult {
	var res ldResult
	var qs []string
	doc.Find("script[type]").Each(func(_ int, s *goquery.Selection) {
		t, _ := s.Attr("type")
		if !strings.Contains(strings.ToLower(t), "ld+json") {
			return
		}
		for _, v := range decodeLD(s.Text()) {
			visitLD(v, 0, &res.faq, &qs)
		}
	})
	if res.faq {
		res.questions = qs
	}
	return res
}

var trailingComma = regexp.MustCompile(`,\s*([}\]])`)

// decodeLD decodes every JSON value in a script's text, repairing what
// sites commonly get wrong.
func decodeLD(raw string) []any {
	raw = strings.TrimSpace(raw)
	raw = strings.TrimPrefix(raw, "<!--")
	raw = strings.TrimSuffix(raw, "-->")
	raw = strings.TrimPrefix(strings.TrimSpace(raw), "//<![CDATA[")
	raw = strings.TrimSuffix(strings.TrimSpace(raw), "//]]>")
	// Raw control characters are invalid inside JSON strings but common.
	raw = strings.Map(func(r rune) rune {
		if r < 0x20 {
			return ' '
		}
		return r
	}, raw)
	vals, err := decodeAll(raw)
	if err != nil {
		if more, _ := decodeAll(trailingComma.ReplaceAllString(raw, "$1")); len(more) > len(vals) {
			vals = more
		}
	}
	return vals
}

func decodeAll(raw string) ([]any, error) {
	dec := json.NewDecoder(strings.NewReader(raw))
	var out []any
	for {
		var v any
		if err := dec.Decode(&v); err != nil {
			if err == io.EOF {
				return out, nil
			}
			return out, err
		}
		out = append(out, v)
	}
}

// visitLD walks a decoded JSON-LD value, noting FAQ page types and
// collecting Question names. Object keys are visited in sorted order so the
// result does not depend on map iteration.
func visitLD(v any, depth int, faq *bool, qs *[]string) {
	if depth > 64 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			visitLD(e, depth+1, faq, qs)
		}
	case map[string]any:
		for _, typ := range ldTypes(t["@type"]) {
			switch typ {
			case "faqpage", "qapage":
				*faq = true
			case "question":
				name := ldString(t["name"])
				if name == "" {
					name = ldString(t["text"])
				}
				if name != "" {
					*qs = append(*qs, name)
				}
			}
		}
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k == "@type" || k == "@context" {
				continue
			}
			visitLD(t[k], depth+1, faq, qs)
		}
	}
}

// ldTypes returns an @type value's types, lower-cased and without their
// vocabulary prefix ("https://schema.org/FAQPage", "schema:FAQPage").
func ldTypes(v any) []string {
	var raw []string
	switch t := v.(type) {
	case string:
		raw = []string{t}
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				raw = append(raw, s)
			}
		}
	}
	for i, s := range raw {
		if j := strings.LastIndexAny(s, "/:#"); j >= 0 {
			s = s[j+1:]
		}
		raw[i] = strings.ToLower(strings.TrimSpace(s))
	}
	return raw
}

// ldString returns a JSON-LD text value as plain text: a string, or the
// @value of a value object; markup and entities inside it are resolved.
func ldString(v any) string {
	var s string
	switch t := v.(type) {
	case string:
		s = t
	case map[string]any:
		s, _ = t["@value"].(string)
	case []any:
		if len(t) > 0 {
			return ldString(t[0])
		}
	}
	if strings.ContainsAny(s, "<&") {
		s = markupText(s)
	}
	return norm.NFC.String(strings.Join(strings.Fields(s), " "))
}

// markupText returns the text of an HTML fragment.
func markupText(s string) string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return s
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Br || n.DataAtom == atom.P || n.DataAtom == atom.Div) {
			b.WriteByte(' ')
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return b.String()
}
