package faq

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopper-audit/shopper/probes/fold"
	"github.com/shopper-audit/shopper/probes/pagekind"
)

// This file holds the words of questions: question words, question
// markers and the decoys that look like questions but are not FAQ entries.
// (The class names of FAQ widgets are in detect.go, the path words of help
// centres in faq.go.) Phrases are written naturally and folded (see package
// fold) when the package loads.

// Limits on what can be a question, in runes.
const (
	maxQuestion = 300 // longer text is an answer or a paragraph, not a question
	maxLD       = 500 // structured data names are trusted a little further
)

// markerRE matches the numbering and question markers sites put before a
// question: "1.", "2)", "Q:", "Q3.", "Question 4:", "S:" and "Soru 1:"
// (Turkish), "Câu 1:", "Câu hỏi:" and "Hỏi:" (Vietnamese), "P:" and
// "Pregunta:" (Spanish), "Frage:" (German), bullets and dashes. Group 1 holds
// the marker word, when there is one.
var markerRE = regexp.MustCompile(`(?i)^[\s\p{Pd}•·*►▶»›>#№]*` +
	`(?:(câu\s+hỏi|câu|hỏi|question|frage|pregunta|domanda|soru|q|s|p)\s*\d{0,3}\s*[.:：)\p{Pd}]|` +
	`\d{1,3}\s*[.:：)]|\d{1,3}\s*\p{Pd}\s)\s*`)

// answerRE matches an answer marker at the start of a block: "A:", "Đáp:",
// "Trả lời:", "Cevap:", "C:", "Antwort:", "R:", "Respuesta:", "Réponse:".
var answerRE = regexp.MustCompile(`(?i)^[\s\p{Pd}•·*]*(?:answer|antwort|respuesta|réponse|risposta|cevap|yanıt|đáp\s+án|đáp|trả\s+lời|tl|a|c|đ|r)\s*\d{0,3}\s*[.:：)\p{Pd}]\s*`)

// midAnswerRE finds an answer marker inside a block that holds both the
// question and the answer: "Q: Do you ship abroad? A: Yes, ...". Only a
// colon counts here, so ordinary sentences are not split.
var midAnswerRE = regexp.MustCompile(`(?i)\s(?:answer|antwort|respuesta|réponse|cevap|yanıt|đáp\s+án|đáp|trả\s+lời|tl|a|c|đ|r)\s*[:：]\s`)

// markerKind says what a leading marker says about the text after it.
type markerKind int

const (
	noMarker   markerKind = iota
	numbering             // "1.", "2)", a bullet: says nothing
	weakMarker            // "S:", "P:": a question only when an answer marker follows
	qMarker               // "Q:", "Soru:", "Hỏi:", "Câu 1:": the text is a question
)

// stripMarkers removes leading numbering and question markers, and reports
// the strongest one removed.
func stripMarkers(s string) (string, markerKind) {
	kind := noMarker
	for range 3 {
		m := markerRE.FindStringSubmatchIndex(s)
		if m == nil || m[1] == 0 {
			break
		}
		rest := s[m[1]:]
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsDigit(r) {
			break // "1.5 kg", "24:00": a number, not numbering
		}
		k := numbering
		if m[2] >= 0 {
			switch w := fold.Fold(s[m[2]:m[3]]); w {
			case "s", "p":
				k = weakMarker
			default:
				k = qMarker
			}
		}
		if k > kind {
			kind = k
		}
		s = rest
	}
	return s, kind
}

func isQMark(r rune) bool { return r == '?' || r == '？' || r == '؟' || r == '⸮' }

// decor reports characters that decorate a question rather than belong to
// it: icons, arrows, plus and minus signs, bullets, spaces.
func decor(r rune) bool {
	if isQMark(r) || r == '¿' || r == '"' || r == '\'' || r == ')' || r == '(' || r == '.' || r == '!' {
		return false
	}
	return unicode.IsSpace(r) || unicode.IsSymbol(r) || unicode.In(r, unicode.Pd, unicode.Co, unicode.Cf) ||
		strings.ContainsRune("•·*►▶»›‹«|", r)
}

// clean collapses white space and trims decoration from both ends.
func clean(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRightFunc(strings.TrimLeftFunc(s, decor), decor)
}

