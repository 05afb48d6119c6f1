package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/internal/desk"
)

func writeCampaign(t *testing.T, smtpAddr, siteURL string) string {
	t.Helper()
	host, port, _ := strings.Cut(smtpAddr, ":")
	text := fmt.Sprintf(`mailbox:
  username: shopper
  smtp: {host: %s, port: %s}
  imap: {host: 127.0.0.1, port: 1}
persona: {name: Jo Bloggs, email: jo@persona.example}
inquiries:
  - id: returns
    subject: Returning a chair
    body: |
      Hello {{.Company}},
      how do I return a chair?
      {{.Persona.Name}}
companies:
  - {name: Acme, url: %s}
  - {name: Beta, to: care@beta.example}
`, host, port, siteURL)
	path := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCampaignDryRunPrintsEveryMessageAndSendsNothing(t *testing.T) {
	d, err := desk.Start(desk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	site := shop(t)
	file := writeCampaign(t, d.Submission(), site.URL)
	code, out, errs := runCmd("campaign", "run", "--allow-private", "--delay", "0", file)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"e-mail to support@acme-supplies.example", "To: <care@beta.example>", "Hello Acme,", "Hello Beta,", "Subject: Returning a chair [ref ", "nothing was sent"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}
	if n := len(d.Received()); n != 0 {
		t.Fatalf("the desk received %d messages in a dry run", n)
	}

	code, out, errs = runCmd("campaign", "status", "--json", file)
	if code != exitOK {
		t.Fatalf("status exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("status printed %d lines, want 2:\n%s", len(lines), out)
	}
	for _, line := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"company", "channel", "to", "token", "status", "first_response_seconds", "auto_ack", "auto_ack_seconds",
			"promised_seconds", "promise_kept", "human_reply_seconds", "business_seconds", "personalization", "personalization_reasons",
			"answered", "answered_reasons", "courtesy", "courtesy_reasons"} {
			if _, ok := m[k]; !ok {
				t.Errorf("status JSON lacks %s: %s", k, line)
			}
		}
		if m["status"] != "draft" {
			t.Errorf("status %v, want draft", m["status"])
		}
	}
}

func TestCampaignBadFileIsOneSentence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(path, []byte("mailbox:\n  password: hunter2\n"), 0o600)
	code, _, errs := runCmd("campaign", "run", path)
	if code != exitUsage || !strings.Contains(errs, path+":2:") || strings.Contains(errs, "hunter2") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}
