package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"

	"golang.org/x/net/idna"
)

// ErrPrivate is returned when a URL, or a redirect, leads to a loopback,
// private, link-local or other non-public address that the client may not
// reach.
var ErrPrivate = errors.New("refused: private address")

// Resolver looks up the addresses of a host name. *net.Resolver satisfies
// it.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// nonPublic lists the ranges that are not the public internet beyond what
// netip's predicates catch: shared, reserved, documentation, benchmarking
// and translation ranges (IANA special-purpose registries). A translation
// prefix is refused because it can carry any IPv4 address, private ones
// included.
var nonPublic = prefixes(
	"0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24",
	"198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4",
	"64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
	"2002::/16", "3fff::/20", "5f00::/16", "fec0::/10",
)

func prefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// Public reports whether ip is an address of the public internet: not
// loopback, private (RFC 1918, fc00::/7), link-local, multicast,
// unspecified, broadcast, shared (CGNAT) or otherwise reserved. An
// IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
func Public(ip netip.Addr) bool {
	ip = ip.Unmap().WithZone("")
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// hostPort returns the host:port a URL connects to, lower case, the host
// in its ASCII form and the port made explicit, as http.Transport names
// the address it dials; "" when u has no host.
func hostPort(u *url.URL) string {
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return ""
	}
	if a, err := idna.Lookup.ToASCII(host); err == nil {
		host = a
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	return net.JoinHostPort(host, port)
}

// guard dials connections for the transport of a Client: it resolves the
// host itself and connects to each address in turn, and its net.Dialer
// refuses, at connection time, every non-public address unless the
// host:port dialed is one the client was allowed to reach privately. The
// check is on the address actually connected to, after DNS, so a name
// that resolves (or rebinds) to a private address gains nothing.
type guard struct {
	resolver Resolver
	// open holds the host:port pairs whose private addresses may be
	// reached (WithPrivate).
	open   map[string]bool
	strict net.Dialer
	plain  net.Dialer
}

func newGuard(resolver Resolver, open map[string]bool) *guard {
	if resolver == nil {
		resolver = net.DefaultResolver
	}
	g := &guard{resolver: resolver, open: open}
	g.strict.Control = refusePrivate
	return g
}

// refusePrivate is the net.Dialer Control function: it runs once the
// socket is about to connect to address, an IP and port.
func refusePrivate(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot read %q", ErrPrivate, address)
	}
	if !Public(ap.Addr()) {
		return ErrPrivate
	}
	return nil
}

// DialContext connects to addr (host:port) through the first of its
// addresses that accepts, refusing the non-public ones.
func (g *guard) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	d := &g.strict
	if g.open[strings.ToLower(addr)] {
		d = &g.plain
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else if ips, err = g.resolver.LookupNetIP(ctx, "ip", host); err != nil {
		return nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	var first error
	for _, ip := range ips {
		conn, err := d.DialContext(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return conn, nil
		}
		if first == nil || errors.Is(err, ErrPrivate) && !errors.Is(first, ErrPrivate) {
			first = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	if first == nil {
		first = fmt.Errorf("dial %s: no address", addr)
	}
	return nil, first
}
