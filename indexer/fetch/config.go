package fetch

import (
	"errors"
	"time"
)

// Config tunes a Client.
type Config struct {
	// UserAgent is sent with every request; its first word (before "/") is
	// the token matched against robots.txt groups.
	UserAgent string
	// Timeout bounds one request, body included.
	Timeout time.Duration
	// MaxBytes caps a response body; larger bodies fail with ErrTooLarge.
	MaxBytes int64
	// MaxRedirects bounds the redirects followed by one request.
	MaxRedirects int
	// Retries is the number of extra attempts after a 5xx or a timeout.
	Retries int
	// Backoff is the wait before the first retry; it doubles each time.
	Backoff time.Duration
	// Delay is the default pause between two requests to one host.
	Delay time.Duration
	// PerHost bounds the concurrent requests to one host.
	PerHost int
	// Resolver looks up host names; nil means net.DefaultResolver. Tests
	// set one to make a name resolve to a private address.
	Resolver Resolver
}

// DefaultConfig returns a polite configuration for news sites.
func DefaultConfig() Config {
	return Config{
		UserAgent:    "vnsearch/1.0 (+https://github.com/vnsearch/vnsearch; Vietnamese news search crawler)",
		Timeout:      30 * time.Second,
		MaxBytes:     5 << 20,
		MaxRedirects: 5,
		Retries:      2,
		Backoff:      2 * time.Second,
		Delay:        time.Second,
		PerHost:      1,
	}
}

// Validate reports the first invalid setting.
func (c Config) Validate() error {
	switch {
	case c.UserAgent == "":
		return errors.New("fetch config: empty user agent")
	case c.Timeout <= 0:
		return errors.New("fetch config: timeout must be positive")
	case c.MaxBytes <= 0:
		return errors.New("fetch config: max bytes must be positive")
	case c.MaxRedirects < 0 || c.Retries < 0 || c.Backoff < 0 || c.Delay < 0:
		return errors.New("fetch config: negative redirects, retries, backoff or delay")
	case c.PerHost < 1:
		return errors.New("fetch config: per-host concurrency must be at least 1")
	}
	return nil
}
