package inquiry

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/shopper-audit/shopper/probes/fold"
)

// Words that name what a form field asks for, in its name, id, label,
// placeholder, aria-label, title or autocomplete; in English, Vietnamese,
// Turkish, German, French and Spanish. (probes/channels keeps a larger
// list for finding forms; this one only has to fill them.)
var fieldVocab = []struct {
	value string
	words []string
}{
	{"password", []string{"password", "mật khẩu", "şifre", "parola", "passwort", "mot de passe", "contraseña"}},
	{"search", []string{"search", "tìm kiếm", "arama", "suche", "recherche", "buscar"}},
	{ValueEmail, []string{"email", "e-mail", "mail", "e-posta", "eposta", "thư điện tử", "courriel", "correo"}},
	{ValuePhone, []string{"phone", "telephone", "tel", "mobile", "điện thoại", "sđt", "sdt", "di động", "telefon", "cep", "gsm", "téléphone", "teléfono", "handy"}},
	{ValueSubject, []string{"subject", "topic", "regarding", "tiêu đề", "chủ đề", "konu", "betreff", "sujet", "objet", "asunto"}},
	{ValueMessage, []string{"message", "msg", "comment", "comments", "enquiry", "inquiry", "question", "how can we help", "nội dung", "tin nhắn", "lời nhắn", "câu hỏi", "mesaj", "mesajınız", "açıklama", "nachricht", "anfrage", "mensaje", "consulta"}},
	{ValueName, []string{"full name", "your name", "họ tên", "họ và tên", "ad soyad", "adı soyadı", "ad soyadı", "adınız soyadınız", "tên của bạn"}},
	{ValueLastName, []string{"last name", "lastname", "lname", "surname", "family name", "soyad", "soyadı", "soyadınız", "nachname", "nom de famille", "apellido", "apellidos", "họ"}},
	{ValueFirstName, []string{"first name", "firstname", "fname", "given name", "vorname", "prénom"}},
	{ValueName, []string{"name", "tên", "ad", "adınız", "isim", "isminiz", "nom", "nombre"}},
	{ValueConsent, []string{"agree", "consent", "accept", "privacy", "terms", "gdpr", "đồng ý", "chấp nhận", "kabul", "onay", "onaylıyorum", "kvkk", "einverstanden", "datenschutz", "j'accepte", "acepto"}},
}

// foldedVocab holds fieldVocab's words folded, entry by entry.
var foldedVocab = func() [][]string {
	out := make([][]string, len(fieldVocab))
	for i, v := range fieldVocab {
		out[i] = fold.All(v.words)
	}
	return out
}()

// foldedConsent are the words of a consent box.
var foldedConsent = func() []string {
	for i, v := range fieldVocab {
		if v.value == ValueConsent {
			return foldedVocab[i]
		}
	}
	return nil
}()

// honeypotNames are field names that only robots fill.
var honeypotNames = map[string]bool{"website": true, "url": true, "hp": true, "honeypot": true, "_gotcha": true,
	"homepage": true, "fax": true, "nickname": true, "botcheck": true, "bot_field": true, "leave_blank": true}

// Words of forms that are not for writing to customer service.
var (
	foldedNotContact = fold.All([]string{"subscribe", "newsletter", "sign up", "sign in", "log in", "login", "register",
		"đăng ký nhận tin", "bản tin", "đăng nhập", "abone", "bülten", "giriş yap", "üye ol", "abonnieren", "anmelden",
		"s'abonner", "suscribirse", "track order", "sipariş takip"})
	// foldedThanks are words a page confirms a message with.
	foldedThanks = fold.All([]string{"thank you", "thanks", "thank", "message has been sent", "message was sent",
		"we have received", "we've received", "has been received", "successfully sent", "sent successfully",
		"we will get back", "we'll get back", "cảm ơn", "cám ơn", "đã gửi thành công", "gửi thành công", "đã nhận được",
		"teşekkür", "teşekkürler", "teşekkür ederiz", "mesajınız alındı", "mesajınız gönderildi", "başarıyla gönderildi",
		"vielen dank", "danke", "nachricht wurde gesendet", "merci", "message a été envoyé", "gracias", "mensaje ha sido enviado"})
	// foldedErrors are words a page refuses a message with.
	foldedErrors = fold.All([]string{"error", "errors", "invalid", "not valid", "is required", "required field",
		"please enter", "please correct", "please fill", "failed", "could not be sent", "try again",
		"lỗi", "không hợp lệ", "vui lòng nhập", "bắt buộc", "thất bại", "hata", "geçersiz", "zorunlu", "lütfen",
		"gönderilemedi", "fehler", "ungültig", "erreur", "invalide", "obligatoire", "no válido", "obligatorio"})
)

// words are the folded words that describe a field.
func (f fieldScan) words() string {
	return fold.Fold(strings.Join([]string{splitWords(f.Name), splitWords(f.ID), f.Placeholder, f.Aria, f.Title,
		splitWords(f.Autocomplete), f.Label}, " "))
}

