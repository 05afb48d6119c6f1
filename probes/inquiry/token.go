package inquiry

import (
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// TokenLen is the length of the tokens NewToken makes.
const TokenLen = 10

var tokenEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// NewToken returns a new random token of TokenLen characters from
// [a-z2-7] (50 bits from crypto/rand): safe in an address's local part, a
// Message-ID and a subject, and unchanged by case folding.
func NewToken() string {
	var b [7]byte          // 56 bits, of which the first 50 are used
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	return tokenEncoding.EncodeToString(b[:])[:TokenLen]
}

var tokenRE = regexp.MustCompile(`^[a-z0-9]{4,32}$`)

// ValidToken reports whether s can be used as a token: 4 to 32 characters
// from [a-z0-9].
func ValidToken(s string) bool { return tokenRE.MatchString(s) }

// ErrAddress is wrapped by the errors about malformed e-mail addresses.
var ErrAddress = errors.New("malformed e-mail address")

// localRE is a dot-atom local part of letters, digits and the symbols
// addresses commonly use; quoted local parts are not accepted.
var (
	localRE  = regexp.MustCompile(`^[A-Za-z0-9!#$%&'*+/=?^_{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_{|}~-]+)*$`)
	domainRE = regexp.MustCompile(`^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`)
)

// splitAddress checks a bare address ("local@domain", no name, no angle
// brackets) and returns its parts.
func splitAddress(addr string) (local, domain string, err error) {
	at := strings.LastIndexByte(addr, '@')
	if at <= 0 || at == len(addr)-1 {
		return "", "", fmt.Errorf("%q: %w: want local@domain", clip(addr), ErrAddress)
	}
	local, domain = addr[:at], addr[at+1:]
	switch {
	case len(addr) > 254:
		return "", "", fmt.Errorf("%q: %w: longer than 254 characters", clip(addr), ErrAddress)
	case len(local) > 64:
		return "", "", fmt.Errorf("%q: %w: local part longer than 64 characters", clip(addr), ErrAddress)
	case !localRE.MatchString(local):
		return "", "", fmt.Errorf("%q: %w: the part before @ holds a character an address cannot", clip(addr), ErrAddress)
	case !domainRE.MatchString(domain):
		return "", "", fmt.Errorf("%q: %w: the domain is not a host name", clip(addr), ErrAddress)
	}
	return local, domain, nil
}

// PlusAddress returns email with the token appended to its local part
// after a '+': "name+TOKEN@domain". A local part that already has a tag
// keeps it ("name+shop+TOKEN@domain"): the token is always after the last
// '+'. Malformed addresses and tokens are refused.
func PlusAddress(email, token string) (string, error) {
	if !ValidToken(token) {
		return "", fmt.Errorf("plus-address: token %q is not 4-32 characters of [a-z0-9]", clip(token))
	}
	local, domain, err := splitAddress(email)
	if err != nil {
		return "", fmt.Errorf("plus-address: %w", err)
	}
	if len(local)+1+len(token) > 64 {
		return "", fmt.Errorf("plus-address %s: %w: the local part with the token would be longer than 64 characters", clip(email), ErrAddress)
	}
	return local + "+" + token + "@" + domain, nil
}

// TokenFromAddress returns the token of a plus-address PlusAddress made,
// or "" when addr has none. Case is ignored.
func TokenFromAddress(addr string) string {
	addr = strings.ToLower(strings.TrimSpace(strings.Trim(addr, "<> ")))
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return ""
	}
	local := addr[:at]
	plus := strings.LastIndexByte(local, '+')
	if plus < 0 || !ValidToken(local[plus+1:]) {
		return ""
	}
	return local[plus+1:]
}

var subjectRefRE = regexp.MustCompile(`(?i)\[ref ([a-z0-9]{4,32})\]`)

// TokenFromSubject returns the token of the last "[ref TOKEN]" in a
// subject, as Build writes it and replies quote it, or "".
func TokenFromSubject(subject string) string {
	m := subjectRefRE.FindAllStringSubmatch(subject, -1)
	if len(m) == 0 {
		return ""
	}
	return strings.ToLower(m[len(m)-1][1])
}

// clip shortens a value quoted in an error.
func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}
