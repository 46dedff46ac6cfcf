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

// limitedSearcher admits at most cap(slots) searches at a time. Others wait
// for a slot until their context ends, so that under overload requests
// time out in the queue while the admitted ones keep their latency.
type limitedSearcher struct {
	Searcher
	slots    chan struct{}
	inFlight prometheus.Gauge
}

func newLimitedSearcher(s Searcher, n int, inFlight prometheus.Gauge) limitedSearcher {
	return limitedSearcher{Searcher: s, slots: make(chan struct{}, n), inFlight: inFlight}
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
