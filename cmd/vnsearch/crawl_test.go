package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vnsearch/vnsearch/indexer"
	"github.com/vnsearch/vnsearch/indexer/dedup"
)

// crawlSite serves three articles of the indexer's test site and a feed
// announcing them plus one page that does not exist.
func crawlSite(t *testing.T) *httptest.Server {
	files := http.FileServer(http.Dir(filepath.Join("..", "..", "indexer", "testdata", "site")))
	var srv *httptest.Server
	srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pages := map[string][]string{
			"/rss.xml":   {"tin-tuc/hoi-nghi-xay-dung-dang", "tin-tuc/chuyen-doi-so-cap-xa", "tin-tuc/nong-thon-moi-kieu-mau", "tin-tuc/khong-co"},
			"/rss-b.xml": {"site-b/hoi-nghi-gia-binh"},
		}[r.URL.Path]
		if pages == nil {
			files.ServeHTTP(w, r)
			return
		}
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Báo Mẫu</title>`)
		for _, p := range pages {
			fmt.Fprintf(w, "<item><title>%s</title><link>%s/%s.html</link></item>", p, srv.URL, p)
		}
		fmt.Fprint(w, "</channel></rss>")
	}))
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

func writeSources(t *testing.T, feeds ...string) string {
	var b strings.Builder
	b.WriteString("sources:\n")
	for i, f := range feeds {
		fmt.Fprintf(&b, "  - name: Nguồn %d\n    schedule: \"@every 1h\"\n    allow_private: true\n    feeds: [%q]\n", i+1, f)
	}
	path := filepath.Join(t.TempDir(), "sources.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCrawlOnce(t *testing.T) {
	srv := crawlSite(t)
	data := t.TempDir()
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	sources := writeSources(t, srv.URL+"/rss.xml", dead.URL+"/rss.xml")
	args := []string{"crawl", "--data", data, "--sources", sources, "--once", "--delay", "0", "--timeout", "5s"}

	var out, errOut bytes.Buffer
	if code := run(context.Background(), args, &out, &errOut); code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out.String(), errOut.String())
	}
	for _, want := range []string{
		"crawling Nguồn 1: 1 feeds, 0 sitemaps, 0 pages",
		"Nguồn 1: fetched 3, new 3, updated 0, skipped 0, failed 1",
		"/tin-tuc/khong-co.html: get " + srv.URL + "/tin-tuc/khong-co.html: http status 404",
		"Nguồn 2: fetched 0, new 0, updated 0, skipped 0, failed 1",
		"(source failed: every feed, sitemap and page failed)",
		"total: fetched 3, new 3, updated 0, skipped 0, failed 2",
		"1 of 2 sources failed",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	out.Reset()
	if code := run(context.Background(), args, &out, &errOut); code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, errOut.String())
	}
	if want := "Nguồn 1: fetched 0, new 0, updated 0, skipped 4, failed 0"; !strings.Contains(out.String(), want) {
		t.Errorf("second run lacks %q:\n%s", want, out.String())
	}

	ix, err := openIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, err := ix.Count(); err != nil || n != 3 {
		t.Errorf("index holds %d articles (%v), want 3", n, err)
	}
	key, _ := dedup.Key(srv.URL + "/tin-tuc/hoi-nghi-xay-dung-dang.html")
	a, err := ix.Article(context.Background(), dedup.ID(key))
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != "Nguồn 1" || a.Year != 2025 || !slices.Contains(a.Units, "Huyện ủy Gia Bình") {
		t.Errorf("crawled article without its metadata: source %q, year %d, units %v", a.Source, a.Year, a.Units)
	}
}

func TestScheduleCrawls(t *testing.T) {
	srv := crawlSite(t)
	data := t.TempDir()
	sources, err := indexer.LoadSources(writeSources(t, srv.URL+"/rss.xml"))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := openIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	cfg := indexer.DefaultConfig()
	cfg.Fetch.Delay = 0
	reports := make(chan *indexer.Report, 1)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	s, stop, err := scheduleCrawls(context.Background(), data, cfg, sources, ix, func(r *indexer.Report) { reports <- r }, log)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Trigger(context.Background(), "Nguồn 1"); err != nil {
		t.Fatal(err)
	}
	if r := <-reports; r.New != 3 {
		t.Errorf("triggered crawl: %s", r)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 3 {
		t.Errorf("index holds %d articles, want 3", n)
	}
}

// TestCrawlGroupsCopies: a story and its copy published two hours earlier
// on another site share the copy's id as group in the index, whichever
// was crawled first.
func TestCrawlGroupsCopies(t *testing.T) {
	srv := crawlSite(t)
	data := t.TempDir()
	args := []string{"crawl", "--data", data, "--sources", writeSources(t, srv.URL+"/rss.xml", srv.URL+"/rss-b.xml"), "--once", "--delay", "0"}
	var out, errOut bytes.Buffer
	if code := run(context.Background(), args, &out, &errOut); code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out.String(), errOut.String())
	}
	ix, err := openIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	id := func(path string) string {
		key, _ := dedup.Key(srv.URL + path)
		return dedup.ID(key)
	}
	orig, copyID := id("/tin-tuc/hoi-nghi-xay-dung-dang.html"), id("/site-b/hoi-nghi-gia-binh.html")
	for _, aid := range []string{orig, copyID} {
		a, err := ix.Article(context.Background(), aid)
		if err != nil {
			t.Fatal(err)
		}
		if a.Group != copyID || a.Body == "" || a.Year != 2025 {
			t.Errorf("%s: group %q (want %q), body %d bytes, year %d", a.Title, a.Group, copyID, len(a.Body), a.Year)
		}
	}
}

func TestCrawlEverySourceFailed(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	args := []string{"crawl", "--data", t.TempDir(), "--sources", writeSources(t, dead.URL+"/rss.xml"), "--once", "--timeout", "1s"}
	var out, errOut bytes.Buffer
	if code := run(context.Background(), args, &out, &errOut); code == 0 || !strings.Contains(errOut.String(), "every source failed") {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}

func TestCrawlFlags(t *testing.T) {
	for _, args := range [][]string{{}, {"--sources", "x.yaml", "extra"}, {"--sources", "x.yaml", "--max-items", "0"}} {
		if _, err := parseCrawlFlags(args, new(bytes.Buffer)); err == nil {
			t.Errorf("parseCrawlFlags(%q) accepted", args)
		}
	}
}
