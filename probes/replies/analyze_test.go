package replies

import (
	"mime"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// cp1258 encodes Vietnamese as windows-1258 does it: precomposed letters
// where the code page has them, tone marks as combining characters.
func cp1258(t testing.TB, s string) string {
	t.Helper()
	enc := charmap.Windows1258.NewEncoder()
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if b, err := enc.String(string(r)); err == nil {
			out = append(out, b...)
			continue
		}
		var rest []rune
		mark := ""
		for _, d := range norm.NFD.String(string(r)) {
			if strings.ContainsRune("\u0300\u0301\u0303\u0309\u0323", d) && mark == "" {
				mark = string(d)
			} else {
				rest = append(rest, d)
			}
		}
		base := norm.NFC.String(string(rest))
		b1, err1 := enc.String(base)
		b2, err2 := enc.String(mark)
		if err1 != nil || err2 != nil {
			t.Fatalf("cannot encode %q in windows-1258", r)
		}
		out = append(out, b1...)
		out = append(out, b2...)
	}
	return string(out)
}

func iso88599(t testing.TB, s string) string {
	t.Helper()
	b, err := charmap.ISO8859_9.NewEncoder().String(s)
	if err != nil {
		t.Fatalf("encode ISO-8859-9: %v", err)
	}
	return b
}

func raw(headers, body string) []byte {
	return []byte(strings.ReplaceAll(headers, "\n", "\r\n") + "\r\n" + strings.ReplaceAll(body, "\n", "\r\n"))
}

const enInquiryBody = "Hello,\nMy blender (order 4471) arrived damaged. Can I get a refund or a replacement? What does the warranty cover?\nJane Smith"

var enInquiry = Inquiry{Token: "abcdefghij", Subject: "Damaged blender", Body: enInquiryBody, Persona: "Jane Smith", Language: "en",
	MustAddress: []string{"refund|money back", "replacement|exchange|replace", "warranty|guarantee"}}

var viInquiry = Inquiry{Token: "k2m4n6p8q0", Subject: "Máy xay sinh tố bị hỏng", Persona: "Trần Văn Minh", Language: "vi",
	Body:        "Chào shop,\nMáy xay sinh tố tôi mua bị hỏng ngay khi nhận hàng. Tôi muốn đổi trả hoặc hoàn tiền. Chế độ bảo hành thế nào?\nTrần Văn Minh",
	MustAddress: []string{"hoàn tiền|refund", "đổi|đổi trả|replacement", "bảo hành|warranty"}}

var trInquiry = Inquiry{Token: "t1u2v3w4x5", Subject: "Hasarlı ürün", Persona: "Ayşe Demir", Language: "tr",
	Body:        "Merhaba,\nSiparişim hasarlı geldi. İade veya değişim yapabilir miyim? Garanti neleri kapsıyor?\nAyşe Demir",
	MustAddress: []string{"iade|refund", "değişim|değiştir|replacement", "garanti|warranty"}}

