package indexer

import (
	"errors"
	"fmt"

	"github.com/vnsearch/vnsearch/indexer/fetch"
)

// Config tunes a Crawler.
type Config struct {
	// Fetch tunes the polite HTTP client.
	Fetch fetch.Config
	// MaxItemsPerRun bounds the article pages one run of one source
	// fetches; the rest wait for the next run.
	MaxItemsPerRun int
	// MaxSitemaps bounds the child sitemaps of a sitemap index read in one
	// run; children whose lastmod did not change since they were read are
	// skipped and not counted, so monthly sitemaps are backfilled a few
	// months per run.
	MaxSitemaps int
	// MaxFailures is the number of failures after which a page is given
	// up; a 4xx, a robots.txt refusal or an oversized page is given up at
	// once.
	MaxFailures int
}

// DefaultConfig returns a polite configuration for news sites.
func DefaultConfig() Config {
	return Config{Fetch: fetch.DefaultConfig(), MaxItemsPerRun: 300, MaxSitemaps: 24, MaxFailures: 3}
}

// Validate reports the first invalid setting.
func (c Config) Validate() error {
	if err := c.Fetch.Validate(); err != nil {
		return fmt.Errorf("crawler config: %w", err)
	}
	if c.MaxItemsPerRun < 1 || c.MaxSitemaps < 0 || c.MaxFailures < 1 {
		return errors.New("crawler config: max items per run and max failures must be positive, max sitemaps not negative")
	}
	return nil
}
