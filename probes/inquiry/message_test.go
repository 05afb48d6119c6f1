package inquiry

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-message/mail"
)

func TestNewToken(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		tok := NewToken()
		if len(tok) != TokenLen || !ValidToken(tok) {
			t.Fatalf("NewToken() = %q, want %d characters of [a-z0-9]", tok, TokenLen)
		}
		if seen[tok] {
			t.Fatalf("NewToken() repeated %q", tok)
		}
		seen[tok] = true
	}
}

func TestPlusAddress(t *testing.T) {
	tests := []struct {
		email, token, want string
		ok                 bool
	}{
		{"anna@example.com", "abc234defg", "anna+abc234defg@example.com", true},
		{"anna.b+shop@mail.example.com", "abc234defg", "anna.b+shop+abc234defg@mail.example.com", true},
		{"anna@example.com", "ABC", "", false},
		{"anna@example.com", "abc\r\nBcc: x", "", false},
		{"anna", "abc234defg", "", false},
		{"anna@", "abc234defg", "", false},
		{"@example.com", "abc234defg", "", false},
		{"Anna <anna@example.com>", "abc234defg", "", false},
		{"an na@example.com", "abc234defg", "", false},
		{"anna@example.com\r\nBcc: eve@example.org", "abc234defg", "", false},
		{"anna@exa_mple.com", "abc234defg", "", false},
		{strings.Repeat("a", 60) + "@example.com", "abc234defg", "", false},
	}
	for _, tc := range tests {
		got, err := PlusAddress(tc.email, tc.token)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("PlusAddress(%q, %q) = %q, %v; want %q, ok=%v", tc.email, tc.token, got, err, tc.want, tc.ok)
		}
		if err == nil {
			if tok := TokenFromAddress(got); tok != tc.token {
				t.Errorf("TokenFromAddress(%q) = %q, want %q", got, tok, tc.token)
			}
		}
	}
}

func TestTokenFromSubject(t *testing.T) {
	for subject, want := range map[string]string{
		"Re: Question about returns [ref abc234defg]": "abc234defg",
		"RE: AW: [REF ABC234DEFG] something":          "abc234defg",
		"No reference here":                           "",
		"[ref a]":                                     "",
	} {
		if got := TokenFromSubject(subject); got != want {
			t.Errorf("TokenFromSubject(%q) = %q, want %q", subject, got, want)
		}
	}
}

func message() Message {
	return Message{
		From:     Persona{Name: "Anna Baker", Email: "anna@shopper.example", Phone: "+44 20 7946 0000"},
		To:       "support@company.example",
		Subject:  "Question about returns",
		Body:     "Hello,\n\nCan I return a jacket after 40 days?\n\nAnna",
		Token:    "abc234defg",
		Language: "en",
		Date:     time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC),
	}
}

// parse reads a built message back with go-message.
func parse(t *testing.T, raw []byte) (*mail.Header, string) {
	t.Helper()
	r, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, raw)
	}
	p, err := r.NextPart()
	if err != nil {
		t.Fatalf("parse body: %v", err)
	}
	b, _ := io.ReadAll(p.Body)
	return &r.Header, string(b)
}

