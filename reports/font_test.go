package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

// Text that must print in the cut fonts without the full ones: the
// marks and punctuation the reports print and the sample companies.
var reportRunes = "✓◐✗–…·—→•›\uFFFD" + nameVI + nameTR +
	"Ελληνικά Кириллица Українська ĞğİıŞş ẠạẢảẤấẦầẨẩẪẫẬậ € £ ¥ ₫ ₺ ₽ ← ↑ ↓ ≥ ≤ ± × ÷ № ™ ─ │ ■ □ ● ○ ◆ ▲"

func TestCutFontsKeepTheReportsText(t *testing.T) {
	fs, err := faces()
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	all.WriteString(reportRunes)
	for _, l := range benchmarkLines {
		all.WriteString(l)
	}
	for r := rune(0x20); r < 0x7F; r++ {
		all.WriteRune(r)
	}
	for i, f := range fs {
		for _, r := range all.String() {
			if !f.cutHas.has(r) {
				t.Errorf("face %d: the cut font lacks %q (%U)", i, r, r)
			}
		}
		// The cut font keeps exactly the full font's runes of keptRanges.
		var want runeSet
		for _, rg := range keptRanges {
			for r := rg[0]; r <= rg[1]; r++ {
				if f.fullHas.has(r) {
					want.add(r)
				}
			}
		}
		if want != f.cutHas {
			t.Errorf("face %d: the cut font does not hold exactly the full font's runes of keptRanges", i)
		}
		if len(f.cut) >= len(f.full)/2 {
			t.Errorf("face %d: cut font %d bytes, full %d: want less than half", i, len(f.cut), len(f.full))
		}
	}
}

// TestCutFontsMeasureTheSame checks that every kept rune has the same
// width, and the fonts the same metrics, in the cut and the full fonts,
// so that text wraps and aligns the same.
func TestCutFontsMeasureTheSame(t *testing.T) {
	fs, err := faces()
	if err != nil {
		t.Fatal(err)
	}
	for i, style := range []string{"", "B"} {
		f := gofpdf.New("P", "mm", "A4", "")
		f.AddUTF8FontFromBytes("cut", style, fs[i].cut)
		f.AddUTF8FontFromBytes("full", style, fs[i].full)
		if c, u := f.GetFontDesc("cut", style), f.GetFontDesc("full", style); c != u {
			t.Errorf("style %q: font descriptors differ:\ncut  %+v\nfull %+v", style, c, u)
		}
		f.AddPage()
		n := 0
		for r := rune(0); r <= 0xFFFF; r++ {
			if !fs[i].cutHas.has(r) {
				continue
			}
			n++
			s := string(r)
			f.SetFont("cut", style, 10)
			c := f.GetStringWidth(s)
			f.SetFont("full", style, 10)
			if u := f.GetStringWidth(s); c != u {
				t.Errorf("style %q: %q (%U) is %g mm wide in the cut font, %g in the full one", style, s, r, c, u)
			}
		}
		if err := f.Error(); err != nil || n < 2000 {
			t.Fatalf("style %q: %d runes measured, error %v", style, n, err)
		}
	}
}

// pdfPNG rasterizes the first page of pdf with poppler's pdftoppm. It
// fails under CI, and skips elsewhere, when pdftoppm is missing.
func pdfPNG(t *testing.T, pdf []byte) []byte {
	t.Helper()
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs pdftoppm (poppler-utils) to look at PDFs: %v", err)
		}
		t.Skipf("no pdftoppm: %v", err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-r", "60", "-f", "1", "-l", "1", "-png", "-singlefile", in, filepath.Join(dir, "page")).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	png, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	return png
}