// endsWithQMark reports text ending in a question mark of any script, once
// trailing quotes, brackets and decoration are set aside. The Greek question
// mark (";") is left out: it cannot be told from a semicolon.
func endsWithQMark(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return decor(r) || r == '"' || r == '\'' || r == ')' || r == '”' || r == '’' || r == '»'
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return isQMark(r)
}

func folded(words ...string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = fold.Fold(w)
	}
	return out
}

func set(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range folded(words...) {
		m[w] = true
	}
	return m
}

// English questions without a question mark must read as questions: a
// question word and an auxiliary ("how do", "what is", "how to"), or an
// auxiliary and a subject ("can I", "do you", "is there"). This keeps
// "What our customers say" and "How it works" out.
var (
	enWh      = set("how", "what", "when", "where", "why", "who", "which", "whose", "whom")
	enWhNext  = set("is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should", "shall", "may", "might", "must", "to", "long", "much", "many", "often", "soon", "far", "happens", "happened", "if", "kind", "kinds", "type", "types", "payment", "methods", "options", "size", "sizes", "time", "day", "days")
	enWhWord  = set("what's", "how's", "where's", "when's", "who's", "why's", "what're", "how're")
	enAux     = set("can", "could", "do", "does", "did", "is", "are", "was", "were", "will", "would", "should", "shall", "may", "might", "must", "have", "has", "am")
	enSubject = set("i", "you", "we", "they", "it", "my", "your", "our", "the", "there", "this", "that", "these", "those", "a", "an", "he", "she", "someone", "anyone", "all", "any", "other")
)

// otherStarts open a question in German, French, Spanish, Italian,
// Portuguese, Dutch, Vietnamese and Turkish.
var otherStarts = folded(
	// German
	"wie", "was", "wann", "wo", "woher", "wohin", "warum", "wieso", "weshalb", "welche", "welcher", "welches", "wer",
	"kann ich", "kann man", "können", "muss ich", "darf ich", "gibt es", "bekomme ich", "erhalte ich", "ist es",
	// French
	"comment", "pourquoi", "quand", "combien", "quel", "quelle", "quels", "quelles", "puis-je", "est-ce que",
	"pouvez-vous", "dois-je", "y a-t-il", "que faire", "où puis-je", "où est", "qu'est-ce",
	// Spanish, Italian, Portuguese
	"cómo", "qué", "cuál", "cuáles", "cuándo", "dónde", "cuánto", "cuánta", "cuántos", "cuántas", "puedo",
	"por qué", "quién", "se puede", "hay", "cosa", "perché", "posso", "onde", "o que",
	// Dutch
	"hoe", "wat", "wanneer", "waar", "waarom", "welke", "kan ik",
	// Vietnamese
	"làm sao", "làm thế nào", "có thể", "bao lâu", "bao nhiêu", "tại sao", "vì sao", "khi nào", "ở đâu",
	"tôi có thể", "bạn có thể", "có phải", "thế nào",
	// Turkish
	"nasıl", "ne zaman", "neden", "niçin", "nerede", "nereden", "hangi", "ne kadar", "kaç",
)

// anywhere are Vietnamese and Turkish question words that stand inside the
// sentence rather than at its start ("Giao hàng mất bao lâu", "Siparişimi
// nasıl takip ederim").
var anywhere = folded(
	"làm sao", "làm thế nào", "như thế nào", "bao lâu", "bao nhiêu", "tại sao", "vì sao", "khi nào", "ở đâu",
	"nasıl", "nedir", "nelerdir", "neden", "niçin", "nerede", "nereden", "nereye", "hangi", "ne zaman",
	"ne kadar", "kimdir",
)

// endWords close a question: Vietnamese final particles and the Turkish
// question particle mı/mi/mu/mü with its personal endings.
var endWords = set(
	"không", "chưa", "gì", "nào", "sao", "đâu", "không ạ", "được không", "hay không",
	"mı", "mi", "mu", "mü", "mısınız", "misiniz", "musunuz", "müsünüz", "mıyım", "miyim", "muyum", "müyüm",
	"mıdır", "midir", "mudur", "müdür", "mısın", "misin", "musun", "müsün", "mıyız", "miyiz", "muyuz", "müyüz",
	// the particle as often written, joined to the word before it
	"varmı", "yokmu", "olurmu", "mümkünmü", "gerekirmi", "ücretsizmi",
)

