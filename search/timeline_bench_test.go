package search

import (
	"context"
	"sort"
	"testing"
	"time"
)

// BenchmarkTimeline measures what the timeline adds to a search: each
// query runs without it (IntervalNone) and with it (the default),
// alternately, on the same index in the same run, and the p50 and p99 of
// both are reported.
//
//	go test ./search -run NONE -bench Timeline -benchtime 100x -benchdocs 20000 -timeout 60m
func BenchmarkTimeline(b *testing.B) {
	ix := sharedBenchIndex(b)
	for _, shape := range []string{"phrase", "terms", "filtered"} {
		qs := benchQueries[shape]
		b.Run(shape, func(b *testing.B) {
			var without, with []time.Duration
			run := func(q, interval string) time.Duration {
				start := time.Now()
				if _, err := ix.Search(context.Background(), Request{Query: q, Interval: interval}); err != nil {
					b.Fatal(err)
				}
				return time.Since(start)
			}
			for i := 0; i < b.N; i++ {
				q := qs[i%len(qs)]
				if i%2 == 0 {
					without = append(without, run(q, IntervalNone))
					with = append(with, run(q, IntervalAuto))
				} else {
					with = append(with, run(q, IntervalAuto))
					without = append(without, run(q, IntervalNone))
				}
			}
			for name, lat := range map[string][]time.Duration{"none": without, "timeline": with} {
				sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
				at := func(p float64) float64 {
					return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
				}
				b.ReportMetric(at(0.50), "p50-"+name+"-ms")
				b.ReportMetric(at(0.99), "p99-"+name+"-ms")
			}
		})
	}
}
