package campaign

import (
	"bytes"
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/shopper-audit/shopper/probes/replies"
)

// DefaultDeadline is how long a company has to answer when the campaign
// file names no deadline.
const DefaultDeadline = 72 * time.Hour

// File is a campaign file: who writes, from which mailbox, what, to whom,
// and how long the companies have to answer. Load reads and checks one.
type File struct {
	// Path is where the file was read from.
	Path string `yaml:"-"`
	// Name identifies the campaign in the store. Default: the file's name
	// without its extension.
	Name string `yaml:"name"`
	// Deadline is how long after sending a human reply is waited for:
	// "72h", "90m" or days, "3d". Default DefaultDeadline.
	Deadline string `yaml:"deadline"`
	// Mailbox is the persona's mailbox: where inquiries are sent from and
	// replies are read.
	Mailbox Mailbox `yaml:"mailbox"`
	// Persona is the customer the inquiries come from.
	Persona Persona `yaml:"persona"`
	// Inquiries are the inquiry templates.
	Inquiries []Template `yaml:"inquiries"`
	// Companies are the companies asked.
	Companies []Company `yaml:"companies"`

	deadline time.Duration
}

// DeadlineDuration is the deadline as a duration.
func (f *File) DeadlineDuration() time.Duration { return f.deadline }

// parseDuration reads "72h", "90m" or a number of days, "3d".
func parseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.ParseFloat(days, 64)
		if err == nil && n > 0 {
			return time.Duration(n * 24 * float64(time.Hour)), nil
		}
	} else if v, err := time.ParseDuration(s); err == nil && v > 0 {
		return v, nil
	}
	return 0, fmt.Errorf("%q is not a positive duration such as 72h or 3d", s)
}

// Mailbox names the servers of the persona's mailbox. Passwords are never
// in the file: they come from SHOPPER_SMTP_PASSWORD and
// SHOPPER_IMAP_PASSWORD or from PasswordFile.
type Mailbox struct {
	// Username logs in to both servers unless each names its own.
	Username string `yaml:"username"`
	// PasswordFile holds the password of both servers (first line),
	// relative to the campaign file, used when the environment gives none.
	PasswordFile string `yaml:"password_file"`
	// SMTP is the submission server inquiries are sent through.
	SMTP Server `yaml:"smtp"`
	// IMAP is the server replies are read from.
	IMAP Server `yaml:"imap"`
	// Password is refused: it is here only to say so clearly.
	Password any `yaml:"password"`
}

// Server is a mail server.
type Server struct {
	// Host and Port locate the server. Port defaults to 587 (SMTP
	// starttls), 465 (SMTP tls), 143 (IMAP starttls) or 993 (IMAP tls).
	Host string `yaml:"host"`
	Port int    `yaml:"port"`
	// Security is starttls (default), tls or none (loopback only).
	Security string `yaml:"security"`
	// Username overrides Mailbox.Username for this server.
	Username string `yaml:"username"`
	// PasswordFile overrides Mailbox.PasswordFile for this server.
	PasswordFile string `yaml:"password_file"`
	// CAFile is a PEM file of certificate authorities to trust besides
	// the system's, relative to the campaign file.
	CAFile string `yaml:"ca_file"`
	// Inbox is the IMAP folder replies arrive in. Default INBOX.
	Inbox string `yaml:"inbox"`
	// Sent is the IMAP folder a copy of each inquiry is kept in, and where
	// an interrupted send is looked for. Default Sent.
	Sent string `yaml:"sent"`
	// Password is refused: it is here only to say so clearly.
	Password any `yaml:"password"`
}

// Addr is host:port.
func (s Server) Addr() string { return joinHostPort(s.Host, s.Port) }

// Persona is the customer the inquiries come from.
type Persona struct {
	Name  string `yaml:"name"`
	Email string `yaml:"email"`
	Phone string `yaml:"phone"`
}

// Template is one inquiry: its subject and body are text/template texts
// filled with Fields.
type Template struct {
	// ID names the template; companies refer to it.
	ID string `yaml:"id"`
	// Subject and Body may use {{.Company}}, {{.URL}}, {{.Persona.Name}},
	// {{.Persona.Email}} and {{.Persona.Phone}}.
	Subject string `yaml:"subject"`
	Body    string `yaml:"body"`
	// MustAddress lists the points a good answer must address; a point
	// may give words that count for it separated by "|"
	// ("refund|money back|hoàn tiền|iade").
	MustAddress []string `yaml:"must_address"`
	// Language is the inquiry's language tag (en, vi, tr, ...). Default en.
	Language string `yaml:"language"`

	subject, body *template.Template
}

