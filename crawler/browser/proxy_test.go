package browser

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestProxyTunnelsAndRefuses drives the proxy as the browser does: HTTPS
// through a CONNECT tunnel, plain HTTP forwarded, and both refused when
// Dial refuses the address.
func TestProxyTunnelsAndRefuses(t *testing.T) {
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "over tls") }))
	defer tlsSrv.Close()
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "plain") }))
	defer plain.Close()

	errNo := errors.New("refused by the test")
	allow := map[string]bool{}
	var d net.Dialer
	px, err := startProxy(func(ctx context.Context, network, addr string) (net.Conn, error) {
		if !allow[addr] {
			return nil, errNo
		}
		return d.DialContext(ctx, network, addr)
	})
	if err != nil {
		t.Fatal(err)
	}
	defer px.close()
	client := tlsSrv.Client()
	client.Transport.(*http.Transport).Proxy = http.ProxyURL(&url.URL{Scheme: "http", Host: px.addr()})
	client.Timeout = 5 * time.Second
	get := func(u string) (string, error) {
		resp, err := client.Get(u)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			return "", errors.New(resp.Status)
		}
		return string(b), nil
	}

	began := time.Now()
	for _, u := range []string{tlsSrv.URL, plain.URL} {
		if body, err := get(u); err == nil {
			t.Errorf("GET %s through the proxy = %q, want it refused", u, body)
		}
		if why := px.refusedSince(strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://"), began); !errors.Is(why, errNo) {
			t.Errorf("refusal of %s = %v, want the dial's error", u, why)
		}
	}
	allow[strings.TrimPrefix(tlsSrv.URL, "https://")] = true
	allow[strings.TrimPrefix(plain.URL, "http://")] = true
	client.Transport.(*http.Transport).CloseIdleConnections()
	for u, want := range map[string]string{tlsSrv.URL: "over tls", plain.URL: "plain"} {
		if body, err := get(u); err != nil || body != want {
			t.Errorf("GET %s through the proxy = %q, %v; want %q", u, body, err, want)
		}
	}
}

// TestRefusedPagesAreErrors loads, in Render and in Drive, pages whose
// address Dial refuses: directly, through a redirect, and over https,
// whose tunnel the proxy refuses. Each is an error wrapping Dial's, and
// Drive does not hand the proxy's empty page to its caller; a page Dial
// allows is driven as usual.
func TestRefusedPagesAreErrors(t *testing.T) {
	needBrowser(t)
	private := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<!doctype html><title>Intranet</title><form><input name=q></form>")
	}))
	defer private.Close()
	privateTLS := httptest.NewTLSServer(private.Config.Handler)
	defer privateTLS.Close()
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/go" {
			http.Redirect(w, r, private.URL+"/", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<!doctype html><title>Shop</title><p>Shop</p>")
	}))
	defer site.Close()

	errNo := errors.New("refused by the test")
	refused := map[string]bool{
		strings.TrimPrefix(private.URL, "http://"):     true,
		strings.TrimPrefix(privateTLS.URL, "https://"): true,
	}
	var d net.Dialer
	b, err := New(context.Background(), Options{Tabs: 1, RenderTimeout: 5 * time.Second, LoopbackOnly: true,
		Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if refused[addr] {
				return nil, fmt.Errorf("connect to %s: %w", addr, errNo)
			}
			return d.DialContext(ctx, network, addr)
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx := context.Background()

	for _, u := range []string{private.URL + "/", site.URL + "/go", privateTLS.URL + "/"} {
		called := false
		err := b.Drive(ctx, u, func(*Page) error { called = true; return nil })
		if !errors.Is(err, errNo) || called {
			t.Errorf("Drive(%s) = %v, called fn %v; want Dial's error and fn not called", u, err, called)
		}
		if _, err := b.Render(ctx, u, RenderOptions{}); !errors.Is(err, errNo) {
			t.Errorf("Render(%s) = %v, want Dial's error", u, err)
		}
	}
	var title string
	err = b.Drive(ctx, site.URL+"/", func(p *Page) error {
		var err error
		title, err = chromedp.Run(p.Context(), chromedp.Evaluate[string]("document.title"))
		return err
	})
	if err != nil || title != "Shop" {
		t.Errorf("Drive(a page Dial allows) = %v, title %q; want the page", err, title)
	}
}
