package reports

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/crawler"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// result audits a fixed two-page Vietnamese site without the network.
func result() *audit.Result {
	home := crawler.NewPage("https://shop.example.vn/", `<html lang="vi"><body>
<header>Hotline: <a href="tel:18001234">1800 1234</a> <a href="/lien-he">Liên hệ</a></header>
<footer><a href="/chinh-sach-doi-tra">Chính sách đổi trả</a> cskh@shop.example.vn
<a href="https://www.facebook.com/shopvn">Facebook</a> <a href="https://zalo.me/0901234567">Chat Zalo</a></footer></body></html>`)
	home.Source = "start"
	contact := crawler.NewPage("https://shop.example.vn/lien-he", `<html lang="vi"><body><h1>Liên hệ</h1><p>Tổng đài miễn phí 1800 1234</p></body></html>`)
	contact.Depth, contact.Anchors = 1, []string{"Liên hệ"}
	site := &crawler.Site{URL: "https://shop.example.vn", Home: home.URL, Pages: []*crawler.Page{home, contact}}
	return audit.Analyze(site, "")
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n got:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestSummaryGolden(t *testing.T) {
	var b bytes.Buffer
	if err := Summary(&b, result()); err != nil {
		t.Fatal(err)
	}
	golden(t, "summary.golden", b.Bytes())
}

func TestJSONLine(t *testing.T) {
	var b bytes.Buffer
	if err := JSONLine(&b, result()); err != nil {
		t.Fatal(err)
	}
	if strings.Count(b.String(), "\n") != 1 || strings.Contains(b.String(), `\u0026`) {
		t.Errorf("not one line of unescaped JSON: %s", b.String())
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	golden(t, "result.golden.json", b.Bytes())
}
