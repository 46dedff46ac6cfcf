package indexer

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestUpdatedArticle: a sitemap announces a newer lastmod for a page whose
// text changed; the article is fetched again and re-indexed under its id.
func TestUpdatedArticle(t *testing.T) {
	var mu sync.Mutex
	lastmod, sentence := "2025-11-24T09:00:00+07:00", "Hội nghị diễn ra trong một buổi sáng."
	var srv *httptest.Server
	srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/sitemap.xml":
			fmt.Fprintf(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/bai.html</loc><lastmod>%s</lastmod></url></urlset>`, srv.URL, lastmod)
		case "/bai.html":
			fmt.Fprintf(w, `<html><head><meta charset="utf-8"><title>Bài cập nhật</title>
<meta property="article:published_time" content="2025-11-24T08:00:00+07:00"></head><body><article><h1>Bài cập nhật</h1>
<p>%s</p><p>%s</p></article></body></html>`, strings.Repeat("Đảng ủy xã tổ chức hội nghị quán triệt nghị quyết. ", 5), sentence)
		default:
			http.NotFound(w, r)
		}
	}))
	srv.Start()
	defer srv.Close()
	store := newMemStore()
	c := openCrawler(t, filepath.Join(t.TempDir(), "crawl.db"), store)
	src := Source{Name: "Báo Mẫu", Schedule: "@hourly", AllowPrivate: true, Sitemaps: []string{srv.URL + "/sitemap.xml"}}
	ctx := context.Background()
	if rep := c.Crawl(ctx, src); rep.New != 1 {
		t.Fatalf("first run: %s", rep)
	}
	if rep := c.Crawl(ctx, src); rep.Fetched != 0 || rep.Skipped != 1 {
		t.Fatalf("unchanged lastmod: %s", rep)
	}

	mu.Lock()
	lastmod, sentence = "2099-01-01T00:00:00+07:00", "Bài viết đã được cập nhật thêm ý kiến của đại biểu."
	mu.Unlock()
	if rep := c.Crawl(ctx, src); rep.Updated != 1 || rep.New != 0 {
		t.Fatalf("newer lastmod, new text: %s", rep)
	}
	if len(store.articles) != 1 {
		t.Fatalf("%d articles, want 1", len(store.articles))
	}
	for id, a := range store.articles {
		if !strings.HasSuffix(a.Body, sentence) || store.writes[id] != 2 {
			t.Errorf("updated article: writes %d, body %q", store.writes[id], a.Body)
		}
	}

	mu.Lock()
	lastmod = "2099-06-01T00:00:00+07:00" // touched, text unchanged
	mu.Unlock()
	if rep := c.Crawl(ctx, src); rep.Fetched != 1 || rep.Updated != 0 || rep.Skipped != 1 {
		t.Errorf("newer lastmod, same text: %s", rep)
	}
}