func TestAnalyzeReplies(t *testing.T) {
	viSubject := mime.QEncoding.Encode("windows-1258", cp1258(t, "Trả lời: Máy xay sinh tố bị hỏng"))
	cases := []struct {
		name     string
		raw      []byte
		q        Inquiry
		others   []string
		auto     bool
		promise  time.Duration
		business bool
		// minimum and maximum scores
		persMin, persMax, ansMin, ansMax, courMin, courMax float64
		reasons                                            []string // substrings expected among all reasons
	}{
		{
			name: "en auto-ack",
			raw: raw("From: Acme Support <support@acme.example>\nTo: Jane Smith <shopper+abcdefghij@example.net>\nSubject: [#12345] We received your request\nAuto-Submitted: auto-replied\nMessage-ID: <ack1@acme.example>\n",
				"Thank you for contacting Acme. We have received your request and will get back to you within 1–2 business days.\nYour ticket number is #12345.\n\nAcme Customer Service Team\n"),
			q: enInquiry, auto: true, promise: 48 * time.Hour, business: true,
			persMax: 0.4, ansMax: 0.01, courMin: 0.3, courMax: 0.9,
			reasons: []string{"header Auto-Submitted: auto-replied", "gives a ticket number", "signed by a team"},
		},
		{
			name: "en personal answer",
			raw: raw("From: Jane Doe <jane.doe@acme.example>\nTo: shopper+abcdefghij@example.net\nSubject: Re: Damaged blender\nIn-Reply-To: <abcdefghij.x1@example.net>\nContent-Type: text/plain; charset=utf-8\n",
				"Dear Ms Smith,\n\nThank you for your message about the blender that arrived damaged, and I'm sorry for the trouble. "+
					"We can send a replacement today, or refund the full price if you prefer; the warranty covers both for two years.\n\n"+
					"Kind regards,\nJane Doe\nCustomer Care, Acme\n\nOn Mon, 3 Jun 2024 at 10:00, Jane Smith <shopper+abcdefghij@example.net>\nwrote:\n> "+
					strings.ReplaceAll(enInquiryBody, "\n", "\n> ")+"\n"),
			q: enInquiry, others: []string{"Dear customer, thank you for contacting us. We have received your request."},
			persMin: 0.99, persMax: 1, ansMin: 1, ansMax: 1, courMin: 1, courMax: 1,
			reasons: []string{`addressed by name: "Dear Ms Smith,"`, `signed by a person: "Jane Doe"`, `covers "warranty"`, "apologises", "unlike other companies"},
		},
		{
			name: "en negative template",
			raw: raw("From: help@other.example\nTo: shopper+abcdefghij@example.net\nSubject: Your enquiry\n",
				"Dear Customer,\n\nWe cannot process refunds for damaged items. Unfortunately our policy does not allow it.\n\nCustomer Service Team\n"),
			q: enInquiry, others: []string{"Dear Customer,\n\nWe cannot process refunds for damaged items. Unfortunately our policy does not allow it.\n\nSupport Team"},
			persMax: 0.2, ansMin: 0.3, ansMax: 0.4, courMax: 0.3,
			reasons: []string{"generic greeting", "same template", "negative phrasing", "no apology though the inquiry complains", `does not cover "warranty"`},
		},
		{
			name: "vi auto-ack windows-1258",
			raw: raw("From: =?utf-8?B?"+b64("Chăm sóc khách hàng")+"?= <cskh@shop.example.vn>\nTo: shopper+k2m4n6p8q0@example.net\nSubject: =?UTF-8?Q?Y=C3=AAu_c=E1=BA=A7u_=2355821?=\nContent-Type: text/plain; charset=windows-1258\nContent-Transfer-Encoding: 8bit\n",
				cp1258(t, "Kính gửi Quý khách,\nChúng tôi đã nhận được yêu cầu của Quý khách. Mã yêu cầu: 55821.\nChúng tôi sẽ phản hồi trong vòng 24 giờ.\nTrân trọng,\nBộ phận Chăm sóc Khách hàng\n")),
			q: viInquiry, auto: true, promise: 24 * time.Hour,
			persMax: 0.1, courMin: 0.5,
			reasons: []string{"acknowledges receipt", "gives a ticket number", "generic greeting", "signed by a team"},
		},
		{
			name: "vi personal answer windows-1258",
			raw: raw("From: Nguyen Lan <lan@shop.example.vn>\nTo: shopper+k2m4n6p8q0@example.net\nSubject: "+viSubject+"\nContent-Type: text/plain; charset=windows-1258\nContent-Transfer-Encoding: quoted-printable\n",
				qp(cp1258(t, "Chào anh Minh,\n\nCảm ơn anh đã liên hệ. Chúng tôi rất tiếc vì máy xay sinh tố bị hỏng. Anh có thể đổi sản phẩm mới hoặc được hoàn tiền trong vòng 7 ngày; chế độ bảo hành áp dụng 12 tháng.\n\nTrân trọng,\nNguyễn Lan\n\nVào Th 2, 3 thg 6, 2024 lúc 10:00 Trần Văn Minh <shopper+k2m4n6p8q0@example.net> đã viết:\n> Máy xay sinh tố tôi mua bị hỏng ngay khi nhận hàng.\n"))),
			q:       viInquiry,
			persMin: 0.99, persMax: 1, ansMin: 1, ansMax: 1, courMin: 1, courMax: 1,
			reasons: []string{`addressed by name: "Chào anh Minh,"`, `signed by a person: "Nguyễn Lan"`, `covers "hoàn tiền"`, "apologises"},
		},
		{
			name: "tr auto-ack iso-8859-9",
			raw: raw("From: Destek <destek@magaza.example.com.tr>\nTo: shopper+t1u2v3w4x5@example.net\nSubject: =?ISO-8859-9?Q?Talebiniz_al=FDnm=FD=FEt=FDr?=\nX-Autoreply: yes\nContent-Type: text/plain; charset=ISO-8859-9\nContent-Transfer-Encoding: base64\n",
				b64(iso88599(t, "Değerli müşterimiz,\nTalebiniz alınmıştır. Talep No: 48213.\nTalebiniz 1-2 iş günü içinde yanıtlanacaktır.\nSaygılarımızla,\nMüşteri Hizmetleri\n"))),
			q: trInquiry, auto: true, promise: 48 * time.Hour, business: true,
			persMax: 0.1,
			reasons: []string{"header X-Autoreply: yes", "acknowledges receipt", "gives a ticket number"},
		},
		{
			name: "tr personal answer iso-8859-9",
			raw: raw("From: =?ISO-8859-9?Q?Mehmet_Y=FDlmaz?= <mehmet@magaza.example.com.tr>\nTo: shopper+t1u2v3w4x5@example.net\nSubject: =?ISO-8859-9?Q?Re:_Hasarl=FD_=FCr=FCn?=\nContent-Type: text/plain; charset=ISO-8859-9\n",
				iso88599(t, "Sayın Ayşe Hanım,\n\nBizimle iletişime geçtiğiniz için teşekkür ederiz. Hasarlı ürün için özür dileriz. Ürününüzü memnuniyetle değiştirebilir ya da iade işlemini başlatabiliriz. Garanti kapsamı 2 yıldır.\n\nSaygılarımızla,\nMehmet Yılmaz\n\nAyşe Demir <shopper+t1u2v3w4x5@example.net>, 3 Haz 2024 Pzt, 10:00 tarihinde şunu yazdı:\n> Siparişim hasarlı geldi.\n")),
			q:       trInquiry,
			persMin: 0.99, persMax: 1, ansMin: 1, ansMax: 1, courMin: 1, courMax: 1,
			reasons: []string{`addressed by name: "Sayın Ayşe Hanım,"`, `signed by a person: "Mehmet Yılmaz"`, `covers "değişim" (by "değiştir")`, "apologises"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := Parse(c.raw)
			a := Analyze(m, c.q, c.others)
			all := strings.Join(append(append(append(append([]string{}, a.AutoAckReasons...), a.PersonalizationReasons...), a.AnsweredReasons...), a.CourtesyReasons...), "\n")
			if a.AutoAck != c.auto {
				t.Errorf("AutoAck = %v, want %v (%q)", a.AutoAck, c.auto, a.AutoAckReasons)
			}
			switch {
			case c.promise == 0 && a.Promise != nil:
				t.Errorf("promise %+v, want none", *a.Promise)
			case c.promise != 0 && (a.Promise == nil || a.Promise.Duration != c.promise || a.Promise.Business != c.business || *a.PromisedSeconds != c.promise.Seconds()):
				t.Errorf("promise %+v, want %s business=%v", a.Promise, c.promise, c.business)
			}
			check := func(what string, got, lo, hi float64) {
				if hi == 0 {
					hi = 1
				}
				if got < lo || got > hi {
					t.Errorf("%s = %.2f, want %.2f..%.2f", what, got, lo, hi)
				}
			}
			check("Personalization", a.Personalization, c.persMin, c.persMax)
			check("Answered", a.Answered, c.ansMin, c.ansMax)
			check("Courtesy", a.Courtesy, c.courMin, c.courMax)
			for _, r := range c.reasons {
				if !strings.Contains(all, r) {
					t.Errorf("no reason containing %q in:\n%s", r, all)
				}
			}
			if t.Failed() {
				t.Logf("subject %q text:\n%s\nproblems %q", m.Subject, m.Text, m.Problems)
			}
		})
	}
}

