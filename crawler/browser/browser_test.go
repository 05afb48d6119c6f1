package browser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	sitefixture "github.com/shopper-audit/shopper/internal/fixture"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The render tests share one browser: starting Chromium costs about half a
// second. They never skip in CI (CI=true): a missing browser fails there.

var (
	shared     *Browser
	sharedErr  error
	sharedOnce sync.Once
)

// testOptions are the options of the shared browser: nothing leaves the
// machine, and a hung page is given up quickly.
func testOptions() Options {
	return Options{Tabs: 2, RenderTimeout: 3 * time.Second, LoopbackOnly: true}
}

// needBrowser skips the test when no browser is installed, except in CI,
// where it fails.
func needBrowser(t testing.TB) {
	t.Helper()
	if _, err := Find(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs a browser for the render tests: %v (scripts/test.sh installs chromium)", err)
		}
		t.Skipf("no browser: %v (scripts/test.sh installs chromium)", err)
	}
}

func testBrowser(t testing.TB) *Browser {
	t.Helper()
	needBrowser(t)
	sharedOnce.Do(func() { shared, sharedErr = New(context.Background(), testOptions()) })
	if sharedErr != nil {
		t.Fatalf("start browser: %v", sharedErr)
	}
	return shared
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.Close()
	}
	os.Exit(code)
}

// fixture serves path → body; bodies of paths ending in .js are scripts,
// the rest HTML.
func fixture(t testing.TB, files map[string]string) *httptest.Server {
	t.Helper()
	return sitefixture.Serve(t, files)
}

func render(t *testing.T, b *Browser, u string, opts RenderOptions) *Result {
	t.Helper()
	res, err := b.Render(context.Background(), u, opts)
	if err != nil {
		t.Fatalf("Render(%s): %v", u, err)
	}
	return res
}

// chatLoader is a tag-manager-like loader: after a delay it defines the
// vendor's global and inserts the vendor's script, which cannot load.
const chatLoader = `(function(){
  setTimeout(function(){
    window.intercomSettings = {app_id: "abc"};
    var s = document.createElement('script');
    s.async = true;
    s.src = 'https://widget.intercom.io/widget/abc';
    document.head.appendChild(s);
    var d = document.createElement('div');
    d.id = 'intercom-container';
    document.body.appendChild(d);
  }, 150);
})();`

func TestRenderSeesWhatScriptsAdd(t *testing.T) {
	b := testBrowser(t)
	srv := fixture(t, map[string]string{
		"/loader.js": chatLoader,
		"/timeout": `<!doctype html><html><head><title>Shop</title><script src="/loader.js" async></script></head>
<body><h1>Shop</h1></body></html>`,
		"/domready": `<!doctype html><html><head><title>Shop</title><script>
document.addEventListener('DOMContentLoaded', function(){
  var s = document.createElement('script'); s.src = 'https://embed.tawk.to/5f0000/default';
  document.body.appendChild(s);
  window.Tawk_API = {};
});
</script></head><body><h1>Shop</h1></body></html>`,
		"/faq": `<!doctype html><html><head><title>FAQ</title></head><body><h1>FAQ</h1><div id="faq"></div>
<script>
var items = [{"q":"How do I return an item?","a":"Use the returns form."},
             {"q":"When will my order arrive?","a":"In three days."},
             {"q":"Do you ship abroad?","a":"Yes, to 30 countries."}];
document.addEventListener('DOMContentLoaded', function(){
  var root = document.getElementById('faq');
  items.forEach(function(it){
    var d = document.createElement('details'), s = document.createElement('summary');
    s.textContent = it.q; d.appendChild(s); d.appendChild(document.createTextNode(it.a)); root.appendChild(d);
  });
});
</script></body></html>`,
	})

	t.Run("setTimeout loader", func(t *testing.T) {
		res := render(t, b, srv.URL+"/timeout", RenderOptions{})
		if !strings.Contains(res.HTML, `src="https://widget.intercom.io/widget/abc"`) {
			t.Errorf("rendered HTML lacks the script the loader inserted:\n%s", res.HTML)
		}
		if !strings.Contains(res.HTML, `id="intercom-container"`) {
			t.Errorf("rendered HTML lacks the widget element")
		}
		if !slices.Contains(res.Globals, "intercomSettings") {
			t.Errorf("Globals = %v, want intercomSettings among them", res.Globals)
		}
		if !slices.Contains(res.Requests, "https://widget.intercom.io/widget/abc") || !slices.Contains(res.Requests, srv.URL+"/loader.js") {
			t.Errorf("Requests = %v, want the loader and the blocked vendor script", res.Requests)
		}
		if !res.Settled {
			t.Errorf("page did not settle")
		}
	})
	t.Run("DOMContentLoaded", func(t *testing.T) {
		res := render(t, b, srv.URL+"/domready", RenderOptions{})
		if !strings.Contains(res.HTML, `src="https://embed.tawk.to/5f0000/default"`) || !slices.Contains(res.Globals, "Tawk_API") {
			t.Errorf("rendered page lacks the tawk.to script or global; globals %v", res.Globals)
		}
	})
	t.Run("FAQ from JSON", func(t *testing.T) {
		res := render(t, b, srv.URL+"/faq", RenderOptions{})
		if n := strings.Count(res.HTML, "<details>"); n != 3 {
			t.Errorf("rendered FAQ has %d <details>, want 3", n)
		}
		if !strings.Contains(res.HTML, "<summary>Do you ship abroad?</summary>") {
			t.Errorf("rendered FAQ lacks a question:\n%s", res.HTML)
		}
	})
}

