package indexer

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
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
	if st := s.Sources(); len(st) != 2 || st[0].Name != "Báo Mẫu" || !st[0].LastEnd.IsZero() || !st[0].NextRun.IsZero() || st[0].Failures == nil {
		t.Errorf("status before any run: %+v", st)
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
	checkStatus(t, s.Sources())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if st := s.Sources(); len(st) != 2 || !st[0].NextRun.IsZero() {
		t.Errorf("next run after Close: %+v", st)
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

// checkStatus checks the status of TestSchedulerTrigger's sources after
// their run.
func checkStatus(t *testing.T, sts []SourceStatus) {
	t.Helper()
	if len(sts) != 2 || sts[0].Name != "Báo Mẫu" || sts[1].Name != "Trang B" {
		t.Fatalf("statuses %+v, want both sources in file order", sts)
	}
	a := sts[0]
	if a.Running || a.LastStart.IsZero() || a.LastEnd.Before(a.LastStart) || a.Schedule != "@every 1h" {
		t.Errorf("run times: %+v", a)
	}
	if a.Fetched != 5 || a.New != 5 || a.Updated != 0 || a.Failed != 6 || len(a.Failures) != 6 || a.Error != "" {
		t.Errorf("counts: %+v", a)
	}
	reasons := map[string]string{}
	for _, f := range a.Failures {
		reasons[f.URL[strings.LastIndex(f.URL, "/"):]] = f.Reason
	}
	if !strings.Contains(reasons["/bai-da-go.html"], "http status 404") {
		t.Errorf("failures: %+v", a.Failures)
	}
	if next := time.Until(a.NextRun); next < 50*time.Minute || next > time.Hour {
		t.Errorf("next run in %v, want about an hour", next)
	}
}

func TestStatusFailuresBounded(t *testing.T) {
	b := newStatusBoard([]Source{{Name: "A", Schedule: "@hourly"}})
	rep := &Report{Source: "A", Err: errors.New("every feed, sitemap and page failed")}
	for i := range 30 {
		rep.fail(fmt.Sprintf("https://a.vn/%d.html", i), errors.New("http status 500"))
	}
	b.started("A", time.Now())
	if st := b.get("A"); !st.Running {
		t.Errorf("running status: %+v", st)
	}
	b.finished(rep, time.Now())
	st := b.get("A")
	if st.Running || st.Failed != 30 || len(st.Failures) != MaxStatusFailures || st.Failures[0].URL != "https://a.vn/0.html" || st.Error == "" {
		t.Errorf("status %+v", st)
	}
	st.Failures[0].URL = "changed"
	if b.get("A").Failures[0].URL == "changed" {
		t.Error("status shares its failures with the caller")
	}
}
