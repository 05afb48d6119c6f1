package browser

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/shopper-audit/shopper/crawler"
	"github.com/shopper-audit/shopper/sitegen"
)

// BenchmarkRender renders generated sites (package sitegen, served on
// loopback) with 1, 2 and 4 tabs, beside a bare chromedp load of the same
// pages in the same run: navigate, wait for the load event, read
// outerHTML, in reused tabs of another browser started with the same
// flags. "render" is Render as the audit called it before its pages were
// held to the address guard: third-party requests blocked, settle, HTML,
// globals, and the first screen's text at desktop and mobile size.
// "dial" is Render as `shopper audit --render` calls it now: the same,
// with Options.Dial = crawler.Dialer (AllowPrivate, as the pages are on
// loopback), so that every request goes through the browser's proxy, and
// the audit's User-Agent suffix. The three alternate in rounds of 12
// pages, so that a machine that gets busier or quieter in between weighs
// on all alike. An op is one page of each. Reported: pages/s of each,
// each render's time over bare's, each browser's peak PSS (all its
// processes, sampled every 50ms), and the milliseconds each render spends
// in each phase, per page. Run it with
//
//	go test ./crawler/browser -run '^$' -bench Render -benchtime 120x -count 2
func BenchmarkRender(b *testing.B) {
	needBrowser(b)
	pages := benchPages(b, 6, 20)
	for _, tabs := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("tabs=%d", tabs), func(b *testing.B) {
			bare := newBare(b, tabs)
			modes := []*benchMode{{name: "bare", load: bare.load, pid: bare.pid}}
			for _, m := range []struct {
				name string
				opts Options
			}{
				{"render", Options{Tabs: tabs}},
				{"dial", Options{Tabs: tabs, UserAgentSuffix: crawler.DefaultUserAgent,
					Dial: crawler.Dialer(crawler.Options{AllowPrivate: true})}},
			} {
				br, err := New(context.Background(), m.opts)
				if err != nil {
					b.Fatal(err)
				}
				defer br.Close()
				mode := &benchMode{name: m.name, pid: br.Process(), phases: tracePhases(br)}
				mode.load = func(_ int, u string) error {
					_, err := br.Render(context.Background(), u, RenderOptions{Viewports: Viewports})
					return err
				}
				modes = append(modes, mode)
			}
			// Open every tab and warm every browser up.
			for _, m := range modes {
				warm(b, tabs, pages, m.load)
			}
			for _, m := range modes {
				if m.phases != nil {
					m.phases(true)
				}
				m.mem = sampleMemory(m.pid)
			}
			b.ResetTimer()
			const round = 12
			for done := 0; done < b.N; done += round {
				n := min(round, b.N-done)
				for _, m := range modes {
					m.time += loadAll(b, tabs, pages, done, n, m.load)
				}
			}
			b.StopTimer()
			for _, m := range modes {
				b.ReportMetric(float64(b.N)/m.time.Seconds(), m.name+"-pages/s")
				if m.name != "bare" {
					b.ReportMetric(m.time.Seconds()/modes[0].time.Seconds(), m.name+"/bare")
				}
				b.ReportMetric(float64(m.mem())/(1<<20), m.name+"-peak-MB")
				if m.phases != nil {
					for name, d := range m.phases(false) {
						b.ReportMetric(float64(d.Milliseconds())/float64(b.N), m.name+"-"+strings.ReplaceAll(name, " ", "-")+"-ms")
					}
				}
			}
		})
	}
}

// benchMode is one way of loading pages in BenchmarkRender.
type benchMode struct {
	name   string
	load   func(worker int, u string) error
	pid    int
	phases func(reset bool) map[string]time.Duration // nil for bare
	mem    func() int64
	time   time.Duration
}

// tracePhases adds up the time br's render phases take; the returned func
// reads the sums, or clears them.
func tracePhases(br *Browser) func(reset bool) map[string]time.Duration {
	var mu sync.Mutex
	sum := map[string]time.Duration{}
	br.trace = func(name string, d time.Duration) {
		mu.Lock()
		sum[name] += d
		mu.Unlock()
	}
	return func(reset bool) map[string]time.Duration {
		mu.Lock()
		defer mu.Unlock()
		if reset {
			clear(sum)
			return nil
		}
		return maps.Clone(sum)
	}
}

// benchPages serves generated sites of n pages each and lists every
// page's URL, the sites interleaved.
func benchPages(b testing.TB, sites, n int) []string {
	urls, stop, err := sitegen.Serve(context.Background(), sites, n)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(stop)
	var paths [][]string
	for i := range sites {
		paths = append(paths, sitegen.Generate(int64(i), n).Paths())
	}
	var out []string
	for j := 0; j < n; j++ {
		for i := range sites {
			if j < len(paths[i]) {
				out = append(out, strings.TrimSuffix(urls[i], "/")+paths[i][j])
			}
		}
	}
	return out
}

