package inquiry

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/emersion/go-message/mail"
)

// Persona is the customer an inquiry is sent as.
type Persona struct {
	// Name is the name the persona signs with and types into forms.
	Name string
	// Email is the persona's mailbox, a bare address (local@domain). Its
	// plus-addresses carry the tokens of the inquiries.
	Email string
	// Phone is the persona's phone number, for forms that ask for one.
	Phone string
}

// Message is one e-mail inquiry.
type Message struct {
	// From is the persona writing.
	From Persona
	// To is the company's address, bare (local@domain).
	To string
	// Subject is the subject without the reference; Build adds "[ref
	// TOKEN]".
	Subject string
	// Body is the plain text of the inquiry, in any line endings.
	Body string
	// Token identifies the inquiry (see NewToken).
	Token string
	// Language is the body's language tag (en, vi, tr, ...), written as
	// Content-Language when set.
	Language string
	// Date is the message's date. Default: the time Build runs.
	Date time.Time
}

// ErrHeader is wrapped by Build's errors about a value that cannot go into
// a header as it is: control characters (CR, LF, NUL, ...) are refused,
// never passed on, so no value can add a header of its own.
var ErrHeader = errors.New("unsafe header value")

// maxSubject bounds a subject, in characters.
const maxSubject = 200

var languageRE = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// Build writes m as an RFC 5322 message: UTF-8 plain text in
// quoted-printable; From and Reply-To the persona's name and plus-address
// with the token; To; Subject "<subject> [ref TOKEN]" (RFC 2047-encoded
// when not ASCII); Date; Message-ID "<TOKEN.RANDOM@persona-domain>";
// Content-Language when m.Language is set.
//
// messageID is the Message-ID without its angle brackets, as go-message's
// Header.MessageID returns it and as replies' In-Reply-To name it.
//
// A name, subject, address or language holding a control character (CR,
// LF, NUL, DEL, ...) or an invalid UTF-8 sequence is refused with an error
// wrapping ErrHeader; malformed addresses with one wrapping ErrAddress.
// The body may hold line breaks and tabs but no other control character.
func Build(m Message) (raw []byte, messageID string, err error) {
	if !ValidToken(m.Token) {
		return nil, "", fmt.Errorf("build inquiry: token %q is not 4-32 characters of [a-z0-9]", clip(m.Token))
	}
	if err := headerSafe("persona name", m.From.Name); err != nil {
		return nil, "", fmt.Errorf("build inquiry: %w", err)
	}
	if err := headerSafe("subject", m.Subject); err != nil {
		return nil, "", fmt.Errorf("build inquiry: %w", err)
	}
	if utf8.RuneCountInString(m.Subject) > maxSubject {
		return nil, "", fmt.Errorf("build inquiry: subject longer than %d characters", maxSubject)
	}
	if m.Language != "" && !languageRE.MatchString(m.Language) {
		return nil, "", fmt.Errorf("build inquiry: language %q: %w: not a language tag", clip(m.Language), ErrHeader)
	}
	if err := bodySafe(m.Body); err != nil {
		return nil, "", fmt.Errorf("build inquiry: %w", err)
	}
	from, err := PlusAddress(m.From.Email, m.Token)
	if err != nil {
		return nil, "", fmt.Errorf("build inquiry: persona address: %w", err)
	}
	if _, _, err := splitAddress(m.To); err != nil {
		return nil, "", fmt.Errorf("build inquiry: recipient: %w", err)
	}
	_, domain, _ := splitAddress(m.From.Email)
	date := m.Date
	if date.IsZero() {
		date = time.Now()
	}

	name := strings.Join(strings.Fields(m.From.Name), " ")
	subject := strings.Join(strings.Fields(m.Subject), " ")
	ref := "[ref " + m.Token + "]"
	if !strings.Contains(strings.ToLower(subject), ref) {
		subject = strings.TrimSpace(subject + " " + ref)
	}
	messageID = m.Token + "." + NewToken() + "@" + strings.ToLower(domain)

	var h mail.Header
	h.SetDate(date)
	h.SetAddressList("From", []*mail.Address{{Name: name, Address: from}})
	h.SetAddressList("Reply-To", []*mail.Address{{Name: name, Address: from}})
	h.SetAddressList("To", []*mail.Address{{Address: m.To}})
	h.SetSubject(subject)
	h.SetMessageID(messageID)
	h.Set("MIME-Version", "1.0")
	h.SetContentType("text/plain", map[string]string{"charset": "utf-8"})
	h.Set("Content-Transfer-Encoding", "quoted-printable")
	if m.Language != "" {
		h.Set("Content-Language", m.Language)
	}

	var buf bytes.Buffer
	w, err := mail.CreateSingleInlineWriter(&buf, h)
	if err != nil {
		return nil, "", fmt.Errorf("build inquiry: %w", err)
	}
	body := strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\r", "\n")
	if _, err := w.Write([]byte(body)); err != nil {
		return nil, "", fmt.Errorf("build inquiry: body: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, "", fmt.Errorf("build inquiry: body: %w", err)
	}
	return buf.Bytes(), messageID, nil
}

// headerSafe refuses a value that would need a control character or a
// broken UTF-8 sequence in a header.
func headerSafe(what, v string) error {
	if !utf8.ValidString(v) {
		return fmt.Errorf("%s: %w: not valid UTF-8", what, ErrHeader)
	}
	for _, r := range v {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return fmt.Errorf("%s %q: %w: it holds the control character %U", what, clip(v), ErrHeader, r)
		}
	}
	return nil
}

// bodySafe refuses a body with control characters other than line breaks
// and tabs, or broken UTF-8.
func bodySafe(v string) error {
	if !utf8.ValidString(v) {
		return errors.New("body: not valid UTF-8")
	}
	for _, r := range v {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			return fmt.Errorf("body: it holds the control character %U", r)
		}
	}
	return nil
}
