package indexer

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/indexer/extract"
	"github.com/vnsearch/vnsearch/search"
)

func sourceA(base string) Source {
	return Source{Name: "Báo Mẫu", Schedule: "@every 1h", AllowPrivate: true, Feeds: []string{base + "/rss/home.rss"},
		Pages: []string{base + "/chuyen-muc/xay-dung-dang.html"}}
}

func sourceB(base string) Source {
	return Source{Name: "Trang B", Schedule: "@every 1h", AllowPrivate: true, Sitemaps: []string{base + "/sitemap-index.xml"}}
}

var articlePaths = []string{
	"/tin-tuc/hoi-nghi-xay-dung-dang.html", "/tin-tuc/chuyen-doi-so-cap-xa.html", "/tin-tuc/nong-thon-moi-kieu-mau.html",
	"/tin-tuc/cuu-chien-binh-que-o.html", "/tin-tuc/dan-van-kheo.html",
}

func TestCrawlSite(t *testing.T) {
	site := newTestSite(t)
	store := newMemStore()
	c := openCrawler(t, filepath.Join(t.TempDir(), "crawl.db"), store)
	var enriched int
	c.Enrich = func(a *search.Article) { enriched++; a.Year = a.Published.Year() }
	ctx := context.Background()

	rep := c.Crawl(ctx, sourceA(site.URL))
	if rep.Err != nil || rep.New != 5 || rep.Updated != 0 || rep.Fetched != 5 {
		t.Fatalf("first run: %s", rep)
	}
	wantFailures := map[string]string{
		"/private/bai-noi-bo.html":   "disallowed by robots.txt",
		"/tin-tuc/bai-da-go.html":    "http status 404",
		"/tin-tuc/bai-bi-cat.html":   "unexpected EOF",
		"/tin-tuc/trang-rac.html":    "response too large",
		"/tin-tuc/may-chu-cham.html": "deadline exceeded",
		"/tin-tuc/vong-lap.html":     "stopped after 5 redirects",
	}
	if rep.Failed() != len(wantFailures) {
		t.Errorf("failures = %+v, want %d", rep.Failures, len(wantFailures))
	}
	for _, f := range rep.Failures {
		want, ok := wantFailures[strings.TrimPrefix(f.URL, site.URL)]
		if !ok || !strings.Contains(f.Reason, want) {
			t.Errorf("failure %s: %q, want %q", f.URL, f.Reason, want)
		}
	}
	if n := site.count("/private/bai-noi-bo.html"); n != 0 {
		t.Errorf("robots.txt-disallowed page fetched %d times", n)
	}
	if enriched != 5 {
		t.Errorf("enriched %d articles, want 5", enriched)
	}
	checkArticles(t, store, site.URL)

	gone := []string{"/tin-tuc/bai-da-go.html", "/tin-tuc/trang-rac.html", "/tin-tuc/vong-lap.html", "/tin-tuc/bai-bi-cat.html"}
	before := map[string]int{}
	for _, p := range gone {
		before[p] = site.count(p)
	}

	// The feed changes: only the new item is fetched.
	site.feed.Store(2)
	rep = c.Crawl(ctx, sourceA(site.URL))
	if rep.New != 1 || rep.Fetched != 1 || rep.Failed() != 0 {
		t.Fatalf("second run: %s %+v", rep, rep.Failures)
	}
	for _, p := range articlePaths {
		if n := site.count(p); n != 1 {
			t.Errorf("%s fetched %d times, want 1", p, n)
		}
	}
	if n := site.count("/tin-tuc/tiep-xuc-cu-tri.html"); n != 1 {
		t.Errorf("new item fetched %d times", n)
	}
	for _, p := range gone {
		if n := site.count(p); n != before[p] {
			t.Errorf("failed page %s requested again (%d times, then %d): not given up", p, before[p], n)
		}
	}

	// Nothing changed: the feed answers 304 to the ETag and no page is fetched.
	rep = c.Crawl(ctx, sourceA(site.URL))
	if rep.Fetched != 0 || rep.New != 0 || site.notModified.Load() != 1 {
		t.Fatalf("third run: %s, 304s %d", rep, site.notModified.Load())
	}
	if got := len(store.articles); got != 6 {
		t.Errorf("indexed %d articles, want 6", got)
	}
}

