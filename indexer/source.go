package indexer

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/robfig/cron/v3"
	"gopkg.in/yaml.v3"

	"github.com/vnsearch/vnsearch/indexer/extract"
)

// Source is one news site to crawl, as written in the sources file.
type Source struct {
	// Name is the site name stored in each article's Source field.
	Name string `yaml:"name"`
	// Schedule is a robfig/cron spec ("@every 30m", "*/15 * * * *").
	Schedule string `yaml:"schedule"`
	// Delay is the pause between two requests to the site's hosts, when
	// longer than the crawler's default.
	Delay time.Duration `yaml:"delay"`
	// Feeds are RSS or Atom feeds.
	Feeds []string `yaml:"feeds"`
	// Sitemaps are sitemaps, news sitemaps or sitemap indexes.
	Sitemaps []string `yaml:"sitemaps"`
	// Pages are listing pages whose article links are followed.
	Pages []string `yaml:"pages"`
	// Selectors override extraction for this site.
	Selectors extract.Selectors `yaml:"selectors"`
	// AllowPrivate lets the crawl of this source reach the non-public
	// addresses (loopback, private, link-local…) of exactly the hosts,
	// host and port, that its feeds, sitemaps and pages name; every other
	// non-public address stays refused. For a site on an intranet.
	AllowPrivate bool `yaml:"allow_private"`
}

// URLs returns the feeds, pages and sitemaps of the source, in the order
// they are read.
func (s Source) URLs() []string {
	return append(append(append([]string(nil), s.Feeds...), s.Pages...), s.Sitemaps...)
}

// Validate reports the first invalid field of the source.
func (s Source) Validate() error {
	if s.Name == "" {
		return errors.New("source without a name")
	}
	if _, err := cron.ParseStandard(s.Schedule); err != nil {
		return fmt.Errorf("source %q: schedule %q: %w", s.Name, s.Schedule, err)
	}
	if s.Delay < 0 {
		return fmt.Errorf("source %q: negative delay", s.Name)
	}
	if len(s.URLs()) == 0 {
		return fmt.Errorf("source %q: no feeds, sitemaps or pages", s.Name)
	}
	for _, raw := range s.URLs() {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("source %q: %q is not an absolute http(s) url", s.Name, raw)
		}
	}
	if err := s.Selectors.Validate(); err != nil {
		return fmt.Errorf("source %q: %w", s.Name, err)
	}
	return nil
}

// LoadSources reads and validates a sources file:
//
//	sources:
//	  - name: Báo Nhân Dân
//	    schedule: "@every 30m"
//	    delay: 2s
//	    feeds: [https://nhandan.vn/rss/home.rss]
//	    sitemaps: [https://nhandan.vn/sitemap.xml]
//	    pages: []
//	    selectors: {title: "", lead: "", body: "", published: ""}
//	    allow_private: false
func LoadSources(path string) ([]Source, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read sources: %w", err)
	}
	var file struct {
		Sources []Source `yaml:"sources"`
	}
	if err := yaml.Unmarshal(raw, &file); err != nil {
		return nil, fmt.Errorf("parse sources %s: %w", path, err)
	}
	if len(file.Sources) == 0 {
		return nil, fmt.Errorf("sources %s: no sources", path)
	}
	names := map[string]bool{}
	for _, s := range file.Sources {
		if err := s.Validate(); err != nil {
			return nil, fmt.Errorf("sources %s: %w", path, err)
		}
		if names[s.Name] {
			return nil, fmt.Errorf("sources %s: source %q listed twice", path, s.Name)
		}
		names[s.Name] = true
	}
	return file.Sources, nil
}
