package indexer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sync"
	"time"

	"github.com/vnsearch/vnsearch/indexer/dedup"
	"github.com/vnsearch/vnsearch/indexer/feeds"
	"github.com/vnsearch/vnsearch/indexer/fetch"
	"github.com/vnsearch/vnsearch/indexer/state"
	"github.com/vnsearch/vnsearch/search"
)

// Store is the index the crawler writes to. *search.Index satisfies it.
// Index replaces articles by id, so writing one twice never duplicates it.
type Store interface {
	Index(ctx context.Context, articles ...search.Article) error
	Article(ctx context.Context, id string) (*search.Article, error)
}

// Crawler crawls sources into a Store, keeping its state in a bbolt file.
// Open it before use and Close it after; it is safe for concurrent use.
type Crawler struct {
	// Enrich, when set, fills an article's metadata before it is indexed
	// (metadata.Enrich).
	Enrich func(*search.Article)
	// Logger receives one line per article and per failure; nil discards.
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time

	cfg       Config
	statePath string
	store     Store
	db        *state.DB
	fetcher   *fetch.Client
	log       *slog.Logger
	commitMu  sync.Mutex // serializes grouping, state and index writes
}

// NewCrawler returns a crawler that keeps its state at statePath and
// writes to store.
func NewCrawler(cfg Config, statePath string, store Store) *Crawler {
	return &Crawler{cfg: cfg, statePath: statePath, store: store}
}

// Open validates the configuration, opens the state file and indexes the
// articles a previous process fetched but could not confirm as indexed.
func (c *Crawler) Open(ctx context.Context) error {
	if err := c.cfg.Validate(); err != nil {
		return err
	}
	c.log = c.Logger
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	f, err := fetch.New(c.cfg.Fetch, c.log.With("component", "fetch"))
	if err != nil {
		return err
	}
	c.fetcher = f
	if c.db, err = state.Open(c.statePath); err != nil {
		return err
	}
	if err := c.recover(ctx); err != nil {
		c.db.Close()
		return err
	}
	return nil
}

// Close closes the state file. Crawls must have returned.
func (c *Crawler) Close() error {
	if c.db == nil {
		return nil
	}
	return c.db.Close()
}

// recover indexes the pending records left by an interrupted process.
func (c *Crawler) recover(ctx context.Context) error {
	c.commitMu.Lock()
	defer c.commitMu.Unlock()
	pending, err := c.db.Pending()
	if err != nil {
		return fmt.Errorf("read pending articles: %w", err)
	}
	if len(pending) == 0 {
		return nil
	}
	c.log.Info("indexing articles left pending", "count", len(pending))
	return c.indexRecords(ctx, pending)
}

// indexRecords writes pending records, each with its article, to the
// index and marks them indexed.
func (c *Crawler) indexRecords(ctx context.Context, recs []state.Record) error {
	batch := make([]search.Article, 0, len(recs))
	for _, r := range recs {
		if r.Article == nil {
			return fmt.Errorf("pending record %s has no article", r.ID)
		}
		batch = append(batch, *r.Article)
	}
	if err := c.store.Index(context.WithoutCancel(ctx), batch...); err != nil {
		return fmt.Errorf("index %d articles: %w", len(batch), err)
	}
	for i := range recs {
		recs[i].Status, recs[i].Article = state.Indexed, nil
	}
	return c.db.Put(recs...)
}

// Crawl runs one source once: it reads the source's feeds, listing pages
// and sitemaps, then fetches and indexes the articles not indexed yet.
// Failures of single documents are logged and reported, never returned;
// when ctx is cancelled the crawl stops after the article in hand.
func (c *Crawler) Crawl(ctx context.Context, src Source) *Report {
	start := c.Now()
	rep := &Report{Source: src.Name}
	log := c.log.With("source", src.Name)
	if err := c.recover(ctx); err != nil {
		rep.Err = err
		return rep
	}
	for _, u := range src.URLs() {
		c.fetcher.SetDelay(u, src.Delay)
	}
	items, done := c.discover(ctx, src, rep, log)
	complete := true
	seen := map[string]bool{}
	attempts := 0
	for _, it := range items {
		if ctx.Err() != nil {
			complete = false
			break
		}
		key, err := dedup.Key(it.URL)
		if err != nil || seen[key] {
			continue
		}
		seen[key] = true
		if attempts >= c.cfg.MaxItemsPerRun {
			rep.Skipped++
			complete = false
			continue
		}
		if c.item(ctx, src, it, key, rep, log) {
			attempts++
		}
	}
	if complete {
		c.saveValidators(done, log)
	}
	rep.Duration = c.Now().Sub(start)
	log.Info("source crawled", "fetched", rep.Fetched, "new", rep.New, "updated", rep.Updated,
		"skipped", rep.Skipped, "failed", rep.Failed())
	return rep
}

