package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/vnsearch/vnsearch/indexer"
	"github.com/vnsearch/vnsearch/indexer/metadata"
	"github.com/vnsearch/vnsearch/search"
)

func init() {
	register("crawl", command{
		summary: "crawl the sources file now (--once) or on its schedules until interrupted",
		run:     runCrawl,
	})
}

// crawlConfig is the configuration of `vnsearch crawl`.
type crawlConfig struct {
	Data    string
	Sources string
	Once    bool
	Crawler indexer.Config
}

func parseCrawlFlags(args []string, stderr io.Writer) (crawlConfig, error) {
	cfg := crawlConfig{Data: defaultDataDir, Crawler: indexer.DefaultConfig()}
	fs := newFlags("crawl", "vnsearch crawl [--data DIR] --sources FILE [--once] [--delay 1s] [--timeout 30s] [--max-items N]", stderr)
	fs.StringVar(&cfg.Data, "data", cfg.Data, "data directory")
	fs.StringVar(&cfg.Sources, "sources", "", "sources file (YAML), required")
	fs.BoolVar(&cfg.Once, "once", false, "crawl every source once, print a summary and exit")
	fs.DurationVar(&cfg.Crawler.Fetch.Delay, "delay", cfg.Crawler.Fetch.Delay, "default pause between two requests to one host")
	fs.DurationVar(&cfg.Crawler.Fetch.Timeout, "timeout", cfg.Crawler.Fetch.Timeout, "time limit of one request")
	fs.IntVar(&cfg.Crawler.MaxItemsPerRun, "max-items", cfg.Crawler.MaxItemsPerRun, "article pages fetched per source and run")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	switch {
	case fs.NArg() > 0:
		return cfg, fmt.Errorf("unexpected arguments %q", fs.Args())
	case cfg.Sources == "":
		fs.Usage()
		return cfg, errors.New("--sources is required")
	}
	return cfg, cfg.Crawler.Validate()
}

func runCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseCrawlFlags(args, stderr)
	if err != nil {
		return err
	}
	sources, err := indexer.LoadSources(cfg.Sources)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	ix, lock, err := openLocked(ctx, cfg.Data, "crawl")
	if err != nil {
		return err
	}
	defer lock.Close()
	defer ix.Close()
	if cfg.Once {
		c, err := openCrawler(ctx, cfg.Data, cfg.Crawler, ix, log)
		if err != nil {
			return err
		}
		defer c.Close()
		return crawlOnce(ctx, c, sources, stdout)
	}
	var mu sync.Mutex
	onReport := func(r *indexer.Report) {
		mu.Lock()
		defer mu.Unlock()
		printReport(stdout, r)
	}
	_, stop, err := scheduleCrawls(ctx, cfg.Data, cfg.Crawler, sources, ix, onReport, log)
	if err != nil {
		return err
	}
	log.Info("crawling on schedule; interrupt to stop", "sources", len(sources))
	<-ctx.Done()
	return stop()
}

// scheduleCrawls opens the crawler of a data directory and starts the
// schedule of sources; stop ends the schedule (waiting for running crawls
// to reach a safe point) and closes the crawler. onReport, when not nil,
// receives each run's report. `vnsearch serve --sources` runs it too and
// hands the scheduler to the web server's admin API.
func scheduleCrawls(ctx context.Context, data string, cfg indexer.Config, sources []indexer.Source, ix *search.Index,
	onReport func(*indexer.Report), log *slog.Logger) (*indexer.Scheduler, func() error, error) {
	c, err := openCrawler(ctx, data, cfg, ix, log)
	if err != nil {
		return nil, nil, err
	}
	s := indexer.NewScheduler(c, sources, log.With("component", "scheduler"))
	s.OnReport = onReport
	if err := s.Open(ctx); err != nil {
		c.Close()
		return nil, nil, err
	}
	stop := func() error {
		return errors.Join(s.Close(), c.Close())
	}
	return s, stop, nil
}

// openCrawler opens the crawler of a data directory, writing to ix and
// filling each article's metadata. `vnsearch serve` schedules it too.
func openCrawler(ctx context.Context, data string, cfg indexer.Config, ix *search.Index, log *slog.Logger) (*indexer.Crawler, error) {
	c := indexer.NewCrawler(cfg, filepath.Join(data, crawlDBName), ix)
	c.Enrich = metadata.Enrich
	c.Logger = log.With("component", "crawler")
	if err := c.Open(ctx); err != nil {
		return nil, fmt.Errorf("open crawler: %w", err)
	}
	return c, nil
}

// crawlOnce crawls every source once, concurrently (they are different
// sites), printing each source's report as it ends and then the totals.
// It fails when every source failed.
func crawlOnce(ctx context.Context, c *indexer.Crawler, sources []indexer.Source, w io.Writer) error {
	start := time.Now()
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := &indexer.Report{Source: "total"}
	failedSources := 0
	for _, src := range sources {
		mu.Lock() // the crawls begun print their reports to w
		fmt.Fprintf(w, "crawling %s: %d feeds, %d sitemaps, %d pages\n", src.Name, len(src.Feeds), len(src.Sitemaps), len(src.Pages))
		mu.Unlock()
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := c.Crawl(ctx, src)
			mu.Lock()
			defer mu.Unlock()
			printReport(w, r)
			total.Fetched += r.Fetched
			total.New += r.New
			total.Updated += r.Updated
			total.Skipped += r.Skipped
			total.Failures = append(total.Failures, r.Failures...)
			if r.Err != nil {
				failedSources++
			}
		}()
	}
	wg.Wait()
	total.Duration = time.Since(start)
	fmt.Fprintf(w, "%s; %d of %d sources failed\n", total, failedSources, len(sources))
	if failedSources == len(sources) {
		return errors.New("every source failed")
	}
	return ctx.Err()
}

func printReport(w io.Writer, r *indexer.Report) {
	fmt.Fprintln(w, r)
	for _, f := range r.Failures {
		fmt.Fprintf(w, "  failed %s: %s\n", f.URL, f.Reason)
	}
}
