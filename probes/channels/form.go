package channels

import (
	"net/url"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/probes/fold"
	"github.com/shopper-audit/shopper/probes/pagekind"
)

// formInfo is what one <form> asks for and says about itself.
type formInfo struct {
	kinds   map[string]bool
	wording string // raw: attributes, buttons, headings, nearby headings
	action  string
}

// Verdicts on a form, as tests name them.
const (
	formContact    = "contact"
	formAccount    = "account"
	formCart       = "cart"
	formComment    = "comment"
	formSearch     = "search"
	formNewsletter = "newsletter"
	formTracking   = "tracking"
	formJob        = "job"
	formOther      = "other"
)

// classifyForm says what a form is for. A contact form lets a customer
// write to the company: it has a message field (a textarea, or a field
// named as one); or an e-mail field and a subject; or an e-mail field and
// a name or phone field without newsletter wording; or a name and phone
// field with callback or contact wording, or standing on the contact page.
// Log-in and sign-up forms (a password field or account wording), cart and
// checkout forms, blog comment and product review forms, search boxes, job
// applications, order tracking and newsletter sign-ups are not.
func classifyForm(fi formInfo, onContactPage bool) string {
	k := fi.kinds
	w := fold.Fold(fi.wording)
	switch {
	case k[fieldPassword]:
		return formAccount
	case k[fieldQuantity] || hasAny(fold.Fold(fi.action), foldedCart):
		return formCart
	case k[fieldRating] || hasAny(w, foldedComment):
		return formComment
	case k[fieldSearch] && !k[fieldMessage]:
		return formSearch
	case hasAny(w, foldedJob):
		return formJob
	case k[fieldMessage]:
		return formContact
	case !k[fieldEmail] && !k[fieldPhone]:
		return formOther
	case hasAny(w, foldedTracking) || k[fieldOrder] && !k[fieldName] && !k[fieldSubject]:
		return formTracking
	case hasAny(w, foldedCart):
		return formCart
	case hasAny(w, foldedAccount):
		return formAccount
	case k[fieldEmail] && k[fieldSubject]:
		return formContact
	case hasAny(w, foldedNewsletter):
		return formNewsletter
	case k[fieldEmail] && (k[fieldName] || k[fieldPhone]):
		return formContact
	case k[fieldPhone] && k[fieldName] && (onContactPage || hasAny(w, foldedCallback) || namesContact(fi.wording)):
		return formContact
	}
	return formOther
}

// namesContact reports wording that pagekind reads as contact or help.
func namesContact(s string) bool {
	for _, k := range pagekind.Match(s) {
		if k == pagekind.Contact || k == pagekind.Help {
			return true
		}
	}
	return false
}

