package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// checkRobots returns nil when robots.txt of u's host lets us fetch u,
// fetching and caching that robots.txt on first use. It fails with
// ErrDisallowed, ErrRobotsUnavailable, or with the transport error when robots.txt could not
// be reached (not cached: the next request asks again).
func (c *Client) checkRobots(ctx context.Context, u *url.URL) error {
	if u.Path == "/robots.txt" {
		return nil
	}
	r, err := c.robotsFor(ctx, u)
	if err != nil {
		return fmt.Errorf("robots.txt: %w", err)
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !r.allowed(path) {
		if r.reason != "" {
			return fmt.Errorf("%w: %s", ErrRobotsUnavailable, r.reason)
		}
		return ErrDisallowed
	}
	return nil
}

// How long a robots.txt is trusted: a day as usual, an hour when it
// failed with 5xx (the host is closed meanwhile).
const (
	robotsTTL       = 24 * time.Hour
	robotsFailedTTL = time.Hour
)

func (c *Client) robotsFor(ctx context.Context, u *url.URL) (*robots, error) {
	key := u.Scheme + "://" + u.Host
	if r := c.cachedRobots(key); r != nil {
		return r, nil
	}
	release, err := c.acquireRobots(ctx, hostName(u))
	if err != nil {
		return nil, err
	}
	defer release()
	if r := c.cachedRobots(key); r != nil {
		return r, nil // read by another request meanwhile
	}
	r, err := c.loadRobots(ctx, &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"})
	if err != nil {
		return nil, err
	}
	c.polite.mu.Lock()
	c.polite.robots[key] = r
	c.polite.mu.Unlock()
	if r.delay > 0 {
		c.SetDelay(key, r.delay)
	}
	return r, nil
}

// cachedRobots returns the robots.txt of an origin while it is fresh.
func (c *Client) cachedRobots(key string) *robots {
	c.polite.mu.Lock()
	defer c.polite.mu.Unlock()
	if r, ok := c.polite.robots[key]; ok && time.Now().Before(r.expires) {
		return r
	}
	return nil
}

// loadRobots follows the usual reading of robots.txt: a 4xx allows
// everything, a 5xx forbids everything for a while; an unreachable host
// is an error. It is called holding the host's robots slot, not a request
// slot (see host.robotsSem).
func (c *Client) loadRobots(ctx context.Context, u *url.URL) (*robots, error) {
	resp, err := c.request(context.WithValue(ctx, robotsKey{}, true), u, Validators{})
	var se *StatusError
	switch {
	case err == nil:
		r := parseRobots(string(resp.Body), c.agent)
		r.expires = time.Now().Add(robotsTTL)
		return r, nil
	case errors.As(err, &se) && se.Code >= 400 && se.Code < 500 && se.Code != http.StatusTooManyRequests:
		return &robots{expires: time.Now().Add(robotsTTL)}, nil
	case errors.As(err, &se):
		c.log.Warn("robots.txt failed, host skipped for an hour", "url", u.String(), "err", err)
		return &robots{rules: []rule{{allow: false, pattern: "/"}}, reason: "robots.txt answered " + se.Error(),
			expires: time.Now().Add(robotsFailedTTL)}, nil
	default:
		return nil, err
	}
}