func TestGlobalsLeaveOutTheBrowsersOwn(t *testing.T) {
	b := testBrowser(t)
	srv := fixture(t, map[string]string{"/": `<!doctype html><title>x</title><script>var shopGlobal = 1; function shopFn(){}</script>`})
	res := render(t, b, srv.URL+"/", RenderOptions{})
	if want := []string{"shopFn", "shopGlobal"}; !slices.Equal(res.Globals, want) {
		t.Errorf("Globals = %v, want %v", res.Globals, want)
	}
}

func TestAboveTheFold(t *testing.T) {
	b := testBrowser(t)
	srv := fixture(t, map[string]string{"/": `<!doctype html><html><head><title>Acme</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { margin: 0; font: 16px sans-serif; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .desk-only { display: block; } @media (max-width: 600px) { .desk-only { display: none; } }
  .collapsed { height: 0; overflow: hidden; }
</style></head><body>
<header><a href="/">Acme</a> Call us: <a href="tel:+18005550199">1-800-<span>555</span>-0199</a> <a href="/contact">Contact</a></header>
<div class="desk-only">Sales 1-800-555-0111</div>
<div style="display:none">Hidden 1-800-555-0122</div>
<div style="visibility:hidden">Invisible 1-800-555-0133</div>
<div style="opacity:0">Transparent 1-800-555-0144</div>
<span class="sr-only">Screen reader 1-800-555-0155</span>
<div class="collapsed">Collapsed 1-800-555-0166</div>
<div style="height: 3000px">Tall content</div>
<footer>Far below: 1-800-555-0177</footer>
</body></html>`})
	res := render(t, b, srv.URL+"/", RenderOptions{Viewports: Viewports, Screenshot: true})
	for _, vp := range []string{"desktop", "mobile"} {
		fold := res.Fold[vp]
		if !strings.Contains(fold, "Call us: 1-800-555-0199 Contact") {
			t.Errorf("%s fold lacks the header phone, read whole:\n%s", vp, fold)
		}
		for _, gone := range []string{"0122", "0133", "0144", "0155", "0166", "0177"} {
			if strings.Contains(fold, gone) {
				t.Errorf("%s fold shows …%s, which is not visible in the first screen:\n%s", vp, gone, fold)
			}
		}
	}
	if !strings.Contains(res.Fold["desktop"], "0111") || strings.Contains(res.Fold["mobile"], "0111") {
		t.Errorf("desktop-only number: desktop fold %q, mobile fold %q", res.Fold["desktop"], res.Fold["mobile"])
	}
	img, err := png.Decode(bytes.NewReader(res.Screenshot))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if s := img.Bounds().Size(); s.X != int(Desktop.Width) || s.Y != int(Desktop.Height) {
		t.Errorf("screenshot is %v, want %dx%d", s, Desktop.Width, Desktop.Height)
	}
	// The next page in the same tab loads at desktop size again.
	res = render(t, b, srv.URL+"/", RenderOptions{Viewports: []Viewport{Desktop}})
	if !strings.Contains(res.Fold["desktop"], "0111") {
		t.Errorf("a page after a mobile measurement did not load at desktop size:\n%s", res.Fold["desktop"])
	}
}