// fontPage writes one page of text in the house style, in the cut fonts
// (with their fallback) or in the full ones.
func fontPage(t *testing.T, text string, cut bool) []byte {
	t.Helper()
	d := newDocFonts(PDFOptions{BrandName: text, Now: auditedAt}, "Fonts", "Fonts", cut)
	d.AddPage()
	d.heading(text, 10)
	d.para(text, 10, colInk)
	d.row([]column{{w: 60, text: text, bold: true}, {w: 60, text: text}, {w: 60, text: "plain"}}, nil, false)
	w := d.GetStringWidth(text)
	d.SetFont(fontFamily, "B", 9)
	d.CellFormat(w, 6, text, "1", 1, "LM", false, 0, "")
	for _, l := range d.lines(text+" "+text, 50, 3) {
		d.CellFormat(50, 5, l, "", 1, "LM", false, 0, "")
	}
	var b bytes.Buffer
	if err := d.finish(&b, "font test"); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestCutFontsLookTheSame prints text in the cut fonts and in the full
// ones and compares the pages pixel for pixel: text the cut fonts hold,
// text only the full fonts hold (the document falls back on them), and
// text that neither holds (both print the same missing-glyph boxes,
// and the text still extracts).
func TestCutFontsLookTheSame(t *testing.T) {
	for name, text := range map[string]string{
		"kept":           nameVI + " " + nameTR + " ✓ Pass ◐ Partial ✗ Fail → Ελληνικά Кириллица",
		"full font only": "Հայաստան Ltd — עברית العربية ⊕ ☺ ♥ ا Tiếng Việt",
		"neither font":   "บริษัท ตัวอย่าง จำกัด 株式会社サンプル 客服中心",
	} {
		t.Run(name, func(t *testing.T) {
			cut, full := fontPage(t, text, true), fontPage(t, text, false)
			if !bytes.Equal(pdfPNG(t, cut), pdfPNG(t, full)) {
				t.Errorf("%q looks different in the cut fonts than in the full ones", text)
			}
			if got, want := flat(pdfText(t, cut)), flat(pdfText(t, full)); got != want {
				t.Errorf("the text extracts differently:\ncut  %s\nfull %s", got, want)
			}
			if first := strings.Fields(text)[0]; !strings.Contains(pdfText(t, cut), first) {
				t.Errorf("the page's text lacks %q", first)
			}
		})
	}
}

// TestFullFontOnlyWhenNeeded checks that a document embeds the full
// font only when its text needs a glyph that only the full font has.
func TestFullFontOnlyWhenNeeded(t *testing.T) {
	const full = "/BaseFont /utf8dejavufull"
	for _, c := range []struct {
		company string
		want    bool
	}{
		{nameVI, false},
		{"บริษัท ตัวอย่าง จำกัด", false}, // Thai: neither font has it
		{"株式会社サンプル", false},
		{"Հայաստան Ltd", true}, // Armenian: only the full font has it
	} {
		r := english()
		r.Company = c.company
		opt := PDFOptions{Now: auditedAt}
		pdf := scorecard(t, r, opt)
		if got := bytes.Contains(pdf, []byte(full)); got != c.want {
			t.Errorf("%q: full font embedded %v, want %v", c.company, got, c.want)
		}
		if again := scorecard(t, r, opt); !bytes.Equal(pdf, again) {
			t.Errorf("%q: two scorecards of the same result at the same time differ", c.company)
		}
		if text := flat(pdfText(t, pdf)); !strings.Contains(text, c.company) {
			t.Errorf("%q: the scorecard's text lacks the company:\n%s", c.company, text)
		}
	}
}

func FuzzCmapRunes(f *testing.F) {
	regular, _ := fonts()
	f.Add(regular[:4096])
	f.Add([]byte{})
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00cmap\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x40"))
	if fs, err := faces(); err == nil {
		f.Add(fs[0].cut)
	}
	f.Fuzz(func(t *testing.T, ttf []byte) {
		var s runeSet
		_ = cmapRunes(ttf, &s) // must not panic
	})
}

func TestCmapRunesRefusesBrokenFonts(t *testing.T) {
	regular, _ := fonts()
	var s runeSet
	if err := cmapRunes(regular, &s); err != nil || !s.has('A') || s.has(0x0E01) {
		t.Fatalf("full font: err %v, has A %v, has Thai %v", err, s.has('A'), s.has(0x0E01))
	}
	for _, n := range []int{0, 11, 12, 200, 4096} {
		if err := cmapRunes(regular[:n], &runeSet{}); err == nil {
			t.Errorf("the font's first %d bytes: no error", n)
		}
	}
	if _, err := cutFace([]byte("not a font at all"), keptRanges); err == nil {
		t.Error("cutFace of a non-font: no error")
	}
}

// TestFontKeptAcrossPages checks that doc's record of the font survives
// a new page (whose header and footer set fonts of their own), so that a
// fallback after it returns to the body's font.
func TestFontKeptAcrossPages(t *testing.T) {
	d := newDoc(PDFOptions{BrandName: "Brand", Now: auditedAt}, "Fonts", "Fonts")
	d.AddPage()
	d.SetFont(fontFamily, "B", 12.5)
	d.AddPage()
	want := fontChoice{fontFamily, "B", 12.5}
	if d.font != want {
		t.Errorf("after a new page the font is %+v, want %+v", d.font, want)
	}
	if d.full("Հայաստան") {
		d.back()
	}
	if size, _ := d.GetFontSize(); d.font != want || size != 12.5 {
		t.Errorf("after a fallback the font is %+v at %g pt, want %+v", d.font, size, want)
	}
}

// TestScorecardsInParallel renders scorecards from several goroutines,
// which share the cut fonts, and checks that each comes out as it does
// alone (run it with -race too).
func TestScorecardsInParallel(t *testing.T) {
	rs := companies(8)
	rs[3].Company = "Հայաստան Ltd" // falls back on the full font
	opt := PDFOptions{Now: auditedAt}
	want := make([][]byte, len(rs))
	for i, r := range rs {
		want[i] = scorecard(t, r, opt)
	}
	got := make([][]byte, len(rs))
	errs := make(chan error, len(rs))
	for i, r := range rs {
		go func() {
			var b bytes.Buffer
			err := ScorecardPDF(&b, r, opt)
			got[i] = b.Bytes()
			errs <- err
		}()
	}
	for range rs {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for i := range rs {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("scorecard %d differs when rendered beside others", i)
		}
	}
}

// TestTextGoesThroughDoc checks that the reports print text only through
// doc's methods that fall back on the full font: a call of the PDF
// writer's other text methods (Cell, Write, Text, ...) or of its own
// CellFormat, MultiCell, GetStringWidth or SplitText past doc would
// print boxes where the cut fonts lack a glyph.
func TestTextGoesThroughDoc(t *testing.T) {
	bypass := regexp.MustCompile(`\bd\.(Cell|Cellf|Write|Writef|WriteAligned|WriteLinkID|WriteLinkString|Text|SplitLines|GetStringSymbolWidth)\(|\.Fpdf\.(CellFormat|MultiCell|GetStringWidth|SplitText)\(`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "font_doc.go" {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			if bypass.MatchString(line) && !strings.HasPrefix(strings.TrimSpace(line), "//") {
				t.Errorf("%s:%d prints text past doc's font fallback: %s", name, i+1, strings.TrimSpace(line))
			}
		}
	}
}
