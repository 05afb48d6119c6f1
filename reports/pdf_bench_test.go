package reports

import (
	"bytes"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

// BenchmarkBareCutPDF is BenchmarkBarePDF with the cut fonts the reports
// now hand the PDF writer: the cheapest page the library writes with
// them, so the floor under a scorecard.
func BenchmarkBareCutPDF(b *testing.B) {
	fs, err := faces()
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	total := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		f := gofpdf.New("P", "mm", "A4", "")
		f.AddUTF8FontFromBytes(fontFamily, "", fs[0].cut)
		f.AddUTF8FontFromBytes(fontFamily, "B", fs[1].cut)
		f.AddPage()
		f.SetFont(fontFamily, "B", 20)
		f.Cell(0, 10, nameVI)
		f.Ln(12)
		f.SetFont(fontFamily, "", 10)
		f.Cell(0, 6, nameTR)
		if err := f.Output(&buf); err != nil {
			b.Fatal(err)
		}
		total += buf.Len()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pdfs/s")
	b.ReportMetric(float64(total)/float64(b.N)/1024, "KB/pdf")
}
