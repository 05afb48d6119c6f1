package crawler

import (
	"container/heap"
	"net"
	"net/url"
	"sort"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// normalize returns a canonical copy of u: lower-case scheme and host, no
// default port, no fragment, "/" for an empty path, and tracking
// parameters (utm_*, fbclid, gclid, ...) dropped.
func normalize(u *url.URL) *url.URL {
	v := *u
	v.Scheme = strings.ToLower(v.Scheme)
	v.Host = strings.ToLower(v.Host)
	if h, p, err := net.SplitHostPort(v.Host); err == nil &&
		(v.Scheme == "http" && p == "80" || v.Scheme == "https" && p == "443") {
		v.Host = h
	}
	v.Fragment, v.RawFragment = "", ""
	v.User = nil
	if v.Path == "" {
		v.Path = "/"
	}
	if v.RawQuery != "" {
		q := v.Query()
		changed := false
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
				q.Del(k)
				changed = true
			}
		}
		if changed {
			v.RawQuery = q.Encode()
		}
	}
	return &v
}

var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true,
	"_ga": true, "yclid": true, "ref": true, "sessionid": true, "phpsessid": true, "sid": true,
	"jsessionid": true,
}

// siteOf names the site a URL belongs to: its registrable domain
// (example.co.uk for shop.example.co.uk), or the bare host for IP
// addresses and single-label hosts. Subdomains such as help.example.com
// belong to the site; other ports of an IP host do too.
func siteOf(u *url.URL) string {
	host := strings.ToLower(u.Hostname())
	if host == "" || net.ParseIP(host) != nil || !strings.Contains(host, ".") {
		return host
	}
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// SameSite reports whether u belongs to the site whose home is home.
func SameSite(home, u *url.URL) bool { return siteOf(home) == siteOf(u) }

func sortedKeys(q url.Values) []string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// frontier is a priority queue of addresses: higher priority first, then
// shallower, then found earlier.
type frontier struct{ h itemHeap }

func (f *frontier) push(it *item) { heap.Push(&f.h, queued{it, it.prio}) }

func (f *frontier) pop() *item {
	for f.h.Len() > 0 {
		q := heap.Pop(&f.h).(queued)
		if q.prio != q.it.prio { // queued again with a higher priority
			continue
		}
		return q.it
	}
	return nil
}

type queued struct {
	it   *item
	prio int
}

type itemHeap []queued

func (h itemHeap) Len() int { return len(h) }
func (h itemHeap) Less(i, j int) bool {
	a, b := h[i], h[j]
	if a.prio != b.prio {
		return a.prio > b.prio
	}
	if a.it.depth != b.it.depth {
		return a.it.depth < b.it.depth
	}
	return a.it.seq < b.it.seq
}
func (h itemHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *itemHeap) Push(x any)   { *h = append(*h, x.(queued)) }
func (h *itemHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
