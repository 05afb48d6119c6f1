package browser

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httputil"
	"sync"
	"time"
)

// proxy is the HTTP proxy the browser sends every request through when
// Options.Dial is set: it connects with Dial, so the browser's requests are
// held to the same address rules as the crawler's, whatever names resolve
// to, redirects and script navigations included. HTTPS and WebSockets pass
// as CONNECT tunnels, unread; plain HTTP is forwarded.
type proxy struct {
	dial func(ctx context.Context, network, addr string) (net.Conn, error)
	ln   net.Listener
	srv  *http.Server
	fwd  *httputil.ReverseProxy
	tr   *http.Transport

	mu      sync.Mutex
	direct  string                // an address dialled directly: the baseline page's
	refused map[string]refusal    // host:port → the last failed dial
	tunnels map[net.Conn]struct{} // open tunnels' connections
	closed  bool
}

// refusal is a dial that failed, and when.
type refusal struct {
	err error
	at  time.Time
}

// maxRefusals bounds the refusals a proxy remembers.
const maxRefusals = 1000

func startProxy(dial func(ctx context.Context, network, addr string) (net.Conn, error)) (*proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("start the browser's proxy: %w", err)
	}
	p := &proxy{dial: dial, ln: ln, refused: map[string]refusal{}, tunnels: map[net.Conn]struct{}{}}
	p.tr = &http.Transport{
		DialContext:         p.dialContext,
		DisableCompression:  true, // the browser asks for what it reads
		MaxIdleConnsPerHost: 6,
		IdleConnTimeout:     30 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
	}
	p.fwd = &httputil.ReverseProxy{
		Rewrite:    func(*httputil.ProxyRequest) {}, // the request names its own address
		Transport:  p.tr,
		BufferPool: copyBuffers{},
		ErrorLog:   log.New(io.Discard, "", 0),
		ErrorHandler: func(w http.ResponseWriter, _ *http.Request, _ error) {
			// A body, so that a refused navigation loads an (empty)
			// document at the address refused, which Render then tells
			// from a page, rather than an error page of the browser's.
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			_, _ = io.WriteString(w, "<!-- refused -->")
		},
	}
	p.srv = &http.Server{Handler: p, ErrorLog: log.New(io.Discard, "", 0), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = p.srv.Serve(ln) }()
	return p, nil
}

// copyBuffers lends the forwarder its copy buffers, which it would
// otherwise allocate for each response (32 KB).
type copyBuffers struct{}

var copyBufferPool = sync.Pool{New: func() any { return new([32 << 10]byte) }}

func (copyBuffers) Get() []byte  { return copyBufferPool.Get().(*[32 << 10]byte)[:] }
func (copyBuffers) Put(b []byte) { copyBufferPool.Put((*[32 << 10]byte)(b)) }

// addr is the proxy's address, host:port.
func (p *proxy) addr() string { return p.ln.Addr().String() }

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodConnect:
		p.tunnel(w, r)
	case r.URL.IsAbs():
		p.fwd.ServeHTTP(w, r)
	default:
		w.WriteHeader(http.StatusBadRequest)
	}
}

// dialContext connects with Dial, and remembers why it could not.
func (p *proxy) dialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	p.mu.Lock()
	direct := p.direct != "" && addr == p.direct
	p.mu.Unlock()
	if direct {
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}
	c, err := p.dial(ctx, network, addr)
	if err != nil {
		p.mu.Lock()
		if len(p.refused) >= maxRefusals {
			clear(p.refused)
		}
		p.refused[addr] = refusal{err: err, at: time.Now()}
		p.mu.Unlock()
	}
	return c, err
}

// refusedSince returns why a connection to host:port failed after t, or
// nil.
func (p *proxy) refusedSince(hostport string, t time.Time) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r, ok := p.refused[hostport]; ok && !r.at.Before(t) {
		return r.err
	}
	return nil
}

// tunnel answers CONNECT: it connects to the address asked for and copies
// bytes both ways until either side closes.
func (p *proxy) tunnel(w http.ResponseWriter, r *http.Request) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	up, err := p.dialContext(r.Context(), "tcp", r.Host)
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	down, buf, err := hj.Hijack()
	if err != nil {
		up.Close()
		return
	}
	if !p.track(up, down) {
		up.Close()
		down.Close()
		return
	}
	if _, err := down.Write([]byte("HTTP/1.1 200 Connection Established\r\n\r\n")); err != nil {
		p.untrack(up, down)
		return
	}
	go func() {
		defer p.untrack(up, down)
		done := make(chan struct{}, 2)
		go func() { _, _ = io.Copy(up, readerOf(buf, down)); done <- struct{}{} }()
		go func() { _, _ = io.Copy(down, up); done <- struct{}{} }()
		<-done
	}()
}

// readerOf reads what the server buffered of the client's bytes, then the
// connection.
func readerOf(buf *bufio.ReadWriter, c net.Conn) io.Reader {
	if n := buf.Reader.Buffered(); n > 0 {
		b, _ := buf.Reader.Peek(n)
		return io.MultiReader(bytes.NewReader(bytes.Clone(b)), c)
	}
	return c
}

func (p *proxy) track(cs ...net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	for _, c := range cs {
		p.tunnels[c] = struct{}{}
	}
	return true
}

func (p *proxy) untrack(cs ...net.Conn) {
	p.mu.Lock()
	for _, c := range cs {
		delete(p.tunnels, c)
	}
	p.mu.Unlock()
	for _, c := range cs {
		c.Close()
	}
}

// setDirect lets the browser reach addr without Dial ("" for none): the
// empty page the browser learns its baseline from, served on loopback.
func (p *proxy) setDirect(addr string) {
	p.mu.Lock()
	p.direct = addr
	p.mu.Unlock()
}

// close stops the proxy and ends its tunnels.
func (p *proxy) close() {
	p.mu.Lock()
	p.closed = true
	var open []net.Conn
	for c := range p.tunnels {
		open = append(open, c)
	}
	p.mu.Unlock()
	_ = p.srv.Close()
	for _, c := range open {
		c.Close()
	}
	p.tr.CloseIdleConnections()
}
