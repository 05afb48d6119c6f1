package crawler

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"time"
)

// ErrPrivateAddress is returned when a site, a redirect or a link leads to a
// private, loopback or link-local address and Options.AllowPrivate is off.
var ErrPrivateAddress = errors.New("private or loopback address refused (use --allow-private to allow it)")

// guard decides which addresses the crawler may connect to.
type guard struct {
	allowPrivate bool
	allow        []netip.Prefix
	// lookup resolves a name; nil is the system's resolver. Tests map
	// names with it.
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
}

// permits reports whether the crawler may connect to a.
func (g guard) permits(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range g.allow {
		if p.Contains(a) {
			return true
		}
	}
	if g.allowPrivate {
		return true
	}
	return !(a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsUnspecified() || a.IsMulticast() || a.IsInterfaceLocalMulticast() ||
		sharedAddressSpace.Contains(a) || !a.IsValid())
}

// sharedAddressSpace is carrier-grade NAT space (RFC 6598), private too.
var sharedAddressSpace = netip.MustParsePrefix("100.64.0.0/10")

// dialContext resolves the host itself and connects only to permitted
// addresses, so neither DNS answers nor redirects can lead into internal
// networks.
func (g guard) dialContext(timeout time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	d := &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		var addrs []netip.Addr
		if ip, err := netip.ParseAddr(host); err == nil {
			addrs = []netip.Addr{ip}
		} else {
			if g.lookup != nil {
				addrs, err = g.lookup(ctx, host)
			} else {
				addrs, err = net.DefaultResolver.LookupNetIP(ctx, "ip", host)
			}
			if err != nil {
				return nil, err
			}
		}
		var firstErr error
		for _, a := range addrs {
			if !g.permits(a) {
				if firstErr == nil {
					firstErr = fmt.Errorf("connect to %s (%s): %w", host, a, ErrPrivateAddress)
				}
				continue
			}
			c, err := d.DialContext(ctx, network, net.JoinHostPort(a.String(), port))
			if err == nil {
				return c, nil
			}
			if firstErr == nil || errors.Is(firstErr, ErrPrivateAddress) {
				firstErr = err
			}
		}
		if firstErr == nil {
			firstErr = fmt.Errorf("no address for %s", host)
		}
		return nil, firstErr
	}
}

// Dialer returns the dial function the crawl connects with: it resolves
// names itself and connects only to addresses opts allows (AllowPrivate,
// AllowNets), refusing the rest with an error wrapping ErrPrivateAddress.
// A browser given it (crawler/browser Options.Dial) holds rendered pages
// to the same rule, their redirects, navigations and subresources
// included. Connecting gives up after opts.RequestTimeout (default 15s).
func Dialer(opts Options) func(ctx context.Context, network, addr string) (net.Conn, error) {
	opts = opts.withDefaults()
	return guard{allowPrivate: opts.AllowPrivate, allow: opts.AllowNets}.dialContext(opts.RequestTimeout)
}

// PublicAddr reports whether a is a public address: not private, loopback,
// link-local, multicast, unspecified or carrier-grade NAT. The crawler
// connects only to those unless Options.AllowPrivate is set.
func PublicAddr(a netip.Addr) bool { return guard{}.permits(a) }