func TestParseDecodesCharsets(t *testing.T) {
	m := Parse(raw("Subject: =?windows-1258?Q?"+qpWord(cp1258(t, "Trả lời"))+"?= =?ISO-8859-9?Q?=DE=FEk?=\nContent-Type: text/plain; charset=windows-1258\n", cp1258(t, "Chào anh Minh, cảm ơn anh.")))
	if m.Subject != "Trả lờiŞşk" { // whitespace between encoded words is dropped (RFC 2047)
		t.Errorf("Subject = %q", m.Subject)
	}
	if m.Text != "Chào anh Minh, cảm ơn anh." || !norm.NFC.IsNormalString(m.Text) {
		t.Errorf("Text = %q", m.Text)
	}
	if len(m.Problems) != 0 {
		t.Errorf("Problems = %q", m.Problems)
	}
}

func TestParseStructure(t *testing.T) {
	cases := []struct {
		name, raw, text string
		problem         string
	}{
		{"alternative prefers plain", "Content-Type: multipart/alternative; boundary=x\n\n--x\nContent-Type: text/html\n\n<p>html</p>\n--x\nContent-Type: text/plain\n\nplain\n--x--\n", "plain", ""},
		{"html only", "Content-Type: text/html; charset=utf-8\n\n<html><head><style>p{}</style></head><body><p>Hi <b>Jane</b>,</p><p>yes&amp;no</p><blockquote><p>your question</p></blockquote><script>x()</script></body></html>", "Hi Jane,\nyes&no\n> your question", ""},
		{"attachment skipped", "Content-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\n\nbody\n--x\nContent-Type: text/plain\nContent-Disposition: attachment; filename=a.txt\n\nattached\n--x--\n", "body", ""},
		{"unclosed multipart", "Content-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\n\nbody\n", "body", "closing boundary"},
		{"no boundary", "Content-Type: multipart/mixed\n\nbody\n", "body", "without a boundary"},
		{"unknown charset", "Content-Type: text/plain; charset=x-klingon\n\nbody\n", "body", "unknown charset"},
		{"bad base64", "Content-Transfer-Encoding: base64\n\nYm9k*eQ\n", "bod", "stray characters"},
		{"invalid utf-8", "Content-Type: text/plain; charset=utf-8\n\nb\xffody\n", "b\uFFFDody", "not valid"},
		{"NUL", "Subject: a\x00b\n\nx\x00y\n", "xy", "NUL"},
		{"bad header line", "Subject: s\nthis is not a header\n\nbody\n", "body", "without a field name"},
	}
	for _, c := range cases {
		m := Parse(raw("From: a@example.com\n"+strings.SplitN(c.raw, "\n\n", 2)[0]+"\n", strings.SplitN(c.raw, "\n\n", 2)[1]))
		if m.Text != c.text {
			t.Errorf("%s: Text = %q, want %q", c.name, m.Text, c.text)
		}
		if c.problem != "" && !hasProblem(m, c.problem) {
			t.Errorf("%s: Problems %q lack %q", c.name, m.Problems, c.problem)
		}
		if c.problem == "" && len(m.Problems) > 0 {
			t.Errorf("%s: unexpected Problems %q", c.name, m.Problems)
		}
	}
}