// decoys are phrases that end with a question mark on many pages without
// being FAQ entries: calls to action, search prompts, log-in links, section
// titles. A text is a decoy when it starts with one and adds at most
// decoySlack words.
var decoys = folded(
	// English
	"need help", "need more help", "need further help", "need assistance", "need support", "still need help",
	"still have questions", "still have a question", "still got questions", "have questions", "have a question",
	"have any questions", "have more questions", "have other questions", "got questions", "got a question",
	"any questions", "any other questions", "more questions", "other questions", "questions",
	"can't find", "cannot find", "couldn't find", "didn't find", "did not find", "not finding", "not found",
	"looking for something", "what are you looking for", "search", "how can we help", "how can i help",
	"how may we help", "how may i help", "what can we help", "what can we do for you",
	"forgot your password", "forgot password", "lost your password", "forgotten your password",
	"new customer", "returning customer", "not a member", "don't have an account", "already have an account",
	"already a member", "why choose us", "why us", "why shop with us", "why buy from us", "who we are",
	"what we do", "how it works", "how we work", "what our customers say", "what customers say",
	"what people say", "ready to get started", "want to know more", "want to learn more", "did you know",
	// Vietnamese
	"bạn cần hỗ trợ", "cần hỗ trợ", "cần giúp đỡ", "bạn cần giúp đỡ", "bạn có câu hỏi", "bạn có thắc mắc",
	"có thắc mắc", "còn thắc mắc", "bạn còn thắc mắc", "quên mật khẩu", "bạn đang tìm gì", "bạn chưa có tài khoản",
	"chúng tôi có thể giúp gì", "tại sao chọn chúng tôi", "vì sao chọn chúng tôi", "tại sao nên chọn",
	"vì sao nên chọn",
	// Turkish
	"yardıma mı ihtiyacınız var", "yardıma ihtiyacınız mı var", "sorunuz mu var", "sorularınız mı var",
	"başka sorunuz mu var", "başka sorunuz var mı", "aradığınızı bulamadınız mı", "aradığınız cevabı bulamadınız mı",
	"şifremi unuttum", "şifrenizi mi unuttunuz", "üye değil misiniz", "size nasıl yardımcı olabiliriz",
	"neden biz", "nasıl çalışır",
	// German, French, Spanish
	"brauchen sie hilfe", "noch fragen", "haben sie fragen", "passwort vergessen", "wie können wir helfen",
	"besoin d'aide", "des questions", "une question", "mot de passe oublié", "comment pouvons-nous vous aider",
	"necesitas ayuda", "necesita ayuda", "tienes preguntas", "tiene preguntas", "olvidaste tu contraseña",
	"cómo podemos ayudarte",
)

const decoySlack = 3

// feedback are the phrases of "Was this helpful?" widgets, anywhere in a
// short text: they ask about the answer, they are not questions a customer
// reads for an answer.
var feedback = folded(
	"was this helpful", "was this article helpful", "was this page helpful", "was this answer helpful",
	"was this information helpful", "was this useful", "is this helpful", "is this page useful",
	"did you find this helpful", "did you find this useful", "found this helpful", "found this useful",
	"did this answer", "did this help", "did we answer",
	"có hữu ích", "yardımcı oldu mu", "faydalı oldu mu", "işinize yaradı mı",
	"war dieser artikel hilfreich", "war das hilfreich", "war diese antwort hilfreich", "war diese seite hilfreich",
	"vous a-t-il été utile", "vous a-t-elle été utile", "te ha resultado útil", "te resultó útil", "fue útil",
	"te ha sido útil",
)

// uiWords are control labels that toggle content without naming a question.
var uiWords = set(
	"read more", "show more", "see more", "view more", "show less", "see less", "load more", "more", "less",
	"expand", "collapse", "expand all", "collapse all", "open", "close", "menu", "details", "show", "hide",
	"next", "previous", "prev", "xem thêm", "thu gọn", "devamını oku", "daha fazla", "mehr", "weiterlesen", "plus", "voir plus", "ver más",
)