// checkArticles checks the fields of the indexed articles of source A.
func checkArticles(t *testing.T, store *memStore, base string) {
	t.Helper()
	got := store.byTitle()
	at := func(d, h, m int) time.Time { return time.Date(2025, 11, d, h, m, 0, 0, extract.Saigon) }
	want := []struct {
		title, path, start string
		published          time.Time
	}{
		{"Hội nghị sơ kết công tác xây dựng Đảng năm 2025", "/tin-tuc/hoi-nghi-xay-dung-dang.html", "Sáng 24/11", at(24, 9, 15)},
		{"Đẩy mạnh chuyển đổi số ở cấp xã", "/tin-tuc/chuyen-doi-so-cap-xa.html", "Tại xã Chi Lăng", at(20, 14, 30)},
		{"Thôn Đoài về đích nông thôn mới kiểu mẫu", "/tin-tuc/nong-thon-moi-kieu-mau.html", "Sau ba năm", at(17, 16, 40)},
		{"Hội Cựu chiến binh xã Quế Ổ giúp nhau phát triển kinh tế", "/tin-tuc/cuu-chien-binh-que-o.html", "Hội Cựu chiến binh xã Quế Ổ vừa", at(19, 7, 45)},
		{"Phong trào Dân vận khéo lan tỏa ở cơ sở", "/tin-tuc/dan-van-kheo.html", "Ở phường Phố Mới", at(22, 8, 0)},
	}
	for _, w := range want {
		a, ok := got[w.title]
		if !ok {
			t.Errorf("missing %q; have %v", w.title, slices.Collect(func(yield func(string) bool) {
				for k := range got {
					yield(k)
				}
			}))
			continue
		}
		if a.URL != base+w.path || a.Source != "Báo Mẫu" || !a.Published.Equal(w.published) || a.Year != 2025 ||
			!strings.HasPrefix(a.Body, w.start) || a.Crawled.IsZero() || len(a.ID) != 32 {
			t.Errorf("article %q: %+v", w.title, a)
		}
		for _, b := range []string{"Tin liên quan", "Trang chủ", "QUẢNG CÁO", "Bản quyền", "Bình luận", "Các tin khác"} {
			if strings.Contains(a.Body, b) {
				t.Errorf("%q: boilerplate %q indexed", w.title, b)
			}
		}
	}
}

func TestSyndicatedCopies(t *testing.T) {
	site := newTestSite(t)
	store := newMemStore()
	c := openCrawler(t, filepath.Join(t.TempDir(), "crawl.db"), store)
	ctx := context.Background()
	c.Crawl(ctx, sourceA(site.URL))
	orig := store.byTitle()["Hội nghị sơ kết công tác xây dựng Đảng năm 2025"]
	if orig.Group != "" {
		t.Fatalf("a story seen once has group %q", orig.Group)
	}

	// Site B published the same story two hours earlier.
	rep := c.Crawl(ctx, sourceB(site.URL))
	if rep.New != 2 || rep.Failed() != 0 {
		t.Fatalf("site B: %s %+v", rep, rep.Failures)
	}
	got := store.byTitle()
	cp := got["Gia Bình sơ kết công tác xây dựng Đảng"]
	orig = got["Hội nghị sơ kết công tác xây dựng Đảng năm 2025"]
	if cp.ID == "" || cp.Group != cp.ID || orig.Group != cp.ID {
		t.Errorf("groups: copy %q (id %q), original %q; want both %q", cp.Group, cp.ID, orig.Group, cp.ID)
	}
	if store.writes[orig.ID] != 2 {
		t.Errorf("original written %d times, want 2 (re-grouped)", store.writes[orig.ID])
	}
	if other := got["Khai mạc ngày hội văn hóa các dân tộc"]; other.Group != "" {
		t.Errorf("unrelated story grouped: %q", other.Group)
	}
	// Crawling B again changes nothing, and the monthly sitemaps, whose
	// lastmod in the index did not change, are not read again.
	if rep := c.Crawl(ctx, sourceB(site.URL)); rep.Fetched != 0 || rep.New+rep.Updated != 0 {
		t.Errorf("site B again: %s", rep)
	}
	for _, p := range []string{"/site-b/sitemap-2025-11.xml", "/site-b/sitemap-2025-10.xml"} {
		if n := site.count(p); n != 1 {
			t.Errorf("%s read %d times, want 1", p, n)
		}
	}
	if n := site.count("/sitemap-index.xml"); n != 2 {
		t.Errorf("sitemap index read %d times, want 2", n)
	}
}