func TestParseHeaders(t *testing.T) {
	m := Parse(raw("From: \"Lan\" <Lan@Shop.example.vn>\nTo: A <shopper+abc@example.net>, b@example.net\nCc: c@example.net\nMessage-ID: <id1@x>\nIn-Reply-To: <tok.1@example.net>\nReferences: <r1@x>\n <r2@x>\nDate: Mon, 3 Jun 2024 10:00:00 +0700\nAuto-Submitted: auto-replied\n", "x"))
	if m.From != "lan@shop.example.vn" || m.FromName != "Lan" || m.MessageID != "id1@x" || m.InReplyTo != "tok.1@example.net" ||
		strings.Join(m.References, ",") != "r1@x,r2@x" || strings.Join(m.To, ",") != "shopper+abc@example.net,b@example.net" ||
		strings.Join(m.Cc, ",") != "c@example.net" || m.Date.Unix() != 1717383600 || m.Header["Auto-Submitted"][0] != "auto-replied" || m.DedupeKey != "mid:id1@x" {
		t.Errorf("Parse = %+v", m)
	}
	if k := Parse([]byte("Subject: x\r\n\r\n")).DedupeKey; !strings.HasPrefix(k, "hdr:") {
		t.Errorf("DedupeKey without Message-ID = %q", k)
	}
}

func TestMatch(t *testing.T) {
	tokens := []string{"abcdefghij", "k2m4n6p8q0"}
	cases := []struct {
		m        Message
		tok, how string
	}{
		{Message{To: []string{"shopper+abcdefghij@example.net"}}, "abcdefghij", MatchAddress},
		{Message{Cc: []string{"Shopper+K2M4N6P8Q0@example.net"}}, "k2m4n6p8q0", MatchAddress},
		{Message{Header: map[string][]string{"Delivered-To": {"shopper+k2m4n6p8q0@example.net"}}}, "k2m4n6p8q0", MatchAddress},
		{Message{To: []string{"shopper@example.net"}, InReplyTo: "abcdefghij.zz9@example.net"}, "abcdefghij", MatchThread},
		{Message{References: []string{"other@x", "k2m4n6p8q0.a@example.net"}}, "k2m4n6p8q0", MatchThread},
		{Message{Subject: "Re: question [ref abcdefghij]"}, "abcdefghij", MatchSubject},
		{Message{Subject: "RE: K2M4N6P8Q0 — question"}, "k2m4n6p8q0", MatchSubject},
		{Message{Subject: "Re: abcdefghijk", To: []string{"shopper+zzz@example.net"}}, "", ""},
	}
	for _, c := range cases {
		if tok, how := Match(c.m, tokens); tok != c.tok || how != c.how {
			t.Errorf("Match(%+v) = %q, %q; want %q, %q", c.m, tok, how, c.tok, c.how)
		}
	}
}

