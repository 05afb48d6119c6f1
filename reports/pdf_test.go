package reports

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/scoring"
)

// pdfText extracts a PDF's text with poppler's pdftotext. It fails under
// CI (scripts/test.sh installs poppler-utils) and skips elsewhere when
// pdftotext is missing.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs pdftotext (poppler-utils) to read PDFs back: %v", err)
		}
		t.Skipf("no pdftotext: %v", err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext cannot read the PDF: %v", err)
	}
	return string(out)
}

// flat joins a text's words with single spaces, so that names wrapped
// over two lines still match.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func scorecard(t *testing.T, r *audit.Result, opt PDFOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := ScorecardPDF(&b, r, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestScorecardPDFReadsBack(t *testing.T) {
	for _, r := range []*audit.Result{vietnamese(), turkish()} {
		t.Run(r.Company, func(t *testing.T) {
			text := pdfText(t, scorecard(t, r, PDFOptions{BrandName: "Northwind Consulting", Now: auditedAt}))
			got := flat(text)
			want := []string{
				r.Company, r.URL, "Audited 14 March 2026", fmt.Sprintf("%d / 100", r.Score.Total),
				"Score by section", "Evidence", "Recommendations", "Benchmarks", "Not measured",
				"Northwind Consulting", "never more than 24 hours", "best in class 2–4 hours",
				"rubric " + r.Score.Rubric,
			}
			for _, s := range r.Score.Sections {
				want = append(want, s.Title)
				for _, it := range s.Items {
					want = append(want, it.Title)
				}
			}
			for _, w := range want {
				if !strings.Contains(got, flat(w)) {
					t.Errorf("the scorecard's text lacks %q:\n%s", w, text)
				}
			}
			checkPageNumbers(t, text)
			if !strings.Contains(text, "\n"+r.Score.Grade+"\n") {
				t.Errorf("the scorecard does not show grade %s on its own", r.Score.Grade)
			}
		})
	}
}

// checkPageNumbers checks that every page says "Page N of M", in order.
func checkPageNumbers(t *testing.T, text string) {
	t.Helper()
	pages := strings.Split(strings.TrimRight(text, "\f\n"), "\f")
	for i, p := range pages {
		if want := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
	}
	if len(pages) < 2 {
		t.Errorf("%d page(s), want the scorecard to run over more than one", len(pages))
	}
}

func TestScorecardPDFEvidenceAndTimeline(t *testing.T) {
	r := turkish()
	got := flat(pdfText(t, scorecard(t, r, PDFOptions{Now: auditedAt})))
	for _, w := range []string{
		"destek@cagri.example.com.tr", "https://cagri.example.com.tr/iletisim", "✗ Fail", "✓ Pass",
		"Test inquiries: sent → acknowledged → answered", "acknowledged after 45 s", "answered after 3.2 h", "answered after 27.0 h",
		"Offer live chat",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("the scorecard's text lacks %q:\n%s", w, got)
		}
	}
	if r := vietnamese(); strings.Contains(flat(pdfText(t, scorecard(t, r, PDFOptions{Now: auditedAt}))), "Test inquiries") {
		t.Error("a scorecard without inquiries draws their timeline")
	}
}

func TestScorecardPDFNotMeasured(t *testing.T) {
	r := vietnamese()
	r.Score.Sections[2].Items[0].Status = scoring.NotMeasured
	r.Score.Sections[2].Items[0].Why = "the chat probe did not run"
	r.Score.Sections[2].Points, r.Score.Sections[2].Max = 0, 0
	got := flat(pdfText(t, scorecard(t, r, PDFOptions{Now: auditedAt})))
	for _, w := range []string{"not measured", "– Not measured", "Live chat is offered: the chat probe did not run"} {
		if !strings.Contains(got, w) {
			t.Errorf("the scorecard's text lacks %q:\n%s", w, got)
		}
	}
}

func TestScorecardPDFIsReproducible(t *testing.T) {
	opt := PDFOptions{Now: auditedAt}
	a, b := scorecard(t, turkish(), opt), scorecard(t, turkish(), opt)
	if !bytes.Equal(a, b) {
		t.Error("two scorecards of the same result at the same time differ")
	}
	if !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Errorf("not a PDF: %q", a[:min(len(a), 16)])
	}
}

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestScorecardPDFBrandLogoAndScreenshots(t *testing.T) {
	logo := pngOf(t, 60, 20)
	if err := CheckLogo(logo); err != nil {
		t.Fatalf("CheckLogo(a PNG) = %v", err)
	}
	for _, bad := range [][]byte{nil, []byte("GIF89a"), []byte("\x89PNG\r\n\x1a\nbroken")} {
		if err := CheckLogo(bad); err == nil {
			t.Errorf("CheckLogo(%q) = nil, want an error", bad)
		}
	}
	dir := t.TempDir()
	shot := filepath.Join(dir, "home.png")
	if err := os.WriteFile(shot, pngOf(t, 136, 77), 0o644); err != nil {
		t.Fatal(err)
	}
	r := vietnamese()
	r.Screenshots = map[string]string{"home": shot, "contact": filepath.Join(dir, "gone.png")}
	plain := scorecard(t, vietnamese(), PDFOptions{Now: auditedAt})
	rich := scorecard(t, r, PDFOptions{Now: auditedAt, BrandLogo: logo, BrandName: "Northwind"})
	got := flat(pdfText(t, rich))
	if !strings.Contains(got, "Home page, first screen") || strings.Contains(got, "Contact page, first screen") {
		t.Errorf("want the home screenshot only (the contact one is missing):\n%s", got)
	}
	if n := bytes.Count(rich, []byte("/Subtype /Image")); n != 2 {
		t.Errorf("%d images in the PDF, want 2 (logo and home screenshot)", n)
	}
	if bytes.Contains(plain, []byte("/Subtype /Image")) {
		t.Error("a scorecard without logo or screenshots holds an image")
	}
}

