package web

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/vnsearch/vnsearch/indexer"
	"github.com/vnsearch/vnsearch/search"
)

// Searcher is what the web server needs from the index. *search.Index
// satisfies it.
type Searcher interface {
	Search(ctx context.Context, req search.Request) (*search.Result, error)
	Article(ctx context.Context, id string) (*search.Article, error)
	Suggest(ctx context.Context, prefix string, n int) ([]string, error)
	Directives(ctx context.Context) ([]search.Directive, error)
	// Units lists the units the articles name, most named first.
	Units(ctx context.Context) ([]search.Facet, error)
	// Export calls fn with every article matching req, newest first, up
	// to limit (at most search.MaxExport), without its text.
	Export(ctx context.Context, req search.Request, limit int, fn func(*search.Article) error) error
}

// Crawler starts crawls on demand and tells how they went, for the admin
// API. The indexer's scheduler satisfies it.
type Crawler interface {
	// Trigger starts a crawl of source now; "" means every source.
	Trigger(ctx context.Context, source string) error
	// Sources returns the status of every source, in the sources file's
	// order.
	Sources() []indexer.SourceStatus
}

// meteredSearcher logs every search at debug level and records its
// latency and outcome.
type meteredSearcher struct {
	next    Searcher
	log     *slog.Logger
	metrics *metrics
}

func (m meteredSearcher) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	start := time.Now()
	res, err := bounded(ctx, func() (*search.Result, error) { return m.next.Search(ctx, req) })
	took := time.Since(start)
	m.metrics.searchDuration.WithLabelValues(outcome(err)).Observe(took.Seconds())
	if err != nil {
		m.log.LogAttrs(ctx, slog.LevelDebug, "search failed",
			slog.String("q", req.Query), slog.Duration("took", took), slog.Any("err", err))
		return nil, err
	}
	m.log.LogAttrs(ctx, slog.LevelDebug, "search",
		slog.String("q", req.Query), slog.Uint64("total", res.Total), slog.Duration("took", took))
	return res, nil
}

func (m meteredSearcher) Article(ctx context.Context, id string) (*search.Article, error) {
	return bounded(ctx, func() (*search.Article, error) { return m.next.Article(ctx, id) })
}

func (m meteredSearcher) Suggest(ctx context.Context, prefix string, n int) ([]string, error) {
	start := time.Now()
	s, err := bounded(ctx, func() ([]string, error) { return m.next.Suggest(ctx, prefix, n) })
	m.metrics.suggestDuration.WithLabelValues(outcome(err)).Observe(time.Since(start).Seconds())
	return s, err
}

func (m meteredSearcher) Directives(ctx context.Context) ([]search.Directive, error) {
	return bounded(ctx, func() ([]search.Directive, error) { return m.next.Directives(ctx) })
}

func (m meteredSearcher) Units(ctx context.Context) ([]search.Facet, error) {
	return bounded(ctx, func() ([]search.Facet, error) { return m.next.Units(ctx) })
}

// Export is not bounded: fn writes to the client, which must not happen
// after the handler has returned. The engine stops at its context.
func (m meteredSearcher) Export(ctx context.Context, req search.Request, limit int, fn func(*search.Article) error) error {
	start := time.Now()
	err := m.next.Export(ctx, req, limit, fn)
	m.metrics.exportDuration.WithLabelValues(outcome(err)).Observe(time.Since(start).Seconds())
	return err
}

// bounded returns when call does or when ctx ends, whichever is first, so
// that a request is answered in time even if the engine is slow to notice
// its context. The call itself runs to completion in the background.
func bounded[T any](ctx context.Context, call func() (T, error)) (T, error) {
	type answer struct {
		v   T
		err error
	}
	done := make(chan answer, 1)
	go func() {
		v, err := call()
		done <- answer{v, err}
	}()
	select {
	case a := <-done:
		return a.v, a.err
	case <-ctx.Done():
		var zero T
		return zero, fmt.Errorf("wait for the index: %w", context.Cause(ctx))
	}
}
