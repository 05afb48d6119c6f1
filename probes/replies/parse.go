package replies

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/unicode/norm"
)

// Limits on what is read from one message. Anything beyond them is cut
// and recorded in Message.Problems.
const (
	// MaxText is the most bytes of text kept in Message.Text, and the most
	// bytes of one text part fetched from the server.
	MaxText = 256 << 10
	// MaxHeader is the most bytes of the header block read.
	MaxHeader = 256 << 10
	// maxHeaderValue is the most bytes kept of one header field.
	maxHeaderValue = 8 << 10
	// maxParts bounds the MIME parts walked and maxDepth their nesting.
	maxParts = 200
	maxDepth = 16
	// maxTextParts is the most text parts decoded from one message.
	maxTextParts = 8
)

// Message is one message read from the mailbox: its addressing headers,
// decoded text and what was wrong with it. It never holds attachments.
type Message struct {
	// UID is the message's IMAP UID in the watched folder, 0 from Parse.
	UID uint32
	// MessageID is the Message-ID without angle brackets ("" if none).
	MessageID string
	// InReplyTo is the first In-Reply-To message ID, without brackets.
	InReplyTo string
	// References lists the References message IDs, without brackets.
	References []string
	// From is the sender's address and FromName its display name.
	From, FromName string
	// To and Cc are the recipients' addresses.
	To, Cc []string
	// Subject is decoded (RFC 2047 encoded words) to UTF-8.
	Subject string
	// Date is the Date header (zero if missing or unreadable).
	Date time.Time
	// Received is when the message landed, as Watch measures it: never
	// early and at most a second late, whether the message is read as it
	// arrives or found after a restart. IMAP's INTERNALDATE counts whole
	// seconds, so the message landed within the second it names, and not
	// after the moment Watch read it: Received is that moment when it
	// falls within the second, else the second's end (a message read
	// later, e.g. after a restart), else InternalDate itself (the clocks
	// of server and reader disagree). Reply times measured from a sending
	// time with fractions are thus never short. Zero from Parse, and when
	// the server gave no INTERNALDATE.
	Received time.Time
	// InternalDate is the server's INTERNALDATE, whole seconds; zero
	// from Parse.
	InternalDate time.Time
	// Header holds selected header fields (decoded, canonical keys): those
	// that identify automatic replies, delivery and threading.
	Header map[string][]string
	// Text is the decoded text of the message's text parts (text/plain
	// preferred over text/html in alternatives, HTML turned into text,
	// quoted lines of HTML blockquotes marked with "> "), UTF-8, NFC, at
	// most MaxText bytes.
	Text string
	// Problems says in plain words what was malformed or cut.
	Problems []string
	// DedupeKey identifies the message across UIDVALIDITY changes and
	// folders: "mid:" and the Message-ID, or, without one, "hdr:" and a
	// hash of the raw header block.
	DedupeKey string
}

// keptHeaders are the header fields copied into Message.Header.
var keptHeaders = []string{
	"Auto-Submitted", "X-Autoreply", "X-Autorespond", "X-Autoresponder",
	"X-Auto-Response-Suppress", "Precedence", "Delivered-To", "X-Original-To",
	"Envelope-To", "Reply-To", "Return-Path", "List-Id", "List-Unsubscribe",
	"Cc", "X-Mailer", "Content-Type", "Content-Language", "X-Ticket-Id",
	"X-Zendesk-From-Account-Id", "X-Freshdesk-Ticket-Id",
}

type field struct{ key, value string }

// problems collects unique problem descriptions.
type problems []string

func (p *problems) add(format string, a ...any) {
	s := fmt.Sprintf(format, a...)
	for _, q := range *p {
		if q == s {
			return
		}
	}
	if len(*p) < 50 {
		*p = append(*p, s)
	}
}

