package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/indexer/dedup"
	"github.com/vnsearch/vnsearch/indexer/state"
	"github.com/vnsearch/vnsearch/search"
)

// soakKillsEnv sets the number of kills of TestServeKilledRepeatedly: the
// issue's 20 with VNSEARCH_SOAK_KILLS=20; CI runs the short default.
const (
	soakKillsEnv     = "VNSEARCH_SOAK_KILLS"
	soakDefaultKills = 3
	soakArticles     = 10
	soakImportFirst  = 1000 // numbers of the imported articles, soakImportSize per run
	soakImportSize   = 1000
)

// newsSite serves a feed of n articles, each with a marker word.
func newsSite(t *testing.T, n int) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	var site *httptest.Server
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("User-agent: *\nAllow: /\n")) })
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo Thử</title><link>/</link><description>Tin</description>`)
		for k := 1; k <= n; k++ {
			fmt.Fprintf(w, "<item><title>%s</title><link>%s/tin/%d.html</link><pubDate>Mon, 24 Nov 2025 09:15:00 +0700</pubDate></item>", siteTitle(k), site.URL, k)
		}
		fmt.Fprint(w, "</channel></rss>")
	})
	mux.HandleFunc("/tin/", func(w http.ResponseWriter, r *http.Request) {
		k, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/tin/"), ".html"))
		if err != nil || k < 1 || k > n {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>%[1]s</title>
<meta property="article:published_time" content="2025-11-24T09:15:00+07:00"></head><body>
<div id="menu"><a href="/">Trang chủ</a></div><div class="main-col"><h1>%[1]s</h1>
<p class="desc">Hội nghị bàn công tác xây dựng Đảng ở cơ sở.</p><div class="content-detail">
<p>Thực hiện Chỉ thị 05-CT/TW, Đảng ủy xã Chi Lăng tổ chức hội nghị sơ kết. Các chi bộ báo cáo kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong năm qua.</p>
<p>Mã bài %[2]s. Hội nghị đã thống nhất các giải pháp trọng tâm cho năm tới, trong đó chú trọng công tác dân vận và xây dựng nông thôn mới kiểu mẫu ở các thôn.</p>
<p>Đồng chí Bí thư Đảng ủy xã đề nghị các chi bộ tiếp tục đổi mới nội dung sinh hoạt, nâng cao chất lượng đảng viên và phát huy vai trò của người đứng đầu.</p>
</div></div></body></html>`, siteTitle(k), marker(k))
	})
	site = httptest.NewServer(mux)
	t.Cleanup(site.Close)
	return site
}

func siteTitle(k int) string {
	return fmt.Sprintf("Đảng ủy xã Chi Lăng sơ kết công tác, kỳ %d", k)
}