func TestStripQuoted(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Yes.\n\nOn Mon, 3 Jun 2024, Jane <j@x> wrote:\n> question", "Yes."},
		{"Yes.\nOn Mon, 3 Jun 2024 at 10:00, Jane Smith <j@x>\nwrote:\n> question", "Yes."},
		{"Có.\nVào Th 2, 3 thg 6, 2024 lúc 10:00 Minh <m@x> đã viết:\n> câu hỏi", "Có."},
		{"Evet.\nAyşe <a@x>, 3 Haz 2024 Pzt, 10:00 tarihinde şunu yazdı:\n> soru", "Evet."},
		{"Sure.\n-----Original Message-----\nFrom: x\nquestion", "Sure."},
		{"Sure.\nFrom: Jane <j@x>\nSent: Monday\nquestion", "Sure."},
		{"Line one\n>> deep\nLine two", "Line one\nLine two"},
	}
	for _, c := range cases {
		if got := StripQuoted(c.in); got != c.want {
			t.Errorf("StripQuoted(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParsePromise(t *testing.T) {
	cases := []struct {
		in       string
		want     time.Duration
		business bool
		phrase   string
	}{
		{"We will reply within 24 hours.", 24 * time.Hour, false, "within 24 hours"},
		{"You will hear from us in 1–2 business days.", 48 * time.Hour, true, "in 1–2 business days"},
		{"Our team answers in the next 48 hours", 48 * time.Hour, false, "in the next 48 hours"},
		{"Response time: 48 hours.", 48 * time.Hour, false, "48 hours"},
		{"We respond within one business day.", 24 * time.Hour, true, "within one business day"},
		{"An agent will get back to you in a few hours.", 3 * time.Hour, false, "in a few hours"},
		{"We usually answer within 30 minutes", 30 * time.Minute, false, "within 30 minutes"},
		{"Chúng tôi sẽ phản hồi trong vòng 24 giờ.", 24 * time.Hour, false, "trong vòng 24 giờ"},
		{"Chúng tôi sẽ trả lời trong 2 ngày làm việc.", 48 * time.Hour, true, "trong 2 ngày làm việc"},
		{"Talebiniz 24 saat içinde yanıtlanacaktır.", 24 * time.Hour, false, "24 saat içinde"},
		{"Size 1-2 iş günü içinde dönüş yapılacaktır.", 48 * time.Hour, true, "1-2 iş günü içinde"},
		{"We are open 24 hours a day.", 0, false, ""},
		{"Support is available 24/7.", 0, false, ""},
		{"Refunds are issued within 30 days of return.", 0, false, ""},
		{"Bảo hành trong vòng 12 tháng.", 0, false, ""},
		{"Thanks for your patience.", 0, false, ""},
		{"We ship on business days.", 0, false, ""},
	}
	for _, c := range cases {
		d, phrase, ok := ParsePromise(c.in)
		p, _ := FindPromise(c.in)
		if ok != (c.want != 0) || d != c.want || phrase != c.phrase || p.Business != c.business {
			t.Errorf("ParsePromise(%q) = %s, %q, %v (business %v); want %s, %q (business %v)", c.in, d, phrase, ok, p.Business, c.want, c.phrase, c.business)
		}
	}
}

func TestIsAutoAckIgnoresAutoSubmittedNo(t *testing.T) {
	m := Message{Header: map[string][]string{"Auto-Submitted": {"no"}}, Text: "Dear Jane, here is the answer."}
	if ok, reasons := IsAutoAck(m); ok || len(reasons) != 0 {
		t.Errorf("IsAutoAck = %v, %q", ok, reasons)
	}
	m = Message{Header: map[string][]string{"Precedence": {"bulk"}}}
	if ok, _ := IsAutoAck(m); !ok {
		t.Error("Precedence: bulk is not an auto-ack")
	}
	m = Message{From: "no-reply@shop.example", Text: "Hi"}
	if ok, _ := IsAutoAck(m); !ok {
		t.Error("a no-reply sender is not an auto-ack")
	}
}

func b64(s string) string {
	return mimeB64(s)
}

func qp(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n':
			b.WriteString("\n")
		case c >= 33 && c <= 126 && c != '=' || c == ' ':
			b.WriteByte(c)
		default:
			b.WriteString(strings.ToUpper(hex2(c)))
		}
	}
	return b.String()
}

func qpWord(s string) string {
	return strings.ReplaceAll(qp(s), " ", "_")
}

func hex2(c byte) string {
	const h = "0123456789ABCDEF"
	return "=" + string(h[c>>4]) + string(h[c&15])
}