func TestBuildRoundTrip(t *testing.T) {
	tests := []struct {
		name, persona, subject, body, lang string
	}{
		{"english", "Anna Baker", "Question about returns", "Hello,\r\nCan I return a jacket after 40 days?\nAnna", "en"},
		{"vietnamese", "Nguyễn Văn An", "Câu hỏi về đổi trả hàng", "Xin chào,\nTôi có thể đổi áo khoác sau 40 ngày không?\nAn", "vi"},
		{"turkish", "Ayşe Çelik Işıkoğlu", "İade hakkında soru: ğüşiöç", "Merhaba,\nCeketi 40 gün sonra iade edebilir miyim?\nAyşe", "tr"},
		{"long subject", "Bob", strings.Repeat("Sehr lange Betreffzeile über Rückgabe ", 5), "x", "de"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := message()
			m.From.Name, m.Subject, m.Body, m.Language = tc.persona, tc.subject, tc.body, tc.lang
			raw, id, err := Build(m)
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			for i, line := range bytes.Split(raw, []byte("\r\n")) {
				if len(line) > 998 {
					t.Errorf("line %d is %d bytes long", i, len(line))
				}
				for _, c := range line {
					if c >= 0x80 {
						t.Fatalf("line %d holds 8-bit data: %q", i, line)
					}
				}
			}
			h, body := parse(t, raw)
			wantSubject := strings.Join(strings.Fields(tc.subject), " ") + " [ref abc234defg]"
			if got, err := h.Subject(); err != nil || got != wantSubject {
				t.Errorf("Subject = %q, %v; want %q", got, err, wantSubject)
			}
			for _, key := range []string{"From", "Reply-To"} {
				as, err := h.AddressList(key)
				if err != nil || len(as) != 1 || as[0].Name != tc.persona || as[0].Address != "anna+abc234defg@shopper.example" {
					t.Errorf("%s = %v, %v; want %q <anna+abc234defg@shopper.example>", key, as, err, tc.persona)
				}
			}
			if got, _ := h.MessageID(); got != id || !strings.HasPrefix(id, "abc234defg.") || !strings.HasSuffix(id, "@shopper.example") {
				t.Errorf("Message-ID = %q, Build said %q; want abc234defg.RANDOM@shopper.example", got, id)
			}
			if d, err := h.Date(); err != nil || !d.Equal(m.Date) {
				t.Errorf("Date = %v, %v; want %v", d, err, m.Date)
			}
			if got := h.Get("Content-Language"); got != tc.lang {
				t.Errorf("Content-Language = %q, want %q", got, tc.lang)
			}
			if got := h.Get("Content-Transfer-Encoding"); got != "quoted-printable" {
				t.Errorf("Content-Transfer-Encoding = %q", got)
			}
			want := strings.ReplaceAll(strings.ReplaceAll(tc.body, "\r\n", "\n"), "\n", "\r\n")
			if body != want {
				t.Errorf("body = %q, want %q", body, want)
			}
		})
	}
}

func TestBuildMessageIDsDiffer(t *testing.T) {
	_, a, _ := Build(message())
	_, b, _ := Build(message())
	if a == b {
		t.Errorf("two builds gave the same Message-ID %q", a)
	}
}

func TestBuildRefusesHeaderInjection(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Message)
	}{
		{"subject CRLF", func(m *Message) { m.Subject = "Hi\r\nBcc: eve@evil.example" }},
		{"subject LF", func(m *Message) { m.Subject = "Hi\nBcc: eve@evil.example" }},
		{"subject CR", func(m *Message) { m.Subject = "Hi\rBcc: eve@evil.example" }},
		{"subject NUL", func(m *Message) { m.Subject = "Hi\x00there" }},
		{"subject ESC", func(m *Message) { m.Subject = "Hi\x1b[31m" }},
		{"subject DEL", func(m *Message) { m.Subject = "Hi\x7f" }},
		{"subject C1", func(m *Message) { m.Subject = "Hi\u0085Bcc: x" }},
		{"subject line separator", func(m *Message) { m.Subject = "Hi\u2028Bcc: x" }},
		{"subject bad UTF-8", func(m *Message) { m.Subject = "Hi\xff" }},
		{"name CRLF", func(m *Message) { m.From.Name = "Anna\r\nBcc: eve@evil.example" }},
		{"name tab", func(m *Message) { m.From.Name = "Anna\tBaker" }},
		{"from CRLF", func(m *Message) { m.From.Email = "anna@shopper.example\r\nBcc: eve@evil.example" }},
		{"from with name", func(m *Message) { m.From.Email = "Eve <eve@evil.example>" }},
		{"to CRLF", func(m *Message) { m.To = "support@company.example\r\nBcc: eve@evil.example" }},
		{"to list", func(m *Message) { m.To = "support@company.example, eve@evil.example" }},
		{"token", func(m *Message) { m.Token = "abc\r\nBcc: x" }},
		{"language", func(m *Message) { m.Language = "en\r\nBcc: x" }},
		{"body NUL", func(m *Message) { m.Body = "Hello\x00" }},
		{"subject too long", func(m *Message) { m.Subject = strings.Repeat("a", 201) }},
	}
	for _, tc := range tests {
		m := message()
		tc.edit(&m)
		raw, _, err := Build(m)
		if err == nil {
			t.Errorf("%s: Build accepted it:\n%s", tc.name, raw)
			continue
		}
		if strings.ContainsAny(err.Error(), "\r\n\x00") {
			t.Errorf("%s: the error holds a raw control character: %q", tc.name, err)
		}
	}
	m := message()
	m.Subject = "Hi\r\nBcc: x"
	if _, _, err := Build(m); !errors.Is(err, ErrHeader) {
		t.Errorf("Build(subject with CRLF) = %v, want an error wrapping ErrHeader", err)
	}
	m = message()
	m.To = "nobody"
	if _, _, err := Build(m); !errors.Is(err, ErrAddress) {
		t.Errorf("Build(To: nobody) = %v, want an error wrapping ErrAddress", err)
	}
}