// Fields are what a template's placeholders are filled with.
type Fields struct {
	Company string
	URL     string
	Persona Persona
}

// Company is one company asked.
type Company struct {
	Name string `yaml:"name"`
	// URL is the company's website, audited to find where to write.
	URL string `yaml:"url"`
	// Channel is email or form. Default: email when an address is given or
	// found, else form.
	Channel string `yaml:"channel"`
	// To is the address (email) or the form page (form). Default: found by
	// the audit.
	To string `yaml:"to"`
	// Inquiries are the templates sent to the company. Default: the first.
	Inquiries []string `yaml:"inquiries"`
	// TimeZone is an IANA zone name for Hours. Default UTC.
	TimeZone string `yaml:"timezone"`
	// Hours are the business hours, "Mon-Fri 09:00-17:00". Default
	// Mon-Fri 09:00-17:00.
	Hours string `yaml:"hours"`

	hours replies.BusinessHours
}

// BusinessHours returns the company's business hours, counted by
// replies.BusinessHours.
func (c Company) BusinessHours() replies.BusinessHours { return c.hours }

// Template returns the template with the given id.
func (f *File) Template(id string) (*Template, bool) {
	for i := range f.Inquiries {
		if f.Inquiries[i].ID == id {
			return &f.Inquiries[i], true
		}
	}
	return nil, false
}

// Render fills the template's subject and body.
func (t *Template) Render(v Fields) (subject, body string, err error) {
	var s, b bytes.Buffer
	if err := t.subject.Execute(&s, v); err != nil {
		return "", "", fmt.Errorf("inquiry %s subject: %w", t.ID, err)
	}
	if err := t.body.Execute(&b, v); err != nil {
		return "", "", fmt.Errorf("inquiry %s body: %w", t.ID, err)
	}
	return strings.TrimSpace(s.String()), b.String(), nil
}

// Load reads and checks a campaign file. A file that cannot be used is
// reported in one sentence naming the file, the line and the field.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read campaign file: %w", err)
	}
	return Parse(path, data)
}