// parseHeader reads a header block leniently: unfolds continuation lines,
// skips lines that are not fields, strips NULs and cuts long values.
func parseHeader(b []byte, pr *problems) []field {
	if len(b) > MaxHeader {
		b = b[:MaxHeader]
		pr.add("header longer than %d bytes, cut", MaxHeader)
	}
	if bytes.IndexByte(b, 0) >= 0 {
		b = bytes.ReplaceAll(b, []byte{0}, nil)
		pr.add("NUL bytes in the header")
	}
	var fields []field
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			if n := len(fields); n > 0 {
				if len(fields[n-1].value) < maxHeaderValue {
					fields[n-1].value += " " + strings.TrimSpace(line)
				}
				continue
			}
			pr.add("header starts with a continuation line")
			continue
		}
		i := strings.IndexByte(line, ':')
		if i <= 0 || strings.ContainsAny(line[:i], " \t") {
			pr.add("header line without a field name: %q", clip(line, 40))
			continue
		}
		if len(fields) >= 1000 {
			pr.add("more than 1000 header fields, the rest ignored")
			break
		}
		fields = append(fields, field{textproto.CanonicalMIMEHeaderKey(line[:i]), strings.TrimSpace(line[i+1:])})
	}
	for i := range fields {
		if len(fields[i].value) > maxHeaderValue {
			pr.add("%s header longer than %d bytes, cut", fields[i].key, maxHeaderValue)
			fields[i].value = truncUTF8(fields[i].value, maxHeaderValue)
		}
	}
	return fields
}

func headerGet(fields []field, key string) string {
	for _, f := range fields {
		if f.key == key {
			return f.value
		}
	}
	return ""
}

var wordDecoder = &mime.WordDecoder{CharsetReader: charsetReader}

func charsetReader(label string, r io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unknown charset %q", clip(label, 40))
	}
	return enc.NewDecoder().Reader(r), nil
}

// decodeText decodes encoded words in a header value and makes it valid,
// NFC UTF-8.
func decodeText(key, v string, pr *problems) string {
	out, err := wordDecoder.DecodeHeader(v)
	if err != nil {
		pr.add("undecodable encoded words in %s: %v", key, err)
		out = v
	}
	if !utf8.ValidString(out) {
		pr.add("%s header is not valid UTF-8", key)
		out = strings.ToValidUTF8(out, "\uFFFD")
	}
	return norm.NFC.String(out)
}

var (
	angleIDRE = regexp.MustCompile(`<([^<>\s]{1,500})>`)
	emailRE   = regexp.MustCompile(`[^\s<>,;:"()\[\]]{1,200}@[^\s<>,;:"()\[\]]{1,200}`)
)

// messageIDs returns the message IDs in a header value, without brackets.
func messageIDs(v string) []string {
	var ids []string
	for _, m := range angleIDRE.FindAllStringSubmatch(v, 100) {
		ids = append(ids, m[1])
	}
	if len(ids) == 0 {
		if f := strings.Fields(v); len(f) == 1 && strings.Contains(f[0], "@") {
			ids = append(ids, strings.Trim(f[0], "<>"))
		}
	}
	return ids
}

// addresses reads an address list leniently: when it does not parse,
// anything shaped like an address is taken.
func addresses(key, v string, pr *problems) (addrs []string, names []string) {
	if strings.TrimSpace(v) == "" {
		return nil, nil
	}
	p := mail.AddressParser{WordDecoder: wordDecoder}
	list, err := p.ParseList(v)
	if err == nil {
		for _, a := range list {
			addrs = append(addrs, strings.ToLower(a.Address))
			names = append(names, norm.NFC.String(strings.ToValidUTF8(a.Name, "\uFFFD")))
		}
		return addrs, names
	}
	pr.add("malformed %s header", key)
	for _, a := range emailRE.FindAllString(v, 50) {
		addrs = append(addrs, strings.ToLower(strings.Trim(a, ".")))
		names = append(names, "")
	}
	return addrs, names
}