// TestServeKilledRepeatedly kills `vnsearch serve --sources` with SIGKILL
// at random moments while it crawls a local site and receives an import
// through POST /api/admin/import, restarting it each time: the index must
// open every time, every article the crawl state marks indexed and every
// article of an acknowledged import must be in the index, and at the end
// every article is there exactly once.
func TestServeKilledRepeatedly(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills serve several times")
	}
	kills := soakDefaultKills
	if v := os.Getenv(soakKillsEnv); v != "" {
		var err error
		if kills, err = strconv.Atoi(v); err != nil {
			t.Fatalf("%s=%q: %v", soakKillsEnv, v, err)
		}
	}
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 0))
	t.Logf("%d kills, seed %d", kills, seed)

	site := newsSite(t, soakArticles)
	dir := t.TempDir()
	data, sources := filepath.Join(dir, "data"), filepath.Join(dir, "sources.yaml")
	yaml := fmt.Sprintf("sources:\n  - name: Báo Thử\n    schedule: \"@every 1s\"\n    allow_private: true\n    feeds: [%q]\n", site.URL+"/rss.xml")
	if err := os.WriteFile(sources, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	fillIndex(t, data, search.AnalysisVersion, numbered(0, 1)) // not empty: no demo corpus

	var imported, acked []search.Article // every import sent; those whose summary came back
	for i := range kills {
		c := startChild(t, data, sources)
		adminCrawl(t, c.base, "s3cret", "") // now, not at the next tick
		batch := numbered(soakImportFirst+i*soakImportSize, soakImportSize)
		imported = append(imported, batch...)
		done := make(chan bool, 1)
		go func() { done <- c.importOK(batch) }()
		time.Sleep(time.Duration(rng.IntN(3000)) * time.Millisecond)
		c.kill9(t)
		if <-done {
			acked = append(acked, batch...)
		}
		n := checkAcknowledged(t, data, site.URL, soakArticles)
		checkImported(t, data, acked)
		t.Logf("kill %d: %d crawled articles acknowledged by the crawl state, %d of %d imported by acknowledged imports", i+1, n, len(acked), len(imported))
	}

	c := startChild(t, data, sources)
	adminCrawl(t, c.base, "s3cret", "")
	deadline := time.Now().Add(3 * time.Minute) // generous: CI's two cores run other packages' tests too
	for c.found(t, soakArticles) < soakArticles {
		if time.Now().After(deadline) {
			t.Fatalf("the crawl did not finish after the kills; found %d of %d", c.found(t, soakArticles), soakArticles)
		}
		time.Sleep(250 * time.Millisecond)
	}
	// A run records an article in the crawl state after the index holds
	// it: the run that found the last one ends before the kill.
	allFound := time.Now()
	for !c.crawlEndedAfter(t, allFound) {
		if time.Now().After(deadline) {
			t.Fatal("no crawl run ended after every article was found")
		}
		time.Sleep(100 * time.Millisecond)
	}
	c.kill9(t)
	if n := checkAcknowledged(t, data, site.URL, soakArticles); n != soakArticles {
		t.Errorf("%d of %d articles acknowledged at the end", n, soakArticles)
	}
	checkImported(t, data, acked)
	ix, err := openIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ids := make([]string, len(imported))
	for i := range imported {
		ids[i] = imported[i].ID
	}
	present, err := ix.Existing(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := ix.Count(); err != nil || got != uint64(soakArticles+1+present) {
		t.Errorf("the index holds %d articles, want %d crawled, 1 seed and %d imported, each once (%v)", got, soakArticles, present, err)
	}
}

// importOK posts arts to POST /api/admin/import and reports whether the
// summary acknowledged all of them.
func (c *serveChild) importOK(arts []search.Article) bool {
	var body strings.Builder
	enc := json.NewEncoder(&body)
	for _, a := range arts {
		enc.Encode(map[string]string{"id": a.ID, "source": a.Source, "url": a.URL, "title": a.Title, "lead": a.Lead,
			"body": a.Body, "published": a.Published.Format(time.RFC3339)})
	}
	req, _ := http.NewRequest(http.MethodPost, c.base+"/api/admin/import", strings.NewReader(body.String()))
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false // killed before it answered
	}
	defer resp.Body.Close()
	var sum struct{ Indexed int }
	return resp.StatusCode == http.StatusOK && json.NewDecoder(resp.Body).Decode(&sum) == nil && sum.Indexed == len(arts)
}

// checkImported fails unless every acknowledged imported article is in the
// index, whole and found by its marker word.
func checkImported(t *testing.T, data string, acked []search.Article) {
	t.Helper()
	ix, err := openIndex(data)
	if err != nil {
		t.Fatalf("index after the kill: %v", err)
	}
	defer ix.Close()
	for _, a := range acked {
		got, err := ix.Article(context.Background(), a.ID)
		if err != nil || got.Body != a.Body {
			t.Fatalf("acknowledged import %s: %v %+v", a.ID, err, got)
		}
	}
	for _, a := range acked[max(0, len(acked)-3):] { // searchable: the last ones written
		k, _ := strconv.Atoi(strings.TrimPrefix(a.ID, "a"))
		res, err := ix.Search(context.Background(), search.Request{Query: marker(k), Size: 2})
		if err != nil || res.Total != 1 {
			t.Errorf("acknowledged import %s found %+v (%v)", a.ID, res, err)
		}
	}
}

