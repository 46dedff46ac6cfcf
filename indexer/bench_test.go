package indexer

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
)

// BenchmarkCrawl crawls a local site of 200 generated articles into an
// in-memory store with no politeness delay: the crawler's own cost per
// article (fetch over loopback, decode, extract, sketch, state, index).
//
//	go test -run=NONE -bench=Crawl -benchtime=3x ./indexer/
func BenchmarkCrawl(b *testing.B) {
	const n = 200
	for range b.N {
		b.StopTimer()
		site := &crashSite{n: n, hits: map[string]int{}, blockAt: -1}
		site.Server = httptest.NewUnstartedServer(http.HandlerFunc(site.serve))
		site.Start()
		cfg := testConfig()
		cfg.MaxItemsPerRun = n
		c := NewCrawler(cfg, filepath.Join(b.TempDir(), "crawl.db"), newMemStore())
		if err := c.Open(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep := c.Crawl(context.Background(), Source{Name: "Bench", Schedule: "@hourly", AllowPrivate: true, Feeds: []string{site.URL + "/feed.xml"}})
		b.StopTimer()
		if rep.New != n {
			b.Fatalf("crawled: %s", rep)
		}
		c.Close()
		site.Close()
		b.ReportMetric(float64(n)/rep.Duration.Seconds(), "articles/s")
		b.StartTimer()
	}
}
