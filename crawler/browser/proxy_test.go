package browser

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
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
