package reports

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/audit"
)

func samples() []*audit.Result { return []*audit.Result{vietnamese(), turkish(), english(), bare()} }

func TestJUnitGolden(t *testing.T) {
	var b bytes.Buffer
	if err := JUnit(&b, samples()); err != nil {
		t.Fatal(err)
	}
	golden(t, "junit.golden.xml", b.Bytes())
	var back junitSuites
	if err := xml.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Suites) != 4 {
		t.Fatalf("%d test suites, want one per site", len(back.Suites))
	}
	s := back.Suites[1] // turkish: no chat, no FAQ
	var failed, passed bool
	for _, c := range s.Cases {
		if strings.HasPrefix(c.Name, "chat.present") {
			failed = c.Failure != nil && strings.Contains(c.Failure.Message, "Offer live chat")
		}
		if strings.HasPrefix(c.Name, "phone.listed") {
			passed = c.Failure == nil && c.Skipped == nil
		}
	}
	if !failed || !passed {
		t.Errorf("chat.present should fail with its recommendation (%v) and phone.listed pass (%v)", failed, passed)
	}
}

func TestJUnitSkipsNotMeasured(t *testing.T) {
	r := vietnamese()
	r.Score.Sections[0].Items[1].Status = "not_measured"
	r.Score.Sections[0].Items[1].Why = "the phone probe did not run"
	var b bytes.Buffer
	if err := JUnit(&b, []*audit.Result{r}); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range r.Score.Sections {
		for _, it := range s.Items {
			if it.Status == "not_measured" {
				n++
			}
		}
	}
	if !strings.Contains(b.String(), `<skipped message="not measured: the phone probe did not run">`) || !strings.Contains(b.String(), fmt.Sprintf(`skipped="%d"`, n)) {
		t.Errorf("a not-measured item is not skipped with its reason:\n%s", b.String())
	}
}

func TestMarkdownGolden(t *testing.T) {
	var b bytes.Buffer
	if err := Markdown(&b, samples()); err != nil {
		t.Fatal(err)
	}
	golden(t, "summary.golden.md", b.Bytes())
}

func TestResultsJSONGolden(t *testing.T) {
	var b bytes.Buffer
	for _, r := range samples() {
		if err := JSONLine(&b, r); err != nil {
			t.Fatal(err)
		}
	}
	golden(t, "results.golden.jsonl", b.Bytes())
	// What the audit wrote, ReadResults reads back as it was.
	back, err := ReadResults(bytes.NewReader(b.Bytes()), "results.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	for _, r := range back {
		if err := JSONLine(&again, r); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(again.Bytes(), b.Bytes()) {
		t.Error("results read back and written again differ")
	}
}

func TestReadResultsErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "holds no audit results"},
		{"\n\n", "holds no audit results"},
		{`{"url":"https://a.example"}` + "\nnot json\n", "r.jsonl line 2 is not an audit result"},
		{`{"pages_crawled":3}`, "line 1 is not an audit result from 'shopper audit --json': it has no url"},
		{`[1,2]`, "line 1 is not an audit result"},
	}
	for _, c := range cases {
		_, err := ReadResults(strings.NewReader(c.in), "r.jsonl")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadResults(%q) = %v, want an error saying %q", c.in, err, c.want)
		}
	}
}

func TestClean(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
	}{
		{"  plain  text ", 40, "plain text"},
		{"a\x00b\x1bc\u202ed\u200be", 40, "abcde"},
		{"tab\tand\nnew line", 40, "tab and new line"},
		{"abcdefghij", 5, "abcd…"},
		{"abc defghij", 5, "abc…"},
		{"abcde", 5, "abcde"},
		{"emoji 🙂!", 40, "emoji \uFFFD!"},
		{string([]byte{'a', 0xff, 'b'}), 40, "a\uFFFDb"},
		{"Công ty Ánh Dương", 40, "Công ty Ánh Dương"},
		{"ığüşöçİĞÜŞÖÇ", 40, "ığüşöçİĞÜŞÖÇ"},
	}
	for _, c := range cases {
		if got := clean(c.in, c.n); got != c.want {
			t.Errorf("clean(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestCompanyFromSite(t *testing.T) {
	cases := []struct {
		r    *audit.Result
		want string
	}{
		{vietnamese(), nameVI},         // og:site_name
		{turkish(), nameTR},            // og:site_name beats a generic title
		{english(), "Lakeshore Sleep"}, // title without "Home" and the tagline
		{bare(), "bare.example.org"},   // the host
		{site("https://www.x.example", map[string]string{"/": `<html><head><title>Anasayfa - Lavinya Giyim</title></head></html>`}), "Lavinya Giyim"},
		{site("https://www.x.example", map[string]string{"/": `<html><head><title>Home</title></head></html>`}), "x.example"},
		// The part the site's pages share, wherever it stands in the title.
		{site("https://www.x.example", map[string]string{
			"/":        `<html><head><title>Điện máy - Điện Máy Phúc An Cần Thơ</title></head><body><a href="/lien-he">Liên hệ</a> <a href="/faq">Hỏi đáp</a></body></html>`,
			"/lien-he": `<html><head><title>Liên hệ - Điện Máy Phúc An Cần Thơ</title></head></html>`,
			"/faq":     `<html><head><title>Hỏi đáp - Điện Máy Phúc An Cần Thơ</title></head></html>`,
		}), "Điện Máy Phúc An Cần Thơ"},
		{site("https://www.x.example", map[string]string{
			"/":         `<html><head><title>Ela Moda | Kadın Giyim ve Moda</title></head><body><a href="/iletisim">İletişim</a></body></html>`,
			"/iletisim": `<html><head><title>İletişim | Ela Moda</title></head></html>`,
		}), "Ela Moda"},
		// The home page alone: the tagline is the longer end.
		{site("https://www.x.example", map[string]string{"/": `<html><head><title>Gear for the long way up – Summit Outdoor Co.</title></head></html>`}), "Summit Outdoor Co."},
	}
	for _, c := range cases {
		if c.r.Company != c.want {
			t.Errorf("%s: Company = %q, want %q", c.r.URL, c.r.Company, c.want)
		}
	}
}