// Parse checks a campaign file's text; path names it in errors and
// anchors relative file names.
func Parse(path string, data []byte) (*File, error) {
	f := &File{Path: path}
	if err := yaml.UnmarshalWithOptions(data, f, yaml.DisallowUnknownField()); err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil {
			return nil, fmt.Errorf("%s:%d: %s", path, ye.GetToken().Position.Line, yamlMessage(ye))
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	doc, _ := parser.ParseBytes(data, 0)
	if p := f.check(); p != nil {
		return nil, fmt.Errorf("%s:%d: %s: %s", path, lineOf(doc, p.path, p.sub), p.field, p.msg)
	}
	return f, nil
}

func yamlMessage(e yaml.Error) string {
	msg := e.GetMessage()
	if _, ok := e.(*yaml.UnknownFieldError); ok {
		if tk := e.GetToken(); tk != nil {
			if tk.Value == "password" {
				return "password: passwords are never read from the campaign file; set SHOPPER_SMTP_PASSWORD and SHOPPER_IMAP_PASSWORD or name a password_file"
			}
			return fmt.Sprintf("%s: unknown field; see examples/campaign.yaml for the fields", tk.Value)
		}
	}
	return msg
}

// problem is what is wrong with a field at a YAML path.
// sub, when not zero, is the line within a multi-line value.
type problem struct {
	path, field, msg string
	sub              int
}

func bad(path, field, format string, args ...any) *problem {
	return &problem{path: path, field: field, msg: fmt.Sprintf(format, args...)}
}

// lineOf finds the line of the node at a YAML path, or of its nearest
// ancestor that exists.
func lineOf(doc *ast.File, path string, sub int) int {
	if doc == nil {
		return 1
	}
	for p := path; p != ""; {
		if yp, err := yaml.PathString(p); err == nil {
			if n, err := yp.FilterFile(doc); err == nil && n != nil && n.GetToken() != nil {
				line := n.GetToken().Position.Line
				if sub > 0 && p == path {
					if _, block := n.(*ast.LiteralNode); block {
						return line + sub // the text starts below "|"
					}
					return line + sub - 1
				}
				return line
			}
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 0 {
			break
		}
		p = p[:i]
	}
	return 1
}

func (f *File) check() *problem {
	if f.Name == "" {
		f.Name = strings.TrimSuffix(filepath.Base(f.Path), filepath.Ext(f.Path))
	}
	f.deadline = DefaultDeadline
	if f.Deadline != "" {
		d, err := parseDuration(f.Deadline)
		if err != nil {
			return bad("$.deadline", "deadline", "%v", err)
		}
		f.deadline = d
	}
	if f.Mailbox.Password != nil {
		return bad("$.mailbox.password", "mailbox.password", "passwords are never read from the campaign file; set SHOPPER_SMTP_PASSWORD and SHOPPER_IMAP_PASSWORD or name a password_file")
	}
	for _, s := range []struct {
		name  string
		srv   *Server
		tls   int
		plain int
	}{{"smtp", &f.Mailbox.SMTP, 465, 587}, {"imap", &f.Mailbox.IMAP, 993, 143}} {
		at := "$.mailbox." + s.name
		if s.srv.Password != nil {
			return bad(at+".password", "mailbox."+s.name+".password", "passwords are never read from the campaign file; set SHOPPER_%s_PASSWORD or name a password_file", strings.ToUpper(s.name))
		}
		if s.srv.Host == "" {
			return bad(at, "mailbox."+s.name+".host", "missing: name the %s server", strings.ToUpper(s.name))
		}
		switch s.srv.Security {
		case "":
			s.srv.Security = "starttls"
		case "starttls", "tls", "none":
		default:
			return bad(at+".security", "mailbox."+s.name+".security", "%q is not starttls, tls or none", s.srv.Security)
		}
		if s.srv.Port == 0 {
			s.srv.Port = s.plain
			if s.srv.Security == "tls" {
				s.srv.Port = s.tls
			}
		} else if s.srv.Port < 0 || s.srv.Port > 65535 {
			return bad(at+".port", "mailbox."+s.name+".port", "%d is not a port number", s.srv.Port)
		}
		if s.srv.Username == "" {
			s.srv.Username = f.Mailbox.Username
		}
		if s.srv.Username == "" {
			return bad(at, "mailbox.username", "missing: name the account that logs in to the %s server", strings.ToUpper(s.name))
		}
		if s.srv.PasswordFile == "" {
			s.srv.PasswordFile = f.Mailbox.PasswordFile
		}
		s.srv.PasswordFile = f.rel(s.srv.PasswordFile)
		s.srv.CAFile = f.rel(s.srv.CAFile)
	}
	if f.Mailbox.IMAP.Inbox == "" {
		f.Mailbox.IMAP.Inbox = "INBOX"
	}
	if f.Mailbox.IMAP.Sent == "" {
		f.Mailbox.IMAP.Sent = "Sent"
	}
	if f.Persona.Name == "" {
		return bad("$.persona", "persona.name", "missing: name the customer the inquiries come from")
	}
	if a, err := mail.ParseAddress(f.Persona.Email); err != nil || a.Address != f.Persona.Email {
		return bad("$.persona.email", "persona.email", "%q is not a bare e-mail address such as jo@example.net", f.Persona.Email)
	}
	if len(f.Inquiries) == 0 {
		return bad("$.inquiries", "inquiries", "missing: write at least one inquiry")
	}
	sample := Fields{Company: "Example Ltd", URL: "https://www.example.com", Persona: f.Persona}
	seen := map[string]bool{}
	for i := range f.Inquiries {
		t := &f.Inquiries[i]
		at := fmt.Sprintf("$.inquiries[%d]", i)
		field := fmt.Sprintf("inquiries[%d]", i)
		switch {
		case t.ID == "":
			return bad(at, field+".id", "missing: give the inquiry an id")
		case seen[t.ID]:
			return bad(at+".id", field+".id", "%q is used twice", t.ID)
		case strings.TrimSpace(t.Subject) == "":
			return bad(at, field+".subject", "missing")
		case strings.TrimSpace(t.Body) == "":
			return bad(at, field+".body", "missing")
		}
		seen[t.ID] = true
		if t.Language == "" {
			t.Language = "en"
		}
		var err error
		if t.subject, err = template.New("subject").Option("missingkey=error").Parse(t.Subject); err != nil {
			return templateProblem(at+".subject", field+".subject", err)
		}
		if t.body, err = template.New("body").Option("missingkey=error").Parse(t.Body); err != nil {
			return templateProblem(at+".body", field+".body", err)
		}
		var sink bytes.Buffer
		if err := t.subject.Execute(&sink, sample); err != nil {
			return templateProblem(at+".subject", field+".subject", err)
		}
		if err := t.body.Execute(&sink, sample); err != nil {
			return templateProblem(at+".body", field+".body", err)
		}
	}
	if len(f.Companies) == 0 {
		return bad("$.companies", "companies", "missing: name at least one company")
	}
	names := map[string]bool{}
	for i := range f.Companies {
		c := &f.Companies[i]
		at := fmt.Sprintf("$.companies[%d]", i)
		field := fmt.Sprintf("companies[%d]", i)
		if c.Name == "" {
			return bad(at, field+".name", "missing")
		}
		if names[c.Name] {
			return bad(at+".name", field+".name", "%q is used twice", c.Name)
		}
		names[c.Name] = true
		if c.URL == "" && c.To == "" {
			return bad(at, field+".url", "missing: give the website to audit, or the address to write to")
		}
		if c.URL != "" {
			u, err := url.Parse(c.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return bad(at+".url", field+".url", "%q is not an http(s) address", c.URL)
			}
		}
		switch c.Channel {
		case "", "email", "form":
		default:
			return bad(at+".channel", field+".channel", "%q is not email or form", c.Channel)
		}
		if c.To != "" {
			isMail := !strings.Contains(c.To, "://")
			if c.Channel == "" {
				c.Channel = "form"
				if isMail {
					c.Channel = "email"
				}
			}
			if c.Channel == "email" {
				if a, err := mail.ParseAddress(c.To); err != nil || a.Address != c.To {
					return bad(at+".to", field+".to", "%q is not a bare e-mail address", c.To)
				}
			} else if u, err := url.Parse(c.To); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return bad(at+".to", field+".to", "%q is not the http(s) address of a form page", c.To)
			}
		}
		if len(c.Inquiries) == 0 {
			c.Inquiries = []string{f.Inquiries[0].ID}
		}
		for j, id := range c.Inquiries {
			if _, ok := f.Template(id); !ok {
				return bad(fmt.Sprintf("%s.inquiries[%d]", at, j), fmt.Sprintf("%s.inquiries[%d]", field, j), "no inquiry has the id %q", id)
			}
		}
		loc := time.UTC
		if c.TimeZone != "" {
			l, err := time.LoadLocation(c.TimeZone)
			if err != nil {
				return bad(at+".timezone", field+".timezone", "%q is not a time zone such as Europe/London", c.TimeZone)
			}
			loc = l
		}
		h, err := ParseHours(c.Hours)
		if err != nil {
			return bad(at+".hours", field+".hours", "%v", err)
		}
		h.Location = loc
		c.hours = h
	}
	return nil
}

var templatePos = regexp.MustCompile(`^template: \w+:(\d+):(?:\d+:)? (?:executing "\w+" at <[^>]*>: )?(.*)$`)

// templateProblem turns a text/template error into a problem at the line
// of the placeholder.
func templateProblem(path, field string, err error) *problem {
	p := bad(path, field, "bad placeholder: %v (the placeholders are {{.Company}}, {{.URL}}, {{.Persona.Name}}, {{.Persona.Email}} and {{.Persona.Phone}})", err)
	if m := templatePos.FindStringSubmatch(err.Error()); m != nil {
		p.sub, _ = strconv.Atoi(m[1])
		p.msg = "bad placeholder: " + m[2] + " (the placeholders are {{.Company}}, {{.URL}}, {{.Persona.Name}}, {{.Persona.Email}} and {{.Persona.Phone}})"
	}
	return p
}

func (f *File) rel(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(f.Path), p)
}

