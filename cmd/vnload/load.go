package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// defaultMix is the built-in query mix: quotes with and without
// diacritics, words, filters, sorting, deeper pages and grouping.
var defaultMix = []string{
	"q=" + url.QueryEscape(`"Dễ trăm lần không dân cũng chịu"`),
	"q=" + url.QueryEscape("de tram lan khong dan cung chiu"),
	"q=" + url.QueryEscape("dân vận khéo"),
	"q=" + url.QueryEscape("dan van kheo"),
	"q=" + url.QueryEscape("mô hình điển hình tiêu biểu"),
	"q=" + url.QueryEscape("học tập và làm theo Bác") + "&sort=newest",
	"q=" + url.QueryEscape("Chỉ thị 05"),
	"q=" + url.QueryEscape("xây dựng nông thôn mới") + "&year=2020..2024",
	"q=" + url.QueryEscape("chuyển đổi số") + "&page=2",
	"q=" + url.QueryEscape("đảng viên") + "&group=true",
	"q=" + url.QueryEscape("cai cach hanh chinh") + "&sort=oldest&size=20",
	"q=" + url.QueryEscape("tinh uy bac ninh"),
}

const tableHeader = "| concurrency | requests | errors | throughput (req/s) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |\n" +
	"|---:|---:|---:|---:|---:|---:|---:|---:|"

// loadTest sends the query mix to /api/search.
type loadTest struct {
	client  *http.Client
	base    *url.URL
	queries []string
}

// warm sends every query once, unmeasured, and fails on the first answer
// that is not 200, so that a wrong URL or a broken query is found early.
func (lt *loadTest) warm(ctx context.Context) error {
	for _, q := range lt.queries {
		status, err := lt.get(ctx, q)
		if err != nil {
			return fmt.Errorf("warm up with %q: %w", q, err)
		}
		if status != http.StatusOK {
			return fmt.Errorf("warm up with %q: HTTP %d", q, status)
		}
	}
	return nil
}

// get runs one search and reads the whole answer.
func (lt *loadTest) get(ctx context.Context, query string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, lt.base.String()+"/api/search?"+query, nil)
	if err != nil {
		return 0, err
	}
	resp, err := lt.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// levelStats is the outcome of one concurrency level.
type levelStats struct {
	concurrency int
	latencies   []time.Duration // of successful requests
	errors      int
	elapsed     time.Duration
}

// level runs requests with c workers until n are done or d has passed.
func (lt *loadTest) level(ctx context.Context, c, n int, d time.Duration) levelStats {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var next atomic.Int64
	var mu sync.Mutex
	st := levelStats{concurrency: c}
	var wg sync.WaitGroup
	start := time.Now()
	for range c {
		wg.Go(func() {
			var mine []time.Duration
			errs := 0
			for i := next.Add(1) - 1; i < int64(n) && ctx.Err() == nil; i = next.Add(1) - 1 {
				t0 := time.Now()
				status, err := lt.get(ctx, lt.queries[int(i)%len(lt.queries)])
				switch {
				case ctx.Err() != nil:
					// cut off by the time limit: neither a success nor an error
				case err != nil || status != http.StatusOK:
					errs++
				default:
					mine = append(mine, time.Since(t0))
				}
			}
			mu.Lock()
			st.latencies = append(st.latencies, mine...)
			st.errors += errs
			mu.Unlock()
		})
	}
	wg.Wait()
	st.elapsed = time.Since(start)
	slices.Sort(st.latencies)
	return st
}

// percentile returns the p-th percentile (0–100) of sorted latencies by
// the nearest-rank method.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(p/100*float64(len(sorted))+0.999999) - 1
	return sorted[min(max(rank, 0), len(sorted)-1)]
}

func (st levelStats) row() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }
	ok := len(st.latencies)
	return fmt.Sprintf("| %d | %d | %d | %.0f | %s | %s | %s | %s |",
		st.concurrency, ok+st.errors, st.errors, float64(ok)/st.elapsed.Seconds(),
		ms(percentile(st.latencies, 50)), ms(percentile(st.latencies, 90)),
		ms(percentile(st.latencies, 99)), ms(percentile(st.latencies, 100)))
}
