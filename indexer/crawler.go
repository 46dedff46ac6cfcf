package indexer

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
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
	views     sync.Map // source name → sourceFetcher (allow_private)
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
	d := &discovery{c: c, f: c.fetcherFor(src), ctx: ctx, rep: rep, log: log}
	if c.items(ctx, src, d.run(src), rep, log) {
		d.save()
	}
	rep.Duration = c.Now().Sub(start)
	log.Info("source crawled", "fetched", rep.Fetched, "new", rep.New, "updated", rep.Updated,
		"skipped", rep.Skipped, "failed", rep.Failed())
	return rep
}

// sourceFetcher is the fetcher of a source with allow_private, with the
// URLs it was opened for.
type sourceFetcher struct {
	urls string
	f    *fetch.Client
}

// fetcherFor returns the fetcher src's crawl uses: the shared one, or for
// a source with allow_private a view of it that may reach the private
// hosts src names. A view is kept per source, with its connections.
func (c *Crawler) fetcherFor(src Source) *fetch.Client {
	if !src.AllowPrivate {
		return c.fetcher
	}
	urls := strings.Join(src.URLs(), "\n")
	if v, ok := c.views.Load(src.Name); ok && v.(sourceFetcher).urls == urls {
		return v.(sourceFetcher).f
	}
	f := c.fetcher.WithPrivate(src.URLs()...)
	c.views.Store(src.Name, sourceFetcher{urls: urls, f: f})
	return f
}

// items handles the announced items in order, each URL once, at most
// MaxItemsPerRun fetched; it reports whether every item was handled.
func (c *Crawler) items(ctx context.Context, src Source, items []feeds.Item, rep *Report, log *slog.Logger) bool {
	complete := true
	attempts := 0
	for _, it := range merge(items) {
		if ctx.Err() != nil {
			return false
		}
		if attempts >= c.cfg.MaxItemsPerRun {
			rep.Skipped++
			complete = false
			continue
		}
		if c.item(ctx, src, it.Item, it.key, rep, log) {
			attempts++
		}
	}
	return complete
}

// announced is an item with its URL key.
type announced struct {
	feeds.Item
	key string
}

// merge keeps one item per URL key, in the order first announced, with
// the latest modification any document announced for it: a feed and a
// sitemap that disagree agree on the later time, so that neither hides an
// update the other announces.
func merge(items []feeds.Item) []announced {
	at := map[string]int{}
	var out []announced
	for _, it := range items {
		key, err := dedup.Key(it.URL)
		if err != nil {
			continue
		}
		i, ok := at[key]
		if !ok {
			at[key] = len(out)
			out = append(out, announced{Item: it, key: key})
			continue
		}
		if it.Modified.After(out[i].Modified) {
			out[i].Modified = it.Modified
		}
		if out[i].Published.IsZero() {
			out[i].Published = it.Published
		}
	}
	return out
}
