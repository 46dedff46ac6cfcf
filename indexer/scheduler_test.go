package indexer

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
)

func TestSchedulerTrigger(t *testing.T) {
	site := newTestSite(t)
	store := newMemStore()
	c := openCrawler(t, filepath.Join(t.TempDir(), "crawl.db"), store)
	s := NewScheduler(c, []Source{sourceA(site.URL), sourceB(site.URL)}, nil)
	reports := make(chan *Report, 4)
	s.OnReport = func(r *Report) { reports <- r }
	ctx := context.Background()
	if err := s.Trigger(ctx, ""); err == nil {
		t.Error("trigger before Open succeeded")
	}
	if err := s.Open(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Trigger(ctx, "Báo Không Có"); !errors.Is(err, ErrUnknownSource) {
		t.Errorf("unknown source: %v", err)
	}
	if err := s.Trigger(ctx, ""); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for range 2 {
		r := <-reports
		got[r.Source] = r.New
	}
	if got["Báo Mẫu"] != 5 || got["Trang B"] != 2 {
		t.Errorf("new articles per source: %v", got)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Trigger(ctx, ""); err == nil {
		t.Error("trigger after Close succeeded")
	}
}

func TestSchedulerSkipsOverlapAndWaitsOnClose(t *testing.T) {
	site := &crashSite{n: 3, hits: map[string]int{}, blockAt: 1, blocked: make(chan string, 1)}
	site.Server = httptest.NewUnstartedServer(http.HandlerFunc(site.serve))
	site.Start()
	defer site.Close()
	store := newMemStore()
	c := openCrawler(t, filepath.Join(t.TempDir(), "crawl.db"), store)
	src := Source{Name: "Chậm", Schedule: "@every 1h", AllowPrivate: true, Feeds: []string{site.URL + "/feed.xml"}}
	s := NewScheduler(c, []Source{src}, nil)
	var mu sync.Mutex
	var reports []*Report
	s.OnReport = func(r *Report) { mu.Lock(); reports = append(reports, r); mu.Unlock() }
	ctx := context.Background()
	if err := s.Open(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Trigger(ctx, src.Name); err != nil {
		t.Fatal(err)
	}
	<-site.blocked // the first crawl is stuck on article 1
	if err := s.Trigger(ctx, src.Name); !errors.Is(err, ErrBusy) {
		t.Errorf("second trigger: %v, want ErrBusy", err)
	}
	s.run(src) // the cron job skips too
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(reports) != 1 {
		t.Fatalf("%d crawls ran, want 1 (overlapping runs are skipped)", len(reports))
	}
	if r := reports[0]; r.New != 1 || r.Fetched != 1 {
		t.Errorf("stopped crawl: %s", r)
	}
	if site.count("/a/2.html") != 0 {
		t.Error("crawl went on after Close")
	}
	if len(store.articles) != 1 {
		t.Errorf("indexed %d articles, want 1", len(store.articles))
	}
}
