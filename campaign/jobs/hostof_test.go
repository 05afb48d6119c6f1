package jobs

import "testing"

// Audits of one server are serialised; servers on one address at different
// ports are different sites and audit in parallel.
func TestHostOfKeysPoliteness(t *testing.T) {
	if hostOf("http://127.0.0.1:8001/") == hostOf("http://127.0.0.1:8002/") {
		t.Error("two ports of one address share a politeness lock")
	}
	if hostOf("https://Shop.Example.com/a") != hostOf("https://shop.example.com/b?x=1") {
		t.Error("two pages of one site do not share a politeness lock")
	}
}
