package crawler

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/crawler/browser"
)

// TestBrowserHonoursTheGuard renders pages of www.shop.test whose
// subresources, redirects and script navigations lead to
// intranet.shop.test, a name of the same site that resolves to another
// loopback address, which stands for an internal network. With the guard
// on, the browser reaches none of it; with private addresses allowed, it
// reaches all of it.
func TestBrowserHonoursTheGuard(t *testing.T) {
	if _, err := browser.Find(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs a browser for the render tests: %v (scripts/test.sh installs chromium)", err)
		}
		t.Skipf("no browser: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatalf("listen on 127.0.0.2: %v", err)
	}
	intranet := &httptest.Server{Listener: ln, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		switch r.URL.Path {
		case "/x.js":
			w.Header().Set("Content-Type", "text/javascript")
			fmt.Fprint(w, `document.addEventListener('DOMContentLoaded', function(){ document.body.insertAdjacentHTML('beforeend', '<p>SECRET-SCRIPT</p>'); });`)
		case "/data":
			fmt.Fprint(w, "SECRET-DATA")
		default:
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<!doctype html><title>Intranet</title><p>SECRET-PAGE</p>")
		}
	})}}
	intranet.Start()
	defer intranet.Close()
	_, iport, _ := net.SplitHostPort(ln.Addr().String())
	in := "http://intranet.shop.test:" + iport

	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch r.URL.Path {
		case "/go":
			http.Redirect(w, r, in+"/", http.StatusFound)
		case "/nav":
			fmt.Fprintf(w, `<!doctype html><title>Shop</title><p>Moving</p><script>location.href = %q;</script>`, in+"/")
		default:
			fmt.Fprintf(w, `<!doctype html><title>Shop</title><script src="%s/x.js"></script><p>Shop</p>
<script>fetch(%q).then(function(r){ return r.text(); }).then(function(t){ document.body.insertAdjacentHTML('beforeend', '<p>' + t + '</p>'); });</script>`, in, in+"/data")
		}
	}))
	defer site.Close()
	_, sport, _ := net.SplitHostPort(strings.TrimPrefix(site.URL, "http://"))
	www := "http://www.shop.test:" + sport

	hosts := map[string]netip.Addr{"www.shop.test": netip.MustParseAddr("127.0.0.1"), "intranet.shop.test": netip.MustParseAddr("127.0.0.2")}
	lookup := func(_ context.Context, host string) ([]netip.Addr, error) {
		if a, ok := hosts[host]; ok {
			return []netip.Addr{a}, nil
		}
		return nil, fmt.Errorf("no such host %s", host)
	}
	start := func(g guard) *browser.Browser {
		g.lookup = lookup
		b, err := browser.New(context.Background(), browser.Options{Tabs: 1, RenderTimeout: 5 * time.Second, LoopbackOnly: true, Dial: g.dialContext(5 * time.Second)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { b.Close() })
		return b
	}
	ctx := context.Background()

	t.Run("guard on", func(t *testing.T) {
		b := start(guard{allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})
		res, err := b.Render(ctx, www+"/", browser.RenderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.HTML, "<p>Shop</p>") || strings.Contains(res.HTML, "SECRET") {
			t.Errorf("rendered page reached the private address, or did not render:\n%s", res.HTML)
		}
		for _, path := range []string{"/go", "/nav"} {
			res, err := b.Render(ctx, www+path, browser.RenderOptions{})
			if !errors.Is(err, ErrPrivateAddress) {
				t.Errorf("%s: err = %v, want ErrPrivateAddress", path, err)
			}
			if res != nil && strings.Contains(res.HTML, "SECRET") {
				t.Errorf("%s: rendered the private page", path)
			}
		}
	})
	t.Run("private allowed", func(t *testing.T) {
		b := start(guard{allowPrivate: true})
		res, err := b.Render(ctx, www+"/", browser.RenderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.HTML, "SECRET-SCRIPT") || !strings.Contains(res.HTML, "SECRET-DATA") {
			t.Errorf("rendered page lacks what the other address served:\n%s", res.HTML)
		}
		for _, path := range []string{"/go", "/nav"} {
			res, err := b.Render(ctx, www+path, browser.RenderOptions{})
			if err != nil || !strings.Contains(res.HTML, "SECRET-PAGE") {
				t.Errorf("%s: err %v, want the other address's page", path, err)
			}
		}
	})
}

func TestDialerRefusesPrivateAddresses(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	ctx := context.Background()
	if _, err := Dialer(Options{})(ctx, "tcp", addr); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("default: dial %s: %v, want ErrPrivateAddress", addr, err)
	}
	for _, o := range []Options{{AllowPrivate: true}, {AllowNets: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}}} {
		c, err := Dialer(o)(ctx, "tcp", addr)
		if err != nil {
			t.Errorf("%+v: dial %s: %v", o, addr, err)
			continue
		}
		c.Close()
	}
}