// serveChild is a `vnsearch serve` running in a child process.
type serveChild struct {
	cmd    *exec.Cmd
	base   string
	exited chan struct{}
	stderr *strings.Builder
}

// startChild starts serve on data and waits until it answers /readyz: the
// index opened.
func startChild(t *testing.T, data, sources string) *serveChild {
	t.Helper()
	addr := freeAddr(t)
	args, _ := json.Marshal([]string{"serve", "--data", data, "--sources", sources, "--addr", addr, "--admin-token", "s3cret"})
	c := &serveChild{cmd: exec.Command(os.Args[0], "-test.run=^$"), base: "http://" + addr, exited: make(chan struct{}), stderr: &strings.Builder{}}
	c.cmd.Env = append(os.Environ(), crashChildEnv+"="+string(args))
	c.cmd.Stderr = &lockedWriter{w: c.stderr}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { c.cmd.Wait(); close(c.exited) }()
	const ready = 2 * time.Minute // generous: CI's two cores run other packages' tests too
	deadline := time.Now().Add(ready)
	for {
		select {
		case <-c.exited:
			t.Fatalf("serve exited before it was ready:\n%s", c.stderr)
		default:
		}
		if resp, err := http.Get(c.base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return c
			}
		}
		if time.Now().After(deadline) {
			c.kill9(t)
			t.Fatalf("serve not ready within %v:\n%s", ready, c.stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (c *serveChild) kill9(t *testing.T) {
	t.Helper()
	c.cmd.Process.Kill()
	select {
	case <-c.exited:
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not die on SIGKILL")
	}
}

// crawlEndedAfter reports whether the source's last finished crawl run
// ended after since (GET /api/admin/sources).
func (c *serveChild) crawlEndedAfter(t *testing.T, since time.Time) bool {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.base+"/api/admin/sources", nil)
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Sources []struct {
			LastEnd time.Time `json:"last_end"`
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || len(body.Sources) != 1 {
		t.Fatalf("sources: %v %+v", err, body)
	}
	return body.Sources[0].LastEnd.After(since)
}

// found counts the articles of the site that one search finds exactly
// once.
func (c *serveChild) found(t *testing.T, n int) int {
	t.Helper()
	got := 0
	for k := 1; k <= n; k++ {
		resp, err := http.Get(c.base + "/api/search?q=" + url.QueryEscape(marker(k)))
		if err != nil {
			t.Fatal(err)
		}
		var res struct{ Total int }
		err = json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		switch {
		case err != nil:
			t.Fatal(err)
		case res.Total > 1:
			t.Fatalf("article %d found %d times", k, res.Total)
		case res.Total == 1:
			got++
		}
	}
	return got
}

// checkAcknowledged fails unless every article of the site that the crawl
// state marks indexed is in the index; it returns their number.
func checkAcknowledged(t *testing.T, data, site string, n int) int {
	t.Helper()
	db, err := state.Open(filepath.Join(data, crawlDBName))
	if err != nil {
		t.Fatalf("crawl state after the kill: %v", err)
	}
	defer db.Close()
	ix, err := openIndex(data)
	if err != nil {
		t.Fatalf("index after the kill: %v", err)
	}
	defer ix.Close()
	acked := 0
	for k := 1; k <= n; k++ {
		key, err := dedup.Key(fmt.Sprintf("%s/tin/%d.html", site, k))
		if err != nil {
			t.Fatal(err)
		}
		rec, ok, err := db.Lookup(key)
		if err != nil {
			t.Fatal(err)
		}
		if !ok || rec.Status != state.Indexed {
			continue
		}
		acked++
		res, err := ix.Search(context.Background(), search.Request{Query: marker(k), Size: 2})
		if err != nil || res.Total != 1 || res.Hits[0].ID != rec.ID {
			t.Errorf("article %d is acknowledged as %s but the index finds %+v (%v)", k, rec.ID, res, err)
		}
	}
	return acked
}