func TestUnreachableThirdPartyDoesNotStall(t *testing.T) {
	needBrowser(t)
	// No host-resolver rules here: blocking alone must keep the render
	// fast, as in production. localhost counts as another site and is let
	// through by AllowHosts.
	b, err := New(context.Background(), Options{Tabs: 1, RenderTimeout: 10 * time.Second,
		AllowHosts: func(h string) bool { return h == "localhost" }})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var other string
	page := func() string {
		return `<!doctype html><html><head><title>x</title>
<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">
<script src="https://static.zdassets.com/ekr/snippet.js?key=1"></script>
<script src="https://widget.intercom.io/widget/abc" async></script>
<script src="` + other + `/allowed.js"></script>
</head><body><img src="https://www.facebook.com/tr?id=1"><iframe src="https://www.google.com/maps/embed?pb=1"></iframe>
<p>Shop</p></body></html>`
	}
	files := map[string]string{"/allowed.js": "window.allowedRan = true;"}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, page())
			return
		}
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, files[r.URL.Path])
	}))
	defer srv.Close()
	other = strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)

	for i := range 3 {
		start := time.Now()
		res, err := b.Render(context.Background(), srv.URL+"/", RenderOptions{Viewports: Viewports})
		took := time.Since(start)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("render %d: %v, settled %v", i, took, res.Settled)
		// The stall this guards against is a 5 s DNS time-out.
		if took > 4*time.Second {
			t.Errorf("render %d took %v with unreachable third-party hosts, want well under the 5 s DNS stall", i, took)
		}
		for _, u := range []string{"https://static.zdassets.com/ekr/snippet.js?key=1", "https://widget.intercom.io/widget/abc", "https://www.facebook.com/tr?id=1"} {
			if !slices.Contains(res.Requests, u) {
				t.Errorf("Requests lacks the blocked %s: %v", u, res.Requests)
			}
		}
		if !slices.Contains(res.Globals, "allowedRan") {
			t.Errorf("the script on an allowed host did not run: globals %v", res.Globals)
		}
	}
	// The shared browser allows no other host: the same script is blocked.
	res := render(t, testBrowser(t), srv.URL+"/", RenderOptions{})
	if slices.Contains(res.Globals, "allowedRan") {
		t.Errorf("a script on another host ran although AllowHosts is nil")
	}
}

func TestHungTabIsReplaced(t *testing.T) {
	b := testBrowser(t)
	srv := fixture(t, map[string]string{
		"/hang": `<!doctype html><title>hang</title><script>while (true) {}</script>`,
		"/ok":   `<!doctype html><title>ok</title><p id="ok">fine</p>`,
	})
	start := time.Now()
	_, err := b.Render(context.Background(), srv.URL+"/hang", RenderOptions{})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Render of a hanging page: %v, want ErrTimeout", err)
	}
	// A bound against hanging, not a timing: a loaded machine may add
	// seconds to the tab's cancellation.
	if took := time.Since(start); took > 3*testOptions().RenderTimeout {
		t.Errorf("hung render returned after %v, want it bounded near RenderTimeout (%v)", took, testOptions().RenderTimeout)
	}
	// Every tab works afterwards, on the same site.
	var wg sync.WaitGroup
	for range testOptions().Tabs * 2 {
		wg.Go(func() {
			res, err := b.Render(context.Background(), srv.URL+"/ok", RenderOptions{})
			if err != nil || !strings.Contains(res.HTML, "fine") {
				t.Errorf("render after a hung tab: %v", err)
			}
		})
	}
	wg.Wait()
}

