package replies

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	f.Add([]byte("Subject: =?windows-1258?Q?Tr=E1?=\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=iso-8859-9\r\nContent-Transfer-Encoding: base64\r\n\r\nPGI+/t48L2I+\r\n--b--\r\n"))
	f.Add([]byte("Content-Type: multipart/alternative; boundary=\"\"\r\n\r\n--\r\n\r\n"))
	f.Add([]byte("From: <<<@>>>\r\nTo: ,,,\r\nDate: yesterday\r\n\r\n\x00\xff"))
	f.Add([]byte("Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m := Parse(raw)
		if !utf8.ValidString(m.Text) || !utf8.ValidString(m.Subject) {
			t.Errorf("invalid UTF-8 out of Parse")
		}
		if len(m.Text) > MaxText {
			t.Errorf("Text is %d bytes", len(m.Text))
		}
		if strings.ContainsRune(m.Text, 0) {
			t.Errorf("NUL in Text")
		}
		Analyze(m, Inquiry{Persona: "Ayşe Demir", Subject: "x", Body: "iade", MustAddress: []string{"iade|refund"}}, []string{m.Text})
	})
}

func FuzzParsePromise(f *testing.F) {
	for _, s := range []string{"within 24 hours", "in 1–2 business days", "trong vòng 24 giờ", "1-2 iş günü içinde", "en geç 999 saat", "İIı 24/7", "in a couple of weeks", strings.Repeat("within 1 ", 1000)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, phrase, ok := ParsePromise(s)
		if ok && (d <= 0 || phrase == "") {
			t.Errorf("ParsePromise(%q) = %v, %q, true", s, d, phrase)
		}
		if !ok && (d != 0 || phrase != "") {
			t.Errorf("ParsePromise(%q) = %v, %q, false", s, d, phrase)
		}
	})
}
