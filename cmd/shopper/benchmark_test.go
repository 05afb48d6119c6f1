package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/campaign/jobs"
	"github.com/shopper-audit/shopper/sitegen"
	"github.com/shopper-audit/shopper/store"
)

// generated serves n small generated company sites on loopback.
func generated(t *testing.T, n int) []string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	urls, stop, err := sitegen.Serve(ctx, n, sitegen.MinPages)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(); cancel() })
	return urls
}

func writeCSV(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "companies.csv")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

var benchFast = []string{"--render", "never", "--delay", "0", "--allow-private", "--max-pages", "4"}

func readRows(t *testing.T, dir string) []jobs.Row {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, jobs.ResultsFile))
	if err != nil {
		t.Fatal(err)
	}
	var rows []jobs.Row
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r jobs.Row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("results line %q: %v", sc.Text(), err)
		}
		rows = append(rows, r)
	}
	return rows
}

func TestBenchmarkAuditsEveryCompanyAndWritesResults(t *testing.T) {
	urls := generated(t, 3)
	dir := t.TempDir()
	csv := writeCSV(t, "name,url,region,channel,address\n"+
		"Alpha,"+urls[0]+",US\n"+
		"Beta,"+urls[1]+"\n"+
		"# a comment\n"+
		"Gamma,"+urls[2]+",tr\n")
	out := filepath.Join(dir, "out")
	args := append([]string{"benchmark", "--db", filepath.Join(dir, "s.db"), "--out", out, "--workers", "2"}, benchFast...)
	code, stdout, stderr := runCmd(append(args, csv)...)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "3 of 3 companies audited") {
		t.Errorf("stdout %q", stdout)
	}
	// Not a terminal: plain progress lines.
	if !strings.Contains(stderr, "shopper benchmark: 3/3 audited\n") || strings.Contains(stderr, "\r") {
		t.Errorf("progress %q, want plain lines ending with 3/3", stderr)
	}
	if pdf, err := os.ReadFile(filepath.Join(out, jobs.PDFFile)); err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("benchmark.pdf: %v, starts %q", err, pdf[:min(len(pdf), 8)])
	}
	rows := readRows(t, out)
	if len(rows) != 3 {
		t.Fatalf("%d rows, want 3", len(rows))
	}
	want := []jobs.Company{{Name: "Alpha", URL: urls[0], Region: "US"},
		{Name: "Beta", URL: urls[1]}, {Name: "Gamma", URL: urls[2], Region: "TR"}}
	for i, r := range rows {
		w := want[i]
		if r.Name != w.Name || r.URL != w.URL || r.Region != w.Region || r.Channel != w.Channel || r.Address != w.Address {
			t.Errorf("row %d = %+v, want %+v", i, r.Company, w)
		}
		var res struct {
			URL   string `json:"url"`
			Pages int    `json:"pages_crawled"`
		}
		if err := json.Unmarshal(r.Result, &res); err != nil || res.Pages == 0 || r.Error != "" {
			t.Errorf("row %d result %s, error %q", i, r.Result, r.Error)
		}
	}
	// The audits are history too: 'shopper audit --baseline latest' finds them.
	db, err := store.Open(context.Background(), filepath.Join(dir, "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res struct {
		URL string `json:"url"`
	}
	json.Unmarshal(rows[0].Result, &res)
	if list, err := db.ListAudits(context.Background(), res.URL); err != nil || len(list) != 1 {
		t.Errorf("history of %s: %d audits, %v", res.URL, len(list), err)
	}
	if h := historyOf(t, rows[0].Result); len(h) != 0 {
		t.Errorf("first benchmark: history %+v, want none", h)
	}
	// The first benchmark was a day ago.
	if _, err := db.SQL.Exec(`UPDATE audits SET audited_at = $1`, time.Now().UTC().AddDate(0, 0, -1).Format("2006-01-02T15:04:05.000000000Z")); err != nil {
		t.Fatal(err)
	}
	// Run again when finished: a new benchmark, audited again.
	code, stdout, stderr = runCmd(append(append(args, "--quiet"), csv)...)
	if code != exitOK || strings.Contains(stderr, "resuming") {
		t.Fatalf("second run: exit %d, stderr %q", code, stderr)
	}
	if list, _ := db.ListAudits(context.Background(), res.URL); len(list) != 2 {
		t.Errorf("after a second benchmark %d audits of %s, want 2", len(list), res.URL)
	}
	// Its results carry the first benchmark's audit as their history.
	for i, r := range readRows(t, out) {
		var now struct {
			Score struct{ Total int } `json:"score"`
		}
		json.Unmarshal(r.Result, &now)
		h := historyOf(t, r.Result)
		if len(h) != 1 || h[0].Total != now.Score.Total || time.Since(h[0].At) < 23*time.Hour {
			t.Errorf("second benchmark, row %d: history %+v, want the audit of a day ago", i, h)
		}
	}
}

