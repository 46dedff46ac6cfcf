package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Errors callers branch on.
var (
	// ErrDisallowed is returned for URLs robots.txt forbids.
	ErrDisallowed = errors.New("disallowed by robots.txt")
	// ErrRobotsUnavailable is returned for every URL of a host whose
	// robots.txt answers 5xx, for an hour.
	ErrRobotsUnavailable = errors.New("host closed: robots.txt unavailable")
	// ErrTooLarge is returned when a body exceeds Config.MaxBytes.
	ErrTooLarge = errors.New("response too large")
	// ErrRedirect is returned for a redirect loop, a chain longer than
	// Config.MaxRedirects or a redirect to a scheme other than http(s).
	ErrRedirect = errors.New("bad redirect")
)

// StatusError is returned for a response status other than 2xx and 304.
type StatusError struct {
	Code int
}

func (e *StatusError) Error() string { return fmt.Sprintf("http status %d", e.Code) }

// Permanent reports whether retrying later cannot help (a 4xx other than
// 408 and 429).
func (e *StatusError) Permanent() bool {
	return e.Code >= 400 && e.Code < 500 && e.Code != http.StatusRequestTimeout && e.Code != http.StatusTooManyRequests
}

// Validators are the cache validators of a previous response, sent back as
// a conditional request.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Response is a fetched document.
type Response struct {
	// URL is the final URL, after redirects.
	URL string
	// NotModified is true when the server answered 304 to a conditional
	// request; Body is then empty.
	NotModified bool
	Body        []byte
	ContentType string
	// Validators are the ETag and Last-Modified to send next time.
	Validators Validators
}

// Client fetches URLs politely. It never connects to a non-public
// address (see Public) except those WithPrivate allows. It is safe for
// concurrent use.
type Client struct {
	cfg    Config
	log    *slog.Logger
	agent  string
	polite *politeness
	// http differs between the views of one Client (WithPrivate): each
	// has its own connection pool, so that a connection one view may
	// open is never reused by another.
	http *http.Client
}

// New returns a Client; a nil logger discards logs.
func New(cfg Config, logger *slog.Logger) (*Client, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	c := &Client{
		cfg:    cfg,
		log:    logger,
		agent:  strings.ToLower(strings.SplitN(cfg.UserAgent, "/", 2)[0]),
		polite: &politeness{hosts: map[string]*host{}, robots: map[string]*robots{}},
	}
	c.http = c.newHTTP(nil)
	return c, nil
}

// WithPrivate returns a view of c that may also connect to the
// non-public addresses of the hosts (host and port) that urls name, and
// to no other non-public address. The view shares c's request slots,
// delays and robots.txt cache; it has its own connections.
func (c *Client) WithPrivate(urls ...string) *Client {
	open := map[string]bool{}
	for _, raw := range urls {
		if u, err := url.Parse(raw); err == nil {
			if hp := hostPort(u); hp != "" {
				open[hp] = true
			}
		}
	}
	v := *c
	v.http = v.newHTTP(open)
	return &v
}

// newHTTP returns an http.Client that dials through a guard opening the
// host:port pairs of open; it ignores proxy settings, which would move
// the connection out of the guard's sight.
func (c *Client) newHTTP(open map[string]bool) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = nil
	t.DialContext = newGuard(c.cfg.Resolver, open).DialContext
	t.MaxIdleConnsPerHost = max(c.cfg.PerHost, 2)
	return &http.Client{CheckRedirect: c.checkRedirect, Transport: t}
}

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.cfg.MaxRedirects {
		return fmt.Errorf("%w: stopped after %d redirects", ErrRedirect, c.cfg.MaxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("%w: %q is not http or https", ErrRedirect, req.URL.Scheme)
	}
	if fetchingRobots(req.Context()) {
		return nil // a robots.txt is read wherever it leads
	}
	if err := c.checkRobots(req.Context(), req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL, err)
	}
	return nil
}

// Get fetches rawURL, conditionally when prev holds validators. It fails
// with ErrDisallowed, ErrTooLarge, a *StatusError or the transport error of
// the last attempt.
func (c *Client) Get(ctx context.Context, rawURL string, prev Validators) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("get %q: not an absolute http(s) url", rawURL)
	}
	if err := c.checkRobots(ctx, u); err != nil {
		return nil, fmt.Errorf("get %s: %w", rawURL, err)
	}
	for attempt := 0; ; attempt++ {
		resp, err := c.once(ctx, u, prev)
		if err == nil || attempt >= c.cfg.Retries || !retryable(ctx, err) {
			if err != nil {
				return nil, fmt.Errorf("get %s: %w", rawURL, err)
			}
			return resp, nil
		}
		wait := c.cfg.Backoff << attempt
		c.log.Debug("retrying", "url", rawURL, "attempt", attempt+1, "wait", wait, "err", err)
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("get %s: %w", rawURL, ctx.Err())
		case <-time.After(wait):
		}
	}
}

// retryable is true for 5xx answers, timeouts and cut connections, unless
// the caller's context is done.
func retryable(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code >= 500 || se.Code == http.StatusRequestTimeout || se.Code == http.StatusTooManyRequests
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout() || errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, io.ErrUnexpectedEOF)
}

// once makes one attempt, waiting for its turn on the host.
func (c *Client) once(ctx context.Context, u *url.URL, prev Validators) (*Response, error) {
	release, err := c.acquire(ctx, hostName(u))
	if err != nil {
		return nil, err
	}
	defer release()
	return c.request(ctx, u, prev)
}

// request makes one request, redirects followed, within the timeout.
func (c *Client) request(ctx context.Context, u *url.URL, prev Validators) (*Response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Language", "vi,en;q=0.5")
	if prev.ETag != "" {
		req.Header.Set("If-None-Match", prev.ETag)
	}
	if prev.LastModified != "" {
		req.Header.Set("If-Modified-Since", prev.LastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return c.read(resp)
}

func (c *Client) read(resp *http.Response) (*Response, error) {
	out := &Response{
		URL:         resp.Request.URL.String(),
		ContentType: resp.Header.Get("Content-Type"),
		Validators:  Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")},
	}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, &StatusError{Code: resp.StatusCode}
	}
	if resp.ContentLength > c.cfg.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes announced, cap %d", ErrTooLarge, resp.ContentLength, c.cfg.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.cfg.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > c.cfg.MaxBytes {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, c.cfg.MaxBytes)
	}
	out.Body = body
	return out, nil
}
