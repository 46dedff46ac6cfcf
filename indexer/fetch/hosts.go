package fetch

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"time"
)

// politeness is the state the views of one Client share: request slots,
// delays and robots.txt per host.
type politeness struct {
	mu     sync.Mutex
	hosts  map[string]*host
	robots map[string]*robots
}

// host paces the requests to one host name, whatever the scheme and port:
// http://a.vn and https://a.vn are one machine.
type host struct {
	// sem holds a slot per request running (Config.PerHost).
	sem chan struct{}
	// robotsSem is held while one of the host's robots.txt is read. It is
	// not a request slot: a request that holds the host's only slot and is
	// redirected to another scheme or port of the host must read that
	// origin's robots.txt without waiting for itself.
	robotsSem chan struct{}
	mu        sync.Mutex
	next      time.Time
	delay     time.Duration
}

// hostName is the key of u's host: its name, lower case, without port.
func hostName(u *url.URL) string { return strings.ToLower(u.Hostname()) }

// SetDelay sets the pause between two requests to the host of rawURL, when
// longer than the configured default.
func (c *Client) SetDelay(rawURL string, d time.Duration) {
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		h := c.host(hostName(u))
		h.mu.Lock()
		h.delay = max(h.delay, d)
		h.mu.Unlock()
	}
}

func (c *Client) host(name string) *host {
	p := c.polite
	p.mu.Lock()
	defer p.mu.Unlock()
	h, ok := p.hosts[name]
	if !ok {
		h = &host{sem: make(chan struct{}, c.cfg.PerHost), robotsSem: make(chan struct{}, 1), delay: c.cfg.Delay}
		p.hosts[name] = h
	}
	return h
}

// acquire waits for a free slot on the host and for the host's delay to
// pass since the previous request started.
func (c *Client) acquire(ctx context.Context, name string) (func(), error) {
	h := c.host(name)
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if wait := h.reserve(); wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			<-h.sem
			return nil, ctx.Err()
		}
	}
	return func() { <-h.sem }, nil
}

// reserve takes the host's next start time and returns how long to wait
// for it.
func (h *host) reserve() time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	now := time.Now()
	start := now
	if h.next.After(now) {
		start = h.next
	}
	h.next = start.Add(h.delay)
	return start.Sub(now)
}

// acquireRobots waits until no other robots.txt of the host is being read.
// It does not wait for a request slot or for the delay, but the next
// request waits the delay after it.
func (c *Client) acquireRobots(ctx context.Context, name string) (func(), error) {
	h := c.host(name)
	select {
	case h.robotsSem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	h.mu.Lock()
	h.next = maxTime(h.next, time.Now().Add(h.delay))
	h.mu.Unlock()
	return func() { <-h.robotsSem }, nil
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// robotsKey marks the context of a robots.txt request.
type robotsKey struct{}

func fetchingRobots(ctx context.Context) bool { return ctx.Value(robotsKey{}) != nil }