// historyOf reads the history of an audit result.
func historyOf(t *testing.T, result []byte) []audit.Point {
	t.Helper()
	var r audit.Result
	if err := json.Unmarshal(result, &r); err != nil {
		t.Fatalf("result %s: %v", result, err)
	}
	return r.History
}

// cancelOn cancels a context when a line containing s is written.
type cancelOn struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	s      string
	cancel func()
}

func (c *cancelOn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf.Write(p)
	if strings.Contains(c.buf.String(), c.s) {
		c.cancel()
	}
	return len(p), nil
}

func TestBenchmarkInterruptedResumesWithoutRedoing(t *testing.T) {
	urls := generated(t, 2)
	dir := t.TempDir()
	csv := writeCSV(t, "A,"+urls[0]+"\nB,"+urls[1]+"\n")
	dbPath := filepath.Join(dir, "s.db")
	out := filepath.Join(dir, "out")
	args := append([]string{"benchmark", "--db", dbPath, "--out", out}, benchFast...)

	// No workers here: the audits wait in the queue, and the run is
	// interrupted while waiting.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errw := &cancelOn{s: "0/2 audited", cancel: cancel}
	code := run(ctx, append(append(args, "--workers", "0"), csv), &bytes.Buffer{}, errw)
	if code != exitUsage || !strings.Contains(errw.buf.String(), "run the same command again to resume") {
		t.Fatalf("interrupted run: exit %d, stderr %q", code, errw.buf.String())
	}
	code, _, stderr := runCmd(append(append(args, "--workers", "2"), csv)...)
	if code != exitOK || !strings.Contains(stderr, "resuming: 2 of 2 audits were already queued or done") {
		t.Fatalf("resumed run: exit %d, stderr %q", code, stderr)
	}
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.SQL.QueryRow(`SELECT count(*) FROM audits`).Scan(&n); err != nil || n != 2 {
		t.Errorf("%d audits stored, want 2 (%v)", n, err)
	}
	if rows := readRows(t, out); len(rows) != 2 {
		t.Errorf("%d result rows, want 2", len(rows))
	}
}

func TestWorkerWorksTheQueueOfABenchmark(t *testing.T) {
	urls := generated(t, 2)
	dir := t.TempDir()
	csv := writeCSV(t, "A,"+urls[0]+"\nB,"+urls[1]+"\n")
	dbPath := filepath.Join(dir, "s.db")
	wctx, stopWorker := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var wcode int
	var werr bytes.Buffer
	wg.Go(func() {
		wcode = run(wctx, append([]string{"worker", "--db", dbPath, "--workers", "2"}, benchFast...), &bytes.Buffer{}, &werr)
	})
	code, stdout, stderr := runCmd(append(append([]string{"benchmark", "--db", dbPath, "--out", filepath.Join(dir, "out"), "--workers", "0", "--quiet"}, benchFast...), csv)...)
	stopWorker()
	wg.Wait()
	if code != exitOK || !strings.Contains(stdout, "2 of 2 companies audited") {
		t.Fatalf("benchmark: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if wcode != exitOK || !strings.Contains(werr.String(), "stopped") {
		t.Fatalf("worker: exit %d, stderr %q", wcode, werr.String())
	}
}

func TestBenchmarkBadFileSaysWhichLine(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"Acme\n", "line 1 has 1 columns"},
		{"name,url\nAcme,https://acme.example\n,https://x.example\n", "line 3 has no company name"},
		{"Acme,https://acme.example,USA\n", `line 1: region "USA"`},
		{"Acme,https://acme.example\nAcme again,https://acme.example\n", "line 2: https://acme.example is already on line 1"},
		{"Acme,ftp://acme.example\n", "line 1:"},
		{"Acme,\"https://acme.example\n", "line 1"},
		{"name,url\n", "lists no companies"},
	} {
		code, _, stderr := runCmd("benchmark", "--db", filepath.Join(t.TempDir(), "s.db"), "--out", t.TempDir(), writeCSV(t, c.body))
		if code != exitUsage || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("file %q: exit %d, stderr %q; want one line with %q", c.body, code, stderr, c.want)
		}
	}
	code, _, stderr := runCmd("benchmark", filepath.Join(t.TempDir(), "missing.csv"))
	if code != exitUsage || !strings.Contains(stderr, "cannot read the companies file") {
		t.Errorf("missing file: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCmd("benchmark")
	if code != exitUsage || !strings.Contains(stderr, "give one CSV file") {
		t.Errorf("no file: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCmd("worker", "extra")
	if code != exitUsage || !strings.Contains(stderr, "takes no arguments") {
		t.Errorf("worker extra: exit %d, stderr %q", code, stderr)
	}
}
