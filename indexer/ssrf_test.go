package indexer

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/vnsearch/vnsearch/indexer/dedup"
)

// nameResolver resolves its names and leaves the others to the system.
type nameResolver map[string]netip.Addr

func (r nameResolver) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	if ip, ok := r[host]; ok {
		return []netip.Addr{ip}, nil
	}
	return net.DefaultResolver.LookupNetIP(ctx, network, host)
}

const articleHTML = `<html><head><meta charset="utf-8"><title>%[1]s</title>
<meta property="article:published_time" content="2025-11-24T08:00:00+07:00"></head><body><article><h1>%[1]s</h1>
<p>%[2]s</p><p>%[3]s</p></article></body></html>`

// TestCrawlRefusesPrivateAddresses: a feed of a source allowed its own
// loopback host:port announces items on another loopback port under every
// disguise; each is a permanent failure "refused: private address", the
// other port never sees a request, and the next run does not try again.
func TestCrawlRefusesPrivateAddresses(t *testing.T) {
	var forbiddenHits atomic.Int32
	forbidden := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		forbiddenHits.Add(1)
		fmt.Fprintf(w, articleHTML, "Bí mật nội bộ", strings.Repeat("Tài liệu mật của mạng nội bộ. ", 8), "Không được công bố.")
	}))
	defer forbidden.Close()
	_, fport, _ := net.SplitHostPort(forbidden.Listener.Addr().String())
	bad := []string{
		forbidden.URL + "/bi-mat-1.html",
		"http://localhost:" + fport + "/bi-mat-2.html",
		"http://[::1]:" + fport + "/bi-mat-3.html",
		"http://noi-bo.example:" + fport + "/bi-mat-4.html",
	}
	var site *httptest.Server
	site = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/rss.xml":
			var items strings.Builder
			for _, u := range append([]string{site.URL + "/bai-that.html", site.URL + "/chuyen-huong.html", "gopher://127.0.0.1:" + fport + "/x"}, bad...) {
				fmt.Fprintf(&items, "<item><title>t</title><link>%s</link></item>", u)
			}
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>Báo Mẫu</title>%s</channel></rss>`, items.String())
		case "/chuyen-huong.html":
			http.Redirect(w, r, forbidden.URL+"/bi-mat-5.html", http.StatusFound)
		case "/bai-that.html":
			fmt.Fprintf(w, articleHTML, "Hội nghị Đảng ủy xã", strings.Repeat("Đảng ủy xã tổ chức hội nghị quán triệt nghị quyết. ", 5), "Hội nghị thành công.")
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()
	store := newMemStore()
	cfg := testConfig()
	cfg.Fetch.Resolver = nameResolver{"noi-bo.example": netip.MustParseAddr("127.0.0.1")}
	c := NewCrawler(cfg, filepath.Join(t.TempDir(), "crawl.db"), store)
	if err := c.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	src := Source{Name: "Báo Mẫu", Schedule: "@hourly", AllowPrivate: true, Feeds: []string{site.URL + "/rss.xml"}}

	rep := c.Crawl(context.Background(), src)
	if rep.New != 1 || rep.Failed() != len(bad)+1 {
		t.Fatalf("first run: %s %+v", rep, rep.Failures)
	}
	for _, f := range rep.Failures {
		if !strings.Contains(f.Reason, "refused: private address") {
			t.Errorf("failure %s: %q, want a refusal", f.URL, f.Reason)
		}
		key, _ := dedup.Key(f.URL)
		if fl, ok, err := c.db.Failure(key); err != nil || !ok || !fl.Permanent {
			t.Errorf("failure of %s recorded as %+v %v %v, want permanent", f.URL, fl, ok, err)
		}
	}
	for _, a := range store.byTitle() {
		if a.Title != "Hội nghị Đảng ủy xã" {
			t.Errorf("indexed %q from %s", a.Title, a.URL)
		}
	}
	rep = c.Crawl(context.Background(), src)
	if rep.Fetched != 0 || rep.Failed() != 0 || rep.Skipped != len(bad)+2 {
		t.Errorf("second run: %s %+v, want every refused URL skipped", rep, rep.Failures)
	}
	if n := forbiddenHits.Load(); n != 0 {
		t.Errorf("the other loopback port received %d requests, want 0", n)
	}

	// Without allow_private the source's own loopback feed is refused too.
	src.Name, src.AllowPrivate = "Báo Khác", false
	rep = c.Crawl(context.Background(), src)
	if rep.Err == nil || rep.Failed() != 1 || !strings.Contains(rep.Failures[0].Reason, "refused: private address") {
		t.Errorf("source without allow_private: %s %+v", rep, rep.Failures)
	}
}
