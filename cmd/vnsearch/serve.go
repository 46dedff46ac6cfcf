package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/vnsearch/vnsearch/indexer"
	"github.com/vnsearch/vnsearch/indexer/ingest"
	"github.com/vnsearch/vnsearch/indexer/metadata"
	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/web"
)

func init() {
	register("serve", command{
		summary: "serve the JSON API and the search page (an empty index without --sources gets the demo corpus)",
		run:     runServe,
	})
}

// serveConfig is the configuration of `vnsearch serve`.
type serveConfig struct {
	Data        string
	Addr        string
	Sources     string
	PublicURL   string // where readers reach the server; the feed's links
	Demo        bool   // load the demo corpus into an empty index even with sources
	Vocabulary  string // political vocabulary file; "" the shipped one, "off" none
	AdminToken  string
	CORSOrigins []string
	Timeout     time.Duration // per request, on the index
	MaxSearches int           // running at once; 0 = two per core
	Drain       time.Duration // for in-flight requests at shutdown
}

func defaultServeConfig() serveConfig {
	return serveConfig{Data: defaultDataDir, Addr: ":8080", Timeout: web.DefaultTimeout, Drain: 20 * time.Second}
}

// Validate reports a configuration that cannot serve.
func (c serveConfig) Validate() error {
	switch {
	case c.Data == "":
		return errors.New("--data must not be empty")
	case c.Addr == "":
		return errors.New("--addr must not be empty")
	case c.Timeout <= 0:
		return fmt.Errorf("--timeout must be positive, got %v", c.Timeout)
	case c.Drain <= 0:
		return fmt.Errorf("--drain must be positive, got %v", c.Drain)
	case c.MaxSearches < 0:
		return fmt.Errorf("--max-searches must not be negative, got %d", c.MaxSearches)
	}
	return nil
}

// parseServeFlags reads the flags; the admin token may also come from the
// environment (VNSEARCH_ADMIN_TOKEN), which keeps it out of `ps`.
func parseServeFlags(args []string, stderr io.Writer, getenv func(string) string) (serveConfig, error) {
	cfg := defaultServeConfig()
	fs := newFlags("serve", "vnsearch serve [--data DIR] [--addr :8080] [--sources FILE] [--admin-token T] [--cors-origins O,…]", stderr)
	fs.StringVar(&cfg.Data, "data", cfg.Data, "data directory")
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "listen address")
	fs.StringVar(&cfg.Sources, "sources", "", "sources file (YAML) to crawl on schedule")
	fs.StringVar(&cfg.PublicURL, "public-url", "", "URL readers reach this server at, for the feed's links (default http://localhost:PORT)")
	fs.BoolVar(&cfg.Demo, "demo", false, "load the demo corpus into an empty index even with --sources (without them it is loaded anyway)")
	fs.StringVar(&cfg.Vocabulary, "vocabulary", "", `political vocabulary file replacing the shipped one ("off": no expansion)`)
	fs.StringVar(&cfg.AdminToken, "admin-token", getenv("VNSEARCH_ADMIN_TOKEN"),
		"bearer token of POST /api/admin/crawl (default $VNSEARCH_ADMIN_TOKEN; empty disables the admin API)")
	origins := fs.String("cors-origins", "", `comma-separated origins allowed to call the API from a browser and to frame the page ("*" for any)`)
	fs.DurationVar(&cfg.Timeout, "timeout", cfg.Timeout, "time limit of one request on the index")
	fs.IntVar(&cfg.MaxSearches, "max-searches", 0, "searches running at once, others queue within --timeout (0: two per core)")
	fs.DurationVar(&cfg.Drain, "drain", cfg.Drain, "time given to in-flight requests at shutdown")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	for _, o := range strings.Split(*origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			cfg.CORSOrigins = append(cfg.CORSOrigins, o)
		}
	}
	return cfg, cfg.Validate()
}

// serveGCPercent is the garbage collector's target of `serve` unless GOGC
// says otherwise.
const serveGCPercent = 400

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseServeFlags(args, stderr, os.Getenv)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	if os.Getenv("GOGC") == "" {
		// A search allocates much short-lived garbage (postings, matches);
		// collecting at 5x the live heap instead of 2x gave 28% more
		// throughput on the full corpus (BENCHMARKS.md, "Load test").
		debug.SetGCPercent(serveGCPercent)
	}
	var sources []indexer.Source
	if cfg.Sources != "" {
		if sources, err = indexer.LoadSources(cfg.Sources); err != nil {
			return err
		}
	}
	ix, lock, err := openLocked(ctx, cfg.Data, "serve")
	if err != nil {
		return err
	}
	defer lock.Close()
	defer ix.Close()
	if err := useVocabulary(ix, cfg.Vocabulary); err != nil {
		return err
	}
	if cfg.Sources == "" || cfg.Demo {
		// A first run shows real results; an index meant for crawled
		// sources gets no demo articles unless asked.
		if err := ensureDemo(ctx, ix, log); err != nil {
			return fmt.Errorf("load the demo corpus: %w", err)
		}
	}
	var crawler web.Crawler
	if sources != nil {
		sched, closeCrawls, err := startCrawls(ctx, cfg.Data, sources, ix, log)
		if err != nil {
			return err
		}
		defer closeCrawls() // after the drain, before the index closes
		crawler = sched
	}
	handler, err := newHandler(cfg, ix, crawler, log)
	if err != nil {
		return err
	}
	n, _ := ix.Count()
	log.Info("index open", "data", cfg.Data, "articles", n)
	var warming sync.WaitGroup
	defer warming.Wait() // before the index closes; ctx has ended it
	warming.Go(func() { warm(ctx, ix, log) })
	return listenAndServe(ctx, cfg, handler, lock, log)
}

