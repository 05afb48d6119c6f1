package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"image"
	"image/png"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/internal/fixture"
)

// pdfText extracts a PDF file's text with poppler's pdftotext: required
// under CI (scripts/test.sh installs poppler-utils), skipped elsewhere
// when missing.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs pdftotext (poppler-utils): %v", err)
		}
		t.Skipf("no pdftotext: %v", err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// vnShop serves a Vietnamese company named by og:site_name.
func vnShop(t *testing.T) *httptest.Server {
	t.Helper()
	return fixture.Serve(t, map[string]string{
		"/": `<html lang="vi"><head><title>Trang chủ</title><meta property="og:site_name" content="Công ty Ánh Dương"></head><body>
<header>Hotline: 1800 1234 <a href="/lien-he">Liên hệ</a></header><footer>cskh@anhduong.example.vn</footer></body></html>`,
		"/lien-he": `<html lang="vi"><head><title>Liên hệ</title></head><body><h1>Liên hệ</h1><p>Tổng đài miễn phí 1800 1234</p></body></html>`,
	})
}

// auditArgs are the flags that keep a loopback audit quick.
func auditArgs(extra ...string) []string {
	return append([]string{"audit", "-q", "--allow-private", "--delay", "0", "--render", "never"}, extra...)
}

func TestAuditPDFOneSite(t *testing.T) {
	srv := vnShop(t)
	out := filepath.Join(t.TempDir(), "scorecard.pdf")
	code, _, errs := runCmd(auditArgs("--pdf", out, "--brand-name", "Northwind Consulting", srv.URL)...)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	text := pdfText(t, out)
	for _, want := range []string{"Công ty Ánh Dương", srv.URL, "Northwind Consulting", "Score by section", "Page 1 of"} {
		if !strings.Contains(text, want) {
			t.Errorf("the scorecard lacks %q:\n%s", want, text)
		}
	}
}

func TestAuditPDFSeveralSites(t *testing.T) {
	a, b, vn := shop(t), shop(t), vnShop(t)
	dir := filepath.Join(t.TempDir(), "reports")
	code, _, errs := runCmd(auditArgs("--pdf", dir, a.URL, b.URL, vn.URL)...)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"acme-supplies-2.pdf", "acme-supplies.pdf", "benchmark.pdf", "cong-ty-anh-duong.pdf"}
	if !slices.Equal(names, want) {
		t.Fatalf("the folder holds %v, want %v", names, want)
	}
	text := pdfText(t, filepath.Join(dir, "benchmark.pdf"))
	for _, w := range []string{"Ranking", "Acme Supplies", "Công ty Ánh Dương", "Section by section"} {
		if !strings.Contains(text, w) {
			t.Errorf("benchmark.pdf lacks %q:\n%s", w, text)
		}
	}
	if !strings.Contains(pdfText(t, filepath.Join(dir, "cong-ty-anh-duong.pdf")), "Công ty Ánh Dương") {
		t.Error("the Vietnamese scorecard does not name its company")
	}
}

func TestAuditJUnitAndMarkdown(t *testing.T) {
	srv := shop(t)
	dir := t.TempDir()
	junit, md := filepath.Join(dir, "junit.xml"), filepath.Join(dir, "summary.md")
	code, _, errs := runCmd(auditArgs("--junit", junit, "--markdown", md, "--fail-under", "100", srv.URL)...)
	if code != exitThreshold || !strings.Contains(errs, "under --fail-under 100") {
		t.Fatalf("exit %d, stderr %q; want exit 1 for --fail-under 100", code, errs)
	}
	checkJUnit(t, junit, 1)
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "| 1 | Acme Supplies |") || !strings.Contains(string(b), "### Acme Supplies") {
		t.Errorf("the Markdown summary lacks the site:\n%s", b)
	}
}