// readForm gathers the kinds of a form's visible fields and its wording.
func readForm(form *html.Node, labels map[string]string) formInfo {
	fi := formInfo{kinds: map[string]bool{}}
	var words []string
	for _, key := range []string{"id", "class", "name", "aria-label", "action"} {
		if v, ok := attr(form, key); ok {
			words = append(words, splitCamel(v))
		}
	}
	fi.action, _ = attr(form, "action")
	if u, err := url.Parse(strings.TrimSpace(fi.action)); err == nil {
		fi.action = u.Path
	}
	var rec func(n *html.Node, label string)
	rec = func(n *html.Node, label string) {
		switch n.Type {
		case html.TextNode:
			if label == "" {
				words = append(words, n.Data)
			}
			return
		case html.ElementNode:
		default:
			return
		}
		if n.DataAtom == atom.Input && strings.EqualFold(attrOr(n, "type"), "hidden") {
			// Hidden inputs say what a form is for: comment_post_ID,
			// contact[tags]=newsletter.
			words = append(words, splitCamel(attrOr(n, "name")), attrOr(n, "value"))
			return
		}
		if crawler.Hidden(n) {
			return
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg:
			return
		case atom.Label:
			label = visibleText(n)
			if label == "" {
				label = " "
			}
		case atom.Input, atom.Textarea, atom.Select:
			if k := controlKind(n, label, labels); k != "" {
				fi.kinds[k] = true
			}
			switch typ := strings.ToLower(attrOr(n, "type")); {
			case n.DataAtom != atom.Input:
			case typ == "submit" || typ == "button" || typ == "image":
				words = append(words, attrOr(n, "value"), attrOr(n, "alt"))
			case typ == "file":
				// An upload's name tells a job application ("cv") apart.
				words = append(words, splitCamel(attrOr(n, "name")), splitCamel(attrOr(n, "id")), label)
			}
			return
		case atom.Button:
			words = append(words, visibleText(n), attrOr(n, "aria-label"), splitCamel(attrOr(n, "name")))
			return
		case atom.Br, atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Legend, atom.Li:
			words = append(words, " ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, label)
		}
	}
	for c := form.FirstChild; c != nil; c = c.NextSibling {
		rec(c, "")
	}
	words = append(words, contextText(form))
	fi.wording = strings.Join(words, " ")
	return fi
}

// contextText returns the short texts just before a form and before its
// parent and grandparent: the "Subscribe to our newsletter" heading that a
// sign-up form's markup leaves outside the <form>.
func contextText(form *html.Node) string {
	var parts []string
	n := form
	for level := 0; level < 3 && n != nil; level++ {
		count := 0
		for s := n.PrevSibling; s != nil && count < 2; s = s.PrevSibling {
			if s.Type != html.ElementNode {
				continue
			}
			count++
			if t := visibleTextMax(s, 800); t != "" && len([]rune(t)) <= 200 {
				parts = append(parts, t)
			}
		}
		n = n.Parent
		if n == nil || n.DataAtom == atom.Body || n.DataAtom == atom.Main {
			break
		}
	}
	return strings.Join(parts, " ")
}

// controlKind names the kind of one visible form control from its type,
// then from the words of its name, id, placeholder, aria-label, title,
// autocomplete and label. It returns "" for controls of no interest
// (checkboxes, buttons, unnamed fields).
func controlKind(n *html.Node, label string, labels map[string]string) string {
	typ := strings.ToLower(strings.TrimSpace(attrOr(n, "type")))
	if n.DataAtom == atom.Input {
		switch typ {
		case "email":
			return fieldEmail
		case "tel":
			return fieldPhone
		case "password":
			return fieldPassword
		case "search":
			return fieldSearch
		case "file":
			return fieldAttachment
		case "submit", "button", "image", "reset", "checkbox", "radio", "hidden", "range", "color":
			return ""
		}
		if exactSearchNames[strings.ToLower(strings.TrimSpace(attrOr(n, "name")))] {
			return fieldSearch
		}
	}
	if strings.TrimSpace(label) == "" {
		if id := strings.TrimSpace(attrOr(n, "id")); id != "" {
			label = labels[id]
		}
	}
	text := fold.Fold(strings.Join([]string{
		splitCamel(attrOr(n, "name")), splitCamel(attrOr(n, "id")), attrOr(n, "placeholder"),
		attrOr(n, "aria-label"), attrOr(n, "title"), splitCamel(attrOr(n, "autocomplete")),
		attrOr(n, "data-placeholder"), label,
	}, " "))
	kind := ""
	for _, k := range fieldTryOrder {
		if hasAny(text, foldedFieldWords[k]) {
			kind = k
			break
		}
	}
	if n.DataAtom == atom.Textarea && kind != fieldAddress && kind != fieldRating {
		return fieldMessage
	}
	if n.DataAtom == atom.Input && typ == "number" && kind == "" {
		return ""
	}
	return kind
}

// splitCamel puts a space where lower case turns upper and around
// brackets and underscores, so "txtMessage" and "contact[body]" read as
// words.
func splitCamel(s string) string {
	var b strings.Builder
	var prev rune
	for _, r := range s {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func attrOr(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}

// formCandidate is one page's best contact form.
type formCandidate struct {
	ps      *pageScan
	score   int
	fields  []string
	service string
}

// contactForm picks the best contact form of the site: the one on the
// contact page, else the one with the most of a message, an e-mail, a
// subject, a phone and a name field on a contact or help page, else the
// shallowest. An embedded form service counts as a form whose fields are
// unknown.
func (s *siteScan) contactForm() ContactForm {
	var cands []formCandidate
	for _, ps := range s.scans {
		bonus := 0
		if ps.isContact {
			bonus = 100
		} else if ps.kinds[pagekind.Contact] >= 3 || ps.kinds[pagekind.Help] >= 3 {
			bonus = 50
		}
		var best *formCandidate
		for _, f := range ps.forms {
			for _, unit := range formUnits(f) {
				fi := readForm(unit, ps.labels)
				if classifyForm(fi, ps.isContact) != formContact {
					continue
				}
				c := formCandidate{ps: ps, score: bonus + fieldScore(fi.kinds)}
				for k := range fi.kinds {
					c.fields = append(c.fields, k)
				}
				sort.Strings(c.fields)
				if best == nil || c.score > best.score {
					best = &c
				}
			}
		}
		if best == nil && len(ps.embeds) > 0 {
			best = &formCandidate{ps: ps, score: bonus + 5, service: ps.embeds[0]}
		}
		if best != nil {
			cands = append(cands, *best)
		}
	}
	out := ContactForm{}
	if len(cands) == 0 {
		return out
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].ps.page.Depth < cands[j].ps.page.Depth
	})
	b := cands[0]
	u := b.ps.page.URL
	out.Present, out.URL, out.Fields, out.Service = true, &u, b.fields, b.service
	for _, c := range cands {
		if len(out.Evidence) == maxFormEvidence {
			break
		}
		d := "form: " + strings.Join(c.fields, ", ")
		if c.service != "" {
			d = "embedded form: " + c.service
		}
		out.Evidence = append(out.Evidence, Evidence{Page: c.ps.page.URL, Detail: d})
	}
	return out
}

// maxUnitControls bounds the visible controls of one form inside a
// page-wide <form>.
const maxUnitControls = 10

// formUnits returns the forms a <form> element holds: itself, or, when it
// wraps a whole page as ASP.NET WebForms pages do (a __VIEWSTATE field, a
// header, footer or nav inside, or more than 20 controls), the largest
// block around each message, e-mail or phone field that holds at most
// maxUnitControls controls — so the header's log-in box and the footer's
// newsletter do not decide what the contact form in between is.
func formUnits(form *html.Node) []*html.Node {
	if !pageWrapper(form) {
		return []*html.Node{form}
	}
	var units []*html.Node
	seen := map[*html.Node]bool{}
	var rec func(n *html.Node)
	rec = func(n *html.Node) {
		if n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return
		}
		if n.Type == html.ElementNode && crawler.Hidden(n) {
			return
		}
		if anchorControl(n) {
			unit := n
			for p := n.Parent; p != nil && p != form; p = p.Parent {
				if countControls(p) > maxUnitControls {
					break
				}
				unit = p
			}
			if !seen[unit] {
				seen[unit] = true
				units = append(units, unit)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	for c := form.FirstChild; c != nil; c = c.NextSibling {
		rec(c)
	}
	// Keep only the outermost units.
	out := units[:0]
	for _, u := range units {
		inner := false
		for p := u.Parent; p != nil && p != form; p = p.Parent {
			if seen[p] {
				inner = true
				break
			}
		}
		if !inner {
			out = append(out, u)
		}
	}
	return out
}

// pageWrapper reports a <form> that wraps a page rather than one form.
func pageWrapper(form *html.Node) bool {
	wrapper := false
	controls := 0
	var rec func(n *html.Node)
	rec = func(n *html.Node) {
		if wrapper || n.Type != html.ElementNode {
			return
		}
		switch n.DataAtom {
		case atom.Header, atom.Footer, atom.Nav, atom.Main:
			wrapper = true
			return
		case atom.Input:
			if strings.EqualFold(attrOr(n, "name"), "__VIEWSTATE") {
				wrapper = true
			}
			if !strings.EqualFold(attrOr(n, "type"), "hidden") {
				controls++
			}
		case atom.Textarea, atom.Select:
			controls++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	for c := form.FirstChild; c != nil; c = c.NextSibling {
		rec(c)
	}
	return wrapper || controls > 20
}

// anchorControl reports the controls a form is built around: a textarea,
// or an e-mail or telephone input.
func anchorControl(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Textarea:
		return true
	case atom.Input:
		switch strings.ToLower(attrOr(n, "type")) {
		case "email", "tel":
			return true
		case "", "text":
			k := fold.Fold(splitCamel(attrOr(n, "name") + " " + attrOr(n, "id") + " " + attrOr(n, "placeholder")))
			return hasAny(k, foldedFieldWords[fieldEmail]) || hasAny(k, foldedFieldWords[fieldPhone])
		}
	}
	return false
}

// countControls counts the visible inputs, textareas and selects under n.
func countControls(n *html.Node) int {
	count := 0
	var rec func(n *html.Node)
	rec = func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.DataAtom {
		case atom.Input:
			if !strings.EqualFold(attrOr(n, "type"), "hidden") {
				count++
			}
			return
		case atom.Textarea, atom.Select:
			count++
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return count
}

// maxFormEvidence bounds ContactForm.Evidence: a form in every page's
// footer needs no forty rows.
const maxFormEvidence = 10

// fieldScore ranks a contact form by what it lets a customer say.
func fieldScore(k map[string]bool) int {
	n := 0
	for kind, w := range map[string]int{fieldMessage: 4, fieldEmail: 2, fieldSubject: 1, fieldPhone: 1, fieldName: 1} {
		if k[kind] {
			n += w
		}
	}
	return n
}