// splitWords puts spaces where camelCase, snake_case or brackets join
// words: "txtFirstName" and "contact[first_name]" read "first name".
func splitWords(s string) string {
	var b strings.Builder
	var prev rune
	for _, r := range s {
		switch {
		case r == '_' || r == '[' || r == ']' || r == '-' || r == '.':
			r = ' '
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
		prev = r
	}
	return b.String()
}

// kind names what a visible field asks for, or "".
func (f fieldScan) kind() string {
	switch f.Type {
	case "email":
		return ValueEmail
	case "tel":
		return ValuePhone
	case "password":
		return "password"
	case "search":
		return "search"
	case "checkbox":
		if hasAnyFolded(f.words(), foldedConsent) || f.Required {
			return ValueConsent
		}
		return ""
	case "submit", "button", "image", "reset", "radio", "hidden", "file", "range", "color", "number", "date":
		return ""
	}
	if f.Name == "q" || f.Name == "s" {
		return "search"
	}
	w := f.words()
	for i, v := range fieldVocab {
		if v.value == ValueConsent {
			continue
		}
		if hasAnyFolded(w, foldedVocab[i]) {
			if f.Tag == "textarea" && v.value != ValueMessage {
				return ValueMessage
			}
			return v.value
		}
	}
	if f.Tag == "textarea" {
		return ValueMessage
	}
	if f.Tag == "select" && f.Required {
		return ValueChoice
	}
	return ""
}

func hasAnyFolded(text string, phrases []string) bool {
	for _, p := range phrases {
		if fold.HasPhrase(text, p) {
			return true
		}
	}
	return false
}

// honeypot reports a field a person would not fill: hidden, or named as a
// trap.
func (f fieldScan) honeypot() bool {
	if f.Type == "hidden" {
		return false // set by the site, left as it is
	}
	return f.Hidden != "" || honeypotNames[strings.ToLower(f.Name)] || strings.Contains(strings.ToLower(f.Name+f.ID), "honeypot")
}

// chooseForm picks the contact form: the form with the most of a message,
// e-mail, name, phone and subject field, and no password or search field
// or sign-up wording.
func chooseForm(forms []formScan) (formScan, bool) {
	best, bestScore := formScan{}, 0
	for _, f := range forms {
		kinds := map[string]bool{}
		for _, fl := range f.Fields {
			if !fl.honeypot() {
				kinds[fl.kind()] = true
			}
		}
		if kinds["password"] || strings.EqualFold(f.Role, "search") || kinds["search"] && !kinds[ValueMessage] {
			continue
		}
		score := 0
		for k, w := range map[string]int{ValueMessage: 8, ValueEmail: 3, ValueName: 2, ValueFirstName: 2, ValuePhone: 1, ValueSubject: 2} {
			if kinds[k] {
				score += w
			}
		}
		if !kinds[ValueMessage] && hasAnyFolded(fold.Fold(f.Attrs+" "+f.Buttons+" "+f.Around+" "+f.Action), foldedNotContact) {
			continue
		}
		if !kinds[ValueMessage] && !(kinds[ValueEmail] && (kinds[ValueName] || kinds[ValueSubject])) {
			continue
		}
		if score > bestScore {
			best, bestScore = f, score
		}
	}
	return best, bestScore > 0
}

// label names a field in FormResult.Filled.
func (f fieldScan) label() string {
	for _, s := range []string{f.Name, f.ID, f.Label, f.Placeholder, f.Aria} {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return "field " + strconv.Itoa(f.Index)
}

// planFill decides each field's value: element index → value ("check"
// for a box). missing names a required visible field it cannot fill.
func planFill(f formScan, p Persona, subject, body string) (plan map[string]string, filled map[string]string, missing string) {
	plan, filled = map[string]string{}, map[string]string{}
	first, last := splitName(p.Name)
	values := map[string]string{ValueName: p.Name, ValueFirstName: first, ValueLastName: last, ValueEmail: p.Email,
		ValuePhone: p.Phone, ValueSubject: subject, ValueMessage: body, ValueConsent: "check"}
	// A "name" field beside a last-name field asks for the first name
	// ("Adınız" above "Soyadınız").
	hasLast, hasFirst := false, false
	for _, fl := range f.Fields {
		if !fl.honeypot() {
			hasLast = hasLast || fl.kind() == ValueLastName
			hasFirst = hasFirst || fl.kind() == ValueFirstName
		}
	}
	for _, fl := range f.Fields {
		if fl.honeypot() {
			continue
		}
		k := fl.kind()
		if k == ValueName && hasLast && !hasFirst {
			k = ValueFirstName
		}
		v, ok := values[k]
		if k == ValueChoice {
			for _, o := range fl.Options {
				if strings.TrimSpace(o) != "" {
					v, ok = o, true
					break
				}
			}
		}
		if !ok || v == "" {
			if fl.Required && fl.Type != "hidden" {
				missing = fl.label()
			}
			continue
		}
		plan[strconv.Itoa(fl.Index)] = v
		filled[fl.label()] = k
	}
	return plan, filled, missing
}

// splitName splits a persona's name into first and last names at its last
// space.
func splitName(name string) (first, last string) {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexByte(name, ' '); i > 0 {
		return name[:i], name[i+1:]
	}
	return name, name
}
