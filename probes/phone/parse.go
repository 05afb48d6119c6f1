package phone

import (
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// parsed is one number as libphonenumber reads it.
type parsed struct {
	e164   string
	typ    string
	region string
}

var typeNames = map[phonenumbers.PhoneNumberType]string{
	phonenumbers.FIXED_LINE:           "fixed_line",
	phonenumbers.MOBILE:               "mobile",
	phonenumbers.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
	phonenumbers.TOLL_FREE:            "toll_free",
	phonenumbers.PREMIUM_RATE:         "premium_rate",
	phonenumbers.SHARED_COST:          "shared_cost",
	phonenumbers.VOIP:                 "voip",
	phonenumbers.PERSONAL_NUMBER:      "personal_number",
	phonenumbers.PAGER:                "pager",
	phonenumbers.UAN:                  "uan",
	phonenumbers.VOICEMAIL:            "voicemail",
	phonenumbers.UNKNOWN:              "unknown",
}

// vanityTypes are the types of number businesses spell with letters.
var vanityTypes = map[phonenumbers.PhoneNumberType]bool{
	phonenumbers.TOLL_FREE: true, phonenumbers.PREMIUM_RATE: true, phonenumbers.SHARED_COST: true,
	phonenumbers.UAN: true, phonenumbers.PERSONAL_NUMBER: true, phonenumbers.VOIP: true,
}

// strictness says how sure the writer was that the string is a number.
type strictness int

const (
	// prose: a number read out of running text must satisfy
	// libphonenumber's VALID leniency — valid, and written with its national
	// prefix where the region's own formatting writes one — since the
	// digits might be anything.
	prose strictness = iota
	// markup: a tel: link or a JSON-LD telephone says it is a phone number,
	// so being a valid number is enough.
	markup
	// vanity: letters converted with the keypad. Businesses spell
	// non-geographic numbers (vanityTypes); a too-long result is cut to a
	// valid number, as handsets do (1-800-MATTRESS dials 1-800-628-8737).
	// Capitals after digits are common enough ("ISO 9001 HACCP") that a
	// spelt mobile or landline number is not believed.
	vanity
)

// parser reads numbers with libphonenumber for one region and remembers
// every answer: headers and footers repeat the same numbers on every page.
type parser struct {
	region string
	memo   map[memoKey]memoVal
	blocks map[string][]hit // scanText's answers
}

type memoKey struct {
	s string
	k strictness
}

type memoVal struct {
	p  parsed
	ok bool
}

func newParser(region string) *parser {
	return &parser{region: region, memo: map[memoKey]memoVal{}, blocks: map[string][]hit{}}
}

// parse returns the number written in s, or false. A national-format
// number is read in the parser's region; an international one ("+90 ...",
// or "00 90 ..." wherever 00 is not the region's own international prefix)
// in its own.
func (ps *parser) parse(s string, k strictness) (parsed, bool) {
	key := memoKey{s, k}
	if v, ok := ps.memo[key]; ok {
		return v.p, v.ok
	}
	p, ok := ps.parseUncached(s, k)
	ps.memo[key] = memoVal{p, ok}
	return p, ok
}

func (ps *parser) parseUncached(s string, k strictness) (p parsed, ok bool) {
	// libphonenumber is a large port of upstream code; a panic on odd
	// input must not sink a probe.
	defer func() {
		if recover() != nil {
			p, ok = parsed{}, false
		}
	}()
	if p, ok = ps.try(s, k); ok {
		return p, true
	}
	t := strings.TrimLeft(s, "( ")
	if strings.HasPrefix(t, "00") && !strings.HasPrefix(t, "000") {
		return ps.try("+"+t[2:], k)
	}
	return parsed{}, false
}

func (ps *parser) try(s string, k strictness) (parsed, bool) {
	n, err := phonenumbers.ParseAndKeepRawInput(s, ps.region)
	if err != nil || n.GetNationalNumber() == 0 {
		// libphonenumber treats an all-zero national number (+800 0000
		// 0000) as unparseable: Format would return the raw input.
		return parsed{}, false
	}
	switch k {
	case prose:
		if !phonenumbers.VALID.Verify(n, s) {
			return parsed{}, false
		}
	case markup:
		if !phonenumbers.IsValidNumber(n) {
			return parsed{}, false
		}
	case vanity:
		if phonenumbers.IsValidNumber(n) {
			if !phonenumbers.VALID.Verify(n, s) {
				return parsed{}, false
			}
		} else if !phonenumbers.TruncateTooLongNumber(n) {
			return parsed{}, false
		}
		if !vanityTypes[phonenumbers.GetNumberType(n)] {
			return parsed{}, false
		}
	}
	return parsed{
		e164:   phonenumbers.Format(n, phonenumbers.E164),
		typ:    typeNames[phonenumbers.GetNumberType(n)],
		region: phonenumbers.GetRegionCodeForNumber(n),
	}, true
}