func TestBuildKeepsAnExistingReference(t *testing.T) {
	m := message()
	m.Subject = "Returns [ref abc234defg]"
	raw, _, err := Build(m)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := parse(t, raw)
	if got, _ := h.Subject(); got != "Returns [ref abc234defg]" {
		t.Errorf("Subject = %q, want the reference once", got)
	}
}

// FuzzBuildHeaders: whatever the template fields hold, Build either
// refuses them or writes a message whose header has exactly the fields it
// sets, each once, and whose values read back as given.
func FuzzBuildHeaders(f *testing.F) {
	f.Add("Anna Baker", "Question", "anna@shopper.example", "support@company.example", "en")
	f.Add("Anna\r\nBcc: x", "Hi\nX: y", "a@b.c", "d@e.f", "vi")
	f.Add("Nguyễn \"An\" <x>", "Câu hỏi =?utf-8?q?x?=", "a@b.c", "d@e.f", "tr")
	f.Add("", "", "a+b@b.c", "d@e.f", "")
	f.Fuzz(func(t *testing.T, name, subject, from, to, lang string) {
		m := message()
		m.From.Name, m.Subject, m.From.Email, m.To, m.Language = name, subject, from, to, lang
		raw, id, err := Build(m)
		if err != nil {
			return
		}
		r, err := mail.CreateReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("the built message does not parse: %v\n%q", err, raw)
		}
		fields := r.Header.Fields()
		count := map[string]int{}
		for fields.Next() {
			count[strings.ToLower(fields.Key())]++
		}
		allowed := map[string]bool{"date": true, "from": true, "reply-to": true, "to": true, "subject": true,
			"message-id": true, "mime-version": true, "content-type": true, "content-transfer-encoding": true,
			"content-language": true}
		for k, n := range count {
			if !allowed[k] || n != 1 {
				t.Fatalf("header field %q appears %d times (name %q, subject %q):\n%s", k, n, name, subject, raw)
			}
		}
		gotSubject, err := r.Header.Subject()
		if want := strings.Join(strings.Fields(subject), " "); err != nil || !strings.HasPrefix(gotSubject, want) || !strings.HasSuffix(gotSubject, "[ref abc234defg]") {
			t.Fatalf("Subject = %q, %v; want %q + [ref abc234defg]", gotSubject, err, want)
		}
		as, err := r.Header.AddressList("From")
		if err != nil || len(as) != 1 || as[0].Name != strings.Join(strings.Fields(name), " ") {
			t.Fatalf("From = %v, %v; want the name %q", as, err, name)
		}
		if got, _ := r.Header.MessageID(); got != id {
			t.Fatalf("Message-ID = %q, want %q", got, id)
		}
	})
}
