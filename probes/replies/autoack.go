package replies

import (
	"fmt"
	"strings"
)

// IsAutoAck reports whether m is an automatic acknowledgement rather than
// a person's answer, and the signals found. Headers decide alone: RFC 3834
// Auto-Submitted other than "no", X-Autoreply, X-Autorespond,
// X-Autoresponder, Precedence auto_reply/bulk/junk, a no-reply sender. In
// the text (quotes stripped), "this is an automated message" wording
// decides alone; "we received your request" wording, a ticket number
// ("[#12345]", "Ticket #", "Yêu cầu #", "Talep No") or a vague "we will
// get back to you" decide in pairs. Reasons lists every signal seen, even
// when they do not add up to an acknowledgement.
func IsAutoAck(m Message) (bool, []string) {
	var reasons []string
	strong := false
	for _, k := range []string{"Auto-Submitted", "X-Autoreply", "X-Autorespond", "X-Autoresponder"} {
		for _, v := range m.Header[k] {
			v = strings.TrimSpace(v)
			if k == "Auto-Submitted" && strings.EqualFold(strings.SplitN(v, ";", 2)[0], "no") {
				continue
			}
			reasons = append(reasons, fmt.Sprintf("header %s: %s", k, clip(v, 60)))
			strong = true
		}
	}
	for _, v := range m.Header["Precedence"] {
		switch p := strings.ToLower(strings.TrimSpace(v)); p {
		case "auto_reply", "bulk", "junk":
			reasons = append(reasons, "header Precedence: "+p)
			strong = true
		}
	}
	if noReplyAddrRE.MatchString(m.From) {
		reasons = append(reasons, "sent from a no-reply address: "+m.From)
		strong = true
	}
	text := fold(m.Subject + "\n" + StripQuoted(m.Text))
	if p := text.find(automatedRE); p != "" {
		reasons = append(reasons, fmt.Sprintf("says it is automated: %q", p))
		strong = true
	}
	weak := 0
	for _, s := range []struct {
		what string
		re   interface{ FindStringIndex(string) []int }
	}{{"acknowledges receipt", receivedRE}, {"gives a ticket number", ticketRE}, {"promises a later answer", laterRE}} {
		if loc := s.re.FindStringIndex(text.s); loc != nil {
			reasons = append(reasons, fmt.Sprintf("%s: %q", s.what, trimEdge(text.span(loc[0], loc[1]))))
			weak++
		}
	}
	return strong || weak >= 2, reasons
}

// trimEdge drops the boundary characters a word-edged pattern matched.
func trimEdge(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\t' || r == ',' || r == '.' || r == '!' || r == '(' || r == ')' || r == ':' || r == ';' || r == '"'
	})
}
