package replies

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Promise is a reply time a message promises, e.g. "within 24 hours" or
// "1-2 iş günü içinde".
type Promise struct {
	// Phrase is the promise as written.
	Phrase string
	// Duration is the promised wait read as wall-clock time; business days
	// count 24 hours each here.
	Duration time.Duration
	// Business says the promise counts business time: Count units of Unit
	// inside the company's business hours (see BusinessHours.Kept).
	Business bool
	// Count and Unit ("minute", "hour", "day", "week") are the promise's
	// upper bound as written.
	Count float64
	Unit  string
}

// Number words. Vague amounts ("a few", "several", "vài", "birkaç") read
// as 3, "a couple of" as 2.
var numberWords = map[string]float64{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "twelve": 12, "a few": 3, "few": 3, "several": 3,
	"a couple of": 2, "couple of": 2, "a couple": 2,
	"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "vai": 3,
	"bir": 1, "iki": 2, "uc": 3, "dort": 4, "bes": 5, "alti": 6, "yedi": 7, "sekiz": 8, "dokuz": 9, "on": 10, "birkac": 3,
}

const (
	enNum = `\d{1,3}|a couple of|couple of|a couple|a few|few|several|one|two|three|four|five|six|seven|eight|nine|ten|twelve|an|a`
	viNum = `\d{1,3}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|vai`
	trNum = `\d{1,3}|birkac|bir|iki|uc|dort|bes|alti|yedi|sekiz|dokuz|on`
)

func rangeOf(num, sep string) string {
	return `(` + num + `)(?:\s*(?:` + sep + `)\s*(` + num + `))?`
}

var (
	enUnit = `(business|working|work)?\s*-?\s*(minutes?|mins?|hours?|hrs?|days?|weeks?)`
	viUnit = `(phut|gio lam viec|gio|tieng|ngay lam viec|ngay|tuan)`
	trUnit = `((?:is|calisma) gun\pL*|is saat\pL*|dakika\pL*|saat\pL*|gun\pL*|hafta\pL*)`

	promiseREs = []*regexp.Regexp{
		// "within 24 hours", "in 1–2 business days", "in the next 48 hours".
		regexp.MustCompile(`(?:^|[^\pL\pN])(?:within|in|in the next|over the next|under|less than|no later than|up to|at most|about|around|approximately|usually|typically|normally|generally|takes?|take up to)\s+(?:the next\s+|about\s+|approximately\s+|around\s+|up to\s+|roughly\s+)?` +
			rangeOf(enNum, `-|to|or|/`) + `\s*-?\s*` + enUnit + `(?:[^\pL\pN]|$)`),
		// "trong vòng 24 giờ", "trong 2 ngày làm việc", "tối đa 1-2 ngày".
		regexp.MustCompile(`(?:^|[^\pL\pN])(?:trong vong|trong khoang|trong|toi da|cham nhat(?: la)?|khoang|sau)\s+` + rangeOf(viNum, `-|den|toi|/`) + `\s+` + viUnit + `(?:[^\pL\pN]|$)`),
		// "24 saat içinde", "1-2 iş günü içinde", "en geç 2 iş günü".
		regexp.MustCompile(`(?:^|[^\pL\pN])` + rangeOf(trNum, `-|ila|veya|ya da|/`) + `\s+` + trUnit + `(?:\s+(?:icinde|icerisinde|zarfinda|kadar|suresince))?(?:[^\pL\pN]|$)`),
	}
	// A Turkish duration counts only with a cue around it.
	trCueRE = regexp.MustCompile(`(?:en gec|en fazla|maksimum|yaklasik|ortalama|genellikle)\s*$`)
	// A bare English duration counts in a sentence about answering.
	bareRE  = regexp.MustCompile(`(?:^|[^\pL\pN])` + rangeOf(enNum, `-|to|or`) + `\s*-?\s*` + enUnit + `(?:[^\pL\pN]|$)`)
	replyRE = re(`respon\pL*|reply|replies|get back|answer\pL*|be in touch|turnaround|contact you|hear from us` +
		`|phan hoi|tra loi|lien he|lien lac|hoi am|xu ly|giai dap` +
		`|donus\pL*|yanit\pL*|cevap\pL*|iletisime gec\pL*|ulasacak\pL*|sonuclandir\pL*`)
	otherDeadlineRE = re(`refund\pL*|return\pL*|deliver\pL*|ship\pL*|warranty|guarantee|exchange|trial|valid|expire\pL*` +
		`|hoan tien|doi tra|giao hang|van chuyen|bao hanh|hieu luc` +
		`|iade\pL*|kargo\pL*|teslim\pL*|garanti\pL*|gecerli\pL*`)
	// Around-the-clock phrases are not promises.
	clockRE = regexp.MustCompile(`^\s*(?:a day|per day|/\s*7|each day|every day|mot ngay|moi ngay|/ngay|/7|7 gun)`)
)

// FindPromise returns the first reply-time promise in text (English,
// Vietnamese or Turkish). Ranges take their upper bound ("1–2 business
// days" is 2 business days), vague amounts read as 3 ("a few hours" is 3
// hours), and around-the-clock phrases ("24 hours a day", "24/7") are not
// promises. Text longer than MaxText is read up to MaxText.
func FindPromise(text string) (Promise, bool) {
	text = truncUTF8(text, MaxText)
	for _, sentence := range splitSentences(fold(text)) {
		if p, ok := sentencePromise(sentence); ok {
			return p, true
		}
	}
	return Promise{}, false
}

