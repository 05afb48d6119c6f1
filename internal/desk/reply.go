package desk

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"strings"
	"time"

	"github.com/emersion/go-message/mail"
	"github.com/emersion/go-message/textproto"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/shopper-audit/shopper/probes/inquiry"
)

// Kind is a kind of reply.
type Kind string

// The kinds of reply a desk writes.
const (
	// AutoAck is an automatic acknowledgement (RFC 3834: Auto-Submitted:
	// auto-replied), with or without a promised wait (Reply.Promise).
	AutoAck Kind = "auto-ack"
	// Human is a personal reply: it greets the persona by name, answers
	// the question's specifics (Reply.Answer, else it quotes the
	// question's first line) and is signed by Reply.Signer.
	Human Kind = "human"
	// Template is a canned reply: no name, nothing specific, signed by a
	// team.
	Template Kind = "template"
)

// Script says how the desk answers one inquiry.
type Script struct {
	// Replies are sent in the order they fall due. None: the desk never
	// answers.
	Replies []Reply
	// RejectRecipient, on a script set for a recipient address, refuses
	// that recipient at RCPT with "550 5.1.1" and this text.
	RejectRecipient string
	// DropConnection drops the connection after the message's data
	// arrived and was recorded, before the desk answers it: the sender
	// cannot know the message arrived.
	DropConnection bool
}

// Reply is one scripted reply.
type Reply struct {
	// After is the delay from the inquiry's arrival.
	After time.Duration
	// Kind is what the reply is.
	Kind Kind
	// Language is "en" (default), "vi" or "tr".
	Language string
	// Charset is the body's charset: "utf-8" (default), "windows-1258"
	// (Vietnamese) or "iso-8859-9" (Turkish).
	Charset string
	// Subject says how the subject is written: "" lets go-message encode
	// it (RFC 2047 Q in UTF-8 when not ASCII); "b" writes RFC 2047 B
	// encoded words in Charset; "raw" writes 8-bit UTF-8 (RFC 6532).
	Subject string
	// Promise, on an AutoAck, promises an answer within 24 hours.
	Promise bool
	// Signer is the person signing a Human reply. Default by language.
	Signer string
	// Answer is the specific answer of a Human reply. Default: one that
	// quotes the question's first line.
	Answer string
}

// texts are a language's phrases.
type texts struct {
	ackSubject, ack, promise, ackSign                 string
	dear, thanks, quote, sign, team, canned, template string
	signer                                            string
}

var phrases = map[string]texts{
	"en": {
		ackSubject: "We have received your message",
		ack:        "This is an automatic confirmation that we have received your message.",
		promise:    "Our team will reply within 24 hours.",
		ackSign:    "Customer Service",
		dear:       "Dear %s,",
		thanks:     "Thank you for writing to us.",
		quote:      "You asked: \"%s\". Yes: we can help with that, and here is how.",
		sign:       "Kind regards,",
		team:       "The Customer Service Team",
		canned:     "Dear Customer,",
		template:   "Thank you for contacting us. Please visit our FAQ page for answers to common questions.",
		signer:     "Sarah Miller",
	},
	"vi": {
		ackSubject: "Chúng tôi đã nhận được tin nhắn của bạn",
		ack:        "Đây là thư xác nhận tự động: chúng tôi đã nhận được tin nhắn của quý khách.",
		promise:    "Chúng tôi sẽ phản hồi trong vòng 24 giờ.",
		ackSign:    "Bộ phận Chăm sóc Khách hàng",
		dear:       "Chào anh/chị %s,",
		thanks:     "Cảm ơn anh/chị đã liên hệ với chúng tôi.",
		quote:      "Anh/chị hỏi: \"%s\". Vâng, chúng tôi có thể hỗ trợ việc này như sau.",
		sign:       "Trân trọng,",
		team:       "Bộ phận Chăm sóc Khách hàng",
		canned:     "Kính gửi Quý khách,",
		template:   "Cảm ơn Quý khách đã liên hệ. Vui lòng xem trang Câu hỏi thường gặp.",
		signer:     "Nguyễn Thị Hương",
	},
	"tr": {
		ackSubject: "Mesajınız alındı",
		ack:        "Bu otomatik bir bilgilendirmedir: mesajınız bize ulaştı.",
		promise:    "Ekibimiz 24 saat içinde size dönüş yapacaktır.",
		ackSign:    "Müşteri Hizmetleri",
		dear:       "Sayın %s,",
		thanks:     "Bize yazdığınız için teşekkür ederiz.",
		quote:      "Sorunuz: \"%s\". Evet, bu konuda size şöyle yardımcı olabiliriz.",
		sign:       "Saygılarımızla,",
		team:       "Müşteri Hizmetleri Ekibi",
		canned:     "Değerli Müşterimiz,",
		template:   "Bizimle iletişime geçtiğiniz için teşekkür ederiz. Sık sorulan sorular sayfamızı inceleyiniz.",
		signer:     "Ayşe Yılmaz",
	},
}

