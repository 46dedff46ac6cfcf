package web

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/vnsearch/vnsearch/search"
)

// parseFeed reads a feed back the way a feed reader does.
func parseFeed(t *testing.T, body string) *gofeed.Feed {
	t.Helper()
	f, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatalf("feed does not parse: %v\n%s", err, body)
	}
	return f
}

func TestFeed(t *testing.T) {
	s, fake := newTestServer(t, withPublicURL)
	fake.articles[1].Body = "Phong trào dân vận khéo <b>lan tỏa</b> <script>alert(1)</script>"
	const target = "/search.rss?q=d%C3%A2n&unit=T%E1%BB%89nh+%E1%BB%A7y+B%E1%BA%AFc+Ninh&sort=oldest"
	w := get(t, s, target)
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/rss+xml; charset=utf-8" {
		t.Fatalf("status %d type %q: %s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	if req := fake.lastRequest(); req.Sort != search.SortNewest || req.Size != feedSize || len(req.Filters.Keywords["unit"]) != 1 {
		t.Errorf("feed searched %+v", req)
	}
	// The snippet's markup is escaped by the format, never raw in the XML.
	if raw := w.Body.String(); strings.Contains(raw, "<mark>") || strings.Contains(raw, "<script") || strings.Contains(raw, "<b>") {
		t.Errorf("raw markup in the feed:\n%s", raw)
	}
	f := parseFeed(t, w.Body.String())
	if f.FeedType != "rss" || f.FeedVersion != "2.0" || f.Language != "vi" || f.Title != "vnsearch: «dân»" ||
		f.FeedLink != "https://tin.example.vn"+target {
		t.Errorf("feed %s %s %q %q self %q", f.FeedType, f.FeedVersion, f.Language, f.Title, f.FeedLink)
	}
	if !strings.Contains(f.Link, "unit=T%E1%BB%89nh") || strings.Contains(f.Link, "sort=") {
		t.Errorf("channel link %q", f.Link)
	}
	if len(f.Items) != 1 {
		t.Fatalf("%d items, want 1", len(f.Items))
	}
	it := f.Items[0]
	if it.Title != "Dân vận khéo ở cơ sở alert(1)" || it.Link != "https://example.vn/dan-van" ||
		it.GUID != "a2" || it.PublishedParsed == nil ||
		!it.PublishedParsed.Equal(time.Date(2021, 3, 2, 8, 0, 0, 0, vietnam)) {
		t.Errorf("item %q %q %q %v", it.Title, it.Link, it.GUID, it.PublishedParsed)
	}
	// The description is HTML: the highlight is markup, the article's own
	// tags are text.
	const want = "Phong trào <mark>dân</mark> vận khéo &lt;b&gt;lan tỏa&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;"
	if it.Description != want {
		t.Errorf("description\n got %q\nwant %q", it.Description, want)
	}
}

// TestFeedFollowsThePage: a feed lists the articles its page finds with the
// same parameters, newest first.
func TestFeedFollowsThePage(t *testing.T) {
	s, _ := newTestServer(t, withPublicURL)
	for _, params := range []string{
		"q=d%C3%A2n",
		"q=d%C3%A2n&example=true",
		"example=true",
		"model=D%C3%A2n+v%E1%BA%ADn+kh%C3%A9o",
		"model=D%C3%A2n+v%E1%BA%ADn+kh%C3%A9o&year=2021",
		"directive=05-CT%2FTW&source=B%C3%A1o+Nh%C3%A2n+D%C3%A2n",
		"q=kh%C3%B4ng+c%C3%B3",
	} {
		var fromPage []string
		for _, h := range decode[search.Result](t, get(t, s, "/api/search?sort=newest&"+params)).Hits {
			fromPage = append(fromPage, h.ID)
		}
		var fromFeed []string
		for _, it := range parseFeed(t, get(t, s, "/search.rss?"+params).Body.String()).Items {
			fromFeed = append(fromFeed, it.GUID)
		}
		if !slices.Equal(fromFeed, fromPage) {
			t.Errorf("%s: feed %v, page %v", params, fromFeed, fromPage)
		}
	}
}

func TestFeedUnsafeLinkAndBadInput(t *testing.T) {
	s, fake := newTestServer(t, withPublicURL)
	fake.articles[1].URL = "javascript:alert(1)"
	f := parseFeed(t, get(t, s, "/search.rss?q=d%C3%A2n+v%E1%BA%ADn+kh%C3%A9o").Body.String())
	if len(f.Items) != 1 || f.Items[0].Link != "https://tin.example.vn/articles/a2" {
		t.Errorf("item with an unsafe URL: %+v", f.Items)
	}
	for _, bad := range []string{"/search.rss?q=x&bogus=1", "/search.rss?q=%22x", "/search.rss?year=abc"} {
		if w := get(t, s, bad); w.Code != 400 || !strings.Contains(w.Body.String(), `"error"`) {
			t.Errorf("%s: %d %s", bad, w.Code, w.Body)
		}
	}
}

// withPublicURL configures the address readers reach the server at; the
// test requests carry another Host (example.com), which must not show.
func withPublicURL(c *Config) { c.PublicURL = "https://tin.example.vn/" }
