package indexer

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// modelPage is the part of a model page's .json (extract's TestSites)
// the crawl checks.
type modelPage struct {
	Title     string    `json:"title"`
	Lead      string    `json:"lead"`
	Published time.Time `json:"published"`
	Body      []string  `json:"body"`
	Absent    []string  `json:"absent"`
}

// TestCrawlModelPages crawls the model pages of testdata/sites from a
// loopback site, as a feed announces them, and checks what the index
// receives; a page without any date takes the feed's, and one that prints
// only the day takes the feed's time on that day.
func TestCrawlModelPages(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "sites", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no model pages: %v", err)
	}
	want := map[string]modelPage{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var m modelPage
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want[strings.TrimSuffix(filepath.Base(f), ".json")] = m
	}
	undated := modelPage{Title: "Xã Tam Sơn ra mắt tổ công nghệ số cộng đồng",
		Body:      []string{strings.Repeat("Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt ứng dụng định danh điện tử. ", 4)},
		Published: time.Date(2026, 3, 8, 9, 30, 0, 0, time.FixedZone("", 7*3600))}
	dayOnly := modelPage{Title: "Xã Tam Sơn trao thẻ bảo hiểm y tế cho hộ cận nghèo",
		Body:      []string{strings.Repeat("Ủy ban nhân dân xã trao hai trăm thẻ bảo hiểm y tế cho người thuộc hộ cận nghèo. ", 4)},
		Published: time.Date(2026, 3, 9, 15, 5, 0, 0, time.FixedZone("", 7*3600))}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".html")
		switch {
		case r.URL.Path == "/rss.xml":
			var items strings.Builder
			for n := range want {
				fmt.Fprintf(&items, "<item><title>%s</title><link>%s/%s.html</link></item>", n, srv.URL, n)
			}
			fmt.Fprintf(&items, "<item><title>undated</title><link>%s/undated.html</link><pubDate>%s</pubDate></item>", srv.URL, undated.Published.Format(time.RFC1123Z))
			fmt.Fprintf(&items, "<item><title>day</title><link>%s/day-only.html</link><pubDate>%s</pubDate></item>", srv.URL, dayOnly.Published.Format(time.RFC1123Z))
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>Model pages</title>%s</channel></rss>`, items.String())
		case name == "undated": // nothing dates it but the feed; its text holds a date
			fmt.Fprintf(w, `<html><body><h1>%s</h1><p>%s</p><p>Mô hình được triển khai từ ngày 24/3/2021.</p></body></html>`, undated.Title, undated.Body[0])
		case name == "day-only": // the page prints the day, the feed the time
			fmt.Fprintf(w, `<html><body><h1>%s</h1><div class="date">09/03/2026</div><p>%s</p></body></html>`, dayOnly.Title, dayOnly.Body[0])
		default:
			if _, ok := want[name]; !ok {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			http.ServeFile(w, r, filepath.Join("testdata", "sites", name+".html"))
		}
	}))
	defer srv.Close()
	store := newMemStore()
	c := openCrawler(t, filepath.Join(t.TempDir(), "crawl.db"), store)
	src := Source{Name: "Mẫu", Schedule: "@every 1h", AllowPrivate: true, Feeds: []string{srv.URL + "/rss.xml"}}
	if rep := c.Crawl(context.Background(), src); rep.New != len(want)+2 || rep.Failed() != 0 {
		t.Fatalf("crawl: %s %+v", rep, rep.Failures)
	}
	want["undated"], want["day-only"] = undated, dayOnly
	got := store.byTitle()
	for name, m := range want {
		a, ok := got[m.Title]
		if !ok {
			t.Errorf("%s: no article titled %q", name, m.Title)
			continue
		}
		if a.Lead != m.Lead {
			t.Errorf("%s: lead = %q, want %q", name, a.Lead, m.Lead)
		}
		if !a.Published.Equal(m.Published) {
			t.Errorf("%s: published = %v, want %v", name, a.Published, m.Published)
		}
		for _, p := range m.Body {
			if !strings.Contains(a.Body, strings.TrimSpace(p)) {
				t.Errorf("%s: body lacks %q", name, p)
			}
		}
		for _, b := range m.Absent {
			if strings.Contains(a.Title+"\n"+a.Lead+"\n"+a.Body, b) {
				t.Errorf("%s: boilerplate %q indexed", name, b)
			}
		}
	}
}
