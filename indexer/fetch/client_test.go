package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

func testConfig() Config {
	cfg := DefaultConfig()
	cfg.UserAgent = "vnsearch-test/1.0"
	cfg.Timeout = 2 * time.Second
	cfg.MaxBytes = 1 << 20
	cfg.Backoff = time.Millisecond
	cfg.Delay = 0
	return cfg
}

// newClient returns a client that may reach the test servers of urls on
// loopback, as a source with allow_private may.
func newClient(t *testing.T, cfg Config, urls ...string) *Client {
	t.Helper()
	c, err := New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c.WithPrivate(urls...)
}

func TestGet(t *testing.T) {
	var flaky, hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.Header.Get("User-Agent") != "vnsearch-test/1.0" {
			t.Errorf("user agent %q", r.Header.Get("User-Agent"))
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, "<rss/>")
	})
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) < 3 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "ok")
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusBadGateway) })
	mux.HandleFunc("/private/a", func(w http.ResponseWriter, r *http.Request) { t.Error("disallowed path fetched") })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("junk ", 1<<20)))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.vn/a", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/flaky", http.StatusMovedPermanently)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := newClient(t, testConfig(), srv.URL)
	ctx := context.Background()

	resp, err := c.Get(ctx, srv.URL+"/feed.xml", Validators{})
	if err != nil || string(resp.Body) != "<rss/>" || resp.Validators.ETag != `"v1"` {
		t.Fatalf("first get: %+v %v", resp, err)
	}
	resp, err = c.Get(ctx, srv.URL+"/feed.xml", resp.Validators)
	if err != nil || !resp.NotModified || len(resp.Body) != 0 {
		t.Fatalf("conditional get: %+v %v", resp, err)
	}
	if resp, err := c.Get(ctx, srv.URL+"/moved", Validators{}); err != nil || string(resp.Body) != "ok" || !strings.HasSuffix(resp.URL, "/flaky") {
		t.Fatalf("retried get: %+v %v", resp, err)
	}
	if n := flaky.Load(); n != 3 {
		t.Errorf("flaky attempts = %d, want 3", n)
	}

	failures := []struct {
		path string
		is   func(error) bool
		text string
	}{
		{"/private/a", func(err error) bool { return errors.Is(err, ErrDisallowed) }, "disallowed"},
		{"/big", func(err error) bool { return errors.Is(err, ErrTooLarge) }, "too large"},
		{"/loop", func(err error) bool { return errors.Is(err, ErrRedirect) }, "stopped after 5 redirects"},
		{"/to-ftp", func(err error) bool { return errors.Is(err, ErrRedirect) }, "not http or https"},
		{"/down", func(err error) bool {
			var se *StatusError
			return errors.As(err, &se) && se.Code == 502 && !se.Permanent()
		}, "502"},
		{"/nowhere", func(err error) bool { var se *StatusError; return errors.As(err, &se) && se.Permanent() }, "404"},
	}
	for _, f := range failures {
		_, err := c.Get(ctx, srv.URL+f.path, Validators{})
		if err == nil || !f.is(err) || !strings.Contains(err.Error(), f.text) {
			t.Errorf("get %s: err %v, want one saying %q", f.path, err, f.text)
		}
	}

	cfg := testConfig()
	cfg.Timeout = 100 * time.Millisecond
	if _, err := newClient(t, cfg, srv.URL).Get(ctx, srv.URL+"/slow", Validators{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("slow server: err %v, want a deadline", err)
	}
}

func TestRobotsUnavailable(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "oops", http.StatusInternalServerError)
			return
		}
		t.Errorf("fetched %s although robots.txt failed", r.URL.Path)
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.Retries = 0
	_, err := newClient(t, cfg, srv.URL).Get(context.Background(), srv.URL+"/a.html", Validators{})
	if !errors.Is(err, ErrRobotsUnavailable) || !strings.Contains(err.Error(), "robots.txt answered http status 500") {
		t.Fatalf("err = %v, want ErrRobotsUnavailable", err)
	}
	srv.Close()
	_, err = newClient(t, cfg, srv.URL).Get(context.Background(), srv.URL+"/a.html", Validators{})
	if err == nil || errors.Is(err, ErrDisallowed) || !strings.Contains(err.Error(), "connection refused") {
		t.Fatalf("unreachable host: err = %v", err)
	}
}

func TestPerHostConcurrency(t *testing.T) {
	var cur, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := cur.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
		cur.Add(-1)
	}))
	defer srv.Close()
	c := newClient(t, testConfig(), srv.URL)
	done := make(chan struct{})
	for i := range 6 {
		go func() {
			defer func() { done <- struct{}{} }()
			if _, err := c.Get(context.Background(), fmt.Sprintf("%s/p%d", srv.URL, i), Validators{}); err != nil {
				t.Error(err)
			}
		}()
	}
	for range 6 {
		<-done
	}
	if peak.Load() != 1 {
		t.Fatalf("peak concurrency on one host = %d, want 1", peak.Load())
	}
}