// fillHeader sets m's header-derived fields from a raw header block.
func fillHeader(m *Message, raw []byte, pr *problems) []field {
	fields := parseHeader(raw, pr)
	ids := messageIDs(headerGet(fields, "Message-Id"))
	if len(ids) > 0 {
		m.MessageID = ids[0]
	}
	if ids := messageIDs(headerGet(fields, "In-Reply-To")); len(ids) > 0 {
		m.InReplyTo = ids[0]
	}
	m.References = messageIDs(headerGet(fields, "References"))
	if from, names := addresses("From", headerGet(fields, "From"), pr); len(from) > 0 {
		m.From, m.FromName = from[0], names[0]
	}
	for _, f := range fields {
		switch f.key {
		case "To":
			a, _ := addresses("To", f.value, pr)
			m.To = append(m.To, a...)
		case "Cc":
			a, _ := addresses("Cc", f.value, pr)
			m.Cc = append(m.Cc, a...)
		}
	}
	m.Subject = decodeText("Subject", headerGet(fields, "Subject"), pr)
	if d := headerGet(fields, "Date"); d != "" {
		t, err := mail.ParseDate(d)
		if err != nil {
			pr.add("unreadable Date header")
		} else {
			m.Date = t
		}
	}
	m.Header = map[string][]string{}
	for _, f := range fields {
		for _, k := range keptHeaders {
			if f.key == k && len(m.Header[k]) < 20 {
				m.Header[k] = append(m.Header[k], decodeText(k, f.value, pr))
			}
		}
	}
	if m.MessageID != "" {
		m.DedupeKey = "mid:" + m.MessageID
	} else {
		sum := sha256.Sum256(raw)
		m.DedupeKey = "hdr:" + hex.EncodeToString(sum[:16])
	}
	return fields
}

// part is one MIME part, from a BODYSTRUCTURE or from parsing raw bytes.
type part struct {
	mediaType   string // lower case, e.g. "text/plain"
	params      map[string]string
	encoding    string
	disposition string
	filename    string
	path        []int // IMAP section
	children    []*part
	body        []byte // raw body (Parse only)
}

// textParts picks the parts whose text a reader sees: in alternatives the
// plain part (else the HTML), in other multiparts every inline text part;
// never attachments or attached messages.
func textParts(p *part) []*part {
	var out []*part
	var walk func(p *part, depth int)
	walk = func(p *part, depth int) {
		if len(out) >= maxTextParts || depth > maxDepth {
			return
		}
		switch {
		case strings.HasPrefix(p.mediaType, "multipart/"):
			if p.mediaType == "multipart/alternative" {
				var best *part
				for _, c := range p.children {
					if c.mediaType == "text/plain" && isInline(c) {
						best = c
						break
					}
					if best == nil && hasText(c, depth+1) {
						best = c
					}
				}
				if best != nil {
					walk(best, depth+1)
				}
				return
			}
			for _, c := range p.children {
				walk(c, depth+1)
			}
		case (p.mediaType == "text/plain" || p.mediaType == "text/html") && isInline(p):
			out = append(out, p)
		}
	}
	walk(p, 0)
	return out
}

func isInline(p *part) bool {
	return p.disposition != "attachment" && p.filename == ""
}

func hasText(p *part, depth int) bool {
	if depth > maxDepth {
		return false
	}
	if p.mediaType == "text/plain" || p.mediaType == "text/html" {
		return isInline(p)
	}
	for _, c := range p.children {
		if hasText(c, depth+1) {
			return true
		}
	}
	return false
}

// decodePart turns a text part's raw body into clean UTF-8 text.
func decodePart(p *part, raw []byte, truncated bool, pr *problems) string {
	var data []byte
	switch enc := strings.ToLower(strings.TrimSpace(p.encoding)); enc {
	case "base64":
		data = decodeBase64(raw, truncated, pr)
	case "quoted-printable":
		var err error
		data, err = io.ReadAll(quotedprintable.NewReader(bytes.NewReader(raw)))
		if err != nil && !truncated {
			pr.add("malformed quoted-printable text: %v", err)
		}
	case "", "7bit", "8bit", "binary":
		data = raw
	default:
		pr.add("unknown transfer encoding %q", clip(enc, 40))
		data = raw
	}
	if bytes.IndexByte(data, 0) >= 0 {
		data = bytes.ReplaceAll(data, []byte{0}, nil)
		pr.add("NUL bytes in the text")
	}
	cs := strings.ToLower(strings.Trim(strings.TrimSpace(p.params["charset"]), `"`))
	var s string
	switch cs {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		if !utf8.Valid(data) {
			pr.add("text is not valid %s", orDefault(cs, "UTF-8"))
			s = strings.ToValidUTF8(string(data), "\uFFFD")
		} else {
			s = string(data)
		}
	default:
		enc, err := htmlindex.Get(cs)
		if err != nil {
			pr.add("unknown charset %q, read as UTF-8", clip(cs, 40))
			s = strings.ToValidUTF8(string(data), "\uFFFD")
			break
		}
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			pr.add("text does not decode as %s", cs)
			out = []byte(strings.ToValidUTF8(string(data), "\uFFFD"))
		}
		s = string(out)
	}
	if p.mediaType == "text/html" {
		s = htmlText(s)
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return norm.NFC.String(s)
}