var dayNames = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

// ParseHours reads business hours such as "Mon-Fri 09:00-17:00" or
// "Mon-Sat 08:30-18:00" ("Mon,Wed,Fri 10:00-16:00" also works); empty
// means Mon-Fri 09:00-17:00. The location is left for the caller.
func ParseHours(s string) (replies.BusinessHours, error) {
	if strings.TrimSpace(s) == "" {
		s = "Mon-Fri 09:00-17:00"
	}
	fail := fmt.Errorf("%q is not business hours such as \"Mon-Fri 09:00-17:00\"", s)
	parts := strings.Fields(s)
	if len(parts) != 2 {
		return replies.BusinessHours{}, fail
	}
	var h replies.BusinessHours
	for _, r := range strings.Split(strings.ToLower(parts[0]), ",") {
		from, to, isRange := strings.Cut(r, "-")
		a, ok1 := dayNames[from]
		b, ok2 := a, true
		if isRange {
			b, ok2 = dayNames[to]
		}
		if !ok1 || !ok2 {
			return replies.BusinessHours{}, fail
		}
		for d := a; ; d = (d + 1) % 7 {
			h.Days = append(h.Days, d)
			if d == b {
				break
			}
		}
	}
	open, close, ok := strings.Cut(parts[1], "-")
	if !ok {
		return replies.BusinessHours{}, fail
	}
	var err1, err2 error
	h.Open, err1 = clock(open)
	h.Close, err2 = clock(close)
	if err1 != nil || err2 != nil || h.Close <= h.Open {
		return replies.BusinessHours{}, fail
	}
	return h, nil
}

func clock(s string) (time.Duration, error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, err
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

func joinHostPort(host string, port int) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]:" + strconv.Itoa(port)
	}
	return host + ":" + strconv.Itoa(port)
}
