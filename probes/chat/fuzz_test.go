package chat

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopper-audit/shopper/crawler"
)

var validSignals = []string{SignalScriptHost, SignalInlineGlobal, SignalDOM, SignalIframe, SignalLink, SignalRuntimeGlobal, SignalGeneric}

// FuzzProbe feeds arbitrary HTML (and run-time globals, comma-separated) to
// Probe: it must not panic, and its finding must keep its contract.
func FuzzProbe(f *testing.F) {
	for _, s := range installSnippets {
		f.Add(s.html, "")
	}
	f.Add(`<script>var a = /["'\/]/g, b = "unterminated`, "Tawk_API,FB")
	f.Add(`<script>/* open comment window.intercomSettings = {}`, "")
	f.Add("<script>`${Tawk_API}` + '\\", "$crisp")
	f.Add(`<a href="https://wa.me/%zz">x</a><a href="http://[::1">y</a><a href="zalo.me/+">z</a>`, "")
	f.Add(`<button aria-label="Live chat"></button><a href="javascript:">Chat</a><a href="#">Canlı destek</a>`, "")
	f.Add(`<iframe src="https://x.facebook.com//plugins/customerchat.php"></iframe><div class="zalo-chat-widget" data-oaid>`, ",,")
	f.Add(`<base href="::"><script src="//">Intercom(</script><a href="//m.me/">m</a>`, "Intercom")
	f.Fuzz(func(t *testing.T, doc, globals string) {
		p := crawler.NewPage(testURL, doc)
		if globals != "" {
			p.Globals = strings.Split(globals, ",")
		}
		got := Probe(siteOf(p, crawler.NewPage(testURL+"2", doc)))
		if got.Vendors == nil || got.Evidence == nil {
			t.Fatalf("nil slices: %+v", got)
		}
		if !slices.IsSorted(got.Vendors) || len(slices.Compact(slices.Clone(got.Vendors))) != len(got.Vendors) {
			t.Fatalf("Vendors not sorted and unique: %v", got.Vendors)
		}
		if got.Present != (len(got.Evidence) > 0) || len(got.Vendors) > 0 && !got.Present {
			t.Fatalf("Present = %v with %d vendors, %d evidence rows", got.Present, len(got.Vendors), len(got.Evidence))
		}
		per := map[string]int{}
		for _, e := range got.Evidence {
			per[e.Vendor]++
			if e.Vendor == "" && len(got.Vendors) > 0 {
				t.Fatalf("generic evidence beside vendors: %+v", got)
			}
			if e.Vendor != "" && !slices.Contains(got.Vendors, e.Vendor) && !slices.Contains(got.OtherVendors, e.Vendor) {
				t.Fatalf("evidence for unlisted vendor %q", e.Vendor)
			}
			if !slices.Contains(validSignals, e.Signal) {
				t.Fatalf("unknown signal %q", e.Signal)
			}
			if utf8.RuneCountInString(e.Detail) > maxDetail {
				t.Fatalf("detail of %d characters", utf8.RuneCountInString(e.Detail))
			}
		}
		for v, n := range per {
			if n > MaxEvidence {
				t.Fatalf("%d evidence rows for %q", n, v)
			}
		}
		for _, v := range got.Vendors {
			if per[v] == 0 {
				t.Fatalf("vendor %q without evidence", v)
			}
		}
	})
}