func checkJUnit(t *testing.T, path string, suites int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Suites []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
				Skipped *struct{} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s is not XML: %v", path, err)
	}
	if len(doc.Suites) != suites {
		t.Fatalf("%d test suites, want %d", len(doc.Suites), suites)
	}
	var failed, skipped int
	for _, c := range doc.Suites[0].Cases {
		if c.Failure != nil {
			failed++
			if c.Failure.Message == "" {
				t.Errorf("%s fails with no message", c.Name)
			}
		}
		if c.Skipped != nil {
			skipped++
		}
	}
	if failed == 0 || skipped == 0 {
		t.Errorf("want failures (no chat) and skipped items (no inquiries sent): %d failed, %d skipped", failed, skipped)
	}
}

// saved audits sites with --json and saves the JSON Lines.
func saved(t *testing.T, urls ...string) string {
	t.Helper()
	code, out, errs := runCmd(auditArgs(append([]string{"--json"}, urls...)...)...)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	path := filepath.Join(t.TempDir(), "results.jsonl")
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReportFromSavedResults(t *testing.T) {
	a, vn := shop(t), vnShop(t)
	results := saved(t, a.URL, vn.URL)
	dir := t.TempDir()
	pdfs, junit := filepath.Join(dir, "pdf"), filepath.Join(dir, "junit.xml")
	code, out, errs := runCmd("report", results, "--pdf", pdfs, "--junit", junit)
	if code != exitOK || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	for _, name := range []string{"acme-supplies.pdf", "cong-ty-anh-duong.pdf", "benchmark.pdf"} {
		if _, err := os.Stat(filepath.Join(pdfs, name)); err != nil {
			t.Error(err)
		}
	}
	checkJUnit(t, junit, 2)

	// No output flag: the summary; --fail-under still exits 1.
	code, out, errs = runCmd("report", "--fail-under", "99", results)
	if code != exitThreshold || !strings.Contains(out, "score ") || !strings.Contains(errs, "under --fail-under 99") {
		t.Errorf("report --fail-under 99: exit %d, stdout %q, stderr %q", code, out, errs)
	}

	// '-' reads standard input; one result makes --pdf a file.
	b, _ := os.ReadFile(results)
	first := strings.SplitN(string(b), "\n", 2)[0] + "\n"
	one := filepath.Join(dir, "one.pdf")
	var so, se bytes.Buffer
	if code := runReport(context.Background(), []string{"--pdf", one, "-"}, strings.NewReader(first), &so, &se); code != exitOK {
		t.Fatalf("report - : exit %d, stderr %q", code, se.String())
	}
	if !strings.Contains(pdfText(t, one), "Acme Supplies") {
		t.Error("the PDF from standard input does not name the company")
	}

	// One result and a folder (existing, or new with a trailing slash): the
	// scorecard lands in it under the company's name; a file in a folder
	// that does not exist yet is written too.
	for _, path := range []string{dir, filepath.Join(dir, "new") + "/", filepath.Join(dir, "deep", "er", "acme.pdf")} {
		var so, se bytes.Buffer
		if code := runReport(context.Background(), []string{"--pdf", path, "-"}, strings.NewReader(first), &so, &se); code != exitOK {
			t.Fatalf("report --pdf %s: exit %d, stderr %q", path, code, se.String())
		}
		want := path
		if !strings.HasSuffix(path, ".pdf") {
			want = filepath.Join(path, "acme-supplies.pdf")
		}
		if !strings.Contains(pdfText(t, want), "Acme Supplies") {
			t.Errorf("--pdf %s: no scorecard at %s", path, want)
		}
	}
}

func TestReportRubric(t *testing.T) {
	results := saved(t, shop(t).URL)
	dir := t.TempDir()
	rubric := filepath.Join(dir, "strict.yaml")
	if err := os.WriteFile(rubric, []byte("version: strict/2\nsections:\n  chat:\n    items:\n      chat.present:\n        max: 80\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(dir, "summary.md")
	code, _, errs := runCmd("report", "--rubric", rubric, "--markdown", md, results)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	b, _ := os.ReadFile(md)
	if !strings.Contains(string(b), "strict/2") || !strings.Contains(string(b), "(0/80)") {
		t.Errorf("the summary was not re-scored with the rubric:\n%s", b)
	}
}

func TestReportFailures(t *testing.T) {
	dir := t.TempDir()
	results := saved(t, shop(t).URL)
	notJSON := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(notJSON, []byte("{\"url\":\"https://a.example\"}\nnot json\n"), 0o644)
	gif := filepath.Join(dir, "logo.gif")
	os.WriteFile(gif, []byte("GIF89a..."), 0o644)
	logo := filepath.Join(dir, "logo.png")
	var pngb bytes.Buffer
	png.Encode(&pngb, image.NewGray(image.Rect(0, 0, 8, 4)))
	os.WriteFile(logo, pngb.Bytes(), 0o644)
	badRubric := filepath.Join(dir, "bad.yaml")
	os.WriteFile(badRubric, []byte("sections:\n  chat:\n    items:\n      chat.present:\n        maxx: 3\n"), 0o644)
	os.Mkdir(filepath.Join(dir, "folder"), 0o755)

	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no file", []string{"report"}, "give one file of results"},
		{"two files", []string{"report", results, results}, "give one file of results"},
		{"missing file", []string{"report", filepath.Join(dir, "nope.jsonl")}, "cannot read"},
		{"not results", []string{"report", notJSON}, "line 2 is not an audit result"},
		{"unknown flag", []string{"report", "--pdff", "x.pdf", results}, "flag provided but not defined: -pdff"},
		{"bad fail-under", []string{"report", "--fail-under", "101", results}, "--fail-under takes a score from 0 to 100"},
		{"missing logo", []string{"report", "--pdf", "x.pdf", "--brand-logo", filepath.Join(dir, "none.png"), results}, "--brand-logo: cannot read"},
		{"gif logo", []string{"report", "--pdf", "x.pdf", "--brand-logo", gif, results}, "is not a PNG image; give a PNG file"},
		{"brand without pdf", []string{"report", "--brand-logo", logo, results}, "add --pdf PATH"},
		{"missing rubric", []string{"report", "--rubric", filepath.Join(dir, "none.yaml"), results}, "--rubric:"},
		{"bad rubric", []string{"report", "--rubric", badRubric, results}, "maxx"},
		{"audit gif logo", []string{"audit", "--pdf", "x.pdf", "--brand-logo", gif, "example.com"}, "is not a PNG image"},
		{"audit bad rubric", []string{"audit", "--rubric", badRubric, "example.com"}, "maxx"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := runCmd(c.args...)
			if code != exitUsage || !strings.Contains(errs, c.want) {
				t.Errorf("shopper %v: exit %d, stderr %q; want exit 2 saying %q", c.args, code, errs, c.want)
			}
			if strings.Count(strings.TrimSpace(errs), "\n") > 0 && !strings.Contains(errs, "Usage:") {
				t.Errorf("more than one sentence: %q", errs)
			}
			if strings.Contains(errs, "panic") {
				t.Errorf("stderr shows a panic: %s", errs)
			}
		})
	}
}

func TestReportHelp(t *testing.T) {
	for _, args := range [][]string{{"report", "--help"}, {"help", "report"}} {
		code, out, _ := runCmd(args...)
		if code != exitOK || !strings.Contains(out, "Examples:") || !strings.Contains(out, "-junit") || !strings.Contains(out, "-brand-logo") {
			t.Errorf("shopper %v: exit %d:\n%s", args, code, out)
		}
	}
	code, out, _ := runCmd("audit", "--help")
	for _, f := range []string{"-pdf", "-junit", "-markdown", "-rubric", "-brand-name", "-brand-logo", "--pdf reports/"} {
		if code != exitOK || !strings.Contains(out, f) {
			t.Errorf("audit --help lacks %q", f)
		}
	}
}
