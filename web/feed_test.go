package web

import (
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