// sentencePromise finds a promise in one sentence. A duration in a
// sentence about another deadline (refunds, delivery, warranty) counts
// only if the sentence also speaks of answering; a bare duration without a
// cue word counts only in a sentence about answering.
func sentencePromise(f folded) (Promise, bool) {
	aboutReply := replyRE.MatchString(f.s)
	if otherDeadlineRE.MatchString(f.s) && !aboutReply {
		return Promise{}, false
	}
	best, bestAt := Promise{}, -1
	for li, rx := range promiseREs {
		for _, loc := range rx.FindAllStringSubmatchIndex(f.s, 20) {
			if bestAt >= 0 && loc[0] >= bestAt {
				break
			}
			if clockRE.MatchString(f.s[loc[1]:min(len(f.s), loc[1]+12)]) || strings.HasPrefix(f.s[loc[1]-1:], "/") {
				continue
			}
			var unit, business string
			up := f.s[loc[2]:loc[3]]
			if loc[4] >= 0 {
				up = f.s[loc[4]:loc[5]]
			}
			switch li {
			case 0:
				if loc[6] >= 0 {
					business = f.s[loc[6]:loc[7]]
				}
				unit = f.s[loc[8]:loc[9]]
			default:
				unit = f.s[loc[6]:loc[7]]
			}
			if li == 2 {
				tail := strings.TrimSpace(f.s[loc[7]:loc[1]])
				if tail == "" && !trCueRE.MatchString(f.s[max(0, loc[0]-20):loc[0]+1]) && !aboutReply {
					continue
				}
			}
			p, ok := promiseOf(up, business, unit)
			if !ok {
				continue
			}
			p.Phrase = trimEdge(f.span(loc[0], loc[1]))
			best, bestAt = p, loc[0]
			break
		}
	}
	if bestAt >= 0 {
		return best, true
	}
	if !aboutReply {
		return Promise{}, false
	}
	// A bare duration in a sentence about answering: "Response time: 48 hours".
	loc := bareRE.FindStringSubmatchIndex(f.s)
	if loc == nil || clockRE.MatchString(f.s[loc[1]:min(len(f.s), loc[1]+12)]) {
		return Promise{}, false
	}
	up := f.s[loc[2]:loc[3]]
	if loc[4] >= 0 {
		up = f.s[loc[4]:loc[5]]
	}
	business := ""
	if loc[6] >= 0 {
		business = f.s[loc[6]:loc[7]]
	}
	p, ok := promiseOf(up, business, f.s[loc[8]:loc[9]])
	if !ok {
		return Promise{}, false
	}
	p.Phrase = trimEdge(f.span(loc[0], loc[1]))
	return p, true
}

// ParsePromise returns the first reply-time promise in text as a
// wall-clock duration (business days read as 24 hours each: use
// FindPromise and BusinessHours.Kept to count business time), and the
// phrase as written.
func ParsePromise(text string) (time.Duration, string, bool) {
	p, ok := FindPromise(text)
	if !ok {
		return 0, "", false
	}
	return p.Duration, p.Phrase, true
}

func promiseOf(num, business, unit string) (Promise, bool) {
	n, err := strconv.ParseFloat(num, 64)
	if err != nil {
		w, ok := numberWords[num]
		if !ok {
			return Promise{}, false
		}
		n = w
	}
	if n <= 0 {
		return Promise{}, false
	}
	p := Promise{Count: n, Business: business != ""}
	var per time.Duration
	switch {
	case strings.HasPrefix(unit, "min") || unit == "phut" || strings.HasPrefix(unit, "dakika"):
		p.Unit, per = "minute", time.Minute
	case strings.HasPrefix(unit, "h") || unit == "gio" || unit == "tieng" || strings.HasPrefix(unit, "saat"):
		p.Unit, per = "hour", time.Hour
	case unit == "gio lam viec" || strings.HasPrefix(unit, "is saat"):
		p.Unit, per, p.Business = "hour", time.Hour, true
	case strings.HasPrefix(unit, "day") || unit == "ngay" || strings.HasPrefix(unit, "gun"):
		p.Unit, per = "day", 24*time.Hour
	case unit == "ngay lam viec" || strings.HasPrefix(unit, "is gun") || strings.HasPrefix(unit, "calisma gun"):
		p.Unit, per, p.Business = "day", 24*time.Hour, true
	case strings.HasPrefix(unit, "week") || unit == "tuan" || strings.HasPrefix(unit, "hafta"):
		p.Unit, per = "week", 7*24*time.Hour
	default:
		return Promise{}, false
	}
	p.Duration = time.Duration(n * float64(per))
	if p.Duration > 366*24*time.Hour {
		return Promise{}, false
	}
	return p, true
}

// splitSentences cuts folded text at sentence ends and line breaks.
func splitSentences(f folded) []folded {
	var out []folded
	start := 0
	for i := 0; i <= len(f.s); i++ {
		if i == len(f.s) || f.s[i] == '.' && (i+1 == len(f.s) || f.s[i+1] == ' ' || f.s[i+1] == '\n') || f.s[i] == '\n' || f.s[i] == '!' || f.s[i] == '?' {
			if i > start {
				out = append(out, folded{orig: f.orig, s: f.s[start:i], at: f.at[start : i+1]})
			}
			start = i + 1
		}
	}
	return out
}
