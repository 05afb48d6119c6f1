package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/campaign"
	"github.com/shopper-audit/shopper/internal/desk"
	"github.com/shopper-audit/shopper/store"
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

func storedAudit(t *testing.T, file, company string) map[string]any {
	t.Helper()
	f, err := campaign.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), file+".db")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	audits, err := campaign.StoredAudits(context.Background(), db, f)
	if err != nil || audits[company] == nil {
		t.Fatalf("no stored audit of %s: %v", company, err)
	}
	js, _ := json.Marshal(audits[company])
	var m map[string]any
	json.Unmarshal(js, &m)
	return m
}

func TestCampaignAuditsRenderWithChromium(t *testing.T) {
	needBrowser(t)
	site := scriptShop(t)
	file := writeCampaign(t, "127.0.0.1:1", site.URL)
	code, _, errs := runCmd("campaign", "run", "--allow-private", "--delay", "0", file)
	if code != exitOK || strings.Contains(errs, "Chromium") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if n, _ := storedAudit(t, file, "Acme")["pages_rendered"].(float64); n == 0 {
		t.Errorf("the campaign's audit rendered no page with Chromium at hand")
	}
}

func TestCampaignAuditsStaticWithoutChromium(t *testing.T) {
	t.Setenv("CHROME_PATH", filepath.Join(t.TempDir(), "no-chromium"))
	site := shop(t)
	file := writeCampaign(t, "127.0.0.1:1", site.URL)
	code, out, errs := runCmd("campaign", "run", "--allow-private", "--delay", "0", file)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if strings.Count(errs, "no Chromium found") != 1 || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Errorf("want one warning line, got:\n%s", errs)
	}
	if !strings.Contains(out, "e-mail to support@acme-supplies.example") {
		t.Errorf("the static audit found no address:\n%s", out)
	}
	if n, _ := storedAudit(t, file, "Acme")["pages_crawled"].(float64); n == 0 {
		t.Errorf("no pages audited")
	}
	code, _, errs = runCmd("campaign", "run", "--render", "always", "--allow-private", file+"x")
	if code != exitUsage {
		t.Errorf("exit %d", code)
	}
}

func TestCampaignHelpHasExamples(t *testing.T) {
	for _, args := range [][]string{{"campaign", "--help"}, {"campaign", "run", "--help"}, {"campaign", "status", "--help"},
		{"campaign", "report", "--help"}, {"help", "campaign"}} {
		code, out, errs := runCmd(args...)
		if code != exitOK || !strings.Contains(out, "Examples:") || !strings.Contains(out, "shopper campaign") || errs != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout:\n%s", args, code, errs, out)
		}
	}
}

func TestCampaignUsageErrorsAreOneSentence(t *testing.T) {
	site := shop(t)
	file := writeCampaign(t, "127.0.0.1:1", site.URL)
	dir := t.TempDir()
	notPNG := filepath.Join(dir, "logo.png")
	os.WriteFile(notPNG, []byte("not a png"), 0o600)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no command", []string{"campaign"}, "Usage:"},
		{"unknown command", []string{"campaign", "start", file}, `unknown command "start"`},
		{"unknown flag", []string{"campaign", "run", "--sendd", file}, "flag provided but not defined: -sendd"},
		{"flag of another command", []string{"campaign", "status", "--send", file}, "flag provided but not defined: -send"},
		{"bad flag value", []string{"campaign", "run", "--delay", "soon", file}, `invalid value "soon" for flag -delay`},
		{"bad render", []string{"campaign", "run", "--render", "sometimes", file}, `--render takes auto, always or never, not "sometimes"`},
		{"bad catch-up", []string{"campaign", "run", "--catch-up", "0s", file}, "--catch-up must be a positive duration"},
		{"no file", []string{"campaign", "status"}, "name one campaign file"},
		{"two files", []string{"campaign", "status", file, file}, "name one campaign file"},
		{"missing file", []string{"campaign", "status", filepath.Join(dir, "nope.yaml")}, "read campaign file"},
		{"bad store", []string{"campaign", "status", "--db", "postgres://127.0.0.1:1/none?connect_timeout=1", file}, "shopper campaign status: "},
		{"bad logo", []string{"campaign", "report", "--pdf", dir, "--brand-logo", notPNG, file}, "--brand-logo"},
		{"no password", []string{"campaign", "run", "--send", "--allow-private", "--delay", "0", file}, "no password: set SHOPPER_SMTP_PASSWORD"},
		{"report before run", []string{"campaign", "report", "--db", filepath.Join(dir, "empty.db"), file}, "run 'shopper campaign run"},
	}
	t.Setenv("SHOPPER_SMTP_PASSWORD", "")
	for _, c := range cases {
		code, _, errs := runCmd(c.args...)
		if code != exitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", c.name, code, errs, exitUsage, c.want)
		}
		if c.want != "Usage:" && strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("%s: more than one line:\n%s", c.name, errs)
		}
	}
}
