package chat

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/probes/fold"
)

// Folded forms of the vocabulary in signatures.go.
var (
	strongChat = fold.All(chatPhrases)
	weakChat   = fold.All(weakChatWords)
	notChat    = fold.All(notChatWords)
	// chatSlugs are the last path segments of a page that is itself the
	// chat (/chat, /live-chat, /canli-destek, /chat-truc-tuyen), compacted.
	chatSlugs = func() map[string]bool {
		m := map[string]bool{}
		for _, list := range [][]string{strongChat, weakChat} {
			for _, s := range list {
				m[compact(s)] = true
			}
		}
		return m
	}()
)

// compact folds s and drops its spaces: "Live-Chat", "live_chat" and
// "livechat" all read "livechat". ASCII text skips the Unicode folding.
func compact(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		s = fold.Fold(s)
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	return string(b)
}

func hasAnyPhrase(folded string, phrases []string) bool {
	for _, p := range phrases {
		if fold.HasPhrase(folded, p) {
			return true
		}
	}
	return false
}

// maxLabelWords bounds the label of a chat entry point: "Chat with us" is a
// control, "Do you offer live chat on weekends?" is a question about one.
const maxLabelWords = 7

// genericEntry reports whether n, a link (leading to u) or a button, is a
// chat entry point of no known vendor, and describes it. It is conservative:
//
//   - its own label (text, aria-label, title, alt) must name a chat: a plain
//     phrase such as "Live chat", "Chat with us", "Chat trực tuyến", "Canlı
//     destek", "Chatten Sie mit uns", "Chat en vivo" — in at most seven words;
//   - and it must open one: a link to a page that is the chat (/chat,
//     /live-chat, #chat), or a control run by script (a button outside a
//     form, href="#" or javascript:, an onclick), or a control that is not
//     a link whose id, class or data attributes say chat — a link to an
//     ordinary page is judged by where it leads unless its markup names
//     the action of opening a chat ("open-chat"), a script's hook;
//   - a label of just "Chat" counts only on a control run by script, never on
//     a plain link to a page, which may be anything from a forum to an
//     article about chat;
//   - it must not be a question ("Do you offer live chat?" heads an FAQ entry);
//   - it must not be hidden by its own or an ancestor's markup.
func genericEntry(n *html.Node, u *url.URL) (string, bool) {
	// What the control does is cheaper to read than what it says: most
	// links on a page lead to ordinary pages and stop here.
	href, hasHref := attrOK(n, "href")
	href = strings.TrimSpace(href)
	scripted := scriptedControl(n, href, hasHref)
	// A link to a page is judged by where it leads: a "Chat with us"
	// button styled as a chat (class="btn-chat") that opens the contact
	// page is no chat.
	// Only markup that names the action of opening a chat (class="open-chat",
	// data-toggle-chat: a script's hook) makes such a link a chat.
	pageLink := hasHref && !scripted
	target := ""
	if !scripted && !(pageLink && chatAction(n) || !pageLink && chatAttrs(n)) {
		if u == nil || !chatTarget(u.Path, u.Fragment, u.Hostname()) {
			return "", false
		}
		target = href
	}
	raw := strings.TrimSpace(label(n))
	if strings.HasSuffix(raw, "?") || strings.HasSuffix(raw, "？") {
		return "", false // a question about chat (an FAQ entry), not a control
	}
	f := fold.Fold(raw)
	if f == "" || strings.Count(f, " ")+1 > maxLabelWords {
		return "", false
	}
	strong := hasAnyPhrase(f, strongChat)
	weak := !strong && strings.Count(f, " ") < 3 && hasAnyPhrase(f, weakChat)
	if !strong && !(weak && scripted) || hasAnyPhrase(f, notChat) {
		return "", false
	}
	for a := n; a != nil; a = a.Parent {
		if crawler.Hidden(a) {
			return "", false
		}
	}
	d := `"` + strings.Join(strings.Fields(raw), " ") + `"`
	if target != "" {
		d += " → " + target
	} else {
		d += " (" + n.Data + ")"
	}
	return d, true
}