func startsWithPhrase(f, p string) bool {
	return f == p || strings.HasPrefix(f, p+" ")
}

// isDecoy reports folded text that only looks like a FAQ question.
func isDecoy(f string) bool {
	n := strings.Count(f, " ") + 1
	for _, d := range decoys {
		if startsWithPhrase(f, d) && n <= strings.Count(d, " ")+1+decoySlack {
			return true
		}
	}
	if n <= 12 {
		for _, w := range feedback {
			if fold.HasPhrase(f, w) {
				return true
			}
		}
	}
	return false
}

// isFAQLabel reports a title that names the FAQ itself ("Frequently asked
// questions", "Câu hỏi thường gặp", "Sıkça Sorulan Sorular"), which a FAQ
// page shows as its heading.
func isFAQLabel(s string) bool {
	if strings.Count(strings.TrimSpace(s), " ") > 5 {
		return false
	}
	for _, k := range pagekind.Match(s) {
		if k == pagekind.FAQ || k == pagekind.Help {
			return true
		}
	}
	return false
}

// phrasing says how a text asks a question.
type phrasing int

const (
	notQuestion phrasing = iota
	// worded: phrased as a question without a question mark ("How to
	// return an item", "Kapıda ödeme var mı"). Policy pages title their
	// sections this way too, so it counts only on FAQ and help pages.
	worded
	// explicit: a question mark in any script, "¿", or a question marker
	// ("Q:", "Soru:", "Hỏi:").
	explicit
)

// questionForm reports text that reads as a question.
func questionForm(s string) bool { return phrase(s) != notQuestion }

// phrase tells whether and how a text reads as a question: it carries a
// question marker, ends with a question mark in any script, opens with "¿",
// or is worded as a question in one of the languages above.
func phrase(s string) phrasing {
	rest, mk := stripMarkers(s)
	if mk == qMarker {
		if hasLetter(rest) {
			return explicit
		}
		return notQuestion
	}
	f := fold.Fold(rest)
	if f == "" {
		return notQuestion
	}
	if endsWithQMark(rest) {
		// One-word questions ("Why?") say too little, except in scripts
		// written without spaces.
		if strings.Contains(f, " ") || utf8.RuneCountInString(f) >= 6 {
			return explicit
		}
		return notQuestion
	}
	if strings.HasPrefix(strings.TrimSpace(rest), "¿") {
		return explicit
	}
	words := strings.Fields(f)
	if len(words) < 3 || len(words) > 25 || !wordedQuestion(words, f) {
		return notQuestion
	}
	return worded
}

// wordedQuestion reports folded words that form a question without a
// question mark.
func wordedQuestion(words []string, f string) bool {
	w0, w1 := words[0], words[1]
	switch {
	case enWhWord[w0]:
		return true
	case enWh[w0]:
		return enWhNext[w1] || enAux[w1]
	case enAux[w0]:
		return enSubject[w1] && !(w0 == "do" && w1 == "not")
	}
	for _, p := range otherStarts {
		if startsWithPhrase(f, p) {
			return true
		}
	}
	for _, p := range anywhere {
		if fold.HasPhrase(f, p) {
			return true
		}
	}
	last := words[len(words)-1]
	return endWords[last] || endWords[words[len(words)-2]+" "+last]
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// admit checks a text as the wording of a FAQ entry and returns it as
// shown (cleaned) and as compared (its key: folded, without numbering and
// markers). ok is false for text too short or too long and, unless the
// text comes from structured data (trusted), for decoys and for titles
// naming the FAQ itself.
func admit(text string, trusted bool) (shown, key string, ok bool) {
	shown = clean(text)
	limit := maxQuestion
	if trusted {
		limit = maxLD
	}
	if n := utf8.RuneCountInString(shown); n < 3 || n > limit {
		return "", "", false
	}
	rest, _ := stripMarkers(shown)
	key = fold.Fold(rest)
	if !hasLetter(key) || !trusted && (isDecoy(key) || isFAQLabel(rest) && !questionForm(rest)) {
		return "", "", false
	}
	return shown, key, true
}

// isUIWord reports a toggle label that is a control, not a topic.
func isUIWord(s string) bool {
	return uiWords[fold.Fold(s)]
}
