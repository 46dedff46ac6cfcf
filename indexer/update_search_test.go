package indexer

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

// updateCases are sites whose feed or sitemap announces, between two
// runs, that an article changed; doc writes the document of version v
// (1 or 2) listing base+"/bai.html".
var updateCases = []struct {
	name string
	src  func(base string) Source
	doc  func(base string, v int) string
}{
	{"atom updated", feedSource, func(base string, v int) string {
		return fmt.Sprintf(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Báo</title>
<entry><title>Bài</title><link href="%s/bai.html"/><published>2025-11-24T08:00:00+07:00</published><updated>%s</updated></entry></feed>`,
			base, map[int]string{1: "2025-11-24T09:00:00+07:00", 2: "2025-11-24T11:00:00+07:00"}[v])
	}},
	{"rss pubDate moved", feedSource, func(base string, v int) string {
		return fmt.Sprintf(`<rss version="2.0"><channel><title>Báo</title><item><title>Bài</title><link>%s/bai.html</link><pubDate>%s</pubDate></item></channel></rss>`,
			base, map[int]string{1: "Mon, 24 Nov 2025 09:00:00 +0700", 2: "Mon, 24 Nov 2025 11:00:00 +0700"}[v])
	}},
	{"news sitemap gains lastmod", sitemapSource, func(base string, v int) string {
		lastmod := map[int]string{1: "", 2: "<lastmod>2025-11-24T10:30:00+07:00</lastmod>"}[v]
		return fmt.Sprintf(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%s/bai.html</loc>%s<news:news><news:publication_date>2025-11-24T09:00:00+07:00</news:publication_date></news:news></url></urlset>`, base, lastmod)
	}},
	{"feed and sitemap, sitemap gains lastmod", bothSource, func(base string, v int) string {
		lastmod := map[int]string{1: "", 2: "<lastmod>2025-11-24 10:30:00</lastmod>"}[v]
		return fmt.Sprintf(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/bai.html</loc>%s</url></urlset>`, base, lastmod)
	}},
}

func feedSource(base string) Source {
	return Source{Name: "Báo Mẫu", Schedule: "@hourly", AllowPrivate: true, Feeds: []string{base + "/doc.xml"}}
}

func sitemapSource(base string) Source {
	return Source{Name: "Báo Mẫu", Schedule: "@hourly", AllowPrivate: true, Sitemaps: []string{base + "/doc.xml"}}
}

// bothSource reads an RSS feed announcing the article without an update
// time, then the sitemap.
func bothSource(base string) Source {
	return Source{Name: "Báo Mẫu", Schedule: "@hourly", AllowPrivate: true, Feeds: []string{base + "/rss.xml"}, Sitemaps: []string{base + "/doc.xml"}}
}

// TestUpdateReplacesText: the second run fetches the article again and
// the index holds its new text under the same id, the old text gone.
func TestUpdateReplacesText(t *testing.T) {
	texts := map[int]string{1: "Hội nghị diễn ra trong một buổi sáng tại hội trường xã.",
		2: "Đại biểu góp ý kiến về chuyển đổi số ở thôn bản vùng cao."}
	for _, tt := range updateCases {
		t.Run(tt.name, func(t *testing.T) {
			var version atomic.Int32
			version.Store(1)
			var srv *httptest.Server
			srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				v := int(version.Load())
				switch r.URL.Path {
				case "/doc.xml":
					fmt.Fprint(w, tt.doc(srv.URL, v))
				case "/rss.xml":
					fmt.Fprintf(w, `<rss version="2.0"><channel><title>B</title><item><title>Bài</title><link>%s/bai.html</link></item></channel></rss>`, srv.URL)
				case "/bai.html":
					fmt.Fprintf(w, articleHTML, "Đảng ủy xã quán triệt nghị quyết", strings.Repeat("Đảng ủy xã tổ chức hội nghị quán triệt nghị quyết. ", 5), texts[v])
				default:
					http.NotFound(w, r)
				}
			}))
			defer srv.Close()
			ix := openIndex(t)
			c := openCrawler(t, filepath.Join(t.TempDir(), "crawl.db"), ix)
			c.Now = func() time.Time { return time.Date(2025, 11, 24, 10, 0, 0, 0, time.FixedZone("", 7*3600)) }
			ctx := context.Background()
			src := tt.src(srv.URL)

			if rep := c.Crawl(ctx, src); rep.New != 1 || rep.Failed() != 0 {
				t.Fatalf("first run: %s %+v", rep, rep.Failures)
			}
			id := onlyHit(t, ix, `"buổi sáng tại hội trường"`)
			if rep := c.Crawl(ctx, src); rep.Fetched != 0 {
				t.Fatalf("nothing announced changed, yet: %s", rep)
			}
			version.Store(2)
			if rep := c.Crawl(ctx, src); rep.Updated != 1 || rep.New != 0 || rep.Failed() != 0 {
				t.Fatalf("run after the update: %s %+v", rep, rep.Failures)
			}
			if got := onlyHit(t, ix, `"chuyển đổi số ở thôn bản"`); got != id {
				t.Errorf("new text under id %s, want %s", got, id)
			}
			if res, err := ix.Search(ctx, search.Request{Query: `"buổi sáng tại hội trường"`}); err != nil || res.Total != 0 {
				t.Errorf("old text still found: %+v %v", res, err)
			}
			if rep := c.Crawl(ctx, src); rep.Fetched != 0 {
				t.Errorf("the same update fetched again: %s", rep)
			}
		})
	}
}

// onlyHit returns the id of the one article q finds.
func onlyHit(t *testing.T, ix *search.Index, q string) string {
	t.Helper()
	res, err := ix.Search(context.Background(), search.Request{Query: q})
	if err != nil || res.Total != 1 {
		t.Fatalf("search %s: %+v %v, want one hit", q, res, err)
	}
	return res.Hits[0].ID
}
