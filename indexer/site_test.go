package indexer

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

// testSite serves testdata/site with the misbehaving pages a crawler meets
// on the real web, and counts requests per path.
type testSite struct {
	*httptest.Server
	feed        atomic.Int32 // version of /rss/home.rss: 1 or 2
	notModified atomic.Int32 // 304 answers to the feed
	mu          sync.Mutex
	hits        map[string]int
	stop        chan struct{}
}

func newTestSite(t *testing.T) *testSite {
	s := &testSite{hits: map[string]int{}, stop: make(chan struct{})}
	s.feed.Store(1)
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.Start()
	t.Cleanup(func() { close(s.stop); s.Close() })
	return s
}

func (s *testSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *testSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.mu.Unlock()
	switch r.URL.Path {
	case "/rss/home.rss":
		v := s.feed.Load()
		etag := fmt.Sprintf(`"feed-v%d"`, v)
		if r.Header.Get("If-None-Match") == etag {
			s.notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		s.file(w, fmt.Sprintf("feed-v%d.xml", v), "application/rss+xml")
	case "/tin-tuc/bai-bi-cat.html": // announces more than it sends
		w.Header().Set("Content-Length", "5000")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<html><head><title>Bài bị cắt</title></head><body><h1>Bài bị cắt</h1><p>Đoạn đầu"))
	case "/tin-tuc/trang-rac.html": // multi-megabyte junk, streamed
		w.Header().Set("Content-Type", "text/html")
		junk := []byte(strings.Repeat("<div>rác rác rác</div>", 4096))
		for written := 0; written < 6<<20; written += len(junk) {
			if _, err := w.Write(junk); err != nil {
				return
			}
		}
	case "/tin-tuc/may-chu-cham.html": // answers after the client gave up
		select {
		case <-r.Context().Done():
		case <-s.stop:
		}
	case "/tin-tuc/vong-lap.html":
		http.Redirect(w, r, "/tin-tuc/vong-lap-2.html", http.StatusFound)
	case "/tin-tuc/vong-lap-2.html":
		http.Redirect(w, r, "/tin-tuc/vong-lap.html", http.StatusFound)
	default:
		ctype := "text/html; charset=utf-8"
		switch {
		case strings.HasSuffix(r.URL.Path, ".xml"):
			ctype = "application/xml"
		case strings.HasSuffix(r.URL.Path, ".txt"):
			ctype = "text/plain"
		case r.URL.Path == "/tin-tuc/cuu-chien-binh-que-o.html":
			ctype = "text/html" // the charset is in the page's meta tag
		}
		s.file(w, strings.TrimPrefix(r.URL.Path, "/"), ctype)
	}
}

func (s *testSite) file(w http.ResponseWriter, name, ctype string) {
	raw, err := os.ReadFile(filepath.Join("testdata", "site", filepath.FromSlash(name)))
	if err != nil {
		http.NotFound(w, nil)
		return
	}
	if strings.HasSuffix(name, ".xml") {
		raw = []byte(strings.ReplaceAll(string(raw), "{{BASE}}", s.URL))
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(raw)
}

// memStore is an in-memory Store that counts the writes of each id.
type memStore struct {
	mu       sync.Mutex
	articles map[string]search.Article
	writes   map[string]int
	fail     error
}

func newMemStore() *memStore {
	return &memStore{articles: map[string]search.Article{}, writes: map[string]int{}}
}

func (m *memStore) Index(ctx context.Context, articles ...search.Article) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return m.fail
	}
	for _, a := range articles {
		m.articles[a.ID] = a
		m.writes[a.ID]++
	}
	return nil
}

func (m *memStore) Article(ctx context.Context, id string) (*search.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.articles[id]
	if !ok {
		return nil, search.ErrNotFound
	}
	return &a, nil
}

func (m *memStore) byTitle() map[string]search.Article {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]search.Article{}
	for _, a := range m.articles {
		out[a.Title] = a
	}
	return out
}

// testConfig is a fast configuration: no delay, a 1 s timeout (the slow
// page costs two), a 2 MiB cap, and pages given up after one failure.
func testConfig() Config {
	cfg := DefaultConfig()
	cfg.Fetch.UserAgent = "vnsearch-test/1.0"
	cfg.Fetch.Timeout = time.Second
	cfg.Fetch.Delay = 0
	cfg.Fetch.Backoff = time.Millisecond
	cfg.Fetch.Retries = 1
	cfg.Fetch.MaxBytes = 2 << 20
	cfg.MaxFailures = 1
	return cfg
}

// openIndex opens a search index in a temporary directory, closed when
// the test ends.
func openIndex(t *testing.T) *search.Index {
	t.Helper()
	ix, err := search.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func openCrawler(t *testing.T, path string, store Store) *Crawler {
	t.Helper()
	c := NewCrawler(testConfig(), path, store)
	if err := c.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}