func decodeBase64(raw []byte, truncated bool, pr *problems) []byte {
	clean := make([]byte, 0, len(raw))
	bad := false
	for _, c := range raw {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
			clean = append(clean, c)
		case c == '=' || c == '\r' || c == '\n' || c == ' ' || c == '\t':
		default:
			bad = true
		}
	}
	if bad {
		pr.add("stray characters in base64 text")
	}
	if n := len(clean) % 4; n != 0 {
		if !truncated {
			pr.add("base64 text of odd length")
		}
		clean = clean[:len(clean)-n]
	}
	out := make([]byte, base64.StdEncoding.DecodedLen(len(clean)))
	n, err := base64.StdEncoding.Decode(out, clean)
	if err != nil {
		pr.add("malformed base64 text")
	}
	return out[:n]
}

// htmlText turns HTML into plain text: block elements end lines, script
// and style are dropped, and blockquote lines are prefixed with "> ".
func htmlText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	quote, skip := 0, 0
	lineStart, space := true, false
	newline := func() {
		space = false
		if !lineStart {
			b.WriteByte('\n')
			lineStart = true
		}
	}
	for b.Len() < 4*MaxText {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.TrimSpace(b.String())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch tag {
			case "script", "style", "head", "title":
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case "blockquote":
				newline()
				if tt == html.StartTagToken {
					quote++
				} else if tt == html.EndTagToken && quote > 0 {
					quote--
				}
			case "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr":
				if tag == "br" && lineStart {
					b.WriteByte('\n')
				}
				newline()
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			raw := string(z.Text())
			t := strings.Join(strings.Fields(raw), " ")
			if t == "" {
				space = space || raw != ""
				continue
			}
			if lineStart {
				if quote > 0 {
					b.WriteString(strings.Repeat(">", quote) + " ")
				}
				lineStart = false
			} else if space || unicode.IsSpace(rune(raw[0])) {
				b.WriteByte(' ')
			}
			b.WriteString(t)
			space = unicode.IsSpace(rune(raw[len(raw)-1]))
		}
	}
	return strings.TrimSpace(b.String())
}

// joinText joins decoded parts and caps the result at MaxText bytes.
func joinText(texts []string, pr *problems) string {
	s := strings.TrimSpace(strings.Join(texts, "\n\n"))
	if len(s) > MaxText {
		pr.add("text longer than %d bytes, cut", MaxText)
		s = truncUTF8(s, MaxText)
	}
	return s
}

// Parse reads a raw RFC 5322 message the way Watch reads one from the
// server: headers, the text of its text parts, and what was malformed. It
// never fails: anything unreadable is recorded in Problems. UID and
// Received are left zero.
func Parse(raw []byte) Message {
	var pr problems
	var m Message
	head, body := splitHeader(raw)
	fields := fillHeader(&m, head, &pr)
	root := &part{}
	parts := 0
	parseEntity(root, fields, body, nil, 0, &parts, &pr)
	var texts []string
	for _, p := range textParts(root) {
		b := p.body
		truncated := false
		if len(b) > MaxText {
			b, truncated = b[:MaxText], true
		}
		texts = append(texts, decodePart(p, b, truncated, &pr))
	}
	m.Text = joinText(texts, &pr)
	m.Problems = pr
	return m
}

