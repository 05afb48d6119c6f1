package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/riverqueue/river"

	"github.com/shopper-audit/shopper/audit"
)

// Company is one row of a benchmark: a company and the audit job that
// audits its site.
type Company struct {
	Name    string `json:"name"`
	URL     string `json:"url"`
	Region  string `json:"region,omitempty"`
	Channel string `json:"channel,omitempty"`
	Address string `json:"address,omitempty"`
	// Key is the audit job's key (AuditArgs.Key).
	Key string `json:"key"`
}

// ReportArgs is a report job: write a benchmark's results to Dir as
// results.jsonl and, when PDF is set and the Queue has Options.PDF,
// benchmark.pdf.
type ReportArgs struct {
	Batch     string    `json:"batch"`
	Dir       string    `json:"dir"`
	PDF       bool      `json:"pdf"`
	Companies []Company `json:"companies"`
}

// KindReport is the River kind of report jobs.
const KindReport = "benchmark_report"

// Kind implements river.JobArgs.
func (ReportArgs) Kind() string { return KindReport }

// Files written by report jobs, in ReportArgs.Dir.
const (
	ResultsFile = "results.jsonl"
	PDFFile     = "benchmark.pdf"
)

// Row is one line of results.jsonl: the company as the benchmark file
// gave it, and its audit result (as `shopper audit --json` prints it) or
// why it could not be audited.
type Row struct {
	Company
	Result json.RawMessage `json:"result"`
	Error  string          `json:"error,omitempty"`
}

type reportWorker struct {
	river.WorkerDefaults[ReportArgs]
	q     *Queue
	pdf   func(w io.Writer, results []audit.Result) error
	amend func(ctx context.Context, a ReportArgs, c Company, r *audit.Result) error
}

// Work writes the files, each whole or not at all (written aside, then
// renamed). Companies whose audit has no outcome stored yet are written
// with an error saying so.
func (w *reportWorker) Work(ctx context.Context, job *river.Job[ReportArgs]) error {
	a := job.Args
	stored, err := w.q.DB.BatchAudits(ctx, a.Batch)
	if err != nil {
		return err
	}
	byKey := map[string]int{}
	for i, s := range stored {
		byKey[s.Key] = i
	}
	if err := os.MkdirAll(a.Dir, 0o755); err != nil {
		return fmt.Errorf("report directory: %w", err)
	}
	var results []audit.Result
	err = writeAtomic(filepath.Join(a.Dir, ResultsFile), func(f *os.File) error {
		enc := json.NewEncoder(f)
		enc.SetEscapeHTML(false)
		for _, c := range a.Companies {
			row := Row{Company: c, Result: json.RawMessage("null")}
			i, ok := byKey[c.Key]
			switch {
			case !ok:
				row.Error = "not audited yet"
			case stored[i].Error != "":
				row.Error = stored[i].Error
			default:
				row.Result = stored[i].Result
				var r audit.Result
				if err := json.Unmarshal(stored[i].Result, &r); err != nil {
					return fmt.Errorf("stored audit of %s: %w", c.URL, err)
				}
				if w.amend != nil {
					if err := w.amend(ctx, a, c, &r); err != nil {
						return fmt.Errorf("report of %s: %w", c.Name, err)
					}
					b, err := json.Marshal(&r)
					if err != nil {
						return fmt.Errorf("report of %s: %w", c.Name, err)
					}
					row.Result = b
				}
				results = append(results, r)
			}
			if err := enc.Encode(row); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if a.PDF && w.pdf != nil {
		return writeAtomic(filepath.Join(a.Dir, PDFFile), func(f *os.File) error { return w.pdf(f, results) })
	}
	return nil
}

// writeAtomic writes path through a temporary file in the same directory.
func writeAtomic(path string, write func(*os.File) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