// scriptedControl reports a control whose action is script: a button that
// does not submit a form, a link to "#" or javascript:, anything with an
// onclick handler.
func scriptedControl(n *html.Node, href string, hasHref bool) bool {
	for _, a := range n.Attr {
		if k := strings.ToLower(a.Key); strings.HasPrefix(k, "on") || handlerAttrs[k] {
			return true
		}
	}
	if hasHref {
		return href == "" || href == "#" || strings.HasPrefix(strings.ToLower(href), "javascript:")
	}
	if n.DataAtom == atom.Button || n.DataAtom == atom.Input {
		if t := strings.ToLower(attr(n, "type")); t == "submit" || t == "reset" || n.DataAtom == atom.Button && t == "" && insideForm(n) {
			return false
		}
		return true
	}
	return n.DataAtom != atom.A // role=button elements
}

func insideForm(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.DataAtom == atom.Form {
			return true
		}
	}
	return false
}

// chatAttrs reports an id, class or data attribute naming a chat
// ("open-chat", "livechat-btn", data-action="chat").
func chatAttrs(n *html.Node) bool {
	for _, a := range n.Attr {
		k := strings.ToLower(a.Key)
		if k != "id" && k != "class" && !strings.HasPrefix(k, "data-") {
			continue
		}
		if strings.Contains(k, "chat") {
			return true
		}
		if !containsASCIIFold(a.Val, "chat") {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		}) {
			if w == "chat" || w == "livechat" || w == "webchat" || w == "chatbox" || w == "chatbot" {
				return true
			}
		}
	}
	return false
}

// chatActionVerbs are the verbs that, next to "chat" in an id, class or
// data attribute, name a script's hook that opens a chat.
var chatActionVerbs = map[string]bool{"open": true, "start": true, "launch": true, "toggle": true, "show": true, "trigger": true}

// chatAction reports an id, class or data attribute naming the action of
// opening a chat: "open-chat", "js-start-chat", "chatOpen", data-open-chat.
func chatAction(n *html.Node) bool {
	for _, a := range n.Attr {
		k := strings.ToLower(a.Key)
		var v string
		switch {
		case k == "id" || k == "class":
			v = a.Val
		case strings.HasPrefix(k, "data-"):
			v = k + " " + a.Val
		default:
			continue
		}
		if !containsASCIIFold(v, "chat") {
			continue
		}
		// Split camelCase too: "openChat" → open, chat.
		var b strings.Builder
		for i, r := range v {
			if r >= 'A' && r <= 'Z' && i > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
		}
		words := strings.FieldsFunc(strings.ToLower(b.String()), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		})
		for i, w := range words {
			if w != "chat" && w != "livechat" {
				continue
			}
			if i > 0 && chatActionVerbs[words[i-1]] || i+1 < len(words) && chatActionVerbs[words[i+1]] {
				return true
			}
		}
	}
	return false
}

// containsASCIIFold reports whether s holds sub (lower-case ASCII) in any
// case.
func containsASCIIFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && (s[i+j]|0x20) == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// chatTarget reports a link target that is itself a chat: a last path
// segment or fragment naming one (/chat, /live-chat.html, #livechat), or a
// host whose first label is chat (chat.example.com).
func chatTarget(pth, fragment, host string) bool {
	seg := strings.TrimRight(pth, "/")
	if i := strings.LastIndexByte(seg, '/'); i >= 0 {
		seg = seg[i+1:]
	}
	if i := strings.LastIndexByte(seg, '.'); i > 0 {
		seg = seg[:i]
	}
	for _, s := range []string{seg, fragment} {
		if s != "" && chatSlugs[compact(s)] {
			return true
		}
	}
	labels := strings.Split(strings.ToLower(host), ".")
	return len(labels) >= 3 && (labels[0] == "chat" || labels[0] == "livechat" || labels[0] == "webchat")
}

// label returns what a link or button says, as a screen reader names it:
// its aria-label, else its text with the alt text of images inside it, else
// its title or value.
func label(n *html.Node) string {
	if v := strings.TrimSpace(attr(n, "aria-label")); v != "" {
		return v
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		switch m.Type {
		case html.TextNode:
			b.WriteString(m.Data)
			b.WriteByte(' ')
		case html.ElementNode:
			switch m.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg:
				return
			case atom.Img:
				b.WriteString(attr(m, "alt"))
				b.WriteByte(' ')
			}
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	if strings.TrimSpace(b.String()) != "" {
		return b.String()
	}
	if v := attr(n, "title"); v != "" {
		return v
	}
	return attr(n, "value")
}

// foldedLabel returns n's label folded.
func foldedLabel(n *html.Node) string { return fold.Fold(label(n)) }

// attrOK returns the value of n's attribute key and whether it is present.
func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}
