package loopcert

import (
	"crypto/tls"
	"io"
	"net"
	"testing"
	"time"
)

// A client that trusts only the pool completes a handshake with a server
// using the certificate, by address and by name; one that trusts another
// certificate is refused.
func TestClientTrustsOnlyItsCertificate(t *testing.T) {
	c, err := New("test", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	other, err := New("other", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tls.X509KeyPair(c.CertPEM, c.KeyPEM); err != nil {
		t.Fatalf("PEM pair does not load: %v", err)
	}
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{c.TLS}})
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				_ = conn.(*tls.Conn).Handshake()
				_, _ = io.WriteString(conn, "ok")
				conn.Close()
			}()
		}
	}()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	for _, name := range []string{"127.0.0.1", "localhost"} {
		conn, err := tls.Dial("tcp", net.JoinHostPort("127.0.0.1", port), &tls.Config{RootCAs: c.Pool, ServerName: name})
		if err != nil {
			t.Fatalf("trusting the pool, %s: %v", name, err)
		}
		conn.Close()
	}
	if conn, err := tls.Dial("tcp", ln.Addr().String(), &tls.Config{RootCAs: other.Pool}); err == nil {
		conn.Close()
		t.Fatal("a client trusting another certificate completed the handshake")
	}
}