// warm does the first reads of the index while the server starts taking
// requests, so that the first reader after a restart is not the one who
// waits for them (search.Index.Warm).
func warm(ctx context.Context, ix *search.Index, log *slog.Logger) {
	start := time.Now()
	if err := ix.Warm(ctx); err != nil {
		if ctx.Err() == nil {
			log.Warn("warm the index", "err", err)
		}
		return
	}
	log.Info("index warmed", "took", time.Since(start).Round(time.Millisecond))
}

// listenAndServe serves h on cfg.Addr until ctx ends, then shuts down in
// two stages (serveUntilDone). The lock of the data directory records the
// address, for the messages of the commands it turns away.
func listenAndServe(ctx context.Context, cfg serveConfig, h http.Handler, lock *dataLock, log *slog.Logger) error {
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	log.Info("serving", "addr", ln.Addr().String())
	if err := lock.SetURL(localURL(ln.Addr())); err != nil {
		log.Warn("record the address in the data directory lock", "err", err)
	}
	force, stop := shutdownSignals(ctx)
	defer stop()
	return serveUntilDone(ctx, newHTTPServer(h, log), ln, cfg.Drain, force, log)
}

// startCrawls opens the crawler of the data directory and schedules the
// sources; closeCrawls stops the schedule, waits for running crawls to
// reach a safe point and closes the crawl state.
func startCrawls(ctx context.Context, data string, sources []indexer.Source, ix *search.Index, log *slog.Logger) (sched *indexer.Scheduler, closeCrawls func(), err error) {
	c, err := openCrawler(ctx, data, indexer.DefaultConfig(), ix, log)
	if err != nil {
		return nil, nil, err
	}
	sched = indexer.NewScheduler(c, sources, log.With("component", "scheduler"))
	if err := sched.Open(ctx); err != nil {
		c.Close()
		return nil, nil, err
	}
	return sched, func() {
		log.Info("stopping crawls")
		if err := sched.Close(); err != nil {
			log.Error("stop crawls", "err", err)
		}
		if err := c.Close(); err != nil {
			log.Error("close crawl state", "err", err)
		}
	}, nil
}

// newHandler builds the web server over the index.
func newHandler(cfg serveConfig, ix *search.Index, crawler web.Crawler, log *slog.Logger) (http.Handler, error) {
	gin.SetMode(gin.ReleaseMode)
	return web.New(web.Config{
		Searcher: ix,
		Crawler:  crawler,
		Backup:   newSnapshotter(cfg.Data, ix, crawler),
		Importer: func(ctx context.Context, r io.Reader) (ingest.Summary, error) {
			return ingest.Load(ctx, ix, r, ingest.Config{Enrich: metadata.Enrich})
		},
		PublicURL:   publicURL(cfg),
		AdminToken:  cfg.AdminToken,
		CORSOrigins: cfg.CORSOrigins,
		Timeout:     cfg.Timeout,
		MaxSearches: cfg.MaxSearches,
		Ready: func(context.Context) error {
			_, err := ix.Count()
			return err
		},
		Logger: log.With("component", "web"),
	})
}

// newHTTPServer bounds slow clients; the write timeout leaves room for a
// long CSV export.
func newHTTPServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// shutdownSignals closes force on the second SIGINT or SIGTERM: once ctx
// (which the first one cancels) is done, it listens for another, until
// stop is called.
func shutdownSignals(ctx context.Context) (force <-chan struct{}, stop func()) {
	forced, quit := make(chan struct{}), make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
		case <-quit:
			return
		}
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		defer signal.Stop(sig)
		select {
		case <-sig:
			close(forced)
		case <-quit:
		}
	}()
	return forced, func() { close(quit) }
}

// forceExit ends the process at once; a variable for tests.
var forceExit = func() { os.Exit(1) }

// serveUntilDone serves on ln until ctx is done, then drains in-flight
// requests for at most drain. A signal on force (the second Ctrl-C) stops
// waiting and exits the process at once.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener, drain time.Duration, force <-chan struct{}, log *slog.Logger) error {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: draining requests (signal again to stop at once)", "timeout", drain)
	dctx, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	go func() {
		select {
		case <-force:
			log.Warn("second signal: exiting without draining")
			forceExit()
		case <-dctx.Done():
		}
	}()
	if err := srv.Shutdown(dctx); err != nil {
		log.Warn("drain incomplete, closing connections", "err", err)
		srv.Close()
	}
	<-served
	log.Info("stopped serving")
	return nil
}

// localURL is the address of a listener as this machine reaches it: an
// unspecified host (":8080", "0.0.0.0") becomes the loopback.
func localURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String()
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// publicURL is --public-url, or the listen address on localhost.
func publicURL(cfg serveConfig) string {
	if cfg.PublicURL != "" {
		return cfg.PublicURL
	}
	_, port, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		port = "8080"
	}
	return "http://localhost:" + port
}
