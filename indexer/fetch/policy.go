package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/url"
)

// allowed reports whether robots.txt of u's host lets us fetch u, fetching
// and caching that robots.txt on first use.
func (c *Client) allowed(ctx context.Context, u *url.URL) bool {
	if u.Path == "/robots.txt" {
		return true
	}
	r := c.robotsFor(ctx, u)
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return r.allowed(path)
}

func (c *Client) robotsFor(ctx context.Context, u *url.URL) *robots {
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	r, ok := c.robots[key]
	c.mu.Unlock()
	if ok {
		return r
	}
	r = c.loadRobots(ctx, &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"})
	if ctx.Err() != nil {
		return r // not cached: the next request asks again
	}
	c.mu.Lock()
	c.robots[key] = r
	c.mu.Unlock()
	if r.delay > 0 {
		c.SetDelay(key, r.delay)
	}
	return r
}

// loadRobots follows the usual reading of robots.txt: a 4xx allows
// everything, a 5xx or an unreachable host forbids everything.
func (c *Client) loadRobots(ctx context.Context, u *url.URL) *robots {
	resp, err := c.once(ctx, u, Validators{})
	var se *StatusError
	switch {
	case err == nil:
		return parseRobots(string(resp.Body), c.agent)
	case errors.As(err, &se) && se.Code >= 400 && se.Code < 500 && se.Code != http.StatusTooManyRequests:
		return allowAll
	default:
		c.log.Warn("robots.txt unavailable, host skipped", "url", u.String(), "err", err)
		return disallowAll
	}
}
