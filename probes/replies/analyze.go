package replies

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// Inquiry is what was asked: what a reply is judged against.
type Inquiry struct {
	// Token identifies the inquiry (see Match).
	Token string
	// Subject and Body are the inquiry as sent.
	Subject, Body string
	// Persona is the full name the inquiry was signed with.
	Persona string
	// MustAddress lists the points a good answer covers; each point may
	// give synonyms separated by "|" ("refund|money back|hoàn tiền|iade").
	MustAddress []string
	// Language is the inquiry's language ("en", "vi", "tr"); informative.
	Language string
}

// Analysis is the judgement of one reply. Scores are 0..1, each with the
// evidence it rests on.
type Analysis struct {
	AutoAck        bool
	AutoAckReasons []string
	// PromisedSeconds is the promised reply time read as wall-clock
	// seconds (see ParsePromise), nil when nothing was promised;
	// Promise has the details, business time included.
	PromisedSeconds *float64
	PromisePhrase   string
	Promise         *Promise
	// Personalization: addressed by name, refers to the inquiry's
	// specifics, signed by a person, unlike other companies' replies.
	Personalization        float64
	PersonalizationReasons []string
	// Answered is the share of Inquiry.MustAddress covered; 0 with the
	// reason "no points to check" when there are none.
	Answered        float64
	AnsweredReasons []string
	// Courtesy: greeting, thanks, apology when the inquiry complains,
	// positive rather than negative phrasing, closing.
	Courtesy        float64
	CourtesyReasons []string
}

// templateSimilarity is the shingle similarity above which a reply counts
// as the same template as another company's.
const templateSimilarity = 0.5

// Analyze judges reply m to inquiry q. otherCompanies holds the texts of
// replies other companies sent to similar inquiries, to spot templates.
// Quoted text is stripped first so the inquiry's own words do not count.
func Analyze(m Message, q Inquiry, otherCompanies []string) Analysis {
	var a Analysis
	a.AutoAck, a.AutoAckReasons = IsAutoAck(m)
	text := StripQuoted(m.Text)
	if p, ok := FindPromise(text); ok {
		secs := p.Duration.Seconds()
		a.PromisedSeconds, a.PromisePhrase, a.Promise = &secs, p.Phrase, &p
	}
	lines := nonEmptyLines(text)
	nameTokens := personaTokens(q.Persona)
	a.Personalization, a.PersonalizationReasons = personalization(text, lines, q, nameTokens, otherCompanies)
	a.Answered, a.AnsweredReasons = answered(text, q.MustAddress)
	a.Courtesy, a.CourtesyReasons = courtesy(text, lines, q)
	return a
}

func nonEmptyLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// personaTokens are the folded parts of a persona's name.
func personaTokens(persona string) []string {
	var out []string
	for _, w := range words(foldString(persona)) {
		if len(w) >= 2 {
			out = append(out, w)
		}
	}
	return out
}

// greetingLine returns the greeting among the first lines, or "".
func greetingLine(lines []string) string {
	for i, l := range lines {
		if i >= 3 {
			break
		}
		if greetingRE.MatchString(foldString(l)) {
			return l
		}
	}
	return ""
}

// signature finds the closing line and the line after it.
func signature(lines []string) (closing, signer string) {
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-8; i-- {
		if closingRE.MatchString(foldString(lines[i])) {
			closing = lines[i]
			if i+1 < len(lines) {
				signer = lines[i+1]
			}
			return closing, signer
		}
	}
	// No closing: a short last line that is not a sentence may still sign.
	if n := len(lines); n > 1 {
		last := lines[n-1]
		if len(strings.Fields(last)) <= 6 && !strings.ContainsAny(last[len(last)-1:], ".?!:") {
			return "", last
		}
	}
	return "", ""
}

var digitRE = regexp.MustCompile(`\d`)