func warm(b *testing.B, tabs int, pages []string, load func(worker int, u string) error) {
	var wg sync.WaitGroup
	for w := range tabs {
		wg.Go(func() {
			if err := load(w, pages[w]); err != nil {
				b.Error(err)
			}
		})
	}
	wg.Wait()
}

// loadAll loads pages[from:from+n] (cycling) with tabs workers and returns
// the time it took.
func loadAll(b *testing.B, tabs int, pages []string, from, n int, load func(worker int, u string) error) time.Duration {
	var next atomic.Int64
	start := time.Now()
	var wg sync.WaitGroup
	for w := range tabs {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				u := pages[(from+i)%len(pages)]
				if err := load(w, u); err != nil {
					b.Errorf("%s: %v", u, err)
				}
			}
		})
	}
	wg.Wait()
	return time.Since(start)
}

// bare is a plain chromedp browser with reused tabs.
type bare struct {
	pid  int
	tabs []context.Context
}

func newBare(b *testing.B, tabs int) *bare {
	path, err := Find()
	if err != nil {
		b.Fatal(err)
	}
	args := slices.Clone(chromedp.DefaultExecAllocatorOptions[:])
	args = append(args, chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(int(Desktop.Width), int(Desktop.Height)),
		// The bare load needs protection from the resolver stall as much
		// as Render does; here the resolver refuses every other host.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.*"))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), args...)
	b.Cleanup(cancelA)
	bctx, cancelB := chromedp.NewContext(actx)
	b.Cleanup(cancelB)
	if err := chromedp.Do(bctx); err != nil {
		b.Fatal(err)
	}
	br := &bare{pid: chromedp.FromContext(bctx).Browser.Process().Pid}
	for range tabs {
		tctx, cancel := chromedp.NewContext(bctx)
		b.Cleanup(cancel)
		if err := chromedp.Do(tctx); err != nil { // binds the tab to its long-lived context
			b.Fatal(err)
		}
		br.tabs = append(br.tabs, tctx)
	}
	return br
}

func (br *bare) load(w int, u string) error {
	ctx, cancel := context.WithTimeout(br.tabs[w], 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		return err
	}
	_, err := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("html")))
	return err
}

// sampleMemory samples the PSS of pid and its descendants every 50ms until
// the returned func is called, which returns the peak in bytes.
func sampleMemory(pid int) func() int64 {
	var peak atomic.Int64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			if v := treePSS(pid); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() int64 {
		close(done)
		<-stopped
		return peak.Load()
	}
}

// treePSS sums the proportional set size of pid and its descendants.
func treePSS(pid int) int64 {
	children := map[int][]int{}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, f := range stats {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		s := string(data)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		fields := strings.Fields(s[i+1:])
		if len(fields) < 2 {
			continue
		}
		ppid, _ := strconv.Atoi(fields[1])
		p, _ := strconv.Atoi(filepath.Base(filepath.Dir(f)))
		children[ppid] = append(children[ppid], p)
	}
	var total int64
	todo := []int{pid}
	for len(todo) > 0 {
		p := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		todo = append(todo, children[p]...)
		f, err := os.Open(fmt.Sprintf("/proc/%d/smaps_rollup", p))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "Pss:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
				total += kb << 10
				break
			}
		}
		f.Close()
	}
	return total
}

// BenchmarkProxy fetches a 48 KB page over keep-alive connections on
// loopback, directly and through the browser's proxy (Options.Dial), to
// show what the proxy adds to each request: time and allocations. Run it
// with
//
//	go test ./crawler/browser -run '^$' -bench Proxy -benchmem
func BenchmarkProxy(b *testing.B) {
	page := strings.Repeat("<p>shopper</p>\n", 48<<10/15)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, page)
	}))
	defer srv.Close()
	var d net.Dialer
	px, err := startProxy(d.DialContext)
	if err != nil {
		b.Fatal(err)
	}
	defer px.close()
	for _, via := range []string{"direct", "proxy"} {
		b.Run(via, func(b *testing.B) {
			tr := &http.Transport{MaxIdleConnsPerHost: 8, DisableCompression: true}
			if via == "proxy" {
				tr.Proxy = http.ProxyURL(&url.URL{Scheme: "http", Host: px.addr()})
			}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr}
			b.SetBytes(int64(len(page)))
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					resp, err := client.Get(srv.URL + "/")
					if err != nil {
						b.Error(err)
						return
					}
					n, _ := io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if n != int64(len(page)) {
						b.Errorf("read %d bytes, want %d", n, len(page))
						return
					}
				}
			})
		})
	}
}
