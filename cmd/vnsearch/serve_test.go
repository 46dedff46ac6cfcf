package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/indexer"
)

func TestParseServeFlags(t *testing.T) {
	env := map[string]string{"VNSEARCH_ADMIN_TOKEN": "from-env"}
	getenv := func(k string) string { return env[k] }
	tests := []struct {
		args []string
		want func(*serveConfig)
		err  string
	}{
		{nil, func(c *serveConfig) { c.AdminToken = "from-env" }, ""},
		{[]string{"--data", "/d", "--addr", "127.0.0.1:9", "--admin-token", "flag", "--cors-origins", " https://a.vn, *,",
			"--timeout", "2s", "--drain", "1m", "--max-searches", "3"}, func(c *serveConfig) {
			c.Data, c.Addr, c.AdminToken = "/d", "127.0.0.1:9", "flag"
			c.CORSOrigins = []string{"https://a.vn", "*"}
			c.Timeout, c.Drain, c.MaxSearches = 2*time.Second, time.Minute, 3
		}, ""},
		{[]string{"--timeout", "0s"}, nil, "--timeout must be positive"},
		{[]string{"--max-searches", "-1"}, nil, "--max-searches must not be negative"},
		{[]string{"--data", ""}, nil, "--data must not be empty"},
		{[]string{"extra"}, nil, "unexpected arguments"},
		{[]string{"--port", "1"}, nil, "flag provided but not defined"},
	}
	for _, tt := range tests {
		got, err := parseServeFlags(tt.args, io.Discard, getenv)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: error %v, want %q", tt.args, err, tt.err)
			}
			continue
		}
		want := defaultServeConfig()
		tt.want(&want)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %+v, %v; want %+v", tt.args, got, err, want)
		}
	}
}

// TestServeDrains checks the first stage of shutdown: a request in flight
// when the context ends completes, and new connections are refused.
func TestServeDrains(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		io.WriteString(w, "done")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var logs bytes.Buffer
	returned := make(chan error, 1)
	go func() {
		returned <- serveUntilDone(ctx, newHTTPServer(h, slog.New(slog.NewTextHandler(&logs, nil))), ln,
			10*time.Second, make(chan struct{}), slog.New(slog.NewTextHandler(&logs, nil)))
	}()
	body := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			body <- "error: " + err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		body <- string(b)
	}()
	<-started
	cancel()
	waitFor(t, func() bool { _, err := net.Dial("tcp", ln.Addr().String()); return err != nil })
	select {
	case err := <-returned:
		t.Fatalf("returned before the request finished: %v", err)
	default:
	}
	close(release)
	if got := <-body; got != "done" {
		t.Errorf("in-flight request got %q", got)
	}
	if err := <-returned; err != nil {
		t.Errorf("serveUntilDone: %v", err)
	}
}

// TestServeForcedExit checks the second stage: a second signal during the
// drain exits at once.
func TestServeForcedExit(t *testing.T) {
	var exited atomic.Bool
	orig := forceExit
	forceExit = func() { exited.Store(true) }
	t.Cleanup(func() { forceExit = orig })
	started := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done()
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	force := make(chan struct{})
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := newHTTPServer(h, log)
	returned := make(chan error, 1)
	go func() { returned <- serveUntilDone(ctx, srv, ln, time.Hour, force, log) }()
	go http.Get("http://" + ln.Addr().String() + "/")
	<-started
	cancel()
	close(force)
	waitFor(t, exited.Load)
	srv.Close() // the real forceExit never returns; end the test's server
	<-returned
}

// startServe runs `vnsearch serve` with args on a free port and returns
// its base URL and a stop that cancels it like SIGTERM and waits.
func startServe(t *testing.T, args ...string) (base string, stop func()) {
	t.Helper()
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	var stderr bytes.Buffer
	logs := &lockedWriter{w: &stderr}
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, append([]string{"--data", t.TempDir(), "--addr", addr}, args...), io.Discard, logs)
	}()
	base = "http://" + addr
	waitFor(t, func() bool {
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v\n%s", err, logs)
		default:
		}
		resp, err := http.Get(base + "/healthz")
		return err == nil && resp.Body.Close() == nil
	})
	return base, func() {
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("serve: %v\n%s", err, logs)
		}
	}
}