// splitHeader splits raw at the first empty line.
func splitHeader(raw []byte) (head, body []byte) {
	for i := 0; i < len(raw); {
		j := bytes.IndexByte(raw[i:], '\n')
		if j < 0 {
			return raw, nil
		}
		line := raw[i : i+j]
		if len(bytes.TrimRight(line, "\r")) == 0 {
			return raw[:i], raw[i+j+1:]
		}
		i += j + 1
	}
	return raw, nil
}

// parseEntity fills p from a MIME entity's header fields and body.
func parseEntity(p *part, fields []field, body []byte, path []int, depth int, count *int, pr *problems) {
	*count++
	p.path = path
	ct := headerGet(fields, "Content-Type")
	p.mediaType, p.params = "text/plain", map[string]string{}
	if ct != "" {
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil && mt == "" {
			pr.add("malformed Content-Type %q, read as text/plain", clip(ct, 60))
		} else {
			if err != nil {
				pr.add("malformed Content-Type parameters in %q", clip(ct, 60))
			}
			p.mediaType = strings.ToLower(mt)
			if params != nil {
				p.params = params
			}
		}
	}
	p.encoding = headerGet(fields, "Content-Transfer-Encoding")
	if cd := headerGet(fields, "Content-Disposition"); cd != "" {
		d, params, _ := mime.ParseMediaType(cd)
		p.disposition = strings.ToLower(d)
		p.filename = params["filename"]
		if p.disposition == "" && strings.Contains(strings.ToLower(cd), "attachment") {
			p.disposition = "attachment"
		}
	}
	if p.filename == "" {
		p.filename = p.params["name"]
	}
	if !strings.HasPrefix(p.mediaType, "multipart/") {
		p.body = body
		return
	}
	boundary := p.params["boundary"]
	if boundary == "" {
		pr.add("multipart without a boundary, read as text")
		p.mediaType = "text/plain"
		p.body = body
		return
	}
	if depth >= maxDepth {
		pr.add("MIME parts nested deeper than %d, the rest ignored", maxDepth)
		return
	}
	chunks, closed := splitMultipart(body, boundary)
	if !closed {
		pr.add("multipart without its closing boundary")
	}
	for i, c := range chunks {
		if *count >= maxParts {
			pr.add("more than %d MIME parts, the rest ignored", maxParts)
			return
		}
		h, b := splitHeader(c)
		if !bytes.Contains(c, []byte("\n")) {
			h, b = nil, c
		}
		child := &part{}
		var cp problems
		cf := parseHeader(h, &cp)
		for _, q := range cp {
			pr.add("part %d: %s", i+1, q)
		}
		parseEntity(child, cf, b, append(append([]int(nil), path...), i+1), depth+1, count, pr)
		p.children = append(p.children, child)
	}
}

// splitMultipart returns the bodies between boundary lines, tolerating a
// missing closing boundary.
func splitMultipart(body []byte, boundary string) (chunks [][]byte, closed bool) {
	delim := []byte("--" + boundary)
	var cur []byte
	in := false
	start := 0
	for i := 0; i <= len(body); {
		j := bytes.IndexByte(body[i:], '\n')
		end := i + j
		if j < 0 {
			end = len(body)
		}
		line := bytes.TrimRight(body[i:end], "\r \t")
		if bytes.HasPrefix(line, delim) {
			rest := line[len(delim):]
			if in {
				cur = body[start:max(start, i-1)]
				cur = bytes.TrimSuffix(cur, []byte("\r"))
				chunks = append(chunks, cur)
			}
			if bytes.Equal(rest, []byte("--")) {
				return chunks, true
			}
			if len(rest) == 0 {
				in = true
				start = end + 1
			}
		}
		if j < 0 {
			break
		}
		i = end + 1
	}
	if in && start <= len(body) {
		chunks = append(chunks, body[start:])
	}
	return chunks, false
}

func truncUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "?")
	if len(s) <= n {
		return s
	}
	return truncUTF8(s, n) + "…"
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