func TestCrashedTabIsReplaced(t *testing.T) {
	b := testBrowser(t)
	srv := fixture(t, map[string]string{
		// Busy until SettleCap: the crash comes while it settles.
		"/busy": `<!doctype html><title>busy</title><p id="n">0</p><script>
var n = 0; (function tick(){ document.getElementById('n').textContent = ++n; setTimeout(tick, 20); })();
</script>`,
		"/ok": `<!doctype html><title>ok</title><p>fine</p>`,
	})
	tb, err := b.tab(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	time.AfterFunc(300*time.Millisecond, func() { _, _ = chromedp.Call(tb.ctx, page.Crash, cdp.Empty{}) })
	start := time.Now()
	_, err = tb.render(context.Background(), srv.URL+"/busy", RenderOptions{})
	b.discard(tb)
	if !errors.Is(err, errCrashed) || time.Since(start) > 5*time.Second {
		t.Fatalf("render of a tab that crashed: %v after %v, want errCrashed at once", err, time.Since(start))
	}
	// Tabs that shared the crashed renderer are replaced too.
	var wg sync.WaitGroup
	for range testOptions().Tabs * 2 {
		wg.Go(func() {
			res, err := b.Render(context.Background(), srv.URL+"/ok", RenderOptions{})
			if err != nil || !strings.Contains(res.HTML, "fine") {
				t.Errorf("render after a crash: %v", err)
			}
		})
	}
	wg.Wait()
}

func TestSettleIsCapped(t *testing.T) {
	b := testBrowser(t)
	srv := fixture(t, map[string]string{
		"/busy": `<!doctype html><title>busy</title><p id="n">0</p><script>
var n = 0; (function tick(){ document.getElementById('n').textContent = ++n; setTimeout(tick, 20); })();
</script>`,
		"/late": `<!doctype html><title>late</title><script>
setTimeout(function(){ setTimeout(function(){ document.body.insertAdjacentHTML('beforeend', '<p>late content</p>'); }, 200); }, 100);
</script><body></body>`,
	})
	start := time.Now()
	res := render(t, b, srv.URL+"/busy", RenderOptions{})
	if took := time.Since(start); res.Settled || took > 3*time.Second+b.opts.SettleCap {
		t.Errorf("busy page: settled %v after %v; want not settled, after about SettleCap", res.Settled, took)
	}
	res = render(t, b, srv.URL+"/late", RenderOptions{})
	if !res.Settled || !strings.Contains(res.HTML, "late content") {
		t.Errorf("chained timers: settled %v, HTML %s", res.Settled, res.HTML)
	}
}

func TestPageErrorsKeepTheTab(t *testing.T) {
	b := testBrowser(t)
	srv := fixture(t, map[string]string{"/ok": `<!doctype html><title>ok</title>`})
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	if _, err := b.Render(context.Background(), closed.URL+"/", RenderOptions{}); err == nil {
		t.Fatal("Render of a closed port succeeded")
	}
	render(t, b, srv.URL+"/ok", RenderOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := b.Render(ctx, srv.URL+"/ok", RenderOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Render with a canceled context: %v", err)
	}
}

func TestDeadOrHungBrowserIsRestarted(t *testing.T) {
	needBrowser(t)
	opts := testOptions()
	opts.RenderTimeout = 1500 * time.Millisecond
	b, err := New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	srv := fixture(t, map[string]string{"/": `<!doctype html><title>ok</title><p>alive</p>`})
	render(t, b, srv.URL+"/", RenderOptions{})
	dirs := []string{b.proc.dir}

	// Killed: the next render starts the browser again and succeeds.
	if err := syscall.Kill(b.Process(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	res := render(t, b, srv.URL+"/", RenderOptions{})
	if !strings.Contains(res.HTML, "alive") || b.Restarts() != 1 {
		t.Errorf("after the browser was killed: restarts %d, HTML %q", b.Restarts(), res.HTML)
	}
	dirs = append(dirs, b.proc.dir)

	// Hung (stopped): the render in flight times out, and the browser is
	// replaced when it cannot open a tab.
	if err := syscall.Kill(b.Process(), syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Render(context.Background(), srv.URL+"/", RenderOptions{}); !errors.Is(err, ErrTimeout) {
		t.Errorf("render in a hung browser: %v, want ErrTimeout", err)
	}
	res = render(t, b, srv.URL+"/", RenderOptions{})
	if !strings.Contains(res.HTML, "alive") || b.Restarts() != 2 {
		t.Errorf("after the browser hung: restarts %d, HTML %q", b.Restarts(), res.HTML)
	}
	dirs = append(dirs, b.proc.dir)

	b.Close()
	for _, d := range dirs {
		if _, err := os.Stat(d); !os.IsNotExist(err) {
			t.Errorf("user data directory %s still there after Close (%v)", d, err)
		}
	}
	if _, err := b.Render(context.Background(), srv.URL+"/", RenderOptions{}); !errors.Is(err, ErrClosed) {
		t.Errorf("Render after Close: %v, want ErrClosed", err)
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "chrome")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "plain")
	if err := os.WriteFile(plain, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		env, path string
		err       bool
	}{
		{exe, exe, false},
		{filepath.Join(dir, "missing"), "", true},
		{plain, "", true},
		{dir, "", true},
	}
	for _, c := range cases {
		t.Setenv("CHROME_PATH", c.env)
		got, err := Find()
		if got != c.path || (err != nil) != c.err || (err != nil && !errors.Is(err, ErrNotFound)) {
			t.Errorf("CHROME_PATH=%s: Find() = %q, %v; want %q, error %v", c.env, got, err, c.path, c.err)
		}
	}
	t.Setenv("CHROME_PATH", "")
	t.Setenv("PATH", dir)
	if _, err := Find(); !errors.Is(err, ErrNotFound) {
		t.Errorf("empty PATH: Find() error %v, want ErrNotFound", err)
	}
	if _, err := New(context.Background(), Options{Path: filepath.Join(dir, "missing")}); !errors.Is(err, ErrNotFound) {
		t.Errorf("New with a missing Path: %v, want ErrNotFound", err)
	}
}