func TestBenchmarkPDFRanking(t *testing.T) {
	results := []*audit.Result{bare(), vietnamese(), turkish(), english()}
	var b bytes.Buffer
	if err := BenchmarkPDF(&b, results, PDFOptions{Now: auditedAt}); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, b.Bytes())
	got := flat(text)
	ranked := Rank(results)
	for i := 1; i < len(ranked); i++ {
		if ranked[i-1].Score.Total < ranked[i].Score.Total {
			t.Fatalf("Rank: %d before %d", ranked[i-1].Score.Total, ranked[i].Score.Total)
		}
	}
	// The ranking table lists the companies in rank order.
	table := got[strings.Index(got, "Ranking"):strings.Index(got, "Totals")]
	last := -1
	for _, r := range ranked {
		i := strings.Index(table, flat(company(r)))
		if i < 0 || i < last {
			t.Fatalf("ranking table out of order or lacking %q:\n%s", company(r), table)
		}
		last = i
	}
	for _, w := range []string{
		"Customer-service benchmark", "4 companies", "Section by section", "Phone", "Policies",
		"First response to test inquiries", "24 h", "2–4 h", "no reply to 1 inquiry", "5.5 h", "Page 1 of",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("the benchmark's text lacks %q:\n%s", w, text)
		}
	}
	if err := BenchmarkPDF(io.Discard, nil, PDFOptions{}); err == nil {
		t.Error("BenchmarkPDF of no results: no error")
	}
}

// hostile is a result whose evidence came from a hostile page.
func hostile() *audit.Result {
	r := vietnamese()
	long := strings.Repeat("A very long line of page text ", 350) // ~10 KB
	evil := []string{
		long,
		"<script>alert('x')</script><b>bold</b> & \"quotes\"",
		"bell\a nul\x00 esc\x1b[31m red \u202eRTL override\u202c tab\tnew\nline",
		"עברית العربية 🙂🚀 mixed ]]> --> <!--",
		string([]byte{0xff, 0xfe, 'x'}),
	}
	for i := range r.Score.Sections {
		for j := range r.Score.Sections[i].Items {
			it := &r.Score.Sections[i].Items[j]
			it.Evidence = append(append([]string{}, evil...), evil...)
			it.Why = long
			it.Title += " " + evil[2]
			if it.Status != scoring.Pass {
				it.Recommendation = long + evil[1]
			}
		}
	}
	r.Company = long + evil[2]
	r.ProbeErrors = []string{long, evil[2]}
	return r
}

func TestHostileEvidence(t *testing.T) {
	r := hostile()
	pdf := scorecard(t, r, PDFOptions{Now: auditedAt})
	if len(pdf) > 150_000 {
		t.Errorf("the hostile scorecard is %d bytes, want at most 150 KB", len(pdf))
	}
	text := pdfText(t, pdf)
	for _, c := range text {
		if unicode.IsControl(c) && c != '\n' && c != '\f' {
			t.Fatalf("the hostile scorecard's text holds control character %U", c)
		}
	}
	if !strings.Contains(text, "…") || strings.Contains(text, strings.Repeat("A very long line of page text ", 20)) {
		t.Error("long evidence was not cut with an ellipsis")
	}
	if strings.Contains(text, "\u202e") {
		t.Error("a bidi override survived")
	}

	var j bytes.Buffer
	if err := JUnit(&j, []*audit.Result{r}); err != nil {
		t.Fatal(err)
	}
	var back junitSuites
	if err := xml.Unmarshal(j.Bytes(), &back); err != nil {
		t.Fatalf("the hostile JUnit is not valid XML: %v", err)
	}
	if len(back.Suites) != 1 || back.Suites[0].Tests == 0 {
		t.Errorf("the hostile JUnit read back as %+v", back)
	}
	if j.Len() > 200_000 {
		t.Errorf("the hostile JUnit is %d bytes", j.Len())
	}

	var m bytes.Buffer
	if err := Markdown(&m, []*audit.Result{r}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "<b>", "\x1b", "\x00"} {
		if strings.Contains(m.String(), bad) {
			t.Errorf("the hostile Markdown holds %q", bad)
		}
	}
	for _, line := range strings.Split(m.String(), "\n") {
		if strings.HasPrefix(line, "| 1 |") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != 8 {
			t.Errorf("a site's row has extra cells: %s", line)
		}
	}
}

func TestBenchmarkPDFManyCompanies(t *testing.T) {
	var results []*audit.Result
	for i := range 60 {
		r := english()
		r.Company = fmt.Sprintf("Company %02d", i)
		r.Score.Total = i
		results = append(results, r)
	}
	var b bytes.Buffer
	if err := BenchmarkPDF(&b, results, PDFOptions{Now: auditedAt}); err != nil {
		t.Fatal(err)
	}
	got := flat(pdfText(t, b.Bytes()))
	if !strings.Contains(got, "The first 40 of 60 companies in the ranking.") || !strings.Contains(got, "Company 00") {
		t.Errorf("60 companies: want every one in the table and a note on the charts:\n%s", got)
	}
}
