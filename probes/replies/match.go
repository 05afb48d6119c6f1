package replies

import (
	"regexp"
	"strings"
)

// How a message was tied to its inquiry, as returned by Match.
const (
	MatchAddress = "address" // the plus-address token in To, Cc or a delivery header
	MatchThread  = "thread"  // an In-Reply-To or References message ID
	MatchSubject = "subject" // "[ref TOKEN]" or the bare token in the subject
)

var refRE = regexp.MustCompile(`(?i)\[\s*ref[\s:#]*([a-z0-9]{4,32})\s*\]`)

// Match returns the token of tokens that m answers and how it was found:
// first a plus-address ("name+TOKEN@domain") among To, Cc, Delivered-To,
// X-Original-To and Envelope-To; then a message ID "TOKEN.anything@domain"
// in In-Reply-To or References; then "[ref TOKEN]" or the token as a word
// in the subject. It returns "", "" when nothing matches. Tokens compare
// case-insensitively.
func Match(m Message, tokens []string) (token, how string) {
	want := map[string]string{}
	for _, t := range tokens {
		if t != "" {
			want[strings.ToLower(t)] = t
		}
	}
	if len(want) == 0 {
		return "", ""
	}
	addrs := append(append([]string(nil), m.To...), m.Cc...)
	for _, k := range []string{"Delivered-To", "X-Original-To", "Envelope-To"} {
		for _, v := range m.Header[k] {
			addrs = append(addrs, emailRE.FindAllString(v, 10)...)
		}
	}
	for _, a := range addrs {
		local, _, ok := strings.Cut(strings.ToLower(strings.Trim(a, "<> ")), "@")
		if !ok {
			continue
		}
		if _, tag, ok := strings.Cut(local, "+"); ok {
			if t, ok := want[tag]; ok {
				return t, MatchAddress
			}
		}
	}
	ids := append([]string{m.InReplyTo}, m.References...)
	for _, id := range ids {
		head, _, ok := strings.Cut(strings.ToLower(id), ".")
		if !ok {
			continue
		}
		if t, ok := want[head]; ok {
			return t, MatchThread
		}
	}
	subject := strings.ToLower(m.Subject)
	for _, sm := range refRE.FindAllStringSubmatch(subject, -1) {
		if t, ok := want[sm[1]]; ok {
			return t, MatchSubject
		}
	}
	for _, w := range strings.FieldsFunc(subject, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if t, ok := want[w]; ok {
			return t, MatchSubject
		}
	}
	return "", ""
}
