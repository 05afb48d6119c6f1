package reports

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"github.com/shopper-audit/shopper/audit"
)

// companies makes n results to render: the samples under n names.
func companies(n int) []*audit.Result {
	base := samples()
	out := make([]*audit.Result, n)
	for i := range out {
		r := *base[i%len(base)]
		r.Company = fmt.Sprintf("%s %04d", r.Company, i)
		out[i] = &r
	}
	return out
}

// BenchmarkScorecardPDF renders one scorecard per op, cycling through
// 1,000 companies (no screenshots). Run with -benchtime 1000x -cpu 1 for
// 1,000 companies on one core; see BENCHMARKS.md.
func BenchmarkScorecardPDF(b *testing.B) {
	rs := companies(1000)
	opt := PDFOptions{BrandName: "Northwind Consulting", Now: auditedAt}
	var buf bytes.Buffer
	largest, total := 0, 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := ScorecardPDF(&buf, rs[i%len(rs)], opt); err != nil {
			b.Fatal(err)
		}
		largest = max(largest, buf.Len())
		total += buf.Len()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pdfs/s")
	b.ReportMetric(float64(largest)/1024, "maxKB/pdf")
	b.ReportMetric(float64(total)/float64(b.N)/1024, "KB/pdf")
}

// BenchmarkBarePDF is the baseline: a bare one-page gofpdf document with
// the same embedded fonts and a few lines of the same text.
func BenchmarkBarePDF(b *testing.B) {
	regular, bold := fonts()
	var buf bytes.Buffer
	total := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		f := gofpdf.New("P", "mm", "A4", "")
		f.AddUTF8FontFromBytes(fontFamily, "", regular)
		f.AddUTF8FontFromBytes(fontFamily, "B", bold)
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