// personName reports whether s looks like a person's name: one to five
// capitalised words, no digits, no team words.
func personName(s string) bool {
	f := foldString(s)
	if digitRE.MatchString(s) || teamRE.MatchString(f) || strings.ContainsAny(s, "@/:") {
		return false
	}
	ws := strings.Fields(strings.Trim(s, ",.-– "))
	if len(ws) == 0 || len(ws) > 5 {
		return false
	}
	for _, w := range ws {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}

func personalization(text string, lines []string, q Inquiry, names []string, others []string) (float64, []string) {
	var reasons []string
	var parts []float64
	// Addressed by name.
	greeting := greetingLine(lines)
	named := ""
	for _, l := range lines[:min(3, len(lines))] {
		lw := words(foldString(l))
		for _, n := range names {
			for _, w := range lw {
				if w == n {
					named = l
				}
			}
		}
		if named != "" {
			break
		}
	}
	switch {
	case named != "":
		parts = append(parts, 1)
		reasons = append(reasons, fmt.Sprintf("addressed by name: %q", clip(named, 80)))
	case greeting != "" && genericAddresseeRE.MatchString(foldString(greeting)):
		parts = append(parts, 0)
		reasons = append(reasons, fmt.Sprintf("generic greeting: %q", clip(greeting, 80)))
	default:
		parts = append(parts, 0)
		reasons = append(reasons, "not addressed by name")
	}
	// Refers to the specifics asked.
	asked := contentWords(q.Subject+" "+q.Body, names)
	replyWords := map[string]bool{}
	rw := words(foldString(text))
	for _, w := range rw {
		replyWords[w] = true
	}
	if strings.EqualFold(q.Language, "vi") {
		// Vietnamese words are syllables: pairs carry the meaning.
		asked = wordPairs(words(foldString(q.Subject+" "+q.Body)), names)
		replyWords = map[string]bool{}
		for i := 0; i+1 < len(rw); i++ {
			replyWords[rw[i]+" "+rw[i+1]] = true
		}
	}
	var found []string
	for _, w := range asked {
		if replyWords[w] || !strings.Contains(w, " ") && stemIn(w, replyWords) {
			found = append(found, w)
		}
	}
	spec := min(1, float64(len(found))/4)
	parts = append(parts, spec)
	if len(found) > 0 {
		reasons = append(reasons, fmt.Sprintf("refers to the inquiry's words: %s", strings.Join(found[:min(8, len(found))], ", ")))
	} else {
		reasons = append(reasons, "does not refer to anything the inquiry said")
	}
	// Signed by a person.
	closing, signer := signature(lines)
	switch {
	case signer != "" && personName(signer):
		parts = append(parts, 1)
		reasons = append(reasons, fmt.Sprintf("signed by a person: %q", clip(signer, 60)))
	case signer != "":
		parts = append(parts, 0)
		reasons = append(reasons, fmt.Sprintf("signed by a team, not a person: %q", clip(signer, 60)))
	case closing != "":
		parts = append(parts, 0)
		reasons = append(reasons, "closes without a name")
	default:
		parts = append(parts, 0)
		reasons = append(reasons, "not signed")
	}
	// Not a template seen at other companies.
	if len(others) == 0 {
		reasons = append(reasons, "no other companies' replies to compare")
	} else {
		mine := shingles(text, names)
		best := 0.0
		for _, o := range others {
			best = max(best, jaccard(mine, shingles(StripQuoted(o), names)))
		}
		if best >= templateSimilarity {
			parts = append(parts, 0)
			reasons = append(reasons, fmt.Sprintf("same template as another company's reply (similarity %.2f)", best))
		} else {
			parts = append(parts, 1)
			reasons = append(reasons, fmt.Sprintf("unlike other companies' replies (highest similarity %.2f)", best))
		}
	}
	return mean(parts), reasons
}

// stopWords are left out of the inquiry's content words.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		the and for you your with this that have has had are was were will would could should can
		from about what when where which there their they them then than into onto please thanks thank
		hello dear regards would like know want need does did not any some more much many very also just
		just here been being our ours mine yours its it's i'm i've we're
		cua cho cac nhung nay trong voi duoc khong minh chung toi xin chao cam ban quy khach cong
		the nao hay hoac neu thi mot toi anh chi lam viec biet muon
		bir ile icin ama veya gibi daha cok olan olarak nasil neden merhaba tesekkurler rica ederim
		benim bize size sizin bana acaba mi mu musunuz misiniz lutfen`) {
		stopWords[w] = true
	}
}

// contentWords are the inquiry's distinct words that carry meaning.
func contentWords(s string, names []string) []string {
	seen := map[string]bool{}
	for _, n := range names {
		seen[n] = true
	}
	var out []string
	for _, w := range words(foldString(s)) {
		if len([]rune(w)) < 4 || stopWords[w] || seen[w] || digitRE.MatchString(w) {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// wordPairs are the distinct adjacent pairs of ws without stop words or
// names.
func wordPairs(ws []string, names []string) []string {
	skip := map[string]bool{}
	for _, n := range names {
		skip[n] = true
	}
	seen := map[string]bool{}
	var out []string
	for i := 0; i+1 < len(ws); i++ {
		a, b := ws[i], ws[i+1]
		if stopWords[a] || stopWords[b] || skip[a] || skip[b] || digitRE.MatchString(a+b) {
			continue
		}
		if p := a + " " + b; !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// stem cuts common suffixes so that forms of a word meet: "refunds" and
// "refunded" share "refund", "iadesi" and "iade" share "iade".
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s", "ler", "lar", "si", "su", "i", "u"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func stemIn(w string, set map[string]bool) bool {
	s := stem(w)
	if len(s) < 4 {
		return false
	}
	for r := range set {
		if strings.HasPrefix(r, s) {
			return true
		}
	}
	return false
}

// covers reports whether the reply's folded words contain the phrase,
// each word matched by its stem, in order.
func covers(reply []string, phrase string) bool {
	pw := words(foldString(phrase))
	if len(pw) == 0 {
		return false
	}
	for i := 0; i+len(pw) <= len(reply); i++ {
		ok := true
		for j, w := range pw {
			if !wordMatches(reply[i+j], w) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func wordMatches(got, want string) bool {
	if got == want {
		return true
	}
	s := stem(want)
	return len(s) >= 4 && strings.HasPrefix(got, s)
}

func answered(text string, points []string) (float64, []string) {
	if len(points) == 0 {
		return 0, []string{"no points to check"}
	}
	reply := words(foldString(text))
	var reasons []string
	covered := 0
	for _, p := range points {
		hit := ""
		for _, syn := range strings.Split(p, "|") {
			if syn = strings.TrimSpace(syn); syn != "" && covers(reply, syn) {
				hit = syn
				break
			}
		}
		label := strings.TrimSpace(strings.SplitN(p, "|", 2)[0])
		if hit != "" {
			covered++
			reasons = append(reasons, fmt.Sprintf("covers %q (by %q)", label, hit))
		} else {
			reasons = append(reasons, fmt.Sprintf("does not cover %q", label))
		}
	}
	return float64(covered) / float64(len(points)), reasons
}

func courtesy(text string, lines []string, q Inquiry) (float64, []string) {
	var reasons []string
	var parts []float64
	f := fold(text)
	check := func(ok bool, yes, no string) {
		if ok {
			parts = append(parts, 1)
			reasons = append(reasons, yes)
		} else {
			parts = append(parts, 0)
			reasons = append(reasons, no)
		}
	}
	g := greetingLine(lines)
	check(g != "", fmt.Sprintf("greets: %q", clip(g, 60)), "no greeting")
	th := f.find(thanksRE)
	check(th != "", fmt.Sprintf("thanks: %q", th), "no thanks")
	complaint := fold(q.Subject + "\n" + q.Body).find(complaintRE)
	if complaint != "" {
		ap := f.find(apologyRE)
		check(ap != "", fmt.Sprintf("apologises (the inquiry complains of %q): %q", complaint, ap),
			fmt.Sprintf("no apology though the inquiry complains of %q", complaint))
	}
	neg := len(negativeRE.FindAllStringIndex(f.s, -1))
	pos := len(positiveRE.FindAllStringIndex(f.s, -1))
	switch {
	case neg == 0:
		parts = append(parts, 1)
		reasons = append(reasons, fmt.Sprintf("no negative phrasing (%d positive phrases)", pos))
	default:
		parts = append(parts, float64(pos)/float64(pos+neg))
		reasons = append(reasons, fmt.Sprintf("negative phrasing: %q (%d negative, %d positive phrases)", f.find(negativeRE), neg, pos))
	}
	closing, _ := signature(lines)
	check(closing != "", fmt.Sprintf("closes: %q", clip(closing, 60)), "no closing")
	return mean(parts), reasons
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// shingles are the 4-word runs of a text, folded, without names, numbers
// and addresses, so two companies' copies of one template look alike.
func shingles(text string, names []string) map[string]bool {
	drop := map[string]bool{}
	for _, n := range names {
		drop[n] = true
	}
	var ws []string
	for _, w := range words(foldString(emailRE.ReplaceAllString(text, " "))) {
		if drop[w] || digitRE.MatchString(w) {
			continue
		}
		ws = append(ws, w)
	}
	out := map[string]bool{}
	const k = 4
	if len(ws) < k {
		if len(ws) > 0 {
			out[strings.Join(ws, " ")] = true
		}
		return out
	}
	for i := 0; i+k <= len(ws) && len(out) < 20000; i++ {
		out[strings.Join(ws[i:i+k], " ")] = true
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for s := range a {
		if b[s] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