// compose writes the reply rep to the received inquiry r, dated due. It
// returns the reply and the address it is for.
func compose(r Received, rep Reply, due time.Time) ([]byte, string, error) {
	in, err := mail.CreateReader(bytes.NewReader(r.Raw))
	if err != nil {
		return nil, "", fmt.Errorf("desk: read the inquiry: %w", err)
	}
	defer in.Close()
	var to *mail.Address
	for _, key := range []string{"Reply-To", "From"} {
		if as, err := in.Header.AddressList(key); err == nil && len(as) > 0 {
			to = as[0]
			break
		}
	}
	if to == nil {
		return nil, "", fmt.Errorf("desk: the inquiry has no Reply-To or From")
	}
	subject, _ := in.Header.Subject()
	msgID, _ := in.Header.MessageID()
	refs, _ := in.Header.MsgIDList("References")
	question := firstLine(in)

	lang := rep.Language
	if _, ok := phrases[lang]; !ok {
		lang = "en"
	}
	t := phrases[lang]
	company := "support@desk.localhost"
	if len(r.To) > 0 {
		company = r.To[0]
	}
	name := firstName(to.Name, lang)

	var body, subj, fromName string
	switch rep.Kind {
	case AutoAck:
		subj = t.ackSubject + ": " + subject
		body = t.ack + "\n"
		if rep.Promise {
			body += t.promise + "\n"
		}
		body += "\n" + t.ackSign + "\n"
		fromName = t.ackSign
	case Human:
		signer := rep.Signer
		if signer == "" {
			signer = t.signer
		}
		answer := rep.Answer
		if answer == "" {
			answer = fmt.Sprintf(t.quote, question)
		}
		subj = "Re: " + subject
		body = fmt.Sprintf(t.dear, name) + "\n\n" + t.thanks + " " + answer + "\n\n" + t.sign + "\n" + signer + "\n" + t.ackSign + "\n"
		fromName = signer
	case Template:
		subj = "Re: " + subject
		body = t.canned + "\n\n" + t.template + "\n\n" + t.sign + "\n" + t.team + "\n"
		fromName = t.team
	default:
		return nil, "", fmt.Errorf("desk: unknown reply kind %q", rep.Kind)
	}

	charset := strings.ToLower(rep.Charset)
	if charset == "" {
		charset = "utf-8"
	}
	encBody, err := encode(body, charset)
	if err != nil {
		return nil, "", err
	}

	var h mail.Header
	h.SetDate(due)
	h.SetAddressList("From", []*mail.Address{{Name: fromName, Address: company}})
	h.SetAddressList("To", []*mail.Address{to})
	h.SetMessageID(fmt.Sprintf("%s.%d@desk.localhost", inquiry.NewToken(), due.UnixNano()))
	if msgID != "" {
		h.SetMsgIDList("In-Reply-To", []string{msgID})
		h.SetMsgIDList("References", append(refs, msgID))
	}
	if rep.Kind == AutoAck {
		h.Set("Auto-Submitted", "auto-replied")
		h.Set("X-Auto-Response-Suppress", "All")
		h.Set("Precedence", "auto_reply")
	}
	h.Set("MIME-Version", "1.0")
	h.SetContentType("text/plain", map[string]string{"charset": charset})
	h.Set("Content-Transfer-Encoding", "quoted-printable")
	h.Set("Content-Language", lang)
	switch rep.Subject {
	case "b":
		es, err := encode(subj, charset)
		if err != nil {
			return nil, "", err
		}
		h.Set("Subject", mime.BEncoding.Encode(charset, string(es)))
	case "raw":
		h.Set("Subject", subj)
	default:
		h.SetSubject(subj)
	}

	// go-message writes only UTF-8 bodies: the header goes through its
	// textproto, the body through quoted-printable here.
	var buf bytes.Buffer
	if err := textproto.WriteHeader(&buf, h.Header.Header); err != nil {
		return nil, "", fmt.Errorf("desk: write the reply: %w", err)
	}
	qp := quotedprintable.NewWriter(&buf)
	if _, err := qp.Write(encBody); err != nil {
		return nil, "", fmt.Errorf("desk: write the reply: %w", err)
	}
	if err := qp.Close(); err != nil {
		return nil, "", fmt.Errorf("desk: write the reply: %w", err)
	}
	return buf.Bytes(), to.Address, nil
}

// firstLine returns the first non-empty line of the inquiry's text, at
// most 120 characters.
func firstLine(r *mail.Reader) string {
	p, err := r.NextPart()
	if err != nil {
		return ""
	}
	b, _ := io.ReadAll(io.LimitReader(p.Body, 64<<10))
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasSuffix(l, ",") { // skip the greeting
			continue
		}
		if r := []rune(l); len(r) > 120 {
			l = string(r[:120])
		}
		return l
	}
	return ""
}

// firstName is how the reply greets the persona: the whole name, as
// Vietnamese and Turkish greetings and "Dear" use it.
func firstName(name, _ string) string {
	if name = strings.TrimSpace(name); name == "" {
		return "Customer"
	}
	return name
}

// encode writes s in charset. Vietnamese in windows-1258 is written as
// that charset does: a base letter (precomposed where the charset has it,
// as â, ơ, ư) followed by a combining tone mark.
func encode(s, charset string) ([]byte, error) {
	var cm *charmap.Charmap
	switch charset {
	case "utf-8":
		return []byte(s), nil
	case "windows-1258":
		cm = charmap.Windows1258
	case "iso-8859-9":
		cm = charmap.ISO8859_9
	default:
		return nil, fmt.Errorf("desk: unknown charset %q", charset)
	}
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if b, ok := cm.EncodeRune(r); ok {
			out = append(out, b)
			continue
		}
		// Decompose, then take the longest head that the charset has as
		// one letter, and the marks after it one by one.
		d := []rune(norm.NFD.String(string(r)))
		n := len(d)
		for ; n > 1; n-- {
			if c := []rune(norm.NFC.String(string(d[:n]))); len(c) == 1 {
				if _, ok := cm.EncodeRune(c[0]); ok {
					break
				}
			}
		}
		head := []rune(norm.NFC.String(string(d[:n])))
		for _, x := range append(head, d[n:]...) {
			b, ok := cm.EncodeRune(x)
			if !ok {
				b = '?' // as a mail program does with a letter its charset lacks
			}
			out = append(out, b)
		}
	}
	return out, nil
}