func TestPendingRecovered(t *testing.T) {
	site := newTestSite(t)
	path := filepath.Join(t.TempDir(), "crawl.db")
	broken := newMemStore()
	broken.fail = errors.New("disk full")
	c := NewCrawler(testConfig(), path, broken)
	if err := c.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	rep := c.Crawl(context.Background(), sourceA(site.URL))
	if rep.New != 0 || !strings.Contains(rep.Failures[0].Reason, "disk full") {
		t.Fatalf("broken store: %s %+v", rep, rep.Failures)
	}
	c.Close()

	store := newMemStore()
	c = openCrawler(t, path, store) // Open indexes what was left pending
	if len(store.articles) != 5 {
		t.Fatalf("recovered %d articles, want 5", len(store.articles))
	}
	for id, n := range store.writes {
		if n != 1 {
			t.Errorf("%s written %d times", id, n)
		}
	}
	if rep := c.Crawl(context.Background(), sourceA(site.URL)); rep.Fetched != 0 {
		t.Errorf("after recovery: %s", rep)
	}
	for _, p := range articlePaths {
		if n := site.count(p); n != 1 {
			t.Errorf("%s fetched %d times, want 1", p, n)
		}
	}
}

func TestTrustCanonical(t *testing.T) {
	page, _ := url.Parse("https://www.baomau.vn/tin-tuc/a-123.html?amp=1")
	tests := map[string]bool{
		"https://baomau.vn/tin-tuc/a-123.html":    true,
		"http://www.baomau.vn/tin-tuc/a-123.html": true,
		"https://baomau.vn/":                      false,
		"https://baomau.vn":                       false,
		"https://baokhac.vn/tin-tuc/a-123.html":   false,
		"":                                        false,
	}
	for canonical, want := range tests {
		if got := trustCanonical(canonical, page); got != want {
			t.Errorf("trustCanonical(%q) = %v", canonical, got)
		}
	}
}

func TestLoadSources(t *testing.T) {
	srcs, err := LoadSources(filepath.Join("..", "sources.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) < 6 {
		t.Errorf("example sources: %d, want at least 6", len(srcs))
	}
	for _, s := range srcs {
		if s.AllowPrivate {
			t.Errorf("example source %q opens private addresses", s.Name)
		}
	}
	p := filepath.Join(t.TempDir(), "private.yaml")
	if err := os.WriteFile(p, []byte("sources:\n  - {name: A, schedule: \"@hourly\", allow_private: true, feeds: [\"http://10.0.0.12:8080/rss\"]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if srcs, err := LoadSources(p); err != nil || !srcs[0].AllowPrivate {
		t.Errorf("allow_private: true read as %+v, %v", srcs, err)
	}
	bad := map[string]string{
		"empty":    "sources: []\n",
		"schedule": "sources:\n  - name: A\n    schedule: \"every now\"\n    feeds: [https://a.vn/rss]\n",
		"scheme":   "sources:\n  - name: A\n    schedule: \"@every 1h\"\n    feeds: [ftp://a.vn/rss]\n",
		"nothing":  "sources:\n  - name: A\n    schedule: \"@every 1h\"\n",
		"twice":    "sources:\n  - {name: A, schedule: \"@hourly\", feeds: [\"https://a.vn/r\"]}\n  - {name: A, schedule: \"@hourly\", feeds: [\"https://a.vn/r\"]}\n",
		"selector": "sources:\n  - name: A\n    schedule: \"@hourly\"\n    feeds: [https://a.vn/rss]\n    selectors: {body: \"div[\"}\n",
		"delay":    "sources:\n  - name: A\n    schedule: \"@hourly\"\n    delay: soon\n    feeds: [https://a.vn/rss]\n",
		"private":  "sources:\n  - name: A\n    schedule: \"@hourly\"\n    allow_private: sometimes\n    feeds: [https://a.vn/rss]\n",
	}
	for name, text := range bad {
		p := filepath.Join(t.TempDir(), name+".yaml")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadSources(p); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
