package web

import (
	"context"
	"fmt"
	"runtime"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/vnsearch/vnsearch/search"
)

// defaultMaxSearches admits two searches per core: enough to overlap a
// little I/O, few enough that an overload queues instead of slowing every
// search down.
func defaultMaxSearches() int { return 2 * runtime.GOMAXPROCS(0) }

// maxExports bounds the CSV exports running at once. Exports have slots
// of their own: one streams to a client for as long as the client reads,
// and must not hold a search slot meanwhile.
const maxExports = 2

// limitedSearcher admits at most cap(slots) searches and cap(exports)
// exports at a time. Others wait for a slot until their context ends, so
// that under overload requests time out in the queue while the admitted
// ones keep their latency.
type limitedSearcher struct {
	Searcher
	slots    chan struct{}
	exports  chan struct{}
	inFlight prometheus.Gauge
}

func newLimitedSearcher(s Searcher, n int, inFlight prometheus.Gauge) limitedSearcher {
	return limitedSearcher{Searcher: s, slots: make(chan struct{}, n), exports: make(chan struct{}, maxExports), inFlight: inFlight}
}

func (l limitedSearcher) Export(ctx context.Context, req search.Request, limit int, fn func(*search.Article) error) error {
	select {
	case l.exports <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("wait for an export slot: %w", context.Cause(ctx))
	}
	defer func() { <-l.exports }()
	return l.Searcher.Export(ctx, req, limit, fn)
}

func (l limitedSearcher) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	select {
	case l.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("wait for a search slot: %w", context.Cause(ctx))
	}
	l.inFlight.Inc()
	defer func() {
		l.inFlight.Dec()
		<-l.slots
	}()
	return l.Searcher.Search(ctx, req)
}
