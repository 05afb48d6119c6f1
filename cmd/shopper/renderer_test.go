package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/shopper-audit/shopper/crawler"
)

// Rendered pages are held to the crawl's address guard: the browser the
// audit command sets up connects through the crawler's Dialer, which
// refuses loopback unless --allow-private is given.
func TestRendererHoldsPagesToTheAddressGuard(t *testing.T) {
	for _, allow := range []bool{false, true} {
		f := auditFlags{render: "auto", tabs: 1, renderTime: time.Second, thirdParty: "block", allowPrivate: allow, timeout: time.Second}
		var errs bytes.Buffer
		r, code := f.renderer(context.Background(), &errs)
		if r == nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("no renderer (exit %d): %s", code, errs.String())
			}
			t.Skip("no Chromium here: ", errs.String())
		}
		if r.opts.Dial == nil {
			t.Fatal("the browser connects by itself, outside the address guard")
		}
		conn, err := r.opts.Dial(context.Background(), "tcp", "127.0.0.1:1")
		if conn != nil {
			conn.Close()
		}
		if refused := errors.Is(err, crawler.ErrPrivateAddress); refused == allow {
			t.Errorf("--allow-private=%v: dialling loopback gave %v", allow, err)
		}
	}
}