func TestDecodeHTML(t *testing.T) {
	const want = "Thủ tướng chủ trì hội nghị về kinh tế số"
	// Windows-1258 writes tones as combining marks after the base letter.
	w1258 := encode1258(t, want)
	nfd := "Thủ tướng chủ trì hội nghị về kinh tế số"
	tests := []struct {
		name, contentType string
		body              []byte
	}{
		{"utf-8", "text/html; charset=utf-8", []byte(want)},
		{"header 1258", "text/html; charset=windows-1258", w1258},
		{"meta 1258", "text/html", append([]byte(`<meta charset="windows-1258">`), w1258...)},
		{"nfd", "text/html; charset=utf-8", []byte(nfd)},
		{"bom", "", append([]byte("\xef\xbb\xbf"), want...)},
	}
	for _, tt := range tests {
		got, err := DecodeHTML(tt.body, tt.contentType)
		got = strings.TrimPrefix(got, `<meta charset="windows-1258">`)
		if err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", tt.name, got, err, want)
		}
	}
}

// encode1258 writes s in Windows-1258: letters the code page holds
// precomposed (â, ê, ô, ơ, ư, ă, đ) stay whole, tone marks become
// combining characters after them.
func encode1258(t *testing.T, s string) []byte {
	const toneMarks = "\u0300\u0301\u0303\u0309\u0323"
	var b strings.Builder
	var letter, tones []rune
	flush := func() {
		b.WriteString(norm.NFC.String(string(letter)) + string(tones))
		letter, tones = letter[:0], tones[:0]
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case strings.ContainsRune(toneMarks, r):
			tones = append(tones, r)
		case unicode.Is(unicode.Mn, r):
			letter = append(letter, r)
		default:
			flush()
			letter = append(letter, r)
		}
	}
	flush()
	out, err := charmap.Windows1258.NewEncoder().Bytes([]byte(b.String()))
	if err != nil {
		t.Fatalf("encode windows-1258: %v", err)
	}
	return out
}

func TestRobotsExpire(t *testing.T) {
	var robotsHits atomic.Int32
	disallow := atomic.Bool{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robotsHits.Add(1)
			if disallow.Load() {
				fmt.Fprint(w, "User-agent: *\nDisallow: /\n")
			}
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	c := newClient(t, testConfig(), srv.URL)
	ctx := context.Background()
	for range 2 {
		if _, err := c.Get(ctx, srv.URL+"/a.html", Validators{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := robotsHits.Load(); n != 1 {
		t.Fatalf("robots.txt fetched %d times, want 1 (cached)", n)
	}
	disallow.Store(true)
	c.polite.mu.Lock()
	for _, r := range c.polite.robots {
		r.expires = time.Now().Add(-time.Second)
	}
	c.polite.mu.Unlock()
	if _, err := c.Get(ctx, srv.URL+"/a.html", Validators{}); !errors.Is(err, ErrDisallowed) {
		t.Fatalf("after expiry: %v, want the new robots.txt obeyed", err)
	}
}

// TestRedirectWithinHost: a request holding its host's only slot is
// redirected to https and to another port of the same host; reading the
// new origin's robots.txt does not wait for that slot, so the request
// completes within a short timeout, and the new origin's robots.txt is
// obeyed.
func TestRedirectWithinHost(t *testing.T) {
	var robotsHits atomic.Int32
	secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			robotsHits.Add(1)
			fmt.Fprint(w, "User-agent: *\nDisallow: /noi-bo/\n")
		case "/bai.html":
			fmt.Fprint(w, "bài viết")
		default:
			http.NotFound(w, r)
		}
	}))
	defer secure.Close()
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/bai.html" {
			fmt.Fprint(w, "cổng khác")
		}
	}))
	defer other.Close()
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/bai.html":
			http.Redirect(w, r, secure.URL+"/bai.html", http.StatusMovedPermanently)
		case "/port.html":
			http.Redirect(w, r, other.URL+"/bai.html", http.StatusFound)
		case "/noi-bo.html":
			http.Redirect(w, r, secure.URL+"/noi-bo/a.html", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer plain.Close()
	cfg := testConfig()
	cfg.Timeout = time.Second
	cfg.Retries = 0
	c := newClient(t, cfg, plain.URL, secure.URL, other.URL)
	c.http.Transport.(*http.Transport).TLSClientConfig = secure.Client().Transport.(*http.Transport).TLSClientConfig
	ctx := context.Background()
	tests := []struct{ path, want string }{{"/bai.html", "bài viết"}, {"/port.html", "cổng khác"}}
	for _, tt := range tests {
		resp, err := c.Get(ctx, plain.URL+tt.path, Validators{})
		if err != nil || string(resp.Body) != tt.want {
			t.Errorf("get %s: %v, want %q", tt.path, err, tt.want)
		}
	}
	if _, err := c.Get(ctx, plain.URL+"/noi-bo.html", Validators{}); !errors.Is(err, ErrDisallowed) {
		t.Errorf("redirect to a path the https robots.txt disallows: %v", err)
	}
	if n := robotsHits.Load(); n != 1 {
		t.Errorf("https robots.txt read %d times, want 1", n)
	}
}
