package web

import (
	"encoding/csv"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/vnsearch/vnsearch/search"
)

func TestFeed(t *testing.T) {
	s, fake := newTestServer(t, nil)
	w := get(t, s, "/search.rss?q=d%C3%A2n&unit=T%E1%BB%89nh+%E1%BB%A7y+B%E1%BA%AFc+Ninh&sort=oldest")
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/rss+xml; charset=utf-8" {
		t.Fatalf("status %d type %q: %s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	if req := fake.lastRequest(); req.Sort != search.SortNewest || req.Size != feedSize || len(req.Filters.Units) != 1 {
		t.Errorf("feed searched %+v", req)
	}
	var doc rss
	if err := xml.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatalf("feed is not XML: %v", err)
	}
	ch := doc.Channel
	if doc.Version != "2.0" || ch.Language != "vi" || len(ch.Items) != 1 {
		t.Fatalf("feed %+v", doc)
	}
	it := ch.Items[0]
	if it.Title != "Dân vận khéo ở cơ sở <script>alert(1)</script>" || it.Link != "https://example.vn/dan-van" ||
		it.GUID.ID != "a2" || it.PubDate != "Tue, 02 Mar 2021 08:00:00 +0700" {
		t.Errorf("item %+v", it)
	}
	if !strings.Contains(ch.Link, "unit=T%E1%BB%89nh") || strings.Contains(ch.Link, "sort=") {
		t.Errorf("channel link %q", ch.Link)
	}
	fake.articles[1].URL = "javascript:alert(1)"
	doc = rss{}
	xml.Unmarshal(get(t, s, "/search.rss?q=d%C3%A2n+v%E1%BA%ADn+kh%C3%A9o").Body.Bytes(), &doc)
	if got := doc.Channel.Items[0].Link; got != "http://example.com/articles/a2" {
		t.Errorf("item with an unsafe URL links to %q", got)
	}
	if w := get(t, s, "/search.rss?q=x&bogus=1"); w.Code != 400 {
		t.Errorf("bad feed request: %d", w.Code)
	}
}

func TestExport(t *testing.T) {
	s, fake := newTestServer(t, nil)
	fake.articles = append(fake.articles, search.Article{ID: "a4", Title: "=HYPERLINK(\"http://x\")", Body: "dân"})
	for i := range 250 {
		fake.articles = append(fake.articles, search.Article{ID: "bulk" + string(rune('A'+i%26)) + string(rune('a'+i/26)), Title: "t", Body: "dân"})
	}
	w := get(t, s, "/api/export?q=d%C3%A2n&format=csv&page=9&size=1")
	if w.Code != 200 || w.Header().Get("Content-Type") != "text/csv; charset=utf-8" ||
		!strings.HasPrefix(w.Header().Get("Content-Disposition"), `attachment; filename="vnsearch-`) {
		t.Fatalf("status %d headers %v", w.Code, w.Header())
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(w.Body.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+3+1+250 {
		t.Fatalf("%d rows, want header + 254", len(rows))
	}
	if strings.Join(rows[0], ",") != "id,published,source,title,url,units,directives,example,score" {
		t.Errorf("header %q", rows[0])
	}
	if rows[1][0] != "a1" || rows[1][1] != "2023-05-19T08:00:00+07:00" || rows[1][5] != "Thị ủy Quế Võ; Chi bộ thôn Quế Ổ" {
		t.Errorf("first row %q", rows[1])
	}
	if rows[4][3] != `'=HYPERLINK("http://x")` {
		t.Errorf("formula not defused: %q", rows[4][3])
	}
	for _, bad := range []string{"/api/export?q=x&format=xlsx", "/api/export?q=x&limit=3", "/api/export?q=boom"} {
		if w := get(t, s, bad); w.Code < 400 || !strings.Contains(w.Body.String(), `"error"`) {
			t.Errorf("%s: %d %s", bad, w.Code, w.Body)
		}
	}
}
