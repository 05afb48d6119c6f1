package campaign

import (
	"strings"
	"testing"
	"time"
)

const goodFile = `name: spring
mailbox:
  username: jo@example.net
  smtp:
    host: 127.0.0.1
    port: 2525
  imap:
    host: 127.0.0.1
    security: tls
persona:
  name: Jo Bloggs
  email: jo@example.net
  phone: "+44 20 7946 0000"
inquiries:
  - id: returns
    subject: Returning a chair to {{.Company}}
    body: |
      Hello,
      I bought a chair. How do I return it?
      {{.Persona.Name}}
    must_address: [refund, label]
companies:
  - name: Acme
    url: https://acme.example
    timezone: Europe/London
    hours: Mon-Sat 08:30-18:00
  - name: Beta
    to: help@beta.example
`

func TestParseFillsDefaults(t *testing.T) {
	f, err := Parse("c.yaml", []byte(goodFile))
	if err != nil {
		t.Fatal(err)
	}
	if f.DeadlineDuration() != DefaultDeadline {
		t.Errorf("deadline %v, want %v", f.DeadlineDuration(), DefaultDeadline)
	}
	smtp, imap := f.Mailbox.SMTP, f.Mailbox.IMAP
	if smtp.Security != "starttls" || smtp.Port != 2525 || smtp.Username != "jo@example.net" {
		t.Errorf("smtp = %+v", smtp)
	}
	if imap.Port != 993 || imap.Inbox != "INBOX" || imap.Sent != "Sent" {
		t.Errorf("imap = %+v", imap)
	}
	if c := f.Companies[1]; c.Channel != "email" || len(c.Inquiries) != 1 || c.Inquiries[0] != "returns" {
		t.Errorf("company defaults: %+v", c)
	}
	h := f.Companies[0].BusinessHours()
	if h.Location.String() != "Europe/London" || len(h.Days) != 6 || h.Open != 8*time.Hour+30*time.Minute || h.Close != 18*time.Hour {
		t.Errorf("hours = %+v", h)
	}
	subj, body, err := f.Inquiries[0].Render(Fields{Company: "Acme", Persona: f.Persona})
	if err != nil || subj != "Returning a chair to Acme" || !strings.HasSuffix(body, "Jo Bloggs\n") {
		t.Errorf("Render = %q, %q, %v", subj, body, err)
	}
}

func TestParseErrorsNameFileLineAndField(t *testing.T) {
	cases := []struct {
		name, from, to, want string
	}{
		{"password in yaml", "  username: jo@example.net\n", "  username: jo@example.net\n  password: hunter2\n", "c.yaml:4: mailbox.password: passwords are never read"},
		{"unknown field", "    port: 2525\n", "    port: 2525\n    colour: red\n", "c.yaml:7: colour: unknown field"},
		{"bad placeholder", "{{.Persona.Name}}\n", "{{.Persona.Nmae}}\n", "c.yaml:20: inquiries[0].body: bad placeholder"},
		{"bad email", "  email: jo@example.net", "  email: jo at example", "c.yaml:12: persona.email:"},
		{"bad time zone", "Europe/London", "Mars/Olympus", "c.yaml:25: companies[0].timezone:"},
		{"bad hours", "Mon-Sat 08:30-18:00", "all day", "c.yaml:26: companies[0].hours:"},
		{"unknown template", "    to: help@beta.example\n", "    to: help@beta.example\n    inquiries: [refund]\n", "c.yaml:29: companies[1].inquiries[0]: no inquiry has the id \"refund\""},
		{"no smtp host", "    host: 127.0.0.1\n    port: 2525\n", "    port: 2525\n", "c.yaml:5: mailbox.smtp.host: missing"},
		{"bad deadline", "name: spring\n", "name: spring\ndeadline: soon\n", "c.yaml:2: deadline:"},
		{"bad channel", "    to: help@beta.example\n", "    to: help@beta.example\n    channel: fax\n", "c.yaml:29: companies[1].channel:"},
		{"syntax", "companies:\n", "companies: [\n", "c.yaml:"},
	}
	for _, c := range cases {
		text := strings.Replace(goodFile, c.from, c.to, 1)
		if text == goodFile {
			t.Fatalf("%s: the case changes nothing", c.name)
		}
		_, err := Parse("c.yaml", []byte(text))
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, c.want) || strings.Contains(msg, "hunter2") || strings.Contains(msg, "\n") {
			t.Errorf("%s: error %q, want one line starting %q", c.name, msg, c.want)
		}
	}
}

func TestExampleFileLoads(t *testing.T) {
	f, err := Load("../examples/campaign.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Companies) != 2 || f.Companies[1].Channel != "form" || f.Mailbox.IMAP.Port != 993 {
		t.Fatalf("example read as %+v", f)
	}
}
