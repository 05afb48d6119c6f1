package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/shopper-audit/shopper/audit"
	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/sitegen"
)

// job is what the parent hands a child on stdin.
type job struct {
	Mode        string   `json:"mode"`            // "bare", "audit" or "serve"
	Sites       int      `json:"sites,omitempty"` // serve: how many sites
	Pages       int      `json:"pages,omitempty"` // serve: pages per site
	URLs        []string `json:"urls,omitempty"`
	Concurrency int      `json:"concurrency"`
	Parallel    int      `json:"parallel"`
	MaxPages    int      `json:"max_pages"`
	Depth       int      `json:"depth"`
	CPUProfile  string   `json:"cpu_profile,omitempty"`
}

// outcome is what a child writes on stdout when it is done.
type outcome struct {
	Sites   int      `json:"sites"`
	Failed  int      `json:"failed"`
	Errors  []string `json:"errors,omitempty"` // the first few
	Pages   int      `json:"pages"`
	Seconds float64  `json:"seconds"` // wall time of the crawls, start-up excluded
	// HWM is the child's own peak RSS as the kernel's VmHWM tells it,
	// a cross-check of the rusage figure the parent reads.
	HWM int64 `json:"vm_hwm_bytes"`
}

// childMain runs one mode over every site and reports on stdout, or
// serves the sites until stdin closes.
func childMain(ctx context.Context, stdin io.Reader, stdout io.Writer) error {
	var j job
	if err := json.NewDecoder(stdin).Decode(&j); err != nil {
		return fmt.Errorf("read job: %w", err)
	}
	if j.Mode == "serve" {
		return serveMain(ctx, j, stdin, stdout)
	}
	one := map[string]func(context.Context, string, job) (int, error){"bare": bareSite, "audit": auditSite}[j.Mode]
	if one == nil {
		return fmt.Errorf("unknown mode %q", j.Mode)
	}
	if j.CPUProfile != "" {
		f, err := os.Create(j.CPUProfile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}

	var (
		out  = outcome{Sites: len(j.URLs)}
		mu   sync.Mutex
		wg   sync.WaitGroup
		next = make(chan string)
	)
	start := time.Now()
	for range j.Concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range next {
				// Each site's result is counted and dropped here: nothing
				// of a finished site stays in memory.
				n, err := one(ctx, u, j)
				mu.Lock()
				out.Pages += n
				if err != nil {
					out.Failed++
					if len(out.Errors) < 5 {
						out.Errors = append(out.Errors, err.Error())
					}
				}
				mu.Unlock()
			}
		}()
	}
	for _, u := range j.URLs {
		next <- u
	}
	close(next)
	wg.Wait()
	out.Seconds = time.Since(start).Seconds()
	out.HWM = peakRSS()
	return json.NewEncoder(stdout).Encode(out)
}

// serveMain generates and serves the sites, prints their URLs as one JSON
// line, and serves until stdin is closed. Serving from its own process
// keeps the parent small: a child's rusage peak RSS starts from its
// parent's at the moment of exec (Linux copies the old address space's
// high-water mark into it), so a parent holding the sites would inflate
// every child's figure.
func serveMain(ctx context.Context, j job, stdin io.Reader, stdout io.Writer) error {
	urls, stop, err := sitegen.Serve(ctx, j.Sites, j.Pages)
	if err != nil {
		return err
	}
	defer stop()
	runtime.GC()
	if err := json.NewEncoder(stdout).Encode(urls); err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, stdin)
	return nil
}

// auditSite is what a shopper user runs: a full audit, its JSON encoded
// and thrown away.
func auditSite(ctx context.Context, u string, j job) (int, error) {
	r, err := audit.Run(ctx, u, audit.Options{Crawl: crawler.Options{
		AllowPrivate: true, Delay: 0, Parallelism: j.Parallel, MaxPages: j.MaxPages, MaxDepth: j.Depth,
	}})
	if err != nil {
		return 0, err
	}
	if err := json.NewEncoder(io.Discard).Encode(r); err != nil {
		return 0, err
	}
	return r.PagesCrawled, nil
}

// bareSite is the baseline: one colly collector, async, the same
// parallelism, page budget and depth as the audit, following same-site
// a[href] links and doing nothing else with the pages.
func bareSite(ctx context.Context, u string, j job) (int, error) {
	start, err := url.Parse(u)
	if err != nil {
		return 0, err
	}
	c := colly.NewCollector(
		colly.Async(true),
		colly.MaxDepth(j.Depth+1), // colly counts the start page as depth 1
		colly.StdlibContext(ctx),
	)
	// The transport the crawler uses too, so that both reuse connections
	// alike and the comparison measures the work done on pages.
	c.WithTransport(&http.Transport{
		DialContext:           (&net.Dialer{Timeout: 15 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ResponseHeaderTimeout: 15 * time.Second,
		MaxIdleConnsPerHost:   j.Parallel + 1,
		IdleConnTimeout:       30 * time.Second,
	})
	if err := c.Limit(&colly.LimitRule{DomainGlob: "*", Parallelism: j.Parallel}); err != nil {
		return 0, err
	}
	var (
		mu        sync.Mutex
		requested = 1 // the home page
		pages     atomic.Int64
		firstErr  error
	)
	c.OnHTML("a[href]", func(e *colly.HTMLElement) {
		l, err := url.Parse(e.Request.AbsoluteURL(e.Attr("href")))
		if err != nil || l.Host != start.Host || (l.Scheme != "http" && l.Scheme != "https") {
			return
		}
		l.Fragment, l.RawFragment = "", ""
		mu.Lock()
		defer mu.Unlock()
		if requested >= j.MaxPages {
			return
		}
		if e.Request.Visit(l.String()) == nil {
			requested++
		}
	})
	c.OnResponse(func(r *colly.Response) {
		if r.StatusCode == http.StatusOK {
			pages.Add(1)
		}
	})
	c.OnError(func(r *colly.Response, err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = fmt.Errorf("%s: %w", r.Request.URL, err)
		}
		mu.Unlock()
	})
	if err := c.Visit(u); err != nil {
		return 0, err
	}
	c.Wait()
	if pages.Load() == 0 {
		if firstErr == nil {
			firstErr = errors.New("no page fetched")
		}
		return 0, fmt.Errorf("%s: %w", u, firstErr)
	}
	return int(pages.Load()), nil
}