// validated is a feed or sitemap read in this run, whose validators are
// saved once all its items are handled.
type validated struct {
	url string
	v   fetch.Validators
}

func (c *Crawler) saveValidators(done []validated, log *slog.Logger) {
	for _, d := range done {
		if err := c.db.SetValidators(d.url, d.v); err != nil {
			log.Warn("save validators", "url", d.url, "err", err)
		}
	}
}

// discover lists the items announced by the source's documents.
func (c *Crawler) discover(ctx context.Context, src Source, rep *Report, log *slog.Logger) ([]feeds.Item, []validated) {
	var items []feeds.Item
	var done []validated
	failed := 0
	read := func(raw string, links bool) []feeds.Item {
		doc, v, err := c.document(ctx, raw, links)
		if err != nil {
			failed++
			rep.fail(raw, err)
			log.Warn("document failed", "url", raw, "err", err)
			return nil
		}
		done = append(done, validated{raw, v})
		return doc
	}
	for _, f := range src.Feeds {
		items = append(items, read(f, false)...)
	}
	for _, p := range src.Pages {
		items = append(items, read(p, true)...)
	}
	for _, s := range src.Sitemaps {
		items = append(items, c.sitemap(ctx, s, rep, &done, &failed, log)...)
	}
	if n := len(src.URLs()); failed == n {
		rep.Err = errors.New("every feed, sitemap and page failed")
	}
	return items, done
}

// sitemap reads a sitemap, or a sitemap index and up to MaxSitemaps of its
// children (one level deep).
func (c *Crawler) sitemap(ctx context.Context, raw string, rep *Report, done *[]validated, failed *int, log *slog.Logger) []feeds.Item {
	doc, v, err := c.parsed(ctx, raw)
	if err != nil {
		*failed++
		rep.fail(raw, err)
		log.Warn("sitemap failed", "url", raw, "err", err)
		return nil
	}
	*done = append(*done, validated{raw, v})
	items := doc.Items
	for i, child := range doc.Sitemaps {
		if i >= c.cfg.MaxSitemaps || ctx.Err() != nil {
			break
		}
		cdoc, cv, err := c.parsed(ctx, child.URL)
		if err != nil {
			rep.fail(child.URL, err)
			log.Warn("sitemap failed", "url", child.URL, "err", err)
			continue
		}
		*done = append(*done, validated{child.URL, cv})
		items = append(items, cdoc.Items...)
	}
	return items
}

// document fetches a feed or sitemap (or, with links, a listing page) and
// returns its items; an unchanged document (304) has none.
func (c *Crawler) document(ctx context.Context, raw string, links bool) ([]feeds.Item, fetch.Validators, error) {
	if !links {
		doc, v, err := c.parsed(ctx, raw)
		if err != nil {
			return nil, v, err
		}
		return doc.Items, v, nil
	}
	resp, err := c.fetcher.Get(ctx, raw, fetch.Validators{})
	if err != nil {
		return nil, fetch.Validators{}, err
	}
	text, err := resp.Text()
	if err != nil {
		return nil, fetch.Validators{}, fmt.Errorf("listing page %s: %w", raw, err)
	}
	page, _ := url.Parse(resp.URL)
	return feeds.Links(text, page), fetch.Validators{}, nil
}

// parsed fetches a feed or sitemap conditionally and parses it.
func (c *Crawler) parsed(ctx context.Context, raw string) (*feeds.Doc, fetch.Validators, error) {
	prev, err := c.db.Validators(raw)
	if err != nil {
		return nil, prev, err
	}
	resp, err := c.fetcher.Get(ctx, raw, prev)
	if err != nil {
		return nil, prev, err
	}
	if resp.NotModified {
		return &feeds.Doc{}, prev, nil
	}
	base, _ := url.Parse(resp.URL)
	doc, err := feeds.Parse(resp.Body, base)
	if err != nil {
		return nil, prev, fmt.Errorf("%s: %w", raw, err)
	}
	return doc, resp.Validators, nil
}
