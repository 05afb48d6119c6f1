package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"testing"
)

// TestMain lets the test binary stand in for the command when the
// benchmark re-executes itself as a child.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "-child" {
		os.Exit(mainCode(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func TestBenchSmall(t *testing.T) {
	var out, errs bytes.Buffer
	args := []string{"-sites", "2,3", "-pages", "6", "-rounds", "1", "-concurrency", "2", "-parallel", "2", "-settle", "0", "-json"}
	if code := mainCode(context.Background(), args, nil, &out, &errs); code != 0 {
		t.Fatalf("shopper-bench %s: exit %d\n%s", strings.Join(args, " "), code, errs.String())
	}
	var rep report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("-json output does not parse: %v\n%s", err, out.String())
	}
	if len(rep.Runs) != 2 || len(rep.Scaling) != 4 || len(rep.Median) != 2 {
		t.Fatalf("got %d runs, %d scaling runs, %d medians; want 2, 4, 2", len(rep.Runs), len(rep.Scaling), len(rep.Median))
	}
	for _, r := range append(rep.Runs, rep.Scaling...) {
		if r.Failed > 0 || r.Pages < r.Sites*5 || r.Seconds <= 0 || r.CPU <= 0 {
			t.Errorf("%s run over %d sites: %+v", r.Mode, r.Sites, r)
		}
		if runtime.GOOS == "linux" && (r.RSS <= 0 || r.HWM <= 0) {
			t.Errorf("%s run: peak RSS %d, VmHWM %d; want both measured", r.Mode, r.RSS, r.HWM)
		}
	}
	if b := rep.Runs[0]; b.Mode != "bare" || b.Pages != 3*6 {
		t.Errorf("first run: %s with %d pages, want bare with every page of 3 sites × 6", b.Mode, b.Pages)
	}
	if rep.Ratio.WallPerPage <= 0 || rep.FlatRSS == nil {
		t.Errorf("ratios %+v, flat %v: want them worked out", rep.Ratio, rep.FlatRSS)
	}
}

func TestUsage(t *testing.T) {
	var out, errs bytes.Buffer
	if code := mainCode(context.Background(), []string{"--help"}, nil, &out, &errs); code != 0 {
		t.Errorf("--help: exit %d, want 0", code)
	}
	if h := errs.String(); !strings.Contains(h, "Examples:") || !strings.Contains(h, "-sites list") || strings.Contains(h, "-child") {
		t.Errorf("--help does not show examples and the flags, or shows the hidden one:\n%s", h)
	}
	for _, bad := range [][]string{{"-sites", "many"}, {"-rounds", "0"}, {"extra"}} {
		errs.Reset()
		if code := mainCode(context.Background(), bad, nil, &out, &errs); code != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", bad, code, errs.String())
		}
	}
}