func adminCrawl(t *testing.T, base, token, source string) (int, map[string]string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base+"/api/admin/crawl?source="+url.QueryEscape(source), nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]string
	json.NewDecoder(resp.Body).Decode(&body)
	return resp.StatusCode, body
}

// TestServeEndToEnd runs `vnsearch serve` on an empty data dir: it loads
// the demo corpus and answers the page and the API.
func TestServeEndToEnd(t *testing.T) {
	base, stop := startServe(t, "--admin-token", "tok")
	defer stop()
	for path, want := range map[string]int{
		"/readyz": 200, "/api/search?q=d%C3%A2n": 200, "/api/search?q=x&nope=1": 400, "/": 200, "/metrics": 200,
		"/api/directives": 200, "/api/articles/demo-001": 200, "/api/articles/none": 404,
	} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s: %d, want %d", path, resp.StatusCode, want)
		}
	}
	if status, body := adminCrawl(t, base, "tok", ""); status != http.StatusServiceUnavailable || !strings.Contains(body["error"], "--sources") {
		t.Errorf("admin crawl without sources: %d %v", status, body)
	}
}

// TestServeWithSources schedules a sources file and triggers its crawl
// through the admin API.
func TestServeWithSources(t *testing.T) {
	site := httptest.NewServer(http.NotFoundHandler())
	defer site.Close()
	sources := filepath.Join(t.TempDir(), "sources.yaml")
	yaml := "sources:\n  - name: Báo Thử\n    schedule: \"@every 1h\"\n    allow_private: true\n    feeds: [" + site.URL + "/rss]\n"
	if err := os.WriteFile(sources, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	base, stop := startServe(t, "--sources", sources, "--admin-token", "tok")
	defer stop()
	if status, body := adminCrawl(t, base, "tok", "Báo Thử"); status != http.StatusAccepted || body["source"] != "Báo Thử" {
		t.Errorf("trigger a source: %d %v", status, body)
	}
	if status, _ := adminCrawl(t, base, "tok", "Báo Khác"); status != http.StatusNotFound {
		t.Errorf("trigger an unknown source: %d", status)
	}
	if status, _ := adminCrawl(t, base, "wrong", "Báo Thử"); status != http.StatusUnauthorized {
		t.Errorf("trigger with a wrong token: %d", status)
	}
	// The index is meant for the sources: no demo articles in it.
	if resp, err := http.Get(base + "/api/articles/demo-001"); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("demo article in an index served with --sources: %v %v", resp.Status, err)
	}
	var st indexer.SourceStatus
	waitFor(t, func() bool {
		st = sourceStatus(t, base, "tok")
		return !st.LastEnd.IsZero()
	})
	if st.Name != "Báo Thử" || st.Failed != 1 || len(st.Failures) != 1 || !strings.Contains(st.Failures[0].Reason, "http status 404") ||
		st.Error == "" || st.NextRun.Before(st.LastEnd) {
		t.Errorf("source status after a failed run: %+v", st)
	}
}

// sourceStatus reads the one source of GET /api/admin/sources.
func sourceStatus(t *testing.T, base, token string) indexer.SourceStatus {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/api/admin/sources", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct{ Sources []indexer.SourceStatus }
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != http.StatusOK || len(body.Sources) != 1 {
		t.Fatalf("GET /api/admin/sources: %d %+v %v", resp.StatusCode, body, err)
	}
	return body.Sources[0]
}

func TestServeBadSources(t *testing.T) {
	err := runServe(context.Background(), []string{"--data", t.TempDir(), "--sources", filepath.Join(t.TempDir(), "none.yaml")}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "read sources") {
		t.Errorf("missing sources file: %v", err)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// waitFor polls cond until it holds, failing after a minute: generous,
// since CI's two cores run the race detector and other packages' tests.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	const limit = time.Minute
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("condition not met in %v", limit)
}

// lockedWriter serializes writes of concurrent loggers.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (l *lockedWriter) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return fmt.Sprint(l.w)
}
